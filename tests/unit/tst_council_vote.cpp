// A council decision on a contract proposal is the council's vote in the proposal's review: signed with the
// chair's key, which reviews/allowed_signers must list for the council; recorded once; nothing for a
// deferral. The sample's proposal (orders.order_events 2.0.0) waits for "Governance council".
#include "cache/cachefile.h"
#include "council/councilvote.h"
#include "review/reviewservice.h"
#include "review/reviewsigning.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace meshscope;
using namespace meshscope::council;

namespace {

const review::ProposalKey kKey{QStringLiteral("orders.order_events"), QStringLiteral("2.0.0")};
const QString kCouncil = QStringLiteral("data-governance@northwind.example");
const review::Identity kChair{QStringLiteral("maria.keller@northwind.example"), QStringLiteral("Maria Keller")};

AgendaItem proposalItem()
{
    AgendaItem item;
    item.kind = AgendaKind::Proposal;
    item.subjectId = kKey.contractId + u'@' + kKey.version;
    item.key = QStringLiteral("proposal:") + item.subjectId;
    return item;
}

Decision decision(Outcome outcome)
{
    return {proposalItem().key, outcome, QStringLiteral("Consumers have migrated."), QDateTime::currentDateTimeUtc()};
}

const review::SlotVote *councilSlot(const review::ReviewState &state)
{
    for (const review::SlotVote &s : state.slots) {
        if (s.slot.id == u"governance")
            return &s;
    }
    return nullptr;
}

int eventFiles(const QString &root)
{
    return int(QDir(root + QStringLiteral("/reviews/orders.order_events/2.0.0")).entryList({QStringLiteral("*.json")}, QDir::Files).size());
}

} // namespace

class TestCouncilVote : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    int m_meshes = 0;

    /// A copy of the sample mesh with signatures required and its cache.
    QString mesh(std::optional<sql::Connection> &db)
    {
        const QString root = m_tmp.filePath(QStringLiteral("mesh%1").arg(++m_meshes));
        testsupport::copyTree(testsupport::source(QStringLiteral("resources/sample-mesh")), root);
        testsupport::setSignaturesRequired(root, true);
        const QString cache = root + QStringLiteral(".sqlite");
        const SyncReport r = SyncEngine(cache).run({root});
        if (!r.fatalError.isEmpty())
            qFatal("sync failed: %s", qPrintable(r.fatalError));
        db = cache::openCache(cache, true);
        return root;
    }

    QString key(const QString &name) { return testsupport::makeSshKey(m_tmp.filePath(QStringLiteral("keys/") + name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        qputenv("GIT_CONFIG_NOSYSTEM", "1");
        qputenv("HOME", m_tmp.path().toUtf8());
        qunsetenv("SSH_AUTH_SOCK");
    }

    /// Approve in the meeting → a good-signed approval by the council in the review, naming the chair;
    /// deciding the same again writes nothing.
    void anApprovalIsTheCouncilsSignedVote()
    {
        std::optional<sql::Connection> db;
        const QString root = mesh(db);
        const QString chairKey = key(QStringLiteral("council-chair"));
        testsupport::listSigningKey(root, kCouncil, chairKey);
        QVERIFY(councilSlot(review::ReviewService(root).state(kKey)));
        QVERIFY(councilSlot(review::ReviewService(root).state(kKey))->vote.isEmpty());
        const int before = eventFiles(root);

        const CouncilVote vote = recordCouncilVote(root, proposalItem(), decision(Outcome::Approve), QStringLiteral("December council"),
                                                   kChair, chairKey, *db);
        QVERIFY2(vote.recorded, qPrintable(vote.message));
        QVERIFY2(vote.message.contains(QStringLiteral("approved")), qPrintable(vote.message));
        QVERIFY(eventFiles(root) > before);
        const review::ReviewState state = review::ReviewService(root).state(kKey);
        const review::SlotVote *slot = councilSlot(state);
        QVERIFY(slot);
        QCOMPARE(slot->vote, QStringLiteral("approved"));
        QCOMPARE(slot->voter, kCouncil);
        const review::ReviewEvent &last = [&]() -> const review::ReviewEvent & {
            for (auto it = state.events.rbegin(); it != state.events.rend(); ++it)
                if (it->kind == review::EventKind::Approved)
                    return *it;
            return state.events.back();
        }();
        QVERIFY2(last.text.contains(kChair.email) && last.text.contains(QStringLiteral("December council")), qPrintable(last.text));
        QCOMPARE(state.signatures.of(last.hash).status, review::SignatureStatus::Good);

        const int after = eventFiles(root);
        const CouncilVote again = recordCouncilVote(root, proposalItem(), decision(Outcome::Approve), QStringLiteral("December council"),
                                                    kChair, chairKey, *db);
        QVERIFY(!again.recorded);
        QCOMPARE(eventFiles(root), after);
    }

    /// The chair's own key (listed for the chair, not the council) cannot cast the council's vote, and no
    /// key at all cannot either where signatures are required: nothing is written, the message says why.
    void onlyAKeyListedForTheCouncilCastsIt()
    {
        std::optional<sql::Connection> db;
        const QString root = mesh(db);
        const QString chairKey = key(QStringLiteral("chair-own"));
        testsupport::listSigningKey(root, kChair.email, chairKey);
        const int before = eventFiles(root);

        const CouncilVote vote = recordCouncilVote(root, proposalItem(), decision(Outcome::Approve), QStringLiteral("M"), kChair,
                                                   chairKey, *db);
        QVERIFY(!vote.recorded);
        QVERIFY2(vote.message.contains(QStringLiteral("allowed_signers")) && vote.message.contains(kCouncil), qPrintable(vote.message));
        const CouncilVote unsigned_ = recordCouncilVote(root, proposalItem(), decision(Outcome::Approve), QStringLiteral("M"), kChair,
                                                        QString(), *db);
        QVERIFY(!unsigned_.recorded);
        QVERIFY2(unsigned_.message.contains(QStringLiteral("signing key")), qPrintable(unsigned_.message));
        QCOMPARE(eventFiles(root), before);
        QVERIFY(councilSlot(review::ReviewService(root).state(kKey))->vote.isEmpty());
    }

    /// Reject is the council's rejection; a deferral or an action item is no vote at all.
    void rejectVotesDeferDoesNot()
    {
        std::optional<sql::Connection> db;
        const QString root = mesh(db);
        const QString chairKey = key(QStringLiteral("council-reject"));
        testsupport::listSigningKey(root, kCouncil, chairKey);
        const int before = eventFiles(root);
        for (Outcome o : {Outcome::Defer, Outcome::Action}) {
            const CouncilVote none = recordCouncilVote(root, proposalItem(), decision(o), QStringLiteral("M"), kChair, chairKey, *db);
            QVERIFY(!none.recorded);
            QVERIFY(none.message.isEmpty());
        }
        QCOMPARE(eventFiles(root), before);

        const CouncilVote vote = recordCouncilVote(root, proposalItem(), decision(Outcome::Reject), QStringLiteral("M"), kChair,
                                                   chairKey, *db);
        QVERIFY2(vote.recorded, qPrintable(vote.message));
        const review::ReviewState state = review::ReviewService(root).state(kKey);
        QCOMPARE(councilSlot(state)->vote, QStringLiteral("rejected"));
        QCOMPARE(state.stage, review::Stage::Rejected);
    }

    /// Items that are not proposals, or name a proposal with no review, write nothing.
    void otherItemsAreNoVote()
    {
        std::optional<sql::Connection> db;
        const QString root = mesh(db);
        AgendaItem governance = proposalItem();
        governance.kind = AgendaKind::GovernanceError;
        QVERIFY(!recordCouncilVote(root, governance, decision(Outcome::Approve), QStringLiteral("M"), kChair, {}, *db).recorded);
        AgendaItem unknown = proposalItem();
        unknown.subjectId = QStringLiteral("../../etc@1.0.0");
        const CouncilVote vote = recordCouncilVote(root, unknown, decision(Outcome::Approve), QStringLiteral("M"), kChair, {}, *db);
        QVERIFY(!vote.recorded);
        QVERIFY(!QFileInfo::exists(m_tmp.filePath(QStringLiteral("etc"))));
    }
};

QTEST_GUILESS_MAIN(TestCouncilVote)
#include "tst_council_vote.moc"
