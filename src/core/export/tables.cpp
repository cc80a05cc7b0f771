#include "export/tables.h"

#include "export/htmltext.h"

#include <functional>

namespace meshscope::exporting {

namespace {

QString csvRow(const QStringList &fields)
{
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString &f : fields)
        escaped << csvField(f);
    return escaped.join(u',') + QStringLiteral("\r\n");
}

} // namespace

QString productsCsv(const domainmap::DomainMap &map, int domain)
{
    QString out = csvRow({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("domain"), QStringLiteral("owner"),
                          QStringLiteral("status"), QStringLiteral("health"), QStringLiteral("score"),
                          QStringLiteral("contract"), QStringLiteral("upstream"), QStringLiteral("consumers")});
    auto productRow = [&](const domainmap::MapProduct &p) {
        out += csvRow({p.id, p.name, p.domain >= 0 ? map.domains[size_t(p.domain)].id : QString(), p.owner, p.status,
                       domainmap::healthName(p.health.health),
                       // "no data" is never written as a number
                       p.health.health == domainmap::Health::Unknown ? QString() : QString::number(p.health.score, 'f', 2),
                       p.hasContract ? QStringLiteral("yes") : QStringLiteral("no"), QString::number(p.upstream),
                       QString::number(p.consumers)});
    };
    if (domain < 0) {
        for (const domainmap::MapProduct &p : map.products)
            productRow(p);
        return out;
    }
    std::function<void(int)> visit = [&](int d) {
        for (const int p : map.domains[size_t(d)].products)
            productRow(map.products[size_t(p)]);
        for (const int c : map.domains[size_t(d)].children)
            visit(c);
    };
    visit(domain);
    return out;
}

QString violationsCsv(const governance::GovernanceReport &report)
{
    QString out = csvRow({QStringLiteral("product"), QStringLiteral("domain"), QStringLiteral("severity"),
                          QStringLiteral("rule"), QStringLiteral("target_kind"), QStringLiteral("target"),
                          QStringLiteral("message"), QStringLiteral("remediation"), QStringLiteral("policy")});
    for (const governance::ProductGovernance &p : report.products)
        for (const governance::Violation &v : p.violations)
            out += csvRow({v.productId, v.domainId, governance::severityName(v.severity), v.rule, v.targetKind, v.target,
                           v.message, v.remediation, v.policyId});
    return out;
}

QString impactedCsv(const lineage::LineageGraph &graph, const std::vector<lineage::Reached> &impacted,
                    const std::vector<lineage::NodeBadges> &badges)
{
    QString out = csvRow({QStringLiteral("id"), QStringLiteral("label"), QStringLiteral("kind"), QStringLiteral("domain"),
                          QStringLiteral("hops"), QStringLiteral("owner"), QStringLiteral("failing_checks"),
                          QStringLiteral("stale"), QStringLiteral("contract_status")});
    for (const lineage::Reached &r : impacted) {
        const lineage::GraphNode &n = graph.nodes[size_t(r.node)];
        QStringList row{n.id, n.label, n.kind, n.domain, QString::number(r.hops), n.owner};
        if (size_t(r.node) < badges.size()) {
            const lineage::NodeBadges &b = badges[size_t(r.node)];
            row << QString::number(b.failingChecks) << (b.stale ? QStringLiteral("yes") : QStringLiteral("no"))
                << b.contractStatus;
        } else {
            row << QString() << QString() << QString();
        }
        out += csvRow(row);
    }
    return out;
}

} // namespace meshscope::exporting
