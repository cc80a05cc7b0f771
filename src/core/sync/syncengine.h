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

    /// With this on, `sources` are the cache's whole set: a source the cache holds that is not among them
    /// (removed in Settings; the sample mesh of another home folder, whose every id would clash) loses its
    /// entities, recorded in the change feed as removals. The app turns it on; `meshscope sync --source X`
    /// syncs X and leaves the other sources alone. A listed source that cannot be read keeps its copy.
    void setForgetOtherSources(bool on) { m_forgetOtherSources = on; }

    /// Documents larger than this keep no copy of their text in the cache (contracts are far smaller).
    static constexpr qint64 kMaxStoredContent = 16 * 1024 * 1024;

private:
    QString m_cachePath;
    bool m_forgetOtherSources = false;
};

} // namespace meshscope
