#include "catalogsync.h"

#include "cache/cachefile.h"
#include "cache/cachereader.h"
#include "cache/cachewriter.h"
#include "cache/catalogstore.h"
#include "catalogadapter.h"
#include "catalogerror.h"
#include "model/serialization.h"
#include "sync/changefeed.h"
#include "tokenstore.h"
#include "util/parallelfor.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QLoggingCategory>

#include <set>

Q_LOGGING_CATEGORY(lcCatalog, "meshscope.catalogs")

namespace meshscope::catalogs {

namespace {

using cache::EntityImage;
using cache::EntityImages;
using cache::EntityKey;

/// The entities a document yields as the change feed compares them (the same keys as file sources).
void imagesOf(const ImportResult &r, EntityImages &into)
{
    for (const Domain &d : r.domains) {
        QJsonObject o = json::toJson(d);
        o.remove(QStringLiteral("id"));
        into[{QStringLiteral("domain"), d.id}] = {o, d.id};
    }
    for (const DataProduct &p : r.products)
        into[{QStringLiteral("product"), p.id}] = {json::toJson(p), p.domainId};
    for (const Contract &c : r.contracts)
        into[{QStringLiteral("contract"), c.id + QLatin1Char('@') + c.version}] = {json::toJson(c), c.domainId};
    for (const GovernancePolicy &p : r.policies)
        into[{QStringLiteral("policy"), p.id}] = {json::toJson(p), p.domainId};
    for (const Dataset &d : r.datasets)
        into[{QStringLiteral("dataset"), d.id}] = {json::toJson(d), QString()};
}

struct Cancelled {};

constexpr size_t kBatchSize = 512;

/// Writes a fetched catalog into the cache inside the caller's transaction.
class CatalogWriter {
public:
    CatalogWriter(sql::Connection &db, SyncReport &report, ForgottenEntities *forgotten)
        : m_db(db), m_writer(db), m_report(report)
    {
        m_changes.forgotten = forgotten;
    }

    void write(const CatalogLocation &location, CatalogAdapter &adapter, CatalogFetch &fetch,
               const std::function<void(int done, int total)> &progress, const std::atomic_bool *cancel)
    {
        const qint64 sourceId = m_writer.ensureSource(location.uri);
        const qint64 syncId = m_writer.beginSync(sourceId);
        const QHash<QString, cache::DocumentState> states = m_writer.documentStates(sourceId);

        CatalogDocuments all;
        if (fetch.complete) {
            all = std::move(fetch.documents);
        } else {
            all = cache::storedDocuments(m_db, sourceId);
            for (const QString &path : std::as_const(fetch.removed))
                all.erase(path);
            for (auto &[path, content] : fetch.documents)
                all[path] = std::move(content);
        }
        adapter.prepare(all);
        m_report.filesSeen += int(all.size());

        // Vanished documents first, so an id they held is free for a document written below.
        for (auto it = states.constBegin(); it != states.constEnd(); ++it) {
            if (all.count(it.key()))
                continue;
            m_changes.collect(m_writer, it->id);
            m_writer.removeDocument(it->id);
            ++m_report.filesRemoved;
        }
        // Hash every document with its derived context; only those whose hash changed are mapped.
        struct Pending {
            const QString *path;
            const QByteArray *content;
            QByteArray hash;
            const cache::DocumentState *state;
            ImportResult result;
        };
        std::vector<Pending> pending;
        for (const auto &[path, content] : all) {
            QCryptographicHash hasher(QCryptographicHash::Sha1);
            hasher.addData(content);
            const QByteArray context = adapter.context(path, content);
            if (!context.isEmpty()) {
                hasher.addData(QByteArrayView("\0", 1));
                hasher.addData(context);
            }
            const QByteArray hash = hasher.result().toHex();
            const auto state = states.constFind(path);
            if (state != states.constEnd() && state->hash == hash && !state->needsReimport) {
                ++m_report.filesUnchanged;
                continue;
            }
            pending.push_back({&path, &content, hash, state != states.constEnd() ? &*state : nullptr, {}});
        }
        const int total = int(all.size());
        int done = total - int(pending.size());
        // Mapping is pure (adapters are const after prepare()), so it runs on all cores, a batch at a time;
        // the cache is written from this thread.
        for (size_t first = 0; first < pending.size(); first += kBatchSize) {
            if (cancel && cancel->load())
                throw Cancelled{};
            const size_t end = std::min(pending.size(), first + kBatchSize);
            QElapsedTimer parse;
            parse.start();
            parallelFor(end - first, [&](size_t k) {
                Pending &doc = pending[first + k];
                doc.result = adapter.import(*doc.path, *doc.content);
            });
            m_report.parseMillis += parse.elapsed();
            for (size_t i = first; i < end; ++i) {
                Pending &doc = pending[i];
                ++m_report.filesParsed;
                store(sourceId, *doc.path, doc.hash, *doc.content, doc.result, doc.state);
                doc.result = {};
            }
            done += int(end - first);
            progress(done, total);
        }
        progress(total, total);
        m_changes.record(m_writer, syncId, m_report);
        cache::setCatalogCursor(m_db, location.uri, fetch.cursor);
        m_writer.finishSync(syncId, QStringLiteral("ok"),
                            QJsonObject{{QStringLiteral("parsed"), m_report.filesParsed},
                                        {QStringLiteral("removed"), m_report.filesRemoved},
                                        {QStringLiteral("cursor"), fetch.cursor}});
    }

private:
    void store(qint64 sourceId, const QString &path, const QByteArray &hash, const QByteArray &content,
               ImportResult &result, const cache::DocumentState *state)
    {
        if (state && result.yieldsNothing() && result.hasErrors()) {
            result.warning(path, 0, 0, QStringLiteral("showing the last version that could be read until the "
                                                      "catalog serves a readable one"));
            m_writer.keepLastGood(state->id, result);
            appendDiagnostics(result);
            return;
        }
        if (state) {
            m_changes.collect(m_writer, state->id);
            m_writer.removeDocument(state->id);
        }
        EntityImages images;
        imagesOf(result, images);
        for (auto &[key, image] : images)
            m_changes.noteNew(m_writer, key, image.domainId, [&image = image] { return std::move(image.data); });
        const QByteArray stored = content.size() <= SyncEngine::kMaxStoredContent ? content : QByteArray();
        m_writer.writeDocument(sourceId, path, hash, content.size(), 0, stored, result);
        appendDiagnostics(result);
    }

    void appendDiagnostics(const ImportResult &result)
    {
        for (const Diagnostic &d : result.diagnostics) {
            if (d.severity != Diagnostic::Severity::Info)
                m_report.diagnostics.push_back(d);
        }
    }

    sql::Connection &m_db;
    cache::CacheWriter m_writer;
    SyncReport &m_report;
    ChangeFeedCollector m_changes;
};

void fail(SyncReport &report, const QString &source, const QString &message)
{
    report.diagnostics.push_back({source, 0, 0, Diagnostic::Severity::Error,
                                  message + QStringLiteral("; the cached copy of this source is kept")});
}

} // namespace

CatalogSyncOptions defaultSyncOptions()
{
    CatalogSyncOptions options;
    if (const int timeout = qEnvironmentVariableIntValue("MESHSCOPE_HTTP_TIMEOUT_MS"); timeout > 0)
        options.http.timeoutMs = timeout;
    if (const int attempts = qEnvironmentVariableIntValue("MESHSCOPE_HTTP_ATTEMPTS"); attempts > 0)
        options.http.maxAttempts = attempts;
    if (const int seconds = qEnvironmentVariableIntValue("MESHSCOPE_HTTP_DEADLINE_S"); seconds > 0)
        options.http.requestDeadlineMs = seconds * 1000ll;
    if (const int seconds = qEnvironmentVariableIntValue("MESHSCOPE_CATALOG_DEADLINE_S"); seconds > 0)
        options.http.totalDeadlineMs = seconds * 1000ll;
    return options;
}

std::unique_ptr<CatalogAdapter> makeAdapter(CatalogKind kind)
{
    switch (kind) {
    case CatalogKind::Entropy: return makeEntropyAdapter();
    case CatalogKind::Marquez: return makeMarquezAdapter();
    case CatalogKind::OpenMetadata: return makeOpenMetadataAdapter();
    case CatalogKind::DataHub: return makeDataHubAdapter();
    }
    return nullptr;
}

void syncCatalogSource(sql::Connection &db, const QString &source, SyncReport &report,
                       const SyncEngine::ProgressCallback &progress, SyncProgress &state,
                       const std::atomic_bool *cancel, const CatalogSyncOptions &options,
                       ForgottenEntities *forgotten)
{
    CatalogLocation location;
    QString error;
    if (!parseCatalogSource(source, location, &error)) {
        fail(report, source, error);
        return;
    }
    std::unique_ptr<CatalogAdapter> adapter = makeAdapter(location.kind);
    QString lookedIn;
    const QString token = options.token ? options.token(location, &lookedIn) : findToken(location, &lookedIn);
    if (token.isEmpty() && adapter->requiresToken()) {
        fail(report, source, QStringLiteral("%1: no API token (%2)").arg(source, lookedIn));
        return;
    }

    auto report_ = [&](const QString &what) {
        state.currentFile = what;
        if (progress)
            progress(state);
    };
    HttpClient http(source, options.http, cancel);
    http.setWaitReporter([&](const QString &waiting) { report_(QStringLiteral("%1: %2").arg(source, waiting)); });
    adapter->authenticate(http, token);
    http.setAuthHint(token.isEmpty() ? QStringLiteral("no token was sent: ") + lookedIn
                                     : QStringLiteral("check the token stored for this source"));

    CatalogFetch fetch;
    QElapsedTimer timer;
    timer.start();
    try {
        const QString cursor = options.full ? QString() : cache::catalogCursor(db, source);
        CatalogContext context{http, location, cursor, [&](const QString &what, int entities) {
                                   report_(QStringLiteral("%1: %2 (%3)").arg(source, what).arg(entities));
                               }};
        fetch = adapter->fetch(context);
    } catch (const CatalogError &e) {
        fail(report, source, e.message);
        return;
    } catch (const CatalogCancelled &) {
        report.cancelled = true;
        return;
    } catch (const sql::SqlError &e) {
        report.fatalError = QStringLiteral("%1: cache read failed: %2").arg(source, e.message());
        return;
    }
    // Fetch problems that did not stop the sync are reported whether or not the write succeeds.
    for (const Diagnostic &d : fetch.diagnostics)
        report.diagnostics.push_back(d);
    qCInfo(lcCatalog).noquote() << source << "fetched" << fetch.documents.size() << "documents in"
                                << timer.elapsed() << "ms with" << http.requestCount() << "requests";
    timer.restart(); // the fetch is network time, in neither parseMillis nor writeMillis

    const int totalBefore = state.total;
    const qint64 parseBefore = report.parseMillis;
    try {
        sql::Transaction tx(db);
        CatalogWriter(db, report, forgotten).write(location, *adapter, fetch, [&](int done, int total) {
            state.total = totalBefore + total;
            state.done = totalBefore + done;
            report_(source);
        }, cancel);
        if (cancel && cancel->load())
            throw Cancelled{};
        tx.commit();
    } catch (const Cancelled &) {
        report.cancelled = true;
    } catch (const sql::SqlError &e) {
        report.fatalError = QStringLiteral("%1: cache write failed, source left as it was: %2").arg(source, e.message());
    }
    report.writeMillis += timer.elapsed();
    const qint64 mapMillis = report.parseMillis - parseBefore;
    qCInfo(lcCatalog).noquote() << source << "mapped and wrote" << report.filesParsed << "of" << report.filesSeen
                                << "documents in" << timer.elapsed() << "ms (mapping" << mapMillis << "ms)";
}

SyncReport syncCatalog(const QString &cachePath, const QString &source, const CatalogSyncOptions &options,
                       const SyncEngine::ProgressCallback &progress, const std::atomic_bool *cancel)
{
    SyncReport report;
    sql::Connection db;
    try {
        db = cache::openCache(cachePath);
    } catch (const sql::SqlError &e) {
        report.fatalError = e.message();
        return report;
    }
    SyncProgress state;
    syncCatalogSource(db, source, report, progress, state, cancel, options);
    try {
        report.counts = cache::CacheReader(db).counts();
    } catch (const sql::SqlError &e) {
        qCWarning(lcCatalog) << "could not count the cache:" << e.message();
    }
    return report;
}

} // namespace meshscope::catalogs
