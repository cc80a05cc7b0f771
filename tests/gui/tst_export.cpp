#include "screenshotcheck.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace screenshotcheck;

/// `meshscope export --format png` renders the real window (like `gui --screenshot`), so it needs a
/// display: under ctest this runs inside xvfb-run; without DISPLAY the test starts its own xvfb-run.
class TestExportPng : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

    struct Result {
        int exitCode = -1;
        QString err;
        QImage image;
    };

    Result exportPng(const QStringList &viewArgs, const QString &name)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *dir : {"XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_RUNTIME_DIR"}) {
            const QString path = m_home.filePath(QString::fromLatin1(dir).toLower());
            QDir().mkpath(path);
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            env.insert(QLatin1String(dir), path);
        }
        env.insert("HOME", m_home.path());
        env.remove("QT_QPA_PLATFORM");
        const QString out = m_home.filePath(name);
        QString program = QStringLiteral(MESHSCOPE_BINARY);
        QStringList args{"export", "--cache", m_home.filePath("cache.sqlite"), "--format", "png", "--out", out};
        args += viewArgs;
        if (env.value("DISPLAY").isEmpty()) {
            args.prepend(program);
            args.prepend("-a");
            program = "xvfb-run";
        }
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(program, args);
        Result r;
        if (!p.waitForFinished(240000)) {
            p.kill();
            r.err = "timed out";
            return r;
        }
        r.exitCode = p.exitCode();
        r.err = QString::fromUtf8(p.readAllStandardError());
        r.image.load(out);
        return r;
    }

private Q_SLOTS:
    void domainMapPng()
    {
        const Result r = exportPng({"--view", "domains"}, "domains.png");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.image.size(), QSize(1600, 1000));
        QVERIFY2(distinctColours(r.image) > 40, qPrintable(QString::number(distinctColours(r.image))));
        QVERIFY(inkPixels(r.image, r.image.rect()) > 10000);
    }

    void lineagePng()
    {
        const Result r = exportPng({"--view", "lineage", "--select", "customer-360"}, "lineage.png");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.image.size(), QSize(1600, 1000));
        QVERIFY(distinctColours(r.image) > 40);
    }

    void unwritableFolderNamesTheFile()
    {
        const Result r = exportPng({"--view", "domains"}, "no/such/folder/map.png");
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("no/such/folder/map.png"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestExportPng)
#include "tst_export.moc"
