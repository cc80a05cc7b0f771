#include "metricpage.h"

#include "governance/metricrules.h"

#include <QRegularExpression>

namespace meshscope::metrics {

qint64 durationSeconds(const QString &text)
{
    static const QRegularExpression plain(QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*([a-z]*)\\s*$"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression iso(QStringLiteral("^P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?$"),
                                        QRegularExpression::CaseInsensitiveOption);
    const QString t = text.trimmed();
    if (const QRegularExpressionMatch m = iso.match(t); m.hasMatch() && t.size() > 1) {
        return m.captured(1).toLongLong() * 86400 + m.captured(2).toLongLong() * 3600 + m.captured(3).toLongLong() * 60
            + m.captured(4).toLongLong();
    }
    const QRegularExpressionMatch m = plain.match(t);
    if (!m.hasMatch())
        return -1;
    const double n = m.captured(1).toDouble();
    const QString unit = m.captured(2).toLower();
    double scale = -1;
    if (unit == u"s" || unit.startsWith(u"sec"))
        scale = 1;
    else if (unit == u"m" || unit.startsWith(u"min"))
        scale = 60;
    else if (unit == u"h" || unit.startsWith(u"hour"))
        scale = 3600;
    else if (unit == u"d" || unit.startsWith(u"day"))
        scale = 86400;
    else if (unit == u"w" || unit.startsWith(u"week"))
        scale = 7 * 86400;
    return scale < 0 || n > 1e9 ? -1 : qint64(n * scale);
}

namespace {

QString promisedFreshness(const DataProduct &p)
{
    for (const ServiceLevel &l : p.slos) {
        if (l.property.compare(u"freshness", Qt::CaseInsensitive) == 0 || l.property.compare(u"latency", Qt::CaseInsensitive) == 0)
            return l.unit.isEmpty() ? l.value : l.value + l.unit;
    }
    return {};
}

} // namespace

std::optional<MetricPage> metricPage(sql::Connection &db, const QString &idOrName)
{
    cache::MetricReader reader(db);
    std::optional<cache::MetricRecord> record = reader.metric(idOrName);
    if (!record)
        return std::nullopt;
    MetricPage page;
    page.record = std::move(*record);
    const Metric &m = page.record.metric;

    const std::vector<cache::MetricRecord> all = reader.metrics();
    QSet<QString> semanticModels;
    for (const SemanticModel &s : reader.semanticModels())
        semanticModels.insert(s.id);
    const qint64 wanted = m.freshness.isEmpty() ? -1 : durationSeconds(m.freshness);
    for (const MetricInput &in : m.inputs) {
        InputView v{in, in.ref, false, {}, {}};
        const QString target = in.target.isEmpty() ? in.ref : in.target;
        if (in.kind == u"product") {
            if (const std::optional<DataProduct> p = reader.product(target)) {
                v.inMesh = true;
                v.label = p->name.isEmpty() ? p->id : p->name;
                v.freshness = promisedFreshness(*p);
                const qint64 promised = durationSeconds(v.freshness);
                if (wanted >= 0 && promised > wanted) {
                    v.freshnessIssue = QStringLiteral("the metric asks for %1, %2 promises %3")
                                           .arg(m.freshness, v.label, v.freshness);
                }
            }
        } else if (in.kind == u"metric") {
            // dbt inputs name an id; documents a name (the id first, so a name two metrics share is not guessed).
            const cache::MetricRecord *found = nullptr;
            for (const cache::MetricRecord &r : all)
                found = !found && r.metric.id == target ? &r : found;
            for (const cache::MetricRecord &r : all)
                found = !found && r.metric.name == in.ref ? &r : found;
            if (found) {
                v.inMesh = true;
                v.label = found->metric.label.isEmpty() ? found->metric.name : found->metric.label;
            }
        } else if (in.kind == u"measure" || in.kind == u"semantic_model") {
            v.inMesh = semanticModels.contains(target);
        }
        page.inputs.push_back(std::move(v));
    }
    page.usedBy = reader.dependents(m.id);
    for (const QString &id : reader.dependents(m.name)) {
        if (!page.usedBy.contains(id) && id != m.id)
            page.usedBy << id;
    }

    std::vector<governance::MetricDefinition> definitions;
    const QString key = governance::metricNameKey(m.name);
    for (const cache::MetricRecord &r : all) {
        if (governance::metricNameKey(r.metric.name) == key)
            definitions.push_back({r.metric, r.path});
    }
    page.warnings = governance::checkMetricConsistency(definitions);
    page.versions = reader.changesOf(m.id);
    return page;
}

} // namespace meshscope::metrics
