// The review workflow: state machine, approver derivation on the sample mesh, the hash-linked
// history (edit, delete, reorder detected), two clones voting concurrently, write-back.
#include "cache/cachefile.h"
#include "contracts/contractdiff.h"
#include "importers/importer.h"
#include "io/atomicfile.h"
#include "review/approvers.h"
#include "review/contracttext.h"
#include "review/reviewgit.h"
#include "review/reviewservice.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace meshscope;
using namespace meshscope::review;

namespace {

const QString kId = QStringLiteral("orders.order_events");
const QString kVersion = QStringLiteral("2.0.0");
const ProposalKey kKey{kId, kVersion};

QString reviewFolder(const QString &root)
{
    return root + QStringLiteral("/reviews/orders.order_events/2.0.0");
}

QString fileMatching(const QString &root, const QString &pattern)
{
    const QStringList names = QDir(reviewFolder(root)).entryList({pattern}, QDir::Files, QDir::Name);
    return names.isEmpty() ? QString() : names.front();
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

/// An in-memory event for the state machine tests (hashes only need to be distinct).
ReviewEvent makeEvent(EventKind kind, const QString &author, int n, QJsonObject data = {})
{
    ReviewEvent e;
    e.contractId = QStringLiteral("c");
    e.version = QStringLiteral("2.0.0");
    e.kind = kind;
    e.author = author;
    e.seq = n;
    e.time = QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC).addSecs(60 * n);
    e.data = data;
    e.seal();
    return e;
}

std::vector<ReviewEvent> proposal(bool draft = false)
{
    QJsonArray approvers{ApproverSlot{QStringLiteral("producer"), QStringLiteral("P"), {}, {QStringLiteral("owner@x")}}.toJson(),
                         ApproverSlot{QStringLiteral("consumer:a"), QStringLiteral("A"), {}, {QStringLiteral("a1@x"), QStringLiteral("a2@x")}}.toJson()};
    return {makeEvent(EventKind::Proposed, QStringLiteral("author@x"), 1,
                  {{QStringLiteral("draft"), draft}, {QStringLiteral("documentHash"), QStringLiteral("h1")}, {QStringLiteral("approvers"), approvers}})};
}

QJsonObject on(const QString &hash)
{
    return {{QStringLiteral("documentHash"), hash}};
}

int run(const QStringList &arguments, QString *output = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(MESHSCOPE_BINARY), arguments);
    p.waitForFinished(60000);
    if (output)
        *output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitCode();
}

} // namespace

class TestReview : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_cache;

    /// A fresh copy of the sample mesh (with its review) and a cache synced from it.
    QString sampleCopy(const QString &name)
    {
        const QString root = m_tmp.filePath(name);
        testsupport::copyTree(testsupport::source(QStringLiteral("resources/sample-mesh")), root);
        // These cases are about the workflow and the hash chain, with events written without a signing
        // key; tst_review_signatures covers meshes that require signatures.
        testsupport::setSignaturesRequired(root, false);
        return root;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_cache = m_tmp.filePath(QStringLiteral("cache.sqlite"));
        const SyncReport report = SyncEngine(m_cache).run({testsupport::source(QStringLiteral("resources/sample-mesh"))});
        QVERIFY2(report.fatalError.isEmpty(), qPrintable(report.fatalError));
        QVERIFY2(!report.hasDocumentErrors(), "the sample mesh, with its reviews folder, syncs without errors");
    }

    // --- state machine -------------------------------------------------------------------------

    void draftNeedsSubmission()
    {
        auto events = proposal(/*draft=*/true);
        QCOMPARE(computeState(events).stage, Stage::Draft);
        events.push_back(makeEvent(EventKind::Approved, QStringLiteral("owner@x"), 2, on(QStringLiteral("h1"))));
        ReviewState s = computeState(events);
        QCOMPARE(s.stage, Stage::Draft);
        QCOMPARE(s.approvals(), 0);
        QVERIFY(s.notes.contains(events.back().hash));
        events.push_back(makeEvent(EventKind::Submitted, QStringLiteral("owner@x"), 3, on(QStringLiteral("h1"))));
        QCOMPARE(computeState(events).stage, Stage::Draft); // only the author submits
        events.push_back(makeEvent(EventKind::Submitted, QStringLiteral("author@x"), 4, on(QStringLiteral("h1"))));
        QCOMPARE(computeState(events).stage, Stage::InReview);
    }

    void changesRequestedAndBackToReview()
    {
        auto events = proposal();
        QCOMPARE(computeState(events).stage, Stage::InReview);
        events.push_back(makeEvent(EventKind::Approved, QStringLiteral("owner@x"), 2, on(QStringLiteral("h1"))));
        events.push_back(makeEvent(EventKind::ChangesRequested, QStringLiteral("a2@x"), 3, on(QStringLiteral("h1"))));
        QCOMPARE(computeState(events).stage, Stage::ChangesRequested);
        // A revision: the approval on the old document no longer counts, the request is answered.
        events.push_back(makeEvent(EventKind::Submitted, QStringLiteral("author@x"), 4, on(QStringLiteral("h2"))));
        ReviewState s = computeState(events);
        QCOMPARE(s.stage, Stage::InReview);
        QCOMPARE(s.approvals(), 0);
        // A vote cast on the old revision after the new one is out does not count either.
        events.push_back(makeEvent(EventKind::Approved, QStringLiteral("a1@x"), 5, on(QStringLiteral("h1"))));
        QCOMPARE(computeState(events).approvals(), 0);
        events.push_back(makeEvent(EventKind::Approved, QStringLiteral("a1@x"), 6, on(QStringLiteral("h2"))));
        events.push_back(makeEvent(EventKind::Approved, QStringLiteral("OWNER@x"), 7, on(QStringLiteral("h2"))));
        s = computeState(events);
        QCOMPARE(s.approvals(), 2);
        QCOMPARE(s.stage, Stage::Approved);
    }

    void submissionWithoutRevisionKeepsApprovals()
    {
        auto events = proposal();
        events.push_back(makeEvent(EventKind::Approved, QStringLiteral("owner@x"), 2, on(QStringLiteral("h1"))));
        events.push_back(makeEvent(EventKind::ChangesRequested, QStringLiteral("a1@x"), 3, on(QStringLiteral("h1"))));
        events.push_back(makeEvent(EventKind::Submitted, QStringLiteral("author@x"), 4, on(QStringLiteral("h1"))));
        const ReviewState s = computeState(events);
        QCOMPARE(s.stage, Stage::InReview);
        QCOMPARE(s.approvals(), 1);
    }

    void onlyListedReviewersCount()
    {
        auto events = proposal();
        events.push_back(makeEvent(EventKind::Approved, QStringLiteral("someone@x"), 2, on(QStringLiteral("h1"))));
        events.push_back(makeEvent(EventKind::Rejected, QStringLiteral("other@x"), 3, on(QStringLiteral("h1"))));
        const ReviewState s = computeState(events);
        QCOMPARE(s.stage, Stage::InReview);
        QCOMPARE(s.approvals(), 0);
        QVERIFY(s.notes.value(events[1].hash).contains(QLatin1String("not a listed reviewer")));
        QVERIFY(s.notes.value(events[2].hash).contains(QLatin1String("not a listed reviewer")));
    }

    void rejectionIsFinal()
    {
        auto events = proposal();
        events.push_back(makeEvent(EventKind::Rejected, QStringLiteral("a1@x"), 2, on(QStringLiteral("h1"))));
        events.push_back(makeEvent(EventKind::Approved, QStringLiteral("a1@x"), 3, on(QStringLiteral("h1"))));
        events.push_back(makeEvent(EventKind::Approved, QStringLiteral("owner@x"), 4, on(QStringLiteral("h1"))));
        const ReviewState s = computeState(events);
        QCOMPARE(s.stage, Stage::Rejected);
        QVERIFY(s.notes.contains(events[2].hash));
    }

    void withdrawnByTheAuthorOnly()
    {
        auto events = proposal();
        events.push_back(makeEvent(EventKind::Withdrawn, QStringLiteral("owner@x"), 2));
        QCOMPARE(computeState(events).stage, Stage::InReview);
        events.push_back(makeEvent(EventKind::Withdrawn, QStringLiteral("author@x"), 3));
        QCOMPARE(computeState(events).stage, Stage::Withdrawn);
        events.push_back(makeEvent(EventKind::Approved, QStringLiteral("owner@x"), 4, on(QStringLiteral("h1"))));
        QCOMPARE(computeState(events).approvals(), 0);
    }

    void addedReviewerIsRequired()
    {
        auto events = proposal();
        events.push_back(makeEvent(EventKind::ReviewerAdded, QStringLiteral("author@x"), 2, {{QStringLiteral("reviewer"), QStringLiteral("extra@x")}}));
        events.push_back(makeEvent(EventKind::Approved, QStringLiteral("owner@x"), 3, on(QStringLiteral("h1"))));
        events.push_back(makeEvent(EventKind::Approved, QStringLiteral("a2@x"), 4, on(QStringLiteral("h1"))));
        ReviewState s = computeState(events);
        QCOMPARE(s.required(), 3);
        QCOMPARE(s.stage, Stage::InReview);
        events.push_back(makeEvent(EventKind::Approved, QStringLiteral("extra@x"), 5, on(QStringLiteral("h1"))));
        QCOMPARE(computeState(events).stage, Stage::Approved);
    }

    // --- approvers ---------------------------------------------------------------------------

    void approversOfTheSampleProposal()
    {
        sql::Connection db = cache::openCache(m_cache, true);
        const QString dir = testsupport::source(QStringLiteral("resources/sample-mesh/contracts/orders/"));
        const Contract base = importDocument(QStringLiteral("a.yaml"), testsupport::readAll(dir + QStringLiteral("orders.order_events.odcs.yaml"))).contracts.front();
        const Contract proposed = importDocument(QStringLiteral("b.yaml"), testsupport::readAll(dir + QStringLiteral("orders.order_events.v2.proposed.odcs.yaml"))).contracts.front();
        const std::vector<ApproverSlot> slots = deriveApprovers(db, base, diff::diffContracts(base, proposed));
        QHash<QString, QStringList> byId;
        for (const ApproverSlot &s : slots)
            byId.insert(s.id, s.candidates);
        // The producer from the contract's roles (its own products returns and order-status-stream
        // have the same owner, so they share the slot), the council for the breaking change, one owner
        // of every consuming product, by input port or lineage source.
        QCOMPARE(byId.value(QStringLiteral("producer")), QStringList{QStringLiteral("maria.keller@northwind.example")});
        QCOMPARE(byId.value(QStringLiteral("governance")), QStringList{QStringLiteral("data-governance@northwind.example")});
        QCOMPARE(byId.value(QStringLiteral("consumer:fraud-scores")), QStringList{QStringLiteral("ines.costa@northwind.example")});
        QCOMPARE(byId.value(QStringLiteral("consumer:shipments")), QStringList{QStringLiteral("fatima.haddad@northwind.example")});
        QCOMPARE(byId.value(QStringLiteral("consumer:loyalty-points-ledger")), QStringList{QStringLiteral("sofia.marquez@northwind.example")});
        QCOMPARE(byId.value(QStringLiteral("consumer:revenue-daily")), QStringList{QStringLiteral("finance-data@northwind.example")});
        QVERIFY(byId.contains(QStringLiteral("consumer:customer-360")));
        QVERIFY(byId.contains(QStringLiteral("consumer:orders-facts")));
        QVERIFY(byId.contains(QStringLiteral("consumer:campaign-attribution")));
        QVERIFY(!byId.contains(QStringLiteral("consumer:order-events"))); // the producer's own product
        QCOMPARE(int(slots.size()), 9);

        // A description-only change needs neither the council nor a second slot for the same people.
        Contract small = base;
        small.description += QStringLiteral(" More.");
        bool council = false;
        for (const ApproverSlot &s : deriveApprovers(db, base, diff::diffContracts(base, small)))
            council = council || s.id == u"governance" || s.candidates.contains(QStringLiteral("data-governance@northwind.example"));
        QVERIFY2(council, "data-governance is also the roles' second-level approver, so it stays");
        // A contract without second-level approvers: the council only for breaking or sensitive changes.
        Contract plain = base;
        for (ContractRole &r : plain.roles)
            r.secondLevelApprovers.clear();
        Contract described = plain;
        described.description += QStringLiteral(" More.");
        bool any = false;
        for (const ApproverSlot &s : deriveApprovers(db, plain, diff::diffContracts(plain, described)))
            any = any || s.id == u"governance";
        QVERIFY(!any);
        Contract reclassified = plain;
        reclassified.schema[0].properties[2].classification = QStringLiteral("confidential");
        any = false;
        for (const ApproverSlot &s : deriveApprovers(db, plain, diff::diffContracts(plain, reclassified)))
            any = any || s.id == u"governance";
        QVERIFY2(any, "a classification change needs the council");
    }

    // --- the sample review -------------------------------------------------------------------

    void sampleReviewVerifies()
    {
        const ReviewService service(testsupport::source(QStringLiteral("resources/sample-mesh")));
        EventLog log;
        const ReviewState s = service.state(kKey, &log);
        QVERIFY2(log.problems.empty(), log.problems.empty() ? "" : qPrintable(log.problems.front().toString()));
        QCOMPARE(int(log.events.size()), 11);
        QCOMPARE(s.stage, Stage::InReview);
        QCOMPARE(s.approvals(), 4);
        QCOMPARE(s.required(), 9);
        QCOMPARE(s.documentHash, service.fileHash(s.proposalFile));
        int ignored = 0;
        for (const QString &note : s.notes)
            ignored += note.contains(QLatin1String("not a listed reviewer")) ? 1 : 0;
        QCOMPARE(ignored, 1); // Marcus Young's approval
        QString out;
        QCOMPARE(run({QStringLiteral("review"), QStringLiteral("verify"), QStringLiteral("--source"),
                      testsupport::source(QStringLiteral("resources/sample-mesh"))}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("ok: 1 proposals, 11 events")), qPrintable(out));
    }

    // --- tamper evidence ---------------------------------------------------------------------

    void editedEventIsNamed()
    {
        const QString root = sampleCopy(QStringLiteral("edited"));
        const QString name = fileMatching(root, QStringLiteral("0004-approved-*"));
        QByteArray text = read(reviewFolder(root) + QLatin1Char('/') + name);
        text.replace("Agreed with", "Not agreed with");
        write(reviewFolder(root) + QLatin1Char('/') + name, text);
        QString out;
        QCOMPARE(run({QStringLiteral("review"), QStringLiteral("verify"), QStringLiteral("--source"), root}, &out), 1);
        QVERIFY2(out.contains(name + QStringLiteral(": edited")), qPrintable(out));
        // Nobody builds on a broken history.
        QString error;
        ReviewService service(root);
        QVERIFY(!service.record(kKey, EventKind::Commented, {QStringLiteral("x@y"), {}}, QStringLiteral("hi"), &error));
        QVERIFY(error.contains(name));
    }

    void addedKeyIsAnEdit()
    {
        const QString root = sampleCopy(QStringLiteral("addedkey"));
        const QString name = fileMatching(root, QStringLiteral("0008-approved-*"));
        QByteArray text = read(reviewFolder(root) + QLatin1Char('/') + name);
        text.replace("\"author\":", "\"onBehalfOf\": \"someone\",\n    \"author\":");
        write(reviewFolder(root) + QLatin1Char('/') + name, text);
        const EventLog log = ReviewStore(root).load(kId, kVersion);
        QCOMPARE(int(log.problems.size()), 1);
        QVERIFY(log.problems.front().file.endsWith(name));
    }

    void deletedEventIsNamed()
    {
        const QString root = sampleCopy(QStringLiteral("deleted"));
        const QString gone = fileMatching(root, QStringLiteral("0005-changes-requested-*"));
        const QString child = fileMatching(root, QStringLiteral("0006-commented-*"));
        QVERIFY(QFile::remove(reviewFolder(root) + QLatin1Char('/') + gone));
        QString out;
        QCOMPARE(run({QStringLiteral("review"), QStringLiteral("verify"), QStringLiteral("--source"), root}, &out), 1);
        QVERIFY2(out.contains(child + QStringLiteral(": its parent ") + gone.mid(23, 12).left(12)) || out.contains(child),
                 qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("is missing (deleted?)")), qPrintable(out));
        // The comment that answered it is also left hanging.
        QVERIFY(out.contains(QLatin1String("answers ")));
    }

    void deletedProposalIsNamed()
    {
        const QString root = sampleCopy(QStringLiteral("noroot"));
        QVERIFY(QFile::remove(reviewFolder(root) + QLatin1Char('/') + fileMatching(root, QStringLiteral("0001-*"))));
        const EventLog log = ReviewStore(root).load(kId, kVersion);
        bool missing = false;
        for (const Problem &p : log.problems)
            missing = missing || p.message.contains(QLatin1String("proposal event is missing"));
        QVERIFY(missing);
    }

    void reorderedEventsAreNamed()
    {
        // Swapping two events' places (their file names) and swapping their times both break links.
        const QString root = sampleCopy(QStringLiteral("reordered"));
        const QString folder = reviewFolder(root) + QLatin1Char('/');
        const QString a = fileMatching(root, QStringLiteral("0008-*"));
        const QString b = fileMatching(root, QStringLiteral("0009-*"));
        const QString aRenamed = QStringLiteral("0009") + a.mid(4);
        const QString bRenamed = QStringLiteral("0008") + b.mid(4);
        QVERIFY(QFile::rename(folder + a, folder + aRenamed));
        QVERIFY(QFile::rename(folder + b, folder + bRenamed));
        EventLog log = ReviewStore(root).load(kId, kVersion);
        QStringList files;
        for (const Problem &p : log.problems)
            files << QFileInfo(p.file).fileName();
        QVERIFY2(files.contains(aRenamed) && files.contains(bRenamed), qPrintable(files.join(QLatin1Char(' '))));

        const QString root2 = sampleCopy(QStringLiteral("retimed"));
        const QString folder2 = reviewFolder(root2) + QLatin1Char('/');
        QByteArray text = read(folder2 + fileMatching(root2, QStringLiteral("0011-*")));
        text.replace("2026-11-18T08:30:00.000Z", "2026-11-12T16:00:00.000Z");
        write(folder2 + fileMatching(root2, QStringLiteral("0011-*")), text);
        log = ReviewStore(root2).load(kId, kVersion);
        QCOMPARE(int(log.problems.size()), 1);
        QVERIFY(log.problems.front().message.startsWith(QLatin1String("edited")));
    }

    void gitRemembersADeletedNewestEvent()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty())
            QSKIP("git is not installed");
        const QString root = sampleCopy(QStringLiteral("git"));
        const auto git = [&](const QStringList &args) {
            QProcess p;
            p.setWorkingDirectory(root);
            p.start(QStringLiteral("git"), QStringList{QStringLiteral("-c"), QStringLiteral("user.email=t@x"), QStringLiteral("-c"),
                                                       QStringLiteral("user.name=t")} + args);
            p.waitForFinished(30000);
            return p.exitCode();
        };
        QCOMPARE(git({QStringLiteral("init"), QStringLiteral("-q")}), 0);
        QCOMPARE(git({QStringLiteral("add"), QStringLiteral(".")}), 0);
        QCOMPARE(git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("mesh")}), 0);
        QVERIFY(historyRewrites(root).empty());
        const QString tip = fileMatching(root, QStringLiteral("0011-*"));
        QVERIFY(QFile::remove(reviewFolder(root) + QLatin1Char('/') + tip));
        // The links alone cannot see it (nothing names the newest event), git can.
        QVERIFY(ReviewStore(root).load(kId, kVersion).problems.empty());
        std::vector<Problem> found = historyRewrites(root);
        QCOMPARE(int(found.size()), 1);
        QVERIFY(found.front().file.endsWith(tip));
        QCOMPARE(git({QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("drop a vote")}), 0);
        found = historyRewrites(root);
        QCOMPARE(int(found.size()), 1);
        QVERIFY(found.front().message.startsWith(QLatin1String("deleted in commit")));
        QString out;
        QCOMPARE(run({QStringLiteral("review"), QStringLiteral("verify"), QStringLiteral("--source"), root}, &out), 1);
        QVERIFY2(out.contains(tip), qPrintable(out));
    }

    // --- two clones ----------------------------------------------------------------------------

    void concurrentVotesFromTwoClonesMerge()
    {
        const QString a = sampleCopy(QStringLiteral("cloneA"));
        const QString b = m_tmp.filePath(QStringLiteral("cloneB"));
        testsupport::copyTree(a, b);
        QString error;
        ReviewService inA(a), inB(b);
        QVERIFY2(inA.record(kKey, EventKind::Approved, {QStringLiteral("chloe.martin@northwind.example"), QStringLiteral("Chloe Martin")},
                            QStringLiteral("ok for attribution"), &error), qPrintable(error));
        QVERIFY2(inB.record(kKey, EventKind::Approved, {QStringLiteral("data-governance@northwind.example"), QStringLiteral("Council")},
                            QStringLiteral("council agrees"), &error), qPrintable(error));
        QVERIFY2(inB.record(kKey, EventKind::Commented, {QStringLiteral("tom.achebe@northwind.example"), {}},
                            QStringLiteral("thanks"), &error), qPrintable(error));
        // Both clones wrote a 0012 event: different names, so git merges them as two added files.
        QCOMPARE(QDir(reviewFolder(a)).entryList({QStringLiteral("0012-*")}).size(), 1);
        QCOMPARE(QDir(reviewFolder(b)).entryList({QStringLiteral("0012-*")}).size(), 1);
        QVERIFY(QDir(reviewFolder(a)).entryList({QStringLiteral("0012-*")}) != QDir(reviewFolder(b)).entryList({QStringLiteral("0012-*")}));

        // Merge both ways: the union of the files.
        const QString ab = m_tmp.filePath(QStringLiteral("mergedAB"));
        const QString ba = m_tmp.filePath(QStringLiteral("mergedBA"));
        testsupport::copyTree(a, ab);
        testsupport::copyTree(b, ab);
        testsupport::copyTree(b, ba);
        testsupport::copyTree(a, ba);
        for (const QString &merged : {ab, ba}) {
            EventLog log;
            const ReviewState s = ReviewService(merged).state(kKey, &log);
            QVERIFY2(log.problems.empty(), log.problems.empty() ? "" : qPrintable(log.problems.front().toString()));
            QCOMPARE(int(log.events.size()), 14);
            QCOMPARE(log.heads.size(), 2);
            QCOMPARE(s.approvals(), 6); // 4 before + Chloe + the council: both votes count
            QCOMPARE(s.stage, Stage::InReview);
        }
        QCOMPARE(ReviewService(ab).state(kKey).toJson(), ReviewService(ba).state(kKey).toJson());
        // The next event joins the two branches.
        ReviewService merged(ab);
        QVERIFY2(merged.record(kKey, EventKind::Commented, {QStringLiteral("maria.keller@northwind.example"), {}},
                               QStringLiteral("merged"), &error), qPrintable(error));
        EventLog log;
        merged.state(kKey, &log);
        QVERIFY(log.problems.empty());
        QCOMPARE(log.events.back().parents.size(), 2);
        QCOMPARE(log.heads.size(), 1);
        QString out;
        QCOMPARE(run({QStringLiteral("review"), QStringLiteral("verify"), QStringLiteral("--source"), ab}, &out), 0);
    }

    /// A second click on Approve added a second "Chloe Martin approved": the same vote on the same revision is
    /// refused, naming who already voted; another vote (request changes) is still taken.
    void theSameVoteTwiceOnOneRevisionIsOneVote()
    {
        const QString root = sampleCopy(QStringLiteral("twice"));
        ReviewService service(root);
        const Identity chloe{QStringLiteral("chloe.martin@northwind.example"), QStringLiteral("Chloe Martin")};
        QString error;
        QVERIFY2(service.record(kKey, EventKind::Approved, chloe, QStringLiteral("ok"), &error), qPrintable(error));
        const int events = int(service.state(kKey).events.size());
        QVERIFY(!service.record(kKey, EventKind::Approved, chloe, QStringLiteral("ok again"), &error));
        QVERIFY2(error.contains(QStringLiteral("already approved")) && error.contains(chloe.email), qPrintable(error));
        QCOMPARE(int(service.state(kKey).events.size()), events);
        QVERIFY2(service.record(kKey, EventKind::ChangesRequested, chloe, QStringLiteral("on second thought"), &error),
                 qPrintable(error));
    }

    void lastApprovalsInTwoClonesAreAppliedAfterTheMerge()
    {
        // Each clone casts some of the missing approvals; neither sees all of them, so neither writes
        // back. After the merge the proposal is approved and one apply writes it back.
        const QString a = sampleCopy(QStringLiteral("finalA"));
        const QString b = m_tmp.filePath(QStringLiteral("finalB"));
        testsupport::copyTree(a, b);
        QString error;
        ReviewService inA(a), inB(b);
        for (const char *who : {"data-governance@northwind.example", "customer-team@northwind.example"})
            QVERIFY2(inA.record(kKey, EventKind::Approved, {QLatin1String(who), {}}, {}, &error), qPrintable(error));
        for (const char *who : {"finance-data@northwind.example", "chloe.martin@northwind.example", "orders-team@northwind.example"})
            QVERIFY2(inB.record(kKey, EventKind::Approved, {QLatin1String(who), {}}, {}, &error), qPrintable(error));
        QCOMPARE(inA.state(kKey).stage, Stage::InReview);
        QCOMPARE(inB.state(kKey).stage, Stage::InReview);
        testsupport::copyTree(b + QStringLiteral("/reviews"), a + QStringLiteral("/reviews"));
        const ReviewState merged = inA.state(kKey);
        QCOMPARE(merged.stage, Stage::Approved);
        QVERIFY(!merged.applied);
        const std::optional<ReviewState> s = inA.apply(kKey, {QStringLiteral("tom.achebe@northwind.example"), {}}, &error);
        QVERIFY2(s, qPrintable(error));
        QVERIFY(s->applied);
        QCOMPARE(s->events.back().parents.size(), 2); // the write-back joins both branches
    }

    // --- write-back --------------------------------------------------------------------------

    void approvalWritesBackMinimally()
    {
        const QString root = sampleCopy(QStringLiteral("apply"));
        const QString baseFile = root + QStringLiteral("/contracts/orders/orders.order_events.odcs.yaml");
        const QString proposalFile = root + QStringLiteral("/contracts/orders/orders.order_events.v2.proposed.odcs.yaml");
        const QByteArray baseBefore = read(baseFile);
        const QByteArray proposalBefore = read(proposalFile);
        ReviewService service(root);
        QString error;
        QVERIFY(!service.apply(kKey, {QStringLiteral("x@y"), {}}, &error)); // not approved yet
        QVERIFY(error.contains(QLatin1String("in review")));
        for (const char *who : {"data-governance@northwind.example", "customer-team@northwind.example", "finance-data@northwind.example",
                                "chloe.martin@northwind.example", "orders-team@northwind.example"}) {
            QVERIFY2(service.record(kKey, EventKind::Approved, {QLatin1String(who), {}}, {}, &error), qPrintable(error));
        }
        QCOMPARE(service.state(kKey).stage, Stage::Approved);
        sql::Connection db = cache::openCache(m_cache, true);
        const QDateTime at(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
        std::optional<ReviewState> s = service.apply(kKey, {QStringLiteral("orders-team@northwind.example"), {}}, &error, &db, at);
        QVERIFY2(s, qPrintable(error));
        QVERIFY(s->applied);
        // The policy's P30D notice (the contract states none).
        QCOMPARE(s->appliedData.value(QStringLiteral("sunsetDate")).toString(), QStringLiteral("2026-12-20"));

        const QByteArray proposalAfter = read(proposalFile);
        QByteArray expected = proposalBefore;
        expected.replace("\nstatus: proposed\n", "\nstatus: active\n");
        QCOMPARE(proposalAfter, expected); // one line changed, comments and all else kept
        QByteArray expectedBase = baseBefore;
        expectedBase.replace("\nstatus: active\n", "\nstatus: deprecated\n");
        expectedBase += "\ncustomProperties:\n  - property: sunsetDate\n    value: \"2026-12-20\"\n"
                        "  - property: supersededBy\n    value: 2.0.0\n";
        QCOMPARE(read(baseFile), expectedBase);
        const Contract deprecated = importDocument(baseFile, read(baseFile)).contracts.front();
        QCOMPARE(deprecated.status, QStringLiteral("deprecated"));
        QCOMPARE(deprecated.version, QStringLiteral("1.3.0"));

        // Applying again changes nothing; voting after the decision is refused.
        QVERIFY(service.apply(kKey, {QStringLiteral("x@y"), {}}, &error, &db, at));
        QCOMPARE(read(baseFile), expectedBase);
        QVERIFY(!service.record(kKey, EventKind::Rejected, {QStringLiteral("ines.costa@northwind.example"), {}}, {}, &error));
        EventLog log;
        service.state(kKey, &log);
        QVERIFY(log.problems.empty());
        QCOMPARE(log.events.back().kind, EventKind::Applied);
        // Comments after the decision are still welcome and keep the history valid.
        QVERIFY2(service.record(kKey, EventKind::Commented, {QStringLiteral("ines.costa@northwind.example"), {}},
                                QStringLiteral("migrated"), &error), qPrintable(error));
        service.state(kKey, &log);
        QVERIFY(log.problems.empty());
        QCOMPARE(service.state(kKey).stage, Stage::Approved);
    }

    void cliVotesAndJson()
    {
        const QString root = sampleCopy(QStringLiteral("cli"));
        const QString cache = m_tmp.filePath(QStringLiteral("cli.sqlite"));
        QString out;
        // A vote from someone who is not a listed reviewer is kept as a comment, and the exit code says so.
        QCOMPARE(run({QStringLiteral("review"), QStringLiteral("approve"), QStringLiteral("orders.order_events@2.0.0"),
                      QStringLiteral("--source"), root, QStringLiteral("--cache"), cache, QStringLiteral("--as"),
                      QStringLiteral("someone@northwind.example"), QStringLiteral("-m"), QStringLiteral("+1")}, &out), 1);
        QVERIFY2(out.contains(QLatin1String("not a listed reviewer")), qPrintable(out));
        QCOMPARE(run({QStringLiteral("review"), QStringLiteral("request-changes"), QStringLiteral("orders.order_events"),
                      QStringLiteral("--source"), root, QStringLiteral("--cache"), cache, QStringLiteral("--as"),
                      QStringLiteral("chloe.martin@northwind.example"), QStringLiteral("-m"), QStringLiteral("attribution needs the old id")}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("CHANGES REQUESTED")), qPrintable(out));
        // Only the author withdraws.
        QCOMPARE(run({QStringLiteral("review"), QStringLiteral("withdraw"), QStringLiteral("orders.order_events"),
                      QStringLiteral("--source"), root, QStringLiteral("--as"), QStringLiteral("chloe.martin@northwind.example")}, &out), 2);
        QCOMPARE(run({QStringLiteral("review"), QStringLiteral("show"), QStringLiteral("orders.order_events@2.0.0"),
                      QStringLiteral("--source"), root, QStringLiteral("--json")}, &out), 0);
        const QJsonObject shown = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(shown.value(QStringLiteral("state")).toString(), QStringLiteral("changes-requested"));
        QCOMPARE(shown.value(QStringLiteral("events")).toArray().size(), 13);
        QCOMPARE(shown.value(QStringLiteral("approvals")).toInt(), 4);
        QCOMPARE(run({QStringLiteral("review"), QStringLiteral("list"), QStringLiteral("--source"), root, QStringLiteral("--json")}, &out), 0);
        QCOMPARE(QJsonDocument::fromJson(out.toUtf8()).array().size(), 1);
    }

    void dcsStatusIsWrittenIntoInfo()
    {
        const QString path = testsupport::source(QStringLiteral("resources/sample-mesh/contracts/finance/finance.unreconciled_items.dcs.yaml"));
        const QByteArray before = testsupport::readAll(path);
        QString error;
        const std::optional<QByteArray> after = editContractText(path, before, {QStringLiteral("deprecated"), {}, {{QStringLiteral("sunsetDate"), QStringLiteral("2027-01-01")}}}, &error);
        QVERIFY2(after, qPrintable(error));
        const Contract c = importDocument(path, *after).contracts.front();
        QCOMPARE(c.status, QStringLiteral("deprecated"));
        QVERIFY(after->contains("x-sunsetDate: 2027-01-01") || after->contains("x-sunsetDate: \"2027-01-01\""));
        // Only lines were changed or added, none removed.
        const QList<QByteArray> oldLines = before.split('\n');
        int kept = 0;
        for (const QByteArray &l : oldLines)
            kept += after->contains(l) ? 1 : 0;
        QVERIFY(kept >= oldLines.size() - 1);
    }

    void proposeRaisesTheVersionToTheRequiredOne()
    {
        const QString root = sampleCopy(QStringLiteral("propose"));
        // An edit of the active 1.3.0 that removes a column but keeps version 1.3.0.
        QByteArray text = read(root + QStringLiteral("/contracts/orders/orders.order_events.odcs.yaml"));
        const qsizetype cut = text.indexOf("      - name: legacy_status_code");
        QVERIFY(cut > 0);
        text.remove(cut, text.indexOf("    quality:", cut) - cut);
        const QString edited = m_tmp.filePath(QStringLiteral("edited.odcs.yaml"));
        write(edited, text);
        sql::Connection db = cache::openCache(m_cache, true);
        QString error;
        ProposeOptions options;
        options.message = QStringLiteral("drop legacy_status_code");
        ReviewService service(root);
        // 2.0.0 of the sample is under review already: a second proposal of that version is refused.
        QVERIFY(!service.propose(edited, {QStringLiteral("tom.achebe@northwind.example"), {}}, db, options, &error));
        QVERIFY2(error.contains(QLatin1String("already proposed")), qPrintable(error));
        QVERIFY(QDir(root + QStringLiteral("/reviews")).removeRecursively());
        QVERIFY(QFile::remove(root + QStringLiteral("/contracts/orders/orders.order_events.v2.proposed.odcs.yaml")));
        const std::optional<ReviewState> s = service.propose(edited, {QStringLiteral("tom.achebe@northwind.example"), {}}, db, options, &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->version, QStringLiteral("2.0.0")); // a removed property is breaking: major
        QCOMPARE(s->proposalFile, QStringLiteral("contracts/orders/orders.order_events.v2.0.0.proposed.odcs.yaml"));
        const Contract written = importDocument(s->proposalFile, read(root + QLatin1Char('/') + s->proposalFile)).contracts.front();
        QCOMPARE(written.version, QStringLiteral("2.0.0"));
        QCOMPARE(written.status, QStringLiteral("proposed"));
        QCOMPARE(s->stage, Stage::InReview);
        QVERIFY(s->required() >= 8);
        QCOMPARE(s->documentHash, service.fileHash(s->proposalFile));
        QVERIFY(ReviewStore(root).load(kId, QStringLiteral("2.0.0")).problems.empty());
    }

    void killDuringWriteLeavesOldOrNew();
    void killDuringApplyIsFinishedByTheNextApply();
};

namespace {

io::WriteStage g_killAt;
void killHere(io::WriteStage stage)
{
    if (stage == g_killAt)
        ::raise(SIGKILL);
}

/// Runs `work` in a child process that is SIGKILLed when a write reaches `stage`.
bool runKilledAt(io::WriteStage stage, const std::function<void()> &work)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        g_killAt = stage;
        io::setWriteHookForTests(killHere);
        work();
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

} // namespace

void TestReview::killDuringWriteLeavesOldOrNew()
{
    const QString path = m_tmp.filePath(QStringLiteral("killed.yaml"));
    const QByteArray oldText = QByteArray("status: active\n").repeated(2000);
    const QByteArray newText = QByteArray("status: deprecated\n").repeated(3000);
    const io::WriteStage stages[] = {io::WriteStage::TempCreated, io::WriteStage::HalfWritten, io::WriteStage::TempWritten,
                                     io::WriteStage::TempSynced, io::WriteStage::Renamed};
    for (io::WriteStage stage : stages) {
        write(path, oldText);
        QVERIFY(runKilledAt(stage, [&] {
            QString error;
            io::writeFileAtomically(path, newText, &error);
        }));
        const QByteArray now = read(path);
        QVERIFY2(now == oldText || now == newText, qPrintable(QStringLiteral("stage %1: %2 bytes").arg(int(stage)).arg(now.size())));
        QCOMPARE(now == newText, stage == io::WriteStage::Renamed);
        // The leftover temporary file is hidden, so sync and review listings never read it.
        for (const QString &name : QDir(m_tmp.path()).entryList(QDir::Files))
            QVERIFY2(!name.contains(QLatin1String(".tmp-")), qPrintable(name));
    }
    // A failure (not a kill) removes its temporary file and leaves the old content.
    write(path, oldText);
    QString error;
    QVERIFY(!io::writeFileAtomically(m_tmp.filePath(QStringLiteral("no/such/folder/x.yaml")), newText, &error));
    QVERIFY(error.contains(QLatin1String("no/such/folder")));
}

void TestReview::killDuringApplyIsFinishedByTheNextApply()
{
    const QString root = sampleCopy(QStringLiteral("killapply"));
    const QString baseFile = root + QStringLiteral("/contracts/orders/orders.order_events.odcs.yaml");
    const QString proposalFile = root + QStringLiteral("/contracts/orders/orders.order_events.v2.proposed.odcs.yaml");
    ReviewService service(root);
    QString error;
    for (const char *who : {"data-governance@northwind.example", "customer-team@northwind.example", "finance-data@northwind.example",
                            "chloe.martin@northwind.example", "orders-team@northwind.example"}) {
        QVERIFY2(service.record(kKey, EventKind::Approved, {QLatin1String(who), {}}, {}, &error), qPrintable(error));
    }
    const QByteArray baseBefore = read(baseFile);
    // Killed half-way through writing the second file (the old version's deprecation).
    static int writes = 0;
    writes = 0;
    QVERIFY(runKilledAt(io::WriteStage::HalfWritten, [&] {
        io::setWriteHookForTests([](io::WriteStage stage) {
            if (stage == io::WriteStage::HalfWritten && ++writes == 2)
                ::raise(SIGKILL);
        });
        QString e;
        service.apply(kKey, {QStringLiteral("x@y"), {}}, &e);
    }));
    QCOMPARE(read(baseFile), baseBefore); // untouched, not half-written
    QCOMPARE(importDocument(proposalFile, read(proposalFile)).contracts.front().status, QStringLiteral("active"));
    QVERIFY(!service.state(kKey).applied);
    // The next apply finishes the job.
    const std::optional<ReviewState> s = service.apply(kKey, {QStringLiteral("x@y"), {}}, &error);
    QVERIFY2(s, qPrintable(error));
    QVERIFY(s->applied);
    QCOMPARE(s->appliedData.value(QStringLiteral("noticeDays")).toInt(), ReviewService::kDefaultNoticeDays); // no cache given
    QCOMPARE(importDocument(baseFile, read(baseFile)).contracts.front().status, QStringLiteral("deprecated"));
    QCOMPARE(importDocument(proposalFile, read(proposalFile)).contracts.front().status, QStringLiteral("active"));
}

QTEST_GUILESS_MAIN(TestReview)
#include "tst_review.moc"
