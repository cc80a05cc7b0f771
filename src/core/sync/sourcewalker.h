#pragma once

#include "model/diagnostic.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace meshscope {

/// One candidate document found in a source.
struct SourceFile {
    QString relativePath; ///< to the source root; the key the cache stores
    QString absolutePath;
    qint64 size = 0;
    qint64 mtime = 0; ///< ms since epoch
};

/// What a walk passed over, besides the documents it found.
struct SourceWalkNotes {
    /// Folders, names and links passed over, each naming its path relative to the source.
    std::vector<Diagnostic> diagnostics;
    /// Folders that could not be listed (relative, "" never: an unlisted root fails the walk). The cache
    /// keeps what it holds under them: a folder that cannot be read is not a deleted one.
    QStringList unreadableFolders;
};

/// @brief Lists the documents of a source: a folder searched recursively (hidden folders such as .git
/// skipped) or a single file. Sorted by path so that "first definition wins" is deterministic.
/// Returns false with `error` set when the source does not exist or is not readable.
///
/// What is listed: regular files with a document's extension. Folder symlinks are not followed. A file
/// symlink is followed only when its target is a regular file inside the source (resolved): a link out
/// of the source, to a FIFO or to a device is passed over with a diagnostic in `notes`, as is a name
/// that is not valid UTF-8 (it cannot be a key in the cache) and a folder that cannot be listed.
bool walkSource(const QString &source, std::vector<SourceFile> &files, QString *error,
                SourceWalkNotes *notes = nullptr);

/// Whether a source string names a catalog server (scheme+http(s)://...) rather than a path.
bool isRemoteSource(const QString &source);

/// Test seam: when set, the walk asks it before listing each folder below the root (absolute path),
/// and a folder for which it returns true fails to open as if permission were denied (chmod 000 does not
/// bind a root user, who runs CI). Not thread-safe: set it before a walk starts.
using ListFailureHook = bool (*)(const QString &absoluteFolder);
void setListFailureHookForTests(ListFailureHook hook);

} // namespace meshscope
