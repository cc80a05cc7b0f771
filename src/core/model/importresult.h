#pragma once

#include "diagnostic.h"
#include "entities.h"

#include <vector>

namespace meshscope {

/// @brief Everything one document yields: normalized entities plus the problems met on the way.
/// Importers fill it; sync merges and stores it. An importer that hits an error keeps what it
/// could read and says what it could not.
struct ImportResult {
    QString format; ///< detected format, e.g. "odcs", "dcs", "odps", "dps", "manifest",
                    ///< "policy", "dbt-manifest", "openlineage", "datahub-mce"; empty if unknown
    std::vector<Domain> domains;
    std::vector<Team> teams;
    std::vector<DataProduct> products;
    std::vector<Contract> contracts;
    std::vector<GovernancePolicy> policies;
    std::vector<Dataset> datasets;
    std::vector<LineageEdge> lineageEdges;
    std::vector<ColumnLineageEdge> columnEdges;
    std::vector<Job> jobs;
    std::vector<RunEvent> runs;
    std::vector<QualityResult> qualityResults;
    std::vector<SemanticModel> semanticModels;
    std::vector<Metric> metrics;
    std::vector<Diagnostic> diagnostics;

    bool hasErrors() const;
    /// No entity of any kind (a document that failed this way keeps its last good version in the cache).
    bool yieldsNothing() const;
    void error(const QString &file, int line, int column, const QString &message);
    void warning(const QString &file, int line, int column, const QString &message);
    /// Adds the domain unless one with the same id is there; fills a missing type or name.
    void noteDomain(const QString &id, DomainType type = DomainType::Unknown, const QString &name = {});
};

/// Lower-case, dash-separated slug used for domain and team ids ("Order Management" -> "order-management").
QString slugify(const QString &text);

} // namespace meshscope
