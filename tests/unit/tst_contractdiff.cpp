// The contract diff engine on real contracts: the sample mesh's proposal, datacontract-cli's changelog
// pair, the ODCS examples; matching by key, paths, the version check and the report.
#include "contracts/contractdiff.h"
#include "contracts/diffreport.h"
#include "contracts/semver.h"
#include "importers/importer.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace meshscope;
using namespace meshscope::diff;

namespace {

Contract loadFile(const QString &path)
{
    const ImportResult r = importDocument(path, testsupport::readAll(path));
    if (r.contracts.empty())
        qFatal("no contract in %s", qPrintable(path));
    return r.contracts.front();
}

Contract loadText(const QByteArray &yaml)
{
    const ImportResult r = importDocument(QStringLiteral("inline.yaml"), yaml);
    if (r.contracts.empty())
        qFatal("no contract in:\n%s", yaml.constData());
    return r.contracts.front();
}

QString sampleContract(const char *name)
{
    return testsupport::source(QStringLiteral("resources/sample-mesh/contracts/orders/") + QLatin1String(name));
}

QString changelogFixture(const char *name)
{
    return testsupport::corpus(QStringLiteral("datacontract/datacontract-cli/tests/fixtures/changelog/")
                               + QLatin1String(name));
}

QString odcsExample(const char *name)
{
    return testsupport::corpus(QStringLiteral("bitol-io/open-data-contract-standard/docs/examples/")
                               + QLatin1String(name));
}

const ContractChange *find(const ContractDiff &diff, const QString &path)
{
    for (const ContractChange &c : diff.changes) {
        if (c.path == path)
            return &c;
    }
    return nullptr;
}

QStringList lines(const ContractDiff &diff)
{
    QStringList out;
    for (const ContractChange &c : diff.changes)
        out << severityName(c.severity) + u' ' + changeKindName(c.kind) + u' ' + c.ruleId() + u' ' + c.path;
    return out;
}

/// Compares change lists as text, so that a failure shows both lists in full.
#define COMPARE_LINES(actual, expected) QCOMPARE((actual).join(u'\n'), (expected).join(u'\n'))

template <typename T>
void reverse(QList<T> &list)
{
    std::reverse(list.begin(), list.end());
}

void reverseProperties(QList<ContractProperty> &properties)
{
    reverse(properties);
    for (ContractProperty &p : properties) {
        reverse(p.quality);
        reverse(p.tags);
        reverse(p.examples);
        reverseProperties(p.properties);
    }
}

/// Every list of the contract in reverse order: a diff must see no change.
Contract reversed(Contract c)
{
    reverse(c.schema);
    for (SchemaObject &o : c.schema) {
        reverseProperties(o.properties);
        reverse(o.quality);
        reverse(o.relationships);
        reverse(o.tags);
    }
    reverse(c.quality);
    reverse(c.sla);
    reverse(c.servers);
    reverse(c.roles);
    reverse(c.team);
    reverse(c.support);
    reverse(c.tags);
    return c;
}

} // namespace

class TestContractDiff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    /// The sample mesh's real proposal: order_id integer -> string (a UUID), legacy_status_code removed,
    /// promised_delivery_date added as optional.
    void sampleMeshProposal()
    {
        const Contract active = loadFile(sampleContract("orders.order_events.odcs.yaml"));
        const Contract proposed = loadFile(sampleContract("orders.order_events.v2.proposed.odcs.yaml"));
        const ContractDiff diff = diffContracts(active, proposed);

        const QStringList expected = {
            "info changed other-field-changed contractCreatedTs",
            "info changed description-changed description",
            "breaking removed property-removed schema.order_events.properties.legacy_status_code",
            "info changed description-changed schema.order_events.properties.order_id.description",
            "breaking changed logical-type-changed schema.order_events.properties.order_id.logicalType",
            "breaking changed physical-type-changed schema.order_events.properties.order_id.physicalType",
            "non-breaking added property-added schema.order_events.properties.promised_delivery_date",
            "info changed metadata-changed status",
            "info changed version-changed version",
        };
        COMPARE_LINES(lines(diff), expected); // sorted by path

        const DiffSummary s = diff.summary();
        QCOMPARE(s.breaking, 3);
        QCOMPARE(s.nonBreaking, 1);
        QCOMPARE(s.info, 4); // the version field is not counted
        QCOMPARE(diff.highest(), Severity::Breaking);

        const ContractChange *type = find(diff, "schema.order_events.properties.order_id.logicalType");
        QVERIFY(type);
        QCOMPARE(type->oldValue.toString(), QStringLiteral("integer"));
        QCOMPARE(type->newValue.toString(), QStringLiteral("string"));
        QCOMPARE(type->object, QStringLiteral("order_events"));

        const DiffReport report = makeReport(active, proposed);
        QCOMPARE(report.version.required, QStringLiteral("2.0.0"));
        QVERIFY(report.version.ok);

        // Reading it the other way round: the added property is now removed, the removed one added.
        const ContractDiff back = diffContracts(proposed, active);
        QCOMPARE(find(back, "schema.order_events.properties.promised_delivery_date")->rule, Rule::PropertyRemoved);
        QCOMPARE(find(back, "schema.order_events.properties.legacy_status_code")->rule, Rule::PropertyAdded);
        QCOMPARE(checkVersion(proposed.version, active.version, back.highest()).ok, false);
    }

    /// datacontract-cli's own changelog of its integration pair: each of its Added / Removed / Updated
    /// rows is covered by one of our changes at the same path or a parent path, with a compatible kind.
    void datacontractCliChangelog()
    {
        const Contract v1 = loadFile(changelogFixture("integration/changelog_integration_v1.yaml"));
        const Contract v2 = loadFile(changelogFixture("integration/changelog_integration_v2.yaml"));
        const ContractDiff diff = diffContracts(v1, v2);
        COMPARE_LINES(lines(diff), (QStringList{
                                  "non-breaking added object-added schema.customers",
                                  "breaking removed property-removed schema.orders.properties.customer_id",
                                  "breaking changed logical-type-changed schema.orders.properties.order_date.logicalType",
                                  "info changed description-changed schema.orders.properties.order_id.description",
                                  "non-breaking added property-added schema.orders.properties.region",
                                  "breaking changed property-became-required schema.orders.properties.total_amount.required",
                                  "breaking changed sla-weakened slaProperties.availability.value",
                                  "info changed version-changed version",
                              }));

        const QString golden = QString::fromUtf8(testsupport::readAll(changelogFixture("golden_changelog_text.txt")));
        int rows = 0;
        for (const QString &line : golden.split(u'\n')) {
            const QStringList cells = line.split(QChar(0x2502)); // the table's vertical bar
            if (cells.size() < 3)
                continue;
            const QString change = cells.at(1).trimmed();
            const QString path = cells.at(2).trimmed();
            if (change != u"Added" && change != u"Removed" && change != u"Updated")
                continue;
            ++rows;
            const ContractChange *cover = nullptr;
            for (const ContractChange &c : diff.changes) {
                // Their row is ours, or a detail of an element we report whole, or a summary of our detail.
                if (c.path == path || path.startsWith(c.path + u'.') || c.path.startsWith(path + u'.')) {
                    cover = &c;
                    break;
                }
            }
            QVERIFY2(cover, qPrintable(change + u' ' + path));
            const QString kind = changeKindName(cover->kind);
            if (change == u"Updated" && cover->path != path && path.startsWith(cover->path))
                QFAIL(qPrintable(QStringLiteral("an update under an element we report whole: ") + path));
            QCOMPARE(kind, change == u"Added" ? QStringLiteral("added")
                           : change == u"Removed" ? QStringLiteral("removed")
                                                   : QStringLiteral("changed"));
        }
        QCOMPARE(rows, 8 + 41); // 8 summary rows, 41 detail rows

        const DiffReport report = makeReport(v1, v2);
        QCOMPARE(report.version.required, QStringLiteral("2.0.0"));
        QVERIFY(report.version.ok);
    }

    void reorderingIsNotAChange_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("full example") << odcsExample("all/full-example.odcs.yaml");
        QTest::newRow("adventureworks") << odcsExample("all/postgresql-adventureworks-contract.odcs.yaml");
        QTest::newRow("sample order events") << sampleContract("orders.order_events.odcs.yaml");
        QTest::newRow("dcs orders") << testsupport::corpus("datacontract/datacontract-specification/examples/"
                                                           "orders-latest/datacontract.yaml");
    }

    void reorderingIsNotAChange()
    {
        QFETCH(QString, path);
        const Contract c = loadFile(path);
        QVERIFY(diffContracts(c, c).isEmpty());
        const ContractDiff diff = diffContracts(c, reversed(c));
        QVERIFY2(diff.isEmpty(), qPrintable(lines(diff).join(u'\n')));
    }

    /// The same contract in DCS 1.1 and ODCS v3.1: only what really differs shows, under ODCS paths.
    void dcsAgainstOdcs()
    {
        const Contract dcs = loadText(R"(dataContractSpecification: 1.1.0
id: shop.orders
info:
  title: Orders
  version: 1.0.0
  owner: orders-team
models:
  orders:
    type: table
    fields:
      order_id:
        type: integer
        required: true
      note:
        type: string
servicelevels:
  availability:
    percentage: 99.9%
)");
        const Contract odcs = loadText(R"(apiVersion: v3.1.0
kind: DataContract
id: shop.orders
name: Orders
version: 2.0.0
status: active
team:
  name: orders-team
schema:
  - name: orders
    physicalType: table
    properties:
      - name: order_id
        logicalType: number
        physicalType: integer
        required: true
slaProperties:
  - property: availability
    value: 99.0%
)");
        COMPARE_LINES(lines(diffContracts(dcs, odcs)), (QStringList{
                                                      "info changed metadata-changed apiVersion",
                                                      "breaking removed property-removed schema.orders.properties.note",
                                                      "non-breaking changed logical-type-widened schema.orders.properties.order_id.logicalType",
                                                      "breaking changed sla-weakened slaProperties.availability.value",
                                                      "info changed version-changed version",
                                                  }));
    }

    void nestedPropertiesAndArrays()
    {
        const char *head = "apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\n"
                           "schema:\n  - name: t\n    properties:\n";
        const Contract a = loadText(QByteArray(head) + R"(      - name: address
        logicalType: object
        properties:
          - name: street
            logicalType: string
          - name: zip
            logicalType: string
      - name: tags
        logicalType: array
        items:
          logicalType: integer
)");
        const Contract b = loadText(QByteArray(head) + R"(      - name: address
        logicalType: object
        properties:
          - name: zip
            logicalType: string
            required: true
      - name: tags
        logicalType: array
        items:
          logicalType: string
)");
        COMPARE_LINES(lines(diffContracts(a, b)), (QStringList{
                                                 "breaking removed property-removed schema.t.properties.address.properties.street",
                                                 "breaking changed property-became-required schema.t.properties.address.properties.zip.required",
                                                 "breaking changed logical-type-changed schema.t.properties.tags.items.logicalType",
                                             }));
    }

    void pathsQuoteAwkwardNames()
    {
        QCOMPARE(pathSegment(QStringLiteral("orders")), QStringLiteral("orders"));
        QCOMPARE(pathSegment(QStringLiteral("maria.keller@northwind.example")),
                 QStringLiteral("[maria.keller@northwind.example]"));
        QCOMPARE(pathSegment(QStringLiteral("No future dates")), QStringLiteral("[No future dates]"));

        const Contract active = loadFile(sampleContract("orders.order_events.odcs.yaml"));
        Contract edited = active;
        edited.team[0].role = QStringLiteral("steward");
        edited.schema[0].quality[1].schedule = QStringLiteral("0 8 * * *");
        COMPARE_LINES(lines(diffContracts(active, edited)),
                 (QStringList{"non-breaking changed quality-rule-changed schema.order_events.quality"
                              "[No event may be dated in the future (clock skew in the outbox)].schedule",
                              "info changed team-changed team.members[maria.keller@northwind.example].role"}));
    }

    /// Rules without a name are matched by what they check, so a changed threshold is one change.
    void unnamedQualityRulesMatchByContent()
    {
        const Contract active = loadFile(sampleContract("orders.order_events.odcs.yaml"));
        Contract edited = active;
        QualityRule &rowCount = edited.schema[0].quality[0];
        QCOMPARE(rowCount.metric, QStringLiteral("rowCount"));
        rowCount.thresholds.insert(QStringLiteral("mustBeGreaterThan"), 40000);
        edited.schema[0].properties[0].quality.append(edited.schema[0].properties[0].quality.takeFirst());
        const ContractDiff diff = diffContracts(active, edited);
        COMPARE_LINES(lines(diff), (QStringList{"non-breaking changed quality-rule-changed "
                                           "schema.order_events.quality.rowCount.mustBeGreaterThan"}));
        QCOMPARE(diff.changes[0].oldValue.toInt(), 50000);
        QCOMPARE(diff.changes[0].newValue.toInt(), 40000);
    }

    /// Two properties with one name (invalid, but seen) pair up in order instead of colliding.
    void duplicateNamesPairInOrder()
    {
        Contract a;
        a.schema << SchemaObject{};
        a.schema[0].name = QStringLiteral("t");
        ContractProperty p;
        p.name = QStringLiteral("x");
        p.logicalType = QStringLiteral("integer");
        a.schema[0].properties << p << p;
        Contract b = a;
        b.schema[0].properties[1].logicalType = QStringLiteral("number");
        COMPARE_LINES(lines(diffContracts(a, b)),
                 (QStringList{"non-breaking changed logical-type-widened schema.t.properties.x#2.logicalType"}));
        b.schema[0].properties.removeLast();
        COMPARE_LINES(lines(diffContracts(a, b)),
                      (QStringList{"breaking removed property-removed schema.t.properties.x#2"}));
        b = a;
        b.schema << a.schema[0];
        COMPARE_LINES(lines(diffContracts(a, b)), (QStringList{"non-breaking added object-added schema.t#2"}));
    }

    /// Whole contracts against nothing, and odd values where numbers or lists are expected: no crash,
    /// and every element reported once.
    void robustAgainstEmptyAndOddInput()
    {
        const Contract big = loadFile(odcsExample("all/postgresql-adventureworks-contract.odcs.yaml"));
        const Contract empty;
        const ContractDiff added = diffContracts(empty, big);
        int objects = 0;
        for (const ContractChange &c : added.changes)
            objects += c.rule == Rule::ObjectAdded ? 1 : 0;
        QCOMPARE(objects, int(big.schema.size()));
        const ContractDiff removed = diffContracts(big, empty);
        objects = 0;
        for (const ContractChange &c : removed.changes)
            objects += c.rule == Rule::ObjectRemoved ? 1 : 0;
        QCOMPARE(objects, int(big.schema.size()));
        QCOMPARE(removed.highest(), Severity::Breaking);

        Contract a = big;
        Contract b = big;
        a.schema[0].properties[0].constraints.insert(QStringLiteral("maxLength"), QStringLiteral("ten"));
        b.schema[0].properties[0].constraints.insert(QStringLiteral("maxLength"), QJsonArray{1, 2});
        a.schema[0].properties[0].constraints.insert(QStringLiteral("enum"), QStringLiteral("single"));
        b.schema[0].properties[0].constraints.insert(QStringLiteral("enum"), QJsonObject{{"k", 1}});
        a.sla << ServiceLevel{QStringLiteral("latency"), QStringLiteral("soon"), QString(), QString()};
        b.sla << ServiceLevel{QStringLiteral("latency"), QString(), QStringLiteral("h"), QString()};
        const ContractDiff odd = diffContracts(a, b);
        QCOMPARE(odd.changes.size(), size_t(3));
        QCOMPARE(find(odd, "slaProperties.latency.value")->rule, Rule::SlaChanged);
    }

    /// Every pair of real contracts (the sample mesh and the corpus), both ways: the diff never fails,
    /// and what one direction calls added the other calls removed, at the same path.
    void allRealPairsAreMirrored()
    {
        QStringList files;
        for (const QString &dir : {testsupport::source("resources/sample-mesh/contracts"),
                                   testsupport::corpus("bitol-io/open-data-contract-standard/docs/examples"),
                                   testsupport::corpus("datacontract")}) {
            QDirIterator it(dir, {"*.yaml", "*.yml"}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
        }
        std::vector<Contract> contracts;
        for (const QString &f : std::as_const(files)) {
            const ImportResult r = importDocument(f, testsupport::readAll(f));
            for (const Contract &c : r.contracts)
                contracts.push_back(c);
        }
        QVERIFY(contracts.size() >= 45);
        int checked = 0;
        for (size_t i = 0; i < contracts.size(); ++i) {
            for (size_t j = 0; j < contracts.size(); ++j) {
                if (i == j)
                    continue;
                const ContractDiff there = diffContracts(contracts[i], contracts[j]);
                const ContractDiff back = diffContracts(contracts[j], contracts[i]);
                QCOMPARE(there.changes.size() > 0, true);
                const auto renames = [](const ContractDiff &d) {
                    return std::any_of(d.changes.begin(), d.changes.end(),
                                       [](const ContractChange &c) { return c.kind == ChangeKind::Renamed; });
                };
                if (renames(there) || renames(back))
                    continue;
                QHash<QString, ChangeKind> backKinds;
                for (const ContractChange &c : back.changes)
                    backKinds.insert(c.path, c.kind);
                for (const ContractChange &c : there.changes) {
                    if (c.kind == ChangeKind::Changed || c.path.contains(u'#'))
                        continue;
                    const ChangeKind mirrored = c.kind == ChangeKind::Added ? ChangeKind::Removed : ChangeKind::Added;
                    QVERIFY2(backKinds.value(c.path, ChangeKind::Changed) == mirrored, qPrintable(c.path));
                    ++checked;
                }
            }
        }
        QVERIFY(checked > 1000);
    }

    /// The report as the CLI prints it: the JSON shape the issue asks for, and the text's essentials.
    /// Issue 18: an availability SLA in `unit: percent` lowered is weakened and breaking; an SLA whose
    /// units cannot be compared stays sla-changed and the report says why.
    void slaUnitsInTheReport()
    {
        const QByteArray head = "apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\n";
        const Contract before = loadText(head + "slaProperties:\n  - property: availability\n    value: 99.9\n"
                                                "    unit: percent\n  - property: latency\n    value: 4\n    unit: fortnights\n");
        const Contract after = loadText(head + "slaProperties:\n  - property: availability\n    value: 99.0\n"
                                               "    unit: percent\n  - property: latency\n    value: 1\n    unit: d\n");
        const ContractDiff diff = diffContracts(before, after);
        const ContractChange *availability = find(diff, QStringLiteral("slaProperties.availability.value"));
        QVERIFY(availability);
        QCOMPARE(availability->ruleId(), QStringLiteral("sla-weakened"));
        QCOMPARE(availability->severity, Severity::Breaking);
        QVERIFY(availability->detail.isEmpty());
        const ContractChange *latency = find(diff, QStringLiteral("slaProperties.latency.value"));
        QVERIFY(latency);
        QCOMPARE(latency->ruleId(), QStringLiteral("sla-changed"));
        QVERIFY2(latency->detail.contains(QStringLiteral("unknown time unit 'fortnights'")), qPrintable(latency->detail));
        const QString text = reportText(makeReport(before, after));
        QVERIFY2(text.contains(QStringLiteral("slaProperties.latency.value: 4 fortnights -> 1 d (cannot compare, old value: "
                                              "unknown time unit 'fortnights')  [sla-changed]")),
                 qPrintable(text));
    }

    void reportShapes()
    {
        const DiffReport report = makeReport(loadFile(sampleContract("orders.order_events.odcs.yaml")),
                                             loadFile(sampleContract("orders.order_events.v2.proposed.odcs.yaml")));
        const QJsonObject o = reportJson(report);
        QCOMPARE(o.value("summary").toObject(),
                 (QJsonObject{{"breaking", 3}, {"nonBreaking", 1}, {"info", 4}}));
        QCOMPARE(o.value("requiredVersion").toString(), QStringLiteral("2.0.0"));
        QCOMPARE(o.value("versionOk").toBool(), true);
        QVERIFY(o.value("impact").toArray().isEmpty());
        QVERIFY(o.value("impactSummary").isNull());
        const QJsonArray changes = o.value("changes").toArray();
        QCOMPARE(changes.size(), 9);
        bool sawType = false;
        for (const QJsonValue &v : changes) {
            const QJsonObject c = v.toObject();
            for (const char *key : {"path", "kind", "severity", "old", "new", "rule"})
                QVERIFY2(c.contains(QLatin1String(key)), key);
            if (c.value("path").toString() == u"schema.order_events.properties.order_id.logicalType") {
                sawType = true;
                QCOMPARE(c.value("kind").toString(), QStringLiteral("changed"));
                QCOMPARE(c.value("severity").toString(), QStringLiteral("breaking"));
                QCOMPARE(c.value("old").toString(), QStringLiteral("integer"));
                QCOMPARE(c.value("new").toString(), QStringLiteral("string"));
                QCOMPARE(c.value("rule").toString(), QStringLiteral("logical-type-changed"));
            }
            if (c.value("kind").toString() == u"added")
                QVERIFY(c.value("old").isNull());
        }
        QVERIFY(sawType);

        const QString text = reportText(report);
        QVERIFY(text.startsWith("Contract orders.order_events: 1.3.0 -> 2.0.0\n3 breaking, 1 non-breaking, 4 info\n"));
        QVERIFY(text.contains("  changed  schema.order_events.properties.order_id.logicalType: integer -> string  "
                              "[logical-type-changed]"));
        QVERIFY(text.contains("\nBreaking\n"));
        QVERIFY(text.contains("Version: ok (breaking changes need a new major version, at least 2.0.0"));
        QVERIFY(text.indexOf("\nBreaking\n") < text.indexOf("\nNon-breaking\n"));
        QVERIFY(text.indexOf("\nNon-breaking\n") < text.indexOf("\nInfo\n"));
    }
};

QTEST_GUILESS_MAIN(TestContractDiff)
#include "tst_contractdiff.moc"
