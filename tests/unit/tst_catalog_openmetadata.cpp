// OpenMetadata adapter against a real HTTP server on 127.0.0.1. Its tables are the jaffle_shop models,
// seeds and sources of the corpus's dbt manifest (as OpenMetadata's dbt ingestion would register them),
// with lineage from their dependencies; domains, a data product, a data contract and test case results
// follow the shapes of OpenMetadata's published API examples. Lists use cursor paging (`after`).
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

struct OmState {
    int pageSize = 2;
    QMap<QString, QList<QJsonObject>> lists; ///< path -> entities
    QMap<QString, QJsonObject> lineage;      ///< table fqn -> getLineage response
    int dependencies = 0;
    bool repeatCursor = false;

    void install(FakeCatalogServer &server)
    {
        for (auto it = lists.begin(); it != lists.end(); ++it) {
            const QString path = it.key();
            server.on("GET", path, [this, path](const FakeRequest &r) {
                const QList<QJsonObject> &items = lists[path];
                const int offset = r.param("after").isEmpty() ? 0 : QByteArray::fromBase64(r.param("after").toLatin1()).toInt();
                QJsonArray data;
                for (int i = offset; i < std::min<int>(items.size(), offset + pageSize); ++i)
                    data.append(items[i]);
                QJsonObject paging{{QStringLiteral("total"), int(items.size())}};
                if (offset + pageSize < items.size())
                    paging.insert(QStringLiteral("after"), QString::fromLatin1(QByteArray::number(repeatCursor ? pageSize : offset + pageSize).toBase64()));
                return FakeResponse::json(QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("paging"), paging}});
            });
        }
        server.on("GET", QStringLiteral("/api/v1/lineage/getLineage"), [this](const FakeRequest &r) {
            const QString fqn = r.param("fqn");
            if (!lineage.contains(fqn))
                return FakeResponse::json(QJsonObject{{QStringLiteral("code"), 404}, {QStringLiteral("message"), QStringLiteral("table instance for %1 not found").arg(fqn)}}, 404);
            return FakeResponse::json(lineage[fqn]);
        });
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

        QJsonArray upstreamEdges, lineageNodes;
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
            QJsonObject edge{{QStringLiteral("fromEntity"), uuidOf(from)}, {QStringLiteral("toEntity"), uuidOf(fqn)}};
            if (fqn.endsWith(u".fct_orders") && from.endsWith(u".stg_orders")) {
                edge.insert(QStringLiteral("lineageDetails"), QJsonObject{{QStringLiteral("columnsLineage"), QJsonArray{QJsonObject{
                    {QStringLiteral("fromColumns"), QJsonArray{from + QStringLiteral(".order_id")}},
                    {QStringLiteral("toColumn"), fqn + QStringLiteral(".order_id")},
                    {QStringLiteral("function"), QStringLiteral("identity")}}}}});
            }
            upstreamEdges.append(edge);
            lineageNodes.append(entityRef(QStringLiteral("table"), from));
        }
        om.lineage[fqn] = QJsonObject{{QStringLiteral("entity"), entityRef(QStringLiteral("table"), fqn)}, {QStringLiteral("nodes"), lineageNodes},
                                      {QStringLiteral("upstreamEdges"), upstreamEdges}, {QStringLiteral("downstreamEdges"), QJsonArray()}};
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
                    {QStringLiteral("assets"), QJsonArray{entityRef(QStringLiteral("table"), QStringLiteral("jaffle.analytics.dbt_jcohen.fct_orders"))}}},
    };
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
        QCOMPARE(server.count(QStringLiteral("/api/v1/lineage/getLineage")), tables);
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
