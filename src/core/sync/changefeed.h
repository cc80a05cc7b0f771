#pragma once

#include "cache/cachewriter.h"
#include "syncreport.h"

#include <QJsonObject>

#include <map>
#include <vector>

namespace meshscope {

/// Domains and datasets: named by many documents, each holding its own image of them.
bool heldByManyDocuments(const cache::EntityKey &key);

/// @brief What one sync run dropped with the sources it forgot (SyncEngine::setForgetSources): each entity
/// as it was, with the "removed" row already written for it.
///
/// The rows are written, and committed, with the forget itself, so a run cancelled or failed right after
/// still says truthfully what left the cache. A source synced later in the same run that yields one of
/// these entities again takes its row back: the same data is no change at all, other data is one
/// "changed" row with the fields. So replacing a source by a copy of it records only what really differs.
struct ForgottenEntities {
    struct Entry {
        /// One image per document that held it (domains and datasets are named by many), in no order.
        std::vector<QJsonObject> images;
        qint64 feedRow = 0; ///< the change_feed row that says "removed"
    };
    std::map<cache::EntityKey, Entry> entries;
};

/// @brief The change feed of one source's sync, for file and catalog sources alike: entities as they were
/// (from documents being replaced or removed), their new images, and entities seen for the first time.
/// record() turns them into added / changed (with the fields) / removed rows.
struct ChangeFeedCollector {
    cache::EntityImages before; ///< entities of replaced or removed documents, as they were
    cache::EntityImages after;  ///< their new images, only where a before-image exists
    std::vector<std::pair<cache::EntityKey, QString>> added;
    /// Every document's image of the entities being forgotten (`forgetting` only).
    std::map<cache::EntityKey, std::vector<QJsonObject>> forgottenImages;
    /// New images of the entities the run's forgotten sources held, from every document that yields one.
    std::map<cache::EntityKey, std::vector<QJsonObject>> again;

    /// The run's forgotten entities (none when null). A collector of a source being forgotten
    /// (`forgetting`) notes its removals there; any other takes back those its source yields again.
    ForgottenEntities *forgotten = nullptr;
    bool forgetting = false;

    /// A document being written yields `key`: a change when the entity was there before, else an addition.
    /// Called before the document is written (its old version already removed), so an entity the cache
    /// still holds comes from another document: a domain or dataset many documents name, or the first
    /// definition of an id this document only repeats (a refused duplicate, read again on every sync).
    /// Neither is an addition. `makeData()` gives the new image; it is called only for a change, or for an
    /// entity a forgotten source held: that one is compared with every image of it this source yields (the
    /// first document yielding it makes it an addition, which record() takes back).
    template <typename MakeData>
    void noteNew(cache::CacheWriter &writer, const cache::EntityKey &key, const QString &domainId, MakeData &&makeData)
    {
        if (forgotten && !forgetting && forgotten->entries.count(key)) {
            const auto seen = again.find(key);
            if (seen == again.end()) {
                if (!writer.entityExists(key)) {
                    added.push_back({key, domainId});
                    again[key].push_back(makeData());
                }
            } else if (heldByManyDocuments(key)) {
                seen->second.push_back(makeData());
            }
            return;
        }
        if (before.count(key))
            after[key] = {makeData(), domainId};
        else if (!writer.entityExists(key))
            added.push_back({key, domainId});
    }
    /// A document is being replaced or removed: keeps what it held as the before-picture.
    void collect(cache::CacheWriter &writer, qint64 documentId);
    /// Writes the feed rows and counts them into `report`. An entity reported twice counts once. Call last in
    /// the source's transaction: an entity taken back from `forgotten` leaves it (a failed transaction ends
    /// the run, so nothing later looks there again).
    void record(cache::CacheWriter &writer, qint64 syncId, SyncReport &report) const;

private:
    /// An added `key` that a forgotten source held: retracts its "removed" row and records the difference.
    bool takeBack(cache::CacheWriter &writer, qint64 syncId, const cache::EntityKey &key, SyncReport &report) const;
};

/// Top-level keys whose values differ between two images.
QStringList changedFields(const QJsonObject &before, const QJsonObject &after);
/// The same for an entity several documents hold: top-level keys whose values, over all its images and in
/// any order, differ. Empty when both sides hold the same images.
QStringList changedFields(const std::vector<QJsonObject> &before, const std::vector<QJsonObject> &after);

} // namespace meshscope
