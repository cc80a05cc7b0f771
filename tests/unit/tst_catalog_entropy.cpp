// Entropy Data / Data Mesh Manager adapter against a real HTTP server on 127.0.0.1: paging with Link
// rel=next, access agreements as consumer edges, incremental sync from the CloudEvents feed, and the
// failure modes (5xx, 429 + Retry-After, timeout, malformed JSON, a connection cut mid-body, 401).
#include "catalogtestsupport.h"
#include "fakecatalogserver.h"
#include "testsupport.h"
#include "yamljson.h"

#include "sync/syncengine.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QtTest>

using namespace meshscope;
using namespace testsupport;

namespace {

/// The server's state: collections served by id in insertion order, and the event feed.
struct EntropyCatalog {
    int pageSize = 2;
    QMap<QString, QList<QJsonObject>> collections;
    QMap<QString, QHash<QString, int>> positions; ///< collection -> id -> index in the list
    QJsonArray events;
    int nextEvent = 1;

    void put(const QString &collection, const QJsonObject &item, const char *eventType = nullptr)
    {
        auto &list = collections[collection];
        auto &index = positions[collection];
        const QString id = item.value(QStringLiteral("id")).toString();
        if (const auto it = index.constFind(id); it != index.constEnd()) {
            list[*it] = item;
        } else {
            index.insert(id, int(list.size()));
            list.append(item);
        }
        if (eventType)
            event(eventType, id);
    }
    void remove(const QString &collection, const QString &id, const char *eventType)
    {
        auto &list = collections[collection];
        list.erase(std::remove_if(list.begin(), list.end(), [&](const QJsonObject &o) { return o.value(QStringLiteral("id")).toString() == id; }), list.end());
        positions[collection].clear();
        for (int i = 0; i < list.size(); ++i)
            positions[collection].insert(list[i].value(QStringLiteral("id")).toString(), i);
        event(eventType, id);
    }
    void event(const char *type, const QString &id)
    {
        // CloudEvents 1.0 envelope as the Entropy Data feed sends it.
        events.append(QJsonObject{{QStringLiteral("specversion"), QStringLiteral("1.0")},
                                  {QStringLiteral("id"), QStringLiteral("evt-%1").arg(nextEvent++, 5, 10, QLatin1Char('0'))},
                                  {QStringLiteral("source"), QStringLiteral("https://api.entropy-data.com")},
                                  {QStringLiteral("type"), QStringLiteral("com.datamesh-manager.events.") + QLatin1String(type)},
                                  {QStringLiteral("time"), QStringLiteral("2026-11-20T10:00:00Z")},
                                  {QStringLiteral("data"), QJsonObject{{QStringLiteral("id"), id}}}});
    }

    void install(FakeCatalogServer &server)
    {
        for (const QString &name : {QStringLiteral("teams"), QStringLiteral("dataproducts"), QStringLiteral("datacontracts"), QStringLiteral("access")}) {
            server.on("GET", QStringLiteral("/api/") + name, [this, name, &server](const FakeRequest &r) {
                const QList<QJsonObject> &list = collections[name];
                const int page = r.param("p").toInt();
                QJsonArray items;
                for (int i = page * pageSize; i < std::min<int>(list.size(), (page + 1) * pageSize); ++i)
                    items.append(list[i]);
                FakeResponse response = FakeResponse::json(items);
                if ((page + 1) * pageSize < list.size())
                    response.withHeader("Link", QStringLiteral("<%1/api/%2?p=%3>; rel=\"next\"").arg(server.url(), name).arg(page + 1).toUtf8());
                return response;
            });
            server.onPrefix("GET", QStringLiteral("/api/%1/").arg(name), [this, name](const FakeRequest &r) {
                const QString id = r.path.section(QLatin1Char('/'), 3);
                for (const QJsonObject &o : collections[name]) {
                    if (o.value(QStringLiteral("id")).toString() == id)
                        return FakeResponse::json(o);
                }
                return FakeResponse::json(QJsonObject{{QStringLiteral("error"), QStringLiteral("not found")}}, 404);
            });
        }
        server.on("GET", QStringLiteral("/api/events"), [this](const FakeRequest &r) {
            const QString last = r.param("lastEventId");
            const bool known = last.isEmpty() || std::any_of(events.begin(), events.end(), [&](const QJsonValue &e) {
                return e.toObject().value(QStringLiteral("id")).toString() == last;
            });
            if (!known) // the feed was truncated past this id
                return FakeResponse::json(QJsonObject{{QStringLiteral("error"), QStringLiteral("unknown lastEventId")}}, 410);
            QJsonArray out;
            bool after = last.isEmpty();
            for (const QJsonValue &e : std::as_const(events)) {
                if (after && out.size() < pageSize)
                    out.append(e);
                if (e.toObject().value(QStringLiteral("id")).toString() == last)
                    after = true;
            }
            return FakeResponse::json(out);
        });
    }
};

QJsonObject product(const QString &id, const QString &title, const QString &owner = QStringLiteral("fulfillment"))
{
    return QJsonObject{{QStringLiteral("dataProductSpecification"), QStringLiteral("0.0.1")},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), title},
                                                            {QStringLiteral("owner"), owner},
                                                            {QStringLiteral("status"), QStringLiteral("active")}}},
                       {QStringLiteral("outputPorts"), QJsonArray{QJsonObject{{QStringLiteral("id"), id + QStringLiteral("_v1")},
                                                                               {QStringLiteral("name"), title + QStringLiteral(" (v1)")},
                                                                               {QStringLiteral("type"), QStringLiteral("snowflake")}}}}};
}

QJsonObject access(const QString &id, const QString &provider, const QString &consumer, bool active)
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("info"), QJsonObject{{QStringLiteral("purpose"), QStringLiteral("Replenishment planning")},
                                                            {QStringLiteral("status"), active ? QStringLiteral("approved") : QStringLiteral("rejected")},
                                                            {QStringLiteral("active"), active}}},
                       {QStringLiteral("provider"), QJsonObject{{QStringLiteral("dataProductId"), provider},
                                                                {QStringLiteral("outputPortId"), provider + QStringLiteral("_v1")}}},
                       {QStringLiteral("consumer"), QJsonObject{{QStringLiteral("dataProductId"), consumer}}}};
}

/// A mesh built from the corpus: the Data Mesh Manager example product and two DCS contracts, plus a
/// few products, teams and access agreements in the API's shape.
void seed(EntropyCatalog &catalog)
{
    catalog.put(QStringLiteral("teams"), QJsonObject{{QStringLiteral("id"), QStringLiteral("fulfillment")},
                                                     {QStringLiteral("name"), QStringLiteral("Fulfillment")},
                                                     {QStringLiteral("type"), QStringLiteral("Team")},
                                                     {QStringLiteral("members"), QJsonArray{QJsonObject{{QStringLiteral("emailAddress"), QStringLiteral("ana@example.com")}, {QStringLiteral("role"), QStringLiteral("Product Owner")}}}}});
    catalog.put(QStringLiteral("teams"), QJsonObject{{QStringLiteral("id"), QStringLiteral("sales")},
                                                     {QStringLiteral("name"), QStringLiteral("Sales")},
                                                     {QStringLiteral("type"), QStringLiteral("Domain")}});
    catalog.put(QStringLiteral("dataproducts"), yamlFileToJson(corpus(QStringLiteral("datamesh-manager/example-gitops-repository/dataproducts/shelf_warmers.yml"))));
    catalog.put(QStringLiteral("dataproducts"), product(QStringLiteral("orders"), QStringLiteral("Orders")));
    catalog.put(QStringLiteral("dataproducts"), product(QStringLiteral("stock"), QStringLiteral("Stock Levels")));
    catalog.put(QStringLiteral("dataproducts"), product(QStringLiteral("returns"), QStringLiteral("Returns")));
    catalog.put(QStringLiteral("dataproducts"), product(QStringLiteral("suppliers"), QStringLiteral("Suppliers")));
    catalog.put(QStringLiteral("datacontracts"), yamlFileToJson(corpus(QStringLiteral("datacontract/datacontract-specification/examples/orders-latest/datacontract.yaml"))));
    catalog.put(QStringLiteral("datacontracts"), yamlFileToJson(corpus(QStringLiteral("datacontract/datacontract-specification/examples/covid-cases/datacontract.yaml"))));
    catalog.put(QStringLiteral("access"), access(QStringLiteral("acc-1"), QStringLiteral("orders"), QStringLiteral("shelf_warmers"), true));
    catalog.put(QStringLiteral("access"), access(QStringLiteral("acc-2"), QStringLiteral("returns"), QStringLiteral("shelf_warmers"), false));
    catalog.event("DataProductCreatedEvent", QStringLiteral("orders"));
    catalog.event("DataProductCreatedEvent", QStringLiteral("stock"));
    catalog.event("AccessActivatedEvent", QStringLiteral("acc-1"));
}

QString inputSources(const QString &cache, const char *product)
{
    return queryText(cache, QStringLiteral("SELECT group_concat(source_product_id, ',') FROM (SELECT source_product_id FROM ports "
                                           "WHERE product_id = '%1' AND direction = 'input' ORDER BY 1)").arg(QLatin1String(product)).toUtf8().constData());
}

} // namespace

class TestCatalogEntropy : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshCache() { return m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_n)); }
    static QString source(const FakeCatalogServer &s) { return QStringLiteral("entropy+") + s.url(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("MESHSCOPE_NO_KEYCHAIN", "1");
    }

    void sourceUrls()
    {
        catalogs::CatalogLocation location;
        QString error;
        QVERIFY(catalogs::parseCatalogSource(QStringLiteral("datahub+https://datahub.example.com/"), location, &error));
        QCOMPARE(location.kind, catalogs::CatalogKind::DataHub);
        QCOMPARE(location.endpoint(QStringLiteral("/api/graphql")).toString(), QStringLiteral("https://datahub.example.com/api/graphql"));
        QVERIFY(catalogs::parseCatalogSource(QStringLiteral("dmm+https://example.com/mesh/"), location, &error));
        QCOMPARE(location.kind, catalogs::CatalogKind::Entropy);
        QCOMPARE(location.endpoint(QStringLiteral("/api/events")).toString(), QStringLiteral("https://example.com/mesh/api/events"));
        QVERIFY(!catalogs::parseCatalogSource(QStringLiteral("atlas+https://example.com"), location, &error));
        QVERIFY2(error.contains(QStringLiteral("unknown catalog kind 'atlas'")), qPrintable(error));
        QVERIFY(!catalogs::parseCatalogSource(QStringLiteral("marquez+ftp://example.com"), location, &error));
        QVERIFY2(error.contains(QStringLiteral("not an http(s) URL")), qPrintable(error));
    }

    void fullSyncFollowsPagesAndMapsAccessToConsumerEdges()
    {
        FakeCatalogServer server;
        EntropyCatalog catalog;
        seed(catalog);
        catalog.install(server);
        server.requireHeader("x-api-key", "secret-token");
        const QString cache = freshCache();

        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QCOMPARE(int(report.counts.products), 5);
        QCOMPARE(int(report.counts.contracts), 2);
        // 5 products at 2 a page: three pages, each reached through Link rel=next.
        int productPages = 0;
        for (const FakeRequest &r : std::as_const(server.requests)) {
            if (r.path == u"/api/dataproducts") {
                QCOMPARE(r.param("p").toInt(), productPages);
                ++productPages;
            }
        }
        QCOMPARE(productPages, 3);
        QCOMPARE(queryText(cache, "SELECT name FROM products WHERE id = 'shelf_warmers'"), QStringLiteral("Shelf Warmers"));
        // The active agreement is a consumer edge; the rejected one is not.
        QCOMPARE(inputSources(cache, "shelf_warmers"), QStringLiteral("orders"));
        QCOMPARE(queryText(cache, "SELECT name FROM domains WHERE id = 'sales'"), QStringLiteral("Sales"));
        QCOMPARE(queryInt(cache, "SELECT count(*) FROM teams WHERE id = 'fulfillment' AND name = 'Fulfillment' AND data LIKE '%ana@example.com%'"), qint64(1));
        // The newest event id is the cursor, stored in the cache; never the token.
        QCOMPARE(queryText(cache, "SELECT value FROM settings WHERE key = 'catalog-cursor:" + source(server).toUtf8() + "'"), QStringLiteral("evt-00003"));
        QVERIFY(!cacheFingerprint(cache).contains(QStringLiteral("secret-token")));
        QCOMPARE(queryText(cache, "SELECT group_concat(kind || ':' || entity_id, ',') FROM (SELECT kind, entity_id FROM change_feed ORDER BY kind, entity_id)"),
                 QStringLiteral("contract:covid_cases@0.0.1,contract:orders-latest@2.0.0,domain:fulfillment,domain:sales,"
                                "product:orders,product:returns,product:shelf_warmers,product:stock,product:suppliers"));
    }

    void incrementalSyncReadsOnlyTheEventFeed()
    {
        FakeCatalogServer server;
        EntropyCatalog catalog;
        seed(catalog);
        catalog.install(server);
        const QString cache = freshCache();
        QVERIFY(errors(catalogs::syncCatalog(cache, source(server), catalogOptions())).isEmpty());

        catalog.put(QStringLiteral("dataproducts"), product(QStringLiteral("orders"), QStringLiteral("Orders (renamed)")), "DataProductUpdatedEvent");
        catalog.remove(QStringLiteral("dataproducts"), QStringLiteral("suppliers"), "DataProductDeletedEvent");
        catalog.put(QStringLiteral("access"), access(QStringLiteral("acc-3"), QStringLiteral("stock"), QStringLiteral("returns"), true), "AccessActivatedEvent");
        server.clearLog();

        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QCOMPARE(server.count(QStringLiteral("/api/dataproducts")), 0); // no full listing
        QCOMPARE(server.requests.first().param("lastEventId"), QStringLiteral("evt-00003"));
        QCOMPARE(server.count(QStringLiteral("/api/dataproducts/orders")), 1);
        QCOMPARE(server.count(QStringLiteral("/api/access/acc-3")), 1);
        QCOMPARE(int(report.counts.products), 4);
        QCOMPARE(queryText(cache, "SELECT name FROM products WHERE id = 'orders'"), QStringLiteral("Orders (renamed)"));
        QCOMPARE(inputSources(cache, "returns"), QStringLiteral("stock")); // new agreement, product re-mapped
        QCOMPARE(inputSources(cache, "shelf_warmers"), QStringLiteral("orders"));
        QCOMPARE(queryText(cache, "SELECT group_concat(entity_id || ':' || change, ',') FROM (SELECT entity_id, change FROM change_feed "
                                  "WHERE sync_id = (SELECT max(id) FROM syncs) ORDER BY entity_id)"),
                 QStringLiteral("orders:changed,returns:changed,suppliers:removed"));
        QCOMPARE(queryText(cache, "SELECT value FROM settings WHERE key LIKE 'catalog-cursor:%'"), QStringLiteral("evt-00006"));

        // Nothing new: one request, nothing parsed.
        server.clearLog();
        const SyncReport quiet = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY(errors(quiet).isEmpty());
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(quiet.filesParsed, 0);
        QCOMPARE(quiet.added + quiet.changed + quiet.removed, 0);
    }

    void forgottenCursorReadsEverythingAgain()
    {
        FakeCatalogServer server;
        EntropyCatalog catalog;
        seed(catalog);
        catalog.install(server);
        const QString cache = freshCache();
        QVERIFY(errors(catalogs::syncCatalog(cache, source(server), catalogOptions())).isEmpty());
        // The server truncates its feed past our cursor; a product goes without an event we could see.
        catalog.events = QJsonArray();
        catalog.remove(QStringLiteral("dataproducts"), QStringLiteral("stock"), "DataProductDeletedEvent");
        catalog.events = QJsonArray();
        catalog.event("TeamUpdatedEvent", QStringLiteral("sales"));
        server.clearLog();
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QVERIFY(server.count(QStringLiteral("/api/dataproducts")) > 0); // a full read
        QCOMPARE(int(report.counts.products), 4);
        QCOMPARE(queryText(cache, "SELECT change FROM change_feed WHERE entity_id = 'stock' ORDER BY id DESC LIMIT 1"), QStringLiteral("removed"));
        QCOMPARE(queryText(cache, "SELECT value FROM settings WHERE key LIKE 'catalog-cursor:%'"), catalog.events.last().toObject().value(QStringLiteral("id")).toString());
    }

    void serverErrorThenSuccessIsRetried()
    {
        FakeCatalogServer server;
        EntropyCatalog catalog;
        seed(catalog);
        catalog.install(server);
        server.failNext(QStringLiteral("/api/dataproducts"), FakeResponse::raw(500, "boom"));
        server.failNext(QStringLiteral("/api/datacontracts"), FakeResponse::raw(503, "busy"));
        const QString cache = freshCache();
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QCOMPARE(int(report.counts.products), 5);
        QCOMPARE(server.count(QStringLiteral("/api/dataproducts")), 3 + 1);
    }

    void tooManyRequestsWaitsForRetryAfter()
    {
        FakeCatalogServer server;
        EntropyCatalog catalog;
        seed(catalog);
        catalog.install(server);
        server.failNext(QStringLiteral("/api/teams"), FakeResponse::raw(429, "slow down").withHeader("Retry-After", "1"));
        const QString cache = freshCache();
        QElapsedTimer timer;
        timer.start();
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        // The back-off is 20 ms; only the server's Retry-After explains a wait of a second.
        QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));
        // The 429, its retry of the same page, and the empty page that ends the list.
        QCOMPARE(server.count(QStringLiteral("/api/teams")), 3);
        QCOMPARE(server.requests[0].param("p"), server.requests[1].param("p"));
    }

    void failuresLeaveTheCacheAsItWasAndNameSourceUrlAndStatus_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("timeout") << "/api/dataproducts/orders" << 0 << "timeout";
        QTest::newRow("malformed") << "/api/dataproducts/orders" << 1 << "malformed JSON at offset";
        QTest::newRow("closed mid-response") << "/api/dataproducts/orders" << 2 << "failed after 3 attempts";
        QTest::newRow("401") << "/api/events" << 3 << "HTTP 401";
        QTest::newRow("500 forever") << "/api/events" << 4 << "HTTP 500";
    }

    void failuresLeaveTheCacheAsItWasAndNameSourceUrlAndStatus()
    {
        QFETCH(QString, path);
        QFETCH(int, kind);
        QFETCH(QString, expected);
        FakeCatalogServer server;
        EntropyCatalog catalog;
        seed(catalog);
        catalog.install(server);
        const QString cache = freshCache();
        QVERIFY(errors(catalogs::syncCatalog(cache, source(server), catalogOptions())).isEmpty());
        catalog.put(QStringLiteral("dataproducts"), product(QStringLiteral("orders"), QStringLiteral("Orders v2")), "DataProductUpdatedEvent");
        catalog.remove(QStringLiteral("dataproducts"), QStringLiteral("stock"), "DataProductDeletedEvent");
        const QString before = cacheFingerprint(cache);

        auto options = catalogOptions();
        options.http.timeoutMs = 300;
        switch (kind) {
        case 0: server.failNext(path, FakeResponse::hang(), 3); break;
        case 1: server.failNext(path, FakeResponse::raw(200, "{\"id\": \"orders\", \"info\": {\"title\": "), 1); break;
        case 2: for (int i = 0; i < 3; ++i) {
                    FakeResponse cut = FakeResponse::json(product(QStringLiteral("orders"), QString(400, QLatin1Char('x'))));
                    cut.mode = FakeResponse::Mode::CloseMidway;
                    server.failNext(path, cut);
                }
                break;
        case 3: server.requireHeader("x-api-key", "another-token"); break;
        case 4: server.failNext(path, FakeResponse::raw(500, "database down"), 3); break;
        }
        const SyncReport report = catalogs::syncCatalog(cache, source(server), options);
        const QString message = errors(report);
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.contains(source(server)), qPrintable(message));
        QVERIFY2(message.contains(server.url() + path), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("cached copy of this source is kept")), qPrintable(message));
        if (kind == 3)
            QVERIFY2(message.contains(QStringLiteral("token")), qPrintable(message));
        QCOMPARE(cacheFingerprint(cache), before);

        // The next sync, with the server well again, applies the events the failed one could not.
        server.requireHeader({}, {});
        const SyncReport retry = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(retry).isEmpty(), qPrintable(errors(retry)));
        QCOMPARE(int(retry.counts.products), 4);
        QCOMPARE(queryText(cache, "SELECT name FROM products WHERE id = 'orders'"), QStringLiteral("Orders v2"));
    }

    void missingTokenFailsBeforeAnyRequest()
    {
        FakeCatalogServer server;
        EntropyCatalog catalog;
        catalog.install(server);
        const QString cache = freshCache();
        // The default lookup: environment (keychain skipped by MESHSCOPE_NO_KEYCHAIN in this test).
        catalogs::CatalogSyncOptions options = catalogOptions();
        options.token = {};
        const QByteArray variable = QByteArrayLiteral("MESHSCOPE_TOKEN_127_0_0_1_") + QByteArray::number(server.port());
        qunsetenv(variable.constData());
        const SyncReport report = catalogs::syncCatalog(cache, source(server), options);
        QVERIFY2(errors(report).contains(QStringLiteral("no API token")), qPrintable(errors(report)));
        QVERIFY2(errors(report).contains(QString::fromLatin1(variable)), qPrintable(errors(report)));
        QCOMPARE(server.requests.size(), 0);

        // With the variable set, the same sync goes through and sends it as x-api-key.
        qputenv(variable.constData(), "from-env");
        server.requireHeader("x-api-key", "from-env");
        seed(catalog);
        const SyncReport ok = catalogs::syncCatalog(cache, source(server), options);
        qunsetenv(variable.constData());
        QVERIFY2(errors(ok).isEmpty(), qPrintable(errors(ok)));
        QCOMPARE(int(ok.counts.products), 5);
    }

    void syncEngineDispatchesCatalogUrls()
    {
        FakeCatalogServer server;
        EntropyCatalog catalog;
        seed(catalog);
        catalog.install(server);
        const QByteArray variable = QByteArrayLiteral("MESHSCOPE_TOKEN_127_0_0_1");
        qputenv(variable.constData(), "engine-token");
        server.requireHeader("x-api-key", "engine-token");
        const QString cache = freshCache();
        const SyncReport report = SyncEngine(cache).run({source(server), corpus(QStringLiteral("MarquezProject/marquez/docker/metadata.json"))});
        qunsetenv(variable.constData());
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QCOMPARE(int(report.counts.products), 5); // from the catalog
        QCOMPARE(int(report.counts.datasets), 13); // from the file
        QCOMPARE(queryText(cache, "SELECT name FROM products WHERE id = 'stock'"), QStringLiteral("Stock Levels"));
    }

    void cancelDuringFetchKeepsTheCache()
    {
        FakeCatalogServer server;
        EntropyCatalog catalog;
        seed(catalog);
        catalog.install(server);
        const QString cache = freshCache();
        QVERIFY(errors(catalogs::syncCatalog(cache, source(server), catalogOptions())).isEmpty());
        catalog.put(QStringLiteral("dataproducts"), product(QStringLiteral("orders"), QStringLiteral("Orders v3")), "DataProductUpdatedEvent");
        const QString before = cacheFingerprint(cache);
        server.failNext(QStringLiteral("/api/dataproducts/orders"), FakeResponse::hang());
        std::atomic_bool cancel{false};
        QTimer::singleShot(200, [&] { cancel = true; });
        QElapsedTimer timer;
        timer.start();
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions(), {}, &cancel);
        QVERIFY(report.cancelled);
        QVERIFY2(timer.elapsed() < 1500, "cancel must not wait for the request timeout");
        QCOMPARE(cacheFingerprint(cache), before);
    }

    void tenThousandProducts()
    {
        FakeCatalogServer server;
        EntropyCatalog catalog;
        catalog.pageSize = 500;
        for (int i = 0; i < 10000; ++i)
            catalog.put(QStringLiteral("dataproducts"), product(QStringLiteral("p%1").arg(i, 5, 10, QLatin1Char('0')), QStringLiteral("Product %1").arg(i)));
        for (int i = 1; i < 10000; i += 7)
            catalog.put(QStringLiteral("access"), access(QStringLiteral("a%1").arg(i), QStringLiteral("p%1").arg(i - 1, 5, 10, QLatin1Char('0')),
                                                         QStringLiteral("p%1").arg(i, 5, 10, QLatin1Char('0')), true));
        catalog.event("DataProductCreatedEvent", QStringLiteral("p00000"));
        catalog.install(server);
        const QString cache = freshCache();
        int progressCalls = 0;
        const SyncReport report = catalogs::syncCatalog(cache, source(server), catalogOptions(), [&](const SyncProgress &) { ++progressCalls; });
        QVERIFY2(errors(report).isEmpty(), qPrintable(errors(report)));
        QCOMPARE(int(report.counts.products), 10000);
        QCOMPARE(server.count(QStringLiteral("/api/dataproducts")), 20);
        QCOMPARE(int(queryInt(cache, "SELECT count(*) FROM ports WHERE direction = 'input' AND source_product_id IS NOT NULL")), 1429);
        QVERIFY(progressCalls >= 20);

        // One product changes: the incremental sync fetches one document and re-maps one.
        catalog.put(QStringLiteral("dataproducts"), product(QStringLiteral("p04242"), QStringLiteral("Renamed")), "DataProductUpdatedEvent");
        server.clearLog();
        const SyncReport update = catalogs::syncCatalog(cache, source(server), catalogOptions());
        QVERIFY2(errors(update).isEmpty(), qPrintable(errors(update)));
        QCOMPARE(update.filesParsed, 1);
        QCOMPARE(update.changed, 1);
        QCOMPARE(server.requests.size(), 3); // events, events (empty), the product
    }
};

QTEST_GUILESS_MAIN(TestCatalogEntropy)
#include "tst_catalog_entropy.moc"
