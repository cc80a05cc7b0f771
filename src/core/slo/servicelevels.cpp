#include "servicelevels.h"

#include "util/slaunits.h"

#include <cmath>

namespace meshscope::slo {

Kind kindOf(const QString &property)
{
    const QString p = property.trimmed().toLower().remove(QLatin1Char('_')).remove(QLatin1Char('-'));
    if (p == u"freshness" || p == u"latency" || p == u"timeliness" || p == u"maxage" || p == u"maximumage"
        || p == u"staleness")
        return Kind::Freshness;
    if (p == u"availability" || p == u"uptime")
        return Kind::Availability;
    if (p == u"completeness")
        return Kind::Completeness;
    if (p == u"qualityscore" || p == u"dataqualityscore" || p == u"quality")
        return Kind::QualityScore;
    if (p == u"frequency" || p == u"updatefrequency")
        return Kind::Frequency;
    if (p == u"retention")
        return Kind::Retention;
    return Kind::Other;
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Freshness: return QStringLiteral("freshness");
    case Kind::Availability: return QStringLiteral("availability");
    case Kind::Completeness: return QStringLiteral("completeness");
    case Kind::QualityScore: return QStringLiteral("quality score");
    case Kind::Frequency: return QStringLiteral("frequency");
    case Kind::Retention: return QStringLiteral("retention");
    case Kind::Other: break;
    }
    return QStringLiteral("other");
}

// Both read through the unit table the contract diff uses (util/slaunits.h), so "99.9" with
// unit "percent" or a freshness of "PT4H" means the same here as in a diff.
double percentValue(const ServiceLevel &level)
{
    return units::percentage(level.value, level.unit).value.value_or(-1);
}

qint64 durationSeconds(const ServiceLevel &level)
{
    const std::optional<double> seconds = units::duration(level.value, level.unit).value;
    if (!seconds || std::isinf(*seconds)) // "unlimited" is no duration to measure against
        return -1;
    return qint64(*seconds);
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("?");
    if (seconds < 3600)
        return QStringLiteral("%1m").arg(seconds / 60);
    if (seconds < 2 * 86400)
        return QStringLiteral("%1h").arg(seconds / 3600) + (seconds % 3600 >= 60 ? QStringLiteral(" %1m").arg(seconds % 3600 / 60) : QString());
    return QStringLiteral("%1d %2h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

} // namespace meshscope::slo
