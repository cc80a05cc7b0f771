#pragma once

#include "cache/cachewriter.h"
#include "syncreport.h"

#include <QJsonObject>

#include <vector>

namespace meshscope {

/// @brief The change feed of one source's sync, for file and catalog sources alike: entities as they were
/// (from documents being replaced or removed), their new images, and entities seen for the first time.
/// record() turns them into added / changed (with the fields) / removed rows.
struct ChangeFeedCollector {
    cache::EntityImages before; ///< entities of replaced or removed documents, as they were
    cache::EntityImages after;  ///< their new images, only where a before-image exists
    std::vector<std::pair<cache::EntityKey, QString>> added;

    /// A document being written yields `key`: a change when the entity was there before, else an addition.
    /// Domains and datasets are named by many documents, so they count as added only when the cache has
    /// none yet. `makeData()` gives the new image; it is called only for a change (a cold sync builds none).
    template <typename MakeData>
    void noteNew(cache::CacheWriter &writer, const cache::EntityKey &key, const QString &domainId, MakeData &&makeData)
    {
        if (before.count(key))
            after[key] = {makeData(), domainId};
        else if ((key.first != u"domain" && key.first != u"dataset") || !writer.entityExists(key))
            added.push_back({key, domainId});
    }
    /// Writes the feed rows and counts them into `report`. An entity reported twice counts once.
    void record(cache::CacheWriter &writer, qint64 syncId, SyncReport &report) const;
};

/// Top-level keys whose values differ between two images.
QStringList changedFields(const QJsonObject &before, const QJsonObject &after);

} // namespace meshscope
