#include "savepaths.h"

#include <QDir>
#include <QFileInfo>

SavePaths::SavePaths(QObject *parent) : QObject(parent) {}

QString SavePaths::localPath(const QVariant &pathOrUrl)
{
    if (pathOrUrl.userType() == QMetaType::QUrl)
        return pathOrUrl.toUrl().toLocalFile();
    const QString text = pathOrUrl.toString();
    if (text.startsWith(QStringLiteral("file:")))
        return QUrl(text).toLocalFile();
    return text;
}

namespace {

/// "~" and "~/x" as a shell would read them; other text as it is.
QString expandHome(const QString &path)
{
    if (path == u"~")
        return QDir::homePath();
    if (path.startsWith(QStringLiteral("~/")))
        return QDir::homePath() + path.mid(1);
    return path;
}

bool endsInOneOf(const QString &name, const QStringList &suffixes)
{
    const QString suffix = QFileInfo(name).suffix();
    if (suffix.isEmpty())
        return false;
    for (const QString &s : suffixes) {
        if (!s.isEmpty() && suffix.compare(s, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

QString SavePaths::resolve(const QString &folder, const QString &typed, const QString &suffix, const QStringList &accepted)
{
    const QString name = expandHome(typed.trimmed());
    if (name.isEmpty() || name.endsWith(u'/'))
        return {};
    const QString base = expandHome(localPath(folder));
    QString path = QDir::isAbsolutePath(name) ? name : QDir(base.isEmpty() ? QDir::homePath() : base).filePath(name);
    path = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QStringList known = accepted;
    known << suffix;
    if (!suffix.isEmpty() && !endsInOneOf(path, known)) {
        if (path.endsWith(u'.'))
            path.chop(1);
        path += u'.' + suffix;
    }
    return path;
}

QString SavePaths::withSuffix(const QString &name, const QString &suffix, const QStringList &accepted)
{
    if (suffix.isEmpty() || !endsInOneOf(name, accepted))
        return name;
    return name.left(name.size() - QFileInfo(name).suffix().size()) + suffix;
}

QString SavePaths::problem(const QString &path)
{
    if (path.isEmpty())
        return tr("Type a file name.");
    const QFileInfo info(path);
    if (info.isDir())
        return tr("%1 is a folder: type a file name.").arg(QDir::toNativeSeparators(path));
    const QFileInfo folder(info.absolutePath());
    if (!folder.isDir())
        return tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(folder.filePath()));
    if (!folder.isWritable())
        return tr("The folder %1 cannot be written to.").arg(QDir::toNativeSeparators(folder.filePath()));
    if (info.exists() && !info.isWritable())
        return tr("%1 cannot be replaced (read-only).").arg(QDir::toNativeSeparators(path));
    return {};
}

bool SavePaths::exists(const QString &path)
{
    return !path.isEmpty() && QFileInfo::exists(path);
}

QString SavePaths::startFolder(const QVariant &folder)
{
    const QString path = expandHome(localPath(folder));
    return !path.isEmpty() && QFileInfo(path).isDir() ? QDir::cleanPath(QFileInfo(path).absoluteFilePath())
                                                      : QDir::homePath();
}

QString SavePaths::folderOf(const QString &path)
{
    return QFileInfo(path).absolutePath();
}

QUrl SavePaths::fileUrl(const QString &path)
{
    return QUrl::fromLocalFile(path);
}
