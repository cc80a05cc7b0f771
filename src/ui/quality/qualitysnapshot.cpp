#include "qualitysnapshot.h"

#include "cache/cachefile.h"
#include "domainmap/productedges.h"

#include <QMap>
#include <QSet>
#include <QVariantMap>

#include <algorithm>
#include <array>

using namespace meshscope;

namespace quality {

QString statusText(slo::Status s)
{
    return slo::statusName(s);
}

namespace {

QVariantMap kpi(const QString &key, const QString &label, double value, const QString &text, const QString &target,
                bool ok, const QVariantList &trend, const QString &hint)
{
    return {{QStringLiteral("key"), key},     {QStringLiteral("label"), label}, {QStringLiteral("value"), value},
            {QStringLiteral("text"), text},   {QStringLiteral("target"), target}, {QStringLiteral("ok"), ok},
            {QStringLiteral("trend"), trend}, {QStringLiteral("hint"), hint}, {QStringLiteral("hasData"), true}};
}

/// A KPI with nothing behind it: "no data", neither met nor missed, and `why` says what is missing.
QVariantMap noDataKpi(QVariantMap kpi, const QString &why)
{
    kpi.insert(QStringLiteral("value"), QVariant());
    kpi.insert(QStringLiteral("text"), QObject::tr("no data"));
    kpi.insert(QStringLiteral("ok"), false);
    kpi.insert(QStringLiteral("hasData"), false);
    kpi.insert(QStringLiteral("hint"), why);
    return kpi;
}

/// Share of checks passing in their latest result at each day of the trend, and failing checks then.
void checkTrends(const slo::SloReport &r, QVariantList &passing, QVariantList &failing, QVariantList &stale)
{
    for (size_t day = 0; day < r.trend.size(); ++day) {
        if (!r.trend[day].observed) {
            // Nothing ran and nothing was checked that day: no data, drawn as a gap.
            passing << QVariant();
            failing << QVariant();
            stale << QVariant();
            continue;
        }
        const QDateTime t = r.trend[day].time;
        int total = 0;
        int fails = 0;
        int staleCount = 0;
        for (const slo::ProductSlo &p : r.products) {
            for (const slo::CheckHistory &c : p.checks) {
                const QualityResult *last = nullptr;
                for (const QualityResult &q : c.results) {
                    if (!q.time.isValid() || q.time <= t)
                        last = &q;
                }
                if (!last)
                    continue;
                ++total;
                fails += last->success ? 0 : 1;
            }
            for (const slo::SloResult &s : p.slos) {
                if (s.kind == slo::Kind::Freshness && s.history[day].status == slo::Status::Missed) {
                    ++staleCount;
                    break;
                }
            }
        }
        passing << (total ? 100.0 * (total - fails) / total : QVariant());
        failing << fails;
        stale << staleCount;
    }
}

/// Cumulative products and domains by the products' creation dates (ODPS productCreatedTs), per month.
void adoptionTrends(const governance::MeshData &m, QVariantList &domains, QVariantList &perDomain)
{
    QMap<QString, std::vector<const DataProduct *>> byMonth;
    for (const DataProduct &p : m.products) {
        const QDateTime created = QDateTime::fromString(p.custom.value(QLatin1String("productCreatedTs")).toString(), Qt::ISODate);
        if (created.isValid())
            byMonth[created.toString(QStringLiteral("yyyy-MM"))].push_back(&p);
    }
    QSet<QString> seenDomains;
    int products = 0;
    for (auto it = byMonth.cbegin(); it != byMonth.cend(); ++it) {
        for (const DataProduct *p : it.value()) {
            seenDomains.insert(p->domainId);
            ++products;
        }
        domains << int(seenDomains.size());
        perDomain << double(products) / std::max<qsizetype>(1, seenDomains.size());
    }
}

} // namespace

std::shared_ptr<Snapshot> computeSnapshot(const QString &path, const QDateTime &at)
{
    auto s = std::make_shared<Snapshot>();
    try {
        sql::Connection db = cache::openCache(path, /*readOnly=*/false);
        // The same evaluation the domain map's health rests on (domainmap/producthealth.h).
        domainmap::MeshEvaluation evaluation = domainmap::evaluateMesh(db, at);
        s->mesh = std::move(evaluation.mesh);
        s->slos = std::move(evaluation.slos);
        s->governance = std::move(evaluation.governance);
        // Consumers as the Domains table and product pages count them (domainmap::isConsumption).
        QHash<QString, int> productIndex;
        for (const DataProduct &p : s->mesh.products)
            productIndex.insert(p.id, int(productIndex.size()));
        for (const domainmap::IndexedDependency &d : domainmap::loadProductDependencies(db, productIndex))
            s->consumerLinks += domainmap::isConsumption(d.via) ? 1 : 0;
    } catch (const sql::SqlError &e) {
        s->error = e.message();
        return s;
    }
    const governance::MeshData &m = s->mesh;
    const domainmap::HealthAssessor assessor;

    // Rows, one per product.
    s->rows.reserve(m.products.size());
    for (size_t i = 0; i < m.products.size(); ++i) {
        const governance::ProductGovernance &g = s->governance.products[i];
        const slo::ProductSlo &p = s->slos.products[i];
        s->productIndex.insert(g.productId, qsizetype(i));
        ProductRow row;
        row.id = g.productId;
        row.name = g.name.isEmpty() ? g.productId : g.name;
        row.domainId = g.domainId;
        row.score = g.score;
        row.errors = g.errors;
        row.warnings = g.warnings;
        row.sloStatus = p.overall;
        row.stale = p.stale;
        row.failingChecks = p.failingChecks;
        row.health = assessor.assess(domainmap::factsOf(&g, &p));
        for (const slo::SloResult &r : p.slos) {
            if (r.kind == slo::Kind::Freshness && r.status != slo::Status::NoEvidence)
                row.freshness = r.currentText;
        }
        int missed = 0;
        for (const slo::SloResult &r : p.slos)
            missed += r.status == slo::Status::Missed ? 1 : 0;
        row.badness = missed * 100.0 + row.failingChecks * 50.0 + row.errors * 10.0 + row.warnings * 2.0;
        s->rows.push_back(row);
    }

    // The seeds' KPIs.
    const slo::SloReport &r = s->slos;
    QVariantList compliance;
    for (const slo::DayCompliance &d : r.trend)
        compliance << (d.evaluated ? QVariant(d.percent()) : QVariant());
    QVariantList passing, failing, stale;
    checkTrends(r, passing, failing, stale);
    QVariantList domainTrend, perDomainTrend;
    adoptionTrends(m, domainTrend, perDomainTrend);

    int checks = 0;
    int checksFailing = 0;
    for (const slo::ProductSlo &p : r.products) {
        checks += int(p.checks.size());
        checksFailing += p.failingChecks;
    }
    const double qualityScore = checks ? 100.0 * (checks - checksFailing) / checks : 0;

    QSet<QString> publishing;
    QHash<QString, QString> productOfContract;
    for (const DataProduct &p : m.products) {
        publishing.insert(p.domainId);
        for (const Port &port : p.outputPorts) {
            if (!port.contractId.isEmpty())
                productOfContract.insert(port.contractId, p.id);
        }
    }
    QSet<QString> knownDomains = publishing;
    for (const Domain &d : m.domains)
        knownDomains.insert(d.id);
    int crossDomain = 0;
    QHash<QString, QString> domainOf;
    for (const DataProduct &p : m.products)
        domainOf.insert(p.id, p.domainId);
    for (const DataProduct &p : m.products) {
        QSet<QString> sourceDomains;
        for (const Port &in : p.inputPorts) {
            QString producer = in.sourceProductId;
            if (producer.isEmpty())
                producer = productOfContract.value(in.contractId);
            if (producer.isEmpty() || producer == p.id)
                continue;
            const QString d = domainOf.value(producer);
            if (!d.isEmpty() && d != p.domainId)
                sourceDomains.insert(d);
        }
        crossDomain += sourceDomains.isEmpty() ? 0 : 1;
    }
    const double consumersPerProduct = m.products.empty() ? 0 : double(s->consumerLinks) / double(m.products.size());
    int documented = 0;
    for (const governance::ProductGovernance &g : s->governance.products)
        documented += g.documentationComplete ? 1 : 0;
    const double docs = m.products.empty() ? 0 : 100.0 * documented / double(m.products.size());
    const double perDomain = publishing.isEmpty() ? 0 : double(m.products.size()) / double(publishing.size());
    const double onboarded = knownDomains.isEmpty() ? 0 : 100.0 * publishing.size() / double(knownDomains.size());

    const auto pct = [](double v) { return QString::number(v, 'f', 0) + QLatin1Char('%'); };
    int freshnessEvaluated = 0;
    for (const slo::ProductSlo &p : r.products) {
        for (const slo::SloResult &sr : p.slos)
            freshnessEvaluated += sr.kind == slo::Kind::Freshness && sr.status != slo::Status::NoEvidence ? 1 : 0;
    }
    const auto unlessEmpty = [](bool empty, const QVariantMap &k, const QString &why) { return empty ? noDataKpi(k, why) : k; };
    s->kpis << unlessEmpty(r.met + r.missed == 0,
                           kpi(QStringLiteral("slo"), QObject::tr("SLO compliance"), r.compliancePercent(), pct(r.compliancePercent()),
                               QObject::tr("target 95%"), r.compliancePercent() >= 95, compliance,
                               QObject::tr("%1 of %2 products with evidence meet every SLO").arg(r.met).arg(r.met + r.missed)),
                           QObject::tr("no product has runs or checks to judge its SLOs by"))
           << kpi(QStringLiteral("governance"), QObject::tr("Governance score"), s->governance.meshScore,
                  QString::number(s->governance.meshScore, 'f', 0), QObject::tr("target 90+"), s->governance.meshScore >= 90,
                  {}, QObject::tr("%1 errors, %2 warnings; no history yet").arg(s->governance.errors).arg(s->governance.warnings))
           << unlessEmpty(checks == 0,
                          kpi(QStringLiteral("quality"), QObject::tr("Quality score"), qualityScore, pct(qualityScore),
                              QObject::tr("target 90+"), qualityScore >= 90, passing,
                              QObject::tr("checks passing in their latest result (%1 checks)").arg(checks)),
                          QObject::tr("no quality check results in the cache"))
           << unlessEmpty(checks == 0,
                          kpi(QStringLiteral("failing"), QObject::tr("Failing checks"), checksFailing, QString::number(checksFailing),
                              QObject::tr("target 0"), checksFailing == 0, failing, QObject::tr("latest result failed")),
                          QObject::tr("no quality check results in the cache"))
           << unlessEmpty(freshnessEvaluated == 0,
                          kpi(QStringLiteral("stale"), QObject::tr("Stale products"), r.stale, QString::number(r.stale),
                              QObject::tr("target 0"), r.stale == 0, stale,
                              QObject::tr("freshness promise missed (%1 products with a judged freshness promise)").arg(freshnessEvaluated)),
                          QObject::tr("no product has a freshness promise with runs to judge it by"))
           << kpi(QStringLiteral("domains"), QObject::tr("Domains onboarded"), onboarded,
                  QStringLiteral("%1/%2").arg(publishing.size()).arg(knownDomains.size()), QObject::tr("target 80%"),
                  onboarded >= 80, domainTrend, QObject::tr("domains publishing products, by month created"))
           << kpi(QStringLiteral("perDomain"), QObject::tr("Products per domain"), perDomain, QString::number(perDomain, 'f', 1),
                  QObject::tr("target 5+"), perDomain >= 5, perDomainTrend, QObject::tr("by month created"))
           << kpi(QStringLiteral("docs"), QObject::tr("Documentation complete"), docs, pct(docs), QObject::tr("target 100%"),
                  docs >= 99.999, {}, QObject::tr("%1 of %2 products fully described").arg(documented).arg(m.products.size()))
           << kpi(QStringLiteral("consumers"), QObject::tr("Consumers per product"), consumersPerProduct,
                  QString::number(consumersPerProduct, 'f', 1), QObject::tr("target 3+"), consumersPerProduct >= 3, {},
                  QObject::tr("products reading its output ports"))
           << kpi(QStringLiteral("crossDomain"), QObject::tr("Cross-domain products"), crossDomain, QString::number(crossDomain),
                  QObject::tr("target 10+"), crossDomain >= 10, {}, QObject::tr("products combining other domains' data"));

    // Per domain: governance score, SLO compliance, stale products and failing checks.
    QMap<QString, QVariantMap> domains;
    for (const governance::DomainGovernance &d : s->governance.domains) {
        domains[d.domainId] = {{QStringLiteral("id"), d.domainId}, {QStringLiteral("score"), d.score},
                               {QStringLiteral("products"), d.products}, {QStringLiteral("passing"), d.passing},
                               {QStringLiteral("errors"), d.errors}, {QStringLiteral("warnings"), d.warnings},
                               {QStringLiteral("scoreBasis"),
                                d.products == 1
                                    ? QObject::tr("%1: the score of its one product; %2 errors, %3 warnings")
                                          .arg(d.domainId).arg(d.errors).arg(d.warnings)
                                    : QObject::tr("%1: the mean of its %2 products' scores (each 100 − 10 × errors − "
                                                  "2 × warnings); %3 errors, %4 warnings in all")
                                          .arg(d.domainId).arg(d.products).arg(d.errors).arg(d.warnings)}};
    }
    QHash<QString, std::array<int, 4>> sloCounts; // met, missed, stale, failing checks
    for (const slo::ProductSlo &p : r.products) {
        auto &c = sloCounts[p.domainId];
        c[0] += p.overall == slo::Status::Met ? 1 : 0;
        c[1] += p.overall == slo::Status::Missed ? 1 : 0;
        c[2] += p.stale ? 1 : 0;
        c[3] += p.failingChecks;
    }
    for (auto it = domains.begin(); it != domains.end(); ++it) {
        const auto c = sloCounts.value(it.key());
        it->insert(QStringLiteral("compliance"), c[0] + c[1] ? QVariant(100.0 * c[0] / (c[0] + c[1])) : QVariant());
        it->insert(QStringLiteral("stale"), c[2]);
        it->insert(QStringLiteral("failingChecks"), c[3]);
        s->domainSummaries << *it;
    }
    return s;
}

} // namespace quality
