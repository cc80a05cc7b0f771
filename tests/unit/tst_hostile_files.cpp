#include "importers/importer.h"
#include "io/regularfile.h"
#include "review/reviewstore.h"
#include "sync/sourcewalker.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace meshscope;

// Hostile source trees (issue 16, classes 5, 6 and 15): what a sync, a verify and the review store read.
namespace {

QByteArray product(const QString &id)
{
    return QStringLiteral("apiVersion: v1.0.0\nkind: DataProduct\nid: %1\nname: %1\nstatus: active\ndomain: orders\n")
        .arg(id)
        .toUtf8();
}

void symlink(const QString &target, const QString &link)
{
    QVERIFY2(::symlink(QFile::encodeName(target).constData(), QFile::encodeName(link).constData()) == 0,
             qPrintable(link));
}

void mkfifo(const QString &path)
{
    QVERIFY2(::mkfifo(QFile::encodeName(path).constData(), 0644) == 0, qPrintable(path));
}

struct Run {
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs the real binary with a deadline and a 4 GB address-space limit: a build that hangs on a FIFO or
/// reads /dev/zero until memory runs out fails this test instead of the machine.
Run runMeshscope(const QStringList &args, int timeoutMs = 60000)
{
    QProcess p;
    p.setChildProcessModifier([] {
        const rlimit limit{4ULL << 30, 4ULL << 30};
        ::setrlimit(RLIMIT_AS, &limit);
    });
    p.start(QStringLiteral(MESHSCOPE_BINARY), args);
    Run r;
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

const Diagnostic *diagnosticFor(const SyncReport &r, const QString &file)
{
    for (const Diagnostic &d : r.diagnostics) {
        if (d.file == file)
            return &d;
    }
    return nullptr;
}

QString s_failingFolder;
bool failFolder(const QString &absolute)
{
    return absolute == s_failingFolder;
}

/// The scenario of an unreadable folder with real permissions: two syncs, `b` made chmod 000 between
/// them. Returns 0 when the second sync kept b's product and named the folder, else a code saying what
/// went wrong. Must run as a user whom permissions bind.
int unreadableFolderScenario(const QString &dir)
{
    const QString mesh = dir + "/mesh";
    const QString cache = dir + "/cache.sqlite";
    QDir().mkpath(mesh + "/a");
    QDir().mkpath(mesh + "/b");
    for (const auto &[path, id] : {std::pair{mesh + "/a/p.odps.yaml", "in-a"}, std::pair{mesh + "/b/q.odps.yaml", "in-b"}}) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return 10;
        f.write(product(id));
    }
    if (SyncEngine(cache).run({mesh}).counts.products != 2)
        return 11;
    if (::chmod(QFile::encodeName(mesh + "/b").constData(), 0) != 0)
        return 12;
    const SyncReport r = SyncEngine(cache).run({mesh});
    ::chmod(QFile::encodeName(mesh + "/b").constData(), 0755);
    if (r.counts.products != 2)
        return 13; // the folder's product was dropped
    const Diagnostic *d = diagnosticFor(r, "b");
    if (!d || d->severity != Diagnostic::Severity::Error)
        return 14; // no diagnostic naming the folder
    return 0;
}

} // namespace

class TestHostileFiles : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void cleanup() { setListFailureHookForTests(nullptr); }

    // Class 5: symlinks to a FIFO and to devices are never read; the sync finishes and names them.
    void symlinksToAFifoOrADeviceAreNotRead()
    {
        const QString root = m_dir.filePath("special");
        const QString mesh = root + "/mesh";
        testsupport::writeFile(mesh + "/good.odps.yaml", product("good"));
        mkfifo(mesh + "/pipe"); // a plain FIFO, not a document by its name
        symlink("pipe", mesh + "/fifo.odps.yaml");
        symlink("/dev/zero", mesh + "/zero.odps.yaml");
        symlink("/dev/urandom", mesh + "/urandom.json");
        const Run r = runMeshscope({"sync", "--cache", root + "/cache.sqlite", "--source", mesh, "--json"});
        QVERIFY2(r.finished, "sync hung on a symlink to a FIFO");
        QVERIFY2(r.exitCode == 1, r.err.constData()); // documents with errors, nothing fatal
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value("products").toInt(), 1);
        for (const char *name : {"fifo.odps.yaml", "zero.odps.yaml", "urandom.json"}) {
            QVERIFY2(r.err.contains(QByteArray(name) + ": error: ") && r.err.contains("not read"), r.err.constData());
        }
    }

    void reviewVerifyDoesNotReadAFifoOrADevice()
    {
        const QString mesh = m_dir.filePath("review-special");
        testsupport::writeFile(mesh + "/good.odps.yaml", product("good"));
        const QString folder = mesh + "/reviews/orders/1.0.0";
        QDir().mkpath(folder);
        mkfifo(mesh + "/pipe");
        symlink("../../../pipe", folder + "/0001-proposed-aaaa.json");
        symlink("/dev/zero", folder + "/0002-comment-bbbb.json");
        const Run r = runMeshscope({"review", "verify", "--source", mesh});
        QVERIFY2(r.finished, "verify hung on a symlink to a FIFO");
        QVERIFY2(r.exitCode == 1, r.err.constData() + r.out);
        const QByteArray all = r.out + r.err;
        QVERIFY2(all.contains("0001-proposed-aaaa.json") && all.contains("0002-comment-bbbb.json"), all.constData());
    }

    void theReviewStoreReadsOnlyRegularFilesInsideTheMesh()
    {
        const QString root = m_dir.filePath("store");
        const QString mesh = root + "/mesh";
        const QString folder = mesh + "/reviews/orders/1.0.0";
        QDir().mkpath(folder);
        testsupport::writeFile(root + "/outside.json", "{}");
        mkfifo(mesh + "/pipe");
        symlink("../../../../outside.json", folder + "/0001-proposed-cccc.json");
        symlink("../../../pipe", folder + "/0002-comment-dddd.json");
        symlink("/dev/urandom", folder + "/0003-comment-eeee.json");
        const review::EventLog log = review::ReviewStore(mesh).load("orders", "1.0.0");
        QStringList problems;
        for (const review::Problem &p : log.problems)
            problems << p.toString();
        const QString all = problems.join('\n');
        QVERIFY2(all.contains("0001-proposed-cccc.json: a symlink out of the mesh folder"), qPrintable(all));
        QVERIFY2(all.contains("0002-comment-dddd.json: cannot be read: not a regular file"), qPrintable(all));
        QVERIFY2(all.contains("0003-comment-eeee.json: ") && all.contains("not read"), qPrintable(all));
    }

    // The one reading rule: checked on the opened descriptor, bounded whatever stat says.
    void readRegularFileRefusesSpecialFilesAndStopsAtTheLimit()
    {
        QByteArray bytes;
        const QString fifo = m_dir.filePath("rule-fifo");
        mkfifo(fifo);
        QCOMPARE(io::readRegularFile(fifo, 1024, bytes).status, io::ReadStatus::NotRegular); // no writer: no wait
        QCOMPARE(io::readRegularFile("/dev/zero", 1024, bytes).status, io::ReadStatus::NotRegular);
        QCOMPARE(io::readRegularFile(m_dir.path(), 1024, bytes).status, io::ReadStatus::NotRegular);
        const QString file = m_dir.filePath("rule-file");
        testsupport::writeFile(file, QByteArray(1000, 'x'));
        QVERIFY(io::readRegularFile(file, 1000, bytes).ok());
        QCOMPARE(bytes.size(), 1000);
        QCOMPARE(io::readRegularFile(file, 999, bytes).status, io::ReadStatus::TooLarge);
        QVERIFY(bytes.isEmpty());
        // /proc files claim size 0 and hold more: read up to the limit, never past it.
        QCOMPARE(io::readRegularFile("/proc/self/maps", 16, bytes).status, io::ReadStatus::TooLarge);
        QVERIFY(io::readRegularFile("/proc/self/maps", 1 << 24, bytes).ok());
        QVERIFY(bytes.size() > 16);
        QVERIFY(!io::readRegularFile(m_dir.filePath("missing"), 10, bytes).ok());
    }

    // Class 5, decided: a file symlink is followed only to a file inside the source (docs/formats/sources.md).
    void aFileSymlinkOutOfTheSourceIsNotFollowed()
    {
        const QString root = m_dir.filePath("links");
        const QString mesh = root + "/mesh";
        testsupport::writeFile(root + "/outside/secret.odps.yaml", product("secret"));
        testsupport::writeFile(mesh + "/shared/real.odps.yaml", product("inside"));
        symlink("../outside/secret.odps.yaml", mesh + "/escape.odps.yaml");
        symlink("/proc/self/status", mesh + "/status.yaml");
        symlink("shared/real.odps.yaml", mesh + "/alias.odps.yaml");
        const SyncReport r = SyncEngine(root + "/cache.sqlite").run({mesh});
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
        QCOMPARE(r.counts.products, 1); // "inside", read once through its real path and once through the alias
        for (const char *link : {"escape.odps.yaml", "status.yaml"}) {
            const Diagnostic *d = diagnosticFor(r, link);
            QVERIFY2(d && d->message.contains("outside the source"), link);
        }
        QVERIFY(!diagnosticFor(r, "alias.odps.yaml") || !diagnosticFor(r, "alias.odps.yaml")->message.contains("outside"));
    }

    // Class 6: a folder that cannot be listed keeps its cached documents and is named.
    void anUnreadableFolderKeepsItsCachedDocuments()
    {
        const QString root = m_dir.filePath("unreadable-seam");
        const QString mesh = root + "/mesh";
        testsupport::writeFile(mesh + "/a/p.odps.yaml", product("in-a"));
        testsupport::writeFile(mesh + "/b/deeper/q.odps.yaml", product("in-b"));
        const QString cache = root + "/cache.sqlite";
        QCOMPARE(SyncEngine(cache).run({mesh}).counts.products, 2);
        s_failingFolder = QFileInfo(mesh).absoluteFilePath() + "/b";
        setListFailureHookForTests(&failFolder);
        const SyncReport r = SyncEngine(cache).run({mesh});
        QCOMPARE(r.counts.products, 2);
        QCOMPARE(r.filesRemoved, 0);
        const Diagnostic *d = diagnosticFor(r, "b");
        QVERIFY(d);
        QCOMPARE(d->severity, Diagnostic::Severity::Error);
        QVERIFY2(d->message.contains("cannot be read") && d->message.contains("kept"), qPrintable(d->message));
        setListFailureHookForTests(nullptr);
        // Readable again: nothing was lost, and a file removed meanwhile goes now.
        QFile::remove(mesh + "/b/deeper/q.odps.yaml");
        QCOMPARE(SyncEngine(cache).run({mesh}).counts.products, 1);
    }

    void anUnreadableFolderKeepsItsCachedDocumentsWithRealPermissions()
    {
        // Root reads through chmod 000: as root (CI), the scenario runs in a child process as nobody.
        QTemporaryDir dir;
        QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0777) == 0);
        if (::geteuid() != 0) {
            QCOMPARE(unreadableFolderScenario(dir.path()), 0);
            return;
        }
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            if (::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(20);
            ::_exit(unreadableFolderScenario(dir.path()));
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
    }

    // Class 15: a name that is not UTF-8 is named, not silently skipped.
    void aFileNameThatIsNotUtf8GetsADiagnostic()
    {
        const QString mesh = m_dir.filePath("names");
        testsupport::writeFile(mesh + "/good.odps.yaml", product("good"));
        const QByteArray bad = QFile::encodeName(mesh) + "/caf\xC3(.odps.yaml";
        const int fd = ::open(bad.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        QVERIFY(fd >= 0);
        const QByteArray text = product("cafe");
        QCOMPARE(::write(fd, text.constData(), size_t(text.size())), ssize_t(text.size()));
        ::close(fd);
        const QByteArray badFolder = QFile::encodeName(mesh) + "/dom\xFF";
        QVERIFY(::mkdir(badFolder.constData(), 0755) == 0);
        struct RemoveBadNames { // QTemporaryDir cannot name them to remove them, even when a check fails
            QByteArray file, folder;
            ~RemoveBadNames()
            {
                ::unlink(file.constData());
                ::rmdir(folder.constData());
            }
        } removeBadNames{bad, badFolder};
        const SyncReport r = SyncEngine(m_dir.filePath("names.sqlite")).run({mesh});
        QCOMPARE(r.counts.products, 1);
        const Diagnostic *d = diagnosticFor(r, "caf\\xC3(.odps.yaml");
        QVERIFY2(d && d->message.contains("not valid UTF-8"), r.diagnostics.empty() ? "none" : qPrintable(r.diagnostics.front().toString()));
        const Diagnostic *folder = diagnosticFor(r, "dom\\xFF");
        QVERIFY(folder && folder->message.contains("not valid UTF-8"));
    }

    // Class 15: a repeated key is a warning naming the key and both lines, in YAML and in JSON.
    void aDuplicateKeyIsReportedWithBothLines()
    {
        const ImportResult yaml = importDocument(
            "dup.odps.yaml", "apiVersion: v1.0.0\nkind: DataProduct\nid: first\nname: n\nstatus: active\nid: second\n");
        QCOMPARE(yaml.products.size(), size_t(1));
        QCOMPARE(yaml.products.front().id, QString("first"));
        const Diagnostic *d = nullptr;
        for (const Diagnostic &x : yaml.diagnostics) {
            if (x.message.contains("duplicate key 'id'"))
                d = &x;
        }
        QVERIFY(d);
        QCOMPARE(d->file, QString("dup.odps.yaml"));
        QCOMPARE(d->line, 6);
        QCOMPARE(d->severity, Diagnostic::Severity::Warning);
        QVERIFY2(d->message.contains("line 3"), qPrintable(d->message));

        const QByteArray json = "{\"eventType\": \"COMPLETE\",\n \"eventTime\": \"2026-01-01T00:00:00Z\",\n"
                                " \"run\": {\"runId\": \"r\"},\n \"job\": {\"namespace\": \"n\",\n  \"name\": \"a\",\n"
                                "  \"name\": \"b\"},\n \"inputs\": [], \"outputs\": []}\n";
        const ImportResult ol = importDocument("dup.json", json);
        const Diagnostic *j = nullptr;
        for (const Diagnostic &x : ol.diagnostics) {
            if (x.message.contains("duplicate key 'name'"))
                j = &x;
        }
        QVERIFY2(j, ol.diagnostics.empty() ? "none" : qPrintable(ol.diagnostics.front().toString()));
        QCOMPARE(j->line, 6);
        QVERIFY2(j->message.contains("line 5"), qPrintable(j->message));
    }
};

QTEST_GUILESS_MAIN(TestHostileFiles)
#include "tst_hostile_files.moc"
