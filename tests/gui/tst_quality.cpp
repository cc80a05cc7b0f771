#include "screenshotcheck.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace screenshotcheck;

namespace {

/// Pixels in `rect` within `tolerance` (per channel) of either theme's variant of a colour.
int pixelsLike(const QImage &image, const QRect &rect, QColor light, QColor dark, int tolerance = 40)
{
    int n = 0;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            for (const QColor &t : {light, dark}) {
                if (qAbs(c.red() - t.red()) <= tolerance && qAbs(c.green() - t.green()) <= tolerance
                    && qAbs(c.blue() - t.blue()) <= tolerance) {
                    ++n;
                    break;
                }
            }
        }
    }
    return n;
}

// Theme.qml's colours (light, dark).
const QColor kErrorLight("#c53030"), kErrorDark("#ff7b7b");
const QColor kOkLight("#1f8a4c"), kOkDark("#4cc382");
const QColor kAccentLight("#2459d6"), kAccentDark("#7aa7ff");
const QColor kWarningLight("#b07d00"), kWarningDark("#e9b949");

} // namespace

/// The Quality area on the bundled sample mesh: the overview draws its charts and shows the stale
/// product and the failing checks; a product's dashboard shows its freshness and its checks.
class TestQuality : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

    Shot shoot(const QString &name, const QStringList &select)
    {
        const QString out = m_home.filePath(name + QStringLiteral(".png"));
        QStringList args{QStringLiteral("--cache"), m_home.filePath(QStringLiteral("cache.sqlite")), QStringLiteral("--view"),
                         QStringLiteral("quality"), QStringLiteral("--size"), QStringLiteral("1600x1000")};
        args << select;
        Shot shot = take(m_home.path(), args, out);
        if (shot.exitCode != 0 || shot.image.isNull())
            qWarning() << shot.stderrText;
        return shot;
    }

private Q_SLOTS:
    void overviewShowsChartsStaleProductAndFailingChecks()
    {
        const Shot shot = shoot(QStringLiteral("overview"), {});
        QCOMPARE(shot.exitCode, 0);
        QCOMPARE(shot.image.size(), QSize(1600, 1000));
        QCOMPARE(shot.info.value(QStringLiteral("title")).toString(), QStringLiteral("Quality"));
        QVERIFY2(!shot.stderrText.contains(QStringLiteral("TypeError")), qPrintable(shot.stderrText));
        QVERIFY2(!shot.stderrText.contains(QStringLiteral("ReferenceError")), qPrintable(shot.stderrText));
        QVERIFY(distinctColours(shot.image) > 200);

        // Left: products worst first; the stale stock levels and the failing payment checks are at the
        // top, written in the error colour.
        const QRect list(110, 260, 320, 180);
        QVERIFY2(pixelsLike(shot.image, list, kErrorLight, kErrorDark) > 150,
                 qPrintable(QString::number(pixelsLike(shot.image, list, kErrorLight, kErrorDark))));
        // The KPI cards: SLO compliance below target, failing checks and stale products are red numbers.
        const QRect kpis(450, 160, 1130, 200);
        QVERIFY(pixelsLike(shot.image, kpis, kErrorLight, kErrorDark) > 400);
        // The charts are really drawn: the domain bars in the accent colour and the dashed 95% target.
        const QRect charts(450, 380, 1130, 560);
        QVERIFY2(pixelsLike(shot.image, charts, kAccentLight, kAccentDark, 30) > 20000,
                 qPrintable(QString::number(pixelsLike(shot.image, charts, kAccentLight, kAccentDark, 30))));
        QVERIFY(pixelsLike(shot.image, charts, kWarningLight, kWarningDark, 30) > 200);
    }

    void staleProductShowsItsFreshnessAgainstTarget()
    {
        const Shot shot = shoot(QStringLiteral("stock-levels"), {QStringLiteral("--select"), QStringLiteral("stock-levels")});
        QCOMPARE(shot.exitCode, 0);
        QVERIFY2(!shot.stderrText.contains(QStringLiteral("TypeError")), qPrintable(shot.stderrText));
        // The freshness chart (top right): the age line is drawn red because the product is stale. It is
        // drawn only on the 5 of 14 days the mesh has runs or checks for (11-18 and the days before 11-12
        // and between 11-12 and 11-16 are gaps, issue 18): ~490 px of red where the line across all
        // 14 days gave over 800.
        const QRect freshness(1030, 220, 540, 260);
        const int red = pixelsLike(shot.image, freshness, kErrorLight, kErrorDark, 30);
        QVERIFY2(red > 350, qPrintable(QString::number(red)));
        // "missed" and "stale" badges in the header row and the service levels list.
        const QRect header(450, 155, 1120, 150);
        QVERIFY(pixelsLike(shot.image, header, kErrorLight, kErrorDark) > 200);
    }

    void productWithFailingChecksShowsThemInTheHeatmap()
    {
        const Shot shot = shoot(QStringLiteral("payment-transactions"),
                                {QStringLiteral("--select"), QStringLiteral("payment-transactions")});
        QCOMPARE(shot.exitCode, 0);
        // Checks × runs: failed cells red, passed cells green.
        const QRect heatmap(455, 540, 660, 240);
        const int red = pixelsLike(shot.image, heatmap, kErrorLight, kErrorDark, 20);
        const int green = pixelsLike(shot.image, heatmap, kOkLight, kOkDark, 20);
        QVERIFY2(red > 900, qPrintable(QString::number(red)));
        QVERIFY2(green > 1500, qPrintable(QString::number(green)));
    }

    /// 40 domains in the governance chart: the bars overlapped their scores and QtCharts cut every name to
    /// "…". Now the lowest that fit are shown, with their names, and the card says so.
    void manyDomainsShowTheLowestThatFitWithTheirNames()
    {
        const QString mesh = m_home.filePath(QStringLiteral("many-domains"));
        QProcess gen;
        gen.start(QStringLiteral(MESHSCOPE_BINARY), {"generate", "--out", mesh, "--products", "300", "--domains", "40",
                                                     "--seed", "3"});
        QVERIFY(gen.waitForFinished(120000) && gen.exitCode() == 0);
        const Shot shot = take(m_home.path(),
                               {"--cache", m_home.filePath("many.sqlite"), "--source", mesh, "--view", "quality",
                                "--size", "1600x1000"},
                               m_home.filePath(QStringLiteral("many-domains.png")));
        QVERIFY2(shot.exitCode == 0, qPrintable(shot.stderrText));
        const QRect chart = namedRect(shot, QStringLiteral("domainScoreChart"));
        QVERIFY(!chart.isEmpty());
        // Names, not "…": the label column left of the bars carries ink for whole words (2,850 px of ink
        // with the fix, 76 without).
        const QRect labels(chart.left(), chart.top() + 20, chart.width() / 4, chart.height() - 60);
        QVERIFY2(inkPixels(shot.image, labels) > 1500, qPrintable(QString::number(inkPixels(shot.image, labels))));
        // Bars at least ~20 px apart: count the accent-coloured runs down a column through the bars.
        const int x = chart.left() + chart.width() / 2;
        int bars = 0;
        bool inBar = false;
        for (int y = chart.top(); y < chart.bottom(); ++y) {
            const bool bar = pixelsLike(shot.image, QRect(x, y, 1, 1), kAccentLight, kAccentDark, 30) == 1;
            bars += bar && !inBar;
            inBar = bar;
        }
        QVERIFY2(bars >= 6 && bars * 20 <= chart.height(), qPrintable(QString::number(bars)));
    }

    void anUnknownIdSaysSo()
    {
        const Shot shot = shoot(QStringLiteral("missing"), {QStringLiteral("--select"), QStringLiteral("no-such-product")});
        QCOMPARE(shot.exitCode, 0);
        // The empty state's heading sits in the middle of the dashboard area.
        QVERIFY(inkPixels(shot.image, QRect(700, 400, 700, 300)) > 500);
        QCOMPARE(pixelsLike(shot.image, QRect(450, 380, 1130, 560), kAccentLight, kAccentDark, 30) < 20000, true);
    }
};

QTEST_GUILESS_MAIN(TestQuality)
#include "tst_quality.moc"
