// OpenMetadata adapter against a real HTTP server on 127.0.0.1. Its tables are the jaffle_shop models,
// seeds and sources of the corpus's dbt manifest (as OpenMetadata's dbt ingestion would register them),
// with lineage from their dependencies; domains, a data product, a data contract and test case results
// follow the shapes of OpenMetadata's published API examples. Lists use cursor paging (`after`).
// Which real file each response follows: docs/formats/catalog-payloads.md (OpenMetadata).
#include "catalogtestsupport.h"
#include "fakecatalogserver.h"
#include "testsupport.h"

#include "importers/importer.h"

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

QString uuidOf(const QString &fqn);
QJsonObject entityRef(const QString &type, const QString &fqn);

/// One upstream edge of a table as the server holds it.
struct OmEdge {
    QString from;
    QJsonArray columns; ///< [{fromColumns, toColumn, function}] (entityLineage.json#/definitions/columnLineage)
};

/// OpenMetadata before 1.5 spells `owner`/`domain` as single references and answers 400 to the plural
/// field names (EntityUtil.Fields: "Invalid field name owners").
QJsonObject legacySpelling(QJsonObject o)
{
    for (const auto &[plural, single] : {std::pair{"owners", "owner"}, std::pair{"domains", "domain"}}) {
        if (o.contains(QLatin1String(plural))) {
            const QJsonArray refs = o.take(QLatin1String(plural)).toArray();
            if (!refs.isEmpty())
                o.insert(QLatin1String(single), refs.first());
        }
    }
    return o;
}

struct OmState {
    int pageSize = 2;
    QMap<QString, QList<QJsonObject>> lists; ///< path -> entities
    QMap<QString, QList<OmEdge>> upstream;   ///< table fqn -> its upstream edges
    QMap<QString, QJsonArray> assets;        ///< data product id -> asset references
    int dependencies = 0;
    bool repeatCursor = false;
    bool legacyFields = false; ///< a server before 1.5: `owner`/`domain`, 400 to `owners`/`domains`
    bool assetsEndpoint = true; ///< false: a server before GET /dataProducts/{id}/assets; fills `assets`

    /// GET /api/v1/lineage/table/name/{fqn}: an EntityLineage (type/entityLineage.json): `entity`,
    /// `nodes` an array of references, edges {fromEntity: uuid, toEntity: uuid, lineageDetails}.
    QJsonObject entityLineage(const QString &fqn) const
    {
        QJsonArray nodes, edges;
        for (const OmEdge &e : upstream.value(fqn)) {
            nodes.append(entityRef(QStringLiteral("table"), e.from));
            QJsonObject details{{QStringLiteral("source"), QStringLiteral("DbtLineage")}, {QStringLiteral("sqlQuery"), QStringLiteral("select * from ") + e.from}};
            if (!e.columns.isEmpty())
                details.insert(QStringLiteral("columnsLineage"), e.columns);
            edges.append(QJsonObject{{QStringLiteral("fromEntity"), uuidOf(e.from)}, {QStringLiteral("toEntity"), uuidOf(fqn)},
                                     {QStringLiteral("lineageDetails"), details}});
        }
        return QJsonObject{{QStringLiteral("entity"), entityRef(QStringLiteral("table"), fqn)}, {QStringLiteral("nodes"), nodes},
                           {QStringLiteral("upstreamEdges"), edges}, {QStringLiteral("downstreamEdges"), QJsonArray()}};
    }

    /// GET /api/v1/lineage/getLineage: a SearchLineageResult (api/lineage/searchLineageResult.json):
    /// `nodes` a map FQN -> {entity, paging, nodeDepth}, edges a map docId -> EsLineageData
    /// (api/lineage/esLineageData.json) with full references at both ends and `columns`; no `entity`.
    QJsonObject searchLineage(const QString &fqn) const
    {
        auto relationshipRef = [](const QString &f) {
            return QJsonObject{{QStringLiteral("id"), uuidOf(f)}, {QStringLiteral("type"), QStringLiteral("table")},
                               {QStringLiteral("fullyQualifiedName"), f}, {QStringLiteral("fqnHash"), uuidOf(f)}};
        };
        auto node = [](const QString &f, int depth) {
            QJsonObject entity = entityRef(QStringLiteral("table"), f);
            entity.insert(QStringLiteral("entityType"), QStringLiteral("table"));
            return QJsonObject{{QStringLiteral("entity"), entity}, {QStringLiteral("nodeDepth"), depth},
                               {QStringLiteral("paging"), QJsonObject{{QStringLiteral("entityUpstreamCount"), 0}, {QStringLiteral("entityDownstreamCount"), 0}}}};
        };
        QJsonObject nodes{{fqn, node(fqn, 0)}};
        QJsonObject edges;
        for (const OmEdge &e : upstream.value(fqn)) {
            nodes.insert(e.from, node(e.from, -1));
            const QString docId = uuidOf(e.from) + QStringLiteral("-") + uuidOf(fqn);
            edges.insert(docId, QJsonObject{{QStringLiteral("fromEntity"), relationshipRef(e.from)}, {QStringLiteral("toEntity"), relationshipRef(fqn)},
                                            {QStringLiteral("columns"), e.columns}, {QStringLiteral("pipeline"), QJsonValue()},
                                            {QStringLiteral("sqlQuery"), QStringLiteral("select * from ") + e.from},
                                            {QStringLiteral("source"), QStringLiteral("DbtLineage")}, {QStringLiteral("doc_id"), docId}});
        }
        return QJsonObject{{QStringLiteral("nodes"), nodes}, {QStringLiteral("upstreamEdges"), edges}, {QStringLiteral("downstreamEdges"), QJsonObject()},
                           {QStringLiteral("paging"), QJsonObject{{QStringLiteral("upstream"), QJsonArray()}, {QStringLiteral("downstream"), QJsonArray()}}}};
    }

    static FakeResponse notFound(const QString &what)
    {
        return FakeResponse::json(QJsonObject{{QStringLiteral("code"), 404}, {QStringLiteral("message"), what + QStringLiteral(" not found")}}, 404);
    }

    void install(FakeCatalogServer &server)
    {
        for (auto it = lists.begin(); it != lists.end(); ++it) {
            const QString path = it.key();
            server.on("GET", path, [this, path](const FakeRequest &r) {
                if (legacyFields) {
                    for (const QString &f : r.param("fields").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                        if (f == u"owners" || f == u"domains")
                            return FakeResponse::json(QJsonObject{{QStringLiteral("code"), 400}, {QStringLiteral("message"), QStringLiteral("Invalid field name ") + f}}, 400);
                    }
                }
                const QList<QJsonObject> &items = lists[path];
                const int offset = r.param("after").isEmpty() ? 0 : QByteArray::fromBase64(r.param("after").toLatin1()).toInt();
                QJsonArray data;
                for (int i = offset; i < std::min<int>(items.size(), offset + pageSize); ++i) {
                    QJsonObject item = items[i];
                    // A server without the assets endpoint fills the (now deprecated) `assets` field.
                    if (path == u"/api/v1/dataProducts" && !assetsEndpoint)
                        item.insert(QStringLiteral("assets"), assets.value(item.value(QStringLiteral("id")).toString()));
                    data.append(legacyFields ? legacySpelling(item) : item);
                }
                QJsonObject paging{{QStringLiteral("total"), int(items.size())}};
                if (offset + pageSize < items.size())
                    paging.insert(QStringLiteral("after"), QString::fromLatin1(QByteArray::number(repeatCursor ? pageSize : offset + pageSize).toBase64()));
                return FakeResponse::json(QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("paging"), paging}});
            });
        }
        auto knownTable = [this](const QString &fqn) {
            for (const QJsonObject &t : std::as_const(lists[QStringLiteral("/api/v1/tables")])) {
                if (t.value(QStringLiteral("fullyQualifiedName")).toString() == fqn)
                    return true;
            }
            return false;
        };
        server.on("GET", QStringLiteral("/api/v1/lineage/getLineage"), [this, knownTable](const FakeRequest &r) {
            const QString fqn = r.param("fqn");
            if (!knownTable(fqn))
                return notFound(QStringLiteral("table instance for ") + fqn);
            return FakeResponse::json(searchLineage(fqn));
        });
        server.onPrefix("GET", QStringLiteral("/api/v1/lineage/table/name/"), [this, knownTable](const FakeRequest &r) {
            const QString fqn = r.path.mid(QStringLiteral("/api/v1/lineage/table/name/").size());
            // Jetty refuses an encoded '/' in a path: 400 "Ambiguous URI path separator".
            if (fqn.contains(QLatin1Char('/')))
                return FakeResponse::json(QJsonObject{{QStringLiteral("code"), 400}, {QStringLiteral("message"), QStringLiteral("Ambiguous URI path separator")}}, 400);
            if (!knownTable(fqn))
                return notFound(QStringLiteral("table instance for ") + fqn);
            return FakeResponse::json(entityLineage(fqn));
        });
        if (assetsEndpoint) {
            // DataProductResource.getAssets: a ResultList {data, paging{offset, limit, total}}, limit
            // default 10, offset paging.
            server.onPrefix("GET", QStringLiteral("/api/v1/dataProducts/"), [this](const FakeRequest &r) {
                const QStringList parts = r.path.split(QLatin1Char('/')); // "", api, v1, dataProducts, id, assets
                if (parts.size() != 6 || parts[5] != u"assets" || !assets.contains(parts[4]))
                    return notFound(QStringLiteral("dataProduct instance for ") + parts.value(4));
                const QJsonArray all = assets[parts[4]];
                const int limit = r.param("limit").isEmpty() ? 10 : std::min(r.param("limit").toInt(), pageSize);
                const int offset = r.param("offset").toInt();
                QJsonArray data;
                for (int i = offset; i < std::min<int>(int(all.size()), offset + limit); ++i)
                    data.append(all[i]);
                return FakeResponse::json(QJsonObject{{QStringLiteral("data"), data},
                                                      {QStringLiteral("paging"), QJsonObject{{QStringLiteral("offset"), offset}, {QStringLiteral("limit"), limit},
                                                                                             {QStringLiteral("total"), int(all.size())}}}});
            });
        }
    }
};

QString tableFqn(const QJsonObject &node)
{
    return QStringLiteral("jaffle.%1.%2.%3").arg(node.value(QStringLiteral("database")).toString(), node.value(QStringLiteral("schema")).toString(),
                                                 node.value(QStringLiteral("alias")).toString().isEmpty() ? node.value(QStringLiteral("name")).toString()
                                                                                                          : node.value(QStringLiteral("alias")).toString());
}

QString uuidOf(const QString &fqn)
{
    return QString::fromLatin1(QCryptographicHash::hash(fqn.toUtf8(), QCryptographicHash::Md5).toHex());
}

QJsonObject entityRef(const QString &type, const QString &fqn)
{
    return QJsonObject{{QStringLiteral("id"), uuidOf(fqn)}, {QStringLiteral("type"), type},
                       {QStringLiteral("name"), fqn.section(QLatin1Char('.'), -1)}, {QStringLiteral("fullyQualifiedName"), fqn}};
}

OmState buildState()
{
    OmState om;
    const QJsonObject manifest = QJsonDocument::fromJson(readAll(corpus(QStringLiteral("dbt-labs/dbt-docs/data/manifest.json")))).object();
    QMap<QString, QString> fqnByUniqueId;
    QMap<QString, QJsonObject> nodes;
    QSet<QString> registered;
    QMap<QString, QJsonArray> ephemeralReads;
    for (const char *section : {"nodes", "sources"}) {
        const QJsonObject all = manifest.value(QLatin1String(section)).toObject();
        for (auto it = all.begin(); it != all.end(); ++it) {
            const QJsonObject node = it.value().toObject();
            const QString type = node.value(QStringLiteral("resource_type")).toString();
            if (type != u"model" && type != u"seed" && type != u"source")
                continue;
            // An ephemeral model is no table in the warehouse, so OpenMetadata holds none for it; its
            // lineage runs from what it reads to the models selecting from it.
            if (node.value(QStringLiteral("config")).toObject().value(QStringLiteral("materialized")).toString() == u"ephemeral") {
                ephemeralReads[it.key()] = node.value(QStringLiteral("depends_on")).toObject().value(QStringLiteral("nodes")).toArray();
                continue;
            }
            QJsonObject n = node;
            if (type == u"source")
                n.insert(QStringLiteral("alias"), node.value(QStringLiteral("identifier")));
            fqnByUniqueId[it.key()] = tableFqn(n);
            // A dbt source and a seed may name the same relation: OpenMetadata holds one table for both.
            if (!registered.contains(tableFqn(n))) {
                registered.insert(tableFqn(n));
                nodes[it.key()] = n;
            }
        }
    }
    QList<QJsonObject> &tables = om.lists[QStringLiteral("/api/v1/tables")];
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        const QJsonObject node = it.value();
        const QString fqn = fqnByUniqueId[it.key()];
        QJsonArray columns;
        const QJsonObject cols = node.value(QStringLiteral("columns")).toObject();
        for (auto c = cols.begin(); c != cols.end(); ++c)
            columns.append(QJsonObject{{QStringLiteral("name"), c.key()}, {QStringLiteral("dataType"), QStringLiteral("VARCHAR")},
                                       {QStringLiteral("description"), c.value().toObject().value(QStringLiteral("description"))}});
        QJsonObject table{{QStringLiteral("id"), uuidOf(fqn)}, {QStringLiteral("name"), fqn.section(QLatin1Char('.'), -1)},
                          {QStringLiteral("fullyQualifiedName"), fqn}, {QStringLiteral("tableType"), QStringLiteral("Regular")},
                          {QStringLiteral("description"), node.value(QStringLiteral("description"))}, {QStringLiteral("columns"), columns},
                          {QStringLiteral("service"), QJsonObject{{QStringLiteral("name"), QStringLiteral("jaffle")}, {QStringLiteral("type"), QStringLiteral("databaseService")}}},
                          {QStringLiteral("serviceType"), QStringLiteral("Snowflake")}};
        if (fqn.endsWith(u".fct_orders"))
            table.insert(QStringLiteral("dataProducts"), QJsonArray{entityRef(QStringLiteral("dataProduct"), QStringLiteral("Orders360"))});
        tables.append(table);

        QSet<QString> seen;
        QJsonArray deps = node.value(QStringLiteral("depends_on")).toObject().value(QStringLiteral("nodes")).toArray();
        for (qsizetype i = 0; i < deps.size(); ++i) {
            for (const QJsonValue &through : ephemeralReads.value(deps.at(i).toString()))
                deps.append(through); // the corpus has no cycles of ephemeral models
        }
        for (const QJsonValue &dep : deps) {
            const QString from = fqnByUniqueId.value(dep.toString());
            if (from.isEmpty() || seen.contains(from))
                continue;
            seen.insert(from);
            ++om.dependencies;
            OmEdge edge{from, {}};
            if (fqn.endsWith(u".fct_orders") && from.endsWith(u".stg_orders")) {
                edge.columns = QJsonArray{QJsonObject{{QStringLiteral("fromColumns"), QJsonArray{from + QStringLiteral(".order_id")}},
                                                      {QStringLiteral("toColumn"), fqn + QStringLiteral(".order_id")},
                                                      {QStringLiteral("function"), QStringLiteral("identity")}}};
            }
            om.upstream[fqn].append(edge);
        }
    }
    om.lists[QStringLiteral("/api/v1/domains")] = {
        QJsonObject{{QStringLiteral("id"), uuidOf(QStringLiteral("Sales"))}, {QStringLiteral("name"), QStringLiteral("Sales")}, {QStringLiteral("fullyQualifiedName"), QStringLiteral("Sales")},
                    {QStringLiteral("displayName"), QStringLiteral("Sales")}, {QStringLiteral("domainType"), QStringLiteral("Source-aligned")},
                    {QStringLiteral("description"), QStringLiteral("Orders and payments")},
                    {QStringLiteral("owners"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("team")}, {QStringLiteral("name"), QStringLiteral("sales-eng")}}}}},
        QJsonObject{{QStringLiteral("id"), uuidOf(QStringLiteral("Sales.Analytics"))}, {QStringLiteral("name"), QStringLiteral("Analytics")},
                    {QStringLiteral("fullyQualifiedName"), QStringLiteral("Sales.Analytics")}, {QStringLiteral("domainType"), QStringLiteral("Consumer-aligned")},
                    {QStringLiteral("parent"), entityRef(QStringLiteral("domain"), QStringLiteral("Sales"))}},
    };
    om.lists[QStringLiteral("/api/v1/dataProducts")] = {
        QJsonObject{{QStringLiteral("id"), uuidOf(QStringLiteral("Orders360"))}, {QStringLiteral("name"), QStringLiteral("Orders360")},
                    {QStringLiteral("fullyQualifiedName"), QStringLiteral("Orders360")}, {QStringLiteral("displayName"), QStringLiteral("Orders 360")},
                    {QStringLiteral("domains"), QJsonArray{entityRef(QStringLiteral("domain"), QStringLiteral("Sales.Analytics"))}},
                    {QStringLiteral("owners"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("team")}, {QStringLiteral("name"), QStringLiteral("orders-team")}}}}},
    };
    // Current servers leave `assets` out of the entity (DataProductRepository) and list them at
    // GET /api/v1/dataProducts/{id}/assets; three assets span two pages of the fake's page size.
    om.assets[uuidOf(QStringLiteral("Orders360"))] = QJsonArray{entityRef(QStringLiteral("table"), QStringLiteral("jaffle.analytics.dbt_jcohen.fct_orders")),
                                                                entityRef(QStringLiteral("table"), QStringLiteral("jaffle.analytics.dbt_jcohen.orders")),
                                                                entityRef(QStringLiteral("table"), QStringLiteral("jaffle.analytics.dbt_jcohen.customers"))};
    om.lists[QStringLiteral("/api/v1/dataContracts")] = {
        QJsonObject{{QStringLiteral("id"), uuidOf(QStringLiteral("fct_orders_contract"))}, {QStringLiteral("name"), QStringLiteral("fct_orders_contract")},
                    {QStringLiteral("fullyQualifiedName"), QStringLiteral("jaffle.analytics.dbt_jcohen.fct_orders.fct_orders_contract")},
                    {QStringLiteral("entityStatus"), QStringLiteral("Approved")},
                    {QStringLiteral("entity"), entityRef(QStringLiteral("table"), QStringLiteral("jaffle.analytics.dbt_jcohen.fct_orders"))},
                    {QStringLiteral("schema"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("order_id")}, {QStringLiteral("dataType"), QStringLiteral("INT")}, {QStringLiteral("constraint"), QStringLiteral("PRIMARY_KEY")}}}},
                    {QStringLiteral("qualityExpectations"), QJsonArray{entityRef(QStringLiteral("testCase"), QStringLiteral("order_id_not_null"))}}},
    };
    auto testCase = [](const QString &name, const QString &column, const QString &status) {
        return QJsonObject{{QStringLiteral("id"), uuidOf(name)}, {QStringLiteral("name"), name},
                           {QStringLiteral("fullyQualifiedName"), QStringLiteral("jaffle.analytics.dbt_jcohen.fct_orders.") + name},
                           {QStringLiteral("entityLink"), QStringLiteral("<#E::table::jaffle.analytics.dbt_jcohen.fct_orders::columns::%1>").arg(column)},
                           {QStringLiteral("testCaseResult"), QJsonObject{{QStringLiteral("timestamp"), 1763632800000.0}, {QStringLiteral("testCaseStatus"), status},
                                                                          {QStringLiteral("result"), QStringLiteral("Found 0 null values")}}}};
    };
    om.lists[QStringLiteral("/api/v1/dataQuality/testCases")] = {testCase(QStringLiteral("order_id_not_null"), QStringLiteral("order_id"), QStringLiteral("Success")),
                                                               testCase(QStringLiteral("order_date_fresh"), QStringLiteral("order_date"), QStringLiteral("Failed"))};
    return om;
}

} // namespace

class TestCatalogOpenMetadata : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshCache() { return m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_n)); }
    static QString source(const FakeCatalogServer &s) { return QStringLiteral("openmetadata+") + s.url(); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void syncReadsEveryPageAndMeetsDbt()
    {
        FakeCatalogServer server;
        OmState om = buildState();
        om.install(server);
        server.requireHeader("authorization", "Bearer om-jwt");
        const QString cache = freshCache();
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions(QStringLiteral("om-jwt")));
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));

        const int tables = int(om.lists[QStringLiteral("/api/v1/tables")].size());
        QCOMPARE(int(report.counts.datasets), tables);
        QCOMPARE(server.count(QStringLiteral("/api/v1/tables")), (tables + 1) / 2);
        // One lineage request per table, at the endpoint whose answer is an EntityLineage.
        int lineageRequests = 0;
        for (const FakeRequest &r : std::as_const(server.requests))
            lineageRequests += r.path.startsWith(u"/api/v1/lineage/table/name/");
        QCOMPARE(lineageRequests, tables);
        QCOMPARE(int(report.counts.lineageEdges), om.dependencies);
        QVERIFY(om.dependencies >= 10);

        // OpenMetadata's tables get the ids the dbt importer gives the same relations, so both meet.
        const ImportResult dbt = importDocument(QStringLiteral("manifest.json"), readAll(corpus(QStringLiteral("dbt-labs/dbt-docs/data/manifest.json"))));
        QSet<QString> dbtIds;
        for (const Dataset &d : dbt.datasets)
            dbtIds.insert(d.id);
        const QStringList omIds = queryText(cache, "SELECT group_concat(id, '|') FROM datasets").split(u'|');
        for (const QString &id : omIds)
            QVERIFY2(dbtIds.contains(id), qPrintable(id));

        QCOMPARE(queryText(cache, "SELECT type || ':' || coalesce(parent_id, '') FROM domains WHERE id = 'sales-analytics' AND type <> ''"), QStringLiteral("consumer-aligned:sales"));
        QCOMPARE(queryText(cache, "SELECT type FROM domains WHERE id = 'sales' AND type <> ''"), QStringLiteral("source-aligned"));
        QCOMPARE(queryText(cache, "SELECT name || ':' || domain_id FROM products"), QStringLiteral("Orders 360:sales-analytics"));
        QCOMPARE(queryText(cache, "SELECT product_id FROM datasets WHERE name LIKE '%fct_orders'"), QStringLiteral("Orders360"));
        QCOMPARE(queryText(cache, "SELECT from_column || '>' || to_column || ':' || transformation FROM column_edges"), QStringLiteral("order_id>order_id:identity"));
        QCOMPARE(queryText(cache, "SELECT status FROM contracts"), QStringLiteral("Approved"));
        QCOMPARE(queryText(cache, "SELECT group_concat(check_name || ':' || column_name || ':' || success, ',') FROM (SELECT * FROM quality_results ORDER BY check_name)"),
                 QStringLiteral("order_date_fresh:order_date:0,order_id_not_null:order_id:1"));
    }

    /// Current servers leave a data product's `assets` empty: its output ports come from the paginated
    /// GET /api/v1/dataProducts/{id}/assets.
    void dataProductPortsComeFromTheAssetsEndpoint()
    {
        FakeCatalogServer server;
        OmState om = buildState();
        om.install(server);
        const QString cache = freshCache();
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QCOMPARE(queryText(cache, "SELECT group_concat(location, ',') FROM (SELECT location FROM ports WHERE product_id = 'Orders360' AND direction = 'output' ORDER BY location)"),
                 QStringLiteral("jaffle.analytics.dbt_jcohen.customers,jaffle.analytics.dbt_jcohen.fct_orders,jaffle.analytics.dbt_jcohen.orders"));
        QCOMPARE(server.count(QStringLiteral("/api/v1/dataProducts/%1/assets").arg(uuidOf(QStringLiteral("Orders360")))), 2); // two pages
    }

    /// A server from before the assets endpoint (404 there) still fills the `assets` field.
    void olderServerFillsTheAssetsField()
    {
        FakeCatalogServer server;
        OmState om = buildState();
        om.assetsEndpoint = false;
        om.install(server);
        const QString cache = freshCache();
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QCOMPARE(queryInt(cache, "SELECT count(*) FROM ports WHERE product_id = 'Orders360' AND direction = 'output'"), qint64(3));
    }

    /// Lineage read as the server answers: the answer of GET /api/v1/lineage/getLineage is a
    /// SearchLineageResult (maps, no `entity`), which the old reading found empty; the adapter asks
    /// GET /api/v1/lineage/table/name/{fqn} and reads its EntityLineage, column lineage included.
    void lineageFromTheEntityLineageEndpoint()
    {
        FakeCatalogServer server;
        OmState om = buildState();
        om.install(server);
        const QString cache = freshCache();
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QVERIFY(om.dependencies >= 10);
        QCOMPARE(queryInt(cache, "SELECT count(*) FROM lineage_edges"), qint64(om.dependencies));
        QCOMPARE(queryText(cache, "SELECT from_column || '>' || to_column || ':' || transformation FROM column_edges"), QStringLiteral("order_id>order_id:identity"));
        QCOMPARE(server.count(QStringLiteral("/api/v1/lineage/getLineage")), 0);
    }

    /// A server that knows only `owner`/`domain` answers 400 to `fields=owners,domains`: the sync asks
    /// again with the older spelling, once per list at most, and reads owners and domains.
    /// A table whose name holds a '/' cannot be named in a path: its lineage is asked by query at
    /// getLineage, and the SearchLineageResult (maps of nodes and edges) is read.
    void fqnNoPathCanCarryIsAskedByQuery()
    {
        FakeCatalogServer server;
        OmState om = buildState();
        const QString upstreamFqn = om.upstream.firstKey();
        const QString fqn = QStringLiteral("jaffle.analytics.dbt_jcohen.orders/2024");
        QJsonObject table = om.lists[QStringLiteral("/api/v1/tables")].first();
        table.insert(QStringLiteral("id"), uuidOf(fqn));
        table.insert(QStringLiteral("name"), QStringLiteral("orders/2024"));
        table.insert(QStringLiteral("fullyQualifiedName"), fqn);
        table.remove(QStringLiteral("dataProducts"));
        om.lists[QStringLiteral("/api/v1/tables")].append(table);
        om.upstream[fqn] = {OmEdge{upstreamFqn, QJsonArray{QJsonObject{{QStringLiteral("fromColumns"), QJsonArray{upstreamFqn + QStringLiteral(".id")}},
                                                                       {QStringLiteral("toColumn"), fqn + QStringLiteral(".id")},
                                                                       {QStringLiteral("function"), QStringLiteral("copy")}}}}};
        om.install(server);
        const QString cache = freshCache();
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QCOMPARE(server.count(QStringLiteral("/api/v1/lineage/getLineage")), 1);
        QCOMPARE(queryInt(cache, "SELECT count(*) FROM lineage_edges WHERE to_id LIKE '%orders/2024'"), qint64(1));
        QCOMPARE(queryText(cache, "SELECT from_column || '>' || to_column || ':' || transformation FROM column_edges WHERE to_dataset LIKE '%orders/2024'"),
                 QStringLiteral("id>id:copy"));
    }

    void olderServerSpellsOwnerAndDomain()
    {
        FakeCatalogServer server;
        OmState om = buildState();
        om.legacyFields = true;
        om.assetsEndpoint = false;
        om.lists.remove(QStringLiteral("/api/v1/dataContracts"));
        om.lists.remove(QStringLiteral("/api/v1/dataQuality/testCases"));
        om.install(server);
        const QString cache = freshCache();
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QCOMPARE(queryText(cache, "SELECT name || ':' || domain_id || ':' || owner FROM products"), QStringLiteral("Orders 360:sales-analytics:orders-team"));
        QCOMPARE(queryText(cache, "SELECT owner FROM domains WHERE id = 'sales'"), QStringLiteral("sales-eng"));
        QVERIFY(report.counts.datasets > 0);
        int rejected = 0;
        for (const FakeRequest &r : std::as_const(server.requests))
            rejected += r.param("fields").split(QLatin1Char(',')).contains(QStringLiteral("owners"));
        QVERIFY2(rejected <= 2, qPrintable(QString::number(rejected))); // learnt once, not asked per page
    }

    /// table.json's tableType is a storage variant ("Regular" is a table, not a kind "regular"); nested
    /// columns (`children`) are columns too; a contract's version is its own (contractUpdates), not the
    /// entity's metadata version; quality expectations are references to test cases.
    void tableKindsNestedColumnsAndContractVersions()
    {
        FakeCatalogServer server;
        OmState om = buildState();
        QList<QJsonObject> &tables = om.lists[QStringLiteral("/api/v1/tables")];
        for (QJsonObject &t : tables) {
            const QString name = t.value(QStringLiteral("name")).toString();
            if (name.startsWith(u"stg_"))
                t.insert(QStringLiteral("tableType"), QStringLiteral("View"));
            if (name == u"stg_customers") {
                QJsonArray columns = t.value(QStringLiteral("columns")).toArray();
                columns.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("address")}, {QStringLiteral("dataType"), QStringLiteral("STRUCT")},
                                           {QStringLiteral("dataTypeDisplay"), QStringLiteral("struct<city:varchar,zip:varchar>")},
                                           {QStringLiteral("children"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("city")}, {QStringLiteral("dataType"), QStringLiteral("VARCHAR")}},
                                                                                   QJsonObject{{QStringLiteral("name"), QStringLiteral("zip")}, {QStringLiteral("dataType"), QStringLiteral("VARCHAR")}}}}});
                t.insert(QStringLiteral("columns"), columns);
            }
        }
        QJsonObject &contract = om.lists[QStringLiteral("/api/v1/dataContracts")].first();
        contract.insert(QStringLiteral("version"), 0.3);
        contract.insert(QStringLiteral("contractUpdates"), QJsonArray{
            QJsonObject{{QStringLiteral("timestamp"), 1763632800000.0}, {QStringLiteral("updatedBy"), QStringLiteral("admin")}, {QStringLiteral("version"), QStringLiteral("1.1.0")}},
            QJsonObject{{QStringLiteral("timestamp"), 1760000000000.0}, {QStringLiteral("updatedBy"), QStringLiteral("admin")}, {QStringLiteral("version"), QStringLiteral("1.0.0")}}});
        om.install(server);
        const QString cache = freshCache();
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QCOMPARE(queryInt(cache, "SELECT count(*) FROM datasets WHERE kind = 'regular'"), qint64(0));
        QVERIFY(queryInt(cache, "SELECT count(*) FROM datasets WHERE kind = 'view'") >= 3);
        QVERIFY(queryInt(cache, "SELECT count(*) FROM datasets WHERE kind = 'table'") >= 3);
        QCOMPARE(queryText(cache, "SELECT group_concat(name, ',') FROM (SELECT name FROM columns WHERE name LIKE 'address%' ORDER BY name)"),
                 QStringLiteral("address,address.city,address.zip"));
        QCOMPARE(queryText(cache, "SELECT version FROM contracts"), QStringLiteral("1.1.0"));
        QVERIFY(queryInt(cache, "SELECT instr(data, '\"testCase\"') FROM contracts") > 0);
    }

    void olderServerWithoutContractsOrTests()
    {
        FakeCatalogServer server;
        OmState om = buildState();
        om.lists.remove(QStringLiteral("/api/v1/dataContracts"));
        om.lists.remove(QStringLiteral("/api/v1/dataQuality/testCases"));
        om.install(server);
        const QString cache = freshCache();
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QCOMPARE(int(report.counts.contracts), 0);
        QVERIFY(report.counts.datasets > 0);
    }

    void cursorThatRepeatsIsAnErrorNotALoop()
    {
        FakeCatalogServer server;
        OmState om = buildState();
        om.repeatCursor = true;
        om.install(server);
        const QString cache = freshCache();
        const QString before = cacheFingerprint(cache);
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(report).contains(QStringLiteral("paging loop")), qPrintable(errors(report)));
        QVERIFY(server.requests.size() < 20);
        QCOMPARE(cacheFingerprint(cache), before);
    }

    void unauthorizedNamesTheUrl()
    {
        FakeCatalogServer server;
        OmState om = buildState();
        om.install(server);
        server.requireHeader("authorization", "Bearer good");
        const SyncReport report = catalogs::syncCatalog(freshCache(), source(server), catalogOptions(QStringLiteral("expired")));
        QVERIFY2(errors(report).contains(QStringLiteral("GET %1/api/v1/domains?limit=100").arg(server.url())), qPrintable(errors(report)));
        QVERIFY2(errors(report).contains(QStringLiteral("HTTP 401 Unauthorized")), qPrintable(errors(report)));
        QCOMPARE(server.requests.size(), 1); // 401 is not retried
    }
};

QTEST_GUILESS_MAIN(TestCatalogOpenMetadata)
#include "tst_catalog_openmetadata.moc"
