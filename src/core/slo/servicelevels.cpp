#include "servicelevels.h"

#include <QRegularExpression>

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

double percentValue(const ServiceLevel &level)
{
    QString v = level.value.trimmed();
    v.remove(QLatin1Char('%'));
    bool ok = false;
    double d = v.trimmed().toDouble(&ok);
    if (!ok)
        return -1;
    // A share (0.999, 1.0) unless the unit or the text says percent.
    if (d <= 1.0 && !level.value.contains(QLatin1Char('%')) && level.unit.trimmed() != u"%")
        d *= 100.0;
    return d;
}

namespace {

qint64 unitSeconds(QString unit)
{
    unit = unit.trimmed().toLower();
    if (unit.isEmpty())
        return -1;
    if (unit == u"s" || unit.startsWith(QLatin1String("sec")))
        return 1;
    if (unit == u"m" || unit.startsWith(QLatin1String("min")))
        return 60;
    if (unit == u"h" || unit.startsWith(QLatin1String("hour")) || unit == u"hr" || unit == u"hrs")
        return 3600;
    if (unit == u"d" || unit.startsWith(QLatin1String("day")))
        return 86400;
    if (unit == u"w" || unit.startsWith(QLatin1String("week")))
        return 7 * 86400;
    if (unit == u"y" || unit.startsWith(QLatin1String("year")))
        return 365 * 86400;
    if (unit == u"mo" || unit.startsWith(QLatin1String("month")))
        return 30 * 86400;
    return -1;
}

qint64 isoDuration(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch() || text.size() < 3)
        return -1;
    const qint64 factors[] = {365 * 86400, 30 * 86400, 7 * 86400, 86400, 3600, 60, 1};
    qint64 total = 0;
    for (int i = 0; i < 7; ++i)
        total += m.captured(i + 1).toLongLong() * factors[i];
    return total;
}

} // namespace

qint64 durationSeconds(const ServiceLevel &level)
{
    const QString text = level.value.trimmed();
    if (text.startsWith(QLatin1Char('P'), Qt::CaseInsensitive))
        return isoDuration(text);
    static const QRegularExpression re(QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Z]*)$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return -1;
    const double amount = m.captured(1).toDouble();
    const qint64 unit = unitSeconds(m.captured(2).isEmpty() ? level.unit : m.captured(2));
    return unit < 0 ? -1 : qint64(amount * double(unit));
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
