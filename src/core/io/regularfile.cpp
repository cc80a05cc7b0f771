#include "regularfile.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace meshscope::io {

namespace {

QString errnoText(const char *what, int error)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(error)));
}

struct Descriptor {
    int fd = -1;
    ~Descriptor()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

ReadResult readRegularFile(const QString &path, qint64 maxBytes, QByteArray &out)
{
    ReadResult r;
    out.clear();
    Descriptor d;
    // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting for one. It does
    // nothing to reads of a regular file. O_NOCTTY: a terminal device never becomes ours.
    do {
        d.fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    } while (d.fd < 0 && errno == EINTR);
    if (d.fd < 0) {
        r.error = errnoText("cannot open", errno);
        return r;
    }
    struct stat st;
    if (::fstat(d.fd, &st) != 0) {
        r.error = errnoText("cannot stat", errno);
        return r;
    }
    if (!S_ISREG(st.st_mode)) {
        r.status = ReadStatus::NotRegular;
        r.error = S_ISDIR(st.st_mode) ? QStringLiteral("a folder, not a file")
                                       : QStringLiteral("not a regular file (a FIFO, socket or device); not read");
        return r;
    }
    r.size = qint64(st.st_size);
    if (r.size > maxBytes) {
        r.status = ReadStatus::TooLarge;
        return r;
    }
    // Sized by fstat plus the one byte whose read finds the end (so an unchanged file costs no copy), grown
    // if the file grew (or stat said 0, as /proc does), never past maxBytes + 1: that byte proves it too large.
    qint64 capacity = std::min(r.size + 1, maxBytes + 1);
    out.resize(capacity);
    qint64 filled = 0;
    for (;;) {
        if (filled == capacity) {
            if (capacity > maxBytes)
                break;
            capacity = std::min(std::max<qint64>(capacity * 2, 4096), maxBytes + 1);
            out.resize(capacity);
        }
        const ssize_t n = ::read(d.fd, out.data() + filled, size_t(capacity - filled));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            r.error = errnoText("cannot read", errno);
            out.clear();
            return r;
        }
        if (n == 0)
            break;
        filled += n;
    }
    if (filled > maxBytes) {
        out.clear();
        r.status = ReadStatus::TooLarge;
        r.size = filled;
        return r;
    }
    out.resize(filled);
    r.size = filled;
    r.status = ReadStatus::Ok;
    return r;
}

bool resolvesInside(const QString &root, const QString &path)
{
    char resolvedRoot[PATH_MAX];
    char resolvedPath[PATH_MAX];
    if (!::realpath(QFile::encodeName(root).constData(), resolvedRoot)
        || !::realpath(QFile::encodeName(path).constData(), resolvedPath))
        return false;
    const size_t n = std::strlen(resolvedRoot);
    if (std::strncmp(resolvedPath, resolvedRoot, n) != 0)
        return false;
    // "/mesh" holds "/mesh/x" but not "/mesh2/x"; the root "/" holds everything.
    return resolvedPath[n] == '/' || resolvedPath[n] == '\0' || (n == 1 && resolvedRoot[0] == '/');
}

} // namespace meshscope::io
