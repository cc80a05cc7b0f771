#include "cache/cachefile.h"
#include "maturity/maturity.h"
#include "maturity/maturityjson.h"
#include "maturity/scaffold.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace meshscope;
using namespace meshscope::maturity;

namespace {

QualityRule rule(const char *metric)
{
    QualityRule r;
    r.type = QStringLiteral("library");
    r.metric = QLatin1String(metric);
    return r;
}

ServiceLevel promise(const char *property, const char *value)
{
    ServiceLevel l;
    l.property = QLatin1String(property);
    l.value = QLatin1String(value);
    return l;
}

/// A product whose every default criterion holds: level 3.
struct Fixture {
    governance::MeshData mesh;
    cache::MaturityFacts facts;

    Fixture()
    {
        DataProduct p;
        p.id = QStringLiteral("sales-orders");
        p.name = QStringLiteral("Sales orders");
        p.domainId = QStringLiteral("sales");
        p.owner = QStringLiteral("owner@example.com");
        p.version = QStringLiteral("1.2.0");
        p.status = QStringLiteral("active");
        p.description = QStringLiteral("Every order placed in the web shop, one row per order.");
        p.tags << QStringLiteral("sales");
        Port table;
        table.name = QStringLiteral("orders-table");
        table.type = QStringLiteral("tables");
        table.contractId = QStringLiteral("sales.orders");
        Port stream = table;
        stream.name = QStringLiteral("orders-stream");
        stream.type = QStringLiteral("kafka");
        p.outputPorts << table << stream;
        p.custom.insert(QStringLiteral("authoritativeDefinitions"),
                        QJsonArray{QJsonObject{{"type", "clientLibrary"}, {"url", "https://git.example.com/client"}}});
        mesh.products.push_back(p);

        Contract c;
        c.id = QStringLiteral("sales.orders");
        c.version = QStringLiteral("1.2.0");
        c.status = QStringLiteral("active");
        Server s;
        s.server = QStringLiteral("production");
        s.type = QStringLiteral("postgres");
        c.servers << s;
        SchemaObject o;
        o.name = QStringLiteral("orders");
        o.description = QStringLiteral("One row per order.");
        o.quality << rule("rowCount") << rule("duplicateValues");
        ContractProperty id;
        id.name = QStringLiteral("order_id");
        id.description = QStringLiteral("The order's id.");
        id.primaryKey = true;
        id.quality << rule("nullValues");
        id.custom.insert(QStringLiteral("partitioned"), true);
        o.properties << id;
        c.schema << o;
        c.sla << promise("availability", "99.9%") << promise("freshness", "24h");
        ContractRole role;
        role.role = QStringLiteral("sales_reader");
        c.roles << role;
        SupportChannel ch;
        ch.channel = QStringLiteral("#sales-data");
        c.support << ch;
        mesh.contracts.push_back(c);
        mesh.index();

        facts.contractVersions[c.id].push_back({c.version, c.status, {}});
        facts.consumers[p.id] << QStringLiteral("product finance-revenue");
    }

    DataProduct &product() { return mesh.products.front(); }
    Contract &contract() { return mesh.contracts.front(); }

    /// The result of the default criterion running `check`.
    CriterionResult run(const QString &check)
    {
        mesh.index();
        for (const Level &l : defaultModel().levels) {
            for (const Criterion &c : l.criteria) {
                if (c.check == check)
                    return runCheck(c, l.level, product(), mesh, facts);
            }
        }
        qFatal("no default criterion runs %s", qPrintable(check));
    }
};

using Mutation = std::function<void(Fixture &)>;

void removeContract(Fixture &f)
{
    f.mesh.contracts.clear();
    f.mesh.index();
    f.facts.contractVersions.clear();
}

/// Runs a sync of `mesh` into `cachePath`; the diagnostics of the documents read.
std::vector<Diagnostic> sync(const QString &cachePath, const QString &mesh)
{
    const SyncReport r = SyncEngine(cachePath).run({mesh});
    if (!r.fatalError.isEmpty())
        qWarning("sync: %s", qPrintable(r.fatalError));
    return r.diagnostics;
}

const ProductMaturity *find(const MaturityReport &r, const QString &id)
{
    for (const ProductMaturity &p : r.products) {
        if (p.productId == id)
            return &p;
    }
    return nullptr;
}

QString describe(const ProductMaturity &p)
{
    QStringList out;
    for (const CriterionResult &r : p.results)
        out << QStringLiteral("%1 %2: %3").arg(r.criterion.id, outcomeName(r.outcome), r.evidence);
    return out.join(QLatin1Char('\n'));
}

} // namespace

class TestMaturity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fixtureIsAdvanced()
    {
        Fixture f;
        const ProductMaturity pm = assessProduct(f.product(), f.mesh, f.facts, defaultModel());
        QVERIFY2(pm.level == 3, qPrintable(describe(pm)));
        QCOMPARE(pm.levelName, QStringLiteral("Advanced"));
        QVERIFY(pm.nextSteps().empty());
        QCOMPARE(int(pm.results.size()), 14);
    }

    /// Every default criterion: met on the fixture, unmet after one change, and — where it reads the
    /// output contract — "no evidence" (never met) when the contract is not in the cache.
    void criterion_data()
    {
        QTest::addColumn<QString>("check");
        QTest::addColumn<Mutation>("breakIt");
        QTest::addColumn<bool>("needsContract");
        QTest::newRow("basicMetadata") << "basicMetadata" << Mutation([](Fixture &f) { f.product().owner.clear(); }) << false;
        QTest::newRow("basicMetadata placeholder")
            << "basicMetadata" << Mutation([](Fixture &f) { f.product().name = QStringLiteral("FILL-ME: name"); }) << false;
        QTest::newRow("qualityRules") << "qualityRules" << Mutation([](Fixture &f) {
            f.contract().schema[0].quality.clear();
            f.contract().schema[0].properties[0].quality.clear();
        }) << true;
        QTest::newRow("standardAccess") << "standardAccess"
                                        << Mutation([](Fixture &f) { f.contract().servers[0].type = QStringLiteral("FILL-ME: postgres"); })
                                        << false;
        QTest::newRow("documentation") << "documentation"
                                       << Mutation([](Fixture &f) { f.product().description = QStringLiteral("Orders."); }) << false;
        QTest::newRow("semanticMetadata") << "semanticMetadata"
                                          << Mutation([](Fixture &f) { f.contract().schema[0].properties[0].description.clear(); })
                                          << true;
        QTest::newRow("semanticMetadata tags") << "semanticMetadata" << Mutation([](Fixture &f) { f.product().tags.clear(); }) << true;
        QTest::newRow("slaAvailabilityFreshness") << "slaAvailabilityFreshness"
                                                  << Mutation([](Fixture &f) { f.contract().sla.removeLast(); }) << false;
        QTest::newRow("comprehensiveQuality") << "comprehensiveQuality"
                                              << Mutation([](Fixture &f) { f.contract().schema[0].quality.clear(); }) << true;
        QTest::newRow("accessControls") << "accessControls" << Mutation([](Fixture &f) { f.contract().roles.clear(); }) << true;
        QTest::newRow("usageMonitoring") << "usageMonitoring" << Mutation([](Fixture &f) { f.facts.consumers.clear(); }) << false;
        QTest::newRow("changeNotification") << "changeNotification"
                                            << Mutation([](Fixture &f) { f.contract().support.clear(); }) << false;
        QTest::newRow("advancedAccess") << "advancedAccess"
                                        << Mutation([](Fixture &f) { f.product().outputPorts.removeLast(); }) << false;
        QTest::newRow("clientLibraries") << "clientLibraries"
                                         << Mutation([](Fixture &f) { f.product().custom.remove(QStringLiteral("authoritativeDefinitions")); })
                                         << false;
        QTest::newRow("versioningStrategy") << "versioningStrategy" << Mutation([](Fixture &f) {
            f.facts.contractVersions[QStringLiteral("sales.orders")].push_back({QStringLiteral("1.0.0"), QStringLiteral("deprecated"), {}});
        }) << true;
        QTest::newRow("versioningStrategy semver")
            << "versioningStrategy" << Mutation([](Fixture &f) { f.product().version = QStringLiteral("v2"); }) << true;
        QTest::newRow("performance") << "performance"
                                     << Mutation([](Fixture &f) { f.contract().schema[0].properties[0].custom = {}; }) << true;
    }

    void criterion()
    {
        QFETCH(QString, check);
        QFETCH(Mutation, breakIt);
        QFETCH(bool, needsContract);
        {
            Fixture f;
            const CriterionResult r = f.run(check);
            QVERIFY2(r.outcome == Outcome::Met, qPrintable(r.evidence));
            QVERIFY(!r.evidence.isEmpty());
        }
        {
            Fixture f;
            breakIt(f);
            const CriterionResult r = f.run(check);
            QVERIFY2(r.outcome == Outcome::Unmet, qPrintable(outcomeName(r.outcome) + QStringLiteral(": ") + r.evidence));
            QVERIFY(!r.evidence.isEmpty());
        }
        if (needsContract) {
            Fixture f;
            removeContract(f);
            const CriterionResult r = f.run(check);
            QVERIFY2(r.outcome == Outcome::NoEvidence, qPrintable(outcomeName(r.outcome) + QStringLiteral(": ") + r.evidence));
            QVERIFY2(r.evidence.contains(QLatin1String("sales.orders")), qPrintable(r.evidence));
        }
    }

    /// A deprecated version with a sunset date keeps the versioning strategy.
    void versioningAcceptsSunset()
    {
        Fixture f;
        f.facts.contractVersions[QStringLiteral("sales.orders")].push_back(
            {QStringLiteral("1.0.0"), QStringLiteral("deprecated"),
             QJsonObject{{"customProperties", QJsonObject{{"sunset", "2027-01-31"}}}}});
        QCOMPARE(f.run(QStringLiteral("versioningStrategy")).outcome, Outcome::Met);
    }

    /// Through a sync and the cache reader: a deprecated contract version needs a sunset date (an ODCS
    /// customProperty), the consumers come from another product's input port.
    void factsFromTheCache()
    {
        QTemporaryDir dir;
        const QString mesh = dir.filePath(QStringLiteral("mesh"));
        testsupport::writeFile(mesh + QStringLiteral("/products/sales/orders.odps.yaml"),
                               "apiVersion: v1.0.0\nkind: DataProduct\nid: orders\nname: Orders\nversion: 2.0.0\n"
                               "status: active\ndomain: sales\noutputPorts:\n  - {name: t, type: tables, contractId: sales.orders}\n");
        testsupport::writeFile(mesh + QStringLiteral("/products/finance/revenue.odps.yaml"),
                               "apiVersion: v1.0.0\nkind: DataProduct\nid: revenue\nname: Revenue\nversion: 1.0.0\n"
                               "status: active\ndomain: finance\ninputPorts:\n  - {name: o, contractId: sales.orders}\n");
        const auto contract = [&](const char *version, const char *status, const char *extra) {
            testsupport::writeFile(mesh + QStringLiteral("/contracts/sales/sales.orders.%1.odcs.yaml").arg(QLatin1String(version)),
                                   QByteArray("apiVersion: v3.0.2\nkind: DataContract\nid: sales.orders\nversion: ") + version
                                       + "\nstatus: " + status + "\n" + extra);
        };
        contract("2.0.0", "active", "");
        contract("1.0.0", "deprecated", "customProperties:\n  - {property: sunset, value: '2027-03-31'}\n");
        const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
        const auto result = [&](const char *id) {
            sync(cachePath, mesh);
            sql::Connection db = cache::openCache(cachePath);
            const MaturityReport r = evaluateMaturity(db);
            for (const CriterionResult &c : find(r, QStringLiteral("orders"))->results) {
                if (c.criterion.id == QLatin1String(id))
                    return c;
            }
            return CriterionResult{};
        };
        CriterionResult v = result("L3-P04");
        QVERIFY2(v.outcome == Outcome::Met, qPrintable(v.evidence));
        const CriterionResult usage = result("L2-P05");
        QVERIFY2(usage.outcome == Outcome::Met && usage.evidence.contains(QLatin1String("product revenue")), qPrintable(usage.evidence));
        contract("1.0.0", "deprecated", "");
        v = result("L3-P04");
        QVERIFY2(v.outcome == Outcome::Unmet && v.evidence.contains(QLatin1String("sales.orders 1.0.0 is deprecated with no sunset")),
                 qPrintable(v.evidence));
    }

    /// The product page's assessment (one product's facts, its domain loaded) is the mesh-wide one.
    void productPageMatchesTheReport()
    {
        QTemporaryDir dir;
        const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
        sync(cachePath, testsupport::source(QStringLiteral("resources/sample-mesh")));
        sql::Connection db = cache::openCache(cachePath);
        const MaturityReport report = evaluateMaturity(db);
        QCOMPARE(int(report.products.size()), 34);
        for (const ProductMaturity &p : report.products) {
            bool lighthouse = false;
            const auto one = assessProductInCache(db, p.productId, p.domainId, &lighthouse);
            QVERIFY(one.has_value());
            QCOMPARE(one->results.size(), p.results.size());
            for (size_t i = 0; i < p.results.size(); ++i)
                QCOMPARE(p.productId + u' ' + one->results[i].evidence, p.productId + u' ' + p.results[i].evidence);
            QCOMPARE(maturity::toJson(*one), maturity::toJson(p));
            QCOMPARE(lighthouse, p.domainId == u"orders");
        }
        QVERIFY(!assessProductInCache(db, QStringLiteral("no-such-product"), QString()).has_value());
    }

    /// The level is the highest whose criteria and all lower levels' hold; the next steps are the
    /// next level's unmet ones; no evidence never counts as met.
    void levels()
    {
        {
            Fixture f;
            f.facts.consumers.clear(); // an L2 criterion
            const ProductMaturity pm = assessProduct(f.product(), f.mesh, f.facts, defaultModel());
            QCOMPARE(pm.level, 1);
            QCOMPARE(int(pm.nextSteps().size()), 1);
            QCOMPARE(pm.nextSteps().front()->criterion.id, QStringLiteral("L2-P05"));
            QCOMPARE(pm.met(3), 5); // assessed above the level too, for the page
        }
        {
            Fixture f;
            f.product().owner.clear(); // an L1 criterion
            const ProductMaturity pm = assessProduct(f.product(), f.mesh, f.facts, defaultModel());
            QCOMPARE(pm.level, 0);
            QCOMPARE(pm.levelName, QStringLiteral("Not yet Foundation"));
            QCOMPARE(pm.nextSteps().front()->criterion.id, QStringLiteral("L1-P01"));
        }
        {
            Fixture f;
            removeContract(f);
            const ProductMaturity pm = assessProduct(f.product(), f.mesh, f.facts, defaultModel());
            QCOMPARE(pm.level, 0);
            QCOMPARE(pm.nextSteps().front()->outcome, Outcome::NoEvidence);
        }
    }

    /// spec.maturity in a GovernancePolicy: its own levels, lighthouse domains, an OMMS statusCap, and
    /// an unknown check that is named as a problem and never met.
    void policyAsCode()
    {
        Fixture f;
        GovernancePolicy g;
        g.id = QStringLiteral("global");
        g.spec = QJsonDocument::fromJson(R"({"maturity": {
            "lighthouse": ["Sales"],
            "policies": [{"id": "POL-P01", "name": "statusCap", "arguments": {"caps": {"draft": 1}}}],
            "levels": [
              {"level": 1, "name": "Basic", "criteria": [{"id": "L1-P01", "check": "basicMetadata"}]},
              {"level": 2, "name": "Served", "criteria": [{"id": "L2-P01", "check": "advancedAccess",
                                                           "arguments": {"types": ["grpc"]}}]},
              {"level": 3, "name": "Magic", "criteria": [{"id": "L3-P01", "check": "readsMinds"}]}
            ]}})").object();
        f.mesh.policies.push_back(g);
        f.mesh.index();
        const Model m = modelFor(f.mesh, QStringLiteral("sales"));
        QCOMPARE(m.policyId, QStringLiteral("global"));
        QCOMPARE(m.lighthouse, QStringList{QStringLiteral("sales")});
        QCOMPARE(int(m.problems.size()), 1);
        QVERIFY2(m.problems.front().contains(QLatin1String("readsMinds")), qPrintable(m.problems.front()));

        ProductMaturity pm = assessProduct(f.product(), f.mesh, f.facts, m);
        QCOMPARE(pm.level, 1); // kafka is no grpc
        f.product().outputPorts.last().type = QStringLiteral("grpc");
        pm = assessProduct(f.product(), f.mesh, f.facts, m);
        QCOMPARE(pm.level, 2); // L3's unknown check has no evidence
        QCOMPARE(pm.nextSteps().front()->outcome, Outcome::NoEvidence);
        f.product().status = QStringLiteral("Draft");
        pm = assessProduct(f.product(), f.mesh, f.facts, m);
        QCOMPARE(pm.level, 1);
        QVERIFY(!pm.cappedBy.isEmpty());

        const MaturityReport report = evaluateMaturity(f.mesh, f.facts);
        QCOMPARE(report.lighthouse, QStringList{QStringLiteral("sales")});
        QVERIFY(report.domains.front().lighthouse);
    }

    void hostileNames_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("name");
        QTest::newRow("dotdot name") << "orders" << "../../etc/passwd";
        QTest::newRow("dotdot alone") << "orders" << "..";
        QTest::newRow("slash") << "orders" << "a/b";
        QTest::newRow("backslash") << "orders" << "a\\b";
        QTest::newRow("newline") << "orders" << "evil\nname";
        QTest::newRow("nul") << "orders" << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"));
        QTest::newRow("rtl override") << "orders" << QString(QStringLiteral("a") + QChar(0x202E) + QStringLiteral("b"));
        QTest::newRow("only punctuation") << "orders" << "!!!";
        QTest::newRow("empty") << "orders" << "";
        QTest::newRow("domain dotdot") << ".." << "fine";
        QTest::newRow("domain absolute") << "/tmp" << "fine";
    }

    /// Names from the user never become a path outside the mesh folder, and nothing is written then.
    void hostileNames()
    {
        QFETCH(QString, domain);
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString mesh = dir.filePath(QStringLiteral("mesh"));
        QVERIFY(QDir().mkpath(mesh));
        ScaffoldRequest req;
        req.meshDir = mesh;
        req.domain = domain;
        req.name = name;
        const ScaffoldResult r = scaffoldProduct(req);
        QVERIFY(!r.ok());
        QVERIFY(r.written.isEmpty());
        QDirIterator it(dir.path(), QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
        QStringList found;
        while (it.hasNext())
            found << it.next();
        QCOMPARE(found, QStringList{mesh});
    }

    void slugs()
    {
        QCOMPARE(safeSlug(QStringLiteral("Order Forecast (EU)")), QStringLiteral("order-forecast-eu"));
        QCOMPARE(safeSlug(QStringLiteral("Crème brûlée")), QStringLiteral("creme-brulee"));
        QCOMPARE(safeSlug(QString(200, u'a')).size(), 64);
    }

    /// A symlinked folder inside the mesh that points out of it is not written through; an existing
    /// file is never overwritten (and nothing else of the product is written then).
    void neverOutsideNeverOverwrite()
    {
        QTemporaryDir dir;
        const QString mesh = dir.filePath(QStringLiteral("mesh"));
        const QString outside = dir.filePath(QStringLiteral("outside"));
        QVERIFY(QDir().mkpath(mesh + QStringLiteral("/products")));
        QVERIFY(QDir().mkpath(outside));
        QVERIFY(QFile::link(outside, mesh + QStringLiteral("/products/orders")));
        ScaffoldRequest req;
        req.meshDir = mesh;
        req.domain = QStringLiteral("orders");
        req.name = QStringLiteral("Forecast");
        ScaffoldResult r = scaffoldProduct(req);
        QVERIFY2(!r.ok(), "wrote through a symlink");
        QVERIFY(QDir(outside).isEmpty());

        req.domain = QStringLiteral("sales");
        const QString contract = mesh + QStringLiteral("/contracts/sales/sales.forecast.odcs.yaml");
        testsupport::writeFile(contract, "mine\n");
        r = scaffoldProduct(req);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(QLatin1String("exists")), qPrintable(r.error));
        QCOMPARE(testsupport::readAll(contract), QByteArray("mine\n"));
        QVERIFY(!QFileInfo::exists(mesh + QStringLiteral("/products/sales/forecast.odps.yaml")));
    }

    /// A failure half way (here: a file where the contracts folder should be) leaves nothing behind.
    void allOrNothing()
    {
        QTemporaryDir dir;
        const QString mesh = dir.filePath(QStringLiteral("mesh"));
        testsupport::writeFile(mesh + QStringLiteral("/contracts"), "not a folder\n");
        ScaffoldRequest req;
        req.meshDir = mesh;
        req.domain = QStringLiteral("sales");
        req.name = QStringLiteral("Forecast");
        const ScaffoldResult r = scaffoldProduct(req);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(QLatin1String("nothing was written")), qPrintable(r.error));
        QVERIFY(r.written.isEmpty());
        QVERIFY(!QFileInfo::exists(mesh + QStringLiteral("/products/sales/forecast.odps.yaml")));
    }

    /// The layout of the mesh is followed: products under domains/<d>/products here.
    void layoutDetected()
    {
        QTemporaryDir dir;
        testsupport::writeFile(dir.filePath(QStringLiteral("domains/a/products/x.odps.yaml")), "id: x\n");
        testsupport::writeFile(dir.filePath(QStringLiteral("domains/b/products/y.dps.yaml")), "id: y\n");
        testsupport::writeFile(dir.filePath(QStringLiteral("domains/a/contracts/a.x.odcs.yaml")), "id: a.x\n");
        const MeshLayout l = detectLayout(dir.path());
        QCOMPARE(l.products, QStringLiteral("domains/{domain}/products"));
        QCOMPARE(l.contracts, QStringLiteral("domains/{domain}/contracts"));
        const MeshLayout empty = detectLayout(dir.filePath(QStringLiteral("domains/a/contracts")));
        QCOMPARE(empty.products, QStringLiteral("products/{domain}"));
    }

    /// Per format and level, in a copy of the sample mesh: written in its layout, synced with no error,
    /// placeholders reported and holding the level down, and once filled assessed at exactly the level.
    void scaffoldRoundTrip_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("level");
        for (const char *format : {"odps", "dps"}) {
            for (int level = 1; level <= 3; ++level)
                QTest::newRow(QStringLiteral("%1 level %2").arg(QLatin1String(format)).arg(level).toLatin1().constData())
                    << QString::fromLatin1(format) << level;
        }
    }

    void scaffoldRoundTrip()
    {
        QFETCH(QString, format);
        QFETCH(int, level);
        QTemporaryDir dir;
        const QString mesh = dir.filePath(QStringLiteral("mesh"));
        testsupport::copyTree(testsupport::source(QStringLiteral("resources/sample-mesh")), mesh);
        ScaffoldRequest req;
        req.meshDir = mesh;
        req.domain = QStringLiteral("Orders");
        req.name = QStringLiteral("Order Forecast");
        req.level = level;
        req.format = format;
        req.owner = QStringLiteral("maria.keller@northwind.example");
        const ScaffoldResult r = scaffoldProduct(req);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.productId, QStringLiteral("order-forecast"));
        QCOMPARE(r.written.first(), QStringLiteral("products/orders/order-forecast.%1.yaml").arg(format));
        QCOMPARE(r.written.at(1), QStringLiteral("contracts/orders/orders.order_forecast.odcs.yaml"));
        QVERIFY(!r.placeholders.isEmpty());

        const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
        ProductMaturity last;
        const auto assessed = [&](bool explain) {
            for (const Diagnostic &d : sync(cachePath, mesh)) {
                if (d.file.contains(QLatin1String("forecast")))
                    qWarning("%s", qPrintable(d.toString()));
                if (d.file.contains(QLatin1String("forecast")) && d.severity == Diagnostic::Severity::Error)
                    return -1;
            }
            sql::Connection db = cache::openCache(cachePath);
            const MaturityReport report = evaluateMaturity(db);
            const ProductMaturity *pm = find(report, QStringLiteral("order-forecast"));
            if (!pm)
                return -2;
            if (explain && pm->level != level)
                qInfo("%s", qPrintable(describe(*pm)));
            last = *pm;
            return pm->level;
        };
        QVERIFY(assessed(false) < level);
        // The placeholders are named as such in the evidence (the product description is one).
        QCOMPARE(last.level, 0);
        QVERIFY2(last.nextSteps().front()->evidence.contains(QLatin1String("still a placeholder (FILL-ME): description")),
                 qPrintable(last.nextSteps().front()->evidence));

        for (const QString &rel : r.written) {
            QFile f(mesh + u'/' + rel);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QByteArray text = f.readAll();
            f.close();
            text.replace("FILL-ME: ", "");
            testsupport::writeFile(mesh + u'/' + rel, text);
        }
        QVERIFY(findPlaceholders(mesh, r.written).isEmpty());
        QCOMPARE(assessed(true), level);
    }

    /// `meshscope maturity` over the synced sample mesh: text and JSON.
    void cliOutput()
    {
        QTemporaryDir dir;
        const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
        QVERIFY(sync(cachePath, testsupport::source(QStringLiteral("resources/sample-mesh"))).size() < 1000);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), dir.path());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(MESHSCOPE_BINARY), {QStringLiteral("maturity"), QStringLiteral("--cache"), cachePath,
                                                   QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        {
            // The streamed JSON is the document the product page reads (maturity::toJson).
            sql::Connection db = cache::openCache(cachePath);
            QCOMPARE(o, maturity::toJson(evaluateMaturity(db)));
        }
        const QJsonArray products = o.value(QLatin1String("products")).toArray();
        QCOMPARE(products.size(), 34);
        QSet<int> levels;
        for (const QJsonValue &v : products) {
            const QJsonObject pr = v.toObject();
            levels.insert(pr.value(QLatin1String("level")).toInt());
            QCOMPARE(pr.value(QLatin1String("criteria")).toArray().size(), 14);
            QVERIFY(pr.contains(QLatin1String("met")) && pr.contains(QLatin1String("missing")));
        }
        QCOMPARE(levels, (QSet<int>{0, 1, 2, 3}));
        QCOMPARE(o.value(QLatin1String("lighthouse")).toArray(), QJsonArray{QStringLiteral("orders")});

        p.start(QStringLiteral(MESHSCOPE_BINARY), {QStringLiteral("maturity"), QStringLiteral("--cache"), cachePath,
                                                   QStringLiteral("--domain"), QStringLiteral("orders")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(text.contains(QLatin1String("orders / order-events  level ")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("next steps to level")));
        QVERIFY(text.contains(QLatin1String("(lighthouse)")));
        QVERIFY(!text.contains(QLatin1String("payments /")));

        p.start(QStringLiteral(MESHSCOPE_BINARY), {QStringLiteral("new"), QStringLiteral("product"), QStringLiteral("--mesh"),
                                                   dir.path(), QStringLiteral("--domain"), QStringLiteral("x"),
                                                   QStringLiteral("--name"), QStringLiteral("../../escape")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QLatin1String("'..'")));
    }
};

QTEST_GUILESS_MAIN(TestMaturity)
#include "tst_maturity.moc"
