// The council's agenda model across a refresh: a sync that rebuilds the same agenda updates the rows in
// place and appends new items, so the delegates the user is clicking survive; anything else resets.
#include "council/agendamodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace meshscope::council;

namespace {

AgendaItem item(const QString &key)
{
    AgendaItem i;
    i.key = key;
    i.kind = AgendaKind::GovernanceError;
    i.title = key;
    return i;
}

} // namespace

class TestAgendaModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aRefreshOfTheSameAgendaKeepsItsRows()
    {
        Meeting meeting = startMeeting(QStringLiteral("M"), QDateTime::currentDateTimeUtc(), {item("a"), item("b")});
        AgendaModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMeeting(&meeting);
        QCOMPARE(model.rowCount(), 2);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // The sync brings the same two items (one decided meanwhile, from the saved record) and a new one.
        Meeting refreshed = startMeeting(QStringLiteral("M"), QDateTime::currentDateTimeUtc(), {item("a"), item("b"), item("c")});
        refreshed.decide({QStringLiteral("b"), Outcome::Approve, {}, {}});
        meeting = std::move(refreshed);
        model.setMeeting(&meeting);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 2);
        QCOMPARE(inserted.first().at(2).toInt(), 2);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(1), AgendaModel::DecisionRole).toString(), QStringLiteral("approve"));

        // Reordered or shortened: the rows are not the same any more, so the model resets.
        meeting.agenda = {item("c"), item("a")};
        model.setMeeting(&meeting);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0), AgendaModel::KeyRole).toString(), QStringLiteral("c"));

        // A move keeps the keys the views know in step.
        QVERIFY(model.moveItem(0, 1));
        QCOMPARE(model.data(model.index(0), AgendaModel::KeyRole).toString(), QStringLiteral("a"));
        model.setMeeting(&meeting);
        QCOMPARE(resets.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAgendaModel)
#include "tst_agendamodel.moc"
