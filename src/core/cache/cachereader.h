#pragma once

#include "sqlite.h"
#include "sync/syncreport.h"

#include <QDateTime>

namespace meshscope::cache {

/// One entry of the change feed.
struct Change {
    QDateTime at;
    QString kind;
    QString entityId;
    QString change; ///< added, changed, removed
    QString domainId;
    QStringList fields;
};

/// @brief Read-only queries over the cache that are not a service of their own.
class CacheReader {
public:
    explicit CacheReader(sql::Connection &db) : m_db(db) {}

    CacheCounts counts();
    /// Time of the last finished sync of any source; invalid if never synced.
    QDateTime lastSync();
    /// Every source the cache holds, as it keys them (absolute folder or file paths, catalog URLs).
    QStringList sourceUris();
    /// Change feed entries after `since` (all when invalid), newest first.
    std::vector<Change> changesSince(const QDateTime &since, int limit = 1000);

private:
    sql::Connection &m_db;
};

} // namespace meshscope::cache
