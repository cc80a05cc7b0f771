#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

/// How healthy a data product looks. Until SLO compliance and governance scores exist, health rests on
/// two governance basics: a published contract and a named owner. Other services add their own signals
/// (registerSignal) without touching the map.
namespace meshscope::domainmap {

enum class Health { Unknown, Healthy, AtRisk, Unhealthy };

/// "healthy", "at-risk", "unhealthy" or "unknown".
QString healthName(Health health);

/// What the cache knows about a product that health signals may look at.
struct ProductFacts {
    QString productId;
    bool hasContract = false; ///< an output port names a contract the cache holds
    bool hasOwner = false;    ///< an owner or owning team is named
    QJsonObject extra;        ///< room for later signals (SLO compliance, governance score, ...)
};

/// One contribution to health: a score in 0..1, or nothing when the signal does not apply.
struct HealthSignal {
    QString name;
    double weight = 1.0;
    std::function<std::optional<double>(const ProductFacts &)> score;
};

struct HealthAssessment {
    Health health = Health::Unknown;
    double score = 0;      ///< weighted mean of the applicable signals, 0..1
    QStringList problems;  ///< names of the signals that scored below 1
};

/// @brief Combines health signals into one verdict per product.
class HealthAssessor {
public:
    /// With the built-in signals "contract" and "owner".
    HealthAssessor();

    void registerSignal(HealthSignal signal);
    HealthAssessment assess(const ProductFacts &facts) const;

private:
    std::vector<HealthSignal> m_signals;
};

} // namespace meshscope::domainmap
