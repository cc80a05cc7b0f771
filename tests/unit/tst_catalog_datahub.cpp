// DataHub: the MCE/MCP file importer on the corpus's bootstrap_mce.json, and the GraphQL adapter
// against a real HTTP server on 127.0.0.1 that answers scrollAcrossEntities with entities built from
// the same file (and the corpus's data product YAML), in pages linked by scrollId. Which real file each
// response follows: docs/formats/catalog-payloads.md (DataHub).
#include "catalogtestsupport.h"
#include "fakecatalogserver.h"
#include "testsupport.h"
#include "yamljson.h"

#include "importers/importer.h"
#include "sync/syncengine.h"

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

const QString kMce = QStringLiteral("datahub-project/datahub/metadata-ingestion/examples/mce_files/bootstrap_mce.json");
const QString kHive = QStringLiteral("urn:li:dataset:(urn:li:dataPlatform:hive,SampleHiveDataset,PROD)");

QJsonObject aspectOf(const QJsonArray &aspects, const QString &name)
{
    for (const QJsonValue &a : aspects) {
        const QJsonObject o = a.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key().endsWith(QLatin1Char('.') + name))
                return it.value().toObject();
        }
    }
    return {};
}

/// DataHub's GraphQL view of the datasets and data jobs in bootstrap_mce.json, a domain and a data
/// product. A job sits between its inputs and outputs as DataHub's lineage graph has it: an output
/// dataset's UPSTREAM lineage names the job ("Produces", a DATA_JOB), the job's names its input datasets
/// ("Consumes") and the jobs it depends on ("DownstreamOf").
QJsonArray graphEntities()
{
    const QJsonArray items = QJsonDocument::fromJson(readAll(corpus(kMce))).array();
    QJsonArray jobs;
    QMap<QString, QJsonArray> producedBy; // dataset urn -> "Produces" relationships to its jobs
    for (const QJsonValue &v : items) {
        const QJsonObject body = v.toObject().value(QStringLiteral("proposedSnapshot")).toObject()
                                     .value(QStringLiteral("com.linkedin.pegasus2avro.metadata.snapshot.DataJobSnapshot")).toObject();
        if (body.isEmpty())
            continue;
        const QString urn = body.value(QStringLiteral("urn")).toString();
        const QJsonArray aspects = body.value(QStringLiteral("aspects")).toArray();
        const QJsonObject info = aspectOf(aspects, QStringLiteral("DataJobInfo"));
        const QJsonObject io = aspectOf(aspects, QStringLiteral("DataJobInputOutput"));
        QJsonArray upstream;
        for (const QJsonValue &in : io.value(QStringLiteral("inputDatasets")).toArray())
            upstream.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("Consumes")},
                                        {QStringLiteral("entity"), QJsonObject{{QStringLiteral("urn"), in}, {QStringLiteral("type"), QStringLiteral("DATASET")}}}});
        for (const QJsonValue &in : io.value(QStringLiteral("inputDatajobs")).toArray())
            upstream.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("DownstreamOf")},
                                        {QStringLiteral("entity"), QJsonObject{{QStringLiteral("urn"), in}, {QStringLiteral("type"), QStringLiteral("DATA_JOB")}}}});
        for (const QJsonValue &out : io.value(QStringLiteral("outputDatasets")).toArray())
            producedBy[out.toString()].append(QJsonObject{{QStringLiteral("type"), QStringLiteral("Produces")},
                                                          {QStringLiteral("entity"), QJsonObject{{QStringLiteral("urn"), urn}, {QStringLiteral("type"), QStringLiteral("DATA_JOB")}}}});
        jobs.append(QJsonObject{{QStringLiteral("urn"), urn}, {QStringLiteral("type"), QStringLiteral("DATA_JOB")},
                                {QStringLiteral("jobId"), urn.section(QLatin1Char(','), -1).chopped(1)},
                                {QStringLiteral("properties"), QJsonObject{{QStringLiteral("name"), info.value(QStringLiteral("name"))},
                                                                           {QStringLiteral("description"), info.value(QStringLiteral("description"))}}},
                                {QStringLiteral("upstream"), QJsonObject{{QStringLiteral("relationships"), upstream}}}});
    }
    QJsonArray entities;
    QJsonObject assertionsByDataset; // dataset urn -> assertions
    QJsonObject assertionInfo;
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        if (item.value(QStringLiteral("entityType")).toString() != u"assertion")
            continue;
        const QJsonObject value = QJsonDocument::fromJson(item.value(QStringLiteral("aspect")).toObject().value(QStringLiteral("value")).toString().toUtf8()).object();
        const QString urn = item.value(QStringLiteral("entityUrn")).toString();
        if (item.value(QStringLiteral("aspectName")).toString() == u"assertionInfo")
            assertionInfo.insert(urn, value);
        else if (item.value(QStringLiteral("aspectName")).toString() == u"assertionRunEvent") {
            const QJsonObject info = assertionInfo.value(urn).toObject();
            const QString field = info.value(QStringLiteral("datasetAssertion")).toObject().value(QStringLiteral("nativeParameters")).toObject().value(QStringLiteral("column")).toString();
            QJsonArray list = assertionsByDataset.value(value.value(QStringLiteral("asserteeUrn")).toString()).toArray();
            list.append(QJsonObject{{QStringLiteral("urn"), urn},
                                    {QStringLiteral("info"), QJsonObject{{QStringLiteral("type"), QStringLiteral("DATASET")},
                                                                         {QStringLiteral("description"), info.value(QStringLiteral("datasetAssertion")).toObject().value(QStringLiteral("nativeType"))},
                                                                         {QStringLiteral("datasetAssertion"), QJsonObject{{QStringLiteral("fields"), QJsonArray{QJsonObject{{QStringLiteral("path"), field}}}}}}}},
                                    {QStringLiteral("runEvents"), QJsonObject{{QStringLiteral("runEvents"), QJsonArray{QJsonObject{
                                        {QStringLiteral("timestampMillis"), value.value(QStringLiteral("timestampMillis"))},
                                        {QStringLiteral("runId"), value.value(QStringLiteral("runId"))},
                                        {QStringLiteral("result"), QJsonObject{{QStringLiteral("type"), value.value(QStringLiteral("result")).toObject().value(QStringLiteral("type"))}}}}}}}}});
            assertionsByDataset.insert(value.value(QStringLiteral("asserteeUrn")).toString(), list);
        }
    }
    for (const QJsonValue &v : items) {
        const QJsonObject snapshot = v.toObject().value(QStringLiteral("proposedSnapshot")).toObject();
        const QJsonObject body = snapshot.value(QStringLiteral("com.linkedin.pegasus2avro.metadata.snapshot.DatasetSnapshot")).toObject();
        if (body.isEmpty())
            continue;
        const QString urn = body.value(QStringLiteral("urn")).toString();
        const QJsonArray aspects = body.value(QStringLiteral("aspects")).toArray();
        QJsonObject e{{QStringLiteral("urn"), urn}, {QStringLiteral("type"), QStringLiteral("DATASET")}};
        e.insert(QStringLiteral("platform"), QJsonObject{{QStringLiteral("name"), urn.section(QLatin1Char(','), 0, 0).section(QLatin1Char(':'), -1)}});
        const QJsonObject props = aspectOf(aspects, QStringLiteral("DatasetProperties"));
        if (!props.isEmpty())
            e.insert(QStringLiteral("properties"), QJsonObject{{QStringLiteral("description"), props.value(QStringLiteral("description"))}});
        QJsonArray fields;
        for (const QJsonValue &f : aspectOf(aspects, QStringLiteral("SchemaMetadata")).value(QStringLiteral("fields")).toArray()) {
            const QJsonObject field = f.toObject();
            fields.append(QJsonObject{{QStringLiteral("fieldPath"), field.value(QStringLiteral("fieldPath"))},
                                      {QStringLiteral("nativeDataType"), field.value(QStringLiteral("nativeDataType"))},
                                      {QStringLiteral("description"), field.value(QStringLiteral("description"))}});
        }
        e.insert(QStringLiteral("schemaMetadata"), QJsonObject{{QStringLiteral("fields"), fields}});
        QJsonArray owners;
        for (const QJsonValue &o : aspectOf(aspects, QStringLiteral("Ownership")).value(QStringLiteral("owners")).toArray())
            owners.append(QJsonObject{{QStringLiteral("owner"), QJsonObject{{QStringLiteral("username"), o.toObject().value(QStringLiteral("owner")).toString().section(QLatin1Char(':'), -1)}}}});
        e.insert(QStringLiteral("ownership"), QJsonObject{{QStringLiteral("owners"), owners}});
        QJsonArray upstream;
        for (const QJsonValue &u : aspectOf(aspects, QStringLiteral("UpstreamLineage")).value(QStringLiteral("upstreams")).toArray())
            upstream.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("DownstreamOf")},
                                        {QStringLiteral("entity"), QJsonObject{{QStringLiteral("urn"), u.toObject().value(QStringLiteral("dataset"))}, {QStringLiteral("type"), QStringLiteral("DATASET")}}}});
        for (const QJsonValue &r : producedBy.value(urn))
            upstream.append(r);
        e.insert(QStringLiteral("upstream"), QJsonObject{{QStringLiteral("relationships"), upstream}});
        e.insert(QStringLiteral("assertions"), QJsonObject{{QStringLiteral("assertions"), assertionsByDataset.value(urn).toArray()}});
        if (urn == kHive) {
            // The shape of DataHub's DataContract entity: status and assertion references.
            e.insert(QStringLiteral("contract"), QJsonObject{
                {QStringLiteral("urn"), QStringLiteral("urn:li:dataContract:sample-hive")},
                {QStringLiteral("status"), QJsonObject{{QStringLiteral("state"), QStringLiteral("ACTIVE")}}},
                {QStringLiteral("properties"), QJsonObject{{QStringLiteral("dataQuality"), QJsonArray{QJsonObject{{QStringLiteral("assertion"), QJsonObject{{QStringLiteral("urn"), QStringLiteral("urn:li:assertion:358c683782c93c2fc2bd4bdd4fdb0153")}}}}}}}}});
            // A description edited in the UI: the EditableSchemaMetadata aspect, apart from the schema.
            e.insert(QStringLiteral("editableSchemaMetadata"), QJsonObject{{QStringLiteral("editableSchemaFieldInfo"), QJsonArray{
                QJsonObject{{QStringLiteral("fieldPath"), QStringLiteral("field_foo")}, {QStringLiteral("description"), QStringLiteral("Edited in the DataHub UI")}}}}});
        }
        entities.append(e);
    }
    for (const QJsonValue &job : std::as_const(jobs))
        entities.append(job);
    const QJsonObject product = yamlFileToJson(corpus(QStringLiteral("datahub-project/datahub/metadata-ingestion/examples/data_product/dataproduct.yaml")));
    const QString domainUrn = QStringLiteral("urn:li:domain:") + product.value(QStringLiteral("domain")).toString().toLower();
    entities.append(QJsonObject{{QStringLiteral("urn"), domainUrn}, {QStringLiteral("type"), QStringLiteral("DOMAIN")},
                                {QStringLiteral("properties"), QJsonObject{{QStringLiteral("name"), product.value(QStringLiteral("domain"))}}}});
    QJsonArray assets;
    for (const QJsonValue &a : product.value(QStringLiteral("assets")).toArray())
        assets.append(QJsonObject{{QStringLiteral("entity"), QJsonObject{{QStringLiteral("urn"), a}}}});
    entities.append(QJsonObject{{QStringLiteral("urn"), QStringLiteral("urn:li:dataProduct:") + product.value(QStringLiteral("id")).toString()},
                                {QStringLiteral("type"), QStringLiteral("DATA_PRODUCT")},
                                {QStringLiteral("properties"), QJsonObject{{QStringLiteral("name"), product.value(QStringLiteral("display_name"))},
                                                                           {QStringLiteral("description"), product.value(QStringLiteral("description"))}}},
                                {QStringLiteral("domain"), QJsonObject{{QStringLiteral("domain"), QJsonObject{{QStringLiteral("urn"), domainUrn}}}}},
                                {QStringLiteral("assets"), QJsonObject{{QStringLiteral("relationships"), assets}}}});
    return entities;
}

/// What the fake saw and how it misbehaves.
struct GraphQLLog {
    int largestCount = 0;        ///< the largest `count` asked for in one request
    QSet<QString> deniedAssertions; ///< dataset urns whose `assertions` the token may not read
    QSet<QString> failingEntities;  ///< urns whose whole entity fails (null, with an error at its path)
};

void installGraphQL(FakeCatalogServer &server, const QJsonArray &all, int pageCap = 3, std::shared_ptr<GraphQLLog> log = std::make_shared<GraphQLLog>())
{
    server.on("POST", QStringLiteral("/api/graphql"), [all, pageCap, log](const FakeRequest &r) {
        const QJsonObject request = QJsonDocument::fromJson(r.body).object();
        if (!request.value(QStringLiteral("query")).toString().contains(QStringLiteral("scrollAcrossEntities")))
            return FakeResponse::json(QJsonObject{{QStringLiteral("errors"), QJsonArray{QJsonObject{{QStringLiteral("message"), QStringLiteral("unknown query")}}}}});
        const QJsonObject input = request.value(QStringLiteral("variables")).toObject().value(QStringLiteral("input")).toObject();
        // Only the entity types asked for are scrolled.
        const QJsonArray types = input.value(QStringLiteral("types")).toArray();
        QJsonArray entities;
        for (const QJsonValue &e : all) {
            if (types.contains(e.toObject().value(QStringLiteral("type"))))
                entities.append(e);
        }
        const int offset = input.value(QStringLiteral("scrollId")).toString().mid(1).toInt();
        log->largestCount = std::max(log->largestCount, input.value(QStringLiteral("count")).toInt());
        const int count = std::min(input.value(QStringLiteral("count")).toInt(), pageCap);
        QJsonArray results;
        QJsonArray errors;
        for (int i = offset; i < std::min<int>(entities.size(), offset + count); ++i) {
            QJsonObject entity = entities[i].toObject();
            if (log->deniedAssertions.contains(entity.value(QStringLiteral("urn")).toString())) {
                // graphql-java: the failing field is null and the error names its path; the rest stays.
                entity.insert(QStringLiteral("assertions"), QJsonValue());
                errors.append(QJsonObject{{QStringLiteral("message"), QStringLiteral("Unauthorized to perform this action. Please contact your DataHub administrator.")},
                                          {QStringLiteral("locations"), QJsonArray{QJsonObject{{QStringLiteral("line"), 40}, {QStringLiteral("column"), 11}}}},
                                          {QStringLiteral("path"), QJsonArray{QStringLiteral("scrollAcrossEntities"), QStringLiteral("searchResults"), int(results.size()),
                                                                              QStringLiteral("entity"), QStringLiteral("assertions")}},
                                          {QStringLiteral("extensions"), QJsonObject{{QStringLiteral("code"), 403}, {QStringLiteral("type"), QStringLiteral("UNAUTHORIZED")},
                                                                                     {QStringLiteral("classification"), QStringLiteral("DataFetchingException")}}}});
            }
            if (log->failingEntities.contains(entity.value(QStringLiteral("urn")).toString())) {
                errors.append(QJsonObject{{QStringLiteral("message"), QStringLiteral("An unknown error occurred.")},
                                          {QStringLiteral("path"), QJsonArray{QStringLiteral("scrollAcrossEntities"), QStringLiteral("searchResults"), int(results.size()), QStringLiteral("entity")}},
                                          {QStringLiteral("extensions"), QJsonObject{{QStringLiteral("code"), 500}, {QStringLiteral("type"), QStringLiteral("SERVER_ERROR")},
                                                                                     {QStringLiteral("classification"), QStringLiteral("DataFetchingException")}}}});
                results.append(QJsonObject{{QStringLiteral("entity"), QJsonValue()}});
                continue;
            }
            results.append(QJsonObject{{QStringLiteral("entity"), entity}});
        }
        QJsonObject page{{QStringLiteral("count"), int(results.size())}, {QStringLiteral("total"), int(entities.size())},
                         {QStringLiteral("searchResults"), results}};
        page.insert(QStringLiteral("nextScrollId"), offset + count < entities.size() ? QJsonValue(QStringLiteral("s%1").arg(offset + count)) : QJsonValue());
        QJsonObject response{{QStringLiteral("data"), QJsonObject{{QStringLiteral("scrollAcrossEntities"), page}}}};
        if (!errors.isEmpty())
            response.insert(QStringLiteral("errors"), errors);
        return FakeResponse::json(response);
    });
}

QSet<QString> plainEdges(const ImportResult &r)
{
    QSet<QString> out;
    for (const LineageEdge &e : r.lineageEdges) {
        if (e.jobId.isEmpty())
            out.insert(e.from + u'>' + e.to);
    }
    return out;
}

} // namespace

class TestCatalogDataHub : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshCache() { return m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_n)); }
    static QString source(const FakeCatalogServer &s) { return QStringLiteral("datahub+") + s.url(); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void mceFileImporterReadsBootstrapMce()
    {
        const ImportResult r = importDocument(QStringLiteral("bootstrap_mce.json"), readAll(corpus(kMce)));
        QCOMPARE(r.format, QStringLiteral("datahub-mce"));
        QVERIFY(!r.hasErrors());
        auto find = [&](const QString &id) -> const Dataset * {
            for (const Dataset &d : r.datasets) {
                if (d.id == id)
                    return &d;
            }
            return nullptr;
        };
        const Dataset *hive = find(datasetId(QStringLiteral("hive"), QStringLiteral("SampleHiveDataset")));
        QVERIFY(hive);
        QVERIFY(hive->columns.size() >= 2);
        QCOMPARE(hive->columns.first().name, QStringLiteral("field_foo"));
        QVERIFY(hive->checks.contains(QStringLiteral("expect_column_values_to_equal(field_foo)")));
        // DataJobInputOutput: logging_events -> fct_users_created, by the job that writes it.
        bool jobEdge = false;
        for (const LineageEdge &e : r.lineageEdges)
            jobEdge |= e.to == datasetId(QStringLiteral("hive"), QStringLiteral("fct_users_created")) && e.jobId == u"airflow/dag_abc.task_123";
        QVERIFY(jobEdge);
        QVERIFY(!plainEdges(r).isEmpty());
        QCOMPARE(int(r.qualityResults.size()), 1);
        QCOMPARE(r.qualityResults.front().datasetId, hive->id);
        QCOMPARE(r.qualityResults.front().column, QStringLiteral("field_foo"));
        QVERIFY(r.qualityResults.front().success);
        QCOMPARE(r.qualityResults.front().time.toMSecsSinceEpoch(), 1730554659000);
        QVERIFY(std::any_of(r.teams.begin(), r.teams.end(), [](const Team &t) { return !t.name.isEmpty(); }));
    }

    void mceFileSyncsLikeAnyFileSource()
    {
        const QString cache = freshCache();
        const SyncReport report = SyncEngine(cache).run({corpus(kMce)});
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        const ImportResult file = importDocument(QStringLiteral("bootstrap_mce.json"), readAll(corpus(kMce)));
        QCOMPARE(int(report.counts.datasets), int(file.datasets.size()));
        QSet<QString> pairs; // the cache counts dataset pairs; a job and an UpstreamLineage may name the same one
        for (const LineageEdge &e : file.lineageEdges)
            pairs.insert(e.from + u'>' + e.to);
        QCOMPARE(int(report.counts.lineageEdges), int(pairs.size()));
        QVERIFY(pairs.size() >= 5);
        // Every distinct (dataset, fieldPath) of the file's SchemaMetadata aspects; v2 field paths
        // ("[version=2.0].[key=True].[type=int].id") become plain names.
        QCOMPARE(int(report.counts.columns), 28);
        QCOMPARE(queryInt(cache, "SELECT count(*) FROM columns WHERE name = 'id' AND dataset_id LIKE 'kafka%'"), qint64(1));
        QCOMPARE(int(report.counts.qualityResults), 1);
    }

    void graphQLScrollMatchesTheFile()
    {
        FakeCatalogServer server;
        const QJsonArray entities = graphEntities();
        installGraphQL(server, entities);
        server.requireHeader("authorization", "Bearer dh-token");
        const QString cache = freshCache();
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions(QStringLiteral("dh-token")));
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QCOMPARE(server.count(QStringLiteral("/api/graphql")), int((entities.size() + 2) / 3));

        // The datasets and upstream lineage DataHub serves are the ones its MCE file describes.
        const ImportResult file = importDocument(QStringLiteral("bootstrap_mce.json"), readAll(corpus(kMce)));
        int snapshots = 0;
        for (const QJsonValue &e : entities)
            snapshots += e.toObject().value(QStringLiteral("type")).toString() == u"DATASET";
        QCOMPARE(int(report.counts.datasets), snapshots);
        const QStringList rows = queryText(cache, "SELECT group_concat(from_id || '>' || to_id, '|') FROM lineage_edges").split(u'|', Qt::SkipEmptyParts);
        // All of the file's edges, those through a data job included (logging_events -> task_123 ->
        // fct_users_created).
        QSet<QString> fileEdges = plainEdges(file);
        for (const LineageEdge &e : file.lineageEdges)
            fileEdges.insert(e.from + u'>' + e.to);
        QCOMPARE(QSet<QString>(rows.begin(), rows.end()), fileEdges);
        // Each edge the file draws through a job is there with that job.
        QStringList jobEdges;
        for (const LineageEdge &e : file.lineageEdges) {
            if (!e.jobId.isEmpty())
                jobEdges << e.from + u'>' + e.to + u'@' + e.jobId;
        }
        jobEdges.removeDuplicates();
        jobEdges.sort();
        QVERIFY(!jobEdges.isEmpty());
        QCOMPARE(queryText(cache, "SELECT group_concat(e, '|') FROM (SELECT DISTINCT from_id || '>' || to_id || '@' || job_id AS e FROM lineage_edges "
                                  "WHERE coalesce(job_id, '') <> '' ORDER BY e)"),
                 jobEdges.join(u'|'));
        QCOMPARE(queryText(cache, "SELECT check_name || ':' || column_name || ':' || success FROM quality_results"),
                 QStringLiteral("expect_column_values_to_equal:field_foo:1"));
        QCOMPARE(queryText(cache, "SELECT id || '@' || version || ':' || status FROM contracts"), QStringLiteral("datahub:hive.SampleHiveDataset@1:active"));
        QCOMPARE(queryText(cache, "SELECT name || ':' || domain_id FROM products"), QStringLiteral("Pet of the Week Campaign:marketing"));
        QCOMPARE(queryInt(cache, "SELECT count(*) FROM domains WHERE id = 'marketing' AND name = 'Marketing'"), qint64(1));
        QCOMPARE(queryText(cache, "SELECT location FROM ports WHERE product_id = 'pet_of_the_week'"), QStringLiteral("long_tail_companions.analytics.pet_details"));

        // Again, unchanged: nothing parsed, nothing in the change feed.
        const SyncReport again = catalogs::syncCatalog(cache, source(server), catalogOptions(QStringLiteral("dh-token")));
        QCOMPARE(again.filesParsed, 0);
        QCOMPARE(again.added + again.changed + again.removed, 0);
    }

    /// DataHub's GraphQL guide: 20 lineage subqueries per request is the tested limit. Every page asks
    /// for at most 20 entities, each with its lineage.
    void pagesHoldAtMostTwentyLineageQueries()
    {
        FakeCatalogServer server;
        auto log = std::make_shared<GraphQLLog>();
        installGraphQL(server, graphEntities(), 1000, log);
        const SyncReport report = catalogs::syncCatalog(freshCache(), source(server), catalogOptions());
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QVERIFY(log->largestCount > 0);
        QVERIFY2(log->largestCount <= 20, qPrintable(QString::number(log->largestCount)));
    }

    /// A GraphQL error for one field of one entity (no permission on its assertions) comes with the
    /// data of all others: the sync keeps it and reports the error against that entity.
    void partialGraphQLErrorsKeepTheData()
    {
        FakeCatalogServer server;
        auto log = std::make_shared<GraphQLLog>();
        log->deniedAssertions.insert(kHive);
        const QJsonArray entities = graphEntities();
        installGraphQL(server, entities, 3, log);
        const QString cache = freshCache();
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        int datasets = 0;
        for (const QJsonValue &e : entities)
            datasets += e.toObject().value(QStringLiteral("type")).toString() == u"DATASET";
        QCOMPARE(int(report.counts.datasets), datasets);
        QString warnings;
        for (const Diagnostic &d : report.diagnostics)
            warnings += d.toString() + u'\n';
        QVERIFY2(warnings.contains(kHive) && warnings.contains(QStringLiteral("Unauthorized")), qPrintable(warnings));
        QCOMPARE(queryText(cache, "SELECT id || '@' || version || ':' || status FROM contracts"), QStringLiteral("datahub:hive.SampleHiveDataset@1:active"));

        // An entity that fails whole is null: it is not taken for deleted, its cached version stays.
        log->deniedAssertions.clear();
        log->failingEntities.insert(QStringLiteral("urn:li:dataProduct:pet_of_the_week"));
        const SyncReport again = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(again).isEmpty(), qPrintable(errors(again)));
        QCOMPARE(queryText(cache, "SELECT name FROM products WHERE id = 'pet_of_the_week'"), QStringLiteral("Pet of the Week Campaign"));
        QString againWarnings;
        for (const Diagnostic &d : again.diagnostics)
            againWarnings += d.toString() + u'\n';
        QVERIFY2(againWarnings.contains(QStringLiteral("An unknown error occurred")), qPrintable(againWarnings));
    }

    /// Lineage through a data job: logging_events -> task_123 -> fct_users_created, with the job named.
    void lineageWalksThroughDataJobs()
    {
        FakeCatalogServer server;
        installGraphQL(server, graphEntities());
        const QString cache = freshCache();
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        const QString from = datasetId(QStringLiteral("hive"), QStringLiteral("logging_events"));
        const QString to = datasetId(QStringLiteral("hive"), QStringLiteral("fct_users_created"));
        QCOMPARE(queryInt(cache, "SELECT count(*) FROM lineage_edges WHERE from_id = '" + from.toUtf8() + "' AND to_id = '" + to.toUtf8()
                                     + "' AND job_id = 'airflow/dag_abc.task_123'"),
                 qint64(1));
        QCOMPARE(queryInt(cache, "SELECT count(*) FROM jobs WHERE id = 'airflow/dag_abc.task_123'"), qint64(1));
    }

    /// A column description edited in DataHub's UI (editableSchemaMetadata) wins over the ingested one.
    void uiEditedColumnDescriptionWins()
    {
        FakeCatalogServer server;
        installGraphQL(server, graphEntities());
        const QString cache = freshCache();
        QVERIFY(errors(catalogs::syncCatalog(cache, source(server), catalogOptions())).isEmpty());
        QCOMPARE(queryText(cache, "SELECT description FROM columns WHERE name = 'field_foo' AND dataset_id = '"
                                      + datasetId(QStringLiteral("hive"), QStringLiteral("SampleHiveDataset")).toUtf8() + "'"),
                 QStringLiteral("Edited in the DataHub UI"));
    }

    void graphQLErrorsAndAuthFailuresAreClear()
    {
        FakeCatalogServer server;
        installGraphQL(server, graphEntities());
        const QString cache = freshCache();
        QVERIFY(errors(catalogs::syncCatalog(cache, source(server), catalogOptions())).isEmpty());
        const QString before = cacheFingerprint(cache);

        server.failNext(QStringLiteral("/api/graphql"), FakeResponse::json(QJsonObject{{QStringLiteral("errors"), QJsonArray{QJsonObject{{QStringLiteral("message"), QStringLiteral("Validation error of type FieldUndefined")}}}}}));
        SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(report).contains(QStringLiteral("GraphQL error: Validation error of type FieldUndefined")), qPrintable(errors(report)));
        QCOMPARE(cacheFingerprint(cache), before);

        server.requireHeader("authorization", "Bearer right");
        report = catalogs::syncCatalog(cache, source(server), catalogOptions(QStringLiteral("wrong")));
        QVERIFY2(errors(report).contains(QStringLiteral("POST ") + server.url() + QStringLiteral("/api/graphql failed: HTTP 401")), qPrintable(errors(report)));
        QCOMPARE(cacheFingerprint(cache), before);

        // Without a token DataHub is still asked (authentication may be off); the 401 says none was found.
        report = catalogs::syncCatalog(cache, source(server), catalogOptions(QString()));
        QVERIFY2(errors(report).contains(QStringLiteral("no token was sent")), qPrintable(errors(report)));
        QCOMPARE(cacheFingerprint(cache), before);
    }

    void removedEntitiesLeaveTheCache()
    {
        FakeCatalogServer server;
        QJsonArray entities = graphEntities();
        installGraphQL(server, entities);
        const QString cache = freshCache();
        QVERIFY(errors(catalogs::syncCatalog(cache, source(server), catalogOptions())).isEmpty());
        entities.removeLast(); // the data product is deleted in DataHub
        installGraphQL(server, entities);
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QCOMPARE(int(report.counts.products), 0);
        QCOMPARE(queryText(cache, "SELECT change FROM change_feed WHERE entity_id = 'pet_of_the_week' ORDER BY id DESC LIMIT 1"), QStringLiteral("removed"));
    }
};

QTEST_GUILESS_MAIN(TestCatalogDataHub)
#include "tst_catalog_datahub.moc"
