#pragma once

#include "benchsupport.h"
#include "generate/meshgenerator.h"
#include "sync/syncengine.h"

#include <QStringList>
#include <QTemporaryDir>

#include <cstdio>

namespace bench {

/// The generator options from `--products N --domains N` (defaults given; seed 42, so runs compare).
inline meshscope::MeshGeneratorOptions meshOptions(const QStringList &args, int products, int domains)
{
    meshscope::MeshGeneratorOptions options;
    options.products = intArg(args, QStringLiteral("--products"), products);
    options.domains = intArg(args, QStringLiteral("--domains"), domains);
    options.seed = 42;
    return options;
}

/// A generated mesh synced into a cache in a temporary folder, or an already synced cache given with
/// `--cache FILE` (then nothing is generated). The benchmarks that read a cache start from here.
struct SyncedMesh {
    QTemporaryDir dir;
    QString cache;
    meshscope::GeneratedMeshStats stats; ///< empty with --cache
    bool ok = false;
};

/// Fills `out`; on failure prints why to stderr and leaves `ok` false.
inline void prepareSyncedMesh(const QStringList &args, const meshscope::MeshGeneratorOptions &options, SyncedMesh &out)
{
    const qsizetype given = args.indexOf(QStringLiteral("--cache"));
    if (given >= 0 && given + 1 < args.size()) {
        out.cache = args.at(given + 1);
        out.ok = true;
        return;
    }
    out.cache = out.dir.filePath(QStringLiteral("cache.sqlite"));
    const QString mesh = out.dir.filePath(QStringLiteral("mesh"));
    QString error;
    out.stats = meshscope::generateMesh(mesh, options, &error);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "generate failed: %s\n", qPrintable(error));
        return;
    }
    const meshscope::SyncReport sync = meshscope::SyncEngine(out.cache).run({mesh});
    if (!sync.fatalError.isEmpty()) {
        std::fprintf(stderr, "sync failed: %s\n", qPrintable(sync.fatalError));
        return;
    }
    out.ok = true;
}

} // namespace bench
