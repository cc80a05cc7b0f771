#include "screenshotcheck.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace screenshotcheck;

/// Opens the real app on the bundled sample mesh for every area and checks what it drew.
class TestScreenshots : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

private Q_SLOTS:
    void everyAreaRendersItsTitleAndContent_data()
    {
        QTest::addColumn<QString>("view");
        QTest::addColumn<QString>("title");
        QTest::newRow("domains") << "domains" << "Domains";
        QTest::newRow("lineage") << "lineage" << "Lineage";
        QTest::newRow("quality") << "quality" << "Quality";
        QTest::newRow("contracts") << "contracts" << "Contracts";
        QTest::newRow("council") << "council" << "Council";
        QTest::newRow("settings") << "settings" << "Settings";
    }

    void everyAreaRendersItsTitleAndContent()
    {
        QFETCH(QString, view);
        QFETCH(QString, title);
        const QString out = m_home.filePath(view + ".png");
        const Shot shot = take(m_home.path(),
                               {"--cache", m_home.filePath("cache.sqlite"), "--view", view, "--size", "1600x1000"},
                               out);
        QVERIFY2(shot.exitCode == 0, qPrintable(shot.stderrText));
        QVERIFY2(!shot.image.isNull(), "no picture saved");
        QCOMPARE(shot.image.size(), QSize(1600, 1000));
        // A blank or broken window has a handful of colours; text, icons and cards give hundreds.
        QVERIFY2(distinctColours(shot.image) > 60, qPrintable(QString::number(distinctColours(shot.image))));

        QCOMPARE(shot.info.value("title").toString(), title);
        const QJsonArray r = shot.info.value("titleRect").toArray();
        QCOMPARE(r.size(), 4);
        const QRect titleRect(r[0].toInt(), r[1].toInt(), r[2].toInt(), r[3].toInt());
        QVERIFY(QRect(QPoint(0, 0), shot.image.size()).contains(titleRect));
        // The title's glyphs are really drawn: enough pixels in its box differ from the background.
        const int ink = inkPixels(shot.image, titleRect);
        QVERIFY2(ink > titleRect.width() * titleRect.height() / 20, qPrintable(QString::number(ink)));
    }

    void syncedSampleMeshShowsItsCounts()
    {
        // The domains area shows cache counts once the bundled sample mesh has synced: the stat cards
        // below the title hold large digits, so the band under the title carries ink.
        const QString out = m_home.filePath("counts.png");
        const Shot shot = take(m_home.path(), {"--cache", m_home.filePath("cache.sqlite"), "--view", "domains"}, out);
        QVERIFY2(shot.exitCode == 0, qPrintable(shot.stderrText));
        const QJsonArray r = shot.info.value("titleRect").toArray();
        const QRect band(r[0].toInt(), r[1].toInt() + r[3].toInt() + 30, 600, 90);
        QVERIFY(inkPixels(shot.image, band) > 300);
    }

    void badUsageExitsWithTwo()
    {
        const Shot shot = take(m_home.path(), {"--view", "nowhere"}, m_home.filePath("x.png"));
        QCOMPARE(shot.exitCode, 2);
        QVERIFY(shot.stderrText.contains("--view must be one of"));
    }
};

QTEST_GUILESS_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
