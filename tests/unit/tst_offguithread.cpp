// OffGuiThread, the one way view models work off the GUI thread (issue 19): the newest request wins,
// superseded work is told to stop, busy() covers every request until its end reaches the GUI thread,
// and the destructor waits for work in flight.
#include "cache/cachefile.h"
#include "cache/guithreadguard.h"
#include "offguithread.h"

#include <QTemporaryDir>

#include <QCoreApplication>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>

class TestOffGuiThread : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theNewestRequestWins()
    {
        QObject receiver;
        int busyChanges = 0;
        OffGuiThread work(&receiver, [&] { ++busyChanges; });
        QStringList delivered;
        QSemaphore release;
        std::atomic_bool firstSawCancel{false};
        work.start([&](const OffGuiThread::Job &job) {
            release.acquire(); // held until the second request has started
            firstSawCancel = job.cancelled();
            job.deliver([&] { delivered << QStringLiteral("first"); });
        });
        QVERIFY(work.busy());
        QCOMPARE(busyChanges, 1);
        std::atomic_bool secondSawCancel{true};
        work.start([&](const OffGuiThread::Job &job) {
            secondSawCancel = job.cancelled();
            job.deliver([&] { delivered << QStringLiteral("second"); });
        });
        release.release();
        QTRY_VERIFY(!work.busy());
        QVERIFY(firstSawCancel);
        QVERIFY(!secondSawCancel);
        QCOMPARE(delivered, QStringList{QStringLiteral("second")});
        QCOMPARE(busyChanges, 2); // busy once, idle once: not per request
        // Results arrive on the receiver's thread.
        Qt::HANDLE deliveredOn = nullptr;
        work.start([&](const OffGuiThread::Job &job) { job.deliver([&] { deliveredOn = QThread::currentThreadId(); }); });
        QTRY_VERIFY(deliveredOn != nullptr);
        QCOMPARE(deliveredOn, QThread::currentThreadId());
    }

    void cancelDropsWhatWasAsked()
    {
        QObject receiver;
        OffGuiThread work(&receiver);
        bool delivered = false;
        work.start([&](const OffGuiThread::Job &job) { job.deliver([&] { delivered = true; }); });
        work.cancel();
        QTRY_VERIFY(!work.busy());
        QCoreApplication::processEvents();
        QVERIFY(!delivered);
    }

    void theDestructorWaitsForWorkInFlight()
    {
        std::atomic_bool finished{false};
        std::atomic_bool sawCancel{false};
        bool delivered = false;
        {
            QObject receiver;
            OffGuiThread work(&receiver);
            work.start([&](const OffGuiThread::Job &job) {
                for (int i = 0; i < 50 && !job.cancelled(); ++i)
                    QThread::msleep(5);
                sawCancel = job.cancelled();
                job.deliver([&] { delivered = true; });
                finished = true;
            });
            QThread::msleep(20);
        }
        QVERIFY(finished);  // joined, not left running against a destroyed view model
        QVERIFY(sawCancel); // and told to stop rather than waited out
        QCoreApplication::processEvents();
        QVERIFY(!delivered); // nothing reaches a receiver that is gone
    }

    /// The guard GUI tests arm: an open on the guarded thread is recorded unless named as known debt;
    /// opens on a worker (OffGuiThread) are not.
    void theGuiThreadGuardRecordsOpensOnTheGuardedThread()
    {
        QTemporaryDir dir;
        const QString cache = dir.filePath("c.sqlite");
        meshscope::cache::openCache(cache); // created before the guard is armed
        meshscope::sql::clearUnexpectedGuiThreadOpens();
        meshscope::sql::guardThisThreadAgainstCacheOpens(true);
        {
            const meshscope::sql::GuiThreadRead known("a named debt");
            meshscope::cache::openCache(cache, true);
        }
        QVERIFY(meshscope::sql::unexpectedGuiThreadOpens().isEmpty());
        QObject receiver;
        {
            OffGuiThread work(&receiver);
            work.start([&](const OffGuiThread::Job &) { meshscope::cache::openCache(cache, true); });
            work.waitForDone();
        }
        QVERIFY(meshscope::sql::unexpectedGuiThreadOpens().isEmpty());
        meshscope::cache::openCache(cache, true);
        QCOMPARE(meshscope::sql::unexpectedGuiThreadOpens().size(), 1);
        QVERIFY(meshscope::sql::unexpectedGuiThreadOpens().front().endsWith("c.sqlite"));
        meshscope::sql::guardThisThreadAgainstCacheOpens(false);
        meshscope::sql::clearUnexpectedGuiThreadOpens();
    }
};

QTEST_GUILESS_MAIN(TestOffGuiThread)
#include "tst_offguithread.moc"
