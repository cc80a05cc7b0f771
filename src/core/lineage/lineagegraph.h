#pragma once

#include "cache/sqlite.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

/// Lineage as a graph over the cache, at one of three levels, and the queries analysts ask of it.
/// Plain C++ over int indices (no Qt Quick), shared by `meshscope lineage` and the lineage view.
namespace meshscope::lineage {

/// Metric: the dataset level plus dbt semantic models, their measures and the business metrics over them
/// (model -> semantic model -> measure -> metric; a derived metric's inputs are metrics).
enum class Level { Product, Dataset, Column, Metric };

/// "product", "dataset", "column", "metric" (case-insensitive); nullopt for anything else.
std::optional<Level> parseLevel(const QString &text);
QString levelName(Level level);

/// @brief One node: a data product, a dataset (table, view, topic, dbt node) or a column.
struct GraphNode {
    QString id;     ///< product id, dataset id, or "datasetId#column" for columns
    QString label;  ///< short display name
    QString kind;   ///< "product", the dataset's kind (model, source, table, ...), "column", "semantic_model",
                    ///< "measure" or "metric"
    QString domain; ///< owning domain when known (through the product for datasets and columns)
    QString parent; ///< the dataset's product, the column's dataset; empty for products
    QString owner;
    QStringList tags; ///< the product's tags (datasets and columns inherit their product's)
};

/// @brief The whole lineage of one level with deduplicated adjacency both ways.
struct LineageGraph {
    Level level = Level::Dataset;
    std::vector<GraphNode> nodes;
    std::vector<std::vector<int>> out; ///< per node: targets of its edges (downstream), sorted
    std::vector<std::vector<int>> in;  ///< per node: sources of its edges (upstream), sorted
    QHash<QString, int> index;         ///< id -> node
    /// Ids of other levels that stand for nodes of this one: a dataset's product at product level, a
    /// dataset's or a product's columns at column level, a product's datasets at dataset level (a column's
    /// dataset and product are found from its `dataset#column` id).
    QHash<QString, std::vector<int>> aliases;

    int indexOf(const QString &id) const { return index.value(id, -1); }
    qsizetype edgeCount() const;
    /// Adds a node unless its id is known; returns its index either way.
    int addNode(GraphNode node);
    /// Adds source -> target once; self-loops and bad indices are ignored.
    void addEdge(int source, int target);
    /// Sorts and deduplicates the adjacency lists (after all addEdge calls).
    void finish();
};

/// Reads one level's lineage from the cache. Products are joined by input ports naming their source
/// product, by a contract one product outputs and another inputs, and by dataset lineage between
/// their datasets. Throws sql::SqlError when the cache cannot be read.
LineageGraph loadGraph(sql::Connection &db, Level level);

/// The nodes `text` names: an id (exact, then case-insensitive), an alias from another level, or a
/// label that only one node has. Empty with `error` set (naming what was looked for) otherwise.
std::vector<int> resolveNodes(const LineageGraph &graph, const QString &text, QString *error = nullptr);

} // namespace meshscope::lineage
