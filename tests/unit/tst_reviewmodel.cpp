// ReviewModel: the review panel's model over the sample mesh's review, and its actions.
#include "review/reviewmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QDirIterator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString value(const ReviewModel &m, int row, ReviewModel::Roles role)
{
    return m.data(m.index(row), role).toString();
}

} // namespace

class TestReviewModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sampleReview()
    {
        ReviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSources({QStringLiteral("/no/such/folder"), testsupport::source(QStringLiteral("resources/sample-mesh"))});
        model.setContractId(QStringLiteral("orders.order_events"));
        QVERIFY(model.available());
        QVERIFY(model.verified());
        QCOMPARE(model.resolvedVersion(), QStringLiteral("2.0.0"));
        QCOMPARE(model.baseVersion(), QStringLiteral("1.3.0"));
        QCOMPARE(model.stage(), QStringLiteral("in-review"));
        QCOMPARE(model.approvals(), 4);
        QCOMPARE(model.required(), 9);
        QCOMPARE(model.author(), QStringLiteral("Tom Achebe"));
        QCOMPARE(model.rowCount(), 11);

        const QVariantList approvers = model.approvers();
        QCOMPARE(approvers.size(), 9);
        const QVariantMap producer = approvers.front().toMap();
        QCOMPARE(producer.value(QStringLiteral("voter")).toString(), QStringLiteral("Maria Keller"));
        QVERIFY(producer.value(QStringLiteral("satisfied")).toBool());
        int waiting = 0;
        for (const QVariant &a : approvers)
            waiting += a.toMap().value(QStringLiteral("vote")).toString().isEmpty() ? 1 : 0;
        QCOMPARE(waiting, 5);

        // Replies sit right under what they answer, indented.
        QCOMPARE(value(model, 1, ReviewModel::AuthorNameRole), QStringLiteral("Ines Costa"));
        QCOMPARE(value(model, 1, ReviewModel::FieldRole), QStringLiteral("schema.order_events.properties.order_id.logicalType"));
        QCOMPARE(value(model, 2, ReviewModel::ReplyToRole), value(model, 1, ReviewModel::HashRole));
        QCOMPARE(model.data(model.index(2), ReviewModel::DepthRole).toInt(), 1);
        QCOMPARE(model.data(model.index(1), ReviewModel::DepthRole).toInt(), 0);
        // The vote of someone who is not a reviewer is shown with why it did not count.
        bool noted = false;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (value(model, row, ReviewModel::AuthorRole) == u"marcus.young@northwind.example")
                noted = value(model, row, ReviewModel::NoteRole).contains(QLatin1String("not a listed reviewer"));
        }
        QVERIFY(noted);

        // Who is looking decides what they may do.
        model.setIdentityEmail(QStringLiteral("chloe.martin@northwind.example"));
        QVERIFY(model.canVote());
        QVERIFY(!model.isAuthor());
        model.setIdentityEmail(QStringLiteral("tom.achebe@northwind.example"));
        QVERIFY(model.isAuthor());
        QVERIFY(!model.canVote());
        model.setContractId(QStringLiteral("orders.returns"));
        QVERIFY(!model.available());
        QCOMPARE(model.rowCount(), 0);
    }

    void actionsWriteEventsAndTheLastApprovalWritesBack()
    {
        QTemporaryDir tmp;
        const QString root = tmp.filePath(QStringLiteral("mesh"));
        testsupport::copyTree(testsupport::source(QStringLiteral("resources/sample-mesh")), root);
        testsupport::setSignaturesRequired(root, false); // votes here are cast without a signing key
        ReviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSources({root});
        model.setContractId(QStringLiteral("orders.order_events"));
        QSignalSpy changed(&model, &ReviewModel::stateChanged);

        QVERIFY(!model.approve()); // nobody is signed in
        QVERIFY(model.lastError().contains(QLatin1String("e-mail")));
        model.setIdentityEmail(QStringLiteral("chloe.martin@northwind.example"));
        model.setIdentityName(QStringLiteral("Chloe Martin"));
        QVERIFY(!model.comment(QStringLiteral("  ")));
        QVERIFY2(model.comment(QStringLiteral("Which campaigns use order_id?"), QStringLiteral("schema.order_events.properties.order_id")),
                 qPrintable(model.lastError()));
        QCOMPARE(model.rowCount(), 12);
        // A reply by the short hash the panel shows lands right under the question, after the earlier answer.
        const QString question = value(model, 1, ReviewModel::HashRole);
        QVERIFY2(model.comment(QStringLiteral("Campaign joins use the id map too."), {}, question), qPrintable(model.lastError()));
        QCOMPARE(value(model, 3, ReviewModel::ReplyToRole), question);
        QCOMPARE(value(model, 3, ReviewModel::TextRole), QStringLiteral("Campaign joins use the id map too."));
        QCOMPARE(model.data(model.index(3), ReviewModel::DepthRole).toInt(), 1);
        QVERIFY(!model.comment(QStringLiteral("to nothing"), {}, QStringLiteral("ffffffff")));
        QVERIFY(model.myVote().isEmpty());
        QVERIFY2(model.approve(QStringLiteral("ok")), qPrintable(model.lastError()));
        QCOMPARE(model.approvals(), 5);
        QVERIFY(changed.count() >= 2);
        // Approved once: the panel's button says so, and a second approval adds nothing.
        QCOMPARE(model.myVote(), QStringLiteral("approved"));
        const int events = model.rowCount();
        QVERIFY(!model.approve(QStringLiteral("ok again")));
        QVERIFY2(model.lastError().contains(QLatin1String("already approved")), qPrintable(model.lastError()));
        QCOMPARE(model.rowCount(), events);
        // Someone who is not a required approver is told why there are no vote buttons.
        model.setIdentityEmail(QStringLiteral("someone@northwind.example"));
        QVERIFY(!model.canVote());
        QVERIFY2(model.voteHint().contains(QLatin1String("someone@northwind.example"))
                     && model.voteHint().contains(QLatin1String("data-governance@northwind.example")),
                 qPrintable(model.voteHint()));
        model.setIdentityEmail(QStringLiteral("chloe.martin@northwind.example"));
        QVERIFY(model.voteHint().isEmpty());

        for (const char *who : {"data-governance@northwind.example", "customer-team@northwind.example",
                                "finance-data@northwind.example"}) {
            model.setIdentityEmail(QLatin1String(who));
            QVERIFY2(model.approve(), qPrintable(model.lastError()));
        }
        QCOMPARE(model.stage(), QStringLiteral("in-review"));
        model.setIdentityEmail(QStringLiteral("orders-team@northwind.example"));
        QVERIFY2(model.approve(), qPrintable(model.lastError()));
        QCOMPARE(model.stage(), QStringLiteral("approved"));
        QVERIFY(model.applied());
        QFile proposal(root + QStringLiteral("/contracts/orders/orders.order_events.v2.proposed.odcs.yaml"));
        QVERIFY(proposal.open(QIODevice::ReadOnly));
        QVERIFY(proposal.readAll().contains("\nstatus: active\n"));
        QVERIFY(!model.canVote());
        QVERIFY(!model.reject(QStringLiteral("too late")));
        QVERIFY(model.lastError().contains(QLatin1String("approved")));
    }
};

QTEST_GUILESS_MAIN(TestReviewModel)
#include "tst_reviewmodel.moc"
