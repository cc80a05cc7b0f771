#pragma once

#include "generate/syntheticmesh.h"

#include <string>

/// Formatting of the synthetic mesh into the documents the importers read. Each function
/// returns one file's bytes and draws any cosmetic randomness from its own stream
/// (SyntheticMesh::documentRandom), so a document depends only on the mesh and its own index.
namespace meshscope::generate {

/// domains/<domain>.yaml: `kind: Domain` manifest.
std::string domainDocument(const SyntheticMesh &mesh, const SynthDomain &domain);
/// products/<domain>/<id>.odps.yaml: ODPS v1.0.0 data product.
std::string productDocument(const SyntheticMesh &mesh, size_t productIndex);
/// contracts/<domain>/<contract-id>.odcs.yaml: ODCS v3.1.0 data contract.
std::string contractDocument(const SyntheticMesh &mesh, size_t productIndex);
/// lineage/manifest.json: dbt manifest v12, one model per product plus the raw sources.
std::string dbtManifest(const SyntheticMesh &mesh);
/// How many metrics dbtManifest() writes (one per two products; see its semantic_models and metrics).
int metricCount(const SyntheticMesh &mesh);
/// lineage/events.ndjson: OpenLineage RunEvents, one per line, in time order.
/// `eventCount` receives the number of lines.
std::string openLineageEvents(const SyntheticMesh &mesh, int runsPerJob, int *eventCount);

/// The OpenLineage namespace of the warehouse every generated table lives in.
inline constexpr const char *kWarehouseNamespace = "postgres://warehouse:5432";
/// Written as `producer` of events and by tools that want to name the generator.
inline constexpr const char *kProducer = "https://example.org/meshscope/generate";

} // namespace meshscope::generate
