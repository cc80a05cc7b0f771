#include "producthealth.h"

#include <QJsonArray>
#include <QObject>

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

QString healthLabel(Health health)
{
    switch (health) {
    case Health::Healthy: return QObject::tr("Healthy");
    case Health::AtRisk: return QObject::tr("At risk");
    case Health::Unhealthy: return QObject::tr("Unhealthy");
    case Health::Unknown: break;
    }
    return QObject::tr("No data");
}

QString healthMeaning(Health health)
{
    switch (health) {
    case Health::Healthy:
        return QObject::tr("SLOs met, latest checks pass, governance %1+").arg(kGovernanceGood);
    case Health::AtRisk:
        return QObject::tr("a check failing, or governance below %1 or with errors").arg(kGovernanceGood);
    case Health::Unhealthy: return QObject::tr("an SLO missed, or governance below %1").arg(kGovernancePoor);
    case Health::Unknown: break;
    }
    return QObject::tr("no SLO evidence and no check results");
}

ProductFacts factsOf(const governance::ProductGovernance *governance, const slo::ProductSlo *slos)
{
    ProductFacts f;
    if (governance) {
        f.productId = governance->productId;
        f.governanceScore = governance->score;
        f.governanceErrors = governance->errors;
        f.governanceWarnings = governance->warnings;
    }
    if (slos) {
        f.productId = slos->productId;
        f.sloStatus = slos->overall;
        for (const slo::SloResult &r : slos->slos) {
            if (r.status == slo::Status::Missed)
                f.missedSlos << r.property;
        }
        f.checks = int(slos->checks.size());
        f.failingChecks = slos->failingChecks;
    }
    return f;
}

namespace {

SignalVerdict governanceSignal(const ProductFacts &f)
{
    SignalVerdict v{QStringLiteral("governance"), Health::Unknown, QObject::tr("governance not evaluated")};
    if (!f.governanceScore)
        return v;
    const double score = *f.governanceScore;
    v.state = score < kGovernancePoor ? Health::Unhealthy
        : score < kGovernanceGood || f.governanceErrors > 0 ? Health::AtRisk
                                                           : Health::Healthy;
    v.text = QObject::tr("governance %1 (%n error(s)", nullptr, f.governanceErrors).arg(qRound(score))
        + QObject::tr(", %n warning(s))", nullptr, f.governanceWarnings);
    return v;
}

SignalVerdict sloSignal(const ProductFacts &f)
{
    switch (f.sloStatus) {
    case slo::Status::Missed:
        return {QStringLiteral("slos"), Health::Unhealthy,
                f.missedSlos.isEmpty() ? QObject::tr("SLOs missed")
                                       : QObject::tr("SLOs missed: %1").arg(f.missedSlos.join(QStringLiteral(", ")))};
    case slo::Status::Met: return {QStringLiteral("slos"), Health::Healthy, QObject::tr("SLOs met")};
    case slo::Status::NoEvidence: break;
    }
    return {QStringLiteral("slos"), Health::Unknown, QObject::tr("SLOs: no data")};
}

SignalVerdict checkSignal(const ProductFacts &f)
{
    if (f.checks <= 0)
        return {QStringLiteral("checks"), Health::Unknown, QObject::tr("checks: no data")};
    if (f.failingChecks > 0)
        return {QStringLiteral("checks"), Health::AtRisk,
                QObject::tr("%1 of %n check(s) failing", nullptr, f.checks).arg(f.failingChecks)};
    return {QStringLiteral("checks"), Health::Healthy, QObject::tr("%n check(s) passing", nullptr, f.checks)};
}

/// Worse verdicts rank higher; Unknown (no data) ranks below every verdict with data.
int severity(Health h)
{
    switch (h) {
    case Health::Healthy: return 1;
    case Health::AtRisk: return 2;
    case Health::Unhealthy: return 3;
    case Health::Unknown: break;
    }
    return 0;
}

} // namespace

QString HealthAssessment::summary() const
{
    QStringList why;
    for (const SignalVerdict &s : signals) {
        if (s.state == Health::AtRisk || s.state == Health::Unhealthy || s.state == Health::Unknown)
            why << s.text;
    }
    return why.isEmpty() ? healthLabel(health) : healthLabel(health) + QStringLiteral(": ") + why.join(QStringLiteral("; "));
}

HealthAssessor::HealthAssessor()
{
    registerSignal({QStringLiteral("slos"), sloSignal, /*evidence=*/true});
    registerSignal({QStringLiteral("checks"), checkSignal, /*evidence=*/true});
    registerSignal({QStringLiteral("governance"), governanceSignal, /*evidence=*/false});
}

void HealthAssessor::registerSignal(HealthSignal signal)
{
    m_signals.push_back(std::move(signal));
}

HealthAssessment HealthAssessor::assess(const ProductFacts &facts) const
{
    HealthAssessment a;
    bool evidence = false;
    Health worst = Health::Unknown;
    for (const HealthSignal &s : m_signals) {
        SignalVerdict v = s.assess(facts);
        v.name = s.name;
        if (v.state != Health::Unknown) {
            evidence = evidence || s.evidence;
            if (severity(v.state) > severity(worst))
                worst = v.state;
        }
        if (v.state == Health::AtRisk || v.state == Health::Unhealthy)
            a.problems << s.name;
        a.signals.push_back(std::move(v));
    }
    // What is known to be wrong is shown; "all fine" needs something observed: governance alone
    // (documents in order) does not make a product healthy.
    a.health = worst == Health::Healthy && !evidence ? Health::Unknown : worst;
    switch (a.health) {
    case Health::Healthy: a.score = 1; break;
    case Health::AtRisk: a.score = 0.5; break;
    case Health::Unhealthy: a.score = 0; break;
    case Health::Unknown: a.score = -1; break;
    }
    return a;
}

QJsonObject toJson(const HealthAssessment &health)
{
    QJsonArray signalList;
    for (const SignalVerdict &s : health.signals)
        signalList << QJsonObject{{"name", s.name}, {"state", healthName(s.state)}, {"label", healthLabel(s.state)},
                                  {"text", s.text}};
    return QJsonObject{{"health", healthName(health.health)},
                       {"label", healthLabel(health.health)},
                       {"meaning", healthMeaning(health.health)},
                       {"summary", health.summary()},
                       {"problems", QJsonArray::fromStringList(health.problems)},
                       {"signals", signalList}};
}

MeshEvaluation evaluateMesh(sql::Connection &db, const QDateTime &at, int historyDays)
{
    MeshEvaluation e;
    e.mesh = governance::loadMeshData(db);
    const slo::Evidence evidence = slo::loadEvidence(db);
    slo::Options options;
    options.at = at;
    options.historyDays = historyDays;
    e.slos = slo::evaluateSlos(e.mesh, evidence, options);
    e.governance = governance::evaluateGovernance(e.mesh);
    return e;
}

QHash<QString, HealthAssessment> assessHealth(const MeshEvaluation &evaluation, const HealthAssessor &assessor)
{
    QHash<QString, HealthAssessment> out;
    const size_t n = evaluation.mesh.products.size();
    out.reserve(qsizetype(n));
    for (size_t i = 0; i < n; ++i) {
        // Both reports are in MeshData product order.
        const governance::ProductGovernance *g = i < evaluation.governance.products.size() ? &evaluation.governance.products[i] : nullptr;
        const slo::ProductSlo *s = i < evaluation.slos.products.size() ? &evaluation.slos.products[i] : nullptr;
        ProductFacts facts = factsOf(g, s);
        facts.productId = evaluation.mesh.products[i].id;
        out.insert(facts.productId, assessor.assess(facts));
    }
    return out;
}

} // namespace meshscope::domainmap
