#include "reviewgit.h"

#include <QFile>
#include <QProcess>
#include <QSet>

namespace meshscope::review {

namespace {

std::optional<QString> git(const QString &folder, const QStringList &arguments)
{
    QProcess p;
    p.setWorkingDirectory(folder);
    p.start(QStringLiteral("git"), arguments);
    if (!p.waitForStarted(3000) || !p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return std::nullopt;
    return QString::fromUtf8(p.readAllStandardOutput());
}

std::optional<QByteArray> gitShow(const QString &folder, const QString &object)
{
    QProcess p;
    p.setWorkingDirectory(folder);
    p.start(QStringLiteral("git"), {QStringLiteral("show"), object});
    if (!p.waitForStarted(3000) || !p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return std::nullopt;
    return p.readAllStandardOutput();
}

/// Whether a modification only added, replaced or removed the signature: the hashed content and the
/// stated hash are the same, so history was not edited (the signature is checked on its own, and a
/// removed one makes the event unsigned). Lets the authors of events written before a mesh required
/// signatures sign them afterwards.
bool signatureOnly(const std::optional<QByteArray> &before, const std::optional<QByteArray> &after)
{
    if (!before || !after)
        return false;
    QString error;
    const std::optional<ReviewEvent> a = parseEvent(*before, &error);
    const std::optional<ReviewEvent> b = parseEvent(*after, &error);
    return a && b && a->hash == b->hash && a->canonicalBytes() == b->canonicalBytes();
}

} // namespace

std::vector<Problem> historyRewrites(const QString &sourceRoot)
{
    std::vector<Problem> out;
    const std::optional<QString> prefix = git(sourceRoot, {QStringLiteral("rev-parse"), QStringLiteral("--show-prefix")});
    if (!prefix)
        return out;
    const QString folder = ReviewStore::reviewsFolderName();
    QSet<QString> reported;
    const auto report = [&](const QString &path, const QString &what) {
        if (!path.startsWith(folder + QLatin1Char('/')) || !path.endsWith(QLatin1String(".json")) || reported.contains(path))
            return;
        reported.insert(path);
        out.push_back({path, what});
    };
    // Committed history: any review file a commit deleted, modified or renamed.
    if (const auto log = git(sourceRoot, {QStringLiteral("log"), QStringLiteral("--relative"), QStringLiteral("--format=commit %h"),
                                          QStringLiteral("--name-status"), QStringLiteral("--diff-filter=DMR"),
                                          QStringLiteral("--no-renames"), QStringLiteral("--"), folder})) {
        QString commit;
        for (const QString &line : log->split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (line.startsWith(QLatin1String("commit "))) {
                commit = line.mid(7);
                continue;
            }
            const QString status = line.section(QLatin1Char('\t'), 0, 0);
            const QString path = line.section(QLatin1Char('\t'), 1);
            if (status.startsWith(QLatin1Char('M'))
                && signatureOnly(gitShow(sourceRoot, QStringLiteral("%1^:./%2").arg(commit, path)),
                                 gitShow(sourceRoot, QStringLiteral("%1:./%2").arg(commit, path))))
                continue;
            report(path, status.startsWith(QLatin1Char('D')) ? QStringLiteral("deleted in commit %1 (review events are never removed)").arg(commit)
                                                             : QStringLiteral("modified in commit %1 (review events are never edited)").arg(commit));
        }
    }
    // The working tree: deletions and edits not committed yet.
    if (const auto status = git(sourceRoot, {QStringLiteral("status"), QStringLiteral("--porcelain=v1"), QStringLiteral("--no-renames"),
                                             QStringLiteral("--"), folder})) {
        for (const QString &line : status->split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (line.size() < 4)
                continue;
            const QString code = line.left(2);
            QString path = line.mid(3);
            const QString pre = prefix->trimmed();
            if (path.startsWith(pre))
                path = path.mid(pre.size());
            if (code.contains(QLatin1Char('D')))
                report(path, QStringLiteral("deleted from the working tree (review events are never removed)"));
            else if (code.contains(QLatin1Char('M'))) {
                QFile file(sourceRoot + QLatin1Char('/') + path);
                const std::optional<QByteArray> now = file.open(QIODevice::ReadOnly) ? std::optional<QByteArray>(file.readAll()) : std::nullopt;
                if (!signatureOnly(gitShow(sourceRoot, QStringLiteral("HEAD:./%1").arg(path)), now))
                    report(path, QStringLiteral("modified in the working tree (review events are never edited)"));
            }
        }
    }
    return out;
}

} // namespace meshscope::review
