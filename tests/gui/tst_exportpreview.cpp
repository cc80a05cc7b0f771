#include "screenshotcheck.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace screenshotcheck;

namespace {

/// Pixels in `rect` that are (nearly) white: paper.
int whitePixels(const QImage &image, const QRect &rect)
{
    int n = 0;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); y += 2)
        for (int x = r.left(); x <= r.right(); x += 2)
            n += qGray(image.pixel(x, y)) > 245;
    return n;
}

} // namespace

/// `meshscope gui --view AREA --export-preview FORMAT` on the sample mesh: the export's preview dialog
/// opens over the view once it has loaded, with the picture of what will be written (a PDF's page 1,
/// the rendered SVG, the grabbed PNG) and its Save / Cancel buttons inside the window.
class TestExportPreview : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

    Shot shoot(const QString &view, const QString &format, const QStringList &extra = {})
    {
        const QString out = m_home.filePath(view + u'-' + format + QStringLiteral(".png"));
        QStringList args{QStringLiteral("--cache"), m_home.filePath(QStringLiteral("cache.sqlite")), QStringLiteral("--view"),
                         view, QStringLiteral("--size"), QStringLiteral("1600x1000"), QStringLiteral("--export-preview"), format};
        Shot shot = take(m_home.path(), args + extra, out);
        if (shot.exitCode != 0 || shot.image.isNull())
            qWarning() << shot.stderrText;
        return shot;
    }

    /// The dialog and its picture are drawn inside the window, the picture holds something.
    void checkDialog(const Shot &shot, int minInk)
    {
        QCOMPARE(shot.exitCode, 0);
        QCOMPARE(shot.image.size(), QSize(1600, 1000));
        QVERIFY2(!shot.stderrText.contains(QStringLiteral("TypeError")), qPrintable(shot.stderrText));
        QVERIFY2(!shot.stderrText.contains(QStringLiteral("ReferenceError")), qPrintable(shot.stderrText));
        const QRect dialog = namedRect(shot, QStringLiteral("exportPreview"));
        const QRect picture = namedRect(shot, QStringLiteral("exportPreviewImage"));
        QVERIFY2(!dialog.isEmpty(), "the preview dialog is not open");
        QVERIFY(QRect(0, 0, 1600, 1000).contains(dialog));
        QVERIFY(dialog.contains(picture));
        // Save / Cancel below the picture, inside the window.
        const QRect buttons = namedRect(shot, QStringLiteral("exportPreviewButtons"));
        QVERIFY2(!buttons.isEmpty(), "no Save / Cancel buttons");
        QVERIFY(buttons.top() >= picture.bottom());
        QVERIFY(QRect(0, 0, 1600, 1000).contains(buttons));
        QVERIFY2(picture.width() > 800 && picture.height() > 500, qPrintable(QStringLiteral("%1x%2").arg(picture.width()).arg(picture.height())));
        QVERIFY2(inkPixels(shot.image, picture) > minInk, qPrintable(QString::number(inkPixels(shot.image, picture))));
        QVERIFY(!namedRect(shot, QStringLiteral("exportSummary")).isEmpty());
    }

private Q_SLOTS:
    void qualityPdfShowsPageOne()
    {
        const Shot shot = shoot(QStringLiteral("quality"), QStringLiteral("pdf"));
        checkDialog(shot, 3000);
        // Page 1 is white paper with text: mostly white, with ink.
        const QRect picture = namedRect(shot, QStringLiteral("exportPreviewImage"));
        QVERIFY2(whitePixels(shot.image, picture) > picture.width() * picture.height() / 4 / 4,
                 qPrintable(QString::number(whitePixels(shot.image, picture))));
    }

    void domainsSvgShowsTheMap()
    {
        const Shot shot = shoot(QStringLiteral("domains"), QStringLiteral("svg"));
        checkDialog(shot, 5000);
        QVERIFY(distinctColours(shot.image.copy(namedRect(shot, QStringLiteral("exportPreviewImage")))) > 20);
    }

    void lineagePngShowsTheGrabbedCanvas()
    {
        const Shot shot = shoot(QStringLiteral("lineage"), QStringLiteral("png"), {QStringLiteral("--select"), QStringLiteral("customer-360")});
        checkDialog(shot, 3000);
        QVERIFY(distinctColours(shot.image.copy(namedRect(shot, QStringLiteral("exportPreviewImage")))) > 20);
    }

    void contractsPdfShowsTheDiff()
    {
        const Shot shot = shoot(QStringLiteral("contracts"), QStringLiteral("pdf"), {QStringLiteral("--select"), QStringLiteral("orders.order_events")});
        checkDialog(shot, 3000);
    }
};

QTEST_GUILESS_MAIN(TestExportPreview)
#include "tst_exportpreview.moc"
