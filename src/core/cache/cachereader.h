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

/// The change of the current row of a statement selecting `at, kind, entity_id, change, domain_id, fields`
/// from change_feed.
Change changeOfRow(const sql::Statement &s);

/// A contract held by a source, named for people: a proposal or draft that removing its source drops.
struct HeldContract {
    QString id;
    QString version;
    QString status;
    QString path;   ///< relative to its source
    QString source; ///< the source's uri
};

/// What the cache holds only through some sources: what removing them drops. Other sources that name the
/// same domain keep it; products and contracts belong to the one document that defines them.
struct SourceHoldings {
    qint64 domains = 0, products = 0, contracts = 0;
    std::vector<HeldContract> proposals; ///< contracts among them with status proposed or draft
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
    /// Whether a data product has this id.
    bool hasProduct(const QString &id);
    /// Whether a business metric has this id (metric documents, dbt metrics).
    bool hasMetric(const QString &id);
    /// Ids of the products tagged `tag` (exactly, as written in their documents).
    QStringList productsTagged(const QString &tag);
    /// What only the sources `uris` (as sourceUris() keys them) hold, so what removing them drops.
    SourceHoldings heldOnlyBy(const QStringList &uris);

private:
    CountOrigin originOf(const char *table);

    sql::Connection &m_db;
};

} // namespace meshscope::cache
