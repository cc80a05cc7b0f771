#include "metricrules.h"

#include <QRegularExpression>

#include <map>

namespace meshscope::governance {

namespace {

/// Text compared without case and runs of white space: "SUM(amount)" = "sum( amount )".
QString normalized(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return text.toLower().remove(space);
}

/// What an input stands for, without the document's spelling: "product:orders-facts", "metric:aov".
/// A metric input is compared by the name of the metric it names (dbt writes ids, documents names).
QStringList inputKeys(const Metric &m)
{
    QStringList keys;
    for (const MetricInput &in : m.inputs) {
        QString target = in.target.isEmpty() ? in.ref : in.target;
        if (in.kind == u"metric")
            target = metricNameKey(in.ref.section(QLatin1Char('.'), -1));
        keys << in.kind + QLatin1Char(':') + target.toLower() + (in.filter.isEmpty() ? QString() : QLatin1Char('|') + normalized(in.filter));
    }
    keys.sort();
    keys.removeDuplicates();
    return keys;
}

QString describe(const MetricDefinition &d)
{
    return d.where.isEmpty() ? d.metric.id : QStringLiteral("%1 (%2)").arg(d.metric.id, d.where);
}

QString shown(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("none") : QLatin1Char('\'') + text + QLatin1Char('\'');
}

} // namespace

QString metricNameKey(const QString &name)
{
    static const QRegularExpression separators(QStringLiteral("[\\s_\\-]+"));
    return name.trimmed().toLower().replace(separators, QStringLiteral("_"));
}

std::vector<Violation> checkMetricConsistency(const std::vector<MetricDefinition> &definitions)
{
    std::map<QString, std::vector<const MetricDefinition *>> byName;
    for (const MetricDefinition &d : definitions)
        byName[metricNameKey(d.metric.name)].push_back(&d);

    std::vector<Violation> out;
    for (const auto &[name, group] : byName) {
        for (size_t i = 0; i < group.size(); ++i) {
            for (size_t j = i + 1; j < group.size(); ++j) {
                const MetricDefinition &a = *group[i];
                const MetricDefinition &b = *group[j];
                QStringList differences;
                if (normalized(a.metric.expression) != normalized(b.metric.expression))
                    differences << QStringLiteral("expression %1 vs %2").arg(shown(a.metric.expression), shown(b.metric.expression));
                if (normalized(a.metric.filter) != normalized(b.metric.filter))
                    differences << QStringLiteral("filter %1 vs %2").arg(shown(a.metric.filter), shown(b.metric.filter));
                const QStringList inputsA = inputKeys(a.metric);
                const QStringList inputsB = inputKeys(b.metric);
                if (inputsA != inputsB) {
                    differences << QStringLiteral("inputs %1 vs %2")
                                       .arg(shown(inputsA.join(QStringLiteral(", "))), shown(inputsB.join(QStringLiteral(", "))));
                }
                if (differences.isEmpty())
                    continue;
                Violation v;
                v.policyId = QStringLiteral("built-in");
                v.rule = QStringLiteral("metrics.consistency");
                v.severity = Severity::Warning;
                v.domainId = a.metric.domainId.isEmpty() ? b.metric.domainId : a.metric.domainId;
                v.targetKind = QStringLiteral("metric");
                v.target = a.metric.id;
                v.message = QStringLiteral("metric '%1' is defined differently in %2 and %3: %4")
                                .arg(a.metric.name, describe(a), describe(b), differences.join(QStringLiteral("; ")));
                v.remediation = QStringLiteral("agree on one definition of '%1' (one owner, one formula) and have the "
                                               "other build on it, or give the two different names")
                                    .arg(a.metric.name);
                out.push_back(std::move(v));
            }
        }
    }
    return out;
}

} // namespace meshscope::governance
