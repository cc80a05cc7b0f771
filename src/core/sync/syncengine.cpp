#include "syncengine.h"

#include "cache/bulkloadjournal.h"
#include "cache/cachefile.h"
#include "cache/cachereader.h"
#include "cache/cachewriter.h"
#include "catalogs/catalogsync.h"
#include "importers/importer.h"
#include "model/serialization.h"
#include "changefeed.h"
#include "parsepipeline.h"
#include "sourcewalker.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>
#include <QLoggingCategory>

#include <algorithm>
#include <map>
#include <optional>

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
    for (size_t i = 0; i < r.metrics.size(); ++i)
        into[{QStringLiteral("metric"), r.metrics[i].id}] = {{}, &serialized.metricText[i], r.metrics[i].domainId};
}

class SourceSync {
public:
    /// `forgotten`: the run's (see ForgottenEntities); `forgetting`: this source is being dropped.
    SourceSync(sql::Connection &db, SyncReport &report, const SyncEngine::ProgressCallback &progress,
               SyncProgress &state, const std::atomic_bool *cancel, ForgottenEntities &forgotten,
               bool forgetting = false)
        : m_writer(db), m_report(report), m_progress(progress), m_state(state), m_cancel(cancel)
    {
        m_changes.forgotten = &forgotten;
        m_changes.forgetting = forgetting;
    }

    /// `unreadableFolders` (relative): folders the walk could not list, whose cached documents stay.
    void run(const QString &uri, const std::vector<SourceFile> &files, const QStringList &unreadableFolders = {})
    {
        const qint64 sourceId = m_writer.ensureSource(uri);
        const qint64 syncId = m_writer.beginSync(sourceId);
        QHash<QString, cache::DocumentState> states = m_writer.documentStates(sourceId);

        // Vanished documents go first, so that an id they held is free for a document read below.
        removeVanished(files, unreadableFolders, states);
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
        // A first sync of many documents writes without the secondary indexes and builds them once at the end.
        std::vector<QByteArray> droppedIndexes;
        if (toRead.size() >= kBulkLoadDocuments && m_writer.isEmpty())
            droppedIndexes = m_writer.dropIndexesForBulkLoad();
        // SQLite is written from this thread only, while the pipeline reads and imports.
        ParsePipeline pipeline(ParsePipeline::plan(toRead, kLargeDocumentBytes, kBatchSize), states, m_cancel);
        QElapsedTimer phase;
        phase.start();
        while (std::optional<std::vector<ParsedDocument>> batch = pipeline.next()) {
            phase.restart();
            for (ParsedDocument &doc : *batch) {
                // The parsers may all be done while the writer still has batches to go: it checks too.
                if (m_cancel && m_cancel->load())
                    throw CancelledError{};
                store(sourceId, doc, states);
            }
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
            m_changes.collect(m_writer, state->id);
            m_writer.removeDocument(state->id);
        }
        NewImages images;
        imagesOf(doc.result, doc.serialized, images);
        for (const auto &[key, image] : images)
            m_changes.noteNew(m_writer, key, image.domainId, [&image = image] { return image.data(); });
        const QByteArray stored = doc.content.size() <= SyncEngine::kMaxStoredContent ? doc.content : QByteArray();
        m_writer.writeDocument(sourceId, f.relativePath, doc.hash, f.size, f.mtime, stored, doc.result,
                               &doc.serialized);
        // Notes stay out of the report, except that a file no importer recognised is named: it would
        // otherwise be passed over in silence (a product without `dataProductSpecification`, `kind: DataModel`).
        const bool unrecognised = doc.result.format.isEmpty();
        for (const Diagnostic &d : doc.result.diagnostics) {
            if (d.severity != Diagnostic::Severity::Info || unrecognised)
                m_report.diagnostics.push_back(d);
        }
    }

    void removeVanished(const std::vector<SourceFile> &files, const QStringList &unreadableFolders,
                        const QHash<QString, cache::DocumentState> &states)
    {
        QSet<QString> present;
        for (const SourceFile &f : files)
            present.insert(f.relativePath);
        const auto underUnreadable = [&](const QString &path) {
            return std::any_of(unreadableFolders.begin(), unreadableFolders.end(), [&](const QString &folder) {
                return path.size() > folder.size() && path.startsWith(folder) && path[folder.size()] == u'/';
            });
        };
        for (auto it = states.constBegin(); it != states.constEnd(); ++it) {
            if (present.contains(it.key()))
                continue;
            if (!unreadableFolders.isEmpty() && underUnreadable(it.key()))
                continue; // a folder that cannot be read is not a deleted one: its documents stay
            m_changes.collect(m_writer, it->id);
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

/// Removes from the cache every source not in `sources` that `forget` names, each in its own transaction,
/// recording its entities as removed (see SyncEngine::setForgetSources) and noting them in `forgotten`, for
/// the listed sources to take back what they still hold.
void forgetUnlisted(sql::Connection &db, const QStringList &sources, const SyncEngine::SourceFilter &forget,
                    SyncReport &report, const SyncEngine::ProgressCallback &progress, SyncProgress &state,
                    const std::atomic_bool *cancel, ForgottenEntities &forgotten)
{
    QSet<QString> listed;
    for (const QString &source : sources)
        listed.insert(isRemoteSource(source) ? source : QFileInfo(source).absoluteFilePath());
    try {
        for (const QString &uri : cache::CacheReader(db).sourceUris()) {
            if (listed.contains(uri) || !forget(uri))
                continue;
            sql::Transaction tx(db);
            ForgottenEntities mine = forgotten; // taken over only once committed
            SourceSync(db, report, progress, state, cancel, mine, /*forgetting=*/true).run(uri, {});
            cache::CacheWriter(db).removeSource(uri);
            tx.commit();
            forgotten = std::move(mine);
            report.forgottenSources << uri;
        }
    } catch (const CancelledError &) {
        report.cancelled = true;
    } catch (const sql::SqlError &e) {
        report.fatalError = QStringLiteral("could not drop a source no longer listed from the cache: %1").arg(e.message());
    }
}

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
    struct Walked {
        QString uri;
        std::vector<SourceFile> files;
        QStringList unreadableFolders;
    };
    std::vector<Walked> walked;
    QStringList remote;
    SyncProgress state;
    for (const QString &source : sources) {
        if (isRemoteSource(source)) {
            remote << source; // catalog servers: src/core/catalogs, after the files
            continue;
        }
        std::vector<SourceFile> files;
        QString error;
        SourceWalkNotes notes;
        if (!walkSource(source, files, &error, &notes)) {
            report.diagnostics.push_back({source, 0, 0, Diagnostic::Severity::Error,
                                          error + QStringLiteral("; the cached copy of this source is kept")});
            continue;
        }
        report.diagnostics.insert(report.diagnostics.end(), notes.diagnostics.begin(), notes.diagnostics.end());
        report.filesSeen += int(files.size());
        state.total += int(files.size());
        walked.push_back({QFileInfo(source).absoluteFilePath(), std::move(files), std::move(notes.unreadableFolders)});
    }
    if (progress)
        progress(state);

    // Sources no longer listed go before the listed ones are read, so that ids they held are free; what
    // the listed ones yield again is then no removal (see ForgottenEntities).
    ForgottenEntities forgotten;
    if (m_forget)
        forgetUnlisted(db, sources, m_forget, report, progress, state, cancel, forgotten);

    // A first sync of a whole mesh writes each page once (see BulkLoadJournal); going back to WAL when
    // `bulkLoad` goes, before the catalogs and the counts.
    std::optional<cache::BulkLoadJournal> bulkLoad;
    if (size_t(state.total) >= kBulkLoadDocuments && cache::CacheWriter(db).isEmpty())
        bulkLoad.emplace(db);
    for (const Walked &source : walked) {
        const QString &uri = source.uri;
        if (report.cancelled || !report.fatalError.isEmpty())
            break;
        try {
            sql::Transaction tx(db);
            SourceSync(db, report, progress, state, cancel, forgotten).run(uri, source.files, source.unreadableFolders);
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
    bulkLoad.reset();
    for (const QString &source : std::as_const(remote)) {
        if (report.cancelled || !report.fatalError.isEmpty())
            break;
        catalogs::syncCatalogSource(db, source, report, progress, state, cancel, catalogs::defaultSyncOptions(),
                                    &forgotten);
    }
    try {
        report.counts = cache::CacheReader(db).counts();
    } catch (const sql::SqlError &e) {
        qCWarning(lcSync) << "could not count the cache:" << e.message();
    }
    return report;
}

} // namespace meshscope
