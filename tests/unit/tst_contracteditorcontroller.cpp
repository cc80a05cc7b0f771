// The contract editor's controller on a scratch copy of the synced sample mesh: form edits change only
// their line of the text, YAML edits re-read the form, one undo history for both, validation problems
// land on their form rows and YAML lines, and saving makes a proposal (active) or writes the file.
#include "editor/contractdocument.h"
#include "editor/contracteditorcontroller.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QDirIterator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace meshscope;
using meshscope::editor::scalarAt;

namespace {

QStringList changedLines(const QString &a, const QString &b)
{
    const QStringList la = a.split(u'\n'), lb = b.split(u'\n');
    QStringList out;
    for (int i = 0; i < qMax(la.size(), lb.size()); ++i) {
        if (la.value(i) != lb.value(i))
            out << lb.value(i);
    }
    return out;
}

QString role(const QAbstractItemModel &m, int row, const QByteArray &name)
{
    return m.data(m.index(row, 0), m.roleNames().key(name)).toString();
}

QString readText(const QString &path)
{
    return QString::fromUtf8(testsupport::readAll(path));
}

} // namespace

class TestContractEditorController : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_mesh;
    QString m_cache;

    void setUp(ContractEditorController &c)
    {
        c.setSources({m_mesh});
        c.setCachePath(m_cache);
        c.setIdentityEmail(QStringLiteral("tom.achebe@northwind.example"));
        c.setIdentityName(QStringLiteral("Tom Achebe"));
        c.setAutosaveFolder(m_dir.filePath(QStringLiteral("autosave")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_mesh = m_dir.filePath(QStringLiteral("mesh"));
        testsupport::copyTree(testsupport::source(QStringLiteral("resources/sample-mesh")), m_mesh);
        testsupport::setSignaturesRequired(m_mesh, false); // proposals here are made without a signing key
        m_cache = m_dir.filePath(QStringLiteral("cache.sqlite"));
        SyncEngine(m_cache).run({m_mesh});
    }

    void opensTheFileTheCacheReadItFrom()
    {
        ContractEditorController c;
        setUp(c);
        QAbstractItemModelTester formTester(c.form(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester problemTester(c.problems(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY2(c.open(QStringLiteral("orders.order_events")), qPrintable(c.message()));
        QCOMPARE(c.filePath(), QDir(m_mesh).filePath(QStringLiteral("contracts/orders/orders.order_events.odcs.yaml")));
        QCOMPARE(c.originalStatus(), QStringLiteral("active"));
        QVERIFY(c.savesAsProposal());
        QVERIFY(!c.dirty());
        QCOMPARE(c.text(), readText(c.filePath()));
        // The form has the header, every property's fields, quality, SLA, servers, team, roles, support.
        const FormModel &form = *c.form();
        QCOMPARE(role(form, form.rowOfPath("status"), "kind"), QStringLiteral("choice"));
        QCOMPARE(role(form, form.rowOfPath("status"), "value"), QStringLiteral("active"));
        QCOMPARE(role(form, form.rowOfPath("schema.0.properties.1.logicalType"), "value"), QStringLiteral("integer"));
        QCOMPARE(role(form, form.rowOfPath("schema.0.properties.0.required"), "kind"), QStringLiteral("flag"));
        QCOMPARE(role(form, form.rowOfPath("schema.0.properties.9.pii"), "value"), QStringLiteral("true")); // customProperties pii
        QCOMPARE(role(form, form.rowOfPath("description.purpose"), "kind"), QStringLiteral("multiline"));
        QVERIFY(form.rowOfPath("schema.0.quality.0.mustBeGreaterThan") >= 0);
        QCOMPARE(role(form, form.rowOfPath("slaProperties.3.value"), "value"), QStringLiteral("99.9"));
        QVERIFY(form.rowOfPath("servers.0.host") >= 0);
        QVERIFY(form.rowOfPath("team.members.2.username") >= 0);
        QVERIFY(form.rowOfPath("roles.1.secondLevelApprovers") >= 0);
        QVERIFY(form.rowOfPath("support.0.channel") >= 0);
        // The sample validates without errors.
        QVERIFY(c.waitForValidation());
        QCOMPARE(c.errorCount(), 0);
        // The version the changes need is the current one until something changes.
        QCOMPARE(c.requiredVersion(), QStringLiteral("1.3.0"));
    }

    void aFormEditChangesOnlyThatLine()
    {
        ContractEditorController c;
        setUp(c);
        QVERIFY(c.open(QStringLiteral("orders.order_events")));
        const QString before = c.text();
        QSignalSpy resets(c.form(), &QAbstractItemModel::modelReset);
        QVERIFY2(c.setField("schema.0.properties.1.logicalType", "string"), qPrintable(c.message()));
        QCOMPARE(changedLines(before, c.text()), QStringList{"        logicalType: string"});
        QVERIFY(c.dirty());
        // The form row shows the new value without rebuilding the form (the field keeps its focus).
        QCOMPARE(role(*c.form(), c.form()->rowOfPath("schema.0.properties.1.logicalType"), "value"), QStringLiteral("string"));
        QCOMPARE(resets.count(), 0);
        // A number stays a number, a flag a flag, text with a colon is quoted.
        QVERIFY(c.setField("slaProperties.1.value", "15"));
        QVERIFY(c.text().contains("\n    value: 15\n    unit: min"));
        QVERIFY(c.setField("schema.0.properties.0.unique", "false"));
        QVERIFY(c.text().contains("        unique: false\n        primaryKey: true"));
        QVERIFY(c.setField("name", "Order events: all"));
        QVERIFY(c.text().contains("\nname: \"Order events: all\"\n"));
        // A missing key is added (store_id has no `required`).
        const QString withoutRequired = c.text();
        QVERIFY(c.setField("schema.0.properties.8.required", "true"));
        QCOMPARE(c.text().count(u'\n'), withoutRequired.count(u'\n') + 1);
        QCOMPARE(role(*c.form(), c.form()->rowOfPath("schema.0.properties.8.required"), "value"), QStringLiteral("true"));
        // Paths that are no field are refused with a message.
        QVERIFY(!c.setField("schema.0.properties", "x"));
        QVERIFY(c.messageIsError());
    }

    void aFormEditOfAFoldedDescriptionKeepsTheBlock()
    {
        ContractEditorController c;
        setUp(c);
        QVERIFY(c.open(QStringLiteral("orders.order_events")));
        const QString before = c.text();
        const QString path = QStringLiteral("description.usage");
        QString value = *scalarAt(before, {"description", "usage"});
        value.replace(QStringLiteral("current state"), QStringLiteral("latest state"));
        QVERIFY2(c.setField(path, value), qPrintable(c.message()));
        QCOMPARE(changedLines(before, c.text()),
                 QStringList{"    Join on order_id for the latest state of an order, or replay events in event_ts order to"});
        QVERIFY(c.text().contains("\n  usage: >-\n    Join on order_id"));
        QCOMPARE(scalarAt(c.text(), {"description", "usage"}), value);
        // Setting what is there already changes nothing and records no undo step.
        const QString after = c.text();
        QVERIFY(c.setField(path, value));
        QCOMPARE(c.text(), after);
        c.undo();
        QCOMPARE(c.text(), before);
    }

    void aYamlEditUpdatesTheForm()
    {
        ContractEditorController c;
        setUp(c);
        QVERIFY(c.open(QStringLiteral("orders.order_events")));
        QSignalSpy changes(c.form(), &QAbstractItemModel::dataChanged);
        QString text = c.text();
        text.replace("\nname: Order events\n", "\nname: Order stream\n");
        c.setText(text);
        QCOMPARE(role(*c.form(), c.form()->rowOfPath("name"), "value"), QStringLiteral("Order stream"));
        QVERIFY(changes.count() >= 1);
        // A new property typed in the YAML appears in the form.
        text.replace("      - name: legacy_status_code\n", "      - name: coupon_code\n        logicalType: string\n"
                                                            "      - name: legacy_status_code\n");
        c.setText(text);
        QCOMPARE(role(*c.form(), c.form()->rowOfPath("schema.0.properties.10.name"), "value"), QStringLiteral("coupon_code"));
        QCOMPARE(role(*c.form(), c.form()->rowOfPath("schema.0.properties.11.name"), "value"), QStringLiteral("legacy_status_code"));
        // Text that does not parse keeps the last form and is reported at its line.
        c.setText(text + "broken: [\n");
        QVERIFY(c.form()->rowOfPath("schema.0.properties.10.name") >= 0);
        QVERIFY(c.waitForValidation());
        QVERIFY(c.errorCount() >= 1);
        QVERIFY(role(*c.problems(), 0, "message").startsWith("YAML syntax"));
    }

    void undoAndRedoSpanBothViews()
    {
        ContractEditorController c;
        setUp(c);
        QVERIFY(c.open(QStringLiteral("orders.order_events")));
        const QString original = c.text();
        QVERIFY(!c.canUndo());
        // Typing in one field is one step.
        QVERIFY(c.setField("team.name", "o"));
        QVERIFY(c.setField("team.name", "or"));
        QVERIFY(c.setField("team.name", "orders-core"));
        const QString afterField = c.text();
        // Then a YAML edit: a second step.
        QString yaml = afterField;
        yaml.replace("tags: [orders, events, core]", "tags: [orders, events]");
        c.setText(yaml);
        QVERIFY(c.canUndo());
        c.undo();
        QCOMPARE(c.text(), afterField);
        QCOMPARE(role(*c.form(), c.form()->rowOfPath("team.name"), "value"), QStringLiteral("orders-core"));
        c.undo();
        QCOMPARE(c.text(), original);
        QCOMPARE(role(*c.form(), c.form()->rowOfPath("team.name"), "value"), QStringLiteral("orders-team"));
        QVERIFY(!c.canUndo());
        QVERIFY(!c.dirty());
        c.redo();
        QCOMPARE(c.text(), afterField);
        c.redo();
        QCOMPARE(c.text(), yaml);
        QVERIFY(!c.canRedo());
    }

    void problemsLandOnTheirRowsAndLines()
    {
        ContractEditorController c;
        setUp(c);
        QVERIFY(c.open(QStringLiteral("orders.order_events")));
        QVERIFY(c.setField("schema.0.properties.1.logicalType", "strang"));
        QVERIFY(c.setField("schema.0.properties.2.name", "order_id"));
        QVERIFY(c.waitForValidation());
        QVERIFY(c.errorCount() >= 2);
        const FormModel &form = *c.form();
        const int typeRow = form.rowOfPath("schema.0.properties.1.logicalType");
        QVERIFY(role(form, typeRow, "problem").contains("strang"));
        QCOMPARE(role(form, typeRow, "problemSeverity"), QStringLiteral("error"));
        QVERIFY(role(form, form.rowOfPath("schema.0.properties.2.name"), "problem").contains("used twice"));
        QVERIFY(role(form, form.rowOfPath("schema.0.properties.0.name"), "problem").isEmpty());
        // The problems list names the row and the YAML line of each.
        const int typeLine = form.data(form.index(typeRow), FormModel::LineRole).toInt();
        QCOMPARE(c.text().split(u'\n').value(typeLine - 1).trimmed(), QStringLiteral("logicalType: strang"));
        bool listed = false;
        for (int i = 0; i < c.problems()->rowCount(); ++i) {
            const QModelIndex at = c.problems()->index(i);
            if (at.data(ProblemListModel::PathRole).toString() == u"schema.0.properties.1.logicalType") {
                QCOMPARE(at.data(ProblemListModel::FormRowRole).toInt(), typeRow);
                QCOMPARE(at.data(ProblemListModel::LineRole).toInt(), typeLine);
                listed = true;
            }
        }
        QVERIFY(listed);
        bool marked = false;
        for (const QVariant &v : c.problemLines())
            marked = marked || v.toMap().value("line").toInt() == typeLine;
        QVERIFY(marked);
        // Fixed: the problem goes away.
        QVERIFY(c.setField("schema.0.properties.1.logicalType", "integer"));
        QVERIFY(c.waitForValidation());
        QVERIFY(role(form, typeRow, "problem").isEmpty());
        // An edit with errors is not saved.
        QVERIFY(c.setField("schema.0.properties.1.logicalType", "strang"));
        QVERIFY(!c.save());
        QTRY_VERIFY(c.message().contains("error")); // said once the edit is checked (a save waits for it)
    }

    void savingAnActiveContractMakesAProposal()
    {
        ContractEditorController c;
        setUp(c);
        QVERIFY(c.open(QStringLiteral("payments.refunds")));
        QVERIFY(c.savesAsProposal());
        const QString activePath = c.filePath();
        const QString activeText = c.text();
        // Dropping a required flag is not breaking; the proposal needs a new minor or patch version.
        QVERIFY(c.setField("description.purpose", "Refunds as the payment service books them"));
        QVERIFY(c.waitForValidation());
        QVERIFY2(!c.requiredVersion().isEmpty() && c.requiredVersion() != c.version(), qPrintable(c.requiredVersion()));
        const QString required = c.requiredVersion();
        QCOMPARE(c.proposalVersion(), required); // the text still says the active version
        QSignalSpy proposed(&c, &ContractEditorController::proposed);
        QVERIFY2(c.save(), qPrintable(c.message()));
        QCOMPARE(proposed.count(), 1);
        QCOMPARE(proposed.first().at(0).toString(), QStringLiteral("payments.refunds"));
        QCOMPARE(proposed.first().at(1).toString(), required);
        const QString proposal = QFileInfo(activePath).absolutePath()
                                 + QStringLiteral("/payments.refunds.v%1.proposed.odcs.yaml").arg(required);
        QVERIFY2(QFileInfo::exists(proposal), qPrintable(proposal));
        QCOMPARE(readText(activePath), activeText); // the active version is untouched
        QVERIFY(readText(proposal).contains("Refunds as the payment service books them"));
        QVERIFY(readText(proposal).contains("status: proposed"));
        QVERIFY(QDir(m_mesh + "/reviews").entryList(QDir::Dirs | QDir::NoDotAndDotDot).join(' ').contains("payments.refunds"));
        // The editor now holds the proposal, saved.
        QCOMPARE(c.filePath(), proposal);
        QVERIFY(!c.dirty());
        QVERIFY(!c.savesAsProposal());

        // Saving a proposal writes its file in place (once the edit is checked: save() does not block).
        QVERIFY(c.setField("description.purpose", "Refunds, booked"));
        QSignalSpy saved(&c, &ContractEditorController::saved);
        c.save();
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(readText(proposal), c.text());
        QVERIFY(!c.dirty());
    }

    void unsavedEditsSurviveACrash()
    {
        QString edited;
        {
            ContractEditorController c;
            setUp(c);
            QVERIFY(c.open(QStringLiteral("orders.returns")));
            QVERIFY(c.setField("name", "Returns, edited"));
            edited = c.text();
            // Destroyed with edits pending (the app quits or crashes after the autosave delay).
        }
        ContractEditorController c;
        setUp(c);
        QVERIFY(c.open(QStringLiteral("orders.returns")));
        QVERIFY(c.hasAutosave());
        QVERIFY(!c.dirty());
        c.restoreAutosave();
        QCOMPARE(c.text(), edited);
        QVERIFY(c.dirty());
        c.revert();
        QVERIFY(!c.dirty());
        QVERIFY(!QFileInfo::exists(c.autosavePath()));
    }

    void propertiesAndObjectsCanBeAdded()
    {
        ContractEditorController c;
        setUp(c);
        QVERIFY(c.open(QStringLiteral("orders.order_events")));
        const QString before = c.text();
        const FormModel &form = *c.form();
        QCOMPARE(role(form, form.rowOfPath("schema.0.name") - 1, "adds"), QStringLiteral("property"));
        const QString path = c.addProperty(0);
        QCOMPARE(path, QStringLiteral("schema.0.properties.11.name"));
        QCOMPARE(role(form, form.rowOfPath(path), "value"), QStringLiteral("new_property"));
        QCOMPARE(role(form, form.rowOfPath("schema.0.properties.11.logicalType"), "value"), QStringLiteral("string"));
        // Two new lines after the last property (legacy_status_code's folded description), nothing else.
        QCOMPARE(c.text().count(u'\n'), before.count(u'\n') + 2);
        QVERIFY(c.text().contains("Deprecated.\n      - name: new_property\n        logicalType: string\n    quality:\n"));
        // A second one gets another name; one undo step each.
        QCOMPARE(c.addProperty(0), QStringLiteral("schema.0.properties.12.name"));
        QCOMPARE(scalarAt(c.text(), {"schema", "0", "properties", "12", "name"}), QString("new_property_2"));
        c.undo();
        c.undo();
        QCOMPARE(c.text(), before);
        // A schema object, with one property so it is valid ODCS.
        const QString objectPath = c.addSchemaObject();
        QCOMPARE(objectPath, QStringLiteral("schema.1.name"));
        QCOMPARE(scalarAt(c.text(), {"schema", "1", "properties", "0", "name"}), QString("id"));
        QVERIFY(c.text().contains("    scheduler: cron\n  - name: new_object\n    physicalType: table\n    properties:\n"
                                  "      - name: id\n        logicalType: string\n"));
        QVERIFY(c.waitForValidation());
        QCOMPARE(c.errorCount(), 0);
    }

    void aLargeContractReadsItsFormOffTheGuiThread()
    {
        // The 5,000-line adventureworks example: the form follows a YAML edit with the validation.
        const QString path = m_dir.filePath(QStringLiteral("adventureworks.odcs.yaml"));
        QVERIFY(QFile::copy(testsupport::corpus(QStringLiteral(
                                "bitol-io/open-data-contract-standard/docs/examples/all/postgresql-adventureworks-contract.odcs.yaml")),
                            path));
        ContractEditorController c;
        setUp(c);
        QVERIFY(c.openFile(path));
        QVERIFY(c.form()->rowCount() > 1000);
        const QString name = role(*c.form(), c.form()->rowOfPath("schema.0.properties.0.name"), "value");
        QVERIFY(!name.isEmpty());
        QString text = c.text();
        const QString written = QStringLiteral("- name: \"%1\"").arg(name); // the example quotes its names
        const qsizetype at = text.indexOf(written);
        QVERIFY(at > 0);
        text.replace(at, written.size(), QStringLiteral("- name: renamed_column"));
        c.setText(text);
        QVERIFY(c.validating());
        // Not read on the GUI thread while typing: the form follows with the (debounced) validation.
        QCOMPARE(role(*c.form(), c.form()->rowOfPath("schema.0.properties.0.name"), "value"), name);
        QVERIFY(c.waitForValidation(60000));
        QCOMPARE(role(*c.form(), c.form()->rowOfPath("schema.0.properties.0.name"), "value"), QStringLiteral("renamed_column"));
        // Form edits still change only their line.
        const QString before = c.text();
        QVERIFY(c.setField("schema.0.properties.0.name", "again"));
        QCOMPARE(changedLines(before, c.text()).size(), 1);
        QVERIFY(c.waitForValidation(60000));
        QCOMPARE(role(*c.form(), c.form()->rowOfPath("schema.0.properties.0.name"), "value"), QStringLiteral("again"));
    }

    void newContractFromATemplate()
    {
        ContractEditorController c;
        setUp(c);
        const QVariantList ports = c.outputPorts();
        QVERIFY(ports.size() > 10);
        const QVariantMap port = ports.front().toMap();
        QVERIFY(c.newFromTemplate(port.value("productId").toString(), port.value("portName").toString()));
        QVERIFY(c.isNew());
        QVERIFY(c.dirty());
        QVERIFY(c.filePath().startsWith(m_mesh + "/contracts/"));
        QCOMPARE(role(*c.form(), c.form()->rowOfPath("status"), "value"), QStringLiteral("draft"));
        QVERIFY(c.waitForValidation());
        QCOMPARE(c.errorCount(), 0);
        const QString path = c.filePath();
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY2(c.save(), qPrintable(c.message()));
        QCOMPARE(readText(path), c.text());
        QVERIFY(!c.isNew());
    }

    /// Save while the latest edits are being checked does not spin a nested event loop (issue 19): it waits
    /// for the check, further Saves join it, typing meanwhile is saved too, and the file is written once.
    void aSaveDuringTheCheckWaitsForItAndSavesOnce()
    {
        ContractEditorController c;
        setUp(c);
        const QVariantMap port = c.outputPorts().back().toMap();
        QVERIFY(c.newFromTemplate(port.value("productId").toString(), port.value("portName").toString()));
        QVERIFY(c.waitForValidation());
        QCOMPARE(c.errorCount(), 0);
        const QString path = c.filePath();
        QSignalSpy ended(&c, &ContractEditorController::saveEnded);
        QSignalSpy saved(&c, &ContractEditorController::saved);

        QVERIFY(c.setField("description.purpose", "first"));
        QVERIFY(c.validating());
        QVERIFY(!c.save()); // not yet: the edit is being checked
        QVERIFY(c.saving());
        QCOMPARE(ended.count(), 0); // returned without running the event loop: nothing ended inside save()
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(!c.save()); // a second Save joins the first
        QVERIFY(c.setField("description.purpose", "first, then more")); // typing while it waits
        QTRY_COMPARE(ended.count(), 1);
        QCOMPARE(ended.first().at(0).toBool(), true);
        QCOMPARE(saved.count(), 1);
        QVERIFY(!c.saving());
        QVERIFY(readText(path).contains("first, then more"));
        QVERIFY(!c.dirty());

        // An edit that makes the contract invalid: the waiting save is refused once the check says so.
        QVERIFY(c.setField("schema.0.properties.0.logicalType", "not-a-type-anyone-knows"));
        QVERIFY(!c.save());
        QTRY_COMPARE(ended.count(), 2);
        QCOMPARE(ended.last().at(0).toBool(), false);
        QVERIFY(c.errorCount() > 0);
        QVERIFY(c.messageIsError());
        QVERIFY(readText(path).contains("first, then more"));
        QVERIFY(!readText(path).contains("not-a-type-anyone-knows"));

        // Closing while a save waits drops it (the edits stay in the autosave); nothing is written later.
        QVERIFY(c.setField("description.purpose", "closed before the check"));
        QVERIFY(!c.save());
        c.close();
        QCOMPARE(ended.count(), 3);
        QCOMPARE(ended.last().at(0).toBool(), false);
        QVERIFY(!c.saving());
        QTest::qWait(200);
        QVERIFY(!readText(path).contains("closed before the check"));
    }
};

QTEST_GUILESS_MAIN(TestContractEditorController)
#include "tst_contracteditorcontroller.moc"
