#pragma once

#include "cache/sqlite.h"
#include "governance/governance.h"
#include "slo/sloevaluation.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

/// How healthy a data product is: one definition for the domain map, the Domains table, the product
/// page and the Quality area. It rests on what the Quality area computes — the governance score, SLO
/// status and the latest result of every check — and never reads "no data" as good: a product with no
/// SLO evidence and no check results is Unknown ("no data") unless what is known is already bad.
namespace meshscope::domainmap {

enum class Health { Unknown, Healthy, AtRisk, Unhealthy };

/// "healthy", "at-risk", "unhealthy" or "unknown".
QString healthName(Health health);
/// "Healthy", "At risk", "Unhealthy", "No data": how a verdict is shown.
QString healthLabel(Health health);
/// What a verdict means, in one line (the map's legend and tooltips).
QString healthMeaning(Health health);

/// Governance score thresholds, on the Quality area's 0..100 scale (its target is 90+).
inline constexpr double kGovernanceGood = 90; ///< at or above, with no error: the governance signal is good
inline constexpr double kGovernancePoor = 70; ///< below: the governance signal is unhealthy

/// What health signals may look at: the Quality area's numbers for one product.
struct ProductFacts {
    QString productId;
    std::optional<double> governanceScore; ///< nothing when governance was not evaluated
    int governanceErrors = 0;
    int governanceWarnings = 0;
    slo::Status sloStatus = slo::Status::NoEvidence; ///< met, missed or no evidence (see slo::ProductSlo::overall)
    QStringList missedSlos;                          ///< properties of the missed SLOs
    int checks = 0;        ///< checks with a latest result
    int failingChecks = 0; ///< of those, failing in their latest result
    QJsonObject extra;     ///< room for later signals
};

/// The facts of one product from the Quality area's reports (either may be null: that signal has no data).
ProductFacts factsOf(const governance::ProductGovernance *governance, const slo::ProductSlo *slos);

/// One signal's verdict on one product: Unknown when it has no data.
struct SignalVerdict {
    QString name;
    Health state = Health::Unknown;
    QString text; ///< "governance 46 (3 errors, 2 warnings)", "SLOs missed: freshness", "no check results"
};

/// One contribution to health. `evidence` signals are observations (SLOs, check results): a product is
/// healthy only when at least one of them has data.
struct HealthSignal {
    QString name;
    std::function<SignalVerdict(const ProductFacts &)> assess;
    bool evidence = false;
};

struct HealthAssessment {
    Health health = Health::Unknown;
    /// For sorting, worst first: 0 unhealthy, 0.5 at risk, 1 healthy; -1 no data (sorted apart, never shown).
    double score = -1;
    QStringList problems;               ///< names of the signals that are at risk or unhealthy
    std::vector<SignalVerdict> signals; ///< every signal, with or without data
    /// "Unhealthy: SLOs missed: freshness; governance 46 (3 errors)" — the verdict and why.
    QString summary() const;
};

/// @brief Combines health signals into one verdict per product: the worst signal that has data, and
/// Unknown instead of Healthy when no evidence signal has any.
class HealthAssessor {
public:
    /// With the built-in signals "governance", "slos" and "checks".
    HealthAssessor();

    void registerSignal(HealthSignal signal);
    HealthAssessment assess(const ProductFacts &facts) const;

private:
    std::vector<HealthSignal> m_signals;
};

/// A verdict for QML and JSON: health ("healthy", ... "unknown"), label, meaning, summary, problems and
/// signals [{name, state, label, text}].
QJsonObject toJson(const HealthAssessment &health);

/// The Quality area's evaluation of a whole mesh: products, governance and SLOs as of `at` (invalid: the
/// newest evidence). Throws sql::SqlError.
struct MeshEvaluation {
    governance::MeshData mesh;
    governance::GovernanceReport governance;
    slo::SloReport slos;
};
MeshEvaluation evaluateMesh(sql::Connection &db, const QDateTime &at = {}, int historyDays = 14);

/// Health of every product of an evaluation, by product id.
QHash<QString, HealthAssessment> assessHealth(const MeshEvaluation &evaluation,
                                              const HealthAssessor &assessor = HealthAssessor());

} // namespace meshscope::domainmap
