#pragma once

#include <QString>

/// Where Meshscope keeps its files on this machine.
namespace meshscope::paths {

/// The per-user cache database (…/.cache/meshscope/cache.sqlite on Linux).
QString defaultCacheFile();

/// The bundled sample mesh as a writable folder: the embedded copy is extracted on first use (and
/// refreshed when the embedded files change) so that reviews and edits can be written beside it.
/// Files the user added there are kept.
QString sampleMeshFolder();
/// The same, extracted into `target` (tests).
QString sampleMeshFolder(const QString &target);
/// Whether `path` is where sampleMeshFolder() puts the sample, in this home folder or in another one
/// (a cache copied from another user or machine). Nothing is extracted.
bool isSampleMeshFolder(const QString &path);

/// The embedded, read-only sample mesh (":/sample-mesh").
QString embeddedSampleMesh();

} // namespace meshscope::paths
