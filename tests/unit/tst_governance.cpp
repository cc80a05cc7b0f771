#include "governance/governance.h"
#include "governance/rulecontext.h"
#include "sync/syncengine.h"
#include "cache/cachefile.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace meshscope;
using namespace meshscope::governance;

namespace {

/// A policy in the seeds' shape with every rule kind switched on.
GovernancePolicy testPolicy()
{
    GovernancePolicy p;
    p.id = QStringLiteral("global-test");
    p.spec = QJsonDocument::fromJson(R"({
      "naming_conventions": {"tables": "snake_case", "columns": "snake_case", "products": "kebab-case",
                             "topics": "{domain}.{product-name}.v{version}"},
      "required_metadata": ["owner", "description", "classification", "retention"],
      "pii_handling": {"detection": "declared", "default_classification": "restricted",
                       "actions": [{"field_type": "email", "action": "hash_sha256"}]},
      "quality_requirements": {"required_checks": ["null_rate_below_threshold", "no_duplicate_primary_keys",
                                                   "row_count_within_range", "freshness_within_slo"]},
      "slo_requirements": {"freshness_required": true, "min_availability": 99.0},
      "contracts": {"required_on_output_ports": true},
      "documentation": {"required": true}
    })").object();
    return p;
}

QualityRule rule(const char *metric)
{
    QualityRule r;
    r.metric = QLatin1String(metric);
    return r;
}

ContractProperty property(const char *name, const char *classification)
{
    ContractProperty p;
    p.name = QLatin1String(name);
    p.classification = QLatin1String(classification);
    p.description = QStringLiteral("What %1 means.").arg(p.name);
    return p;
}

/// A product and contract that satisfy every rule of testPolicy().
struct Fixture {
    MeshData mesh;

    Fixture()
    {
        DataProduct p;
        p.id = QStringLiteral("sales-orders");
        p.name = QStringLiteral("Sales orders");
        p.domainId = QStringLiteral("sales");
        p.owner = QStringLiteral("sales-team@example.com");
        p.version = QStringLiteral("1.0.0");
        p.description = QStringLiteral("Every order placed in the web shop, one row per order.");
        Port port;
        port.name = QStringLiteral("orders-table");
        port.type = QStringLiteral("tables");
        port.location = QStringLiteral("sales.orders");
        port.contractId = QStringLiteral("sales.orders");
        p.outputPorts << port;

        Contract c;
        c.id = QStringLiteral("sales.orders");
        c.version = QStringLiteral("1.0.0");
        c.status = QStringLiteral("active");
        c.sla << ServiceLevel{QStringLiteral("latency"), QStringLiteral("2"), QStringLiteral("h"), {}}
              << ServiceLevel{QStringLiteral("availability"), QStringLiteral("99.9"), QStringLiteral("%"), {}}
              << ServiceLevel{QStringLiteral("retention"), QStringLiteral("2"), QStringLiteral("y"), {}};
        SchemaObject o;
        o.name = QStringLiteral("orders");
        o.physicalName = QStringLiteral("orders");
        o.description = QStringLiteral("One row per order.");
        ContractProperty id = property("order_id", "internal");
        id.primaryKey = true;
        id.required = true;
        id.quality << rule("nullValues");
        ContractProperty email = property("customer_email", "restricted");
        email.pii = true;
        email.custom.insert(QStringLiteral("customProperties"),
                            QJsonObject{{QStringLiteral("pii"), true}, {QStringLiteral("maskingStrategy"), QStringLiteral("hash_sha256")}});
        o.properties << id << email;
        o.quality << rule("duplicateValues") << rule("rowCount");
        c.schema << o;

        mesh.products.push_back(p);
        mesh.contracts.push_back(c);
        mesh.policies.push_back(testPolicy());
        mesh.index();
    }

    DataProduct &product() { return mesh.products.front(); }
    Contract &contract() { return mesh.contracts.front(); }
    ContractProperty &field(int i) { return contract().schema.first().properties[i]; }

    std::vector<Violation> check()
    {
        mesh.index();
        const EffectivePolicy policy = resolvePolicy(mesh.policies, product().domainId, mesh.domainParent);
        return checkProduct(product(), mesh, policy);
    }
};

QString describe(const std::vector<Violation> &vs)
{
    QStringList out;
    for (const Violation &v : vs)
        out << v.rule + QLatin1Char(' ') + severityName(v.severity) + QLatin1Char(' ') + v.target + QStringLiteral(": ") + v.message;
    return out.join(QLatin1Char('\n'));
}

} // namespace

/// Each rule: the fixture product passes it; one change breaks it and yields exactly that violation.
class TestGovernance : public QObject {
    Q_OBJECT

    void expectOnly(const std::function<void(Fixture &)> &breakIt, const char *rule, Severity severity,
                    const QString &target = {})
    {
        Fixture f;
        const std::vector<Violation> before = f.check();
        QVERIFY2(before.empty(), qPrintable(describe(before)));
        breakIt(f);
        const std::vector<Violation> after = f.check();
        QVERIFY2(after.size() == 1, qPrintable(describe(after)));
        QCOMPARE(after.front().rule, QLatin1String(rule));
        QCOMPARE(after.front().severity, severity);
        QCOMPARE(after.front().policyId, QStringLiteral("global-test"));
        QCOMPARE(after.front().productId, f.product().id);
        QVERIFY(!after.front().message.isEmpty());
        QVERIFY(!after.front().remediation.isEmpty());
        if (!target.isEmpty())
            QCOMPARE(after.front().target, target);
    }

private Q_SLOTS:
    void theFixturePassesEveryRule()
    {
        Fixture f;
        QVERIFY2(f.check().empty(), qPrintable(describe(f.check())));
    }

    void namingColumns()
    {
        expectOnly([](Fixture &f) { f.field(0).name = QStringLiteral("orderId"); f.field(0).quality.clear(); f.field(0).primaryKey = false; },
                   "naming.columns", Severity::Warning, QStringLiteral("sales.orders.orders.orderId"));
        QVERIFY(rules::followsCase(QStringLiteral("order_id"), QStringLiteral("snake_case")));
        QVERIFY(!rules::followsCase(QStringLiteral("Order_ID"), QStringLiteral("snake_case")));
        QVERIFY(rules::followsCase(QStringLiteral("orderId"), QStringLiteral("camelCase")));
    }

    void namingTables()
    {
        expectOnly([](Fixture &f) { f.contract().schema.first().physicalName = QStringLiteral("SalesOrders"); },
                   "naming.tables", Severity::Warning);
    }

    void namingProducts()
    {
        expectOnly([](Fixture &f) { f.product().id = QStringLiteral("sales_orders"); }, "naming.products", Severity::Warning);
    }

    void namingTopics()
    {
        Fixture ok;
        Port topic;
        topic.name = QStringLiteral("events");
        topic.type = QStringLiteral("kafka");
        topic.location = QStringLiteral("sales.sales-orders.v1");
        topic.contractId = QStringLiteral("sales.orders");
        ok.product().outputPorts << topic;
        QVERIFY2(ok.check().empty(), qPrintable(describe(ok.check())));
        expectOnly([topic](Fixture &f) {
            Port bad = topic;
            bad.location = QStringLiteral("salesOrdersTopic");
            f.product().outputPorts << bad;
        }, "naming.topics", Severity::Warning, QStringLiteral("sales-orders/events"));
    }

    void requiredMetadataOwner()
    {
        expectOnly([](Fixture &f) { f.product().owner.clear(); }, "metadata.required", Severity::Error);
    }

    void requiredMetadataClassification()
    {
        // No product-level classification and one contract field without one.
        expectOnly([](Fixture &f) { f.field(0).classification.clear(); f.field(0).tags << QStringLiteral("pii-free");
                                     f.field(0).custom.insert(QStringLiteral("customProperties"), QJsonObject{{QStringLiteral("pii"), false}}); },
                   "metadata.required", Severity::Error);
    }

    void requiredMetadataRetention()
    {
        expectOnly([](Fixture &f) { f.contract().sla.removeLast(); }, "metadata.required", Severity::Error);
    }

    void piiTagging()
    {
        Fixture f;
        f.product().custom.insert(QStringLiteral("classification"), QStringLiteral("internal"));
        f.field(0).classification.clear();
        const std::vector<Violation> vs = f.check();
        QVERIFY2(vs.size() == 1, qPrintable(describe(vs)));
        QCOMPARE(vs.front().rule, QStringLiteral("pii.tagging"));
        QCOMPARE(vs.front().target, QStringLiteral("sales.orders.orders.order_id"));
    }

    void piiMaskingMissingIsAnError()
    {
        expectOnly([](Fixture &f) { f.field(1).custom.insert(QStringLiteral("customProperties"), QJsonObject{{QStringLiteral("pii"), true}}); },
                   "pii.masking", Severity::Error, QStringLiteral("sales.orders.orders.customer_email"));
        // "none" says it is published as is.
        expectOnly([](Fixture &f) { f.field(1).custom.insert(QStringLiteral("customProperties"),
                                        QJsonObject{{QStringLiteral("pii"), true}, {QStringLiteral("maskingStrategy"), QStringLiteral("none")}}); },
                   "pii.masking", Severity::Error);
    }

    void piiMaskingOtherThanThePolicysIsAWarning()
    {
        Fixture f;
        f.field(1).custom.insert(QStringLiteral("customProperties"),
                                 QJsonObject{{QStringLiteral("pii"), true}, {QStringLiteral("maskingStrategy"), QStringLiteral("redact")}});
        const std::vector<Violation> vs = f.check();
        QVERIFY2(vs.size() == 1, qPrintable(describe(vs)));
        QCOMPARE(vs.front().rule, QStringLiteral("pii.masking"));
        QCOMPARE(vs.front().severity, Severity::Warning);
        QVERIFY(vs.front().remediation.contains(QStringLiteral("hash_sha256")));
    }

    void piiClassification()
    {
        expectOnly([](Fixture &f) { f.field(1).classification = QStringLiteral("internal"); }, "pii.classification",
                   Severity::Warning);
        // Unmasked and under-classified: both, and the classification one is an error.
        Fixture f;
        f.field(1).classification = QStringLiteral("internal");
        f.field(1).custom = QJsonObject{{QStringLiteral("customProperties"), QJsonObject{{QStringLiteral("pii"), true}}}};
        const std::vector<Violation> vs = f.check();
        QCOMPARE(int(vs.size()), 2);
        QCOMPARE(vs[1].rule, QStringLiteral("pii.classification"));
        QCOMPARE(vs[1].severity, Severity::Error);
    }

    void sloFreshnessDefined()
    {
        expectOnly([](Fixture &f) {
            f.contract().sla.removeFirst();
            // keep the freshness check satisfied by a rule, so only the SLO rule fires
            f.contract().schema.first().quality << rule("freshness");
        }, "slo.freshness", Severity::Error);
    }

    void sloMinimumAvailability()
    {
        expectOnly([](Fixture &f) { f.contract().sla[1].value = QStringLiteral("98.5"); }, "slo.availability",
                   Severity::Warning);
        // The product's own slo counts too, and a share reads as percent.
        Fixture f;
        f.contract().sla.removeAt(1);
        f.product().slos << ServiceLevel{QStringLiteral("availability"), QStringLiteral("0.995"), {}, {}};
        QVERIFY2(f.check().empty(), qPrintable(describe(f.check())));
    }

    void requiredNotNullCheck()
    {
        expectOnly([](Fixture &f) { f.field(0).quality.clear(); }, "checks.required", Severity::Error,
                   QStringLiteral("sales.orders.orders.order_id"));
    }

    void requiredDuplicateCheck()
    {
        expectOnly([](Fixture &f) { f.contract().schema.first().quality.removeFirst(); }, "checks.required", Severity::Error);
    }

    void requiredRowCountCheck()
    {
        expectOnly([](Fixture &f) { f.contract().schema.first().quality.removeLast(); }, "checks.required",
                   Severity::Warning);
    }

    void requiredNamedCheck()
    {
        Fixture f;
        QJsonObject spec = f.mesh.policies.front().spec;
        QJsonObject quality = spec.value(QStringLiteral("quality_requirements")).toObject();
        quality.insert(QStringLiteral("required_checks"), QJsonArray{QStringLiteral("amounts_reconcile_with_psp")});
        spec.insert(QStringLiteral("quality_requirements"), quality);
        f.mesh.policies.front().spec = spec;
        std::vector<Violation> vs = f.check();
        QCOMPARE(int(vs.size()), 1);
        QVERIFY(vs.front().message.contains(QStringLiteral("amounts_reconcile_with_psp")));
        QualityRule named;
        named.name = QStringLiteral("amounts_reconcile_with_psp");
        named.type = QStringLiteral("sql");
        f.contract().quality << named;
        QVERIFY2(f.check().empty(), qPrintable(describe(f.check())));
    }

    void contractOnEveryOutputPort()
    {
        expectOnly([](Fixture &f) {
            Port stream;
            stream.name = QStringLiteral("api");
            stream.type = QStringLiteral("rest");
            f.product().outputPorts << stream;
        }, "contracts.output_ports", Severity::Error, QStringLiteral("sales-orders/api"));
    }

    void documentationCompleteness()
    {
        expectOnly([](Fixture &f) { f.product().description = QStringLiteral("Orders"); }, "documentation.product",
                   Severity::Warning);
        expectOnly([](Fixture &f) { f.field(0).description.clear(); }, "documentation.fields", Severity::Warning,
                   QStringLiteral("sales.orders"));
    }

    void scoreFormula()
    {
        QCOMPARE(governanceScore(0, 0), 100.0);
        QCOMPARE(governanceScore(1, 0), 90.0);
        QCOMPARE(governanceScore(0, 1), 98.0);
        QCOMPARE(governanceScore(3, 5), 60.0);
        QCOMPARE(governanceScore(9, 5), 0.0);
        QCOMPARE(governanceScore(12, 0), 0.0); // floored, never negative
    }

    void scoresPerProductDomainAndMesh()
    {
        Fixture f;
        DataProduct second = f.product();
        second.id = QStringLiteral("sales-returns");
        second.owner.clear();                              // 1 error
        second.description = QStringLiteral("Returns");    // 1 warning
        DataProduct third = f.product();
        third.id = QStringLiteral("stock");
        third.domainId = QStringLiteral("inventory");
        f.mesh.products.push_back(second);
        f.mesh.products.push_back(third);
        const GovernanceReport r = evaluateGovernance(f.mesh);
        QCOMPARE(int(r.products.size()), 3);
        QCOMPARE(r.products[1].score, 88.0);
        QVERIFY(!r.products[1].passes());
        QVERIFY(r.products[0].passes());
        QCOMPARE(int(r.domains.size()), 2);
        QCOMPARE(r.domains[1].domainId, QStringLiteral("sales"));
        QCOMPARE(r.domains[1].score, 94.0); // (100 + 88) / 2
        QCOMPARE(r.domains[1].passing, 1);
        QCOMPARE(r.domains[0].score, 100.0);
        QCOMPARE(r.meshScore, (100.0 + 88.0 + 100.0) / 3);
        QCOMPARE(r.errors, 1);
        QCOMPARE(r.warnings, 1);
    }

    void domainPoliciesExtendTheGlobalOnes()
    {
        GovernancePolicy global = testPolicy();
        GovernancePolicy payments;
        payments.id = QStringLiteral("payments-standards");
        payments.domainId = QStringLiteral("payments");
        payments.extends = global.id;
        payments.spec = QJsonDocument::fromJson(R"({
          "slo_requirements": {"min_availability": 99.95},
          "pii_handling": {"actions": [{"field_type": "iban", "action": "mask_last_4"}]}
        })").object();
        const std::vector<GovernancePolicy> policies{global, payments};
        QHash<QString, QString> parents{{QStringLiteral("fraud"), QStringLiteral("payments")}};

        const EffectivePolicy sales = resolvePolicy(policies, QStringLiteral("sales"), parents);
        QCOMPARE(sales.minAvailability, 99.0);
        QCOMPARE(sales.policyIds, QStringList{QStringLiteral("global-test")});

        // Sub-domains inherit their parent's policy; untouched sections stay global.
        const EffectivePolicy fraud = resolvePolicy(policies, QStringLiteral("fraud"), parents);
        QCOMPARE(fraud.minAvailability, 99.95);
        QVERIFY(fraud.freshnessRequired);
        QCOMPARE(fraud.piiActions.value(QStringLiteral("email")), QStringLiteral("hash_sha256"));
        QCOMPARE(fraud.piiActions.value(QStringLiteral("iban")), QStringLiteral("mask_last_4"));
        QCOMPARE(fraud.policyFor(QStringLiteral("slo_requirements")), QStringLiteral("payments-standards"));
        QCOMPARE(fraud.policyFor(QStringLiteral("naming_conventions")), QStringLiteral("global-test"));

        Fixture f;
        f.product().domainId = QStringLiteral("payments");
        f.mesh.policies = policies;
        const std::vector<Violation> vs = f.check();
        QCOMPARE(int(vs.size()), 1); // 99.9% no longer enough
        QCOMPARE(vs.front().rule, QStringLiteral("slo.availability"));
        QCOMPARE(vs.front().policyId, QStringLiteral("payments-standards"));
    }

    void aMeshWithoutPoliciesGetsTheDefaultSet()
    {
        const EffectivePolicy p = resolvePolicy({}, QStringLiteral("sales"), {});
        QVERIFY(p.builtIn);
        QCOMPARE(p.policyIds, QStringList{QStringLiteral("meshscope-default")});
        QCOMPARE(p.columnCase, QStringLiteral("snake_case"));
        QVERIFY(p.freshnessRequired);
        QVERIFY(p.contractRequiredOnOutputPorts);
        QCOMPARE(p.requiredMetadata.size(), 4);
        Fixture f;
        f.mesh.policies.clear();
        f.product().outputPorts.first().contractId.clear();
        const GovernanceReport r = evaluateGovernance(f.mesh);
        QVERIFY(r.builtInPolicy);
        QVERIFY(std::any_of(r.products[0].violations.begin(), r.products[0].violations.end(), [](const Violation &v) {
            return v.rule == u"contracts.output_ports" && v.policyId == u"meshscope-default";
        }));
    }

    /// The seeds' PRIVACY-001: a manifest field with no `pii` key is an error in the default policy, in
    /// the seeds' words; `pii: false` is not. Read through a sync, so the cache keeps "not stated".
    void manifestFieldWithoutPiiKeyIsTheSeedsError()
    {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath("mesh")));
        QFile file(dir.filePath("mesh/deliveries.manifest.yaml"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: datamesh.example.com/v1\n"
                   "kind: DataProduct\n"
                   "metadata: {name: deliveries, domain: fulfillment, owner: team@example.com}\n"
                   "spec:\n"
                   "  description: Every delivery with its recipient, one row per parcel.\n"
                   "  schema:\n"
                   "    fields:\n"
                   "      - {name: parcel_id, type: string, description: Parcel., pii: false}\n"
                   "      - {name: recipient_phone, type: string, description: Phone number of the recipient.}\n");
        file.close();
        const QString cache = dir.filePath("cache.sqlite");
        const SyncReport sync = SyncEngine(cache).run({dir.filePath("mesh")});
        QVERIFY2(sync.fatalError.isEmpty(), qPrintable(sync.fatalError));
        sql::Connection db = cache::openCache(cache);
        const GovernanceReport r = evaluateGovernance(loadMeshData(db));
        QVERIFY(r.builtInPolicy);
        QCOMPARE(int(r.products.size()), 1);
        const ProductGovernance &g = r.products[0];
        int privacy = 0;
        for (const Violation &v : g.violations) {
            if (v.target.endsWith(QLatin1String(".parcel_id")))
                QVERIFY2(v.rule != u"pii.tagging", qPrintable(describe(g.violations)));
            if (v.message == u"Field 'recipient_phone' missing PII classification") {
                QCOMPARE(v.severity, Severity::Error);
                QCOMPARE(v.rule, QStringLiteral("pii.tagging"));
                QCOMPARE(v.remediation, QStringLiteral("Add 'pii: true/false' to classify the field"));
                QCOMPARE(v.target, QStringLiteral("deliveries.recipient_phone"));
                ++privacy;
            }
        }
        QVERIFY2(privacy == 1, qPrintable(describe(g.violations)));
        QVERIFY(g.errors >= 1);
        QCOMPARE(g.score, std::max(0.0, 100.0 - 10.0 * g.errors - 2.0 * g.warnings));
    }

    /// A cache written before PII became a tri-state stored absent keys and `pii: false` alike: migration
    /// 3 has its manifests read again at the next sync, although their text did not change.
    void anOlderCacheReadsItsManifestsAgain()
    {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath("mesh")));
        QFile file(dir.filePath("mesh/deliveries.manifest.yaml"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: datamesh.example.com/v1\n"
                   "kind: DataProduct\n"
                   "metadata: {name: deliveries, domain: fulfillment, owner: team@example.com}\n"
                   "spec:\n"
                   "  schema:\n"
                   "    fields:\n"
                   "      - {name: recipient_phone, type: string}\n");
        file.close();
        const QString cache = dir.filePath("cache.sqlite");
        QVERIFY(SyncEngine(cache).run({dir.filePath("mesh")}).fatalError.isEmpty());
        {
            // As the previous schema left it: version 2, nothing waiting to be read again.
            sql::Connection db = cache::openCache(cache);
            db.exec("UPDATE documents SET needs_reimport = 0; PRAGMA user_version = 2;");
        }
        const SyncReport again = SyncEngine(cache).run({dir.filePath("mesh")});
        QVERIFY2(again.fatalError.isEmpty(), qPrintable(again.fatalError));
        QCOMPARE(again.filesParsed, 1);
        const SyncReport third = SyncEngine(cache).run({dir.filePath("mesh")});
        QCOMPARE(third.filesParsed, 0); // once only
    }

    void theSampleMeshShowsWhatItBreaksOnPurpose()
    {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache.sqlite"));
        const SyncReport sync = SyncEngine(cache).run({testsupport::source(QStringLiteral("resources/sample-mesh"))});
        QVERIFY2(sync.fatalError.isEmpty(), qPrintable(sync.fatalError));
        sql::Connection db = cache::openCache(cache);
        const MeshData mesh = loadMeshData(db);
        QCOMPARE(int(mesh.products.size()), 34);
        const GovernanceReport r = evaluateGovernance(mesh);
        QVERIFY(!r.builtInPolicy);
        QCOMPARE(r.policyIds, (QStringList{QStringLiteral("global-data-standards"), QStringLiteral("payments-data-standards")}));
        auto find = [&r](const QString &product, const QString &rule, const QString &in = {}) {
            for (const ProductGovernance &p : r.products) {
                if (p.productId != product)
                    continue;
                for (const Violation &v : p.violations) {
                    if (v.rule == rule && (in.isEmpty() || v.message.contains(in) || v.target.contains(in)))
                        return true;
                }
            }
            return false;
        };
        QVERIFY(find(QStringLiteral("order-status-stream"), QStringLiteral("contracts.output_ports")));
        QVERIFY(find(QStringLiteral("product-recommendations"), QStringLiteral("contracts.output_ports")));
        QVERIFY(find(QStringLiteral("email-engagement"), QStringLiteral("metadata.required"), QStringLiteral("owner")));
        QVERIFY(find(QStringLiteral("campaign-performance"), QStringLiteral("metadata.required"), QStringLiteral("classification")));
        QVERIFY(find(QStringLiteral("payment-transactions"), QStringLiteral("checks.required"), QStringLiteral("amounts_reconcile_with_psp")));
        // fraud is a sub-domain of payments: the payments policy applies to it too.
        QVERIFY(find(QStringLiteral("fraud-scores"), QStringLiteral("checks.required"), QStringLiteral("amounts_reconcile_with_psp")));
        QVERIFY(!find(QStringLiteral("revenue-daily"), QStringLiteral("checks.required"), QStringLiteral("amounts_reconcile_with_psp")));
        int camel = 0;
        int unmasked = 0;
        for (const ProductGovernance &p : r.products) {
            for (const Violation &v : p.violations) {
                camel += v.rule == u"naming.columns" ? 1 : 0;
                unmasked += v.rule == u"pii.masking" && v.severity == Severity::Error ? 1 : 0;
            }
        }
        QVERIFY(camel > 0);
        QVERIFY(unmasked > 0);
        // Scores stay readable: some products pass, the mesh is neither perfect nor zero.
        QVERIFY(r.meshScore > 20 && r.meshScore < 100);
    }
};

QTEST_GUILESS_MAIN(TestGovernance)
#include "tst_governance.moc"
