#include "maturity.h"

#include "governance/policy.h"

#include <map>

namespace meshscope::maturity {

std::vector<const CriterionResult *> ProductMaturity::nextSteps() const
{
    std::vector<const CriterionResult *> out;
    for (const CriterionResult &r : results) {
        if (r.level == level + 1 && r.outcome != Outcome::Met)
            out.push_back(&r);
    }
    return out;
}

int ProductMaturity::met(int l) const
{
    return int(std::count_if(results.begin(), results.end(),
                             [l](const CriterionResult &r) { return r.level == l && r.outcome == Outcome::Met; }));
}

int ProductMaturity::total(int l) const
{
    return int(std::count_if(results.begin(), results.end(), [l](const CriterionResult &r) { return r.level == l; }));
}

ProductMaturity assessProduct(const DataProduct &product, const governance::MeshData &mesh,
                              const cache::MaturityFacts &facts, const Model &model)
{
    ProductMaturity pm;
    pm.productId = product.id;
    pm.name = product.name;
    pm.domainId = product.domainId;
    pm.policyId = model.policyId;
    pm.maxLevel = model.levels.empty() ? 0 : model.levels.back().level;
    // Levels are cumulative (OMMS): the first level with an unmet criterion ends the climb, but every
    // level is still assessed so that the page can show what is already in place above it.
    bool climbing = true;
    for (const Level &l : model.levels) {
        bool all = true;
        for (const Criterion &c : l.criteria) {
            pm.results.push_back(runCheck(c, l.level, product, mesh, facts));
            all = all && pm.results.back().outcome == Outcome::Met;
        }
        // A level with no criteria proves nothing: it is not reached by default.
        if (climbing && all && !l.criteria.empty())
            pm.level = l.level;
        else
            climbing = false;
    }
    const auto cap = model.statusCaps.constFind(product.status.trimmed().toLower());
    if (cap != model.statusCaps.cend() && pm.level > *cap) {
        pm.cappedBy = QStringLiteral("status %1: at most level %2").arg(product.status).arg(*cap);
        pm.level = *cap;
    }
    pm.levelName = model.levelName(pm.level);
    if (pm.level < pm.maxLevel)
        pm.nextLevelName = model.levelName(pm.level + 1);
    return pm;
}

Model modelFor(const governance::MeshData &mesh, const QString &domainId)
{
    const governance::EffectivePolicy policy = governance::resolvePolicy(mesh.policies, domainId, mesh.domainParent);
    const QJsonValue section = policy.builtIn ? QJsonValue() : policy.spec.value(QLatin1String("maturity"));
    if (!section.isObject())
        return defaultModel();
    return readModel(section.toObject(), policy.policyFor(QStringLiteral("maturity")));
}

MaturityReport evaluateMaturity(const governance::MeshData &mesh, const cache::MaturityFacts &facts)
{
    MaturityReport report;
    QHash<QString, Model> models; // per domain: resolving a policy is the same work for each product
    const auto modelOf = [&](const QString &domain) -> const Model & {
        auto it = models.find(domain);
        if (it == models.end()) {
            it = models.insert(domain, modelFor(mesh, domain));
            for (const QString &p : it->problems) {
                if (!report.problems.contains(p))
                    report.problems << p;
            }
            for (const QString &d : it->lighthouse) {
                if (!report.lighthouse.contains(d))
                    report.lighthouse << d;
            }
        }
        return *it;
    };
    // The global model names the lighthouse domains even when no product of theirs is loaded.
    modelOf(QString());
    std::map<QString, DomainMaturity> domains;
    report.products.reserve(mesh.products.size());
    for (const DataProduct &p : mesh.products) {
        const Model &model = modelOf(p.domainId);
        report.products.push_back(assessProduct(p, mesh, facts, model));
        const ProductMaturity &pm = report.products.back();
        report.maxLevel = std::max(report.maxLevel, pm.maxLevel);
        DomainMaturity &d = domains[p.domainId];
        d.domainId = p.domainId;
        d.products += 1;
        if (int(d.perLevel.size()) <= pm.level)
            d.perLevel.resize(size_t(pm.level) + 1, 0);
        d.perLevel[size_t(pm.level)] += 1;
        d.average += pm.level;
    }
    for (auto &[id, d] : domains) {
        d.perLevel.resize(size_t(report.maxLevel) + 1, 0);
        d.average = d.products ? d.average / d.products : 0;
        d.lighthouse = report.lighthouse.contains(id);
        report.domains.push_back(d);
    }
    std::sort(report.products.begin(), report.products.end(),
              [](const ProductMaturity &a, const ProductMaturity &b) { return a.productId < b.productId; });
    std::sort(report.lighthouse.begin(), report.lighthouse.end());
    return report;
}

MaturityReport evaluateMaturity(sql::Connection &db, const QString &domain)
{
    const governance::MeshData mesh = governance::loadMeshData(db, domain);
    const cache::MaturityFacts facts = cache::readMaturityFacts(db);
    return evaluateMaturity(mesh, facts);
}

} // namespace meshscope::maturity
