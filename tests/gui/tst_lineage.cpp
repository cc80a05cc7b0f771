#include "screenshotcheck.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace screenshotcheck;

namespace {

QRect contentRect(const Shot &shot)
{
    const QJsonArray r = shot.info.value("contentRect").toArray();
    return r.size() == 4 ? QRect(r[0].toInt(), r[1].toInt(), r[2].toInt(), r[3].toInt()) : QRect();
}

/// Pixels in `rect` within `tolerance` of `colour` in every channel.
int pixelsNear(const QImage &image, const QRect &rect, QColor colour, int tolerance)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QColor c = QColor::fromRgb(img.pixel(x, y));
            if (std::abs(c.red() - colour.red()) <= tolerance && std::abs(c.green() - colour.green()) <= tolerance &&
                std::abs(c.blue() - colour.blue()) <= tolerance)
                ++n;
        }
    }
    return n;
}

/// Dark pixels: in the light theme only glyphs are this dark on the canvas (accent stripes and badges are lighter).
int darkPixels(const QImage &image, const QRect &rect)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            if (qGray(img.pixel(x, y)) < 110)
                ++n;
        }
    }
    return n;
}

/// Grey ink: glyphs, without edges (bluish grey), the blue frame of the selected node or domain stripes.
int greyInkPixels(const QImage &image, const QRect &rect)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QRgb p = img.pixel(x, y);
            const int lo = std::min({qRed(p), qGreen(p), qBlue(p)});
            const int hi = std::max({qRed(p), qGreen(p), qBlue(p)});
            if (qGray(p) < 170 && hi - lo < 20)
                ++n;
        }
    }
    return n;
}

} // namespace

/// Opens the real app on the sample mesh's lineage and checks that the canvas really drew edges, nodes,
/// badges and labels (custom scene-graph geometry only renders with OpenGL, so this runs under Xvfb).
class TestLineage : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

    Shot shoot(const QString &select, const QString &name)
    {
        return takeView(m_home.path(), QStringLiteral("lineage"), select, QStringLiteral("1600x1000"), name);
    }

private Q_SLOTS:
    void productLineageDrawsEdgesAndLabels()
    {
        const Shot shot = shoot("order-events", "product.png");
        QVERIFY2(shot.exitCode == 0, qPrintable(shot.stderrText));
        QCOMPARE(shot.image.size(), QSize(1600, 1000));
        const QRect canvas = contentRect(shot);
        QVERIFY2(canvas.width() > 600 && canvas.height() > 400, "the canvas is missing or tiny");
        QVERIFY(QRect(QPoint(0, 0), shot.image.size()).contains(canvas));
        const QImage area = shot.image.copy(canvas);
        // Domain colours, antialiased glyphs, group boxes: a drawn graph has many colours, a blank one two.
        QVERIFY2(distinctColours(area) > 60, qPrintable(QString::number(distinctColours(area))));
        QVERIFY2(inkPixels(shot.image, canvas) > 20000, qPrintable(QString::number(inkPixels(shot.image, canvas))));
        // Edges: one-pixel lines in the edge colour (light theme #8a94a6), eight of them from Order Events.
        const int edge = pixelsNear(shot.image, canvas, QColor(0x8a, 0x94, 0xa6), 12);
        QVERIFY2(edge > 400, qPrintable(QString::number(edge)));
        // Labels: glyphs are the only dark pixels on the canvas.
        const int text = darkPixels(shot.image, canvas);
        QVERIFY2(text > 1500, qPrintable(QString::number(text)));
        // The breaking-proposal badge of Order Events (#8e3cc8).
        QVERIFY(pixelsNear(shot.image, canvas, QColor(0x8e, 0x3c, 0xc8), 10) > 40);
    }

    void datasetLineageShowsTheStaleBadge()
    {
        const Shot shot = shoot("postgres://northwind.inventory.stock_levels", "dataset.png");
        QVERIFY2(shot.exitCode == 0, qPrintable(shot.stderrText));
        const QRect canvas = contentRect(shot);
        QVERIFY(!canvas.isEmpty());
        QVERIFY(darkPixels(shot.image, canvas) > 1000);
        // stock_levels has not loaded for days: its amber badge (#b07d00) is drawn.
        QVERIFY(pixelsNear(shot.image, canvas, QColor(0xb0, 0x7d, 0x00), 10) > 40);
    }

    /// A 1280 px projector and a 1024 px window: the toolbar wraps instead of pushing the details panel and
    /// Export past the window's edge (it did at 1280), the neighbourhood opens with readable labels, and the
    /// graph is clipped to its frame instead of drawn over the navigation bar.
    void smallWindowsKeepTheWholeViewInside_data()
    {
        QTest::addColumn<QString>("size");
        QTest::newRow("1280x800") << QStringLiteral("1280x800");
        QTest::newRow("1024x700") << QStringLiteral("1024x700");
    }
    void smallWindowsKeepTheWholeViewInside()
    {
        QFETCH(QString, size);
        const Shot shot = takeView(m_home.path(), "lineage", "postgres://northwind.payments.payment_transactions", size,
                                   "small-" + size + ".png");
        QVERIFY2(shot.exitCode == 0, qPrintable(shot.stderrText));
        const QRect window(QPoint(0, 0), shot.image.size());
        const QRect canvas = contentRect(shot);
        const QRect details = namedRect(shot, QStringLiteral("LineageDetails"));
        const QRect exportButton = namedRect(shot, QStringLiteral("exportButton"));
        QVERIFY(!details.isEmpty() && !exportButton.isEmpty());
        QVERIFY2(window.contains(details), qPrintable(QStringLiteral("details at %1+%2").arg(details.x()).arg(details.width())));
        QVERIFY(window.contains(exportButton));
        QVERIFY(window.contains(canvas));
        QVERIFY(!canvas.intersects(details));
        QVERIFY2(canvas.width() > 450, qPrintable(QString::number(canvas.width())));
        // Labels are drawn: glyphs are the only dark pixels on the canvas above its legend (which has text).
        const QRect graph = canvas.adjusted(0, 0, 0, -60);
        QVERIFY2(greyInkPixels(shot.image, graph) > 150, qPrintable(QString::number(greyInkPixels(shot.image, graph))));
        // Left of the canvas's page, beside its rows, only the navigation bar's own colour.
        const QRect page = namedRect(shot, QStringLiteral("AreaPage"));
        const QRect strip(page.left() - 18, canvas.top(), 14, canvas.height());
        QVERIFY2(distinctColours(shot.image.copy(strip)) <= 2, qPrintable(QString::number(distinctColours(shot.image.copy(strip)))));
    }

    /// A dataset asked for on a cache that the startup sync has yet to fill: the graph read before the
    /// sync was empty, and the view must read it again once the sync is done (it showed "0 nodes").
    void datasetOnAFreshCacheIsDrawnAfterTheFirstSync()
    {
        const Shot shot = take(m_home.path(),
                               {"--cache", m_home.filePath("fresh.sqlite"), "--view", "lineage", "--select",
                                "postgres://northwind.inventory.stock_levels", "--size", "1600x1000"},
                               m_home.filePath("fresh.png"));
        QVERIFY2(shot.exitCode == 0, qPrintable(shot.stderrText));
        const QRect canvas = contentRect(shot);
        QVERIFY(!canvas.isEmpty());
        QVERIFY2(darkPixels(shot.image, canvas) > 1000, qPrintable(QString::number(darkPixels(shot.image, canvas))));
        QVERIFY(pixelsNear(shot.image, canvas, QColor(0xb0, 0x7d, 0x00), 10) > 40);
    }
};

QTEST_GUILESS_MAIN(TestLineage)
#include "tst_lineage.moc"
