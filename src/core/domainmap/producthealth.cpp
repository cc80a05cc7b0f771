#include "producthealth.h"

namespace meshscope::domainmap {

QString healthName(Health health)
{
    switch (health) {
    case Health::Healthy: return QStringLiteral("healthy");
    case Health::AtRisk: return QStringLiteral("at-risk");
    case Health::Unhealthy: return QStringLiteral("unhealthy");
    case Health::Unknown: break;
    }
    return QStringLiteral("unknown");
}

HealthAssessor::HealthAssessor()
{
    registerSignal({QStringLiteral("contract"), 1.0,
                    [](const ProductFacts &f) { return std::optional<double>(f.hasContract ? 1.0 : 0.0); }});
    registerSignal({QStringLiteral("owner"), 1.0,
                    [](const ProductFacts &f) { return std::optional<double>(f.hasOwner ? 1.0 : 0.0); }});
}

void HealthAssessor::registerSignal(HealthSignal signal)
{
    m_signals.push_back(std::move(signal));
}

HealthAssessment HealthAssessor::assess(const ProductFacts &facts) const
{
    HealthAssessment a;
    double sum = 0, weights = 0;
    for (const HealthSignal &s : m_signals) {
        const std::optional<double> v = s.score(facts);
        if (!v)
            continue;
        sum += s.weight * *v;
        weights += s.weight;
        if (*v < 1.0)
            a.problems << s.name;
    }
    if (weights <= 0)
        return a;
    a.score = sum / weights;
    // Every signal fully met is healthy; half or more is at risk; below that unhealthy.
    a.health = a.score >= 0.999 ? Health::Healthy : a.score >= 0.5 ? Health::AtRisk : Health::Unhealthy;
    return a;
}

} // namespace meshscope::domainmap
