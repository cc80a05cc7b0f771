#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

/// File names and paths that come from data — a document's id or version, a review event's
/// `proposalFile`, a page name — kept inside the folder they are meant for. Every writer uses it:
///
///  1. the text is checked: one file name (fileNameProblem) or a relative path of such names
///     (relativePathProblem): never empty, ".", "..", absolute, nor holding '/', '\\', NUL or another
///     control character;
///  2. the joined path is resolved (pathInside): each part that exists, symbolic links followed, must
///     stay inside the root folder, so a planted link out of it is refused;
///  3. the file itself is written without following a link at its name (writeFileNoFollow here,
///     writeFileAtomically in atomicfile.h): a link there is replaced, never written through.
///
/// This is check-then-use: it defends against hostile content (documents, review files, links planted
/// in a mesh or output folder), not against someone changing the folder while the app writes to it.
namespace meshscope::io {

/// Why `name` cannot be one file name inside a folder ("holds '/'", "is '..'", ...); empty when it can.
QString fileNameProblem(const QString &name);

/// Why `path` cannot be a path relative to a root folder: absolute, or a '/'-separated part that
/// fileNameProblem refuses. Empty when it can.
QString relativePathProblem(const QString &path);

/// `text` for a message: control characters shown as \n, \t, \0 or \uXXXX, so a hostile name cannot
/// forge lines of output.
QString shownName(const QString &text);

/// The absolute path of `relative` under `root`, once proven to stay there: `relative` passes
/// relativePathProblem and every part of it that exists resolves (through symbolic links) inside
/// `root`'s own resolved path. nullopt with `error` ("'<relative>' leaves <root>: ...") otherwise.
std::optional<QString> pathInside(const QString &root, const QString &relative, QString *error);

/// pathInside, then the folders are created (like QDir::mkpath). False with `error` when the path
/// leaves `root` or cannot be created.
bool makeFoldersInside(const QString &root, const QString &relative, QString *error);

/// Writes `bytes` to `path` (created or truncated) without following a symbolic link at its name: a
/// link, a hard link shared with another file, or anything but a regular file there is removed first
/// and a new file written in its place. Not atomic and not fsynced: for bulk output (the HTML bundle,
/// the generator), where a half-written folder is simply written again. Refuses a path holding NUL.
bool writeFileNoFollow(const QString &path, const QByteArray &bytes, QString *error);

/// Removes `path` without following links: a symbolic link is removed itself (never what it points
/// to); a folder with everything in it (links inside are removed, not followed). True when nothing is
/// left at `path`.
bool removeNoFollow(const QString &path, QString *error);

/// `path` as bytes for a system call; nullopt when it holds a NUL, which the call would silently cut
/// the path at (so "victim.yaml\0x" would name victim.yaml).
std::optional<QByteArray> systemPath(const QString &path);

} // namespace meshscope::io
