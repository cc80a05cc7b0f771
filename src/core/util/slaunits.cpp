#include "slaunits.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

namespace meshscope::units {

namespace {

/// Lower case, inner spaces and a trailing dot dropped: "Per Cent" -> "percent", "hrs." -> "hrs".
QString unitKey(const QString &unit)
{
    QString u = unit.trimmed().toLower();
    u.remove(QLatin1Char(' '));
    if (u.endsWith(QLatin1Char('.')))
        u.chop(1);
    return u;
}

/// Shown in messages: the unit as written, or a note that none was.
QString quoted(const QString &text)
{
    return QLatin1Char('\'') + text.trimmed() + QLatin1Char('\'');
}

std::optional<double> isoSeconds(const QString &text)
{
    // P[nY][nM][nW][nD][T[nH][nM][nS]], decimals allowed in any part.
    static const QRegularExpression iso(QStringLiteral(
        R"(^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?)"
        R"((?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$)"));
    const QString t = text.trimmed().toUpper();
    const QRegularExpressionMatch m = iso.match(t);
    if (!m.hasMatch() || t.size() < 3)
        return std::nullopt;
    static const double factors[] = {365 * 86400.0, 30 * 86400.0, 7 * 86400.0, 86400, 3600, 60, 1};
    double total = 0;
    for (int i = 0; i < 7; ++i)
        total += m.captured(i + 1).toDouble() * factors[i];
    return total;
}

} // namespace

std::optional<double> secondsPerUnit(const QString &unit)
{
    static const QHash<QString, double> units = [] {
        QHash<QString, double> h;
        const auto add = [&h](std::initializer_list<const char *> names, double seconds) {
            for (const char *n : names)
                h.insert(QString::fromLatin1(n), seconds);
        };
        add({"ms", "msec", "msecs", "millisecond", "milliseconds"}, 0.001);
        add({"s", "sec", "secs", "second", "seconds"}, 1);
        add({"m", "min", "mins", "minute", "minutes"}, 60);
        add({"h", "hr", "hrs", "hour", "hours"}, 3600);
        add({"d", "day", "days"}, 86400);
        add({"w", "wk", "wks", "week", "weeks"}, 7 * 86400.0);
        add({"mo", "mon", "mth", "mths", "month", "months"}, 30 * 86400.0);
        add({"y", "yr", "yrs", "year", "years"}, 365 * 86400.0);
        return h;
    }();
    const auto it = units.constFind(unitKey(unit));
    if (it == units.cend())
        return std::nullopt;
    return *it;
}

bool isPercentUnit(const QString &unit)
{
    const QString u = unitKey(unit);
    return u == u"%" || u == u"percent" || u == u"percentage" || u == u"pct";
}

Reading duration(const QString &value, const QString &unit)
{
    const QString text = value.trimmed();
    if (text.isEmpty())
        return {std::nullopt, QStringLiteral("no value")};
    const QString lower = text.toLower();
    if (lower == u"unlimited" || lower == u"forever" || lower == u"infinite" || lower == u"indefinite")
        return {std::numeric_limits<double>::infinity(), {}};
    static const QHash<QString, double> words = {
        {QStringLiteral("realtime"), 0},      {QStringLiteral("real-time"), 0},   {QStringLiteral("streaming"), 0},
        {QStringLiteral("continuous"), 0},    {QStringLiteral("hourly"), 3600},   {QStringLiteral("daily"), 86400},
        {QStringLiteral("weekly"), 604800},   {QStringLiteral("monthly"), 2592000},
        {QStringLiteral("yearly"), 31536000}, {QStringLiteral("annually"), 31536000},
    };
    if (words.contains(lower))
        return {words.value(lower), {}};
    if (lower.startsWith(QLatin1Char('p'))) {
        if (const auto iso = isoSeconds(text))
            return {iso, {}};
        return {std::nullopt, quoted(text) + QStringLiteral(" is not an ISO 8601 duration")};
    }

    // One or more terms "<number> <unit>", e.g. "25h", "1h 30m", "2 days, 4 hours".
    static const QRegularExpression term(
        QStringLiteral(R"(\G\s*(?:(?:,|and)\s*)?([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z%]*\.?))"));
    double total = 0;
    int terms = 0;
    qsizetype at = 0;
    for (QRegularExpressionMatch m = term.match(text, at); m.hasMatch() && m.capturedLength() > 0;
         m = term.match(text, at)) {
        QString termUnit = m.captured(2);
        if (termUnit.isEmpty()) {
            if (terms > 0 || m.capturedEnd() < text.size())
                return {std::nullopt, quoted(text) + QStringLiteral(" gives a number without a unit")};
            termUnit = unit;
        }
        if (termUnit.trimmed().isEmpty())
            return {std::nullopt, quoted(text) + QStringLiteral(" has no unit")};
        if (isPercentUnit(termUnit))
            return {std::nullopt, QStringLiteral("unit %1 is a percentage, not a duration").arg(quoted(termUnit))};
        const auto factor = secondsPerUnit(termUnit);
        if (!factor)
            return {std::nullopt, QStringLiteral("unknown time unit %1").arg(quoted(termUnit))};
        total += m.captured(1).toDouble() * *factor;
        ++terms;
        at = m.capturedEnd();
    }
    if (terms == 0 || !text.mid(at).trimmed().isEmpty())
        return {std::nullopt, QStringLiteral("cannot read %1 as a duration").arg(quoted(text))};
    return {total, {}};
}

Reading percentage(const QString &value, const QString &unit)
{
    static const QRegularExpression shape(QStringLiteral(R"(^\s*([0-9]+(?:\.[0-9]+)?)\s*(.*?)\s*$)"));
    const QString text = value.trimmed();
    if (text.isEmpty())
        return {std::nullopt, QStringLiteral("no value")};
    const QRegularExpressionMatch m = shape.match(text);
    if (!m.hasMatch())
        return {std::nullopt, QStringLiteral("cannot read %1 as a percentage").arg(quoted(text))};
    const double number = m.captured(1).toDouble();
    const QString given = m.captured(2).isEmpty() ? unit : m.captured(2);
    if (given.trimmed().isEmpty()) // a share (0.999) unless it is already in percent (99.9)
        return {number <= 1.0 ? number * 100.0 : number, {}};
    if (isPercentUnit(given))
        return {number, {}};
    if (secondsPerUnit(given))
        return {std::nullopt, QStringLiteral("unit %1 is a duration, not a percentage").arg(quoted(given))};
    return {std::nullopt, QStringLiteral("unknown unit %1 for a percentage").arg(quoted(given))};
}

bool sameQuantity(double a, double b)
{
    if (std::isinf(a) || std::isinf(b))
        return std::isinf(a) && std::isinf(b) && (a > 0) == (b > 0);
    return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

} // namespace meshscope::units
