#include "screenshotcheck.h"

#include <QTemporaryDir>
#include <QTest>

using namespace screenshotcheck;

/// The desktop opens a contract file with `meshscope FILE.odcs.yaml` (packaging/*.desktop, MimeType):
/// the window must come up in the Contracts area on that contract.
class TestOpenFile : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

private Q_SLOTS:
    void contractFileOpensInTheContractsArea()
    {
        const QString file = QStringLiteral(MESHSCOPE_SOURCE_DIR)
            + "/resources/sample-mesh/contracts/orders/orders.order_events.odcs.yaml";
        const Shot shot = take(m_home.path(), {file, "--cache", m_home.filePath("cache.sqlite"), "--size", "1600x1000"},
                               m_home.filePath("open.png"));
        QVERIFY2(shot.exitCode == 0, qPrintable(shot.stderrText));
        QCOMPARE(shot.info.value("view").toString(), QStringLiteral("contracts"));
        QCOMPARE(shot.info.value("title").toString(), QStringLiteral("Contracts"));
        QCOMPARE(shot.info.value("select").toString(), QStringLiteral("orders.order_events"));
    }

    void unreadableFileIsBadUsage()
    {
        const Shot shot = take(m_home.path(), {m_home.filePath("missing.odcs.yaml")}, m_home.filePath("x.png"));
        QCOMPARE(shot.exitCode, 2);
        QVERIFY2(shot.stderrText.contains("missing.odcs.yaml"), qPrintable(shot.stderrText));
    }
};

QTEST_GUILESS_MAIN(TestOpenFile)
#include "tst_openfile.moc"
