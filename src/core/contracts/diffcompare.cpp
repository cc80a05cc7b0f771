#include "diffcompare.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

/// Types, classifications and value constraints; service levels are in diffcompare_sla.cpp.
namespace meshscope::diff {

namespace {

QString foldedLogical(const QString &type)
{
    static const QHash<QString, QString> aliases = {
        {QStringLiteral("int"), QStringLiteral("integer")},      {QStringLiteral("long"), QStringLiteral("integer")},
        {QStringLiteral("bigint"), QStringLiteral("integer")},   {QStringLiteral("float"), QStringLiteral("number")},
        {QStringLiteral("double"), QStringLiteral("number")},    {QStringLiteral("decimal"), QStringLiteral("number")},
        {QStringLiteral("numeric"), QStringLiteral("number")},   {QStringLiteral("datetime"), QStringLiteral("timestamp")},
        {QStringLiteral("bool"), QStringLiteral("boolean")},     {QStringLiteral("text"), QStringLiteral("string")},
        {QStringLiteral("varchar"), QStringLiteral("string")},   {QStringLiteral("struct"), QStringLiteral("object")},
        {QStringLiteral("record"), QStringLiteral("object")},    {QStringLiteral("map"), QStringLiteral("object")},
        {QStringLiteral("list"), QStringLiteral("array")},
    };
    const QString t = type.trimmed().toLower();
    return aliases.value(t, t);
}

/// A physical type reduced to a family and its size parameters.
struct Physical {
    QString family; ///< int, float, decimal, string, binary, date, timestamp, timestamptz, ... or the text
    int size = -1;  ///< bits for int/float, length for string/binary; -1 unbounded
    int precision = -1;
    int scale = 0;
    bool known = false;
};

Physical parsePhysical(const QString &text)
{
    // base words, optional (n[,m]) or [n], trailing words: "timestamp(3) with time zone", "varchar[15]"
    static const QRegularExpression shape(QStringLiteral(
        R"(^([a-z_][a-z0-9_]*(?: [a-z_][a-z0-9_]*)*?)\s*(?:[\(\[]\s*(\d+)?\s*(?:,\s*(\d+))?\s*[\)\]])?((?:\s+[a-z_]+)*)$)"));
    const QString t = text.simplified().toLower();
    Physical p;
    p.family = t;
    const QRegularExpressionMatch m = shape.match(t);
    if (!m.hasMatch())
        return p;
    const QString base = (m.captured(1) + QLatin1Char(' ') + m.captured(4)).simplified();
    const bool hasFirst = !m.captured(2).isEmpty();
    const int first = m.captured(2).toInt();
    const int second = m.captured(3).toInt();

    static const QHash<QString, int> ints = {
        {QStringLiteral("tinyint"), 8},   {QStringLiteral("int1"), 8},      {QStringLiteral("byte"), 8},
        {QStringLiteral("smallint"), 16}, {QStringLiteral("int2"), 16},     {QStringLiteral("short"), 16},
        {QStringLiteral("smallserial"), 16}, {QStringLiteral("int"), 32},   {QStringLiteral("integer"), 32},
        {QStringLiteral("int4"), 32},     {QStringLiteral("serial"), 32},   {QStringLiteral("mediumint"), 32},
        {QStringLiteral("bigint"), 64},   {QStringLiteral("int8"), 64},     {QStringLiteral("long"), 64},
        {QStringLiteral("bigserial"), 64}, {QStringLiteral("int64"), 64},   {QStringLiteral("int32"), 32},
        {QStringLiteral("int16"), 16},    {QStringLiteral("hugeint"), 128},
    };
    static const QHash<QString, int> floats = {
        {QStringLiteral("real"), 32},   {QStringLiteral("float4"), 32},  {QStringLiteral("float32"), 32},
        {QStringLiteral("double"), 64}, {QStringLiteral("double precision"), 64}, {QStringLiteral("float8"), 64},
        {QStringLiteral("float64"), 64}, {QStringLiteral("float"), 64},
    };
    static const QSet<QString> decimals = {QStringLiteral("numeric"), QStringLiteral("decimal"), QStringLiteral("number"),
                                           QStringLiteral("dec"), QStringLiteral("bignumeric")};
    static const QSet<QString> strings = {
        QStringLiteral("varchar"), QStringLiteral("character varying"), QStringLiteral("char"),
        QStringLiteral("character"), QStringLiteral("nchar"), QStringLiteral("nvarchar"), QStringLiteral("bpchar"),
        QStringLiteral("varchar2"), QStringLiteral("nvarchar2"), QStringLiteral("text"), QStringLiteral("string"),
        QStringLiteral("clob"), QStringLiteral("citext")};
    static const QSet<QString> binaries = {QStringLiteral("bytea"), QStringLiteral("binary"),
                                           QStringLiteral("varbinary"), QStringLiteral("blob"), QStringLiteral("bytes")};
    static const QHash<QString, QString> others = {
        {QStringLiteral("date"), QStringLiteral("date")},
        {QStringLiteral("timestamp"), QStringLiteral("timestamp")},
        {QStringLiteral("timestamp without time zone"), QStringLiteral("timestamp")},
        {QStringLiteral("datetime"), QStringLiteral("timestamp")},
        {QStringLiteral("datetime2"), QStringLiteral("timestamp")},
        {QStringLiteral("timestamp_ntz"), QStringLiteral("timestamp")},
        {QStringLiteral("timestamptz"), QStringLiteral("timestamptz")},
        {QStringLiteral("timestamp with time zone"), QStringLiteral("timestamptz")},
        {QStringLiteral("timestamp_tz"), QStringLiteral("timestamptz")},
        {QStringLiteral("timestamp_ltz"), QStringLiteral("timestamptz")},
        {QStringLiteral("datetimeoffset"), QStringLiteral("timestamptz")},
        {QStringLiteral("time"), QStringLiteral("time")},
        {QStringLiteral("time without time zone"), QStringLiteral("time")},
        {QStringLiteral("timetz"), QStringLiteral("timetz")},
        {QStringLiteral("time with time zone"), QStringLiteral("timetz")},
        {QStringLiteral("boolean"), QStringLiteral("boolean")},
        {QStringLiteral("bool"), QStringLiteral("boolean")},
        {QStringLiteral("uuid"), QStringLiteral("uuid")},
        {QStringLiteral("uniqueidentifier"), QStringLiteral("uuid")},
    };
    p.known = true;
    if (ints.contains(base)) {
        p.family = QStringLiteral("int");
        p.size = ints.value(base);
    } else if (floats.contains(base)) {
        p.family = QStringLiteral("float");
        p.size = floats.value(base);
    } else if (decimals.contains(base)) {
        p.family = QStringLiteral("decimal");
        p.precision = hasFirst ? first : -1;
        p.scale = hasFirst ? second : 0;
    } else if (strings.contains(base)) {
        p.family = QStringLiteral("string");
        // SQL's char without a length holds one character.
        const bool fixedOne = !hasFirst && (base == u"char" || base == u"character" || base == u"nchar");
        p.size = hasFirst ? first : (fixedOne ? 1 : -1);
    } else if (binaries.contains(base)) {
        p.family = QStringLiteral("binary");
        p.size = hasFirst ? first : -1;
    } else if (others.contains(base)) {
        p.family = others.value(base);
    } else {
        p.known = false;
    }
    return p;
}

int integerDigits(int bits)
{
    return bits <= 8 ? 3 : bits <= 16 ? 5 : bits <= 32 ? 10 : bits <= 64 ? 19 : 39;
}

bool fits(int oldSize, int newSize)
{
    return newSize < 0 || (oldSize >= 0 && newSize >= oldSize);
}

TypeChange widenedIf(bool condition)
{
    return condition ? TypeChange::Widened : TypeChange::Incompatible;
}

std::optional<double> number(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        if (ok)
            return d;
    }
    return std::nullopt;
}

QString textOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return v.toVariant().toString();
}

QSet<QString> valueSet(const QJsonValue &v)
{
    QSet<QString> out;
    if (v.isArray()) {
        for (const QJsonValue &item : v.toArray())
            out.insert(textOf(item));
    } else if (!v.isUndefined() && !v.isNull()) {
        out.insert(textOf(v));
    }
    return out;
}

/// -1, 0, 1 for old <, ==, > new: numerically when both are numbers, else as text (ISO dates sort).
int order(const QJsonValue &a, const QJsonValue &b)
{
    const auto x = number(a);
    const auto y = number(b);
    if (x && y)
        return *x < *y ? -1 : *x > *y ? 1 : 0;
    const int c = QString::compare(textOf(a), textOf(b));
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

} // namespace

TypeChange compareLogicalTypes(const QString &oldType, const QString &newType)
{
    const QString a = foldedLogical(oldType);
    const QString b = foldedLogical(newType);
    if (a == b)
        return TypeChange::Same;
    if (b.isEmpty())
        return TypeChange::Widened;
    return widenedIf((a == u"integer" && b == u"number") || (a == u"date" && b == u"timestamp"));
}

TypeChange comparePhysicalTypes(const QString &oldType, const QString &newType)
{
    if (oldType.simplified().compare(newType.simplified(), Qt::CaseInsensitive) == 0)
        return TypeChange::Same;
    if (newType.trimmed().isEmpty())
        return TypeChange::Widened;
    if (oldType.trimmed().isEmpty())
        return TypeChange::Incompatible;
    const Physical a = parsePhysical(oldType);
    const Physical b = parsePhysical(newType);
    if (!a.known || !b.known)
        return TypeChange::Incompatible;
    if (a.family == b.family) {
        if (a.family == u"int" || a.family == u"float")
            return a.size == b.size ? TypeChange::Same : widenedIf(b.size > a.size);
        if (a.family == u"string" || a.family == u"binary")
            return a.size == b.size ? TypeChange::Same : widenedIf(fits(a.size, b.size));
        if (a.family == u"decimal") {
            if (a.precision == b.precision && a.scale == b.scale)
                return TypeChange::Same;
            if (b.precision < 0)
                return TypeChange::Widened;
            return widenedIf(a.precision >= 0 && b.scale >= a.scale
                             && b.precision - b.scale >= a.precision - a.scale);
        }
        return TypeChange::Same;
    }
    if (a.family == u"int" && b.family == u"decimal")
        return widenedIf(b.precision < 0 || b.precision - b.scale >= integerDigits(a.size));
    if (a.family == u"int" && b.family == u"float")
        return widenedIf(a.size <= (b.size == 32 ? 16 : 32));
    return widenedIf(a.family == u"date" && b.family == u"timestamp");
}

std::optional<int> classificationRank(const QString &classification)
{
    static const QHash<QString, int> ranks = {
        {QStringLiteral("public"), 0},       {QStringLiteral("open"), 0},
        {QStringLiteral("internal"), 1},     {QStringLiteral("internal-use"), 1},
        {QStringLiteral("internal-only"), 1}, {QStringLiteral("confidential"), 2},
        {QStringLiteral("private"), 2},      {QStringLiteral("restricted"), 3},
        {QStringLiteral("highly-confidential"), 3}, {QStringLiteral("strictly-confidential"), 3},
        {QStringLiteral("secret"), 4},       {QStringLiteral("top-secret"), 4},
    };
    QString c = classification.trimmed().toLower();
    c.replace(QLatin1Char('_'), QLatin1Char('-')).replace(QLatin1Char(' '), QLatin1Char('-'));
    const auto it = ranks.constFind(c);
    if (it == ranks.cend())
        return std::nullopt;
    return *it;
}

Tightening compareConstraint(const QString &key, const QJsonValue &oldValue, const QJsonValue &newValue)
{
    const bool hadOld = !oldValue.isUndefined() && !oldValue.isNull();
    const bool hasNew = !newValue.isUndefined() && !newValue.isNull();
    if (!hadOld && !hasNew)
        return Tightening::Same;
    if (key == u"uniqueItems") {
        const bool a = oldValue.toBool();
        const bool b = newValue.toBool();
        return a == b ? Tightening::Same : b ? Tightening::Tighter : Tightening::Looser;
    }
    if (key == u"enum" || key == u"required") {
        const QSet<QString> a = valueSet(oldValue);
        const QSet<QString> b = valueSet(newValue);
        if (a == b)
            return Tightening::Same;
        // enum: fewer allowed values is tighter; required (object option): more required names is tighter.
        const bool fewer = !(a - b).isEmpty();
        const bool more = !(b - a).isEmpty();
        if (key == u"enum")
            return !hasNew ? Tightening::Looser : !hadOld || fewer ? Tightening::Tighter : Tightening::Looser;
        return more ? Tightening::Tighter : Tightening::Looser;
    }
    if (!hadOld)
        return Tightening::Tighter;
    if (!hasNew)
        return Tightening::Looser;
    static const QSet<QString> lower = {QStringLiteral("minLength"), QStringLiteral("minimum"),
                                        QStringLiteral("exclusiveMinimum"), QStringLiteral("minItems"),
                                        QStringLiteral("minProperties")};
    static const QSet<QString> upper = {QStringLiteral("maxLength"), QStringLiteral("maximum"),
                                        QStringLiteral("exclusiveMaximum"), QStringLiteral("maxItems"),
                                        QStringLiteral("maxProperties"), QStringLiteral("precision"),
                                        QStringLiteral("scale")};
    if (lower.contains(key) || upper.contains(key)) {
        const int c = order(oldValue, newValue);
        if (c == 0)
            return Tightening::Same;
        const bool raised = c < 0;
        return raised == lower.contains(key) ? Tightening::Tighter : Tightening::Looser;
    }
    // pattern, format, multipleOf, timezone, ...: a different value may reject what was accepted.
    return textOf(oldValue) == textOf(newValue) ? Tightening::Same : Tightening::Tighter;
}

} // namespace meshscope::diff
