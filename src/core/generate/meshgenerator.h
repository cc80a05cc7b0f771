#pragma once

#include <QString>
#include <QtGlobal>

namespace meshscope {

/// @brief What `meshscope generate` writes: the size and shape of a synthetic mesh.
struct MeshGeneratorOptions {
    int domains = 8;
    int products = 200;
    quint64 seed = 42;
    int eventPercent = 20; ///< share of products whose job gets OpenLineage run events, 0-100
    int runsPerJob = 3;    ///< daily runs per such job, the last ones before the reference date
};

/// @brief What was written. `edges` counts product-to-product lineage edges (input ports naming
/// an upstream product's contract); `datasets` counts dbt nodes (one model per product plus the
/// raw source tables); `events` counts OpenLineage run events (lines of events.ndjson).
struct GeneratedMeshStats {
    int files = 0;
    int domains = 0;
    int products = 0;
    int contracts = 0;
    int datasets = 0;
    int edges = 0;
    int events = 0;
    int metrics = 0; ///< dbt metrics in lineage/manifest.json (simple and derived)
};

/// Empty when the options make sense, else a one-line reason (products >= 1, 1 <= domains <=
/// products, percentages in range).
QString validateGeneratorOptions(const MeshGeneratorOptions &options);

/// @brief Writes a synthetic mesh under `outDir` in the formats the importers read:
/// domains/<domain>.yaml, products/<domain>/<id>.odps.yaml, contracts/<domain>/<id>.odcs.yaml,
/// lineage/manifest.json (dbt v12) and lineage/events.ndjson (OpenLineage).
/// The same options give byte-identical files. `outDir` must be new, empty, or a folder this
/// function wrote before (then its generated sub-folders are replaced). On failure returns
/// all-zero stats and sets `error`.
GeneratedMeshStats generateMesh(const QString &outDir, const MeshGeneratorOptions &options,
                                QString *error = nullptr);

} // namespace meshscope
