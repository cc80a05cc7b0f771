#pragma once

#include "cache/metricreader.h"
#include "governance/governance.h"

#include <optional>
#include <vector>

/// The metric registry as people read it: one metric's page, and freshness requirements checked against
/// what its inputs promise. Plain C++ over the cache's MetricReader; shared by `meshscope metrics show`
/// and (later) the app's metric page.
namespace meshscope::metrics {

/// One input as the page shows it: what it names, whether the mesh has it, and how fresh it promises to be.
struct InputView {
    MetricInput input;
    QString label;           ///< the product's name, the metric's name, else the reference as written
    bool inMesh = false;     ///< the product, metric or semantic model is in the cache (datasets: not checked)
    QString freshness;       ///< the product's promised freshness ("1h"), when it is a product that states one
    QString freshnessIssue;  ///< set when the metric asks for fresher data than this input promises
};

struct MetricPage {
    cache::MetricRecord record;
    std::vector<InputView> inputs;
    QStringList usedBy;                         ///< metric ids built on this one
    std::vector<governance::Violation> warnings; ///< metrics.consistency warnings that name it
    std::vector<cache::Change> versions;        ///< the change feed's entries about it, newest first
};

/// The page of the metric `idOrName` names (an id, else a name only one metric has); nullopt otherwise.
/// Throws sql::SqlError when the cache cannot be read.
std::optional<MetricPage> metricPage(sql::Connection &db, const QString &idOrName);

/// "30m", "2h", "1d", "PT2H", "2 hours" as seconds; -1 when the text is no duration.
qint64 durationSeconds(const QString &text);

} // namespace meshscope::metrics
