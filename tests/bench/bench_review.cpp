// Review history at scale: reading and verifying a proposal's events, replaying the state machine, and
// adding one vote, against the reference of reading and JSON-parsing the same files.
#include "benchsupport.h"

#include "review/reviewservice.h"
#include "review/reviewsigning.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

using namespace meshscope::review;

namespace {

/// Writes `n` events of a busy review: a proposal with 20 required approvers, then comments and
/// votes, every tenth pair of events written concurrently (two heads joined by the next event).
/// With `signingKey`, each event is signed as `meshscope review` signs it (ssh-keygen -Y sign).
QString writeHistory(const QString &root, int n, const QString &signingKey = {})
{
    const QString folder = ReviewStore(root).folderOf(QStringLiteral("bench.contract"), QStringLiteral("2.0.0"));
    QDir().mkpath(folder);
    QJsonArray approvers;
    for (int i = 0; i < 20; ++i)
        approvers.append(ApproverSlot{QStringLiteral("consumer:%1").arg(i), QStringLiteral("Consumer %1").arg(i), QStringLiteral("reads it"),
                                      {QStringLiteral("owner%1@x.example").arg(i)}}.toJson());
    const QDateTime start(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    QStringList heads;
    int seq = 0;
    for (int i = 0; i < n;) {
        const int width = (i % 10 == 5 && i + 2 <= n) ? 2 : 1; // concurrent pair
        QStringList written;
        for (int w = 0; w < width; ++w, ++i) {
            ReviewEvent e;
            e.contractId = QStringLiteral("bench.contract");
            e.version = QStringLiteral("2.0.0");
            e.parents = heads;
            e.seq = seq + 1;
            e.time = start.addSecs(60 * i);
            e.author = QStringLiteral("owner%1@x.example").arg(i % 25);
            e.kind = i == 0 ? EventKind::Proposed : (i % 3 == 0 ? EventKind::Approved : EventKind::Commented);
            e.text = QStringLiteral("Event %1: a comment of ordinary length about one of the changes in this proposal.").arg(i);
            if (i == 0)
                e.data = {{QStringLiteral("approvers"), approvers}, {QStringLiteral("documentHash"), QStringLiteral("d")}};
            else if (e.kind == EventKind::Approved)
                e.data = {{QStringLiteral("documentHash"), QStringLiteral("d")}};
            e.seal();
            if (!signingKey.isEmpty()) {
                QString error;
                const std::optional<QString> signature = signBytes(e.canonicalBytes(), signingKey, &error);
                if (!signature)
                    qFatal("bench_review: cannot sign: %s", qPrintable(error));
                e.signature = *signature;
            }
            QFile f(folder + QLatin1Char('/') + e.fileName());
            f.open(QIODevice::WriteOnly);
            f.write(e.fileText());
            written << e.hash;
        }
        heads = written;
        ++seq;
    }
    return folder;
}

/// Best of three: load, verify every hash and signature and replay the state, as `review show` does.
double timeState(const QString &root, ReviewState *state)
{
    double best = 1e300;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        const ReviewService service(root);
        *state = service.state({QStringLiteral("bench.contract"), QStringLiteral("2.0.0")});
        best = std::min(best, double(t.nsecsElapsed()) / 1e6);
    }
    return best;
}

/// The same history unsigned and signed (one Ed25519 key listed for every author, signatures
/// required), loaded and verified in one run; the target is at most 3x the unsigned time.
int signedAgainstUnsigned(int n)
{
    QTemporaryDir tmp;
    const QString key = tmp.filePath(QStringLiteral("key"));
    if (QProcess::execute(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                                                         QStringLiteral("-N"), QString(), QStringLiteral("-f"), key}) != 0) {
        std::printf("bench_review: ssh-keygen failed\n");
        return 1;
    }
    const QString plain = tmp.filePath(QStringLiteral("unsigned"));
    const QString signedRoot = tmp.filePath(QStringLiteral("signed"));
    writeHistory(plain, n);
    QElapsedTimer t;
    t.start();
    writeHistory(signedRoot, n, key);
    const double signing = double(t.nsecsElapsed()) / 1e6;
    QStringList principals;
    for (int i = 0; i < 25; ++i)
        principals << QStringLiteral("owner%1@x.example").arg(i);
    QFile pub(key + QStringLiteral(".pub"));
    QFile signers(allowedSignersPath(signedRoot));
    QDir().mkpath(signedRoot + QStringLiteral("/policies"));
    QFile policy(signedRoot + QStringLiteral("/policies/global.yaml"));
    if (!pub.open(QIODevice::ReadOnly) || !signers.open(QIODevice::WriteOnly) || !policy.open(QIODevice::WriteOnly))
        return 1;
    signers.write(principals.join(QLatin1Char(',')).toUtf8() + " namespaces=\"meshscope-review\" " + pub.readAll());
    signers.close();
    policy.write("apiVersion: governance.example/v1\nkind: GovernancePolicy\nmetadata:\n  name: bench\nspec:\n  reviews:\n    require_signatures: true\n");
    policy.close();

    ReviewState plainState, signedState;
    const double unsignedMs = timeState(plain, &plainState);
    const double signedMs = timeState(signedRoot, &signedState);
    int good = 0;
    for (const SignatureCheck &c : std::as_const(signedState.signatures.byHash))
        good += c.status == SignatureStatus::Good ? 1 : 0;
    if (good != n || !signedState.signatures.required || signedState.approvals() != plainState.approvals()) {
        std::printf("bench_review: %d of %d signatures good, %d vs %d approvals\n", good, n, signedState.approvals(), plainState.approvals());
        return 1;
    }
    bench::header(qPrintable(QStringLiteral("signed review history of %1 events (Ed25519, signatures required, %2 of 20 approvals)")
                                 .arg(n).arg(signedState.approvals())));
    bench::row("sign each event (ssh-keygen, a process each)", signing, "ms");
    bench::row("load + verify + replay, unsigned", unsignedMs, "ms");
    bench::row("load + verify + replay, signed (libsodium)", signedMs, "ms");
    bench::row("  ratio signed / unsigned", signedMs / std::max(unsignedMs, 1e-3), "x", n >= 1000 ? 3.0 : -1); // the target is for 1,000
    // Where the signed time goes.
    const ReviewService service(signedRoot);
    t.restart();
    const SigningContext &context = service.signing();
    const double contextMs = double(t.nsecsElapsed()) / 1e6;
    const EventLog log = service.store().load(QStringLiteral("bench.contract"), QStringLiteral("2.0.0"));
    t.restart();
    const SignatureChecks checks = context.checkAll(log.events);
    const double checkMs = double(t.nsecsElapsed()) / 1e6;
    bench::row("  of which: policies + allowed_signers", contextMs, "ms");
    bench::row("  of which: signature checks (all cores)", checkMs, "ms");
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    const bool smoke = bench::smoke(argc, argv);
    if (const int failed = signedAgainstUnsigned(smoke ? 40 : 1000))
        return failed;
    const std::vector<int> sizes = smoke ? std::vector<int>{40} : std::vector<int>{100, 1000, 5000};
    for (int n : sizes) {
        QTemporaryDir tmp;
        const QString folder = writeHistory(tmp.path(), n);
        const ReviewStore store(tmp.path());
        QElapsedTimer t;

        // Reference: read every file and parse its JSON, nothing else.
        t.start();
        qsizetype bytes = 0;
        for (const QString &name : QDir(folder).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            QFile f(folder + QLatin1Char('/') + name);
            f.open(QIODevice::ReadOnly);
            const QByteArray text = f.readAll();
            bytes += text.size();
            QJsonDocument::fromJson(text);
        }
        const double reference = double(t.nsecsElapsed()) / 1e6;

        t.restart();
        const EventLog log = store.load(QStringLiteral("bench.contract"), QStringLiteral("2.0.0"));
        const double load = double(t.nsecsElapsed()) / 1e6;
        if (!log.problems.empty() || int(log.events.size()) != n) {
            std::printf("bench_review: the generated history does not verify: %s\n",
                        log.problems.empty() ? "wrong count" : qPrintable(log.problems.front().toString()));
            return 1;
        }
        t.restart();
        const ReviewState state = computeState(log.events);
        const double replay = double(t.nsecsElapsed()) / 1e6;

        t.restart();
        ReviewEvent vote;
        vote.contractId = QStringLiteral("bench.contract");
        vote.version = QStringLiteral("2.0.0");
        vote.kind = EventKind::Approved;
        vote.author = QStringLiteral("owner1@x.example");
        vote.data = {{QStringLiteral("documentHash"), QStringLiteral("d")}};
        QString error;
        if (!store.append(vote, &error)) {
            std::printf("bench_review: append failed: %s\n", qPrintable(error));
            return 1;
        }
        const double append = double(t.nsecsElapsed()) / 1e6;

        bench::header(qPrintable(QStringLiteral("review history of %1 events (%2 KiB, %3 of 20 approvals)")
                                     .arg(n).arg(bytes / 1024).arg(state.approvals())));
        bench::row("reference: read + JSON-parse every file", reference, "ms");
        bench::row("load + verify (hashes, names, links, order)", load, "ms");
        bench::row("  ratio to reference", load / std::max(reference, 1e-3), "x");
        bench::row("replay the state machine", replay, "ms");
        bench::row("add one vote (verify, then write atomically)", append, "ms", n <= 100 ? 100.0 : -1);
    }
    return 0;
}
