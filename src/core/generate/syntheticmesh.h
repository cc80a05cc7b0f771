#pragma once

#include "generate/meshgenerator.h"
#include "generate/random.h"
#include "generate/vocabulary.h"
#include "model/entities.h"

#include <string>
#include <vector>

/// The generator's in-memory mesh: everything that must agree across documents (ids, tables,
/// columns, versions, lineage) is decided here once; the document writers only format it.
/// std::string rather than QString because all of it ends up as UTF-8 bytes in files.
namespace meshscope::generate {

struct SynthDomain {
    std::string id; ///< slug: file name, ODPS/ODCS `domain`
    std::string displayName;
    DomainType type = DomainType::SourceAligned;
    int parent = -1;    ///< index of the parent domain for sub-domains
    std::string schema; ///< warehouse schema: the id with '-' as '_'
    std::string owner;  ///< team id
    std::vector<std::string> people; ///< usernames (e-mail addresses) of the domain team
    std::vector<int> products;
};

struct SynthColumn {
    const vocabulary::ColumnKind *kind = nullptr;
    bool required = false;
};

struct SynthObject {
    std::string physicalName;
    std::vector<SynthColumn> columns; ///< columns[0] is the key column
};

struct SynthProduct {
    std::string id; ///< "<domain>-<subject>[-<qualifier>]", unique
    std::string name;
    std::string table;     ///< objects[0].physicalName, unique within the domain's schema
    std::string modelName; ///< dbt model name (id with '_')
    int domain = 0;
    DomainType type = DomainType::SourceAligned;
    std::string subject;
    std::string version;
    std::string status;
    std::string contractId;
    std::string owner;
    std::vector<SynthObject> objects;
    std::vector<int> inputs;             ///< upstream products, all earlier in the layered order
    std::vector<std::string> rawSources; ///< raw tables in "<schema>_raw" (source-aligned only)
    bool emitsEvents = false;
};

struct SyntheticMesh {
    quint64 seed = 0;
    std::string project = "synthetic_mesh";
    std::string database = "mesh";
    qint64 referenceTime = 0; ///< "now" of the mesh in epoch seconds, derived from the seed
    std::vector<SynthDomain> domains;
    std::vector<SynthProduct> products;

    int edgeCount() const;
    int rawSourceCount() const;
    /// A stream of randomness private to one document, so documents do not depend on each other.
    Random documentRandom(quint64 stream, quint64 index) const
    {
        return Random::derive(seed ^ (stream << 48), index);
    }
};

/// Streams of randomness, one per phase (see Random::derive).
enum Stream : quint64 {
    DomainStream = 1,
    ProductStream,
    LineageStream,
    EventSelectionStream,
    ProductDocumentStream,
    ContractDocumentStream,
    ManifestStream,
    EventStream,
};

/// Builds the whole mesh from validated options.
SyntheticMesh buildMesh(const MeshGeneratorOptions &options);
/// Fills products' inputs and raw sources as a layered DAG (syntheticmesh_lineage.cpp).
void wireLineage(SyntheticMesh &mesh);

/// "supply-chain" -> "Supply Chain".
std::string titleCase(const std::string &slug);
/// "2026-03-01T04:05:06.000Z" from epoch seconds.
std::string isoTime(qint64 epochSeconds);

} // namespace meshscope::generate
