#include "cache/cachefile.h"
#include "importers/importer.h"
#include "slo/dbttests.h"
#include "slo/sloevaluation.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace meshscope;
using namespace meshscope::slo;

namespace {

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toUTC();
}

ServiceLevel level(const char *property, const char *value, const char *unit = "")
{
    return {QLatin1String(property), QLatin1String(value), QLatin1String(unit), {}};
}

/// A product whose output port is the given table, promising `slos`.
governance::MeshData meshWith(const QString &location, const QList<ServiceLevel> &slos)
{
    governance::MeshData m;
    DataProduct p;
    p.id = QStringLiteral("p");
    p.name = QStringLiteral("P");
    p.domainId = QStringLiteral("d");
    Port port;
    port.name = QStringLiteral("out");
    port.location = location;
    p.outputPorts << port;
    p.slos = slos;
    m.products.push_back(p);
    m.index();
    return m;
}

Evidence evidenceOf(const ImportResult &r)
{
    return Evidence{r.runs, r.qualityResults};
}

const SloResult *find(const ProductSlo &p, Kind kind)
{
    for (const SloResult &s : p.slos) {
        if (s.kind == kind)
            return &s;
    }
    return nullptr;
}

RunEvent runEvent(const char *run, const char *state, const char *time, const char *output)
{
    RunEvent e;
    e.runId = QLatin1String(run);
    e.jobId = QStringLiteral("ns/job");
    e.state = QLatin1String(state);
    e.eventTime = utc(time);
    e.outputs << QLatin1String(output);
    return e;
}

} // namespace

class TestSlo : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsThePromisesPeopleWrite()
    {
        QCOMPARE(durationSeconds(level("freshness", "24h")), 86400);
        QCOMPARE(durationSeconds(level("latency", "2", "h")), 7200);
        QCOMPARE(durationSeconds(level("latency", "15m")), 900);
        QCOMPARE(durationSeconds(level("latency", "2 hours")), 7200);
        QCOMPARE(durationSeconds(level("latency", "PT2H")), 7200);
        QCOMPARE(durationSeconds(level("latency", "P1D")), 86400);
        QCOMPARE(durationSeconds(level("latency", "1", "d")), 86400);
        QCOMPARE(durationSeconds(level("latency", "soon")), -1);
        QCOMPARE(percentValue(level("availability", "99.9%")), 99.9);
        QCOMPARE(percentValue(level("availability", "99.9", "%")), 99.9);
        QCOMPARE(percentValue(level("availability", "0.999")), 99.9);
        QCOMPARE(percentValue(level("completeness", "1.0")), 100.0);
        QCOMPARE(kindOf(QStringLiteral("latency")), Kind::Freshness);
        QCOMPARE(kindOf(QStringLiteral("maxAge")), Kind::Freshness);
        QCOMPARE(kindOf(QStringLiteral("uptime")), Kind::Availability);
        QCOMPARE(tableKey(QStringLiteral("postgres://northwind.inventory.stock_levels")), QStringLiteral("inventory.stock_levels"));
        QCOMPARE(tableKey(QStringLiteral("food_delivery/public.delivery_7_days")), QStringLiteral("public.delivery_7_days"));
    }

    /// Issue 18: the SLO evaluation reads units through the same table as the contract diff.
    void readsEveryUnitSpellingTheDiffReads()
    {
        QCOMPARE(percentValue(level("availability", "99.9", "percent")), 99.9);
        QCOMPARE(percentValue(level("availability", "0.5", "pct")), 0.5); // stated in percent: not a share
        QCOMPARE(percentValue(level("availability", "99.9", "h")), -1.0);
        QCOMPARE(durationSeconds(level("freshness", "1h 30m")), 5400);
        QCOMPARE(durationSeconds(level("freshness", "4", "hrs.")), 14400);
        QCOMPARE(durationSeconds(level("freshness", "P1DT12H")), 129600);
        QCOMPARE(durationSeconds(level("retention", "unlimited")), -1);
    }

    void marquezEventsGiveFreshnessAndCheckResults()
    {
        // Marquez's seed: every job starts 10:00 and completes some minutes later on 2026-11-20;
        // outputs are named on START only, the COMPLETE carries none.
        const QString file = testsupport::corpus(QStringLiteral("MarquezProject/marquez/docker/metadata.json"));
        const ImportResult imported = importDocument(file, testsupport::readAll(file));
        QCOMPARE(imported.format, QStringLiteral("openlineage"));
        const Evidence evidence = evidenceOf(imported);
        QCOMPARE(latestEvidence(evidence), utc("2026-11-20T10:10:00Z"));

        const governance::MeshData mesh = meshWith(QStringLiteral("food_delivery.public.delivery_7_days"),
                                                   {level("freshness", "1h"), level("completeness", "100%"),
                                                    level("quality_score", "0.99")});
        Options early;
        early.at = utc("2026-11-20T10:30:00Z");
        SloReport r = evaluateSlos(mesh, evidence, early);
        QCOMPARE(int(r.products.size()), 1);
        const ProductSlo &p = r.products.front();
        QCOMPARE(p.datasets, QStringList{QStringLiteral("public.delivery_7_days")});
        QCOMPARE(p.lastUpdate, utc("2026-11-20T10:06:00Z"));
        QCOMPARE(int(p.runs.size()), 1);
        const SloResult *fresh = find(p, Kind::Freshness);
        QVERIFY(fresh);
        QCOMPARE(fresh->status, Status::Met);
        QCOMPARE(fresh->current, 24.0 * 60);
        // delivery_7_days asserts not_null(driver_id) = false and is_string(customer_address) = true.
        QCOMPARE(int(p.checks.size()), 2);
        QCOMPARE(p.failingChecks, 1);
        const SloResult *complete = find(p, Kind::Completeness);
        QVERIFY(complete);
        QCOMPARE(complete->current, 0.0);
        QCOMPARE(complete->status, Status::Missed);
        QCOMPARE(find(p, Kind::QualityScore)->current, 50.0);
        QCOMPARE(p.overall, Status::Missed);

        // Two hours on nothing has run again: stale against the 1h promise.
        Options later;
        later.at = utc("2026-11-20T12:00:00Z");
        r = evaluateSlos(mesh, evidence, later);
        QCOMPARE(find(r.products.front(), Kind::Freshness)->status, Status::Missed);
        QVERIFY(r.products.front().stale);
        QCOMPARE(r.stale, 1);

        // Before the run there is no evidence at all.
        Options before;
        before.at = utc("2026-11-20T09:00:00Z");
        r = evaluateSlos(mesh, evidence, before);
        QCOMPARE(find(r.products.front(), Kind::Freshness)->status, Status::NoEvidence);
        QCOMPARE(r.products.front().overall, Status::NoEvidence);
    }

    void failedAndAbortedRunsCostAvailability()
    {
        Evidence e;
        e.runs = {runEvent("a", "START", "2026-11-18T06:00:00Z", "pg://db.s.t"), runEvent("a", "COMPLETE", "2026-11-18T06:05:00Z", "pg://db.s.t"),
                  runEvent("b", "START", "2026-11-19T06:00:00Z", "pg://db.s.t"), runEvent("b", "FAIL", "2026-11-19T06:01:00Z", "pg://db.s.t"),
                  runEvent("c", "START", "2026-11-20T06:00:00Z", "pg://db.s.t"), runEvent("c", "ABORT", "2026-11-20T06:01:00Z", "pg://db.s.t"),
                  runEvent("d", "START", "2026-11-20T07:00:00Z", "pg://db.s.t")}; // still running: not counted
        const governance::MeshData mesh = meshWith(QStringLiteral("s.t"), {level("availability", "99%"), level("freshness", "1d")});
        Options o;
        o.at = utc("2026-11-20T12:00:00Z");
        const SloReport r = evaluateSlos(mesh, e, o);
        const SloResult *a = find(r.products.front(), Kind::Availability);
        QVERIFY(a);
        QCOMPARE(qRound(a->current * 10), 333);
        QCOMPARE(a->status, Status::Missed);
        // Freshness counts only successful loads: the last one is 2026-11-18 06:05, > 1 day ago.
        QCOMPARE(find(r.products.front(), Kind::Freshness)->status, Status::Missed);
        QCOMPARE(int(r.products.front().runs.size()), 3);
        // History: one point per day; on 2026-11-18 at noon everything was still fine.
        QCOMPARE(int(a->history.size()), 14);
        QCOMPARE(a->history[11].time, utc("2026-11-18T12:00:00Z"));
        QCOMPARE(a->history[11].status, Status::Met);
        QCOMPARE(a->history[13].status, Status::Missed);
        QCOMPARE(r.trend.back().evaluated, 1);
        QCOMPARE(r.trend[11].met, 1);
    }

    void daysWithoutAnyEvidenceAreGapsNotMisses()
    {
        // Loads on 11-10 and 11-19 only; on 11-15 another table loads, so the mesh was watched that day.
        Evidence e;
        e.runs = {runEvent("a", "START", "2026-11-10T06:00:00Z", "pg://db.s.t"), runEvent("a", "COMPLETE", "2026-11-10T06:05:00Z", "pg://db.s.t"),
                  runEvent("o", "START", "2026-11-15T06:00:00Z", "pg://db.s.other"), runEvent("o", "COMPLETE", "2026-11-15T06:05:00Z", "pg://db.s.other"),
                  runEvent("b", "START", "2026-11-19T06:00:00Z", "pg://db.s.t"), runEvent("b", "COMPLETE", "2026-11-19T06:05:00Z", "pg://db.s.t")};
        const governance::MeshData mesh = meshWith(QStringLiteral("s.t"), {level("freshness", "1d")});
        Options o;
        o.at = utc("2026-11-20T12:00:00Z");
        const SloReport r = evaluateSlos(mesh, e, o);
        QCOMPARE(int(r.trend.size()), 14);
        auto day = [&](const char *iso) -> const DayCompliance & {
            for (const DayCompliance &d : r.trend) {
                if (d.time == utc(iso))
                    return d;
            }
            qFatal("no day %s", iso);
        };
        QCOMPARE(day("2026-11-10T12:00:00Z").evaluated, 1);
        QCOMPARE(day("2026-11-10T12:00:00Z").met, 1);
        QCOMPARE(day("2026-11-19T12:00:00Z").met, 1);
        // Nothing ran and nothing was checked: no evidence, not a miss (it was drawn as 0 %).
        for (const char *iso : {"2026-11-11T12:00:00Z", "2026-11-14T12:00:00Z", "2026-11-18T12:00:00Z"}) {
            QVERIFY2(!day(iso).observed, iso);
            QCOMPARE(day(iso).evaluated, 0);
        }
        const SloResult *fresh = find(r.products.front(), Kind::Freshness);
        QCOMPARE(fresh->history[4].time, utc("2026-11-11T12:00:00Z"));
        QCOMPARE(fresh->history[4].status, Status::NoEvidence);
        QCOMPARE(r.products.front().history[4].status, Status::NoEvidence);
        // The mesh was watched on 11-15 and this product had not loaded for five days: missed.
        QVERIFY(day("2026-11-15T12:00:00Z").observed);
        QCOMPARE(day("2026-11-15T12:00:00Z").evaluated, 1);
        QCOMPARE(day("2026-11-15T12:00:00Z").met, 0);
    }

    void dbtRunResultsAreImported()
    {
        const QString file = testsupport::source(QStringLiteral("tests/fixtures/dbt/run_results.json"));
        const ImportResult r = importDocument(file, testsupport::readAll(file));
        QCOMPARE(r.format, QStringLiteral("dbt-run-results"));
        QVERIFY(!r.hasErrors());
        // Two models ran (one errored), one was skipped; three tests ran.
        QCOMPARE(int(r.runs.size()), 4);
        QCOMPARE(r.runs[1].state, QStringLiteral("COMPLETE"));
        QCOMPARE(r.runs[1].eventTime, utc("2026-11-20T08:10:03.900Z"));
        QCOMPARE(r.runs[1].outputs, QStringList{QStringLiteral("dbt/jaffle_shop.main.stg_customers")});
        QCOMPARE(r.runs[3].state, QStringLiteral("FAIL"));
        QCOMPARE(int(r.qualityResults.size()), 3);
        QVERIFY(r.qualityResults[0].success);
        QVERIFY(!r.qualityResults[1].success);
        QVERIFY(r.qualityResults[1].message.startsWith(QStringLiteral("3 failing rows")));
        QVERIFY(!r.qualityResults[2].success); // warn: failing rows under the error threshold
        QCOMPARE(r.qualityResults[0].origin, QStringLiteral("dbt"));

        // The manifest says which dataset and column each test checks.
        const QString manifestFile = testsupport::corpus(QStringLiteral("dbt-labs/dbt-docs/data/manifest.json"));
        const ImportResult manifest = importDocument(manifestFile, testsupport::readAll(manifestFile));
        Evidence e{r.runs, r.qualityResults};
        QCOMPARE(resolveDbtTests(manifest.datasets, e), 3);
        QCOMPARE(e.results[0].check, QStringLiteral("unique"));
        QCOMPARE(e.results[0].column, QStringLiteral("customer_id"));
        QVERIFY(e.results[0].datasetId.endsWith(QStringLiteral("stg_customers")));
        QCOMPARE(e.results[2].check, QStringLiteral("accepted_values"));
        QCOMPARE(e.results[2].column, QStringLiteral("status"));
        QVERIFY(e.results[2].datasetId.endsWith(QStringLiteral("stg_orders")));

        // A product on stg_orders sees the failing check and the failed build.
        governance::MeshData mesh = meshWith(QStringLiteral("main.orders"), {level("availability", "99%")});
        Options o;
        o.at = utc("2026-11-20T09:00:00Z");
        SloReport report = evaluateSlos(mesh, e, o);
        QCOMPARE(find(report.products.front(), Kind::Availability)->status, Status::Missed);
    }

    void theSampleMeshHasAStaleProductAndFailingChecks()
    {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache.sqlite"));
        const SyncReport sync = SyncEngine(cache).run({testsupport::source(QStringLiteral("resources/sample-mesh"))});
        QVERIFY2(sync.fatalError.isEmpty(), qPrintable(sync.fatalError));
        sql::Connection db = cache::openCache(cache);
        const governance::MeshData mesh = governance::loadMeshData(db);
        const Evidence evidence = loadEvidence(db);
        QVERIFY(!evidence.runs.empty());
        Options o;
        o.at = utc("2026-11-20T12:00:00Z");
        const SloReport r = evaluateSlos(mesh, evidence, o);
        auto product = [&r](const char *id) -> const ProductSlo & {
            for (const ProductSlo &p : r.products) {
                if (p.productId == QLatin1String(id))
                    return p;
            }
            qFatal("no product %s", id);
        };
        const ProductSlo &stock = product("stock-levels");
        QVERIFY(stock.stale);
        QCOMPARE(stock.lastUpdate, utc("2026-11-16T06:03:21Z"));
        QCOMPARE(find(stock, Kind::Freshness)->status, Status::Missed);
        QCOMPARE(find(stock, Kind::Freshness)->target, 7200.0);
        QCOMPARE(find(stock, Kind::Availability)->status, Status::Missed); // the 2026-11-17 FAIL
        const ProductSlo &payments = product("payment-transactions");
        QVERIFY(payments.failingChecks >= 1);
        bool nullCheckFails = false;
        for (const CheckHistory &c : payments.checks)
            nullCheckFails = nullCheckFails || (c.column == u"payment_method_id" && !c.lastSuccess);
        QVERIFY(nullCheckFails);
        const ProductSlo &revenue = product("revenue-daily");
        QCOMPARE(find(revenue, Kind::Freshness)->status, Status::Met);
        QVERIFY(r.stale >= 1);
        QVERIFY(r.failingChecks >= 1);
        QVERIFY(r.met > 0 && r.missed > 0);
        QVERIFY(r.compliancePercent() > 0 && r.compliancePercent() < 100);
        QCOMPARE(int(r.trend.size()), 14);
    }
};

QTEST_GUILESS_MAIN(TestSlo)
#include "tst_slo.moc"
