#include "screenshotcheck.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace screenshotcheck;

namespace {

/// Pixels of the rect that are close to `colour` (chip fills are flat colours).
int pixelsNear(const QImage &image, const QRect &rect, QRgb colour)
{
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QRgb c = image.pixel(x, y);
            n += qAbs(qRed(c) - qRed(colour)) < 24 && qAbs(qGreen(c) - qGreen(colour)) < 24 &&
                 qAbs(qBlue(c) - qBlue(colour)) < 24;
        }
    }
    return n;
}

} // namespace

/// The sample mesh's proposal under review (orders.order_events 2.0.0 against 1.3.0) in the Contracts
/// area: the review panel sits beside the changes and really draws its state chip, its approvers
/// and the discussion, at the large and the small window size.
class TestProposalReview : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        // Sync the sample mesh into the cache first through another view: on a fresh cache the
        // Contracts area does not settle within the screenshot timeout (also without the review
        // panel; see gui.contracts), and what is checked here is the panel, not the first sync.
        const Shot warm = take(m_home.path(),
                               {"--cache", m_home.filePath("cache.sqlite"), "--view", "quality", "--size", "800x600"},
                               m_home.filePath("warm.png"));
        QVERIFY2(warm.exitCode == 0, qPrintable(warm.stderrText));
    }

    void reviewPanelIsDrawn_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1600x1000") << QSize(1600, 1000);
        QTest::newRow("1100x800") << QSize(1100, 800);
    }

    void reviewPanelIsDrawn()
    {
        QFETCH(QSize, size);
        const QString out = m_home.filePath(QStringLiteral("review-%1.png").arg(QTest::currentDataTag()));
        const QString sizeArg = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
        const Shot shot = take(m_home.path(),
                               {"--cache", m_home.filePath("cache.sqlite"), "--view", "contracts", "--select",
                                "orders.order_events@2.0.0", "--size", sizeArg},
                               out);
        QVERIFY2(shot.exitCode == 0, qPrintable(shot.stderrText));
        QCOMPARE(shot.image.size(), size);
        const QRect window(QPoint(0, 0), size);

        // The panel is there, right of the change list and inside the window.
        const QRect panel = namedRect(shot, "contractReview");
        QVERIFY2(!panel.isNull(), "the review panel is not shown");
        QVERIFY(window.contains(panel));
        // Everything named inside the panel stays inside it (nothing pushed out of a narrow panel).
        QVERIFY(panel.left() > size.width() / 3);
        QVERIFY2(panel.width() >= 300, qPrintable(QString::number(panel.width())));

        // The state chip: a filled pill with its label on it. The sample's review is in review
        // (Theme.accent fill in the light theme, #2459d6) with the white label drawn over it.
        const QRect chip = namedRect(shot, "stageChip");
        QVERIFY2(!chip.isNull(), "the state chip is not drawn");
        QVERIFY(panel.contains(chip));
        QVERIFY(chip.width() > 40 && chip.height() > 10);
        const int fill = pixelsNear(shot.image, chip, qRgb(0x24, 0x59, 0xd6));
        QVERIFY2(fill > chip.width() * chip.height() / 3, qPrintable(QString::number(fill)));
        const int label = pixelsNear(shot.image, chip, qRgb(255, 255, 255));
        QVERIFY2(label > 30, qPrintable(QString::number(label)));

        // The approvers: names and votes drawn, inside the panel.
        const QRect approvers = namedRect(shot, "approverList");
        QVERIFY2(!approvers.isNull(), "the approver list is not drawn");
        QVERIFY(panel.contains(approvers.adjusted(1, 1, -1, -1)));
        QVERIFY2(approvers.height() > 40, qPrintable(QString::number(approvers.height())));
        const int approverInk = inkPixels(shot.image, approvers);
        QVERIFY2(approverInk > 500, qPrintable(QString::number(approverInk)));

        // The discussion: the sample's comments are drawn below the approvers.
        const QRect thread = namedRect(shot, "reviewThread");
        QVERIFY2(!thread.isNull(), "the review thread is not drawn");
        QVERIFY(thread.top() >= approvers.bottom());
        const int threadInk = inkPixels(shot.image, thread);
        QVERIFY2(threadInk > 500, qPrintable(QString::number(threadInk)));
    }
};

QTEST_GUILESS_MAIN(TestProposalReview)
#include "tst_proposalreview.moc"
