#pragma once

#include <QByteArray>
#include <QString>

/// Reading a document that someone else controls (a mesh folder, a review event): the one place that
/// decides what may be read.
///
/// Only regular files are read. The type is checked on the opened descriptor (open with O_NONBLOCK, then
/// fstat), not on the name, so a symlink to a FIFO or a device, or a file swapped for one after the
/// folder was listed, is refused without blocking. The read stops at the size limit whatever stat says
/// (a file may grow while read, /proc files claim size 0), so no input can exhaust memory.
/// Cost per file: open, fstat, read until end of file, close.
namespace meshscope::io {

enum class ReadStatus {
    Ok,
    NotRegular, ///< a FIFO, socket, device or folder: never read
    TooLarge,   ///< larger than the limit (by fstat or by what was read); nothing is returned
    Failed,     ///< open or read failed (errno in the message)
};

struct ReadResult {
    ReadStatus status = ReadStatus::Failed;
    QString error; ///< without the file name (the caller names the file as its users know it)
    qint64 size = 0; ///< bytes seen: the file's size, or more than the limit when TooLarge
    bool ok() const { return status == ReadStatus::Ok; }
};

/// Reads the whole regular file at `path` into `out` when it holds at most `maxBytes`.
ReadResult readRegularFile(const QString &path, qint64 maxBytes, QByteArray &out);

/// Whether `path`, with every symlink resolved, lies inside the folder `root` (resolved too).
/// A source's documents may be symlinks, but only to files inside the source itself: a link out of
/// the source (to /proc, /etc, another checkout) is not followed. Costs a realpath: call it for
/// symlinks only.
bool resolvesInside(const QString &root, const QString &path);

} // namespace meshscope::io
