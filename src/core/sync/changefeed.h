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
    /// Called before the document is written (its old version already removed), so an entity the cache
    /// still holds comes from another document: a domain or dataset many documents name, or the first
    /// definition of an id this document only repeats (a refused duplicate, read again on every sync).
    /// Neither is an addition. `makeData()` gives the new image; it is called only for a change.
    template <typename MakeData>
    void noteNew(cache::CacheWriter &writer, const cache::EntityKey &key, const QString &domainId, MakeData &&makeData)
    {
        if (before.count(key))
            after[key] = {makeData(), domainId};
        else if (!writer.entityExists(key))
            added.push_back({key, domainId});
    }
    /// Writes the feed rows and counts them into `report`. An entity reported twice counts once.
    void record(cache::CacheWriter &writer, qint64 syncId, SyncReport &report) const;
};

/// Top-level keys whose values differ between two images.
QStringList changedFields(const QJsonObject &before, const QJsonObject &after);

} // namespace meshscope
