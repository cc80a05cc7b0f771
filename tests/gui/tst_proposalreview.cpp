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
/// area: the review panel sits beside the changes, gets about half the height, really draws its state
/// chip and its approvers, lays out all approvers and the discussion in one visibly scrolling area,
/// and keeps the composer inside the panel, at the large and the small window size.
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
        QTest::newRow("1280x800") << QSize(1280, 800);
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

        // The review scrolls as one inside the panel, and the composer with its button stays in the
        // panel (they used to be laid out below it, hidden under the line diff).
        const QRect scroll = namedRect(shot, "reviewScroll");
        QVERIFY2(!scroll.isNull(), "the review's scroll area is not drawn");
        QVERIFY(panel.contains(scroll));
        const QRect composer = namedRect(shot, "reviewComposer");
        QVERIFY2(!composer.isNull(), "the comment field is not drawn");
        QVERIFY2(panel.contains(composer), qPrintable(QStringLiteral("composer %1,%2 %3x%4 outside the panel")
                                                          .arg(composer.x()).arg(composer.y())
                                                          .arg(composer.width()).arg(composer.height())));
        QVERIFY(composer.top() >= scroll.bottom());
        const QRect commentButton = namedRect(shot, "commentButton");
        QVERIFY2(!commentButton.isNull(), "the Comment button is not drawn");
        QVERIFY(panel.contains(commentButton));

        // The approvers: names and votes drawn in the visible part of the scroll area. Every required
        // approver is laid out in full (the sample has nine): the last row lies inside the list, which
        // is no longer a box of 40% of the panel cutting its rows mid-line.
        const QRect approvers = namedRect(shot, "approverList");
        QVERIFY2(!approvers.isNull(), "the approver list is not drawn");
        const QRect lastApprover = namedRect(shot, "lastApprover");
        QVERIFY2(!lastApprover.isNull(), "the last approver is not laid out");
        QVERIFY(approvers.contains(lastApprover));
        QVERIFY2(lastApprover.height() >= 24, qPrintable(QString::number(lastApprover.height())));
        QVERIFY2(approvers.height() >= 9 * lastApprover.height(), qPrintable(QString::number(approvers.height())));
        const QRect approversShown = approvers.intersected(scroll);
        QVERIFY2(approversShown.height() > 40, qPrintable(QString::number(approversShown.height())));
        const int approverInk = inkPixels(shot.image, approversShown);
        QVERIFY2(approverInk > 500, qPrintable(QString::number(approverInk)));

        // The discussion below the approvers is laid out in full (the sample's eleven events), not in a
        // 100 px box: it reaches far below the scroll area (reported rects stop at the window's edge).
        const QRect thread = namedRect(shot, "reviewThread");
        QVERIFY2(!thread.isNull(), "the review thread is not laid out");
        QVERIFY(thread.top() >= approvers.bottom());
        QVERIFY2(thread.bottom() > scroll.bottom() + 100, qPrintable(QString::number(thread.bottom())));

        // More than fits, so the scroll bar is drawn, visibly, at the panel's right edge: the user sees
        // there is more to scroll to.
        const QRect bar = namedRect(shot, "reviewScrollBar");
        QVERIFY2(!bar.isNull(), "no scroll bar although the review does not fit");
        QVERIFY(panel.contains(bar));
        QVERIFY(bar.left() > scroll.center().x());
        const int barInk = inkPixels(shot.image, bar);
        QVERIFY2(barInk > 100, qPrintable(QString::number(barInk)));

        // The handle between changes/review and the lines is there, with a grip one can see.
        const QRect handle = namedRect(shot, "contractsSplitHandle");
        QVERIFY2(!handle.isNull(), "the split handle is not drawn");
        QVERIFY(handle.top() >= panel.bottom());
        QVERIFY2(handle.height() >= 6, qPrintable(QString::number(handle.height())));
        const int gripInk = inkPixels(shot.image, handle);
        QVERIFY2(gripInk > 60, qPrintable(QString::number(gripInk)));

        // The changes and the review get about half the height (they had a fixed 300 px, which cut
        // the approvers after three and a half): at least 45% of the split and 320 px.
        const QRect split = namedRect(shot, "contractsSplit");
        QVERIFY2(!split.isNull(), "the split is not drawn");
        QVERIFY2(panel.height() >= 320 && panel.height() * 100 >= split.height() * 45,
                 qPrintable(QStringLiteral("panel %1 of %2 px").arg(panel.height()).arg(split.height())));
        if (size.height() >= 1000) {
            // At 1000 px at least four whole approvers show before one scrolls.
            QVERIFY2(scroll.bottom() - approvers.top() >= 4 * lastApprover.height(),
                     qPrintable(QString::number(scroll.bottom() - approvers.top())));
        }
    }
};

QTEST_GUILESS_MAIN(TestProposalReview)
#include "tst_proposalreview.moc"
