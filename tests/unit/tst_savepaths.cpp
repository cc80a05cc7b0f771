// SavePaths: what the app's Save… dialog makes of a typed name (qml/components/SaveFileDialog.qml).
#include "savepaths.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestSavePaths : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void aBareNameGoesIntoTheFolder()
    {
        const QString folder = m_dir.path();
        QCOMPARE(SavePaths::resolve(folder, QStringLiteral("minutes.pdf"), QStringLiteral("pdf")), folder + "/minutes.pdf");
        // As a file: URL too (what AppSettings.exportFolder holds), and with blanks around.
        QCOMPARE(SavePaths::resolve(QUrl::fromLocalFile(folder).toString(), QStringLiteral("  minutes.pdf "), QStringLiteral("pdf")),
                 folder + "/minutes.pdf");
        QCOMPARE(SavePaths::resolve(folder, QStringLiteral("sub/../x.csv"), QStringLiteral("csv")), folder + "/x.csv");
    }

    void anAbsolutePathIsUsedAsItIs()
    {
        // Not "<folder>/<the typed absolute path>".
        QCOMPARE(SavePaths::resolve(m_dir.path(), QStringLiteral("/elsewhere/out.pdf"), QStringLiteral("pdf")),
                 QStringLiteral("/elsewhere/out.pdf"));
        QCOMPARE(SavePaths::resolve(m_dir.path(), QStringLiteral("~/out.pdf"), QStringLiteral("pdf")),
                 QDir::homePath() + "/out.pdf");
    }

    void aMissingSuffixGetsTheChosenTypes()
    {
        const QString f = m_dir.path();
        QCOMPARE(SavePaths::resolve(f, QStringLiteral("minutes"), QStringLiteral("pdf")), f + "/minutes.pdf");
        QCOMPARE(SavePaths::resolve(f, QStringLiteral("minutes."), QStringLiteral("pdf")), f + "/minutes.pdf");
        QCOMPARE(SavePaths::resolve(f, QStringLiteral("v1.2"), QStringLiteral("csv")), f + "/v1.2.csv");
        QCOMPARE(SavePaths::resolve(f, QStringLiteral("Minutes.PDF"), QStringLiteral("pdf")), f + "/Minutes.PDF");
        // One of the other offered types is kept as typed.
        QCOMPARE(SavePaths::resolve(f, QStringLiteral("minutes.md"), QStringLiteral("pdf"), {QStringLiteral("pdf"), QStringLiteral("md")}),
                 f + "/minutes.md");
        QCOMPARE(SavePaths::resolve(f, QStringLiteral("minutes.txt"), QStringLiteral("pdf"), {QStringLiteral("pdf"), QStringLiteral("md")}),
                 f + "/minutes.txt.pdf");
        QCOMPARE(SavePaths::resolve(f, QStringLiteral("  "), QStringLiteral("pdf")), QString());
        QCOMPARE(SavePaths::resolve(f, QStringLiteral("dir/"), QStringLiteral("pdf")), QString());
    }

    void switchingTheTypeSwapsAKnownSuffix()
    {
        const QStringList known{QStringLiteral("pdf"), QStringLiteral("md")};
        QCOMPARE(SavePaths::withSuffix(QStringLiteral("minutes.pdf"), QStringLiteral("md"), known), QStringLiteral("minutes.md"));
        QCOMPARE(SavePaths::withSuffix(QStringLiteral("minutes.v2"), QStringLiteral("md"), known), QStringLiteral("minutes.v2"));
        QCOMPARE(SavePaths::withSuffix(QStringLiteral("minutes"), QStringLiteral("md"), known), QStringLiteral("minutes"));
    }

    void problemsAreNamedBeforeWriting()
    {
        const QString f = m_dir.path();
        QVERIFY(SavePaths::problem(f + "/new.pdf").isEmpty());
        QVERIFY(SavePaths::problem(f).contains(QStringLiteral("is a folder")));
        QVERIFY(SavePaths::problem(f + "/missing/new.pdf").contains(QStringLiteral("does not exist")));
        QVERIFY(!SavePaths::problem(QString()).isEmpty());
        QFile file(f + "/old.pdf");
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(SavePaths::exists(f + "/old.pdf"));
        QVERIFY(!SavePaths::exists(f + "/new.pdf"));
    }

    void startsInAnExistingFolderElseHome()
    {
        QCOMPARE(SavePaths::startFolder(QUrl::fromLocalFile(m_dir.path())), m_dir.path());
        QCOMPARE(SavePaths::startFolder(m_dir.path()), m_dir.path());
        QCOMPARE(SavePaths::startFolder(QUrl::fromLocalFile(m_dir.path() + "/gone")), QDir::homePath());
        QCOMPARE(SavePaths::startFolder(QVariant()), QDir::homePath());
    }
};

QTEST_GUILESS_MAIN(TestSavePaths)
#include "tst_savepaths.moc"
