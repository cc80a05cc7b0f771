#include "syncengine.h"

#include "cache/cachefile.h"
#include "cache/cachereader.h"
#include "cache/cachewriter.h"
#include "catalogs/catalogsync.h"
#include "importers/importer.h"
#include "model/serialization.h"
#include "changefeed.h"
#include "sourcewalker.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QLoggingCategory>

#include <algorithm>
#include <malloc.h>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

Q_LOGGING_CATEGORY(lcSync, "meshscope.sync")

namespace meshscope {

namespace {

using cache::EntityImage;
using cache::EntityImages;
using cache::EntityKey;

constexpr size_t kBatchSize = 256;
constexpr qint64 kLargeDocumentBytes = 4 * 1024 * 1024;
/// Documents from which a first sync into an empty cache drops its secondary indexes while writing.
constexpr size_t kBulkLoadDocuments = 512;

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

struct CancelledError {};

/// An entity a document yields, as the change feed compares it. The JSON of the serialized entities is
/// parsed back only when the feed needs it (an entity that existed before), never on a cold sync.
struct NewImage {
    QJsonObject object;              ///< domains: built here
    const QByteArray *text = nullptr; ///< other kinds: the serialized `data` column
    QString domainId;
    QJsonObject data() const { return text ? json::parseObject(*text) : object; }
};
using NewImages = std::map<EntityKey, NewImage>;

/// The entities a document yields (`serialized` is serializeEntities(r)).
void imagesOf(const ImportResult &r, const cache::SerializedEntities &serialized, NewImages &into)
{
    for (const Domain &d : r.domains) {
        QJsonObject o = json::toJson(d);
        o.remove(QStringLiteral("id"));
        into[{QStringLiteral("domain"), d.id}] = {o, nullptr, d.id};
    }
    for (size_t i = 0; i < r.products.size(); ++i)
        into[{QStringLiteral("product"), r.products[i].id}] = {{}, &serialized.productText[i], r.products[i].domainId};
    for (size_t i = 0; i < r.contracts.size(); ++i) {
        const Contract &c = r.contracts[i];
        into[{QStringLiteral("contract"), c.id + QLatin1Char('@') + c.version}] = {
            {}, &serialized.contractText[i], c.domainId};
    }
    for (size_t i = 0; i < r.policies.size(); ++i)
        into[{QStringLiteral("policy"), r.policies[i].id}] = {{}, &serialized.policyText[i], r.policies[i].domainId};
    for (size_t i = 0; i < r.datasets.size(); ++i)
        into[{QStringLiteral("dataset"), r.datasets[i].id}] = {{}, &serialized.datasetText[i], QString()};
}

/// Reads, hashes and (if the content changed) imports a batch of files on all cores.
void parseBatch(std::vector<ParsedDocument> &batch, const QHash<QString, cache::DocumentState> &states)
{
    std::atomic_size_t next{0};
    auto worker = [&] {
        for (size_t i = next++; i < batch.size(); i = next++) {
            ParsedDocument &doc = batch[i];
            if (doc.file->size > maxDocumentBytes(doc.file->relativePath)) {
                doc.readFailed = true; // refused by size, never read: the cached copy stays
                doc.result.diagnostics.push_back(oversizeDiagnostic(doc.file->relativePath, doc.file->size));
                continue;
            }
            QFile f(doc.file->absolutePath);
            if (!f.open(QIODevice::ReadOnly)) {
                doc.readFailed = true;
                doc.result.error(doc.file->relativePath, 0, 0, QStringLiteral("cannot read: ") + f.errorString());
                continue;
            }
            doc.content = f.readAll();
            doc.hash = QCryptographicHash::hash(doc.content, QCryptographicHash::Sha1).toHex();
            const auto state = states.constFind(doc.file->relativePath);
            if (state != states.constEnd() && state->hash == doc.hash && !state->needsReimport) {
                doc.sameContent = true;
                doc.content.clear();
                continue;
            }
            doc.result = importDocument(doc.file->relativePath, doc.content);
            doc.serialized = cache::serializeEntities(doc.result);
        }
    };
    const unsigned threads = std::max(1u, std::min(std::thread::hardware_concurrency(), unsigned(batch.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (std::thread &t : pool)
        t.join();
}

/// @brief Parses on threads of its own while the caller writes: batches of small documents in order, at
/// most one ahead of the writer, and meanwhile the large documents one at a time on a thread of their own,
/// so that importing a dbt manifest or an OpenLineage log no longer leaves a core idle. The large ones are
/// handed out after all small batches; the next large one is parsed only once the previous one has been
/// written and freed, so a large parse tree never meets another large document's result. The destructor
/// stops and joins both threads, so an exception while writing leaves nothing running.
class ParsePipeline {
public:
    using Batches = std::vector<std::vector<const SourceFile *>>;

    ParsePipeline(const Batches &small, const std::vector<const SourceFile *> &large,
                  const QHash<QString, cache::DocumentState> &states, const std::atomic_bool *cancel)
        : m_small(small), m_large(large), m_states(states), m_cancel(cancel),
          m_smallThread([this] { produceSmall(); }), m_largeThread([this] { produceLarge(); })
    {
    }
    ~ParsePipeline()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_smallThread.join();
        m_largeThread.join();
    }

    /// The next parsed batch, or nothing when all are done or the sync was cancelled.
    std::optional<std::vector<ParsedDocument>> next()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_smallReady.empty() || m_smallFinished; });
        auto *queue = &m_smallReady;
        if (queue->empty()) {
            m_changed.wait(lock, [this] { return !m_largeReady.empty() || m_largeFinished; });
            queue = &m_largeReady;
        }
        if (queue->empty())
            return std::nullopt;
        m_largeHandedOut = queue == &m_largeReady;
        std::vector<ParsedDocument> batch = std::move(queue->front());
        queue->pop_front();
        m_changed.notify_all();
        return batch;
    }

    /// Called once the batch from next() has been written. Parsing threads free what was written, not the
    /// caller: freeing thousands of small parse results took a twentieth of the writer's time, and freeing a
    /// large document's hundred thousand rows is as slow. The large one is freed before the next large
    /// parse tree is built.
    void written(std::vector<ParsedDocument> &&batch)
    {
        std::lock_guard lock(m_mutex);
        if (m_largeHandedOut) {
            m_largeWritten = std::move(batch);
            m_largeHandedOut = false;
        } else {
            m_written.push_back(std::move(batch));
        }
        m_changed.notify_all();
    }

    bool cancelled() const { return m_cancelled; }
    /// Wall time of the parsing threads added up; it overlaps the caller's writing.
    qint64 parseMillis() const { return m_parseMillis; }

private:
    static constexpr size_t kSmallAhead = 1;

    void produceSmall()
    {
        for (const auto &files : m_small) {
            if (!parseInto(files, m_smallReady, kSmallAhead))
                break;
        }
        finish(m_smallFinished);
    }

    void produceLarge()
    {
        for (const SourceFile *file : m_large) {
            if (!parseInto({file}, m_largeReady, 1))
                break;
        }
        finish(m_largeFinished);
        // The last large document: free it here too, once written, while the caller goes on.
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return (m_largeReady.empty() && !m_largeHandedOut) || m_stop; });
        }
        freeLargeWritten();
    }

    /// Frees the large document written last, if any. Its parse results are the largest allocation of a
    /// sync: give them back to the system before the next large document or the small batches grow the
    /// heap again.
    void freeLargeWritten()
    {
        std::vector<ParsedDocument> done;
        {
            std::lock_guard lock(m_mutex);
            done.swap(m_largeWritten);
        }
        if (!done.empty()) {
            done = {};
            malloc_trim(0);
        }
    }

    /// Waits until `queue` holds fewer than `limit` batches, then parses `files` onto it.
    bool parseInto(const std::vector<const SourceFile *> &files, std::deque<std::vector<ParsedDocument>> &queue,
                   size_t limit)
    {
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] {
                return (queue.size() < limit && (&queue != &m_largeReady || !m_largeHandedOut)) || m_stop;
            });
            if (m_stop)
                return false;
        }
        if (&queue == &m_smallReady)
            freeWritten();
        else
            freeLargeWritten();
        if (m_cancel && m_cancel->load()) {
            m_cancelled = true;
            return false;
        }
        std::vector<ParsedDocument> batch(files.size());
        for (size_t i = 0; i < batch.size(); ++i)
            batch[i].file = files[i];
        QElapsedTimer timer;
        timer.start();
        parseBatch(batch, m_states);
        m_parseMillis += timer.elapsed();
        std::lock_guard lock(m_mutex);
        queue.push_back(std::move(batch));
        m_changed.notify_all();
        return true;
    }

    void freeWritten()
    {
        std::vector<std::vector<ParsedDocument>> done;
        {
            std::lock_guard lock(m_mutex);
            done.swap(m_written);
        }
    }

    void finish(bool &finished)
    {
        std::lock_guard lock(m_mutex);
        finished = true;
        m_changed.notify_all();
    }

    const Batches &m_small;
    const std::vector<const SourceFile *> &m_large;
    const QHash<QString, cache::DocumentState> &m_states;
    const std::atomic_bool *m_cancel;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::vector<ParsedDocument>> m_smallReady, m_largeReady;
    std::vector<std::vector<ParsedDocument>> m_written; ///< small batches written, for the parsing thread to free
    std::vector<ParsedDocument> m_largeWritten;         ///< the large document written, for the large thread to free
    bool m_stop = false;
    bool m_smallFinished = false;
    bool m_largeFinished = false;
    bool m_largeHandedOut = false; ///< a large document's batch is being written
    std::atomic_bool m_cancelled{false};
    std::atomic<qint64> m_parseMillis{0};
    std::thread m_smallThread; // last: they start once everything above exists
    std::thread m_largeThread;
};

class SourceSync {
public:
    SourceSync(sql::Connection &db, SyncReport &report, const SyncEngine::ProgressCallback &progress,
               SyncProgress &state, const std::atomic_bool *cancel)
        : m_writer(db), m_report(report), m_progress(progress), m_state(state), m_cancel(cancel)
    {
    }

    void run(const QString &uri, const std::vector<SourceFile> &files)
    {
        const qint64 sourceId = m_writer.ensureSource(uri);
        const qint64 syncId = m_writer.beginSync(sourceId);
        QHash<QString, cache::DocumentState> states = m_writer.documentStates(sourceId);

        // Vanished documents go first, so that an id they held is free for a document read below.
        removeVanished(files, states);
        std::vector<const SourceFile *> toRead;
        for (const SourceFile &f : files) {
            const auto it = states.constFind(f.relativePath);
            if (it != states.constEnd() && it->size == f.size && it->mtime == f.mtime && !it->needsReimport) {
                ++m_report.filesUnchanged;
                advance(f.relativePath);
            } else {
                toRead.push_back(&f);
            }
        }
        // Small documents go 256 at a time; large ones (a dbt manifest, an OpenLineage log) are parsed
        // alone, alongside the small ones, and written after them.
        ParsePipeline::Batches small;
        std::vector<const SourceFile *> large;
        for (const SourceFile *f : toRead) {
            if (f->size > kLargeDocumentBytes) {
                large.push_back(f);
                continue;
            }
            if (small.empty() || small.back().size() == kBatchSize)
                small.emplace_back();
            small.back().push_back(f);
        }
        // A first sync of many documents writes without the secondary indexes and builds them once at the end.
        std::vector<QByteArray> droppedIndexes;
        if (toRead.size() >= kBulkLoadDocuments && m_writer.isEmpty())
            droppedIndexes = m_writer.dropIndexesForBulkLoad();
        // SQLite is written from this thread only, while the pipeline reads and imports.
        ParsePipeline pipeline(small, large, states, m_cancel);
        QElapsedTimer phase;
        phase.start();
        while (std::optional<std::vector<ParsedDocument>> batch = pipeline.next()) {
            phase.restart();
            for (ParsedDocument &doc : *batch)
                store(sourceId, doc, states);
            pipeline.written(std::move(*batch));
            batch.reset();
            m_report.writeMillis += phase.elapsed();
        }
        m_report.parseMillis += pipeline.parseMillis();
        if (pipeline.cancelled())
            throw CancelledError{};
        phase.restart();
        m_writer.recreateIndexes(droppedIndexes);
        m_report.writeMillis += phase.elapsed();
        m_changes.record(m_writer, syncId, m_report);

        QJsonObject summary{{QStringLiteral("parsed"), m_report.filesParsed},
                            {QStringLiteral("removed"), m_report.filesRemoved}};
        m_writer.finishSync(syncId, QStringLiteral("ok"), summary);
    }

private:
    void advance(const QString &file)
    {
        ++m_state.done;
        m_state.currentFile = file;
        if (m_progress && (m_state.done % 64 == 0 || m_state.done == m_state.total))
            m_progress(m_state);
    }

    void store(qint64 sourceId, ParsedDocument &doc, const QHash<QString, cache::DocumentState> &states)
    {
        const SourceFile &f = *doc.file;
        advance(f.relativePath);
        const auto state = states.constFind(f.relativePath);
        if (doc.readFailed) {
            // Keep what the cache had: an unreadable file is not a deleted one.
            m_report.diagnostics.insert(m_report.diagnostics.end(), doc.result.diagnostics.begin(),
                                        doc.result.diagnostics.end());
            return;
        }
        if (doc.sameContent) {
            ++m_report.filesUnchanged;
            m_writer.touchDocument(state->id, f.mtime);
            return;
        }
        ++m_report.filesParsed;
        if (state != states.constEnd() && doc.result.yieldsNothing() && doc.result.hasErrors()) {
            // A document that no longer parses (a half-saved edit, a bad merge) keeps its last good
            // entities; its new diagnostics say so, and it is read again on the next sync.
            doc.result.warning(f.relativePath, 0, 0,
                               QStringLiteral("showing the last version that could be read until this is fixed"));
            m_writer.keepLastGood(state->id, doc.result);
            m_report.diagnostics.insert(m_report.diagnostics.end(), doc.result.diagnostics.begin(),
                                        doc.result.diagnostics.end());
            return;
        }
        if (state != states.constEnd()) {
            m_writer.collectImages(state->id, m_changes.before);
            m_writer.removeDocument(state->id);
        }
        NewImages images;
        imagesOf(doc.result, doc.serialized, images);
        for (const auto &[key, image] : images)
            m_changes.noteNew(m_writer, key, image.domainId, [&image = image] { return image.data(); });
        const QByteArray stored = doc.content.size() <= SyncEngine::kMaxStoredContent ? doc.content : QByteArray();
        m_writer.writeDocument(sourceId, f.relativePath, doc.hash, f.size, f.mtime, stored, doc.result,
                               &doc.serialized);
        for (const Diagnostic &d : doc.result.diagnostics) {
            if (d.severity != Diagnostic::Severity::Info)
                m_report.diagnostics.push_back(d);
        }
    }

    void removeVanished(const std::vector<SourceFile> &files, const QHash<QString, cache::DocumentState> &states)
    {
        QSet<QString> present;
        for (const SourceFile &f : files)
            present.insert(f.relativePath);
        for (auto it = states.constBegin(); it != states.constEnd(); ++it) {
            if (present.contains(it.key()))
                continue;
            m_writer.collectImages(it->id, m_changes.before);
            m_writer.removeDocument(it->id);
            ++m_report.filesRemoved;
        }
    }

    cache::CacheWriter m_writer;
    SyncReport &m_report;
    const SyncEngine::ProgressCallback &m_progress;
    SyncProgress &m_state;
    const std::atomic_bool *m_cancel;
    ChangeFeedCollector m_changes;
};

} // namespace

SyncEngine::SyncEngine(QString cachePath) : m_cachePath(std::move(cachePath)) {}

SyncReport SyncEngine::run(const QStringList &sources, const ProgressCallback &progress,
                           const std::atomic_bool *cancel)
{
    SyncReport report;
    sql::Connection db;
    try {
        db = cache::openCache(m_cachePath);
    } catch (const sql::SqlError &e) {
        report.fatalError = e.message();
        return report;
    }

    // Walk everything first so progress has a true total.
    std::vector<std::pair<QString, std::vector<SourceFile>>> walked;
    QStringList remote;
    SyncProgress state;
    for (const QString &source : sources) {
        if (isRemoteSource(source)) {
            remote << source; // catalog servers: src/core/catalogs, after the files
            continue;
        }
        std::vector<SourceFile> files;
        QString error;
        if (!walkSource(source, files, &error)) {
            report.diagnostics.push_back({source, 0, 0, Diagnostic::Severity::Error,
                                          error + QStringLiteral("; the cached copy of this source is kept")});
            continue;
        }
        report.filesSeen += int(files.size());
        state.total += int(files.size());
        walked.emplace_back(QFileInfo(source).absoluteFilePath(), std::move(files));
    }
    if (progress)
        progress(state);

    for (const auto &[uri, files] : walked) {
        try {
            sql::Transaction tx(db);
            SourceSync(db, report, progress, state, cancel).run(uri, files);
            tx.commit();
        } catch (const CancelledError &) {
            report.cancelled = true;
            break;
        } catch (const sql::SqlError &e) {
            report.fatalError = QStringLiteral("%1: cache write failed, source left as it was: %2")
                                    .arg(uri, e.message());
            break;
        }
    }
    for (const QString &source : std::as_const(remote)) {
        if (report.cancelled || !report.fatalError.isEmpty())
            break;
        catalogs::syncCatalogSource(db, source, report, progress, state, cancel);
    }
    try {
        report.counts = cache::CacheReader(db).counts();
    } catch (const sql::SqlError &e) {
        qCWarning(lcSync) << "could not count the cache:" << e.message();
    }
    return report;
}

} // namespace meshscope
