#pragma once

#include <QString>

#include <cerrno>
#include <cstring>

#include <unistd.h>

/// Small POSIX helpers shared by the writers in io/ (atomicfile, safepath).
namespace meshscope::io::posix {

/// Writes all of `data`, retrying short writes and EINTR; false on any other error (errno set).
inline bool writeAll(int fd, const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= n;
    }
    return true;
}

/// strerror(errno) as text for a message.
inline QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace meshscope::io::posix
