#pragma once

#include "cachereader.h"
#include "model/entities.h"
#include "sqlite.h"

#include <optional>
#include <vector>

namespace meshscope::cache {

/// A cached metric and where it was defined.
struct MetricRecord {
    Metric metric;
    QString path;   ///< the document, relative to its source
    QString source; ///< the source's uri
};

/// One row of metric_inputs: `metricId` is computed from `target` (a metric, semantic model, dataset or
/// product id; empty when the input did not resolve).
struct MetricInputEdge {
    QString metricId;
    QString kind;
    QString ref;
    QString target;
};

/// @brief Read-only queries over the cached metrics and semantic models (the registry, lineage, rules).
class MetricReader {
public:
    explicit MetricReader(sql::Connection &db) : m_db(db) {}

    /// Every metric, in domain, name, id order.
    std::vector<MetricRecord> metrics();
    /// The metric with this id, else the only one with this name (case-insensitive); nullopt otherwise.
    std::optional<MetricRecord> metric(const QString &idOrName);
    std::vector<SemanticModel> semanticModels();
    std::vector<MetricInputEdge> inputEdges();
    /// Ids of the metrics that name `target` as an input, sorted.
    QStringList dependents(const QString &target);
    /// The change feed's entries about one metric, newest first: its versions as syncs saw them.
    std::vector<Change> changesOf(const QString &metricId, int limit = 100);
    /// A product's name and promised service levels (its own `slo` entries); nullopt when not in the cache.
    std::optional<DataProduct> product(const QString &productId);

private:
    sql::Connection &m_db;
};

} // namespace meshscope::cache
