// Agenda providers that read the governance engine and the SLO evaluation.
#include "agenda.h"

#include "governance/governance.h"
#include "governance/meshdata.h"
#include "slo/sloevaluation.h"

namespace meshscope::council {

std::vector<AgendaItem> productsWithGovernanceErrors(sql::Connection &db, const AgendaContext &)
{
    const governance::MeshData mesh = governance::loadMeshData(db);
    const governance::GovernanceReport report = governance::evaluateGovernance(mesh);
    std::vector<AgendaItem> items;
    for (const governance::ProductGovernance &p : report.products) {
        if (p.errors == 0)
            continue;
        AgendaItem item;
        item.kind = AgendaKind::GovernanceError;
        item.subjectId = p.productId;
        item.key = kindId(item.kind) + u':' + p.productId;
        item.title = p.name.isEmpty() ? p.productId : p.name;
        item.domainId = p.domainId;
        item.reason = QStringLiteral("%1 governance error(s), score %2").arg(p.errors).arg(p.score, 0, 'f', 0);
        for (const governance::Violation &v : p.violations) {
            if (v.severity == governance::Severity::Error)
                item.evidence << QStringLiteral("%1: %2 — %3").arg(v.rule, v.message, v.remediation);
        }
        item.minutes = 5;
        items.push_back(std::move(item));
    }
    // The worst first: a council has little time.
    std::stable_sort(items.begin(), items.end(), [](const AgendaItem &a, const AgendaItem &b) {
        return a.evidence.size() > b.evidence.size();
    });
    // A generated 10,000-product mesh gave 11,934 items, 41 days of meeting.
    return foldLargeDomains(std::move(items), QStringLiteral("with governance errors"), QStringLiteral("worst first"));
}

std::vector<AgendaItem> productsWithSloBreaches(sql::Connection &db, const AgendaContext &context)
{
    const governance::MeshData mesh = governance::loadMeshData(db);
    // As of the newest evidence: an offline cache shows the breaches it knew of at sync time.
    const slo::SloReport report = slo::evaluateSlos(mesh, slo::loadEvidence(db));
    std::vector<AgendaItem> items;
    for (const slo::ProductSlo &p : report.products) {
        if (p.overall != slo::Status::Missed)
            continue;
        QStringList missed;
        bool sinceLastMeeting = !context.lastMeeting.isValid();
        for (const slo::SloResult &r : p.slos) {
            if (r.status != slo::Status::Missed)
                continue;
            missed << QStringLiteral("%1: %2 against a target of %3 (%4)")
                          .arg(r.property, r.currentText, r.targetText, r.evidence);
            for (const slo::Point &point : r.history)
                sinceLastMeeting = sinceLastMeeting
                    || (point.status == slo::Status::Missed && point.time > context.lastMeeting);
        }
        if (!sinceLastMeeting)
            continue;
        AgendaItem item;
        item.kind = AgendaKind::SloBreach;
        item.subjectId = p.productId;
        item.key = kindId(item.kind) + u':' + p.productId;
        item.title = p.name.isEmpty() ? p.productId : p.name;
        item.domainId = p.domainId;
        item.reason = QStringLiteral("%1 SLO(s) missed%2")
                          .arg(missed.size())
                          .arg(p.failingChecks ? QStringLiteral(", %1 failing check(s)").arg(p.failingChecks) : QString());
        item.evidence = missed;
        item.minutes = 5;
        items.push_back(std::move(item));
    }
    return foldLargeDomains(std::move(items), QStringLiteral("missed an SLO"), QStringLiteral("worst first"));
}

} // namespace meshscope::council
