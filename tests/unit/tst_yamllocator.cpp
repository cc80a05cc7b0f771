// Semantic change paths found in the original YAML: the Contracts area links each change to these
// lines on both sides of the proposal diff.
#include "testsupport.h"

#include "contracts/changelocations.h"
#include "contracts/contractdiff.h"
#include "contracts/linediff.h"
#include "contracts/yamllocator.h"
#include "importers/importer.h"

#include <QTest>

using namespace meshscope;
using namespace meshscope::diff;

namespace {

QString sample(const QString &file)
{
    return QString::fromUtf8(
        testsupport::readAll(testsupport::source("resources/sample-mesh/contracts/orders/" + file)));
}

Contract parse(const QString &name, const QString &text)
{
    const ImportResult r = importDocument(name, text.toUtf8());
    if (r.contracts.empty())
        qFatal("no contract in %s", qPrintable(name));
    return r.contracts.front();
}

/// "first-last" 1-based, with a trailing "~" when only a parent was found.
QString where(const LineRange &r)
{
    if (!r.isValid())
        return QStringLiteral("-");
    return QStringLiteral("%1-%2%3").arg(r.first + 1).arg(r.last + 1).arg(r.exact ? "" : "~");
}

} // namespace

class TestYamlLocator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void splitPath()
    {
        QCOMPARE(YamlLocator::splitPath("schema.orders.properties.id.logicalType"),
                 (QStringList{"schema", "orders", "properties", "id", "logicalType"}));
        QCOMPARE(YamlLocator::splitPath("team.members[maria.keller@northwind.example]"),
                 (QStringList{"team", "members", "maria.keller@northwind.example"}));
        QCOMPARE(YamlLocator::splitPath("schema.[a b].properties.[x.y].required"),
                 (QStringList{"schema", "a b", "properties", "x.y", "required"}));
        QCOMPARE(YamlLocator::splitPath("version"), QStringList{"version"});
    }

    /// Keys, list items by natural key, nested blocks with their folded text, and the deepest parent
    /// when the field is absent.
    void blocksOfAnOdcsDocument()
    {
        const YamlLocator doc(sample("orders.order_events.odcs.yaml"));
        QVERIFY(doc.isValid());
        QCOMPARE(where(doc.locate("version")), QStringLiteral("5-5"));
        QCOMPARE(where(doc.locate("schema.order_events.properties.order_id.logicalType")), QStringLiteral("60-60"));
        // The whole property: from its "- name" line to its last quality rule.
        QCOMPARE(where(doc.locate("schema.order_events.properties.order_id")), QStringLiteral("59-70"));
        // A folded description belongs to its property.
        QCOMPARE(where(doc.locate("schema.order_events.properties.legacy_status_code")), QStringLiteral("147-152"));
        // Absent on this side: the parent property, marked inexact.
        QCOMPARE(where(doc.locate("schema.order_events.properties.order_id.unique")), QStringLiteral("59-70~"));
        QCOMPARE(where(doc.locate("schema.no_such_object.properties.x")), QStringLiteral("32-167~"));
    }

    void dcsFlowStyleAndTeamLists()
    {
        const YamlLocator dcs(QStringLiteral("dataContractSpecification: 1.1.0\nid: x\nmodels:\n  orders:\n"
                                             "    fields:\n      order_id:\n        type: string\n"
                                             "        required: true\nservicelevels:\n  availability:\n"
                                             "    percentage: 99.9%\n"));
        QCOMPARE(where(dcs.locate("schema.orders.properties.order_id.required")), QStringLiteral("8-8"));
        QCOMPARE(where(dcs.locate("schema.orders.properties.order_id")), QStringLiteral("6-8"));
        QCOMPARE(where(dcs.locate("slaProperties.availability.value")), QStringLiteral("10-11~"));

        const YamlLocator odcs30(QStringLiteral("id: x\nteam:\n  - username: ann\n    role: owner\n"
                                                "  - username: bob.smith\n    role: steward\n"
                                                "tags: [a,\n  b]\nschema:\n- name: t\n  properties:\n  - name: c\n"
                                                "    logicalType: string\n- name: u\n"));
        QCOMPARE(where(odcs30.locate("team.members[bob.smith]")), QStringLiteral("5-6"));
        QCOMPARE(where(odcs30.locate("tags")), QStringLiteral("7-8"));
        QCOMPARE(where(odcs30.locate("schema.t")), QStringLiteral("10-13"));
        QCOMPARE(where(odcs30.locate("schema.t.properties")), QStringLiteral("11-13"));
        QCOMPARE(where(odcs30.locate("schema.u")), QStringLiteral("14-14"));

        const YamlLocator broken(QStringLiteral("id: [unclosed\n"));
        QVERIFY(!broken.isValid());
        QVERIFY(!broken.locate("id").isValid());
    }

    /// Every change of the sample proposal lands on its lines: exact on each side where it exists,
    /// and those lines differ in the line diff (or hold the unchanged key around a changed value).
    void sampleProposalChangesHaveLines()
    {
        const QString oldText = sample("orders.order_events.odcs.yaml");
        const QString newText = sample("orders.order_events.v2.proposed.odcs.yaml");
        const ContractDiff d = diffContracts(parse("old.yaml", oldText), parse("new.yaml", newText));
        const std::vector<ChangeLocation> at = locateChanges(d, YamlLocator(oldText), YamlLocator(newText));
        QCOMPARE(at.size(), d.changes.size());
        QStringList got;
        for (size_t i = 0; i < at.size(); ++i)
            got << d.changes[i].path + u' ' + where(at[i].oldLines) + u' ' + where(at[i].newLines);
        QCOMPARE(got, (QStringList{
                          "contractCreatedTs 227-227 231-231",
                          "description 10-19 13-23",
                          "schema.order_events.properties.legacy_status_code 147-152 44-156~",
                          "schema.order_events.properties.order_id.description 65-65 69-69",
                          "schema.order_events.properties.order_id.logicalType 60-60 64-64",
                          "schema.order_events.properties.order_id.physicalType 61-61 65-65",
                          "schema.order_events.properties.promised_delivery_date 40-152~ 110-115",
                          "status 6-6 9-9",
                          "version 5-5 8-8",
                      }));
        const LineDiff lines = diffLines(oldText, newText);
        for (size_t i = 0; i < at.size(); ++i) {
            if (!at[i].oldLines.exact || !at[i].newLines.exact)
                continue;
            const int row = lines.rowFor(at[i].oldLines.first, -1);
            QVERIFY2(lines.rows[size_t(row)].kind != DiffRow::Kind::Same || at[i].oldLines.last > at[i].oldLines.first,
                     qPrintable(d.changes[i].path));
        }
    }

    /// Renamed properties: the rename is found under its old name on the old side and its new name on
    /// the new side, and so are changes inside the renamed property.
    void renamesFollowTheName()
    {
        const QString head = QStringLiteral("apiVersion: v3.0.2\nkind: DataContract\nid: r\nversion: 1.0.0\nstatus: active\n"
                                            "schema:\n  - name: t\n    properties:\n");
        const QString oldText = head + "      - name: a\n        physicalName: col_a\n        logicalType: integer\n";
        const QString newText = head + "      - name: b\n        physicalName: col_a\n        logicalType: number\n";
        const ContractDiff d = diffContracts(parse("o.yaml", oldText), parse("n.yaml", newText));
        const std::vector<ChangeLocation> at = locateChanges(d, YamlLocator(oldText), YamlLocator(newText));
        QStringList got;
        for (size_t i = 0; i < at.size(); ++i)
            got << changeKindName(d.changes[i].kind) + u' ' + where(at[i].oldLines) + u' ' + where(at[i].newLines);
        QVERIFY2(got.contains("renamed 9-11 9-11"), qPrintable(got.join(", ")));
        QVERIFY2(got.contains("changed 11-11 11-11"), qPrintable(got.join(", ")));
    }
};

QTEST_GUILESS_MAIN(TestYamlLocator)
#include "tst_yamllocator.moc"
