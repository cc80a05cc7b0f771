#include "maturityjson.h"

#include <QJsonArray>

namespace meshscope::maturity {

namespace {

QJsonObject criterionJson(const CriterionResult &r)
{
    return QJsonObject{{QStringLiteral("id"), r.criterion.id},
                       {QStringLiteral("level"), r.level},
                       {QStringLiteral("check"), r.criterion.check},
                       {QStringLiteral("description"), r.criterion.description},
                       {QStringLiteral("outcome"), outcomeName(r.outcome)},
                       {QStringLiteral("evidence"), r.evidence},
                       {QStringLiteral("fix"), r.criterion.fix}};
}

} // namespace

QJsonObject toJson(const ProductMaturity &p)
{
    QJsonArray criteria, met, missing, next;
    for (const CriterionResult &r : p.results) {
        criteria.append(criterionJson(r));
        if (r.outcome == Outcome::Met)
            met.append(r.criterion.id);
        if (r.level == p.level + 1)
            next.append(criterionJson(r));
    }
    for (const CriterionResult *r : p.nextSteps())
        missing.append(r->criterion.id);
    return QJsonObject{{QStringLiteral("id"), p.productId},
                       {QStringLiteral("name"), p.name},
                       {QStringLiteral("domain"), p.domainId},
                       {QStringLiteral("level"), p.level},
                       {QStringLiteral("levelName"), p.levelName},
                       {QStringLiteral("maxLevel"), p.maxLevel},
                       {QStringLiteral("nextLevelName"), p.nextLevelName},
                       {QStringLiteral("cappedBy"), p.cappedBy},
                       {QStringLiteral("policy"), p.policyId},
                       {QStringLiteral("met"), met},
                       {QStringLiteral("missing"), missing},
                       {QStringLiteral("next"), next},
                       {QStringLiteral("criteria"), criteria}};
}

QJsonObject toJson(const MaturityReport &report)
{
    QJsonArray products;
    for (const ProductMaturity &p : report.products)
        products.append(toJson(p));
    QJsonArray domains;
    for (const DomainMaturity &d : report.domains) {
        QJsonArray perLevel;
        for (int n : d.perLevel)
            perLevel.append(n);
        domains.append(QJsonObject{{QStringLiteral("id"), d.domainId},
                                   {QStringLiteral("lighthouse"), d.lighthouse},
                                   {QStringLiteral("products"), d.products},
                                   {QStringLiteral("perLevel"), perLevel},
                                   {QStringLiteral("averageLevel"), d.average}});
    }
    return QJsonObject{{QStringLiteral("lighthouse"), QJsonArray::fromStringList(report.lighthouse)},
                       {QStringLiteral("problems"), QJsonArray::fromStringList(report.problems)},
                       {QStringLiteral("domains"), domains},
                       {QStringLiteral("products"), products}};
}

std::optional<ProductMaturity> assessProductInCache(sql::Connection &db, const QString &productId,
                                                    const QString &domainId, bool *lighthouse)
{
    const governance::MeshData mesh = governance::loadMeshData(db, domainId);
    for (const DataProduct &p : mesh.products) {
        if (p.id != productId)
            continue;
        const cache::MaturityFacts facts = cache::readMaturityFacts(db, productId);
        const Model model = modelFor(mesh, p.domainId);
        if (lighthouse)
            *lighthouse = model.lighthouse.contains(p.domainId);
        return assessProduct(p, mesh, facts, model);
    }
    return std::nullopt;
}

} // namespace meshscope::maturity
