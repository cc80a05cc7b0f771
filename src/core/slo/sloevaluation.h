#pragma once

#include "governance/meshdata.h"
#include "servicelevels.h"

#include <QDateTime>

#include <vector>

/// SLO evaluation: what products promise (contract slaProperties, manifest `slo`) against what run
/// events and check results show, at a chosen moment.
namespace meshscope::slo {

/// Run events and check results, as the cache keeps them (runs, quality_results).
struct Evidence {
    std::vector<RunEvent> runs;
    std::vector<QualityResult> results;
};

/// Reads every run event and quality result (oldest first). Throws sql::SqlError.
Evidence loadEvidence(sql::Connection &db);
/// The newest event or result time: "as of the data" for an offline cache.
QDateTime latestEvidence(const Evidence &evidence);

enum class Status { Met, Missed, NoEvidence };
QString statusName(Status s); ///< "met", "missed", "no evidence"

/// One point of an SLO's history: its value at the end of a day and whether that met the target.
struct Point {
    QDateTime time;
    double value = 0;
    Status status = Status::NoEvidence;
};

struct SloResult {
    Kind kind = Kind::Other;
    QString property;    ///< as promised ("latency", "freshness", ...)
    QString targetText;  ///< "2h", "99.9%"
    double target = 0;   ///< seconds (freshness) or percent
    double current = 0;  ///< seconds (freshness: age) or percent
    QString currentText; ///< "4d 5h", "60%"
    Status status = Status::NoEvidence;
    QString evidence;    ///< one sentence: which runs or results
    std::vector<Point> history;
};

/// Pass/fail history of one check on one dataset column.
struct CheckHistory {
    QString datasetId;
    QString column;
    QString check;
    std::vector<QualityResult> results; ///< oldest first, up to the evaluation time
    bool lastSuccess = true;
    int failures = 0;
};

/// One terminal run (COMPLETE, FAIL or ABORT) that wrote a product's dataset.
struct RunOutcome {
    QString runId;
    QString jobId;
    QString state;
    QDateTime started;
    QDateTime ended;
};

struct ProductSlo {
    QString productId;
    QString name;
    QString domainId;
    QStringList datasets; ///< the datasets taken as the product's output
    std::vector<SloResult> slos;
    std::vector<CheckHistory> checks;
    std::vector<RunOutcome> runs; ///< oldest first
    QDateTime lastUpdate;         ///< last successful run that wrote an output
    Status overall = Status::NoEvidence;
    bool stale = false; ///< a freshness SLO is missed
    int failingChecks = 0;
    std::vector<Point> history; ///< per day: all evaluable SLOs met (value 100) or not (0)
};

/// Mesh-wide compliance on one day.
struct DayCompliance {
    QDateTime time;
    int met = 0;
    int evaluated = 0;      ///< products with an SLO met or missed that day; 0: no evidence, a gap
    bool observed = false;  ///< the mesh had any run or check in the 24 hours ending at `time`
    double percent() const { return evaluated ? 100.0 * met / evaluated : 0; }
};

struct SloReport {
    QDateTime at;
    std::vector<ProductSlo> products; ///< in MeshData product order
    int met = 0;
    int missed = 0;
    int noEvidence = 0;
    int stale = 0;
    int failingChecks = 0;
    std::vector<DayCompliance> trend; ///< oldest first
    /// Products meeting every SLO among those with evidence (the seeds' slo_compliance KPI).
    double compliancePercent() const { return met + missed ? 100.0 * met / (met + missed) : 0; }
};

struct Options {
    QDateTime at;           ///< evaluate as of this moment; invalid: the newest evidence
    int historyDays = 14;   ///< days of history (one point per day, ending at `at`)
};

SloReport evaluateSlos(const governance::MeshData &mesh, const Evidence &evidence, const Options &options = {});

/// "schema.table" of a dataset id or location: the key products and lineage meet on.
QString tableKey(const QString &datasetIdOrLocation);

} // namespace meshscope::slo
