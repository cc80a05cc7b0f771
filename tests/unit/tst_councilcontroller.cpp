#include "appcontroller.h"
#include "cache/cachefile.h"
#include "council/agenda.h"
#include "council/councilcontroller.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace meshscope;

/// The Council area's controller on the sample mesh: agenda, reordering, decisions saved as they happen,
/// a restart that finds the meeting again, and minutes exported as Markdown and PDF.
class TestCouncilController : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_mesh;
    std::unique_ptr<AppController> m_app;
    size_t m_expectedItems = 0;

    static bool waitForAgenda(CouncilController &c)
    {
        return QTest::qWaitFor([&] { return !c.loading() && c.agenda()->rowCount() > 0; }, 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // A writable copy of the sample mesh: the meeting is saved inside the mesh folder.
        m_mesh = m_dir.filePath(QStringLiteral("mesh"));
        QVERIFY(QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-r"),
                                  testsupport::source(QStringLiteral("resources/sample-mesh")), m_mesh}) == 0);
        const QString cache = m_dir.filePath(QStringLiteral("cache.sqlite"));
        SyncEngine(cache).run({m_mesh});
        m_app = std::make_unique<AppController>(cache, QStringList{m_mesh}, QStringLiteral("council"), QString());
        sql::Connection db = cache::openCache(cache, true);
        m_expectedItems = council::AgendaBuilder::withDefaultProviders()
                              .build(db, {QDateTime::currentDateTimeUtc(), {}})
                              .size();
    }

    void agendaModelIsConsistentWhileTheCouncilWorks()
    {
        CouncilController council;
        QAbstractItemModelTester tester(council.agenda(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitForAgenda(council));
        const int n = council.agenda()->rowCount();
        QCOMPARE(n, int(m_expectedItems));
        QVERIFY(n >= 3);
        QCOMPARE(council.currentItem().value(QStringLiteral("kind")).toString(), QStringLiteral("proposal"));
        const int minutes = council.agenda()->totalMinutes();

        // The last item (the product awaiting approval) is taken first.
        QCOMPARE(council.agenda()->data(council.agenda()->index(n - 1), AgendaModel::KindRole).toString(),
                 QStringLiteral("new-product"));
        QVERIFY(council.moveItem(n - 1, 0));
        QCOMPARE(council.agenda()->data(council.agenda()->index(0), AgendaModel::KindRole).toString(),
                 QStringLiteral("new-product"));
        QCOMPARE(council.agenda()->data(council.agenda()->index(1), AgendaModel::KindRole).toString(),
                 QStringLiteral("proposal"));
        QVERIFY(!council.moveItem(0, n));
        QVERIFY(council.setMinutes(0, 12));
        QCOMPARE(council.agenda()->totalMinutes(), minutes + 7);
        QVERIFY(!council.setMinutes(0, 0));

        QVERIFY(council.decide(1, QStringLiteral("approve"), QStringLiteral("sunset 1.3.0 in 90 days")));
        QVERIFY(!council.decide(1, QStringLiteral("maybe"), {}));
        QCOMPARE(council.agenda()->data(council.agenda()->index(1), AgendaModel::DecisionRole).toString(),
                 QStringLiteral("approve"));
        QCOMPARE(council.decidedCount(), 1);
        council.addAttendee(QStringLiteral("Maria Keller"));
        council.addAttendee(QStringLiteral("Maria Keller")); // once only
        QCOMPARE(council.attendees(), QStringList{QStringLiteral("Maria Keller")});
        QVERIFY(council.addAction(0, QStringLiteral("Add a contract to the ledger's output port"),
                                  QStringLiteral("Priya"), QStringLiteral("2026-12-06")));
        QVERIFY(!council.addAction(0, QStringLiteral("  "), {}, {}));
        council.setNotes(QStringLiteral("Next meeting in two weeks."));

        // Saved in the mesh folder as it happened; nothing waits for an explicit save.
        QVERIFY2(council.meetingFile().startsWith(m_mesh + QStringLiteral("/council/meetings/")),
                 qPrintable(council.meetingFile()));
        QVERIFY(QFile::exists(council.meetingFile()));
    }

    void aRestartFindsTodaysMeetingAgain()
    {
        // The previous test's meeting is on disk: a new controller (the app restarted) picks it up.
        CouncilController council;
        QVERIFY(waitForAgenda(council));
        QCOMPARE(council.agenda()->data(council.agenda()->index(0), AgendaModel::KindRole).toString(),
                 QStringLiteral("new-product"));
        QCOMPARE(council.agenda()->data(council.agenda()->index(1), AgendaModel::DecisionNoteRole).toString(),
                 QStringLiteral("sunset 1.3.0 in 90 days"));
        QCOMPARE(council.attendees(), QStringList{QStringLiteral("Maria Keller")});
        QCOMPARE(council.actions().size(), 1);
        QCOMPARE(council.notes(), QStringLiteral("Next meeting in two weeks."));
    }

    void presentingCountsTheTimeOfTheCurrentItem()
    {
        CouncilController council;
        QVERIFY(waitForAgenda(council));
        council.setPresenting(true);
        QTRY_VERIFY_WITH_TIMEOUT(council.itemSeconds() >= 1, 3000);
        council.next();
        QCOMPARE(council.current(), 1);
        QCOMPARE(council.itemSeconds(), 0); // the clock restarts for each item
        const int last = council.agenda()->rowCount() - 1;
        council.setCurrent(last);
        council.next();
        QCOMPARE(council.current(), last); // stays on the last item
        council.setPresenting(false);
    }

    void minutesExportAsMarkdownAndPdf()
    {
        CouncilController council;
        QVERIFY(waitForAgenda(council));
        const QString md = m_dir.filePath(QStringLiteral("minutes.md"));
        QVERIFY2(council.exportMinutes(QUrl::fromLocalFile(md)), qPrintable(council.message()));
        QFile mdFile(md);
        QVERIFY(mdFile.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(mdFile.readAll());
        QVERIFY(text.contains(QStringLiteral("- Maria Keller")));
        QVERIFY(text.contains(QStringLiteral("**Approved**: sunset 1.3.0 in 90 days")));

        const QString pdf = m_dir.filePath(QStringLiteral("minutes.pdf"));
        QVERIFY2(council.exportMinutes(QUrl::fromLocalFile(pdf)), qPrintable(council.message()));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
        // The PDF really shows the minutes: rendered to PNG, the page carries ink, not just white paper.
        const QString png = m_dir.filePath(QStringLiteral("minutes-page"));
        QCOMPARE(QProcess::execute(QStringLiteral("pdftoppm"),
                                   {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("40"),
                                    QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-singlefile"), pdf, png}),
                 0);
        const QImage page(png + QStringLiteral(".png"));
        QVERIFY(!page.isNull());
        int dark = 0;
        for (int y = 0; y < page.height(); ++y)
            for (int x = 0; x < page.width(); ++x)
                dark += qGray(page.pixel(x, y)) < 128;
        QVERIFY2(dark > 500, qPrintable(QString::number(dark)));

        QVERIFY(!council.exportMinutes(QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("minutes.docx")))));
        QVERIFY(council.message().contains(QStringLiteral(".md or .pdf")));
    }
};

QTEST_MAIN(TestCouncilController)
#include "tst_councilcontroller.moc"
