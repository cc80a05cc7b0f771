// Contract diff against a synced cache: contracts by id@version, the consumers a breaking change
// reaches, and `meshscope diff` as a CI gate (exit codes, JSON, errors on stderr).
#include "cache/cachefile.h"
#include "cli.h"
#include "contracts/cachedcontract.h"
#include "contracts/diffreport.h"
#include "contracts/impact.h"
#include "importers/importer.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace meshscope;
using namespace meshscope::diff;

namespace {

QString sampleContract(const char *name)
{
    return testsupport::source(QStringLiteral("resources/sample-mesh/contracts/orders/") + QLatin1String(name));
}

Contract loadFile(const QString &path)
{
    const ImportResult r = importDocument(path, testsupport::readAll(path));
    if (r.contracts.empty())
        qFatal("no contract in %s", qPrintable(path));
    return r.contracts.front();
}

QSet<QString> productIds(const Impact &impact)
{
    QSet<QString> out;
    for (const AffectedProduct &p : impact.products)
        out.insert(p.id);
    return out;
}

const QString kHead = QStringLiteral("apiVersion: v3.1.0\nkind: DataContract\nid: shop.orders\nstatus: active\n");
const QString kSchema = QStringLiteral("schema:\n  - name: orders\n    properties:\n"
                                       "      - name: id\n        logicalType: integer\n        description: Order id\n");

} // namespace

class TestContractDiffImpact : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cache;
    sql::Connection m_db;

    QString write(const QString &name, const QString &text)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        f.write(text.toUtf8());
        return path;
    }

    static int diff(const QStringList &arguments)
    {
        return cli::run(QStringList{QStringLiteral("meshscope"), QStringLiteral("diff")} + arguments);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cache = m_dir.filePath(QStringLiteral("cache.sqlite"));
        SyncEngine(m_cache).run({testsupport::source(QStringLiteral("resources/sample-mesh"))});
        m_db = cache::openCache(m_cache, true);
    }

    void contractsByIdAndVersion()
    {
        QCOMPARE(parseContractRef(QStringLiteral("orders.order_events@1.3.0")).version, QStringLiteral("1.3.0"));
        QCOMPARE(parseContractRef(QStringLiteral("orders.order_events")).id, QStringLiteral("orders.order_events"));
        QVERIFY(parseContractRef(QStringLiteral("orders.order_events")).version.isEmpty());

        QCOMPARE(cachedVersions(m_db, QStringLiteral("orders.order_events")), (QStringList{"1.3.0", "2.0.0"}));
        QString source;
        const auto current = loadCachedContract(m_db, {QStringLiteral("orders.order_events"), {}}, &source);
        QVERIFY(current);
        QCOMPARE(current->version, QStringLiteral("1.3.0")); // the active one, not the higher proposal
        QVERIFY(source.endsWith(QStringLiteral("orders.order_events.odcs.yaml")));
        const auto proposed = loadCachedContract(m_db, {QStringLiteral("orders.order_events"), "2.0.0"}, &source);
        QVERIFY(proposed);
        QCOMPARE(proposed->status, QStringLiteral("proposed"));
        QVERIFY(source.endsWith(QStringLiteral("v2.proposed.odcs.yaml")));

        // Read back from the cached document, it is the very contract the file holds (nothing lost).
        QVERIFY(diffContracts(*current, loadFile(sampleContract("orders.order_events.odcs.yaml"))).isEmpty());
        QVERIFY(!loadCachedContract(m_db, {QStringLiteral("orders.order_events"), "9.9.9"}));
        QVERIFY(!loadCachedContract(m_db, {QStringLiteral("no.such_contract"), {}}));
    }

    void consumersOfOrderEvents()
    {
        const Contract contract = loadFile(sampleContract("orders.order_events.odcs.yaml"));
        ImpactAnalyzer analyzer(m_db);
        QCOMPARE(analyzer.datasetsOf(contract), QStringList{"postgres://northwind.orders.order_events"});

        const Impact impact = analyzer.consumersOf(contract);
        // Seven input ports and three manifests naming it as a lineage source; the producer is left out.
        const QSet<QString> expected = {"fraud-scores", "shipments", "loyalty-points-ledger", "campaign-attribution",
                                        "customer-segments", "order-status-stream", "returns",
                                        "customer-360", "orders-facts", "revenue-daily"};
        QCOMPARE(productIds(impact), expected);
        for (const AffectedProduct &p : impact.products) {
            QVERIFY2(!p.domainId.isEmpty(), qPrintable(p.id));
            QVERIFY2(!p.owner.isEmpty(), qPrintable(p.id));
            if (p.id == u"fraud-scores") {
                QCOMPARE(p.via, QStringLiteral("input port"));
                QCOMPARE(p.owner, QStringLiteral("ines.costa@northwind.example"));
            }
            if (p.id == u"revenue-daily")
                QCOMPARE(p.via, QStringLiteral("lineage source"));
        }
        // Downstream in the lineage graph: the dbt exposure no product owns comes with its own owner.
        bool sawExposure = false;
        for (const AffectedDataset &d : impact.datasets) {
            QVERIFY(d.id != u"postgres://northwind.orders.order_events");
            if (d.id == u"dbt-exposure://weekly_board_pack") {
                sawExposure = true;
                QVERIFY(d.productId.isEmpty());
                QCOMPARE(d.owner, QStringLiteral("olivia.bennett@northwind.example"));
                QVERIFY(d.distance >= 2);
            }
            if (d.id == u"postgres://northwind.orders.fct_orders") {
                QCOMPARE(d.distance, 1);
                QCOMPARE(d.productId, QStringLiteral("orders-facts"));
            }
        }
        QVERIFY(sawExposure);
    }

    void breakingImpactOfTheProposal()
    {
        const Contract active = *loadCachedContract(m_db, {QStringLiteral("orders.order_events"), "1.3.0"});
        const Contract proposed = *loadCachedContract(m_db, {QStringLiteral("orders.order_events"), "2.0.0"});
        const ContractDiff d = diffContracts(active, proposed);
        ImpactAnalyzer analyzer(m_db);
        const std::vector<ChangeImpact> impacts = analyzer.breakingImpact(active, d);
        QCOMPARE(impacts.size(), size_t(3));
        QCOMPARE(impacts[0].path, QStringLiteral("schema.order_events.properties.legacy_status_code"));
        QCOMPARE(impacts[0].rule, QStringLiteral("property-removed"));
        for (const ChangeImpact &ci : impacts)
            QCOMPARE(ci.impact.products.size(), size_t(10));
        const ImpactSummary s = summarizeImpact(impacts);
        QCOMPARE(s.products, 10);
        QCOMPARE(s.domains, 7);
        QVERIFY2(s.text.startsWith(QStringLiteral("breaks 10 products in 7 domains: customer (customer-360), "
                                                  "finance (revenue-daily), fraud (fraud-scores), ")),
                 qPrintable(s.text));
        QVERIFY(s.text.contains(QStringLiteral("orders (order-status-stream, orders-facts, returns)")));
        QCOMPARE(summarizeImpact({}).text, QStringLiteral("no breaking changes"));
    }

    /// A change inside one schema object follows that object's dataset only.
    void impactFollowsTheChangedObject()
    {
        Contract contract = loadFile(sampleContract("orders.order_events.odcs.yaml"));
        SchemaObject lines;
        lines.name = QStringLiteral("lines");
        lines.physicalName = QStringLiteral("order_lines");
        contract.schema << lines;
        ImpactAnalyzer analyzer(m_db);
        QCOMPARE(analyzer.datasetsOf(contract, QStringLiteral("lines")), QStringList{"postgres://northwind.orders.order_lines"});
        QCOMPARE(analyzer.datasetsOf(contract).size(), 2);
        QSet<QString> fromEvents, fromLines;
        for (const AffectedDataset &d : analyzer.consumersOf(contract, QStringLiteral("order_events")).datasets)
            fromEvents.insert(d.id);
        for (const AffectedDataset &d : analyzer.consumersOf(contract, QStringLiteral("lines")).datasets)
            fromLines.insert(d.id);
        QVERIFY(fromEvents.contains("postgres://northwind.fraud.fraud_scores"));
        QVERIFY(!fromLines.contains("postgres://northwind.fraud.fraud_scores"));
        QVERIFY(fromLines.contains("postgres://northwind.orders.fct_orders"));
    }

    void unknownContractBreaksNoKnownProducts()
    {
        const QString dir = QStringLiteral("datacontract/datacontract-cli/tests/fixtures/changelog/integration/");
        const Contract v1 = loadFile(testsupport::corpus(dir + "changelog_integration_v1.yaml"));
        const Contract v2 = loadFile(testsupport::corpus(dir + "changelog_integration_v2.yaml"));
        ImpactAnalyzer analyzer(m_db);
        const auto impacts = analyzer.breakingImpact(v1, diffContracts(v1, v2));
        QCOMPARE(impacts.size(), size_t(4));
        QVERIFY(analyzer.datasetsOf(v1).isEmpty());
        QCOMPARE(summarizeImpact(impacts).text, QStringLiteral("breaks no known products"));
    }

    void exitCodes()
    {
        const QString base = write("base.yaml", kHead + "version: 1.0.0\n" + kSchema);
        const QString optional = write("optional.yaml", kHead + "version: 1.1.0\n" + kSchema
                                                            + "      - name: note\n        logicalType: string\n");
        const QString documented = write("documented.yaml", kHead + "version: 1.0.0\n" + QString(kSchema).replace("Order id", "The order id"));
        const QString removed = write("removed.yaml", kHead + "version: 2.0.0\nschema:\n  - name: orders\n");

        QCOMPARE(diff({base, base, "--no-impact"}), 0);
        QCOMPARE(diff({base, base, "--fail-on", "info", "--no-impact"}), 0);
        QCOMPARE(diff({base, optional, "--no-impact"}), 0);
        QCOMPARE(diff({base, optional, "--fail-on", "non-breaking", "--no-impact"}), 1);
        QCOMPARE(diff({base, documented, "--fail-on", "non-breaking", "--no-impact"}), 0);
        QCOMPARE(diff({base, documented, "--fail-on", "info", "--no-impact"}), 1);
        QCOMPARE(diff({base, removed, "--cache", m_cache}), 1);
        // The version: an info change needs 1.0.1, documented.yaml kept 1.0.0.
        QCOMPARE(diff({base, documented, "--no-impact"}), 0);
        QCOMPARE(diff({base, documented, "--check-version", "--no-impact"}), 1);
        QCOMPARE(diff({base, optional, "--check-version", "--no-impact"}), 0);
        // Contracts named by id in the cache, and a file against a cached version.
        QCOMPARE(diff({"orders.order_events@1.3.0", "orders.order_events@2.0.0", "--cache", m_cache}), 1);
        QCOMPARE(diff({"orders.order_events", "orders.order_events@1.3.0", "--cache", m_cache}), 0);
        QCOMPARE(diff({"orders.order_events", sampleContract("orders.order_events.odcs.yaml"), "--cache", m_cache,
                       "--fail-on", "info"}),
                 0);
    }

    void badInputExitsTwo()
    {
        const QString base = write("base2.yaml", kHead + "version: 1.0.0\n" + kSchema);
        const QString broken = write("broken.yaml", "apiVersion: v3.1.0\nkind: DataContract\nversion: 1.0.0\n");
        const QString product = testsupport::source("resources/sample-mesh/products/orders/order-events.odps.yaml");
        QCOMPARE(diff({base}), 2);
        QCOMPARE(diff({base, base, base}), 2);
        QCOMPARE(diff({base, base, "--fail-on", "major"}), 2);
        QCOMPARE(diff({base, m_dir.filePath("missing.yaml"), "--cache", m_cache}), 2);
        QCOMPARE(diff({base, broken, "--no-impact"}), 2);
        QCOMPARE(diff({base, product, "--no-impact"}), 2);
        QCOMPARE(diff({"orders.no_such_contract", base, "--cache", m_cache}), 2);
        QCOMPARE(diff({"orders.order_events@1.3.0", base, "--cache", m_dir.filePath("no-cache.sqlite")}), 2);
        QCOMPARE(diff({"--help"}), 0);
    }

    /// The installed binary: JSON on stdout, diagnostics on stderr, and a default cache that does not exist.
    void binaryJsonAndStderr()
    {
        if (!QFileInfo::exists(MESHSCOPE_BINARY))
            QSKIP("the meshscope binary is not built");
        QProcess process;
        process.start(MESHSCOPE_BINARY, {"diff", "orders.order_events@1.3.0", "orders.order_events@2.0.0", "--cache",
                                         m_cache, "--json"});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 1);
        const QJsonObject o = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QCOMPARE(o.value("summary").toObject(), (QJsonObject{{"breaking", 3}, {"nonBreaking", 1}, {"info", 4}}));
        QCOMPARE(o.value("requiredVersion").toString(), QStringLiteral("2.0.0"));
        QCOMPARE(o.value("versionOk").toBool(), true);
        QCOMPARE(o.value("impact").toArray().size(), 3);
        QCOMPARE(o.value("impactSummary").toObject().value("products").toInt(), 10);
        QCOMPARE(o.value("old").toObject().value("version").toString(), QStringLiteral("1.3.0"));

        const QString broken = write("broken2.yaml", "apiVersion: v3.1.0\nkind: DataContract\nversion: 1.0.0\n");
        process.start(MESHSCOPE_BINARY, {"diff", broken, broken});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 2);
        const QString error = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(error.contains(broken + ":") && error.contains(": error: ") && error.contains("`id`"),
                 qPrintable(error));

        // Files and no cache anywhere: the diff runs, impact is unknown rather than an error.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_CACHE_HOME", m_dir.filePath("empty-cache-home"));
        process.setProcessEnvironment(env);
        process.start(MESHSCOPE_BINARY, {"diff", sampleContract("orders.order_events.odcs.yaml"),
                                         sampleContract("orders.order_events.v2.proposed.odcs.yaml")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 1);
        const QString text = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(text.contains("Impact: unknown (no cache at "), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestContractDiffImpact)
#include "tst_contractdiff_impact.moc"
