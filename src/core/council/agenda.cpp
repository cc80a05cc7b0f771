#include "agenda.h"

#include "contracts/cachedcontract.h"
#include "contracts/diffreport.h"

#include <QSet>

#include <algorithm>

namespace meshscope::council {

namespace {

struct KindInfo {
    AgendaKind kind;
    const char *id;
    const char *label;
};

constexpr KindInfo kKinds[] = {
    {AgendaKind::Proposal, "proposal", "Contract proposal"},
    {AgendaKind::GovernanceError, "governance", "Governance errors"},
    {AgendaKind::SloBreach, "slo", "SLO breach"},
    {AgendaKind::NewProduct, "new-product", "New data product"},
};

bool touchesPiiOrClassification(const diff::ContractChange &change)
{
    const QString rule = change.ruleId();
    return rule.startsWith(QLatin1String("classification-")) || rule.contains(QLatin1String("pii"));
}

} // namespace

QString kindId(AgendaKind kind)
{
    for (const KindInfo &k : kKinds) {
        if (k.kind == kind)
            return QLatin1String(k.id);
    }
    return {};
}

QString kindLabel(AgendaKind kind)
{
    for (const KindInfo &k : kKinds) {
        if (k.kind == kind)
            return QLatin1String(k.label);
    }
    return {};
}

std::optional<AgendaKind> kindFromId(const QString &id)
{
    for (const KindInfo &k : kKinds) {
        if (id == QLatin1String(k.id))
            return k.kind;
    }
    return std::nullopt;
}

AgendaBuilder AgendaBuilder::withDefaultProviders()
{
    AgendaBuilder builder;
    builder.addProvider(proposalsAwaitingCouncil);
    builder.addProvider(productsWithGovernanceErrors);
    builder.addProvider(productsWithSloBreaches);
    builder.addProvider(productsAwaitingApproval);
    return builder;
}

std::vector<AgendaItem> AgendaBuilder::build(sql::Connection &db, const AgendaContext &context) const
{
    std::vector<AgendaItem> items;
    QSet<QString> seen;
    for (const AgendaProvider &provider : m_providers) {
        for (AgendaItem &item : provider(db, context)) {
            if (!seen.contains(item.key)) {
                seen.insert(item.key);
                items.push_back(std::move(item));
            }
        }
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const AgendaItem &a, const AgendaItem &b) { return int(a.kind) < int(b.kind); });
    return items;
}

std::vector<AgendaItem> proposalsAwaitingCouncil(sql::Connection &db, const AgendaContext &)
{
    struct Proposal {
        QString id, version, name, domain;
    };
    std::vector<Proposal> proposals;
    sql::Statement s = db.prepare("SELECT id, version, name, domain_id FROM contracts "
                                  "WHERE lower(status) IN ('proposed', 'draft') ORDER BY id, version");
    while (s.step())
        proposals.push_back({s.text(0), s.text(1), s.text(2), s.text(3)});

    std::vector<AgendaItem> items;
    diff::ImpactAnalyzer impact(db);
    for (const Proposal &p : proposals) {
        const auto proposed = diff::loadCachedContract(db, {p.id, p.version});
        const auto active = diff::loadCachedContract(db, {p.id, {}});
        if (!proposed || !active || active->version == p.version)
            continue; // a first draft with nothing to break: the contract's reviewers handle it
        diff::DiffReport report = diff::makeReport(*active, *proposed);
        const diff::DiffSummary summary = report.diff.summary();
        const bool sensitive = std::any_of(report.diff.changes.begin(), report.diff.changes.end(),
                                           touchesPiiOrClassification);
        if (summary.breaking == 0 && !sensitive)
            continue;
        report.impact = impact.breakingImpact(*active, report.diff);
        const diff::ImpactSummary reach = diff::summarizeImpact(report.impact);

        AgendaItem item;
        item.kind = AgendaKind::Proposal;
        item.subjectId = p.id + u'@' + p.version;
        item.key = kindId(item.kind) + u':' + item.subjectId;
        item.title = QStringLiteral("%1 %2 → %3").arg(p.name.isEmpty() ? p.id : p.name, active->version, p.version);
        item.reason = summary.breaking > 0
            ? QStringLiteral("%1 breaking change(s)").arg(summary.breaking)
            : QStringLiteral("changes PII or classification");
        if (summary.breaking > 0 && sensitive)
            item.reason += QStringLiteral(", and changes PII or classification");
        item.domainId = p.domain;
        item.evidence << QStringLiteral("%1 breaking, %2 non-breaking, %3 info")
                             .arg(summary.breaking)
                             .arg(summary.nonBreaking)
                             .arg(summary.info);
        item.evidence << report.version.reason;
        if (!reach.text.isEmpty())
            item.evidence << reach.text;
        for (const diff::ContractChange &c : report.diff.changes) {
            if (c.severity == diff::Severity::Breaking || touchesPiiOrClassification(c))
                item.evidence << QStringLiteral("%1: %2").arg(c.ruleId(), c.path);
        }
        item.minutes = summary.breaking > 0 ? 10 : 5;
        items.push_back(std::move(item));
    }
    return items;
}

std::vector<AgendaItem> productsAwaitingApproval(sql::Connection &db, const AgendaContext &)
{
    std::vector<AgendaItem> items;
    sql::Statement s = db.prepare(
        "SELECT p.id, p.name, p.domain_id, p.owner, p.status, "
        "  (SELECT count(*) FROM ports o WHERE o.product_id = p.id AND o.direction = 'output'), "
        "  (SELECT count(*) FROM ports o WHERE o.product_id = p.id AND o.direction = 'output' "
        "     AND o.contract_id IS NOT NULL AND o.contract_id != '') "
        "FROM products p WHERE lower(p.status) IN ('proposed', 'draft', 'in review', 'in-review', 'pending') "
        "ORDER BY p.domain_id, p.id");
    while (s.step()) {
        AgendaItem item;
        item.kind = AgendaKind::NewProduct;
        item.subjectId = s.text(0);
        item.key = kindId(item.kind) + u':' + item.subjectId;
        item.title = s.text(1).isEmpty() ? s.text(0) : s.text(1);
        item.domainId = s.text(2);
        item.reason = QStringLiteral("status %1: waiting to join the mesh").arg(s.text(4));
        const QString owner = s.text(3);
        item.evidence << (owner.isEmpty() ? QStringLiteral("no owner named") : QStringLiteral("owner %1").arg(owner));
        item.evidence << QStringLiteral("%1 of %2 output ports under a contract").arg(s.int64(6)).arg(s.int64(5));
        item.minutes = 5;
        items.push_back(std::move(item));
    }
    return items;
}

} // namespace meshscope::council
