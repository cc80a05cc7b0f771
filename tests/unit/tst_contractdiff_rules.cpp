// Golden tests of the diff rules: for each rule a minimal pair of contracts and the exact change list.
#include "contracts/contractdiff.h"
#include "contracts/diffrules.h"
#include "importers/importer.h"
#include "testsupport.h"

#include <QSet>
#include <QTest>

#include <vector>

using namespace meshscope;
using namespace meshscope::diff;

namespace {

struct Case {
    const char *name;
    const char *before;
    const char *after;
    QStringList expected; ///< "severity kind rule path", any order
};

/// ODCS v3.1 around a body; id, version and status are added unless the body sets them.
/// Bodies starting with `dataContractSpecification` are DCS documents and taken as they are.
QByteArray document(const char *body)
{
    const QByteArray b(body);
    if (b.startsWith("dataContractSpecification"))
        return b;
    QByteArray text = "apiVersion: v3.1.0\nkind: DataContract\n";
    const auto has = [&b](const char *key) {
        return b.startsWith(key) || b.contains(QByteArray("\n") + key);
    };
    if (!has("id:"))
        text += "id: c\n";
    if (!has("version:"))
        text += "version: 1.0.0\n";
    if (!has("status:"))
        text += "status: active\n";
    return text + b;
}

Contract load(const char *body)
{
    const ImportResult r = importDocument(QStringLiteral("case.yaml"), document(body));
    for (const Diagnostic &d : r.diagnostics) {
        if (d.severity == Diagnostic::Severity::Error)
            qWarning("fixture error: %s", qPrintable(d.toString()));
    }
    if (r.contracts.empty())
        qFatal("fixture holds no contract:\n%s", body);
    return r.contracts.front();
}

QStringList describe(const ContractDiff &diff)
{
    QStringList out;
    for (const ContractChange &c : diff.changes)
        out << severityName(c.severity) + u' ' + changeKindName(c.kind) + u' ' + c.ruleId() + u' ' + c.path;
    out.sort();
    return out;
}

// Property `a` of object `t`, with the given extra lines (indented for a property).
#define PROP(extra) \
    "schema:\n  - name: t\n    properties:\n      - name: a\n        logicalType: string\n" extra

const std::vector<Case> &cases()
{
    static const std::vector<Case> all = {
        // --- the contract as a whole
        {"id", "id: c\n", "id: d\n", {"breaking changed contract-id-changed id"}},
        {"version", "version: 1.0.0\n", "version: 1.1.0\n", {"info changed version-changed version"}},
        {"metadata", "name: A\nstatus: draft\ndomain: x\n", "name: B\nstatus: active\ndomain: y\n",
         {"info changed metadata-changed domain", "info changed metadata-changed name",
          "info changed metadata-changed status"}},
        {"description", "description:\n  purpose: a\n", "description:\n  purpose: b\n",
         {"info changed description-changed description"}},
        {"tags", "tags: [a, b]\n", "tags: [b, c]\n", {"info changed tags-changed tags"}},
        {"custom property", "customProperties:\n  - property: x\n    value: 1\n",
         "customProperties:\n  - property: x\n    value: 2\n  - property: y\n    value: z\n",
         {"info changed custom-property-changed customProperties.x",
          "info added custom-property-changed customProperties.y"}},
        {"authoritative definitions", "authoritativeDefinitions:\n  - type: canonical\n    url: https://a\n",
         "authoritativeDefinitions:\n  - type: canonical\n    url: https://b\n",
         {"info changed authoritative-definitions-changed authoritativeDefinitions"}},
        {"other field", "tenant: a\n", "tenant: b\n", {"info changed other-field-changed tenant"}},
        {"team", "team:\n  name: t1\n  members:\n    - username: u1\n      role: owner\n",
         "team:\n  name: t2\n  members:\n    - username: u1\n      role: steward\n    - username: u2\n",
         {"info changed team-changed team.name", "info changed team-changed team.members.u1.role",
          "info added team-changed team.members.u2"}},
        {"support", "support:\n  - channel: c1\n    tool: slack\n",
         "support:\n  - channel: c1\n    tool: teams\n  - channel: c2\n",
         {"info changed support-changed support.c1.tool", "info added support-changed support.c2"}},
        {"notice period shortened",
         "dataContractSpecification: 1.1.0\nid: c\ninfo:\n  title: C\n  version: 1.0.0\nterms:\n  noticePeriod: P3M\n",
         "dataContractSpecification: 1.1.0\nid: c\ninfo:\n  title: C\n  version: 1.0.0\nterms:\n  noticePeriod: P1M\n",
         {"breaking changed notice-period-shortened terms.noticePeriod"}},
        {"notice period lengthened",
         "dataContractSpecification: 1.1.0\nid: c\ninfo:\n  title: C\n  version: 1.0.0\nterms:\n  noticePeriod: P1M\n",
         "dataContractSpecification: 1.1.0\nid: c\ninfo:\n  title: C\n  version: 1.0.0\nterms:\n  noticePeriod: P6M\n",
         {"non-breaking changed notice-period-changed terms.noticePeriod"}},

        // A field referencing a definition keeps its own name; the definition's name and domain name
        // the definition, not the field (issue 18). Adding the $ref changes what the field inherits.
        {"dcs field starts referencing a definition",
         "dataContractSpecification: 1.1.0\nid: c\ninfo:\n  title: C\n  version: 1.0.0\n"
         "models:\n  t:\n    fields:\n      my_field:\n        type: string\n        description: Mine\n",
         "dataContractSpecification: 1.1.0\nid: c\ninfo:\n  title: C\n  version: 1.0.0\n"
         "models:\n  t:\n    fields:\n      my_field:\n        $ref: '#/definitions/my_definition'\n"
         "        description: Mine\n"
         "definitions:\n  my_definition:\n    name: my_definition\n    domain: sales\n    type: string\n"
         "    description: The definition's words\n",
         {"info added other-field-changed schema.t.properties.my_field.$ref"}},
        {"dcs definition renamed behind the same ref",
         "dataContractSpecification: 1.1.0\nid: c\ninfo:\n  title: C\n  version: 1.0.0\n"
         "models:\n  t:\n    fields:\n      my_field:\n        $ref: '#/definitions/my_definition'\n"
         "definitions:\n  my_definition:\n    name: my_definition\n    domain: sales\n    type: string\n",
         "dataContractSpecification: 1.1.0\nid: c\ninfo:\n  title: C\n  version: 1.0.0\n"
         "models:\n  t:\n    fields:\n      my_field:\n        $ref: '#/definitions/my_definition'\n"
         "definitions:\n  my_definition:\n    name: order_reference\n    domain: checkout\n    type: string\n",
         {}},

        // --- schema objects
        {"object added", "schema:\n  - name: t\n", "schema:\n  - name: t\n  - name: u\n",
         {"non-breaking added object-added schema.u"}},
        {"object removed", "schema:\n  - name: t\n  - name: u\n", "schema:\n  - name: t\n",
         {"breaking removed object-removed schema.u"}},
        {"object renamed", "schema:\n  - name: t\n    physicalName: tbl\n", "schema:\n  - name: t2\n    physicalName: tbl\n",
         {"breaking renamed object-renamed schema.t"}},
        {"object physical name", "schema:\n  - name: t\n    physicalName: tbl\n",
         "schema:\n  - name: t\n    physicalName: tbl_v2\n",
         {"breaking changed object-physical-name-changed schema.t.physicalName"}},
        {"object physical type", "schema:\n  - name: t\n    physicalType: table\n",
         "schema:\n  - name: t\n    physicalType: view\n",
         {"non-breaking changed object-physical-type-changed schema.t.physicalType"}},
        {"object business name", "schema:\n  - name: t\n    businessName: Orders\n",
         "schema:\n  - name: t\n    businessName: Customer orders\n",
         {"info changed business-name-changed schema.t.businessName"}},
        {"relationship", "schema:\n  - name: t\n",
         "schema:\n  - name: t\n    relationships:\n      - type: foreignKey\n        from: t.a\n        to: u.id\n",
         {"non-breaking added relationship-changed schema.t.relationships[t.a->u.id]"}},

        // --- properties
        {"property added", PROP(""), PROP("      - name: b\n        logicalType: string\n"),
         {"non-breaking added property-added schema.t.properties.b"}},
        {"required property added", PROP(""), PROP("      - name: b\n        logicalType: string\n        required: true\n"),
         {"breaking added required-property-added schema.t.properties.b"}},
        {"property removed", PROP("      - name: b\n        logicalType: string\n"), PROP(""),
         {"breaking removed property-removed schema.t.properties.b"}},
        {"property renamed by physical name", PROP("      - name: b\n        physicalName: col_b\n"),
         PROP("      - name: b2\n        physicalName: col_b\n"),
         {"breaking renamed property-renamed schema.t.properties.b"}},
        {"property renamed by id", PROP("      - name: b\n        id: p_b\n        description: x\n"),
         PROP("      - name: b2\n        id: p_b\n        description: y\n"),
         {"breaking renamed property-renamed schema.t.properties.b",
          "info changed description-changed schema.t.properties.b2.description"}},
        {"property physical name", PROP("        physicalName: col_a\n"), PROP("        physicalName: col_x\n"),
         {"breaking changed property-physical-name-changed schema.t.properties.a.physicalName"}},
        {"logical type widened", "schema:\n  - name: t\n    properties:\n      - name: a\n        logicalType: integer\n",
         "schema:\n  - name: t\n    properties:\n      - name: a\n        logicalType: number\n",
         {"non-breaking changed logical-type-widened schema.t.properties.a.logicalType"}},
        {"logical type changed", "schema:\n  - name: t\n    properties:\n      - name: a\n        logicalType: integer\n",
         "schema:\n  - name: t\n    properties:\n      - name: a\n        logicalType: string\n",
         {"breaking changed logical-type-changed schema.t.properties.a.logicalType"}},
        {"physical type widened", PROP("        physicalType: varchar(10)\n"), PROP("        physicalType: varchar(20)\n"),
         {"non-breaking changed physical-type-widened schema.t.properties.a.physicalType"}},
        {"physical type narrowed", PROP("        physicalType: varchar(20)\n"), PROP("        physicalType: varchar(10)\n"),
         {"breaking changed physical-type-changed schema.t.properties.a.physicalType"}},
        {"became required (from absent)", PROP(""), PROP("        required: true\n"),
         {"breaking changed property-became-required schema.t.properties.a.required"}},
        {"became optional", PROP("        required: true\n"), PROP("        required: false\n"),
         {"non-breaking changed property-became-optional schema.t.properties.a.required"}},
        {"became unique", PROP(""), PROP("        unique: true\n"),
         {"breaking changed property-became-unique schema.t.properties.a.unique"}},
        {"no longer unique", PROP("        unique: true\n"), PROP(""),
         {"non-breaking changed property-no-longer-unique schema.t.properties.a.unique"}},
        {"became primary key", PROP(""), PROP("        primaryKey: true\n"),
         {"breaking changed property-became-primary-key schema.t.properties.a.primaryKey"}},
        {"no longer primary key", PROP("        primaryKey: true\n"), PROP(""),
         {"non-breaking changed property-no-longer-primary-key schema.t.properties.a.primaryKey"}},
        {"primary key position",
         PROP("        primaryKey: true\n        primaryKeyPosition: 1\n      - name: b\n        primaryKey: true\n"
              "        primaryKeyPosition: 2\n"),
         PROP("        primaryKey: true\n        primaryKeyPosition: 2\n      - name: b\n        primaryKey: true\n"
              "        primaryKeyPosition: 1\n"),
         {"non-breaking changed primary-key-position-changed schema.t.properties.a.primaryKeyPosition",
          "non-breaking changed primary-key-position-changed schema.t.properties.b.primaryKeyPosition"}},
        {"constraints tightened",
         PROP("        logicalTypeOptions:\n          maxLength: 20\n          minLength: 1\n          format: email\n"
              "        enum: [a, b, c]\n"),
         PROP("        logicalTypeOptions:\n          maxLength: 10\n          minLength: 2\n          format: uri\n"
              "          pattern: '^[a-z]+$'\n        enum: [a, b]\n"),
         {"breaking changed constraint-tightened schema.t.properties.a.maxLength",
          "breaking changed constraint-tightened schema.t.properties.a.minLength",
          "breaking changed constraint-tightened schema.t.properties.a.format",
          "breaking added constraint-tightened schema.t.properties.a.pattern",
          "breaking changed constraint-tightened schema.t.properties.a.enum"}},
        {"constraints loosened",
         "schema:\n  - name: t\n    properties:\n      - name: a\n        logicalType: integer\n"
         "        logicalTypeOptions:\n          minimum: 0\n          maximum: 10\n        enum: [1, 2]\n",
         "schema:\n  - name: t\n    properties:\n      - name: a\n        logicalType: integer\n"
         "        logicalTypeOptions:\n          maximum: 100\n        enum: [1, 2, 3]\n",
         {"non-breaking removed constraint-loosened schema.t.properties.a.minimum",
          "non-breaking changed constraint-loosened schema.t.properties.a.maximum",
          "non-breaking changed constraint-loosened schema.t.properties.a.enum"}},
        {"classification raised", PROP("        classification: internal\n"), PROP("        classification: restricted\n"),
         {"breaking changed classification-raised schema.t.properties.a.classification"}},
        {"classification lowered", PROP("        classification: confidential\n"), PROP("        classification: public\n"),
         {"non-breaking changed classification-lowered schema.t.properties.a.classification"}},
        {"classification unranked", PROP("        classification: internal\n"), PROP("        classification: amber\n"),
         {"info changed classification-changed schema.t.properties.a.classification"}},
        {"classification added", PROP(""), PROP("        classification: restricted\n"),
         {"info added classification-changed schema.t.properties.a.classification"}},
        {"became pii", PROP(""), PROP("        pii: true\n"),
         {"breaking changed property-became-pii schema.t.properties.a.pii"}},
        {"no longer pii", PROP("        pii: true\n"), PROP("        pii: false\n"),
         {"non-breaking changed property-no-longer-pii schema.t.properties.a.pii"}},
        // A classification is a confidentiality level, not a statement about personal data (issue 18):
        // sensitive -> restricted is a classification change only, never a PII one.
        {"classification is not pii", PROP("        classification: sensitive\n"),
         PROP("        classification: restricted\n"),
         {"info changed classification-changed schema.t.properties.a.classification"}},
        {"classification pii is not pii", PROP("        classification: PII\n"), PROP("        classification: internal\n"),
         {"info changed classification-changed schema.t.properties.a.classification"}},
        {"critical data element", PROP(""), PROP("        criticalDataElement: true\n"),
         {"info changed critical-data-element-changed schema.t.properties.a.criticalDataElement"}},
        {"examples", PROP("        examples: [x, y]\n"), PROP("        examples: [x, z]\n"),
         {"info changed examples-changed schema.t.properties.a.examples"}},
        {"property business name and description", PROP("        businessName: A\n        description: old\n"),
         PROP("        businessName: B\n        description: new\n"),
         {"info changed business-name-changed schema.t.properties.a.businessName",
          "info changed description-changed schema.t.properties.a.description"}},
        {"property extension fields", PROP("        partitioned: false\n        encryptedName: a_enc\n"),
         PROP("        partitioned: true\n"),
         {"info changed other-field-changed schema.t.properties.a.partitioned",
          "info removed other-field-changed schema.t.properties.a.encryptedName"}},

        // --- quality rules
        {"quality rule added", PROP(""), PROP("        quality:\n          - metric: nullValues\n            mustBe: 0\n"),
         {"non-breaking added quality-rule-added schema.t.properties.a.quality.nullValues"}},
        {"quality rule removed", PROP("        quality:\n          - metric: nullValues\n            mustBe: 0\n"), PROP(""),
         {"non-breaking removed quality-rule-removed schema.t.properties.a.quality.nullValues"}},
        {"quality rule changed",
         "schema:\n  - name: t\n    quality:\n      - name: volume\n        metric: rowCount\n        mustBeGreaterThan: 100\n",
         "schema:\n  - name: t\n    quality:\n      - name: volume\n        metric: rowCount\n        mustBeGreaterThan: 10\n"
         "        dimension: completeness\n",
         {"non-breaking changed quality-rule-changed schema.t.quality.volume.mustBeGreaterThan",
          "non-breaking added quality-rule-changed schema.t.quality.volume.dimension"}},

        // --- service levels
        {"sla added", "", "slaProperties:\n  - property: latency\n    value: 1\n    unit: h\n",
         {"non-breaking added sla-added slaProperties.latency"}},
        {"sla removed", "slaProperties:\n  - property: latency\n    value: 1\n    unit: h\n", "",
         {"breaking removed sla-removed slaProperties.latency"}},
        {"sla weakened",
         "slaProperties:\n  - property: availability\n    value: 99.9%\n  - property: latency\n    value: 1\n    unit: h\n"
         "  - property: retention\n    value: 7\n    unit: y\n  - property: frequency\n    value: 30\n    unit: min\n",
         "slaProperties:\n  - property: availability\n    value: 99.5%\n  - property: latency\n    value: 2\n    unit: h\n"
         "  - property: retention\n    value: 1\n    unit: y\n  - property: frequency\n    value: 1\n    unit: h\n",
         {"breaking changed sla-weakened slaProperties.availability.value",
          "breaking changed sla-weakened slaProperties.latency.value",
          "breaking changed sla-weakened slaProperties.retention.value",
          "breaking changed sla-weakened slaProperties.frequency.value"}},
        {"sla strengthened", "slaProperties:\n  - property: latency\n    value: 2\n    unit: h\n",
         "slaProperties:\n  - property: latency\n    value: 30m\n",
         {"non-breaking changed sla-strengthened slaProperties.latency.value"}},
        // Units (issue 18): every spelling is read, values compare across units.
        {"sla percent spellings",
         "slaProperties:\n  - property: availability\n    value: 99.9\n    unit: percent\n"
         "  - property: uptime\n    value: 99.5\n    unit: pct\n"
         "  - property: completeness\n    value: 98 percent\n",
         "slaProperties:\n  - property: availability\n    value: 99.0\n    unit: '%'\n"
         "  - property: uptime\n    value: 0.99\n"
         "  - property: completeness\n    value: 99\n    unit: Percent\n",
         {"breaking changed sla-weakened slaProperties.availability.value",
          "breaking changed sla-weakened slaProperties.uptime.value",
          "non-breaking changed sla-strengthened slaProperties.completeness.value"}},
        {"sla restated in other units",
         "slaProperties:\n  - property: latency\n    value: 24h\n  - property: retention\n    value: 1\n    unit: year\n"
         "  - property: frequency\n    value: 1\n    unit: week\n  - property: availability\n    value: 99.9\n"
         "    unit: percent\n  - property: timeToRepair\n    value: 90\n    unit: min\n"
         "  - property: freshness\n    value: 2 months\n",
         "slaProperties:\n  - property: latency\n    value: 1\n    unit: d\n  - property: retention\n    value: P1Y\n"
         "  - property: frequency\n    value: 7 days\n  - property: availability\n    value: 99.9%\n"
         "  - property: timeToRepair\n    value: 1h 30m\n  - property: freshness\n    value: 60\n    unit: days\n",
         {}},
        {"sla directions across units",
         "slaProperties:\n  - property: latency\n    value: PT4H\n  - property: freshness\n    value: 2\n    unit: d\n"
         "  - property: retention\n    value: P1Y\n  - property: frequency\n    value: 1\n    unit: day\n"
         "  - property: timeToDetect\n    value: 30\n    unit: s\n",
         "slaProperties:\n  - property: latency\n    value: 2h\n  - property: freshness\n    value: 24\n    unit: hours\n"
         "  - property: retention\n    value: 6\n    unit: months\n  - property: frequency\n    value: PT12H\n"
         "  - property: timeToDetect\n    value: 45000\n    unit: ms\n",
         {"non-breaking changed sla-strengthened slaProperties.latency.value",
          "non-breaking changed sla-strengthened slaProperties.freshness.value",
          "breaking changed sla-weakened slaProperties.retention.value",
          "non-breaking changed sla-strengthened slaProperties.frequency.value",
          "breaking changed sla-weakened slaProperties.timeToDetect.value"}},
        {"sla units that cannot be compared",
         "slaProperties:\n  - property: latency\n    value: 4\n    unit: percent\n"
         "  - property: availability\n    value: 99.9\n    unit: h\n",
         "slaProperties:\n  - property: latency\n    value: 2\n    unit: h\n"
         "  - property: availability\n    value: 99\n    unit: '%'\n",
         {"non-breaking changed sla-changed slaProperties.latency.value",
          "non-breaking changed sla-changed slaProperties.availability.value"}},
        {"sla unranked", "slaProperties:\n  - property: timeOfAvailability\n    value: 09:00-08:00\n    element: t.a\n",
         "slaProperties:\n  - property: timeOfAvailability\n    value: 10:00-08:00\n    element: t.b\n",
         {"non-breaking changed sla-changed slaProperties.timeOfAvailability.value",
          "non-breaking changed sla-changed slaProperties.timeOfAvailability.element"}},

        // --- servers
        {"server added", "servers:\n  - server: a\n    type: postgres\n",
         "servers:\n  - server: a\n    type: postgres\n  - server: b\n    type: s3\n",
         {"non-breaking added server-added servers.b"}},
        {"server removed", "servers:\n  - server: a\n    type: postgres\n  - server: b\n    type: s3\n",
         "servers:\n  - server: a\n    type: postgres\n", {"breaking removed server-removed servers.b"}},
        {"server moved",
         "servers:\n  - server: a\n    type: postgres\n    host: db1\n    schema: s\n    environment: prod\n",
         "servers:\n  - server: a\n    type: postgres\n    host: db2\n    schema: s\n    environment: production\n"
         "    description: the warehouse\n",
         {"breaking changed server-location-changed servers.a.host",
          "non-breaking changed server-changed servers.a.environment",
          "info added description-changed servers.a.description"}},

        // --- roles
        {"role added", "roles:\n  - role: r1\n    access: read\n",
         "roles:\n  - role: r1\n    access: read\n  - role: r2\n    access: write\n",
         {"non-breaking added role-added roles.r2"}},
        {"role removed", "roles:\n  - role: r1\n    access: read\n  - role: r2\n    access: write\n",
         "roles:\n  - role: r1\n    access: read\n", {"breaking removed role-removed roles.r2"}},
        {"role changed", "roles:\n  - role: r1\n    access: read\n    firstLevelApprovers: ann\n",
         "roles:\n  - role: r1\n    access: write\n    firstLevelApprovers: bob\n",
         {"non-breaking changed role-access-changed roles.r1.access",
          "info changed role-approvers-changed roles.r1.firstLevelApprovers"}},
    };
    return all;
}

} // namespace

class TestContractDiffRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void golden_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QStringList>("expected");
        for (const Case &c : cases())
            QTest::newRow(c.name) << QByteArray(c.before) << QByteArray(c.after) << c.expected;
    }

    void golden()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(QStringList, expected);
        expected.sort();
        QCOMPARE(describe(diffContracts(load(before.constData()), load(after.constData()))), expected);
    }

    void goldenCasesAreSymmetricToNothing_data() { golden_data(); }

    /// Each fixture compared with itself yields nothing, whichever side.
    void goldenCasesAreSymmetricToNothing()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QVERIFY(diffContracts(load(before.constData()), load(before.constData())).isEmpty());
        QVERIFY(diffContracts(load(after.constData()), load(after.constData())).isEmpty());
    }

    void everyRuleHasAGoldenCase()
    {
        QSet<QString> covered;
        for (const Case &c : cases()) {
            for (const QString &line : c.expected)
                covered.insert(line.section(u' ', 2, 2));
        }
        for (const DiffRule &rule : diffRules())
            QVERIFY2(covered.contains(QLatin1String(rule.id)), rule.id);
        for (const QString &id : std::as_const(covered))
            QVERIFY2(findRule(id), qPrintable(id));
    }

    /// docs/contract-diff.md lists the rule table for users; each rule id and its severity must be there.
    void docsListEveryRule()
    {
        const QString docs = QString::fromUtf8(testsupport::readAll(testsupport::source("docs/contract-diff.md")));
        for (const DiffRule &rule : diffRules()) {
            const QString row = QStringLiteral("| `%1` |").arg(QLatin1String(rule.id));
            const qsizetype at = docs.indexOf(row);
            QVERIFY2(at >= 0, rule.id);
            const QString line = docs.mid(at, docs.indexOf(u'\n', at) - at);
            QVERIFY2(line.contains(QStringLiteral("| ") + severityName(rule.severity) + QStringLiteral(" |")),
                     qPrintable(line));
        }
    }

    void tableIsConsistent()
    {
        QSet<QString> ids;
        for (const DiffRule &rule : diffRules()) {
            QVERIFY2(!ids.contains(QLatin1String(rule.id)), rule.id);
            ids.insert(QLatin1String(rule.id));
            QVERIFY(rule.kinds != 0);
            QVERIFY(QByteArray(rule.description).endsWith('.'));
            QCOMPARE(&ruleFor(rule.rule), &rule);
        }
        QVERIFY(!findRule(QStringLiteral("no-such-rule")));
        QCOMPARE(parseSeverity(QStringLiteral("non-breaking")), Severity::NonBreaking);
        QCOMPARE(parseSeverity(QStringLiteral("nonBreaking")), Severity::NonBreaking);
        QCOMPARE(parseSeverity(QStringLiteral("BREAKING")), Severity::Breaking);
        QCOMPARE(parseSeverity(QStringLiteral("info")), Severity::Info);
        QVERIFY(!parseSeverity(QStringLiteral("major")));
    }
};

QTEST_GUILESS_MAIN(TestContractDiffRules)
#include "tst_contractdiff_rules.moc"
