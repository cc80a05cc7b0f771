#include "cache/cachefile.h"
#include "cache/migrations.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <thread>

using namespace meshscope;

// A hostile or shared cache file (issue 16, classes 7, 12 and 13).
namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList &args, bool asNobody = false)
{
    QProcess p;
    if (asNobody && ::geteuid() == 0) {
        p.setChildProcessModifier([] {
            if (::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(99);
        });
    }
    p.start(QStringLiteral(MESHSCOPE_BINARY), args);
    if (!p.waitForFinished(120000))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Runs one statement with the plain SQLite API, outside the code under test.
void rawExec(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    char *error = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
    const QByteArray message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, message.constData());
}

bool sidecars(const QString &path)
{
    return QFile::exists(path + "-wal") || QFile::exists(path + "-shm") || QFile::exists(path + "-journal");
}

} // namespace

class TestHostileCache : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    const QString m_sample = testsupport::source("resources/sample-mesh");

private Q_SLOTS:
    // Class 7: a cache from a newer Meshscope is refused and left byte for byte as it was.
    void aRefusedNewerCacheIsNeverModified()
    {
        const QString cache = m_dir.filePath("newer.sqlite");
        rawExec(cache, "PRAGMA journal_mode=DELETE; CREATE TABLE future(x); PRAGMA user_version = 99;");
        const QByteArray before = bytesOf(cache);
        QCOMPARE(before.at(18), char(1)); // a rollback-journal file

        const SyncReport r = SyncEngine(cache).run({m_sample});
        QVERIFY2(r.fatalError.contains("newer Meshscope") && r.fatalError.contains(cache), qPrintable(r.fatalError));
        QVERIFY_THROWS_EXCEPTION(sql::SqlError, cache::openCache(cache, /*readOnly=*/true));
        const Run search = runCli({"search", "--cache", cache, "orders"});
        QCOMPARE(search.exitCode, 2);
        QVERIFY2(search.err.contains(cache) && search.err.contains("newer Meshscope"), qPrintable(search.err));

        QVERIFY(bytesOf(cache) == before);
        QVERIFY(!sidecars(cache));
    }

    // Class 7: search, check, lineage and export only read: the file is untouched, and a read-only one works.
    void commandsThatOnlyReadOpenTheCacheReadOnly()
    {
        const QString folder = m_dir.filePath("readonly");
        QDir().mkpath(folder);
        QVERIFY(::chmod(QFile::encodeName(m_dir.path()).constData(), 0755) == 0);
        QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0777) == 0);
        const QString cache = folder + "/cache.sqlite";
        QVERIFY(SyncEngine(cache).run({m_sample}).fatalError.isEmpty());
        // A rollback journal makes any opening for writing visible: it switches the header to WAL.
        rawExec(cache, "PRAGMA journal_mode=DELETE");
        QVERIFY(::chmod(QFile::encodeName(cache).constData(), 0444) == 0);
        const QByteArray before = bytesOf(cache);
        const QList<QStringList> commands{
            {"search", "--cache", cache, "orders"},
            {"check", "--cache", cache},
            {"lineage", "--cache", cache, "--node", "stock_levels"},
            {"export", "--cache", cache, "--view", "lineage", "--select", "stock_levels", "--format", "csv", "--out",
             folder + "/lineage.csv"},
        };
        for (const QStringList &args : commands) {
            // As a user who may not write the file (root may write anything).
            const Run r = runCli(args, /*asNobody=*/true);
            QVERIFY2(r.exitCode == 0 || (args.front() == "check" && r.exitCode == 1),
                     qPrintable(args.front() + ": " + r.err));
            QVERIFY2(bytesOf(cache) == before, qPrintable(args.front() + " changed the cache"));
            QVERIFY2(!sidecars(cache), qPrintable(args.front() + " left a journal"));
        }
    }

    // Class 7: a command that only reads says plainly that there is no cache yet, and creates none.
    void readingAMissingCacheCreatesNothing()
    {
        const QString cache = m_dir.filePath("missing/cache.sqlite");
        const Run r = runCli({"search", "--cache", cache, "orders"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(cache) && r.err.contains("meshscope sync"), qPrintable(r.err));
        QVERIFY(!QFile::exists(cache));
    }

    // Class 12: every cache error names the file.
    void everyCacheErrorNamesTheFile()
    {
        const QString garbage = m_dir.filePath("garbage.sqlite");
        {
            QFile f(garbage);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, 'x'));
        }
        const SyncReport notADatabase = SyncEngine(garbage).run({m_sample});
        QVERIFY2(notADatabase.fatalError.contains(garbage) && notADatabase.fatalError.contains("not a database"),
                 qPrintable(notADatabase.fatalError));
        const Run search = runCli({"search", "--cache", garbage, "orders"});
        QVERIFY2(search.exitCode == 2 && search.err.contains(garbage), qPrintable(search.err));

        // Damaged pages behind an intact header: found only when a query reads them.
        const QString damaged = m_dir.filePath("damaged.sqlite");
        QVERIFY(SyncEngine(damaged).run({m_sample}).fatalError.isEmpty());
        {
            QFile f(damaged);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.size() > 64 * 4096);
            f.seek(2 * 4096);
            f.write(QByteArray(f.size() - 3 * 4096, '\xA5'));
        }
        const Run malformed = runCli({"search", "--cache", damaged, "orders"});
        QVERIFY2(malformed.exitCode == 2 && malformed.err.contains(damaged), qPrintable(malformed.err));
        const SyncReport resync = SyncEngine(damaged).run({m_sample});
        QVERIFY2(!resync.fatalError.isEmpty() && resync.fatalError.contains(damaged), qPrintable(resync.fatalError));

        const QString good = m_dir.filePath("good.sqlite");
        QVERIFY(SyncEngine(good).run({m_sample}).fatalError.isEmpty());
        try {
            sql::Connection db = cache::openCache(good, /*readOnly=*/true);
            db.exec("DELETE FROM settings");
            QFAIL("a read-only connection wrote");
        } catch (const sql::SqlError &e) {
            QVERIFY2(e.message().contains(good) && e.message().contains("readonly"), qPrintable(e.message()));
        }

        const QString underAFile = garbage + "/cache.sqlite"; // its folder is a file
        try {
            cache::openCache(underAFile);
            QFAIL("opened a cache under a file");
        } catch (const sql::SqlError &e) {
            QVERIFY2(e.message().contains(underAFile), qPrintable(e.message()));
        }
    }

    // Class 13: two syncs creating one new cache at once both finish (the second waits for the first).
    void twoSyncsCreatingOneCacheBothSucceed()
    {
        for (int round = 0; round < 12; ++round) {
            const QString cache = m_dir.filePath(QStringLiteral("race-%1.sqlite").arg(round));
            std::atomic_int ready{0};
            SyncReport reports[2];
            auto run = [&](int i) {
                ++ready;
                while (ready.load() < 2) {
                }
                reports[i] = SyncEngine(cache).run({m_sample});
            };
            std::thread first(run, 0);
            std::thread second(run, 1);
            first.join();
            second.join();
            for (const SyncReport &r : reports) {
                QVERIFY2(r.fatalError.isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(r.fatalError)));
                QCOMPARE(r.counts.products, reports[0].counts.products);
            }
            QVERIFY(reports[0].counts.products > 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestHostileCache)
#include "tst_hostile_cache.moc"
