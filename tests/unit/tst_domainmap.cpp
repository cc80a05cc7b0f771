#include "cache/cachefile.h"
#include "domainmap/domainmap.h"
#include "domainmap/productpage.h"
#include "domainmap/treemap.h"
#include "export/htmlsite.h"
#include "governance/governance.h"
#include "governance/meshdata.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace meshscope;
using namespace meshscope::domainmap;

/// The domain map, its treemap layout and product pages, built from the bundled sample mesh synced
/// into a scratch cache.
class TestDomainMap : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    sql::Connection m_db;
    DomainMap m_map;

    const MapDomain &domain(const QString &id)
    {
        const int i = m_map.domainOf(id);
        if (i < 0)
            qFatal("no domain %s", qPrintable(id));
        return m_map.domains[size_t(i)];
    }
    const MapProduct &product(const QString &id)
    {
        const int i = m_map.productOf(id);
        if (i < 0)
            qFatal("no product %s", qPrintable(id));
        return m_map.products[size_t(i)];
    }
    const DomainEdge *edge(const QString &from, const QString &to)
    {
        for (const DomainEdge &e : m_map.domainEdges) {
            if (e.from == m_map.domainOf(from) && e.to == m_map.domainOf(to))
                return &e;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString cache = m_dir.filePath("cache.sqlite");
        const SyncReport r = SyncEngine(cache).run({testsupport::source("resources/sample-mesh")});
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
        m_db = cache::openCache(cache);
        m_map = buildDomainMap(m_db);
    }

    void domainsNestWithTypes()
    {
        QCOMPARE(int(m_map.domains.size()), 9);
        QCOMPARE(domain("fraud").parentId, QString("payments"));
        QCOMPARE(domain("fraud").parent, m_map.domainOf("payments"));
        QVERIFY(domain("payments").children == std::vector<int>{m_map.domainOf("fraud")});
        QCOMPARE(domain("loyalty").parent, m_map.domainOf("customer"));
        QCOMPARE(domain("finance").type, DomainType::Aggregate);
        QCOMPARE(domain("marketing").type, DomainType::ConsumerAligned);
        QCOMPARE(domain("customer").type, DomainType::SourceAligned);
        QVERIFY(domain("customer").declared);
        // Roots only, source-aligned first and consumer-aligned last.
        const std::vector<int> roots = m_map.roots();
        QCOMPARE(int(roots.size()), 7);
        QCOMPARE(m_map.domains[size_t(roots.front())].type, DomainType::SourceAligned);
        QCOMPARE(m_map.domains[size_t(roots.back())].id, QString("marketing"));
    }

    void productsBelongToTheirDomainsWithTotals()
    {
        QCOMPARE(int(m_map.products.size()), 34);
        QCOMPARE(int(domain("marketing").products.size()), 5);
        QCOMPARE(int(domain("payments").products.size()), 4);
        QCOMPARE(domain("payments").totalProducts, 4 + 2); // and fraud's two
        QCOMPARE(domain("customer").totalProducts, 4 + 2); // and loyalty's two
        QCOMPARE(m_map.products[size_t(domain("marketing").products.front())].name, QString("Campaign Attribution"));
        QCOMPARE(domain("marketing").owners.first(), QString("marketing-analytics@northwind.example"));
        QVERIFY(domain("marketing").owners.contains("chloe.martin@northwind.example"));
    }

    void healthFollowsQualitysEvaluation()
    {
        // The map's verdict is the Quality area's evaluation (governance, SLOs, checks) run through the
        // one assessor: the same facts give the same verdict.
        const MeshEvaluation evaluation = evaluateMesh(m_db, {}, 1);
        const QHash<QString, HealthAssessment> expected = assessHealth(evaluation);
        QVERIFY(m_map.healthAssessed);
        for (const MapProduct &p : m_map.products) {
            QVERIFY2(expected.contains(p.id), qPrintable(p.id));
            QCOMPARE(healthName(p.health.health), healthName(expected.value(p.id).health));
            QCOMPARE(p.health.problems, expected.value(p.id).problems);
            QCOMPARE(int(p.health.signals.size()), 3); // slos, checks, governance: each with or without data
        }
        // Documents missing what governance asks for (an owner; a contract on the output port) are
        // never healthy, and governance is named among the problems.
        QVERIFY(product("email-engagement").health.health != Health::Healthy);
        QVERIFY(product("email-engagement").health.problems.contains("governance"));
        QVERIFY(product("order-status-stream").health.health != Health::Healthy);
        QVERIFY(product("order-status-stream").health.problems.contains("governance"));
        // Every domain's counts add up to its own products.
        for (const MapDomain &d : m_map.domains) {
            int sum = 0;
            for (int c : d.healthCounts)
                sum += c;
            QCOMPARE(sum, int(d.products.size()));
        }
    }

    void healthWithoutEvidenceIsNoData()
    {
        // Governance in order but nothing observed: no data, never healthy by default.
        ProductFacts facts;
        facts.productId = "p";
        facts.governanceScore = 100;
        const HealthAssessment none = HealthAssessor().assess(facts);
        QCOMPARE(none.health, Health::Unknown);
        QCOMPARE(healthLabel(none.health), QString("No data"));
        QVERIFY(none.problems.isEmpty());
        QVERIFY(none.summary().contains("SLOs: no data"));
        // What is known to be wrong still shows without evidence.
        facts.governanceScore = 46;
        facts.governanceErrors = 5;
        QCOMPARE(HealthAssessor().assess(facts).health, Health::Unhealthy);
        // Evidence, all good: healthy. A failing check: at risk. A missed SLO: unhealthy.
        facts.governanceScore = 96;
        facts.governanceErrors = 0;
        facts.governanceWarnings = 2;
        facts.checks = 4;
        QCOMPARE(HealthAssessor().assess(facts).health, Health::Healthy);
        facts.failingChecks = 1;
        QCOMPARE(HealthAssessor().assess(facts).health, Health::AtRisk);
        QCOMPARE(HealthAssessor().assess(facts).problems, QStringList{"checks"});
        facts.sloStatus = slo::Status::Missed;
        facts.missedSlos = QStringList{"freshness"};
        const HealthAssessment missed = HealthAssessor().assess(facts);
        QCOMPARE(missed.health, Health::Unhealthy);
        QVERIFY(missed.summary().contains("SLOs missed: freshness"));
        // Governance below the Quality area's 90 target, or with an error: at risk.
        facts = {};
        facts.checks = 1;
        facts.governanceScore = 90;
        facts.governanceErrors = 1;
        QCOMPARE(HealthAssessor().assess(facts).health, Health::AtRisk);
    }

    void healthTakesRegisteredSignals()
    {
        HealthAssessor assessor;
        assessor.registerSignal({"custom", [](const ProductFacts &f) {
                                     if (f.productId == "customer-segments")
                                         return SignalVerdict{"custom", Health::Unhealthy, "custom says no"};
                                     return SignalVerdict{"custom", Health::Unknown, "no data"}; // does not count
                                 }, /*evidence=*/false});
        const DomainMap map = buildDomainMap(m_db, HealthPass::Assess, assessor);
        const MapProduct &segments = map.products[size_t(map.productOf("customer-segments"))];
        QCOMPARE(segments.health.health, Health::Unhealthy);
        QVERIFY(segments.health.problems.contains("custom"));
        for (const MapProduct &p : map.products) {
            if (p.id != "customer-segments")
                QCOMPARE(p.health.health, product(p.id).health.health);
        }
    }

    void healthLaterLeavesTheMapUnassessedUntilApplied()
    {
        DomainMap later = buildDomainMap(m_db, HealthPass::Later);
        QVERIFY(!later.healthAssessed);
        for (const MapProduct &p : later.products)
            QCOMPARE(p.health.health, Health::Unknown);
        QCOMPARE(int(later.products.size()), int(m_map.products.size()));
        applyHealth(later, assessMeshHealth(m_db));
        QVERIFY(later.healthAssessed);
        for (size_t i = 0; i < later.products.size(); ++i)
            QCOMPARE(later.products[i].health.health, m_map.products[i].health.health);
        for (size_t d = 0; d < later.domains.size(); ++d)
            QVERIFY(later.domains[d].healthCounts == m_map.domains[d].healthCounts);
    }

    void crossDomainEdgesAggregateProductEdges()
    {
        // customer-segments reads customer-profiles and customer-consents through input ports.
        const DomainEdge *e = edge("customer", "marketing");
        QVERIFY(e);
        int expected = 0;
        for (const ProductEdge &pe : m_map.productEdges) {
            if (m_map.products[size_t(pe.from)].domain == m_map.domainOf("customer")
                && m_map.products[size_t(pe.to)].domain == m_map.domainOf("marketing"))
                ++expected;
        }
        QVERIFY(expected >= 2);
        QCOMPARE(e->count, expected);
        QVERIFY(!e->topProducts.empty());
        QVERIFY(e->topProducts.size() <= 5);
        for (size_t i = 1; i < e->topProducts.size(); ++i)
            QVERIFY(e->topProducts[i - 1].second >= e->topProducts[i].second);
        // Manifest lineage sources: revenue-daily (finance) reads payments' transactions.
        QVERIFY(edge("payments", "finance"));
        QVERIFY(!edge("marketing", "marketing"));
        for (const DomainEdge &d : m_map.domainEdges)
            QVERIFY(d.from != d.to);
        QVERIFY(product("customer-profiles").consumers >= 1);
        QVERIFY(product("customer-segments").upstream >= 4);
    }

    void squarifyKeepsAreasAndStaysInside()
    {
        const QRectF r(10, 20, 600, 400);
        const std::vector<double> w{6, 6, 4, 3, 2, 2, 1};
        const std::vector<QRectF> rects = squarify(w, r);
        QCOMPARE(rects.size(), w.size());
        double area = 0;
        for (size_t i = 0; i < rects.size(); ++i) {
            QVERIFY(r.adjusted(-0.01, -0.01, 0.01, 0.01).contains(rects[i]));
            QVERIFY(qAbs(rects[i].width() * rects[i].height() - w[i] / 24.0 * 240000) < 1.0);
            area += rects[i].width() * rects[i].height();
            const double aspect = std::max(rects[i].width() / rects[i].height(), rects[i].height() / rects[i].width());
            QVERIFY2(aspect < 4, qPrintable(QString::number(aspect)));
            for (size_t j = 0; j < i; ++j)
                QVERIFY(!rects[i].adjusted(0.01, 0.01, -0.01, -0.01).intersects(rects[j]));
        }
        QVERIFY(qAbs(area - 240000) < 1.0);
    }

    void treemapNestsDomainsAndTiles()
    {
        const TreemapLayout layout = layoutTreemap(m_map, QSizeF(1600, 1000));
        QCOMPARE(int(layout.groups.size()), 3);
        QCOMPARE(layout.groups[0].type, DomainType::SourceAligned);
        QCOMPARE(layout.groups[1].type, DomainType::Aggregate);
        QCOMPARE(layout.groups[2].type, DomainType::ConsumerAligned);
        QVERIFY(layout.groups[0].rect.right() <= layout.groups[1].rect.left() + 0.01);
        QCOMPARE(layout.groups[0].products + layout.groups[1].products + layout.groups[2].products, 34);
        const QRectF all(0, 0, 1600, 1000);
        for (size_t d = 0; d < m_map.domains.size(); ++d) {
            const QRectF r = layout.domainRects[d];
            QVERIFY(!r.isEmpty());
            QVERIFY(all.contains(r));
            const int parent = m_map.domains[d].parent;
            if (parent >= 0) {
                QVERIFY(layout.domainRects[size_t(parent)].contains(r));
                QCOMPARE(layout.domainDepth[d], layout.domainDepth[size_t(parent)] + 1);
            }
            for (int p : m_map.domains[d].products)
                QVERIFY(r.contains(layout.productRects[size_t(p)]));
            for (size_t o = 0; o < d; ++o) {
                if (m_map.domains[o].parent == m_map.domains[d].parent)
                    QVERIFY(!r.intersects(layout.domainRects[o]));
            }
        }
        // Picking finds the deepest region and the tile under a point.
        const int fraud = m_map.domainOf("fraud");
        QCOMPARE(layout.domainAt(layout.domainRects[size_t(fraud)].center()), fraud);
        const int scores = m_map.productOf("fraud-scores");
        QCOMPARE(layout.productAt(m_map, layout.productRects[size_t(scores)].center()), scores);
        QCOMPARE(layout.domainAt(QPointF(-5, -5)), -1);
    }

    void productPageHoldsEverythingTheCacheKnows()
    {
        const ProductPage page = loadProductPage(m_db, "customer-segments", &m_map);
        QVERIFY(page.found);
        QCOMPARE(page.product.name, QString("Customer Segments"));
        QCOMPARE(page.domainName, QString("Marketing"));
        QCOMPARE(page.domainType, DomainType::ConsumerAligned);
        QVERIFY(page.sourceFile.endsWith("products/marketing/customer-segments.odps.yaml"));
        QCOMPARE(page.teamName, QString("marketing-analytics"));
        QVERIFY(!page.teamMembers.isEmpty());
        QCOMPARE(page.contact, QString("chloe.martin@northwind.example"));
        QVERIFY(page.product.description.contains("RFM segments"));
        QCOMPARE(page.product.tags, (QStringList{"marketing", "segmentation"}));
        QCOMPARE(page.product.inputPorts.size(), 5);

        auto contract = std::find_if(page.contracts.begin(), page.contracts.end(),
                                     [](const PageContract &c) { return c.id == "marketing.customer_segments"; });
        QVERIFY(contract != page.contracts.end());
        QCOMPARE(contract->relation, QString("output"));
        QCOMPARE(contract->status, QString("active"));
        QVERIFY(contract->current);
        QVERIFY(!contract->version.isEmpty());

        auto field = std::find_if(page.fields.begin(), page.fields.end(),
                                  [](const PageField &f) { return f.name == "customer_id"; });
        QVERIFY(field != page.fields.end());
        QVERIFY(field->required);
        QCOMPARE(field->classification, QString("internal"));
        QCOMPARE(field->source, QString("marketing.customer_segments"));
        QVERIFY(std::any_of(page.checks.begin(), page.checks.end(),
                            [](const PageCheck &c) { return c.name == "duplicateValues"; }));

        auto has = [](const std::vector<PageNeighbour> &list, const QString &id) {
            return std::any_of(list.begin(), list.end(), [&](const PageNeighbour &n) { return n.id == id; });
        };
        QVERIFY(has(page.upstream, "customer-profiles"));
        QVERIFY(has(page.upstream, "loyalty-members"));
        // Without the map the page derives the same neighbours itself.
        const ProductPage alone = loadProductPage(m_db, "customer-segments");
        QCOMPARE(alone.upstream.size(), page.upstream.size());
        QCOMPARE(alone.downstream.size(), page.downstream.size());
    }

    void productPageShowsLatestQualityResults()
    {
        const ProductPage page = loadProductPage(m_db, "payment-transactions", &m_map);
        QVERIFY(page.found);
        QVERIFY(page.datasets.contains("postgres://northwind.payments.payment_transactions"));
        // payment_method_id not_null failed in the newest run (and in an older one).
        int found = 0;
        for (const PageCheck &c : page.checks) {
            if (c.element.endsWith("payment_method_id") && (c.name == "not_null" || c.name == "nullValues")
                && !c.latest.isEmpty()) {
                QCOMPARE(c.latest, QString("fail"));
                QCOMPARE(c.latestTime, QDateTime::fromString("2026-11-20T11:45:26.000Z", Qt::ISODateWithMs));
                ++found;
            }
        }
        QCOMPARE(found, 1);
        QVERIFY(!page.consumers.empty());
        const QJsonObject json = toJson(page);
        QCOMPARE(json.value("id").toString(), QString("payment-transactions"));
        QVERIFY(!json.value("checks").toArray().isEmpty());
        QVERIFY(!json.value("schemaFields").toArray().isEmpty());
    }

    /// carrier-performance's ports read from product shipments (named under the port's `custom`; its
    /// `sourceSystemId` is the warehouse system): Upstream lists shipments.
    void portsAndUpstreamAgree()
    {
        const ProductPage page = loadProductPage(m_db, "carrier-performance", &m_map);
        QVERIFY(page.found);
        QCOMPARE(page.product.inputPorts.size(), 2);
        for (const Port &port : page.product.inputPorts)
            QCOMPARE(port.sourceProductId, QString("shipments"));
        QCOMPARE(page.upstream.size(), size_t(1));
        QCOMPARE(page.upstream.front().id, QString("shipments"));
        QVERIFY(!page.upstream.front().unresolved);
        QCOMPARE(loadProductPage(m_db, "carrier-performance").upstream.size(), size_t(1));
    }

    /// A port naming a product the mesh does not hold: an unresolved upstream reference on the page,
    /// in its JSON and in the HTML export, and a governance warning; never dropped.
    void portToAProductOutsideTheMeshIsUnresolved()
    {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath("mesh")));
        QFile file(dir.filePath("mesh/reader.dps.yaml"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("dataProductSpecification: 0.0.1\n"
                   "id: reader\n"
                   "info: {title: Reader, owner: ops, status: active}\n"
                   "inputPorts:\n"
                   "  - id: in1\n"
                   "    name: From the warehouse\n"
                   "    sourceSystemId: warehouse\n"
                   "  - id: in2\n"
                   "    name: Itself\n"
                   "    custom: {sourceDataProductId: reader}\n"
                   "outputPorts:\n"
                   "  - id: out\n"
                   "    name: Out\n");
        file.close();
        const QString cache = dir.filePath("cache.sqlite");
        const SyncReport r = SyncEngine(cache).run({dir.filePath("mesh")});
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
        sql::Connection db = cache::openCache(cache);
        const ProductPage page = loadProductPage(db, "reader");
        QVERIFY(page.found);
        QCOMPARE(page.upstream.size(), size_t(1)); // itself is no upstream, the warehouse is listed once
        QCOMPARE(page.upstream.front().id, QString("warehouse"));
        QVERIFY(page.upstream.front().unresolved);
        QCOMPARE(page.upstream.front().port, QString("From the warehouse"));
        const QJsonObject upstream = toJson(page).value("upstream").toArray().at(0).toObject();
        QVERIFY(upstream.value("unresolved").toBool());

        QVERIFY(exporting::exportHtmlSite(db, dir.filePath("site")).ok);
        QFile html(dir.filePath("site/products/reader.html"));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(html.readAll());
        QVERIFY2(text.contains("warehouse <small>(not in the mesh; named by input port From the warehouse)"),
                 qPrintable(text));

        const governance::GovernanceReport report = governance::evaluateGovernance(governance::loadMeshData(db));
        QCOMPARE(int(report.products.size()), 1);
        int flagged = 0;
        for (const governance::Violation &v : report.products[0].violations) {
            if (v.rule == u"contracts.input_ports") {
                QVERIFY(v.message.contains("'warehouse'"));
                QCOMPARE(v.severity, governance::Severity::Warning);
                ++flagged;
            }
        }
        QCOMPARE(flagged, 1);
    }

    void unknownProductIsNotFound()
    {
        QVERIFY(!loadProductPage(m_db, "no-such-product").found);
    }
};

QTEST_GUILESS_MAIN(TestDomainMap)
#include "tst_domainmap.moc"
