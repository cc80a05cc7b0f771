#include "screenshotcheck.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace screenshotcheck;

namespace {

/// Pixels of a hue family: the line diff tints removed lines red and added lines green, the summary
/// of a breaking proposal is drawn in the error red.
int countPixels(const QImage &image, const QRect &rect, bool (*test)(QRgb))
{
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x)
            n += test(image.pixel(x, y)) ? 1 : 0;
    }
    return n;
}

bool removedTint(QRgb c)
{
    return qRed(c) > 200 && qRed(c) - qGreen(c) > 10 && qRed(c) - qBlue(c) > 10 && qAbs(qGreen(c) - qBlue(c)) < 8;
}

bool addedTint(QRgb c)
{
    return qGreen(c) > 180 && qGreen(c) - qRed(c) > 8 && qGreen(c) - qBlue(c) > 4;
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

        // The right two thirds hold the diff: red-tinted removed and green-tinted added lines, and the
        // breaking summary in red near the top.
        const QRect diffArea(titleRect.left() + 300, titleRect.bottom(), 1600 - titleRect.left() - 320,
                             1000 - titleRect.bottom() - 40);
        const int removed = countPixels(shot.image, diffArea, removedTint);
        const int added = countPixels(shot.image, diffArea, addedTint);
        QVERIFY2(removed > 5000, qPrintable(QString::number(removed)));
        QVERIFY2(added > 5000, qPrintable(QString::number(added)));
        const QRect summaryBand(diffArea.left(), titleRect.bottom(), diffArea.width(), 120);
        const int red = countPixels(shot.image, summaryBand, strongRed);
        QVERIFY2(red > 300, qPrintable(QString::number(red)));
        // The contract list on the left carries text (names, ids, versions).
        const QRect listArea(titleRect.left(), titleRect.bottom() + 60, 260, 500);
        QVERIFY(inkPixels(shot.image, listArea) > 3000);
    }
};

QTEST_GUILESS_MAIN(TestContracts)
#include "tst_contracts.moc"
