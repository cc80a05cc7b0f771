#pragma once

#include "jsonsupport.h"
#include "lineagesupport.h"

#include <QHash>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

/// Internal to the dbt manifest importer (dbtmanifestimporter*.cpp); not a public interface.
namespace meshscope::importers::dbt {

/// Reads one parsed manifest.json into the ImportResult in passes: metadata and groups, then
/// dataset-like nodes (models, seeds, snapshots, sources, exposures), then tests as checks, then
/// edges. Node ids stay std::string (the manifest's own keys) so lookups need no conversion.
class ManifestReader
{
public:
    /// `columnOrder` holds the text order of every "columns" object (the tree keeps keys sorted).
    ManifestReader(const QByteArray &bytes, const QString &file, ImportResult &result,
                   const jsonsupport::KeyOrder &columnOrder);
    void read(const jsonsupport::Json &root);

private:
    struct NodeRef {
        size_t dataset = 0;             ///< index in result.datasets
        QString jobId;                  ///< the Job building it (models, snapshots), else empty
        const jsonsupport::Json *json = nullptr; ///< for depends_on when there is no parent_map
    };

    // dbtmanifestimporter.cpp
    void readMetadata(const jsonsupport::Json &root);
    void readGroups(const jsonsupport::Json &root);
    void readTests(const jsonsupport::Json &nodes);
    void readEdges(const jsonsupport::Json &root);
    void readDependsOn();
    /// Adds an edge from each dataset `parents` names to `child`; an ephemeral parent is looked
    /// through to the datasets it reads (its SQL runs inside the child's build).
    void addParentEdges(const jsonsupport::Json &parents, const jsonsupport::Json *parentMap, const NodeRef &child,
                        std::unordered_set<std::string> &seen);
    const jsonsupport::Json *section(const jsonsupport::Json &root, const char *key);

    // dbtmanifestimporter_nodes.cpp
    void readNodes(const jsonsupport::Json &map, const char *sectionName);
    void readNode(const std::string &uniqueId, const jsonsupport::Json &node);
    void readExposures(const jsonsupport::Json &map);
    QString relationOf(const jsonsupport::Json &node) const;
    QString ownerOf(const jsonsupport::Json &node, const jsonsupport::Json *meta) const;
    QList<DatasetColumn> columnsOf(const std::string &uniqueId, const jsonsupport::Json &node);

    // dbtmanifestimporter_metrics.cpp: the semantic layer, read after the datasets it stands on
    void readSemanticModels(const jsonsupport::Json &map);
    void readMetrics(const jsonsupport::Json &map);
    /// The dataset a semantic model or legacy metric reads: its depends_on models, else its relation.
    QString datasetOf(const jsonsupport::Json &node) const;
    std::unordered_map<std::string, size_t> m_semanticModelByMeasure; ///< measure name -> index in semanticModels
    void remember(const std::string &uniqueId, size_t datasetIndex, const QString &jobId,
                  const jsonsupport::Json &node);

    /// Diagnostics about entries of a section ("nodes", "parent_map", ...) are placed at the
    /// entry's key in the text, all together at the end of read(), in one pass.
    void warnAbout(const char *section, const std::string &uniqueId, const QString &message);
    void infoAbout(const char *section, const std::string &uniqueId, const QString &message);
    void note(Diagnostic::Severity severity, jsonsupport::KeyQuery where, const QString &message);
    void placeNotes();

    const QByteArray &m_bytes;
    QString m_file;
    ImportResult &m_result;
    const jsonsupport::KeyOrder &m_columnOrder;
    LineageCollector m_collector;
    QString m_adapter;
    QString m_project;
    QHash<QString, QString> m_groupOwners; ///< group name -> owner e-mail or name
    std::unordered_map<std::string, NodeRef> m_nodes;
    /// Ephemeral models: no table exists, so they are jobs, not datasets; the lineage passes through.
    std::unordered_map<std::string, const jsonsupport::Json *> m_ephemeral;
    static constexpr size_t kMaxEphemeralSteps = 1000000; ///< ephemeral nodes walked through, per manifest
    size_t m_ephemeralSteps = 0;
    std::unordered_map<size_t, std::string> m_firstNodeOfDataset; ///< dataset index -> the unique_id that made it
    std::vector<std::pair<size_t, jsonsupport::KeyQuery>> m_unplaced; ///< diagnostic index, where
    const char *m_section = "nodes"; ///< the section being read, for warnAbout()
};

/// Parse filter: top-level sections and node fields the reader never looks at.
bool skipUnread(size_t depth, std::string_view key);

/// A model with `materialized: ephemeral`: dbt inlines it as a CTE, nothing is built.
bool isEphemeral(const jsonsupport::Json &node);

/// "model", "seed", "snapshot", "source": dbt resources that are tables or views.
bool isDatasetResource(const QString &resourceType);

} // namespace meshscope::importers::dbt
