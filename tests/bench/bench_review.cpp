// Review history at scale: reading and verifying a proposal's events, replaying the state machine, and
// adding one vote, against the reference of reading and JSON-parsing the same files.
#include "benchsupport.h"

#include "review/reviewservice.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace meshscope::review;

namespace {

/// Writes `n` events of a busy review: a proposal with 20 required approvers, then comments and
/// votes, every tenth pair of events written concurrently (two heads joined by the next event).
QString writeHistory(const QString &root, int n)
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

} // namespace

int main(int argc, char **argv)
{
    const bool smoke = bench::smoke(argc, argv);
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
