#include "screenshotcheck.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace screenshotcheck;

namespace {

/// Pixels in `rect` that pass `test`.
int countPixels(const QImage &image, const QRect &rect, bool (*test)(QRgb))
{
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x)
            n += test(image.pixel(x, y)) ? 1 : 0;
    }
    return n;
}

/// The selection's 3-pixel bar in Theme.accent (light theme #2459d6).
bool accentBar(QRgb c)
{
    return qAbs(qRed(c) - 0x24) < 30 && qAbs(qGreen(c) - 0x59) < 30 && qAbs(qBlue(c) - 0xd6) < 30;
}

/// A removed line under the selection: the red tint with the accent over it reads lilac.
bool selectedRemovedTint(QRgb c)
{
    // About (215, 211, 231) in the light theme: bluish, with red above green (the list's plain
    // selection, (227, 235, 252), has green above red).
    return qRed(c) > 195 && qBlue(c) - qGreen(c) > 10 && qBlue(c) - qRed(c) > 8 && qRed(c) >= qGreen(c);
}

bool strongRed(QRgb c)
{
    return qRed(c) > 150 && qRed(c) - qGreen(c) > 80 && qRed(c) - qBlue(c) > 80;
}

} // namespace

/// The Contracts area on the bundled sample mesh: the proposal of orders.order_events (2.0.0 against
/// the active 1.3.0) with its summary, changes and the side-by-side YAML.
class TestContracts : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

private Q_SLOTS:
    void proposalDiffIsDrawn_data()
    {
        QTest::addColumn<QString>("select");
        QTest::newRow("selected") << "orders.order_events";
        QTest::newRow("nothing selected") << "";
    }

    void proposalDiffIsDrawn()
    {
        QFETCH(QString, select);
        const QString out = m_home.filePath(QStringLiteral("contracts-%1.png").arg(QTest::currentDataTag()).replace(' ', '-'));
        QStringList args{"--cache", m_home.filePath("cache.sqlite"), "--view", "contracts", "--size", "1600x1000"};
        if (!select.isEmpty())
            args << "--select" << select;
        const Shot shot = take(m_home.path(), args, out);
        QVERIFY2(shot.exitCode == 0, qPrintable(shot.stderrText));
        QCOMPARE(shot.image.size(), QSize(1600, 1000));
        QVERIFY2(distinctColours(shot.image) > 100, qPrintable(QString::number(distinctColours(shot.image))));

        QCOMPARE(shot.info.value("title").toString(), QStringLiteral("Contracts"));
        const QJsonArray r = shot.info.value("titleRect").toArray();
        QCOMPARE(r.size(), 4);
        const QRect titleRect(r[0].toInt(), r[1].toInt(), r[2].toInt(), r[3].toInt());
        QVERIFY(QRect(QPoint(0, 0), shot.image.size()).contains(titleRect));
        QVERIFY(inkPixels(shot.image, titleRect) > titleRect.width() * titleRect.height() / 20);

        // The right two thirds hold the diff. The area opens on the first breaking change (the removed
        // legacy_status_code): its six old lines carry the accent bar of the selection, the removed
        // lines are tinted, and the summary of a breaking proposal is red near the top.
        const QRect diffArea(titleRect.left() + 300, titleRect.bottom(), 1600 - titleRect.left() - 320,
                             1000 - titleRect.bottom() - 40);
        const QRect lowerHalf(diffArea.left(), diffArea.top() + diffArea.height() / 2, diffArea.width(),
                              diffArea.height() / 2);
        const int bar = countPixels(shot.image, lowerHalf, accentBar);
        QVERIFY2(bar > 100, qPrintable(QString::number(bar)));
        const int selectedRows = countPixels(shot.image, lowerHalf, selectedRemovedTint);
        QVERIFY2(selectedRows > 20000, qPrintable(QString::number(selectedRows)));
        QVERIFY(inkPixels(shot.image, lowerHalf) > 10000);
        const QRect summaryBand(diffArea.left(), titleRect.bottom(), diffArea.width(), 120);
        const int red = countPixels(shot.image, summaryBand, strongRed);
        QVERIFY2(red > 300, qPrintable(QString::number(red)));
        // The contract list on the left carries text (names, ids, versions).
        const QRect listArea(titleRect.left(), titleRect.bottom() + 60, 260, 500);
        QVERIFY(inkPixels(shot.image, listArea) > 3000);
    }

    /// A 1024 px window: the contract's title squeezed to nothing and Export past the window's edge
    /// when the title and the controls shared one row; now the controls go under a whole title.
    void narrowWindowKeepsTitleAndControlsInside()
    {
        const Shot shot = takeView(m_home.path(), "contracts", "orders.order_events", "1024x700", "contracts-1024.png");
        QVERIFY2(shot.exitCode == 0, qPrintable(shot.stderrText));
        const QRect window(QPoint(0, 0), shot.image.size());
        const QRect title = namedRect(shot, QStringLiteral("contractTitle"));
        QVERIFY2(title.width() >= 300, qPrintable(QString::number(title.width())));
        QVERIFY(inkPixels(shot.image, title) > 300);
        for (const char *name : {"oldVersionPicker", "newVersionPicker", "editContract", "exportButton", "contractsSplit"}) {
            const QRect r = namedRect(shot, QLatin1String(name));
            QVERIFY2(!r.isEmpty() && window.contains(r), name);
            QVERIFY2(!r.intersects(title), name);
        }
    }

    /// A contract with one version, opened on a filled cache (the start-up sync then reloads it): it says so
    /// in words, instead of "0 breaking … needs 1.0.0" over a blank change list.
    void aSingleVersionSaysThereIsNothingToCompare()
    {
        const Shot shot = takeView(m_home.path(), "contracts", "customer.customer_360", "1280x800", "contracts-single.png");
        QVERIFY2(shot.exitCode == 0, qPrintable(shot.stderrText));
        const QRect message = namedRect(shot, QStringLiteral("diffMessage"));
        QVERIFY(!message.isEmpty());
        QVERIFY2(inkPixels(shot.image, message) > 800, qPrintable(QString::number(inkPixels(shot.image, message))));
        QVERIFY(namedRect(shot, QStringLiteral("diffSummary")).isEmpty()); // no "0 breaking" line
    }
};

QTEST_GUILESS_MAIN(TestContracts)
#include "tst_contracts.moc"
