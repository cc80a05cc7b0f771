#pragma once

#include <QString>

#include <vector>

namespace meshscope {

/// One candidate document found in a source.
struct SourceFile {
    QString relativePath; ///< to the source root; the key the cache stores
    QString absolutePath;
    qint64 size = 0;
    qint64 mtime = 0; ///< ms since epoch
};

/// @brief Lists the documents of a source: a folder searched recursively (hidden folders such as .git
/// skipped) or a single file. Sorted by path so that "first definition wins" is deterministic.
/// Returns false with `error` set when the source does not exist or is not readable.
bool walkSource(const QString &source, std::vector<SourceFile> &files, QString *error);

/// Whether a source string names a catalog server (scheme+http(s)://...) rather than a path.
bool isRemoteSource(const QString &source);

} // namespace meshscope
