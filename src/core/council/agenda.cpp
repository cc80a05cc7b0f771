#include "agenda.h"

#include "contracts/cachedcontract.h"
#include "contracts/diffreport.h"

#include <QSet>

#include <algorithm>
#include <map>

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
    {AgendaKind::MetricInconsistency, "metric", "Inconsistent metric"},
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
    builder.addProvider(inconsistentMetrics);
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

namespace {

/// One agenda item for `items` (one per product, all of one domain, worst first): the council decides on
/// the pattern — which rules or SLOs fail how often, with an example each, and the worst products — not
/// once per product. Evidence lines read "RULE: detail"; they are counted by RULE.
AgendaItem foldedDomainItem(const std::vector<AgendaItem> &items, const QString &what, const QString &namedAs)
{
    const AgendaItem &first = items.front();
    AgendaItem item;
    item.kind = first.kind;
    item.subjectId = first.domainId;
    item.key = kindId(item.kind) + QStringLiteral(":domain:") + first.domainId;
    item.title = QStringLiteral("%1 products of %2").arg(items.size()).arg(first.domainId);
    item.domainId = first.domainId;
    item.reason = QStringLiteral("%1 products %2").arg(items.size()).arg(what);
    std::map<QString, std::pair<int, QString>> byRule; // rule -> products with it, first line as the example
    for (const AgendaItem &i : items) {
        QSet<QString> seen;
        for (const QString &line : i.evidence) {
            const QString rule = line.section(u':', 0, 0);
            if (seen.contains(rule))
                continue;
            seen.insert(rule);
            auto &[count, example] = byRule[rule];
            if (count++ == 0)
                example = line.section(u':', 1).trimmed();
        }
    }
    std::vector<std::pair<QString, std::pair<int, QString>>> rules(byRule.begin(), byRule.end());
    std::stable_sort(rules.begin(), rules.end(), [](const auto &a, const auto &b) { return a.second.first > b.second.first; });
    for (size_t r = 0; r < rules.size() && r < 5 && rules[r].second.first > 1; ++r) // a pattern, not one product's detail
        item.evidence << QStringLiteral("%1: %2 of %3 products, e.g. %4")
                             .arg(rules[r].first)
                             .arg(rules[r].second.first)
                             .arg(items.size())
                             .arg(rules[r].second.second);
    QStringList worst;
    for (size_t i = 0; i < items.size() && i < 3; ++i)
        worst << items[i].title + QStringLiteral(" (") + items[i].reason + u')';
    item.evidence << namedAs + QStringLiteral(": ") + worst.join(QStringLiteral("; "));
    item.minutes = 10;
    return item;
}

} // namespace

std::vector<AgendaItem> foldLargeDomains(std::vector<AgendaItem> items, const QString &what, const QString &namedAs)
{
    std::map<QString, std::vector<AgendaItem>> byDomain;
    for (const AgendaItem &i : items)
        byDomain[i.domainId].push_back(i);
    std::vector<AgendaItem> out;
    QSet<QString> folded;
    for (AgendaItem &i : items) {
        const std::vector<AgendaItem> &domain = byDomain[i.domainId];
        if (int(domain.size()) <= kMaxAgendaItemsPerDomain) {
            out.push_back(std::move(i));
        } else if (!folded.contains(i.domainId)) {
            folded.insert(i.domainId);
            out.push_back(foldedDomainItem(domain, what, namedAs));
        }
    }
    return out;
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
    return foldLargeDomains(std::move(items), QStringLiteral("waiting to join the mesh"), QStringLiteral("among them"));
}

} // namespace meshscope::council
