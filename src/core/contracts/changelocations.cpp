#include "changelocations.h"

#include <QJsonValue>

namespace meshscope::diff {

namespace {

/// A renamed object or property: its path in the old contract and in the new one. Changes inside a
/// renamed element are reported under its new name, the rename itself under the old one.
struct Rename {
    QString oldPath;
    QString newPath;
};

QString replacePrefix(const QString &path, const QString &from, const QString &to)
{
    if (path == from)
        return to;
    if (path.startsWith(from) && path.size() > from.size()
        && (path.at(from.size()) == u'.' || path.at(from.size()) == u'['))
        return to + path.mid(from.size());
    return path;
}

} // namespace

std::vector<ChangeLocation> locateChanges(const ContractDiff &diff, const YamlLocator &oldDoc,
                                          const YamlLocator &newDoc)
{
    std::vector<Rename> renames;
    for (const ContractChange &change : diff.changes) {
        if (change.kind != ChangeKind::Renamed || !change.newValue.isString())
            continue;
        const QStringList segments = YamlLocator::splitPath(change.path);
        QString parent;
        for (qsizetype i = 0; i + 1 < segments.size(); ++i)
            parent += (parent.isEmpty() ? QString() : QStringLiteral(".")) + pathSegment(segments.at(i));
        renames.push_back({change.path, parent + (parent.isEmpty() ? QString() : QStringLiteral("."))
                                            + pathSegment(change.newValue.toString())});
    }

    std::vector<ChangeLocation> out;
    out.reserve(diff.changes.size());
    for (const ContractChange &change : diff.changes) {
        QString oldPath = change.path;
        QString newPath = change.path;
        for (const Rename &r : renames) {
            oldPath = replacePrefix(oldPath, r.newPath, r.oldPath);
            newPath = replacePrefix(newPath, r.oldPath, r.newPath);
        }
        out.push_back({oldDoc.locate(oldPath), newDoc.locate(newPath)});
    }
    return out;
}

} // namespace meshscope::diff
