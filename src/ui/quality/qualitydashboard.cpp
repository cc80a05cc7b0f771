#include "qualitydashboard.h"

#include "appcontroller.h"
#include "governance/governance.h"

#include <QMap>
#include <QSet>

using namespace meshscope;

QualityDashboard::QualityDashboard(QObject *parent) : QObject(parent) {}

QualityDashboard::~QualityDashboard() = default;

QString QualityDashboard::error() const
{
    return m_snapshot ? m_snapshot->error : QString();
}

void QualityDashboard::setAsOfNow(bool on)
{
    if (on == m_asOfNow)
        return;
    m_asOfNow = on;
    Q_EMIT asOfNowChanged();
    reload();
}

QDateTime QualityDashboard::asOf() const
{
    return m_snapshot ? m_snapshot->slos.at : QDateTime();
}

int QualityDashboard::productCount() const
{
    return m_snapshot ? int(m_snapshot->rows.size()) : 0;
}

QVariantList QualityDashboard::kpis() const
{
    return m_snapshot ? m_snapshot->kpis : QVariantList();
}

QVariantList QualityDashboard::domains() const
{
    return m_snapshot ? m_snapshot->domainSummaries : QVariantList();
}

namespace {

QVariant percentOrNothing(const slo::DayCompliance &d)
{
    return d.evaluated ? QVariant(d.percent()) : QVariant();
}

QVariantMap point(const QDateTime &t, const QVariant &v)
{
    return {{QStringLiteral("time"), t.toMSecsSinceEpoch()}, {QStringLiteral("value"), v}};
}

QVariantMap violationMap(const governance::Violation &v)
{
    return {{QStringLiteral("severity"), governance::severityName(v.severity)},
            {QStringLiteral("rule"), v.rule},
            {QStringLiteral("policy"), v.policyId},
            {QStringLiteral("product"), v.productId},
            {QStringLiteral("targetKind"), v.targetKind},
            {QStringLiteral("target"), v.target},
            {QStringLiteral("message"), v.message},
            {QStringLiteral("remediation"), v.remediation}};
}

} // namespace

QVariantList QualityDashboard::complianceTrend() const
{
    QVariantList out;
    if (m_snapshot) {
        for (const slo::DayCompliance &d : m_snapshot->slos.trend)
            out << point(d.time, percentOrNothing(d));
    }
    return out;
}

void QualityDashboard::select(const QString &id)
{
    if (id == m_selection && m_snapshot)
        return;
    m_selection = id;
    updateDetail();
}

void QualityDashboard::reload()
{
    // A newer request wins: the cache changed, or "as of now" was switched, while one was computed.
    AppController *app = AppController::instance();
    const QString path = app ? app->cachePath() : QString();
    const QDateTime at = m_asOfNow ? QDateTime::currentDateTimeUtc() : QDateTime();
    m_work.start([this, path, at](const OffGuiThread::Job &job) {
        std::shared_ptr<quality::Snapshot> s = quality::computeSnapshot(path, at);
        job.deliver([this, s] { finished(s); });
    });
}

void QualityDashboard::finished(std::shared_ptr<quality::Snapshot> snapshot)
{
    m_snapshot = std::move(snapshot);
    m_products.setSnapshot(m_snapshot);
    Q_EMIT dataChanged();
    updateDetail();
}

void QualityDashboard::updateDetail()
{
    m_detail.clear();
    if (m_selection.isEmpty()) {
        m_selectionKind = QStringLiteral("mesh");
        m_products.setDomain({}); // the whole mesh: every product in the list
    } else if (!m_snapshot) {
        m_selectionKind = QStringLiteral("loading");
    } else if (const auto it = m_snapshot->productIndex.constFind(m_selection); it != m_snapshot->productIndex.cend()) {
        m_selectionKind = QStringLiteral("product");
        m_detail = productDetail(*it);
    } else {
        bool domain = false;
        for (const governance::DomainGovernance &d : m_snapshot->governance.domains)
            domain = domain || d.domainId == m_selection;
        m_selectionKind = domain ? QStringLiteral("domain") : QStringLiteral("missing");
        if (domain) {
            m_detail = domainDetail(m_selection);
            m_products.setDomain(m_selection); // a domain opened (its bar, a link): the list shows its products
        }
    }
    Q_EMIT selectionChanged();
}

QVariantMap QualityDashboard::productDetail(qsizetype index) const
{
    const governance::ProductGovernance &g = m_snapshot->governance.products[size_t(index)];
    const slo::ProductSlo &p = m_snapshot->slos.products[size_t(index)];
    const DataProduct &product = m_snapshot->mesh.products[size_t(index)];

    QVariantList slos;
    QVariantMap freshness;
    for (const slo::SloResult &s : p.slos) {
        QVariantList history;
        for (const slo::Point &pt : s.history) {
            QVariantMap m = point(pt.time, pt.status == slo::Status::NoEvidence ? QVariant() : QVariant(pt.value));
            m.insert(QStringLiteral("status"), slo::statusName(pt.status));
            history << m;
        }
        slos << QVariantMap{{QStringLiteral("kind"), slo::kindName(s.kind)},
                            {QStringLiteral("property"), s.property},
                            {QStringLiteral("target"), s.targetText},
                            {QStringLiteral("current"), s.currentText},
                            {QStringLiteral("status"), slo::statusName(s.status)},
                            {QStringLiteral("evidence"), s.evidence},
                            {QStringLiteral("history"), history}};
        if (s.kind == slo::Kind::Freshness && freshness.isEmpty()) {
            freshness = {{QStringLiteral("targetHours"), s.target / 3600.0},
                         {QStringLiteral("currentHours"), s.status == slo::Status::NoEvidence ? QVariant() : QVariant(s.current / 3600.0)},
                         {QStringLiteral("history"), history}};
        }
    }
    QVariantList compliance;
    for (const slo::Point &pt : p.history)
        compliance << point(pt.time, pt.status == slo::Status::NoEvidence ? QVariant() : QVariant(pt.value));

    // Heatmap: checks (rows) × runs (columns, by run id or time), oldest run first.
    QMap<QString, QDateTime> runTimes;
    for (const slo::CheckHistory &c : p.checks) {
        for (const QualityResult &q : c.results) {
            const QString key = q.runId.isEmpty() ? q.time.toString(Qt::ISODate) : q.runId;
            if (!runTimes.contains(key) || q.time < runTimes.value(key))
                runTimes.insert(key, q.time);
        }
    }
    QList<QPair<QDateTime, QString>> runs;
    for (auto it = runTimes.cbegin(); it != runTimes.cend(); ++it)
        runs << qMakePair(it.value(), it.key());
    std::sort(runs.begin(), runs.end());
    QVariantList columns;
    QHash<QString, int> column;
    for (const auto &r : std::as_const(runs)) {
        column.insert(r.second, int(columns.size()));
        columns << QVariantMap{{QStringLiteral("time"), r.first.toMSecsSinceEpoch()},
                               {QStringLiteral("label"), r.first.toString(QStringLiteral("MM-dd hh:mm"))},
                               {QStringLiteral("run"), r.second}};
    }
    QVariantList rows;
    for (const slo::CheckHistory &c : p.checks) {
        QVariantList cells;
        for (qsizetype i = 0; i < columns.size(); ++i)
            cells << -1;
        QString message;
        for (const QualityResult &q : c.results) {
            cells[column.value(q.runId.isEmpty() ? q.time.toString(Qt::ISODate) : q.runId)] = q.success ? 1 : 0;
            if (!q.success && !q.message.isEmpty())
                message = q.message;
        }
        rows << QVariantMap{{QStringLiteral("label"), c.column.isEmpty() ? c.check : c.check + QStringLiteral("(") + c.column + QStringLiteral(")")},
                            {QStringLiteral("dataset"), c.datasetId},
                            {QStringLiteral("lastSuccess"), c.lastSuccess},
                            {QStringLiteral("failures"), c.failures},
                            {QStringLiteral("message"), message},
                            {QStringLiteral("cells"), cells}};
    }
    QVariantList violations;
    for (const governance::Violation &v : g.violations)
        violations << violationMap(v);
    QVariantList runList;
    for (auto it = p.runs.crbegin(); it != p.runs.crend(); ++it) {
        runList << QVariantMap{{QStringLiteral("state"), it->state},
                               {QStringLiteral("job"), it->jobId},
                               {QStringLiteral("ended"), it->ended.toString(QStringLiteral("yyyy-MM-dd hh:mm"))}};
    }
    QStringList contracts;
    for (const Port &port : product.outputPorts) {
        if (!port.contractId.isEmpty() && !contracts.contains(port.contractId))
            contracts << port.contractId;
    }
    return {{QStringLiteral("id"), g.productId},
            {QStringLiteral("name"), g.name.isEmpty() ? g.productId : g.name},
            {QStringLiteral("domain"), g.domainId},
            {QStringLiteral("owner"), product.owner},
            {QStringLiteral("contracts"), contracts},
            {QStringLiteral("datasets"), p.datasets},
            {QStringLiteral("score"), g.score},
            {QStringLiteral("errors"), g.errors},
            {QStringLiteral("warnings"), g.warnings},
            {QStringLiteral("passes"), g.passes()},
            {QStringLiteral("scoreBasis"), governance::governanceScoreBasis(g.errors, g.warnings)},
            {QStringLiteral("sloStatus"), slo::statusName(p.overall)},
            {QStringLiteral("stale"), p.stale},
            {QStringLiteral("failingChecks"), p.failingChecks},
            {QStringLiteral("health"), domainmap::toJson(m_snapshot->rows[size_t(index)].health).toVariantMap()},
            {QStringLiteral("lastUpdate"), p.lastUpdate.isValid() ? p.lastUpdate.toString(QStringLiteral("yyyy-MM-dd hh:mm 'UTC'")) : QString()},
            {QStringLiteral("slos"), slos},
            {QStringLiteral("freshness"), freshness},
            {QStringLiteral("compliance"), compliance},
            {QStringLiteral("heatmap"), QVariantMap{{QStringLiteral("columns"), columns}, {QStringLiteral("rows"), rows}}},
            {QStringLiteral("violations"), violations},
            {QStringLiteral("runs"), runList}};
}

QVariantMap QualityDashboard::domainDetail(const QString &domain) const
{
    const quality::Snapshot &s = *m_snapshot;
    QVariantMap summary;
    for (const QVariant &d : s.domainSummaries) {
        if (d.toMap().value(QStringLiteral("id")).toString() == domain)
            summary = d.toMap();
    }
    // Compliance per day over the domain's products with evidence that day.
    std::vector<slo::DayCompliance> trend(s.slos.trend.size());
    QVariantList products;
    QVariantList violations;
    for (size_t i = 0; i < s.slos.products.size(); ++i) {
        const slo::ProductSlo &p = s.slos.products[i];
        if (p.domainId != domain)
            continue;
        for (size_t d = 0; d < trend.size() && d < p.history.size(); ++d) {
            trend[d].time = p.history[d].time;
            if (p.history[d].status != slo::Status::NoEvidence) {
                trend[d].evaluated++;
                trend[d].met += p.history[d].status == slo::Status::Met ? 1 : 0;
            }
        }
        const governance::ProductGovernance &g = s.governance.products[i];
        const quality::ProductRow &row = s.rows[i];
        QVariant targetHours;
        QVariant ageHours;
        for (const slo::SloResult &r : p.slos) {
            if (r.kind == slo::Kind::Freshness) {
                targetHours = r.target / 3600.0;
                if (r.status != slo::Status::NoEvidence)
                    ageHours = r.current / 3600.0;
                break;
            }
        }
        products << QVariantMap{{QStringLiteral("id"), g.productId},
                                {QStringLiteral("name"), row.name},
                                {QStringLiteral("score"), g.score},
                                {QStringLiteral("sloStatus"), slo::statusName(p.overall)},
                                {QStringLiteral("stale"), p.stale},
                                {QStringLiteral("failingChecks"), p.failingChecks},
                                {QStringLiteral("targetHours"), targetHours},
                                {QStringLiteral("ageHours"), ageHours}};
        for (const governance::Violation &v : g.violations) {
            if (v.severity == governance::Severity::Error)
                violations << violationMap(v);
        }
    }
    QVariantList compliance;
    for (const slo::DayCompliance &d : trend)
        compliance << point(d.time, percentOrNothing(d));
    summary.insert(QStringLiteral("complianceTrend"), compliance);
    summary.insert(QStringLiteral("productList"), products);
    summary.insert(QStringLiteral("violations"), violations);
    summary.insert(QStringLiteral("name"), domain);
    for (const Domain &d : s.mesh.domains) {
        if (d.id == domain && !d.name.isEmpty())
            summary.insert(QStringLiteral("name"), d.name);
    }
    return summary;
}
