#include "sourcewalker.h"

#include "importers/importer.h"
#include "review/reviewstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace meshscope {

bool isRemoteSource(const QString &source)
{
    const qsizetype scheme = source.indexOf(QStringLiteral("://"));
    if (scheme <= 0)
        return false;
    const QString prefix = source.left(scheme).toLower();
    return prefix.endsWith(QStringLiteral("http")) || prefix.endsWith(QStringLiteral("https"));
}

bool walkSource(const QString &source, std::vector<SourceFile> &files, QString *error)
{
    const QFileInfo root(source);
    if (!root.exists()) {
        *error = QStringLiteral("%1: no such file or folder").arg(source);
        return false;
    }
    if (!root.isReadable()) {
        *error = QStringLiteral("%1: not readable").arg(source);
        return false;
    }
    if (root.isFile()) {
        files.push_back({root.fileName(), root.absoluteFilePath(), root.size(),
                         root.lastModified().toMSecsSinceEpoch()});
        return true;
    }
    const QDir base(root.absoluteFilePath());
    // No QDirIterator::Subdirectories here: descending by hand lets us skip hidden folders (.git).
    std::vector<QString> pending{root.absoluteFilePath()};
    while (!pending.empty()) {
        const QString dir = pending.back();
        pending.pop_back();
        QDirIterator it(dir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
        while (it.hasNext()) {
            it.next();
            const QFileInfo info = it.fileInfo();
            if (info.fileName().startsWith(QLatin1Char('.')))
                continue;
            if (info.isDir()) {
                // A root's reviews/ holds proposal review events (meshscope review), not mesh documents.
                const bool reviews = dir == root.absoluteFilePath() && info.fileName() == review::ReviewStore::reviewsFolderName();
                if (!info.isSymLink() && !reviews)
                    pending.push_back(info.absoluteFilePath());
            } else if (isCandidateDocument(info.fileName())) {
                files.push_back({base.relativeFilePath(info.absoluteFilePath()), info.absoluteFilePath(),
                                 info.size(), info.lastModified().toMSecsSinceEpoch()});
            }
        }
    }
    std::sort(files.begin(), files.end(),
              [](const SourceFile &a, const SourceFile &b) { return a.relativePath < b.relativePath; });
    return true;
}

} // namespace meshscope
