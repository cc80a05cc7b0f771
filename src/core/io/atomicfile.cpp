#include "atomicfile.h"

#include "posixio.h"
#include "safepath.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace meshscope::io {

namespace {

using posix::errnoText;
using posix::writeAll;

WriteHook g_hook = nullptr;
std::atomic_int g_counter{0};

void reach(WriteStage stage)
{
    if (g_hook)
        g_hook(stage);
}



} // namespace

void setWriteHookForTests(WriteHook hook)
{
    g_hook = hook;
}

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    const QFileInfo target(path);
    // The path goes to system calls as bytes: a NUL would silently cut it ("victim.yaml\0x" would
    // replace victim.yaml). A file name with control characters only comes from hostile data.
    const QString name = target.fileName();
    const bool control = std::any_of(name.cbegin(), name.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
    if (control || !systemPath(path)) {
        if (error)
            *error = QStringLiteral("%1: not written: the name holds a NUL or control character").arg(shownName(path));
        return false;
    }
    const QString dir = target.absolutePath();
    const QString temp = QStringLiteral("%1/.%2.tmp-%3-%4")
                             .arg(dir, target.fileName())
                             .arg(::getpid())
                             .arg(g_counter.fetch_add(1));
    const QByteArray tempName = QFile::encodeName(temp);
    // A symbolic link at `path` is replaced by the new file, never written through: rename() replaces
    // the directory entry itself. So the mode is taken only from a regular file there (lstat), never
    // from what a link points to. Whether the folder itself may be reached through a link is the
    // caller's rule (see safepath.h pathInside).
    mode_t mode = 0644;
    struct stat existing {};
    if (::lstat(QFile::encodeName(target.absoluteFilePath()).constData(), &existing) == 0 && S_ISREG(existing.st_mode))
        mode = existing.st_mode & 07777;

    const auto fail = [&](const char *step, int fd) {
        const QString why = errnoText();
        if (fd >= 0)
            ::close(fd);
        ::unlink(tempName.constData());
        if (error)
            *error = QStringLiteral("%1: %2 failed: %3").arg(path, QLatin1String(step), why);
        return false;
    };

    const int fd = ::open(tempName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        return fail("creating a temporary file", -1);
    ::fchmod(fd, mode); // the umask may have narrowed the mode given to open()
    reach(WriteStage::TempCreated);
    const qint64 half = bytes.size() / 2;
    if (!writeAll(fd, bytes.constData(), half))
        return fail("writing", fd);
    reach(WriteStage::HalfWritten);
    if (!writeAll(fd, bytes.constData() + half, bytes.size() - half))
        return fail("writing", fd);
    reach(WriteStage::TempWritten);
    if (::fsync(fd) != 0)
        return fail("fsync", fd);
    reach(WriteStage::TempSynced);
    if (::close(fd) != 0)
        return fail("closing", -1);
    if (::rename(tempName.constData(), QFile::encodeName(target.absoluteFilePath()).constData()) != 0)
        return fail("renaming over the target", -1);
    reach(WriteStage::Renamed);
    // The rename itself is only durable once the folder's entry is on disk.
    const int dirFd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return true;
}

} // namespace meshscope::io
