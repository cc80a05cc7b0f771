#include "cache/cachefile.h"
#include "lineage/badges.h"
#include "lineage/lineagegraph.h"
#include "lineage/neighbourhood.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace meshscope;
using namespace meshscope::lineage;

namespace {

QString table(const QString &schemaAndName)
{
    return QStringLiteral("postgres://northwind.") + schemaAndName;
}

QStringList ids(const LineageGraph &g, const std::vector<int> &nodes)
{
    QStringList out;
    for (int n : nodes)
        out << g.nodes[size_t(n)].id;
    out.sort();
    return out;
}

} // namespace

/// Neighbourhood queries, counts and badges over the bundled sample mesh synced into a scratch cache.
class TestLineageQueries : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cache;
    sql::Connection m_db;

    NeighbourhoodRequest around(const LineageGraph &g, const QString &id, int up, int down)
    {
        NeighbourhoodRequest r;
        r.seeds = resolveNodes(g, id);
        r.up = up;
        r.down = down;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cache = m_dir.filePath(QStringLiteral("cache.sqlite"));
        const SyncReport r = SyncEngine(m_cache).run({testsupport::source(QStringLiteral("resources/sample-mesh"))});
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
        m_db = cache::openCache(m_cache);
    }

    void datasetLevelJoinsDbtAndOpenLineageInOneNodePerTable()
    {
        const LineageGraph g = loadGraph(m_db, Level::Dataset);
        QCOMPARE(qsizetype(g.nodes.size()), 53);
        QVERIFY(g.edgeCount() >= 60);
        const int stock = g.indexOf(table("inventory.stock_levels"));
        QVERIFY(stock >= 0);
        QCOMPARE(g.nodes[size_t(stock)].label, QStringLiteral("stock_levels"));
        QCOMPARE(g.nodes[size_t(stock)].domain, QStringLiteral("inventory"));
        // Adjacency is deduplicated both ways: each edge appears once in out and once in in.
        qsizetype ins = 0;
        for (const auto &v : g.in)
            ins += qsizetype(v.size());
        QCOMPARE(ins, g.edgeCount());
    }

    void oneHopAroundADatasetCountsHiddenNeighbours()
    {
        const LineageGraph g = loadGraph(m_db, Level::Dataset);
        const Neighbourhood h = neighbourhood(g, around(g, QStringLiteral("stock_levels"), 1, 1));
        QCOMPARE(ids(g, h.nodes),
                 QStringList({table("inventory.products"), table("inventory.slow_moving_stock"),
                              table("inventory.stg_wms__stock_snapshots"), table("inventory.stock_levels"),
                              table("inventory.warehouses")}));
        QCOMPARE(int(h.edges.size()), 5);
        const int products = h.positionOf(g.indexOf(table("inventory.products")));
        QCOMPARE(h.distance[size_t(products)], -1);
        // inventory.products feeds three tables, two of them shown.
        QCOMPARE(h.counts[size_t(products)].downstreamShown, 2);
        QCOMPARE(h.counts[size_t(products)].downstreamTotal, 3);
        QVERIFY(h.counts[size_t(products)].moreDownstream());
        const int seed = h.positionOf(g.indexOf(table("inventory.stock_levels")));
        QCOMPARE(h.distance[size_t(seed)], 0);
        QVERIFY(!h.counts[size_t(seed)].moreUpstream());
    }

    void expandAndCollapseChangeOnlyThatNodesSide()
    {
        const LineageGraph g = loadGraph(m_db, Level::Dataset);
        NeighbourhoodRequest r = around(g, QStringLiteral("stock_levels"), 1, 1);
        const int products = g.indexOf(table("inventory.products"));
        const qsizetype before = qsizetype(neighbourhood(g, r).nodes.size());
        r.expandedDown.insert(products);
        const Neighbourhood expanded = neighbourhood(g, r);
        QCOMPARE(qsizetype(expanded.nodes.size()), before + 1);
        QVERIFY(!expanded.counts[size_t(expanded.positionOf(products))].moreDownstream());

        NeighbourhoodRequest collapsed = around(g, QStringLiteral("stock_levels"), 1, 1);
        collapsed.collapsedUp.insert(collapsed.seeds.front());
        const Neighbourhood c = neighbourhood(g, collapsed);
        QCOMPARE(ids(g, c.nodes), QStringList({table("inventory.slow_moving_stock"), table("inventory.stock_levels")}));
    }

    void fullUpstreamReachesEveryAncestor()
    {
        const LineageGraph g = loadGraph(m_db, Level::Dataset);
        const int revenue = g.indexOf(table("finance.revenue_daily"));
        QVERIFY(revenue >= 0);
        const Neighbourhood one = neighbourhood(g, around(g, table("finance.revenue_daily"), 1, 0));
        const Neighbourhood all = neighbourhood(g, around(g, table("finance.revenue_daily"), kAllHops, 0));
        QVERIFY(all.nodes.size() > one.nodes.size());
        QCOMPARE(all.nodes.size(), upstreamOf(g, {revenue}).size() + 1);
        // With the full upstream shown, no node upstream of the seed hides an upstream neighbour.
        for (size_t k = 0; k < all.nodes.size(); ++k) {
            QVERIFY(all.distance[k] <= 0);
            QCOMPARE(all.counts[k].upstreamShown, all.counts[k].upstreamTotal);
        }
    }

    void impactedListAndPathsFollowTheEdges()
    {
        const LineageGraph g = loadGraph(m_db, Level::Dataset);
        const int warehouses = g.indexOf(table("inventory.warehouses"));
        const int slow = g.indexOf(table("inventory.slow_moving_stock"));
        const std::vector<Reached> impacted = impactedDownstream(g, {warehouses});
        QVERIFY(std::any_of(impacted.begin(), impacted.end(), [&](const Reached &r) { return r.node == slow && r.hops == 2; }));
        QVERIFY(std::is_sorted(impacted.begin(), impacted.end(),
                               [](const Reached &a, const Reached &b) { return a.hops < b.hops; }));
        const QStringList on = ids(g, pathNodes(g, slow, warehouses)); // either direction
        QVERIFY(on.contains(table("inventory.stock_levels")));
        QVERIFY(on.contains(table("inventory.warehouses")) && on.contains(table("inventory.slow_moving_stock")));
        const std::vector<int> shortest = shortestPath(g, warehouses, slow);
        QCOMPARE(int(shortest.size()), 3);
        QCOMPARE(shortest.front(), warehouses);
        QVERIFY(pathNodes(g, slow, g.indexOf(table("payments.payment_transactions"))).empty());
    }

    void productLevelLinksConsumersOfAContract()
    {
        const LineageGraph g = loadGraph(m_db, Level::Product);
        QCOMPARE(qsizetype(g.nodes.size()), 34);
        const Neighbourhood h = neighbourhood(g, around(g, QStringLiteral("order-events"), 0, 1));
        // orders.order_events is read by other products through their input ports.
        QVERIFY(h.nodes.size() >= 8);
        const int seed = h.positionOf(g.indexOf(QStringLiteral("order-events")));
        QCOMPARE(h.counts[size_t(seed)].downstreamShown, h.counts[size_t(seed)].downstreamTotal);
        QVERIFY(ids(g, h.nodes).contains(QStringLiteral("fraud-scores")));
        // A dataset id stands for its product at product level.
        QCOMPARE(resolveNodes(g, table("orders.fct_orders")), std::vector<int>{g.indexOf(QStringLiteral("orders-facts"))});
    }

    void columnLevelTracesAColumn()
    {
        const LineageGraph g = loadGraph(m_db, Level::Column);
        const QString orderId = table("orders.fct_orders") + QStringLiteral("#order_id");
        const int n = g.indexOf(orderId);
        QVERIFY(n >= 0);
        QVERIFY(ids(g, g.out[size_t(n)]).contains(table("finance.revenue_daily") + QStringLiteral("#orders_count")));
        // A dataset name stands for all its columns.
        QVERIFY(resolveNodes(g, QStringLiteral("payment_transactions")).size() > 5);
    }

    void resolveExplainsUnknownAndAmbiguousNames()
    {
        const LineageGraph g = loadGraph(m_db, Level::Dataset);
        QString error;
        QVERIFY(resolveNodes(g, QStringLiteral("no_such_table"), &error).empty());
        QVERIFY2(error.contains(u"no_such_table") && error.contains(u"dataset"), qPrintable(error));
        QCOMPARE(resolveNodes(g, QStringLiteral("STOCK_LEVELS")).size(), size_t(1));
    }

    void badgesShowFailingChecksStaleDataAndBreakingProposals()
    {
        const LineageGraph datasets = loadGraph(m_db, Level::Dataset);
        const std::vector<int> nodes{datasets.indexOf(table("payments.payment_transactions")),
                                     datasets.indexOf(table("inventory.stock_levels")),
                                     datasets.indexOf(table("orders.fct_orders"))};
        const std::vector<NodeBadges> b = loadBadges(m_db, datasets, nodes);
        QVERIFY(b[0].failingChecks > 0 && b[0].failingChecks <= b[0].checks);
        QVERIFY(!b[0].stale);
        QVERIFY(b[1].stale); // not loaded since 2026-11-16
        QVERIFY(!b[2].stale && b[2].failingChecks == 0);
        QCOMPARE(b[2].contractStatus, QStringLiteral("active"));

        const LineageGraph products = loadGraph(m_db, Level::Product);
        const std::vector<NodeBadges> p = loadBadges(
            m_db, products, {products.indexOf(QStringLiteral("order-events")), products.indexOf(QStringLiteral("order-status-stream"))});
        QCOMPARE(p[0].breakingProposals, 1); // orders.order_events 2.0.0 is a breaking proposal
        QCOMPARE(p[1].contractStatus, QStringLiteral("missing"));
    }

    void commandPrintsTheNeighbourhoodAsJson()
    {
        QProcess p;
        p.start(QStringLiteral(MESHSCOPE_BINARY), {"lineage", "--cache", m_cache, "--node", "stock_levels", "--json",
                                                   "--impacted"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject doc = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(doc.value("level").toString(), QStringLiteral("dataset"));
        QCOMPARE(doc.value("nodes").toArray().size(), 5);
        QCOMPARE(doc.value("edges").toArray().size(), 5);
        bool sawStale = false;
        for (const QJsonValue &v : doc.value("nodes").toArray()) {
            const QJsonObject n = v.toObject();
            QVERIFY(n.value("upstream").toObject().value("shown").toInt() <= n.value("upstream").toObject().value("total").toInt());
            sawStale = sawStale || n.value("badges").toObject().value("stale").toBool();
        }
        QVERIFY(sawStale);
        QCOMPARE(doc.value("impacted").toArray().first().toObject().value("id").toString(),
                 table("inventory.slow_moving_stock"));
    }

    void commandRejectsBadUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no node") << QStringList{} << "--node";
        QTest::newRow("bad level") << QStringList{"--node", "x", "--level", "table"} << "--level";
        QTest::newRow("bad hops") << QStringList{"--node", "stock_levels", "--up", "-3"} << "--up";
        QTest::newRow("unknown") << QStringList{"--node", "nowhere_at_all"} << "nowhere_at_all";
    }

    void commandRejectsBadUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QProcess p;
        p.start(QStringLiteral(MESHSCOPE_BINARY), QStringList{"lineage", "--cache", m_cache} + args);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestLineageQueries)
#include "tst_lineagequeries.moc"
