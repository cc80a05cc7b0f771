#include "diffcompare.h"

#include "util/slaunits.h"

#include <QSet>
#include <QStringList>

/// Service levels: durations and percentages read from the many ways contracts write them.
namespace meshscope::diff {

namespace {

QString normalisedProperty(const QString &property)
{
    QString p = property.trimmed().toLower();
    p.remove(QLatin1Char('_')).remove(QLatin1Char('-')).remove(QLatin1Char(' '));
    return p;
}

} // namespace

std::optional<double> durationSeconds(const QString &value, const QString &unit)
{
    return units::duration(value, unit).value;
}

std::optional<double> percentage(const QString &value, const QString &unit)
{
    return units::percentage(value, unit).value;
}

SlaChange compareServiceLevels(const QString &property, const ServiceLevel &oldLevel, const ServiceLevel &newLevel,
                               QString *why)
{
    const QString p = normalisedProperty(property);
    static const QSet<QString> higherPercent = {QStringLiteral("availability"), QStringLiteral("uptime"),
                                                QStringLiteral("completeness")};
    static const QSet<QString> shorterDuration = {
        QStringLiteral("latency"),       QStringLiteral("freshness"),    QStringLiteral("frequency"),
        QStringLiteral("timetodetect"),  QStringLiteral("timetonotify"), QStringLiteral("timetorepair"),
        QStringLiteral("timetorecover"), QStringLiteral("responsetime"), QStringLiteral("timeliness"),
        QStringLiteral("maxage"),        QStringLiteral("staleness")};
    static const QSet<QString> longerDuration = {QStringLiteral("retention")};
    const auto explain = [why](const QString &text) {
        if (why)
            *why = text;
        return SlaChange::Unranked;
    };

    units::Reading a;
    units::Reading b;
    bool higherIsStronger = true;
    if (higherPercent.contains(p)) {
        a = units::percentage(oldLevel.value, oldLevel.unit);
        b = units::percentage(newLevel.value, newLevel.unit);
    } else if (shorterDuration.contains(p) || longerDuration.contains(p)) {
        a = units::duration(oldLevel.value, oldLevel.unit);
        b = units::duration(newLevel.value, newLevel.unit);
        higherIsStronger = longerDuration.contains(p);
    } else {
        return explain(QStringLiteral("Meshscope does not know which way '%1' gets weaker").arg(property));
    }
    if (!a.value || !b.value) {
        QStringList problems;
        if (!a.value)
            problems << QStringLiteral("old value: ") + a.problem;
        if (!b.value)
            problems << QStringLiteral("new value: ") + b.problem;
        return explain(QStringLiteral("cannot compare, ") + problems.join(QStringLiteral("; ")));
    }
    if (units::sameQuantity(*a.value, *b.value))
        return SlaChange::Same;
    return (*b.value > *a.value) == higherIsStronger ? SlaChange::Stronger : SlaChange::Weaker;
}

} // namespace meshscope::diff
