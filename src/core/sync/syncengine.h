#pragma once

#include "syncreport.h"

#include <QStringList>

#include <atomic>
#include <functional>

namespace meshscope {

struct SyncProgress {
    int done = 0;  ///< documents handled so far (read, skipped or removed)
    int total = 0; ///< documents found in all sources
    QString currentFile;
};

/// @brief Brings the cache in line with its sources.
///
/// Unchanged documents (same size and modification time, or same content hash) are not parsed again;
/// a removed file removes its entities. Each source is replaced in one SQLite transaction, so a failed,
/// cancelled or killed sync leaves the last good cache. Parsing runs on all cores; the cache is written
/// from the calling thread. Every sync records its changes in the change feed.
class SyncEngine {
public:
    using ProgressCallback = std::function<void(const SyncProgress &)>;

    explicit SyncEngine(QString cachePath);

    /// Syncs `sources` (folders or files). `cancel` is polled between batches.
    SyncReport run(const QStringList &sources, const ProgressCallback &progress = {},
                   const std::atomic_bool *cancel = nullptr);

    /// Which cached sources not among `sources` run() drops first, with their entities (recorded in the
    /// change feed as removals), each in its own transaction. By default none: `meshscope sync --source X`
    /// syncs X and keeps what other syncs cached. The app drops sources removed in Settings and other copies
    /// of the bundled sample (another home folder's, whose every id would clash; or the sample once real
    /// sources are configured). A listed source is never dropped, even when it cannot be read.
    using SourceFilter = std::function<bool(const QString &uri)>;
    void setForgetSources(SourceFilter forget) { m_forget = std::move(forget); }

    /// Documents larger than this keep no copy of their text in the cache (contracts are far smaller).
    static constexpr qint64 kMaxStoredContent = 16 * 1024 * 1024;

private:
    QString m_cachePath;
    SourceFilter m_forget;
};

} // namespace meshscope
