// A revision re-derives the approvers: after a submission, the state uses that submission's
// `data.approvers` and `data.breaking`, so a non-breaking proposal revised into a breaking one needs
// the council, and its write-back gives the deprecated version a sunset date.
#include "review/reviewstate.h"

#include <QJsonArray>
#include <QtTest>

using namespace meshscope::review;

namespace {

ReviewEvent makeEvent(EventKind kind, const QString &author, int n, const QJsonObject &data = {})
{
    ReviewEvent e;
    e.contractId = QStringLiteral("c");
    e.version = QStringLiteral("1.1.0");
    e.kind = kind;
    e.author = author;
    e.seq = n;
    e.time = QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC).addSecs(60 * n);
    e.data = data;
    e.seal();
    return e;
}

QJsonObject slot(const QString &id, const QString &who)
{
    return ApproverSlot{id, id, {}, {who}}.toJson();
}

} // namespace

class TestReviewRevision : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void submissionReplacesApproversAndBreaking()
    {
        const QJsonArray before{slot(QStringLiteral("producer"), QStringLiteral("owner@x")),
                                slot(QStringLiteral("consumer:a"), QStringLiteral("a@x"))};
        const QJsonArray after{slot(QStringLiteral("producer"), QStringLiteral("owner@x")),
                               slot(QStringLiteral("consumer:a"), QStringLiteral("a@x")),
                               slot(QStringLiteral("governance"), QStringLiteral("council@x"))};
        std::vector<ReviewEvent> events{
            makeEvent(EventKind::Proposed, QStringLiteral("author@x"), 1,
                      {{QStringLiteral("documentHash"), QStringLiteral("h1")}, {QStringLiteral("breaking"), 0},
                       {QStringLiteral("needsGovernance"), false}, {QStringLiteral("approvers"), before}}),
            makeEvent(EventKind::ReviewerAdded, QStringLiteral("author@x"), 2, {{QStringLiteral("reviewer"), QStringLiteral("extra@x")}}),
            makeEvent(EventKind::Approved, QStringLiteral("owner@x"), 3, {{QStringLiteral("documentHash"), QStringLiteral("h1")}}),
            // The author revises the proposal into a breaking one: the submission records the council.
            makeEvent(EventKind::Submitted, QStringLiteral("author@x"), 4,
                      {{QStringLiteral("documentHash"), QStringLiteral("h2")}, {QStringLiteral("breaking"), 2},
                       {QStringLiteral("needsGovernance"), true}, {QStringLiteral("approvers"), after}}),
        };
        ReviewState s = computeState(events);
        QCOMPARE(s.required(), 4); // three derived again, and the reviewer the author added stays
        QCOMPARE(s.breaking, 2);
        QVERIFY(s.breakingOrSensitive);
        QCOMPARE(s.approvals(), 0); // the producer's approval was of the earlier revision
        QCOMPARE(s.slots.front().vote, QStringLiteral("approved"));
        QVERIFY(s.slots.front().stale);

        for (const char *who : {"owner@x", "a@x", "extra@x"})
            events.push_back(makeEvent(EventKind::Approved, QLatin1String(who), int(events.size()) + 1,
                                       {{QStringLiteral("documentHash"), QStringLiteral("h2")}}));
        s = computeState(events);
        QCOMPARE(s.stage, Stage::InReview); // not approved without the council
        QCOMPARE(s.approvals(), 3);
        events.push_back(makeEvent(EventKind::Approved, QStringLiteral("council@x"), int(events.size()) + 1,
                                   {{QStringLiteral("documentHash"), QStringLiteral("h2")}}));
        s = computeState(events);
        QCOMPARE(s.stage, Stage::Approved);
        QCOMPARE(s.approvals(), 4);
    }

    void submissionWithoutApproversKeepsThem()
    {
        const QJsonArray approvers{slot(QStringLiteral("producer"), QStringLiteral("owner@x"))};
        const std::vector<ReviewEvent> events{
            makeEvent(EventKind::Proposed, QStringLiteral("author@x"), 1,
                      {{QStringLiteral("documentHash"), QStringLiteral("h1")}, {QStringLiteral("breaking"), 1},
                       {QStringLiteral("draft"), true}, {QStringLiteral("approvers"), approvers}}),
            makeEvent(EventKind::Submitted, QStringLiteral("author@x"), 2, {{QStringLiteral("documentHash"), QStringLiteral("h1")}}),
        };
        const ReviewState s = computeState(events);
        QCOMPARE(s.required(), 1);
        QCOMPARE(s.breaking, 1);
        QCOMPARE(s.stage, Stage::InReview);
    }
};

QTEST_GUILESS_MAIN(TestReviewRevision)
#include "tst_review_revision.moc"
