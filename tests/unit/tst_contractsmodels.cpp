// The Contracts area's view models on the synced sample mesh, each wrapped in
// QAbstractItemModelTester: the contract list and its filter, the default proposal pair, the
// changes grouped by severity with their lines and impact, and the side-by-side line rows.
#include "contracts/contractdiffcontroller.h"
#include "contracts/versiondiff.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace meshscope;
using namespace meshscope::diff;

class TestContractsModels : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cache;

    static QVariant role(const QAbstractItemModel &model, int row, const QByteArray &name)
    {
        return model.data(model.index(row, 0), model.roleNames().key(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cache = m_dir.filePath(QStringLiteral("cache.sqlite"));
        SyncEngine(m_cache).run({testsupport::source(QStringLiteral("resources/sample-mesh"))});
    }

    void defaultPairs()
    {
        const auto v = [](const char *version, const char *status) {
            return CachedVersion{"c", version, status, {}, {}};
        };
        QCOMPARE(defaultPair({v("1.3.0", "active"), v("2.0.0", "proposed")}).oldVersion, QStringLiteral("1.3.0"));
        QCOMPARE(defaultPair({v("1.3.0", "active"), v("2.0.0", "proposed")}).newVersion, QStringLiteral("2.0.0"));
        // A proposal older than the newest draft still pairs with the active version.
        const VersionPair p = defaultPair({v("1.0.0", "deprecated"), v("1.1.0", "active"), v("1.2.0", "draft")});
        QCOMPARE(p.oldVersion + " " + p.newVersion, QStringLiteral("1.1.0 1.2.0"));
        // Asking for the active version compares it with its predecessor.
        const VersionPair q = defaultPair({v("1.0.0", "deprecated"), v("1.1.0", "active"), v("2.0.0", "proposed")},
                                          "1.1.0");
        QCOMPARE(q.oldVersion + " " + q.newVersion, QStringLiteral("1.0.0 1.1.0"));
        const VersionPair r = defaultPair({v("1.0.0", "deprecated"), v("1.1.0", "active"), v("2.0.0", "proposed")},
                                          "1.0.0");
        QCOMPARE(r.oldVersion + " " + r.newVersion, QStringLiteral("1.1.0 1.0.0"));
        QVERIFY(defaultPair({v("1.0.0", "active")}).newVersion.isEmpty());
    }

    void contractListFilters()
    {
        ContractListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload(m_cache);
        QCOMPARE(model.totalCount(), 35); // 36 contract documents, order_events in two versions
        QCOMPARE(model.rowCount(), 35);
        const int row = model.indexOf("orders.order_events");
        QVERIFY(row >= 0);
        QCOMPARE(role(model, row, "versions").toStringList(), (QStringList{"1.3.0", "2.0.0"}));
        QCOMPARE(role(model, row, "statuses").toStringList(), (QStringList{"active", "proposed"}));
        QCOMPARE(role(model, row, "versionSummary").toString(), QStringLiteral("1.3.0 active · 2.0.0 proposed"));
        QCOMPARE(role(model, row, "hasProposal").toBool(), true);
        QCOMPARE(model.firstProposal(), QStringLiteral("orders.order_events"));

        model.setFilter("proposed");
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(role(model, 0, "contractId").toString(), QStringLiteral("orders.order_events"));
        model.setFilter("orders events");
        QVERIFY(model.rowCount() >= 1);
        for (int i = 0; i < model.rowCount(); ++i)
            QVERIFY(role(model, i, "contractId").toString().contains("orders"));
        model.setFilter("no-such-thing");
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.indexOf("orders.order_events"), -1);
        model.setFilter({});
        QCOMPARE(model.rowCount(), 35);
    }

    /// A contract with a single version says so, and still says so after a sync: reload() used to compare the
    /// version with itself, and the view read "0 breaking, 0 non-breaking, 0 info — needs 1.0.0, new version
    /// says 1.0.0" over a blank change list.
    void aSingleVersionSaysThereIsNothingToCompare()
    {
        ContractDiffController controller;
        controller.reload(m_cache);
        QVERIFY(controller.waitForIdle());
        controller.open(QStringLiteral("customer.customer_360"));
        QVERIFY(controller.waitForIdle());
        QVERIFY(!controller.hasDiff());
        QVERIFY2(controller.message().contains("one version"), qPrintable(controller.message()));
        QVERIFY2(controller.message().contains("Ctrl+E"), qPrintable(controller.message()));
        // ... and it can still be read: its document is shown (it showed the message alone).
        QVERIFY2(controller.singleText().contains("id: customer.customer_360"), qPrintable(controller.singleText().left(200)));
        controller.reload(m_cache); // what a finished sync does
        QVERIFY(controller.waitForIdle());
        QCOMPARE(controller.contractId(), QStringLiteral("customer.customer_360"));
        QVERIFY(!controller.hasDiff());
        QVERIFY2(controller.message().contains("one version"), qPrintable(controller.message()));
        // Both pickers put on one version of a contract by hand: the summary says what that is.
        controller.open(QStringLiteral("orders.order_events"));
        QVERIFY(controller.waitForIdle());
        controller.compare(QStringLiteral("1.3.0"), QStringLiteral("1.3.0"));
        QVERIFY(controller.waitForIdle());
        QCOMPARE(controller.changes()->rowCount(), 0);
        QCOMPARE(controller.summary(), QStringLiteral("Version 1.3.0 on both sides: nothing to compare"));
    }

    /// Opening the area with nothing selected shows the sample's proposal: 2.0.0 against 1.3.0.
    void controllerShowsTheProposal()
    {
        ContractDiffController controller;
        QAbstractItemModelTester changesTester(controller.changes(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester linesTester(controller.lines(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        controller.reload(m_cache);
        QVERIFY(controller.waitForIdle());
        QCOMPARE(controller.contractId(), QStringLiteral("orders.order_events"));
        QCOMPARE(controller.oldVersion(), QStringLiteral("1.3.0"));
        QCOMPARE(controller.newVersion(), QStringLiteral("2.0.0"));
        QCOMPARE(controller.versionLabels(), (QStringList{"1.3.0  (active)", "2.0.0  (proposed)"}));
        QCOMPARE(controller.versionIndex("2.0.0"), 1);
        QCOMPARE(controller.versionIndex("9.9.9"), -1);
        QVERIFY(controller.hasDiff());
        QCOMPARE(controller.currentChange(), 0); // the first breaking change is shown at once
        QCOMPARE(controller.oldFirst(), 146);    // legacy_status_code, removed: old side only
        QCOMPARE(controller.newFirst(), -1);
        QCOMPARE(controller.summary(), QStringLiteral("3 breaking, 1 non-breaking, 4 info — needs 2.0.0, proposal says 2.0.0"));
        QVERIFY2(controller.impact().startsWith("breaks 10 products in "), qPrintable(controller.impact()));
        QCOMPARE(controller.versionOk(), true);

        const ChangeListModel &changes = *controller.changes();
        QCOMPARE(changes.rowCount(), 8); // the version field is in the summary, not the list
        QStringList severities;
        for (int i = 0; i < changes.rowCount(); ++i)
            severities << role(changes, i, "severity").toString();
        QCOMPARE(severities, (QStringList{"breaking", "breaking", "breaking", "non-breaking", "info", "info", "info",
                                          "info"}));
        QCOMPARE(role(changes, 0, "section").toString(), QStringLiteral("Breaking (3)"));
        QCOMPARE(role(changes, 7, "section").toString(), QStringLiteral("Info (4)"));
        int typeRow = -1;
        for (int i = 0; i < changes.rowCount(); ++i) {
            if (role(changes, i, "path").toString().endsWith("order_id.logicalType"))
                typeRow = i;
        }
        QVERIFY(typeRow >= 0);
        QCOMPARE(role(changes, typeRow, "oldText").toString(), QStringLiteral("integer"));
        QCOMPARE(role(changes, typeRow, "newText").toString(), QStringLiteral("string"));
        QCOMPARE(role(changes, typeRow, "oldLines").toString(), QStringLiteral("60"));
        QCOMPARE(role(changes, typeRow, "newLines").toString(), QStringLiteral("64"));
        QVERIFY(role(changes, typeRow, "impact").toString().startsWith("breaks "));
        QVERIFY(role(changes, 4, "impact").toString().isEmpty()); // info changes break nobody

        // Selecting the change marks its lines on both sides and names the row to scroll to.
        QSignalSpy spy(&controller, &ContractDiffController::currentChangeChanged);
        controller.selectChange(typeRow);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(controller.oldFirst(), 59);
        QCOMPARE(controller.newFirst(), 63);
        const LineDiffModel &lines = *controller.lines();
        const int diffRow = controller.currentDiffRow();
        QCOMPARE(role(lines, diffRow, "oldNumber").toInt(), 60);
        QCOMPARE(role(lines, diffRow, "newNumber").toInt(), 64);
        QCOMPARE(role(lines, diffRow, "kind").toString(), QStringLiteral("changed"));
        QCOMPARE(role(lines, diffRow, "oldText").toString(), QStringLiteral("        logicalType: integer"));
        const QVariantList spans = role(lines, diffRow, "oldSpans").toList();
        QCOMPARE(spans, (QVariantList{21, 7})); // "integer"

        // Keyboard: next / previous stay within the list.
        controller.selectChange(changes.rowCount() - 1);
        controller.nextChange();
        QCOMPARE(controller.currentChange(), changes.rowCount() - 1);
        controller.selectChange(0);
        controller.previousChange();
        QCOMPARE(controller.currentChange(), 0);
        controller.nextChange();
        QCOMPARE(controller.currentChange(), 1);

        // The removed property: lines on the old side only.
        int removedRow = -1;
        for (int i = 0; i < changes.rowCount(); ++i) {
            if (role(changes, i, "kind").toString() == u"removed")
                removedRow = i;
        }
        QCOMPARE(role(changes, removedRow, "oldLines").toString(), QStringLiteral("147–152"));
        QCOMPARE(role(changes, removedRow, "newLines").toString(), QString());
        controller.selectChange(removedRow);
        QCOMPARE(controller.newFirst(), -1);
        QCOMPARE(role(lines, controller.currentDiffRow(), "oldNumber").toInt(), 147);
        QVERIFY(lines.rowCount() >= 231);
        // Blocks of changed lines, also those no semantic change covers (the proposal's head comment).
        QCOMPARE(lines.blockAfter(-1), 0);
        QCOMPARE(role(lines, 0, "kind").toString(), QStringLiteral("added"));
        const int second = lines.blockAfter(0);
        QVERIFY(second > 0);
        QCOMPARE(lines.blockAfter(second, false), 0);
        QCOMPARE(lines.blockAfter(0, false), -1);
        QCOMPARE(lines.blockAfter(lines.rowCount()), -1);
    }

    /// id@version, one-version contracts, unknown ids, and comparing the other way round.
    void openRefsAndReversedPair()
    {
        ContractDiffController controller;
        QAbstractItemModelTester changesTester(controller.changes(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        controller.reload(m_cache);
        QVERIFY(controller.waitForIdle());

        controller.open("orders.order_events@1.3.0");
        QVERIFY(controller.waitForIdle());
        // 1.3.0 is the active version and has no predecessor: compared with the proposal instead.
        QVERIFY(controller.hasDiff());

        controller.compare("2.0.0", "1.3.0");
        QVERIFY(controller.waitForIdle());
        QCOMPARE(controller.summary().left(10), QStringLiteral("3 breaking"));
        QVERIFY2(controller.summary().endsWith("new version says 1.3.0"), qPrintable(controller.summary()));
        QCOMPARE(controller.versionOk(), false);

        controller.open("orders.returns");
        QVERIFY(controller.waitForIdle());
        QVERIFY(!controller.hasDiff());
        QVERIFY2(controller.message().contains("one version"), qPrintable(controller.message()));
        QCOMPARE(controller.changes()->rowCount(), 0);

        controller.open("nowhere.nothing");
        QVERIFY(!controller.hasDiff());
        QVERIFY2(controller.message().contains("not in the cache"), qPrintable(controller.message()));
    }

    /// The editor asks for a proposal it has just written (id@version) before the sync has read it: once
    /// the sync has, reload() compares that version, not the pair shown before.
    void aVersionNotYetSyncedIsComparedAfterTheSync()
    {
        const QString mesh = m_dir.filePath(QStringLiteral("later-mesh"));
        testsupport::copyTree(testsupport::source(QStringLiteral("resources/sample-mesh")), mesh);
        const QString cache = m_dir.filePath(QStringLiteral("later.sqlite"));
        SyncEngine(cache).run({mesh});
        ContractDiffController controller;
        controller.reload(cache);
        QVERIFY(controller.waitForIdle());

        controller.open(QStringLiteral("orders.returns@1.2.1"));
        QVERIFY(controller.waitForIdle());
        QCOMPARE(controller.contractId(), QStringLiteral("orders.returns"));
        QCOMPARE(controller.newVersion(), QStringLiteral("1.2.0")); // all there is for now
        QVERIFY(!controller.hasDiff());

        QByteArray text = testsupport::readAll(mesh + QStringLiteral("/contracts/orders/orders.returns.odcs.yaml"));
        QVERIFY(text.contains("version: 1.2.0\nstatus: active\n"));
        text.replace("version: 1.2.0\nstatus: active\n", "version: 1.2.1\nstatus: proposed\n");
        QFile proposal(mesh + QStringLiteral("/contracts/orders/orders.returns.v1.2.1.proposed.odcs.yaml"));
        QVERIFY(proposal.open(QIODevice::WriteOnly));
        proposal.write(text);
        proposal.close();
        SyncEngine(cache).run({mesh});

        controller.reload(cache);
        QVERIFY(controller.waitForIdle());
        QCOMPARE(controller.oldVersion(), QStringLiteral("1.2.0"));
        QCOMPARE(controller.newVersion(), QStringLiteral("1.2.1"));
        QVERIFY(controller.hasDiff());

        // Once shown, a later sync keeps the pair the user looks at.
        controller.compare(QStringLiteral("1.2.1"), QStringLiteral("1.2.0"));
        QVERIFY(controller.waitForIdle());
        controller.reload(cache);
        QVERIFY(controller.waitForIdle());
        QCOMPARE(controller.oldVersion(), QStringLiteral("1.2.1"));
        QCOMPARE(controller.newVersion(), QStringLiteral("1.2.0"));
    }
};

QTEST_GUILESS_MAIN(TestContractsModels)
#include "tst_contractsmodels.moc"
