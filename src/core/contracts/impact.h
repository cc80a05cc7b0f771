#pragma once

#include "cache/sqlite.h"
#include "contractdiff.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <vector>

/// Who a contract change breaks: the data products reading the contract (input ports, or a manifest
/// naming it as a lineage source) and everything downstream of its data in the lineage graph, with
/// their owners. Reads the cache; knows nothing of how it was filled.
namespace meshscope::diff {

struct AffectedProduct {
    QString id;
    QString name;
    QString domainId;
    QString owner;
    QString via;      ///< "input port", "lineage source" or "lineage"
    int distance = 0; ///< lineage hops from the contract's data; 0 for ports and named sources
};

struct AffectedDataset {
    QString id;
    QString productId; ///< empty when no product owns it
    QString owner;
    int distance = 1;
};

/// A business metric computed from the contract's data: directly (its product, a dataset, a semantic model
/// over one) or through other metrics.
struct AffectedMetric {
    QString id;
    QString name;
    QString domainId;
    QString owner;
    QString via; ///< the input that reaches it: a product, dataset, semantic model or metric id
};

struct Impact {
    std::vector<AffectedProduct> products; ///< consumers, the contract's producers left out
    std::vector<AffectedDataset> datasets; ///< downstream datasets, the contract's own left out
    std::vector<AffectedMetric> metrics;   ///< metrics over the producers, the datasets or each other, by id
};

/// The impact of one breaking change.
struct ChangeImpact {
    QString path;
    QString rule;
    Impact impact;
};

/// @brief Finds the consumers of a contract in the cache.
///
/// The contract's own datasets are found two ways: from each database server and an object's physical
/// name (postgres `database.schema.table` -> datasetId()), and among the datasets owned by the products
/// whose output ports carry the contract, by table name. When neither finds a dataset for an object,
/// all datasets of the producers stand in for it. Downstream is a breadth-first walk of lineage_edges.
class ImpactAnalyzer {
public:
    explicit ImpactAnalyzer(sql::Connection &db) : m_db(db) {}

    /// Consumers of `contract`, or of one of its schema objects (`object`, empty for all of them).
    /// Throws sql::SqlError when the cache cannot be read.
    Impact consumersOf(const Contract &contract, const QString &object = {});
    /// One entry per breaking change of `diff`, in its order; `oldContract` is the one consumers read today.
    std::vector<ChangeImpact> breakingImpact(const Contract &oldContract, const ContractDiff &diff);
    /// The datasets that hold `object` (all objects when empty), as found in the cache.
    QStringList datasetsOf(const Contract &contract, const QString &object = {});

    /// Lineage walks stop after this many datasets (a cycle-free mesh never gets near it).
    static constexpr int kMaxDatasets = 20000;

private:
    QStringList producersOf(const QString &contractId);
    /// The metrics whose inputs reach `reached` (product and dataset ids), and the metrics built on those.
    std::vector<AffectedMetric> metricsOver(const QSet<QString> &reached);
    bool datasetKnown(const QString &id);

    sql::Connection &m_db;
    QHash<QString, Impact> m_byObject; ///< by contract id + "\n" + object, so each walk runs once
};

/// Products and domains over all breaking changes, and one line for people:
/// "breaks 3 products in 2 domains: fraud (fraud-scores), orders (returns, order-status-stream)".
struct ImpactSummary {
    int products = 0;
    int domains = 0;
    int datasets = 0; ///< downstream datasets, with or without a product
    QString text;
};
ImpactSummary summarizeImpact(const std::vector<ChangeImpact> &impacts);

} // namespace meshscope::diff
