#pragma once

#include "catalogsource.h"
#include "httpclient.h"
#include "sync/syncengine.h"

#include <functional>

namespace meshscope::sql {
class Connection;
}
namespace meshscope {
struct ForgottenEntities;
}

namespace meshscope::catalogs {

struct CatalogSyncOptions {
    HttpOptions http;
    /// Ignore the stored cursor and read the whole catalog (deletions on servers without an event
    /// feed are only seen this way; unchanged entities are still skipped by content hash).
    bool full = false;
    /// Where the token comes from; defaults to findToken() (environment, then keychain).
    std::function<QString(const CatalogLocation &, QString *lookedIn)> token;
};

/// Options for syncs started by SyncEngine (the defaults, read once from the environment:
/// MESHSCOPE_HTTP_TIMEOUT_MS, MESHSCOPE_HTTP_ATTEMPTS, MESHSCOPE_HTTP_DEADLINE_S for one request with its
/// retries, MESHSCOPE_CATALOG_DEADLINE_S for one catalog's whole sync).
CatalogSyncOptions defaultSyncOptions();

/// @brief Syncs one catalog source into the cache: all network reads first, then one transaction that
/// replaces the source's changed documents, records the change feed and stores the new cursor. Any
/// failure (HTTP, payload, cancel) leaves the cache as it was and is reported in `report` (a diagnostic
/// naming the source, URL and status; `cancelled` on cancel). This is the hook SyncEngine calls for
/// URL sources. `forgotten`: what the run dropped with the sources it forgot, which this source may take back
/// (see ForgottenEntities).
void syncCatalogSource(sql::Connection &db, const QString &source, SyncReport &report,
                       const SyncEngine::ProgressCallback &progress, SyncProgress &state,
                       const std::atomic_bool *cancel, const CatalogSyncOptions &options = defaultSyncOptions(),
                       ForgottenEntities *forgotten = nullptr);

/// Convenience for tests and tools: opens the cache, syncs one catalog source, fills the counts.
SyncReport syncCatalog(const QString &cachePath, const QString &source, const CatalogSyncOptions &options,
                       const SyncEngine::ProgressCallback &progress = {}, const std::atomic_bool *cancel = nullptr);

} // namespace meshscope::catalogs
