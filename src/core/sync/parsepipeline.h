#pragma once

#include "cache/cachewriter.h"
#include "model/importresult.h"
#include "sourcewalker.h"

#include <QByteArray>
#include <QHash>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace meshscope {

/// A document read and parsed on a worker thread, waiting to be written.
struct ParsedDocument {
    const SourceFile *file = nullptr;
    QByteArray hash;
    QByteArray content;
    bool readFailed = false;
    bool sameContent = false; ///< hash equals the cached one: only the time changed
    ImportResult result;
    cache::SerializedEntities serialized; ///< the entities' JSON, made on the parsing thread
};

/// @brief Reads and imports a source's documents on threads of its own while the caller writes them, in
/// an order fixed before the first file is read.
///
/// Small documents go in batches, parsed on all cores at most two batches ahead of the writer. Large ones
/// (a dbt manifest, an OpenLineage log) are parsed one at a time on a thread of their own, and the next
/// large one only once the previous one has been written and freed, so two large parse trees never meet
/// in memory. Where a large document is written is part of the plan (spread among the small batches), not
/// of timing: the cache a sync leaves, row ids included, is the same on every run and every machine.
/// The destructor stops and joins the threads, so an exception while writing leaves nothing running.
class ParsePipeline {
public:
    /// What the writer takes in one step: a batch of small documents or a single large one.
    struct Unit {
        std::vector<const SourceFile *> files;
        bool large = false;
    };
    using Plan = std::vector<Unit>;

    /// The write order for `files` (in walk order): batches of `batchSize` small documents, with the
    /// documents above `largeBytes` spread evenly among them so that their parse overlaps the writing of
    /// small batches instead of leaving the writer waiting at the end.
    static Plan plan(const std::vector<const SourceFile *> &files, qint64 largeBytes, size_t batchSize);

    ParsePipeline(Plan plan, const QHash<QString, cache::DocumentState> &states, const std::atomic_bool *cancel);
    ~ParsePipeline();
    ParsePipeline(const ParsePipeline &) = delete;
    ParsePipeline &operator=(const ParsePipeline &) = delete;

    /// The next unit of the plan once parsed, or nothing when all are done or the sync was cancelled.
    std::optional<std::vector<ParsedDocument>> next();
    /// Called once the unit from next() has been written; the parsing threads free it (see the .cpp).
    void written(std::vector<ParsedDocument> &&unit);

    bool cancelled() const { return m_cancelled; }
    /// Wall time of the parsing threads added up; it overlaps the caller's writing.
    qint64 parseMillis() const { return m_parseMillis; }

private:
    void produce(bool large);
    bool mayParse(bool large) const;
    void freeWritten(bool large);

    const Plan m_plan;
    const QHash<QString, cache::DocumentState> &m_states;
    const std::atomic_bool *m_cancel;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::map<size_t, std::vector<ParsedDocument>> m_ready; ///< parsed units by plan index, not yet handed out
    size_t m_next = 0;                                     ///< the plan index next() hands out next
    bool m_largePending = false; ///< a large unit is being parsed, waits or is being written
    std::vector<std::vector<ParsedDocument>> m_writtenSmall; ///< for the small producer to free
    std::vector<ParsedDocument> m_writtenLarge;              ///< for the large producer to free
    bool m_stop = false;
    bool m_smallFinished = false;
    bool m_largeFinished = false;
    std::atomic_bool m_cancelled{false};
    std::atomic<qint64> m_parseMillis{0};
    std::thread m_smallThread; // last: they start once everything above exists
    std::thread m_largeThread;
};

} // namespace meshscope
