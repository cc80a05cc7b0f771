// Marquez adapter against a real HTTP server on 127.0.0.1 that behaves like Marquez after ingesting the
// corpus's seed events (MarquezProject/marquez docker/metadata.json): namespaces, datasets and jobs
// with limit/offset paging, column lineage, the lineage graph and the lineage event feed. Which real file
// each response follows: docs/formats/catalog-payloads.md (Marquez).
#include "catalogtestsupport.h"
#include "fakecatalogserver.h"
#include "testsupport.h"

#include "importers/importer.h"
#include "sync/syncengine.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace meshscope;
using namespace testsupport;

namespace {

QJsonObject ref(const QString &ns, const QString &name)
{
    return QJsonObject{{QStringLiteral("namespace"), ns}, {QStringLiteral("name"), name}};
}

/// An eventTime as the instant it names: Marquez stores event_time as a timestamp with time zone, so it
/// filters and sorts instants, whatever offset each producer wrote (none reads as UTC).
QDateTime instant(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return t.toUTC();
}

QString key(const QJsonObject &o)
{
    return o.value(QStringLiteral("namespace")).toString() + u'\n' + o.value(QStringLiteral("name")).toString();
}

/// What Marquez builds from the OpenLineage events it receives, served through its REST API.
struct MarquezState {
    int pageCap = 4; ///< Marquez caps `limit`; a small cap makes every list span pages
    QJsonArray events;
    QMap<QString, QJsonObject> jobs;     ///< ns\nname -> job
    QMap<QString, QJsonObject> datasets; ///< ns\nname -> dataset
    QMap<QString, QJsonObject> fieldLineage; ///< ns\ndataset\nfield -> DATASET_FIELD node data
    QSet<QString> failingJobs; ///< ns\nname: /api/v1/lineage answers 500 (MarquezProject/marquez#2806)

    void ingest(const QJsonObject &event)
    {
        events.append(event);
        const QJsonObject job = event.value(QStringLiteral("job")).toObject();
        QJsonObject &j = jobs[key(job)];
        j.insert(QStringLiteral("id"), ref(job.value(QStringLiteral("namespace")).toString(), job.value(QStringLiteral("name")).toString()));
        j.insert(QStringLiteral("name"), job.value(QStringLiteral("name")));
        j.insert(QStringLiteral("namespace"), job.value(QStringLiteral("namespace")));
        j.insert(QStringLiteral("type"), QStringLiteral("BATCH"));
        const QString doc = job.value(QStringLiteral("facets")).toObject().value(QStringLiteral("documentation")).toObject().value(QStringLiteral("description")).toString();
        if (!doc.isEmpty())
            j.insert(QStringLiteral("description"), doc);
        for (const char *side : {"inputs", "outputs"}) {
            QJsonArray refs = j.value(QLatin1String(side)).toArray();
            for (const QJsonValue &v : event.value(QLatin1String(side)).toArray()) {
                const QJsonObject ds = v.toObject();
                const QJsonObject r = ref(ds.value(QStringLiteral("namespace")).toString(), ds.value(QStringLiteral("name")).toString());
                if (!refs.contains(r))
                    refs.append(r);
                ingestDataset(ds);
            }
            j.insert(QLatin1String(side), refs);
        }
    }

    void ingestDataset(const QJsonObject &ds)
    {
        const QString ns = ds.value(QStringLiteral("namespace")).toString();
        const QString name = ds.value(QStringLiteral("name")).toString();
        QJsonObject &d = datasets[key(ds)];
        d.insert(QStringLiteral("id"), ref(ns, name));
        d.insert(QStringLiteral("type"), QStringLiteral("DB_TABLE"));
        d.insert(QStringLiteral("name"), name);
        d.insert(QStringLiteral("physicalName"), name);
        d.insert(QStringLiteral("namespace"), ns);
        const QJsonObject facets = ds.value(QStringLiteral("facets")).toObject();
        // Marquez names the source after the dataSource facet, "default" when there is none
        // (OpenLineageDao); the dataset carries the facets of its current version.
        const QString source = facets.value(QStringLiteral("dataSource")).toObject().value(QStringLiteral("name")).toString();
        if (!source.isEmpty() || !d.contains(QStringLiteral("sourceName")))
            d.insert(QStringLiteral("sourceName"), source.isEmpty() ? QStringLiteral("default") : source);
        if (!facets.isEmpty()) {
            QJsonObject merged = d.value(QStringLiteral("facets")).toObject();
            for (auto f = facets.begin(); f != facets.end(); ++f)
                merged.insert(f.key(), f.value());
            d.insert(QStringLiteral("facets"), merged);
        }
        d.insert(QStringLiteral("deleted"), false);
        QJsonArray fields;
        for (const QJsonValue &f : facets.value(QStringLiteral("schema")).toObject().value(QStringLiteral("fields")).toArray()) {
            const QJsonObject field = f.toObject();
            fields.append(QJsonObject{{QStringLiteral("name"), field.value(QStringLiteral("name"))},
                                      {QStringLiteral("type"), field.value(QStringLiteral("type"))},
                                      {QStringLiteral("tags"), QJsonArray()},
                                      {QStringLiteral("description"), field.value(QStringLiteral("description"))}});
        }
        if (!fields.isEmpty())
            d.insert(QStringLiteral("fields"), fields);
        const QString doc = facets.value(QStringLiteral("documentation")).toObject().value(QStringLiteral("description")).toString();
        if (!doc.isEmpty())
            d.insert(QStringLiteral("description"), doc);
        const QJsonObject columnLineage = facets.value(QStringLiteral("columnLineage")).toObject().value(QStringLiteral("fields")).toObject();
        for (auto it = columnLineage.begin(); it != columnLineage.end(); ++it) {
            QJsonArray inputs;
            for (const QJsonValue &in : it.value().toObject().value(QStringLiteral("inputFields")).toArray()) {
                const QJsonObject input = in.toObject();
                inputs.append(QJsonObject{{QStringLiteral("namespace"), input.value(QStringLiteral("namespace"))},
                                          {QStringLiteral("dataset"), input.value(QStringLiteral("name"))},
                                          {QStringLiteral("field"), input.value(QStringLiteral("field"))},
                                          {QStringLiteral("transformationDescription"), it.value().toObject().value(QStringLiteral("transformationDescription"))},
                                          {QStringLiteral("transformationType"), it.value().toObject().value(QStringLiteral("transformationType"))}});
            }
            fieldLineage[ns + u'\n' + name + u'\n' + it.key()] = QJsonObject{{QStringLiteral("namespace"), ns},
                                                                            {QStringLiteral("dataset"), name},
                                                                            {QStringLiteral("field"), it.key()},
                                                                            {QStringLiteral("inputFields"), inputs}};
        }
    }

    /// limit/offset paging with Marquez's cap and totalCount.
    FakeResponse page(const FakeRequest &r, const char *key, const QList<QJsonObject> &items) const
    {
        const int limit = std::min(r.param("limit").toInt() > 0 ? r.param("limit").toInt() : 100, pageCap);
        const int offset = r.param("offset").toInt();
        QJsonArray out;
        for (int i = offset; i < std::min<int>(items.size(), offset + limit); ++i)
            out.append(items[i]);
        return FakeResponse::json(QJsonObject{{QLatin1String(key), out}, {QStringLiteral("totalCount"), int(items.size())}});
    }

    void install(FakeCatalogServer &server)
    {
        server.on("GET", QStringLiteral("/api/v1/namespaces"), [this](const FakeRequest &r) {
            QSet<QString> names;
            for (const QJsonObject &j : std::as_const(jobs))
                names.insert(j.value(QStringLiteral("namespace")).toString());
            for (const QJsonObject &d : std::as_const(datasets))
                names.insert(d.value(QStringLiteral("namespace")).toString());
            QStringList sorted = names.values();
            sorted.sort();
            QList<QJsonObject> items;
            for (const QString &n : sorted)
                items.append(QJsonObject{{QStringLiteral("name"), n}, {QStringLiteral("ownerName"), QStringLiteral("anonymous")}});
            return page(r, "namespaces", items);
        });
        server.onPrefix("GET", QStringLiteral("/api/v1/namespaces/"), [this](const FakeRequest &r) {
            const QStringList parts = r.path.split(QLatin1Char('/')); // "", api, v1, namespaces, ns, kind
            const QString ns = parts.value(4);
            QList<QJsonObject> items;
            const bool wantJobs = parts.value(5) == u"jobs";
            for (const QJsonObject &o : wantJobs ? jobs : datasets) {
                if (o.value(QStringLiteral("namespace")).toString() == ns)
                    items.append(o);
            }
            return page(r, wantJobs ? "jobs" : "datasets", items);
        });
        server.on("GET", QStringLiteral("/api/v1/column-lineage"), [this](const FakeRequest &r) {
            const QString node = r.param("nodeId"); // dataset:<ns>:<name>
            const QString ns = node.section(QLatin1Char(':'), 1, 1);
            const QString name = node.section(QLatin1Char(':'), 2);
            QJsonArray graph;
            for (auto it = fieldLineage.begin(); it != fieldLineage.end(); ++it) {
                if (it.key().startsWith(ns + u'\n' + name + u'\n')) {
                    graph.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("datasetField:%1:%2:%3").arg(ns, name, it.value().value(QStringLiteral("field")).toString())},
                                             {QStringLiteral("type"), QStringLiteral("DATASET_FIELD")},
                                             {QStringLiteral("data"), it.value()}});
                }
            }
            return FakeResponse::json(QJsonObject{{QStringLiteral("graph"), graph}});
        });
        server.on("GET", QStringLiteral("/api/v1/lineage"), [this](const FakeRequest &r) {
            const QString node = r.param("nodeId"); // job:<ns>:<name>
            const QString k = node.section(QLatin1Char(':'), 1, 1) + u'\n' + node.section(QLatin1Char(':'), 2);
            if (!node.startsWith(u"job:") || !jobs.contains(k))
                return FakeResponse::json(QJsonObject{{QStringLiteral("error"), QStringLiteral("not found")}}, 404);
            if (failingJobs.contains(k)) // Dropwizard's body for an unhandled exception
                return FakeResponse::json(QJsonObject{{QStringLiteral("code"), 500},
                                                      {QStringLiteral("message"), QStringLiteral("There was an error processing your request. It has been logged (ID 5a1b2c3d4e5f6a7b).")}}, 500);
            const QJsonObject job = jobs[k];
            QJsonArray graph{QJsonObject{{QStringLiteral("id"), node}, {QStringLiteral("type"), QStringLiteral("JOB")}, {QStringLiteral("data"), job}}};
            for (const char *side : {"inputs", "outputs"}) {
                for (const QJsonValue &v : job.value(QLatin1String(side)).toArray())
                    graph.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("DATASET")}, {QStringLiteral("data"), datasets[key(v.toObject())]}});
            }
            return FakeResponse::json(QJsonObject{{QStringLiteral("graph"), graph}});
        });
        server.on("GET", QStringLiteral("/api/v1/events/lineage"), [this](const FakeRequest &r) {
            // OpenLineageDao: `le.event_time >= :after` (inclusive), ordered by event_time (an instant);
            // each event goes out as it was received, with its producer's own offset.
            const QString after = r.param("after");
            QList<QJsonObject> matching;
            for (const QJsonValue &e : std::as_const(events)) {
                if (after.isEmpty() || instant(e.toObject().value(QStringLiteral("eventTime")).toString()) >= instant(after))
                    matching.append(e.toObject());
            }
            std::stable_sort(matching.begin(), matching.end(), [](const QJsonObject &a, const QJsonObject &b) {
                return instant(a.value(QStringLiteral("eventTime")).toString()) < instant(b.value(QStringLiteral("eventTime")).toString());
            });
            return page(r, "events", matching);
        });
    }
};

QJsonArray corpusEvents()
{
    return QJsonDocument::fromJson(readAll(corpus(QStringLiteral("MarquezProject/marquez/docker/metadata.json")))).array();
}

QSet<QString> edgeSet(const QString &cache)
{
    const QStringList rows = queryText(cache, "SELECT group_concat(from_id || '>' || to_id, '|') FROM lineage_edges").split(u'|', Qt::SkipEmptyParts);
    return QSet<QString>(rows.begin(), rows.end());
}

} // namespace

class TestCatalogMarquez : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshCache() { return m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_n)); }
    static QString source(const FakeCatalogServer &s) { return QStringLiteral("marquez+") + s.url(); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void fullSyncMatchesTheEventsItWasBuiltFrom()
    {
        FakeCatalogServer server;
        MarquezState marquez;
        for (const QJsonValue &e : corpusEvents())
            marquez.ingest(e.toObject());
        marquez.install(server);
        const QString cache = freshCache();
        // Marquez needs no token: none is found and none is sent.
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions(QString()));
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        for (const FakeRequest &r : std::as_const(server.requests))
            QVERIFY(!r.headers.contains("authorization"));

        // The same events read as a file give the same graph: Marquez is a faithful path to it.
        const ImportResult file = importDocument(QStringLiteral("metadata.json"), readAll(corpus(QStringLiteral("MarquezProject/marquez/docker/metadata.json"))));
        QSet<QString> fileDatasets, fileEdges, fileColumnEdges;
        for (const Dataset &d : file.datasets)
            fileDatasets.insert(d.id);
        for (const LineageEdge &e : file.lineageEdges)
            fileEdges.insert(e.from + u'>' + e.to);
        for (const ColumnLineageEdge &e : file.columnEdges)
            fileColumnEdges.insert(QStringList{e.fromDataset, e.fromColumn, e.toDataset, e.toColumn}.join(u'|'));
        QCOMPARE(int(report.counts.datasets), int(fileDatasets.size()));
        QCOMPARE(int(report.counts.datasets), 13);
        QCOMPARE(edgeSet(cache), fileEdges);
        const QStringList columnRows = queryText(cache, "SELECT group_concat(from_dataset || '|' || from_column || '|' || to_dataset || '|' || to_column, '#') FROM column_edges").split(u'#', Qt::SkipEmptyParts);
        QCOMPARE(QSet<QString>(columnRows.begin(), columnRows.end()), fileColumnEdges);
        QVERIFY(!fileColumnEdges.isEmpty());
        const SyncReport fileSync = SyncEngine(freshCache()).run({corpus(QStringLiteral("MarquezProject/marquez/docker/metadata.json"))});
        QCOMPARE(report.counts.runs, fileSync.counts.runs);
        QVERIFY(report.counts.runs > 0);
        QCOMPARE(queryInt(cache, "SELECT count(*) FROM jobs"), qint64(13));
        // Paged: 13 datasets at Marquez's cap of 4 per page.
        QVERIFY(server.count(QStringLiteral("/api/v1/namespaces/food_delivery/datasets")) >= 4);
        QString newest;
        for (const QJsonValue &e : std::as_const(marquez.events))
            newest = std::max(newest, e.toObject().value(QStringLiteral("eventTime")).toString());
        QCOMPARE(queryText(cache, "SELECT value FROM settings WHERE key LIKE 'catalog-cursor:%'"), newest);
    }

    void incrementalSyncFollowsNewEvents()
    {
        FakeCatalogServer server;
        MarquezState marquez;
        const QJsonArray events = corpusEvents();
        for (const QJsonValue &e : events)
            marquez.ingest(e.toObject());
        marquez.install(server);
        const QString cache = freshCache();
        QVERIFY(errors(catalogs::syncCatalog(cache, source(server), catalogOptions(QString()))).isEmpty());
        const qint64 runsBefore = queryInt(cache, "SELECT count(*) FROM runs");

        // A new run of the first job writes to a new table, a day later.
        QJsonObject start;
        for (const QJsonValue &e : events) {
            if (!e.toObject().value(QStringLiteral("inputs")).toArray().isEmpty() && !e.toObject().value(QStringLiteral("outputs")).toArray().isEmpty()) {
                start = e.toObject();
                break;
            }
        }
        const QString jobId = start.value(QStringLiteral("job")).toObject().value(QStringLiteral("namespace")).toString() + u'/'
            + start.value(QStringLiteral("job")).toObject().value(QStringLiteral("name")).toString();
        QJsonObject complete = start;
        start.insert(QStringLiteral("eventTime"), QStringLiteral("2026-11-21T09:00:00.000Z"));
        complete.insert(QStringLiteral("eventType"), QStringLiteral("COMPLETE"));
        complete.insert(QStringLiteral("eventTime"), QStringLiteral("2026-11-21T09:05:00.000Z"));
        QJsonObject run{{QStringLiteral("runId"), QStringLiteral("11111111-2222-3333-4444-555555555555")}};
        start.insert(QStringLiteral("run"), run);
        complete.insert(QStringLiteral("run"), run);
        QJsonArray outputs = complete.value(QStringLiteral("outputs")).toArray();
        outputs.append(QJsonObject{{QStringLiteral("namespace"), QStringLiteral("food_delivery")}, {QStringLiteral("name"), QStringLiteral("public.menus_archive")}});
        complete.insert(QStringLiteral("outputs"), outputs);
        marquez.ingest(start);
        marquez.ingest(complete);
        server.clearLog();

        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions(QString()));
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QCOMPARE(server.count(QStringLiteral("/api/v1/namespaces")), 0);
        QCOMPARE(server.requests.first().path, QStringLiteral("/api/v1/events/lineage"));
        QString newest;
        for (const QJsonValue &e : events)
            newest = std::max(newest, e.toObject().value(QStringLiteral("eventTime")).toString());
        QCOMPARE(server.requests.first().param("after"), newest);
        QCOMPARE(server.count(QStringLiteral("/api/v1/lineage")), 1);
        QCOMPARE(int(report.counts.datasets), 14);
        QCOMPARE(queryInt(cache, "SELECT count(*) FROM runs"), runsBefore + 2);
        QVERIFY(queryInt(cache, "SELECT count(*) FROM lineage_edges WHERE to_id LIKE '%menus_archive' AND job_id = '" + jobId.toUtf8() + "'") > 0);
        QCOMPARE(queryText(cache, "SELECT change FROM change_feed WHERE entity_id LIKE '%menus_archive'"), QStringLiteral("added"));
    }

    /// Marquez's `after` is inclusive: the events at the cursor come back on the next sync and must not
    /// be stored (nor their jobs' lineage fetched) again.
    void eventsAtTheCursorAreNotReadTwice()
    {
        FakeCatalogServer server;
        MarquezState marquez;
        for (const QJsonValue &e : corpusEvents())
            marquez.ingest(e.toObject());
        marquez.install(server);
        const QString cache = freshCache();
        QVERIFY(errors(catalogs::syncCatalog(cache, source(server), catalogOptions(QString()))).isEmpty());
        const qint64 runDocuments = queryInt(cache, "SELECT count(*) FROM documents WHERE path LIKE 'runs/%'");
        const QString cursor = queryText(cache, "SELECT value FROM settings WHERE key LIKE 'catalog-cursor:%'");
        server.clearLog();

        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions(QString()));
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QCOMPARE(server.requests.first().param("after"), cursor);
        QCOMPARE(queryInt(cache, "SELECT count(*) FROM documents WHERE path LIKE 'runs/%'"), runDocuments);
        QCOMPARE(server.count(QStringLiteral("/api/v1/lineage")), 0);
        QCOMPARE(queryText(cache, "SELECT value FROM settings WHERE key LIKE 'catalog-cursor:%'"), cursor);
    }

    /// Producers write their own offsets (Marquez's own test events mix "+10:00", "Z" and none): the
    /// cursor is the newest instant, not the greatest text.
    void eventTimesCompareAsInstants()
    {
        FakeCatalogServer server;
        MarquezState marquez;
        const QJsonArray events = corpusEvents();
        for (const QJsonValue &e : events)
            marquez.ingest(e.toObject());
        marquez.install(server);
        const QString cache = freshCache();
        QVERIFY(errors(catalogs::syncCatalog(cache, source(server), catalogOptions(QString()))).isEmpty());

        // Three runs of one job a day later: 09:00Z written as +10:00, 09:05Z, and 09:10 without a zone.
        const QJsonObject base = events.first().toObject();
        const char *times[] = {"2026-11-21T19:00:00.000+10:00", "2026-11-21T09:05:00.000Z", "2026-11-21T09:10:00.000"};
        int n = 0;
        for (const char *time : times) {
            QJsonObject e = base;
            e.insert(QStringLiteral("eventType"), QStringLiteral("COMPLETE"));
            e.insert(QStringLiteral("eventTime"), QLatin1String(time));
            e.insert(QStringLiteral("run"), QJsonObject{{QStringLiteral("runId"), QStringLiteral("00000000-0000-0000-0000-00000000000%1").arg(++n)}});
            marquez.ingest(e);
        }
        QVERIFY(errors(catalogs::syncCatalog(cache, source(server), catalogOptions(QString()))).isEmpty());
        // The newest instant, sent back in UTC: Marquez parses `after` as a zoned date-time.
        QCOMPARE(queryText(cache, "SELECT value FROM settings WHERE key LIKE 'catalog-cursor:%'"), QStringLiteral("2026-11-21T09:10:00.000Z"));
        const qint64 runDocuments = queryInt(cache, "SELECT count(*) FROM documents WHERE path LIKE 'runs/%'");
        server.clearLog();
        QVERIFY(errors(catalogs::syncCatalog(cache, source(server), catalogOptions(QString()))).isEmpty());
        QCOMPARE(queryInt(cache, "SELECT count(*) FROM documents WHERE path LIKE 'runs/%'"), runDocuments);
        QCOMPARE(server.count(QStringLiteral("/api/v1/lineage")), 0);
    }

    /// Marquez answers 500 for some jobs' lineage (MarquezProject/marquez#2806): that job is skipped with
    /// a warning naming it; the other jobs' changes and the cursor still go in.
    void lineageServerErrorSkipsOnlyThatJob()
    {
        FakeCatalogServer server;
        MarquezState marquez;
        const QJsonArray events = corpusEvents();
        for (const QJsonValue &e : events)
            marquez.ingest(e.toObject());
        marquez.install(server);
        const QString cache = freshCache();
        QVERIFY(errors(catalogs::syncCatalog(cache, source(server), catalogOptions(QString()))).isEmpty());

        // Two jobs run again, each writing a new table; Marquez fails on the first one's lineage.
        QList<QJsonObject> writers;
        QSet<QString> jobsSeen;
        for (const QJsonValue &v : events) {
            const QJsonObject e = v.toObject();
            const QString job = e.value(QStringLiteral("job")).toObject().value(QStringLiteral("name")).toString();
            if (!e.value(QStringLiteral("outputs")).toArray().isEmpty() && !jobsSeen.contains(job)) {
                jobsSeen.insert(job);
                writers << e;
            }
        }
        QVERIFY(writers.size() >= 2);
        for (int i = 0; i < 2; ++i) {
            QJsonObject e = writers[i];
            e.insert(QStringLiteral("eventType"), QStringLiteral("COMPLETE"));
            e.insert(QStringLiteral("eventTime"), QStringLiteral("2026-11-22T08:0%1:00.000Z").arg(i));
            e.insert(QStringLiteral("run"), QJsonObject{{QStringLiteral("runId"), QStringLiteral("99999999-0000-0000-0000-00000000000%1").arg(i)}});
            QJsonArray outputs = e.value(QStringLiteral("outputs")).toArray();
            outputs.append(QJsonObject{{QStringLiteral("namespace"), QStringLiteral("food_delivery")}, {QStringLiteral("name"), QStringLiteral("public.new_table_%1").arg(i)}});
            e.insert(QStringLiteral("outputs"), outputs);
            marquez.ingest(e);
        }
        const QJsonObject failing = writers[0].value(QStringLiteral("job")).toObject();
        marquez.failingJobs.insert(key(failing));
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions(QString()));
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QString warnings;
        for (const Diagnostic &d : report.diagnostics)
            warnings += d.toString() + u'\n';
        QVERIFY2(warnings.contains(failing.value(QStringLiteral("name")).toString()) && warnings.contains(QStringLiteral("HTTP 500")), qPrintable(warnings));
        QCOMPARE(queryInt(cache, "SELECT count(*) FROM datasets WHERE name = 'public.new_table_1'"), qint64(1));
        QCOMPARE(queryInt(cache, "SELECT count(*) FROM datasets WHERE name = 'public.new_table_0'"), qint64(0));
        QCOMPARE(queryText(cache, "SELECT value FROM settings WHERE key LIKE 'catalog-cursor:%'"), QStringLiteral("2026-11-22T08:01:00.000Z"));
    }

    /// A dataset's platform is what the file import of the same events says (the namespace's or the data
    /// source's scheme), never Marquez's sourceName ("default", or the source's name).
    void platformIsNotTheSourceName()
    {
        FakeCatalogServer server;
        MarquezState marquez;
        for (const QJsonValue &e : corpusEvents())
            marquez.ingest(e.toObject());
        marquez.install(server);
        const QString cache = freshCache();
        QVERIFY(errors(catalogs::syncCatalog(cache, source(server), catalogOptions(QString()))).isEmpty());
        const ImportResult file = importDocument(QStringLiteral("metadata.json"), readAll(corpus(QStringLiteral("MarquezProject/marquez/docker/metadata.json"))));
        QStringList expected;
        for (const Dataset &d : file.datasets)
            expected << d.id + u'=' + d.platform;
        expected.sort();
        QCOMPARE(queryText(cache, "SELECT group_concat(id || '=' || coalesce(platform, ''), ',') FROM (SELECT * FROM datasets ORDER BY id)"), expected.join(u','));
        QCOMPARE(queryInt(cache, "SELECT count(*) FROM datasets WHERE platform IN ('default', 'food_delivery_db')"), qint64(0));
    }

    /// A dataset Marquez reports as soft-deleted leaves the cache on the next incremental sync.
    void deletedDatasetLeavesTheCache()
    {
        FakeCatalogServer server;
        MarquezState marquez;
        const QJsonArray events = corpusEvents();
        for (const QJsonValue &e : events)
            marquez.ingest(e.toObject());
        marquez.install(server);
        const QString cache = freshCache();
        QVERIFY(errors(catalogs::syncCatalog(cache, source(server), catalogOptions(QString()))).isEmpty());
        QJsonObject writer;
        for (const QJsonValue &v : events) {
            if (!v.toObject().value(QStringLiteral("outputs")).toArray().isEmpty()) {
                writer = v.toObject();
                break;
            }
        }
        const QJsonObject output = writer.value(QStringLiteral("outputs")).toArray().first().toObject();
        const QByteArray name = output.value(QStringLiteral("name")).toString().toUtf8();
        QCOMPARE(queryInt(cache, "SELECT count(*) FROM datasets WHERE name = '" + name + "'"), qint64(1));
        // The job runs again (without the output, so ingesting does not undelete it); Marquez marked it deleted.
        QJsonObject again = writer;
        again.insert(QStringLiteral("eventTime"), QStringLiteral("2026-11-23T08:00:00.000Z"));
        again.insert(QStringLiteral("outputs"), QJsonArray());
        marquez.ingest(again);
        marquez.datasets[key(output)].insert(QStringLiteral("deleted"), true);
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions(QString()));
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QCOMPARE(queryInt(cache, "SELECT count(*) FROM datasets WHERE name = '" + name + "'"), qint64(0));
    }

    /// Older servers put the transformation on the DATASET_FIELD node, not on each input field
    /// (api/src/test/resources/column_lineage/node.json): it is kept either way.
    void transformationOnTheColumnNodeIsKept()
    {
        FakeCatalogServer server;
        MarquezState marquez;
        for (const QJsonValue &e : corpusEvents())
            marquez.ingest(e.toObject());
        QVERIFY(!marquez.fieldLineage.isEmpty());
        QJsonObject &node = marquez.fieldLineage.first();
        node.insert(QStringLiteral("transformationDescription"), QStringLiteral("identical"));
        node.insert(QStringLiteral("transformationType"), QStringLiteral("IDENTITY"));
        marquez.install(server);
        const QString cache = freshCache();
        QVERIFY(errors(catalogs::syncCatalog(cache, source(server), catalogOptions(QString()))).isEmpty());
        QVERIFY(queryInt(cache, "SELECT count(*) FROM column_edges WHERE transformation = 'identical'") >= 1);
    }

    void failedEventFeedKeepsTheCache()
    {
        FakeCatalogServer server;
        MarquezState marquez;
        for (const QJsonValue &e : corpusEvents())
            marquez.ingest(e.toObject());
        marquez.install(server);
        const QString cache = freshCache();
        QVERIFY(errors(catalogs::syncCatalog(cache, source(server), catalogOptions(QString()))).isEmpty());
        const QString before = cacheFingerprint(cache);
        server.failNext(QStringLiteral("/api/v1/events/lineage"), FakeResponse::raw(502, "bad gateway"), 3);
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions(QString()));
        QVERIFY2(errors(report).contains(QStringLiteral("HTTP 502")), qPrintable(errors(report)));
        QVERIFY2(errors(report).contains(server.url() + QStringLiteral("/api/v1/events/lineage?after=")), qPrintable(errors(report)));
        QCOMPARE(cacheFingerprint(cache), before);

        // A page that is not JSON on a first sync: nothing is written at all.
        const QString empty = freshCache();
        const QString emptyBefore = cacheFingerprint(empty);
        server.failNext(QStringLiteral("/api/v1/namespaces/food_delivery/jobs"), FakeResponse::raw(200, "<html>gateway</html>"));
        const SyncReport malformed = catalogs::syncCatalog(empty, source(server), catalogOptions(QString()));
        QVERIFY2(errors(malformed).contains(QStringLiteral("malformed JSON")), qPrintable(errors(malformed)));
        QCOMPARE(cacheFingerprint(empty), emptyBefore);
    }
};

QTEST_GUILESS_MAIN(TestCatalogMarquez)
#include "tst_catalog_marquez.moc"
