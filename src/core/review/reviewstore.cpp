#include "reviewstore.h"

#include "io/atomicfile.h"
#include "io/regularfile.h"
#include "io/safepath.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <map>
#include <set>

namespace meshscope::review {

namespace {

/// An event holds a comment or a vote, and a proposal its diff summary: far below this.
constexpr qint64 kMaxEventBytes = 16 * 1024 * 1024;

/// Folder names are the contract id and version as they are; only path separators and a leading dot
/// (which would hide the folder from sync and from people) are replaced.
QString folderName(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char('\\'), QLatin1Char('_'));
    if (out.startsWith(QLatin1Char('.')))
        out.replace(0, 1, QLatin1Char('_'));
    return out;
}

/// reviews/<contract>/<version> relative to the source root; empty with `error` when the id or version
/// cannot name a folder even after folderName (empty, NUL or control characters).
QString relativeFolderOf(const QString &contractId, const QString &version, QString *error)
{
    for (const auto &[what, text] : {std::pair{"contract id", &contractId}, std::pair{"version", &version}}) {
        const bool dots = *text == u"." || *text == u".."; // folderName would make a name of them; they name none
        if (const QString problem = dots ? QStringLiteral("is '%1'").arg(*text) : io::fileNameProblem(folderName(*text));
            !problem.isEmpty()) {
            *error = QStringLiteral("the %1 '%2' cannot name a review folder: it %3")
                         .arg(QLatin1String(what), io::shownName(*text), problem);
            return {};
        }
    }
    return ReviewStore::reviewsFolderName() + u'/' + folderName(contractId) + u'/' + folderName(version);
}

/// What is wrong with the files a proposal event names (`proposalFile`, `baseFile`): each must be a
/// path inside the mesh folder, never leaving it by "..", an absolute path or a symbolic link, or
/// an approval would rewrite a file outside the mesh. Empty when both are fine.
QString fileReferenceProblem(const QString &root, const ReviewEvent &e)
{
    if (e.kind != EventKind::Proposed)
        return {};
    for (const char *key : {"proposalFile", "baseFile"}) {
        const QJsonValue value = e.data.value(QLatin1String(key));
        if (value.isUndefined())
            continue;
        QString why;
        if (!value.isString())
            why = QStringLiteral("is not a path");
        else if (!io::pathInside(root, value.toString(), &why))
            why = QStringLiteral("must stay inside the mesh folder: ") + why;
        else
            continue;
        return QStringLiteral("its %1 %2").arg(QLatin1String(key), why);
    }
    return {};
}

/// Orders events parents-first; among events whose parents are all placed, the earliest (time, hash)
/// goes next. A parent that is missing counts as placed (its absence is reported separately).
std::vector<ReviewEvent> orderEvents(std::vector<ReviewEvent> events)
{
    QHash<QString, int> index;
    for (int i = 0; i < int(events.size()); ++i)
        index.insert(events[size_t(i)].hash, i);
    std::vector<int> waiting(events.size(), 0);
    std::vector<std::vector<int>> children(events.size());
    for (int i = 0; i < int(events.size()); ++i) {
        for (const QString &p : events[size_t(i)].parents) {
            const auto it = index.constFind(p);
            if (it == index.cend())
                continue;
            ++waiting[size_t(i)];
            children[size_t(*it)].push_back(i);
        }
    }
    const auto before = [&](int a, int b) {
        const ReviewEvent &x = events[size_t(a)];
        const ReviewEvent &y = events[size_t(b)];
        return x.time != y.time ? x.time < y.time : x.hash < y.hash;
    };
    std::set<int, decltype(before)> ready(before);
    for (int i = 0; i < int(events.size()); ++i) {
        if (waiting[size_t(i)] == 0)
            ready.insert(i);
    }
    std::vector<ReviewEvent> out;
    out.reserve(events.size());
    while (!ready.empty()) {
        const int next = *ready.begin();
        ready.erase(ready.begin());
        out.push_back(events[size_t(next)]);
        for (int child : children[size_t(next)]) {
            if (--waiting[size_t(child)] == 0)
                ready.insert(child);
        }
    }
    // A cycle cannot be built without breaking a hash; whatever is left is appended unordered.
    if (out.size() < events.size()) {
        for (int i = 0; i < int(events.size()); ++i) {
            if (waiting[size_t(i)] > 0)
                out.push_back(events[size_t(i)]);
        }
    }
    return out;
}

} // namespace

ReviewStore::ReviewStore(QString sourceRoot) : m_root(QDir(sourceRoot).absolutePath()) {}

QString ReviewStore::folderOf(const QString &contractId, const QString &version) const
{
    return QStringLiteral("%1/%2/%3/%4").arg(m_root, reviewsFolderName(), folderName(contractId), folderName(version));
}

std::vector<ProposalKey> ReviewStore::proposals() const
{
    std::vector<ProposalKey> out;
    const QDir reviews(m_root + QLatin1Char('/') + reviewsFolderName());
    for (const QString &contract : reviews.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir versions(reviews.filePath(contract));
        for (const QString &version : versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            out.push_back({contract, version});
    }
    return out;
}

EventLog ReviewStore::load(const QString &contractId, const QString &version) const
{
    EventLog log;
    log.folder = folderOf(contractId, version);
    const QString relativeFolder = QDir(m_root).relativeFilePath(log.folder);
    const auto problem = [&](const QString &file, const QString &message) {
        log.problems.push_back({relativeFolder + QLatin1Char('/') + file, message});
    };
    // Events are read only from a folder inside the mesh (not through a link out of it).
    QString unsafe;
    const QString relative = relativeFolderOf(contractId, version, &unsafe);
    if (relative.isEmpty() || !io::pathInside(m_root, relative, &unsafe)) {
        log.problems.push_back({relativeFolder, unsafe});
        return log;
    }
    const QDir dir(log.folder);

    std::vector<ReviewEvent> good;
    QHash<QString, QString> fileOfHash;
    QSet<QString> allHashes; // of every readable event, even a broken one, so its children are not blamed too
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files | QDir::System, QDir::Name)) {
        // The same rule as a sync's (io/regularfile.h): only a regular file inside the mesh, read up to a
        // bound. QDir::System lists the rest too, so that a planted FIFO or device is reported, not skipped.
        const QString path = dir.filePath(name);
        QByteArray bytes;
        if (QFileInfo(path).isSymLink() && !io::resolvesInside(m_root, path)) {
            problem(name, QStringLiteral("a symlink out of the mesh folder; not read"));
            continue;
        }
        const io::ReadResult read = io::readRegularFile(path, kMaxEventBytes, bytes);
        if (read.status == io::ReadStatus::TooLarge) {
            problem(name, QStringLiteral("over the %1 MB limit of a review event; not read").arg(kMaxEventBytes >> 20));
            continue;
        }
        if (!read.ok()) {
            problem(name, QStringLiteral("cannot be read: ") + read.error);
            continue;
        }
        QString error;
        std::optional<ReviewEvent> e = parseEvent(bytes, &error);
        if (!e) {
            problem(name, error);
            continue;
        }
        allHashes.insert(e->hash);
        const QString actual = computeHash(*e);
        if (actual != e->hash) {
            problem(name, QStringLiteral("edited: its content hashes to %1, not to the %2 it states")
                              .arg(actual.left(12), e->hash.left(12)));
            continue;
        }
        if (e->contractId != contractId || e->version != version) {
            problem(name, QStringLiteral("belongs to %1 %2, not to this folder").arg(e->contractId, e->version));
            continue;
        }
        if (name != e->fileName()) {
            problem(name, QStringLiteral("renamed: its content says it is %1 (events cannot be re-ordered)")
                              .arg(e->fileName()));
            continue;
        }
        // Sealed correctly but naming a file outside the mesh: kept in the chain, reported, so that
        // verify fails and nothing is written for it.
        if (const QString bad = fileReferenceProblem(m_root, *e); !bad.isEmpty())
            problem(name, bad);
        fileOfHash.insert(e->hash, name);
        good.push_back(std::move(*e));
    }

    QHash<QString, const ReviewEvent *> byHash;
    for (const ReviewEvent &e : good)
        byHash.insert(e.hash, &e);
    QSet<QString> named;
    std::vector<ReviewEvent> linked;
    int roots = 0;
    for (const ReviewEvent &e : good) {
        const QString name = fileOfHash.value(e.hash);
        bool ok = true;
        int expectedSeq = 1;
        for (const QString &p : e.parents) {
            named.insert(p);
            const auto parent = byHash.constFind(p);
            if (parent == byHash.cend()) {
                if (!allHashes.contains(p))
                    problem(name, QStringLiteral("its parent %1 is missing (deleted?)").arg(p.left(12)));
                ok = false;
                continue;
            }
            expectedSeq = std::max(expectedSeq, (*parent)->seq + 1);
        }
        if (e.parents.isEmpty()) {
            ++roots;
            if (e.kind != EventKind::Proposed) {
                problem(name, QStringLiteral("has no parent but is not the proposal"));
                ok = false;
            }
        } else if (e.kind == EventKind::Proposed) {
            problem(name, QStringLiteral("a second proposal inside an existing review"));
            ok = false;
        }
        if (ok && e.seq != expectedSeq) {
            problem(name, QStringLiteral("out of order: seq %1 where its parents make it %2").arg(e.seq).arg(expectedSeq));
            ok = false;
        }
        if (!e.replyTo.isEmpty() && !byHash.contains(e.replyTo) && !allHashes.contains(e.replyTo))
            problem(name, QStringLiteral("answers %1, which is missing (deleted?)").arg(e.replyTo.left(12)));
        if (ok)
            linked.push_back(e);
    }
    if (!good.empty() && roots == 0)
        log.problems.push_back({relativeFolder, QStringLiteral("the proposal event is missing (deleted?)")});
    if (roots > 1)
        log.problems.push_back({relativeFolder, QStringLiteral("%1 proposal events; a review has one").arg(roots)});
    if (dir.exists() && good.empty() && log.problems.empty())
        log.problems.push_back({relativeFolder, QStringLiteral("a review folder without events")});

    log.events = orderEvents(std::move(linked));
    for (const ReviewEvent &e : log.events) {
        if (!named.contains(e.hash))
            log.heads << e.hash;
    }
    log.heads.sort();
    std::stable_sort(log.problems.begin(), log.problems.end(),
                     [](const Problem &a, const Problem &b) { return a.file < b.file; });
    return log;
}

bool ReviewStore::append(ReviewEvent &event, QString *error) const
{
    const EventLog log = load(event.contractId, event.version);
    if (!log.problems.empty()) {
        *error = QStringLiteral("the review history does not verify, so nothing is added to it: ")
                 + log.problems.front().toString();
        return false;
    }
    if (event.kind != EventKind::Proposed && log.events.empty()) {
        *error = QStringLiteral("no proposal %1 %2 under %3").arg(event.contractId, event.version, log.folder);
        return false;
    }
    if (event.kind == EventKind::Proposed && !log.events.empty()) {
        *error = QStringLiteral("%1 %2 already has a proposal").arg(event.contractId, event.version);
        return false;
    }
    event.parents = log.heads;
    int seq = 0;
    for (const ReviewEvent &e : log.events) {
        if (log.heads.contains(e.hash))
            seq = std::max(seq, e.seq);
    }
    event.seq = seq + 1;
    if (!event.time.isValid())
        event.time = QDateTime::currentDateTimeUtc();
    // A clock behind its parents' would sort the event before what it answers; never go back in time.
    for (const ReviewEvent &e : log.events) {
        if (log.heads.contains(e.hash) && e.time >= event.time)
            event.time = e.time.addMSecs(1);
    }
    event.seal();
    if (const QString bad = fileReferenceProblem(m_root, event); !bad.isEmpty()) {
        *error = QStringLiteral("%1 %2: %3").arg(event.contractId, event.version, bad);
        return false;
    }
    // Signed after the checks that may refuse it, over the sealed (final) bytes.
    if (m_sealHook && !m_sealHook(event, error))
        return false;
    QString why;
    const QString relative = relativeFolderOf(event.contractId, event.version, &why);
    if (relative.isEmpty() || !io::makeFoldersInside(m_root, relative, &why)) {
        *error = QStringLiteral("cannot add to the review of %1 %2: %3").arg(io::shownName(event.contractId), io::shownName(event.version), why);
        return false;
    }
    return io::writeFileAtomically(log.folder + QLatin1Char('/') + event.fileName(), event.fileText(), error);
}

} // namespace meshscope::review
