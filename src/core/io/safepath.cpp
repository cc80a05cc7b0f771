#include "safepath.h"

#include "posixio.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace meshscope::io {

namespace {

using posix::errnoText;
using posix::writeAll;

/// Longest file name (in UTF-8 bytes) Linux file systems take.
constexpr qsizetype kMaxNameBytes = 255;

bool isInside(const QString &path, const QString &root)
{
    return path == root || path.startsWith(root.endsWith(u'/') ? root : root + u'/');
}


bool removeTree(const QString &path, const QByteArray &encoded, QString *error)
{
    struct stat st {};
    if (::lstat(encoded.constData(), &st) != 0) {
        if (errno == ENOENT)
            return true;
    } else if (S_ISDIR(st.st_mode)) {
        // Entries listed without following anything; each one is examined again with lstat.
        const QStringList names = QDir(path).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
        for (const QString &name : names) {
            const QString child = path + u'/' + name;
            if (!removeTree(child, QFile::encodeName(child), error))
                return false;
        }
        if (::rmdir(encoded.constData()) == 0)
            return true;
    } else if (::unlink(encoded.constData()) == 0) {
        return true;
    }
    if (error)
        *error = QStringLiteral("cannot remove %1: %2").arg(path, errnoText());
    return false;
}

} // namespace

QString fileNameProblem(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("is empty");
    if (name == u"." || name == u"..")
        return QStringLiteral("is '%1', a folder's own name").arg(name);
    for (const QChar c : name) {
        if (c == u'/' || c == u'\\')
            return QStringLiteral("holds '%1', a folder separator").arg(c);
        if (c.unicode() == 0)
            return QStringLiteral("holds a NUL character");
        if (c.category() == QChar::Other_Control)
            return QStringLiteral("holds a control character (U+%1)").arg(uint(c.unicode()), 4, 16, QLatin1Char('0'));
    }
    if (!name.isValidUtf16())
        return QStringLiteral("is not valid Unicode");
    if (name.toUtf8().size() > kMaxNameBytes)
        return QStringLiteral("is longer than %1 bytes").arg(kMaxNameBytes);
    return {};
}

QString relativePathProblem(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral("is empty");
    if (path.startsWith(u'/'))
        return QStringLiteral("is absolute");
    for (const QString &part : path.split(u'/')) {
        if (part.isEmpty())
            return QStringLiteral("has an empty part");
        if (const QString problem = fileNameProblem(part); !problem.isEmpty())
            return part == path ? problem : QStringLiteral("has a part that %1").arg(problem);
    }
    return {};
}

QString shownName(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case 0: out += QLatin1String("\\0"); break;
        case '\n': out += QLatin1String("\\n"); break;
        case '\r': out += QLatin1String("\\r"); break;
        case '\t': out += QLatin1String("\\t"); break;
        default:
            if (c.category() == QChar::Other_Control)
                out += QStringLiteral("\\u%1").arg(uint(c.unicode()), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out;
}

std::optional<QString> pathInside(const QString &root, const QString &relative, QString *error)
{
    const QString absRoot = QDir::cleanPath(QDir(root).absolutePath());
    const auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("'%1' leaves %2: %3").arg(shownName(relative), absRoot, why);
        return std::nullopt;
    };
    if (const QString problem = relativePathProblem(relative); !problem.isEmpty())
        return fail(QStringLiteral("it %1").arg(problem));
    QString canonicalRoot = QFileInfo(absRoot).canonicalFilePath();
    if (canonicalRoot.isEmpty())
        canonicalRoot = absRoot; // the root does not exist yet, so nothing below it does
    QString current = absRoot;
    for (const QString &part : relative.split(u'/')) {
        current += u'/' + part;
        struct stat st {};
        if (::lstat(QFile::encodeName(current).constData(), &st) != 0)
            break; // neither this nor anything below it exists yet: it will be created inside
        if (!S_ISLNK(st.st_mode))
            continue; // a real entry of a folder already known to be inside
        const QString target = QFileInfo(current).canonicalFilePath();
        if (target.isEmpty())
            return fail(QStringLiteral("%1 is a symbolic link that leads nowhere").arg(shownName(current)));
        if (!isInside(target, canonicalRoot))
            return fail(QStringLiteral("%1 is a symbolic link to %2").arg(shownName(current), shownName(target)));
    }
    return absRoot + u'/' + relative;
}

bool makeFoldersInside(const QString &root, const QString &relative, QString *error)
{
    const std::optional<QString> path = pathInside(root, relative, error);
    if (!path)
        return false;
    if (QDir().mkpath(*path))
        return true;
    if (error)
        *error = QStringLiteral("cannot create the folder %1").arg(*path);
    return false;
}

std::optional<QByteArray> systemPath(const QString &path)
{
    if (path.contains(QChar(0)))
        return std::nullopt;
    return QFile::encodeName(path);
}

bool writeFileNoFollow(const QString &path, const QByteArray &bytes, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(shownName(path), why);
        return false;
    };
    const std::optional<QByteArray> name = systemPath(path);
    if (!name)
        return fail(QStringLiteral("the name holds a NUL character"));
    // Anything but a regular file of its own (a link, a hard link shared with another file, a FIFO,
    // a device) is replaced rather than written into.
    struct stat st {};
    if (::lstat(name->constData(), &st) == 0 && (!S_ISREG(st.st_mode) || st.st_nlink > 1)) {
        if (S_ISDIR(st.st_mode))
            return fail(QStringLiteral("a folder is in the way"));
        if (::unlink(name->constData()) != 0)
            return fail(QStringLiteral("cannot replace what is there: ") + errnoText());
    }
    // O_NOFOLLOW: a link planted meanwhile fails the open instead of being followed; O_NONBLOCK: a
    // FIFO does not hang it. Truncated only once it is known to be a regular file of its own.
    const int fd = ::open(name->constData(), O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
    if (fd < 0)
        return fail(errnoText());
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink > 1) {
        ::close(fd);
        return fail(QStringLiteral("it changed while being written"));
    }
    const bool ok = ::ftruncate(fd, 0) == 0 && writeAll(fd, bytes.constData(), bytes.size());
    const QString why = ok ? QString() : errnoText();
    if (::close(fd) != 0 && ok)
        return fail(errnoText());
    return ok ? true : fail(why);
}

bool removeNoFollow(const QString &path, QString *error)
{
    const std::optional<QByteArray> name = systemPath(path);
    if (!name) {
        if (error)
            *error = QStringLiteral("cannot remove %1: the name holds a NUL character").arg(shownName(path));
        return false;
    }
    return removeTree(path, *name, error);
}

} // namespace meshscope::io
