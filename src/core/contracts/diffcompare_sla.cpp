#include "diffcompare.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <limits>

/// Service levels: durations and percentages read from the many ways contracts write them.
namespace meshscope::diff {

namespace {

QString normalisedProperty(const QString &property)
{
    QString p = property.trimmed().toLower();
    p.remove(QLatin1Char('_')).remove(QLatin1Char('-')).remove(QLatin1Char(' '));
    return p;
}

/// "1 h (batch)" -> number 1, unit "h", rest "(batch)".
struct Quantity {
    double value = 0;
    QString unit;
    QString rest;
};

std::optional<Quantity> quantity(const QString &value, const QString &unit)
{
    static const QRegularExpression shape(QStringLiteral(R"(^\s*([-+]?[0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z%]*)\s*(.*?)\s*$)"));
    const QRegularExpressionMatch m = shape.match(value);
    if (!m.hasMatch())
        return std::nullopt;
    Quantity q;
    q.value = m.captured(1).toDouble();
    q.unit = m.captured(2).isEmpty() ? unit.trimmed() : m.captured(2);
    q.rest = m.captured(3);
    return q;
}

std::optional<double> unitSeconds(const QString &unit)
{
    static const QHash<QString, double> units = {
        {QStringLiteral("ms"), 0.001},       {QStringLiteral("msec"), 0.001},    {QStringLiteral("millisecond"), 0.001},
        {QStringLiteral("milliseconds"), 0.001}, {QStringLiteral("s"), 1},       {QStringLiteral("sec"), 1},
        {QStringLiteral("secs"), 1},         {QStringLiteral("second"), 1},      {QStringLiteral("seconds"), 1},
        {QStringLiteral("m"), 60},           {QStringLiteral("min"), 60},        {QStringLiteral("mins"), 60},
        {QStringLiteral("minute"), 60},      {QStringLiteral("minutes"), 60},    {QStringLiteral("h"), 3600},
        {QStringLiteral("hr"), 3600},        {QStringLiteral("hrs"), 3600},      {QStringLiteral("hour"), 3600},
        {QStringLiteral("hours"), 3600},     {QStringLiteral("d"), 86400},       {QStringLiteral("day"), 86400},
        {QStringLiteral("days"), 86400},     {QStringLiteral("w"), 604800},      {QStringLiteral("wk"), 604800},
        {QStringLiteral("week"), 604800},    {QStringLiteral("weeks"), 604800},  {QStringLiteral("mo"), 2592000},
        {QStringLiteral("mon"), 2592000},    {QStringLiteral("month"), 2592000}, {QStringLiteral("months"), 2592000},
        {QStringLiteral("y"), 31536000},     {QStringLiteral("yr"), 31536000},   {QStringLiteral("yrs"), 31536000},
        {QStringLiteral("year"), 31536000},  {QStringLiteral("years"), 31536000},
    };
    const auto it = units.constFind(unit.trimmed().toLower());
    if (it == units.cend())
        return std::nullopt;
    return *it;
}

std::optional<double> isoDuration(const QString &text)
{
    static const QRegularExpression iso(QStringLiteral(
        R"(^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?)"
        R"((?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$)"));
    const QRegularExpressionMatch m = iso.match(text.trimmed().toUpper());
    if (!m.hasMatch() || text.trimmed().size() < 3)
        return std::nullopt;
    static const double factors[] = {31536000, 2592000, 604800, 86400, 3600, 60, 1};
    double total = 0;
    for (int i = 0; i < 7; ++i)
        total += m.captured(i + 1).toDouble() * factors[i];
    return total;
}

} // namespace

std::optional<double> durationSeconds(const QString &value, const QString &unit)
{
    const QString v = value.trimmed().toLower();
    if (v == u"unlimited" || v == u"forever" || v == u"infinite" || v == u"indefinite")
        return std::numeric_limits<double>::infinity();
    static const QHash<QString, double> words = {
        {QStringLiteral("realtime"), 0},     {QStringLiteral("real-time"), 0},   {QStringLiteral("streaming"), 0},
        {QStringLiteral("continuous"), 0},   {QStringLiteral("hourly"), 3600},   {QStringLiteral("daily"), 86400},
        {QStringLiteral("weekly"), 604800},  {QStringLiteral("monthly"), 2592000},
        {QStringLiteral("yearly"), 31536000}, {QStringLiteral("annually"), 31536000},
    };
    if (words.contains(v))
        return words.value(v);
    if (const auto iso = isoDuration(value))
        return iso;
    const auto q = quantity(value, unit);
    if (!q || !q->rest.isEmpty())
        return std::nullopt;
    const auto factor = unitSeconds(q->unit);
    if (!factor)
        return std::nullopt;
    return q->value * *factor;
}

std::optional<double> percentage(const QString &value, const QString &unit)
{
    const auto q = quantity(value, unit);
    if (!q || !q->rest.isEmpty())
        return std::nullopt;
    if (q->unit == u"%")
        return q->value;
    if (!q->unit.isEmpty())
        return std::nullopt;
    return q->value <= 1.0 ? q->value * 100.0 : q->value;
}

SlaChange compareServiceLevels(const QString &property, const ServiceLevel &oldLevel, const ServiceLevel &newLevel)
{
    const QString p = normalisedProperty(property);
    static const QSet<QString> higherPercent = {QStringLiteral("availability"), QStringLiteral("uptime"),
                                                QStringLiteral("completeness")};
    static const QSet<QString> shorterDuration = {
        QStringLiteral("latency"),      QStringLiteral("freshness"),   QStringLiteral("frequency"),
        QStringLiteral("timetodetect"), QStringLiteral("timetonotify"), QStringLiteral("timetorepair"),
        QStringLiteral("timetorecover"), QStringLiteral("responsetime")};
    static const QSet<QString> longerDuration = {QStringLiteral("retention")};

    std::optional<double> a;
    std::optional<double> b;
    bool higherIsStronger = true;
    if (higherPercent.contains(p)) {
        a = percentage(oldLevel.value, oldLevel.unit);
        b = percentage(newLevel.value, newLevel.unit);
    } else if (shorterDuration.contains(p) || longerDuration.contains(p)) {
        a = durationSeconds(oldLevel.value, oldLevel.unit);
        b = durationSeconds(newLevel.value, newLevel.unit);
        higherIsStronger = longerDuration.contains(p);
    } else {
        return SlaChange::Unranked;
    }
    if (!a || !b)
        return SlaChange::Unranked;
    if (*a == *b || (std::isinf(*a) && std::isinf(*b)))
        return SlaChange::Same;
    return (*b > *a) == higherIsStronger ? SlaChange::Stronger : SlaChange::Weaker;
}

} // namespace meshscope::diff
