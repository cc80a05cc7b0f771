#include "yamlsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringDecoder>

#include <cctype>
#include <cstring>
#include <sstream>


namespace meshscope::yamlsupport {

namespace {

QString qs(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

/// Position of the first invalid UTF-8 byte as (line, column), or (0, 0) if the text is valid.
std::pair<int, int> firstInvalidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    if (!decoder.hasError())
        return {0, 0};
    int line = 1, column = 1;
    for (const QChar c : decoded) {
        if (c == QChar::ReplacementCharacter)
            return {line, column};
        if (c == QLatin1Char('\n')) {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

} // namespace

bool loadAll(const QByteArray &bytes, const QString &file, ytree::Arena &arena, std::vector<ytree::Node> &documents,
             ImportResult &result)
{
    const auto [badLine, badColumn] = firstInvalidUtf8(bytes);
    if (badLine > 0) {
        result.error(file, badLine, badColumn, QStringLiteral("invalid UTF-8 byte sequence"));
        return false;
    }
    // One pass of libyaml's event parser builds the tree; it refuses too deep nesting and undefined
    // aliases itself, and (unlike yaml-cpp 0.7) never stalls on a stray ','.
    ytree::ParseError error;
    std::vector<ytree::ParseError> duplicates;
    if (!ytree::parseAll(bytes, arena, documents, error, &duplicates)) {
        documents.clear();
        result.error(file, error.line, error.column, QStringLiteral("YAML syntax error: ") + error.message);
        return false;
    }
    // YAML forbids a repeated key; refusing the document would lose it over a slip, so it is read (the
    // first value wins) with a warning at the repetition.
    for (const ytree::ParseError &d : duplicates)
        result.warning(file, d.line, d.column, d.message);
    return true;
}

int lineOf(const ytree::Node &node)
{
    if (!node.IsDefined())
        return 0;
    const ytree::Mark m = node.Mark();
    return m.is_null() ? 0 : m.line + 1;
}

int columnOf(const ytree::Node &node)
{
    if (!node.IsDefined())
        return 0;
    const ytree::Mark m = node.Mark();
    return m.is_null() ? 0 : m.column + 1;
}

ytree::Node child(const ytree::Node &map, const char *key)
{
    return map.child(key);
}

bool has(const ytree::Node &map, const char *key)
{
    const ytree::Node c = child(map, key);
    return c.IsDefined() && !c.IsNull();
}

QString scalar(const ytree::Node &node)
{
    if (!node.IsDefined() || !node.IsScalar())
        return {};
    return qs(node.Scalar());
}

QString str(const ytree::Node &map, const char *key)
{
    return scalar(child(map, key));
}

bool boolean(const ytree::Node &map, const char *key, bool fallback)
{
    const QString s = str(map, key).trimmed().toLower();
    if (s == u"true" || s == u"yes" || s == u"1" || s == u"on")
        return true;
    if (s == u"false" || s == u"no" || s == u"0" || s == u"off")
        return false;
    return fallback;
}

int integer(const ytree::Node &map, const char *key, int fallback)
{
    bool ok = false;
    const int v = str(map, key).trimmed().toInt(&ok);
    return ok ? v : fallback;
}

QStringList stringList(const ytree::Node &map, const char *key)
{
    const ytree::Node c = child(map, key);
    QStringList out;
    if (!c.IsDefined() || c.IsNull())
        return out;
    if (c.IsScalar()) {
        if (!c.Scalar().empty())
            out << qs(c.Scalar());
        return out;
    }
    if (c.IsSequence()) {
        for (const ytree::Node &item : c) {
            if (item.IsScalar())
                out << qs(item.Scalar());
        }
    }
    return out;
}

static QJsonValue scalarToJson(const ytree::Node &node)
{
    const std::string &s = node.Scalar();
    // Plain (untagged, unquoted) scalars get YAML 1.2 core-schema typing; quoted ones stay strings.
    if (node.Tag() == "?") {
        if (s == "true" || s == "True" || s == "TRUE")
            return true;
        if (s == "false" || s == "False" || s == "FALSE")
            return false;
        if (s == "null" || s == "~" || s == "Null" || s == "NULL" || s.empty())
            return QJsonValue::Null;
        bool ok = false;
        const QString text = qs(s);
        const qlonglong asInt = text.toLongLong(&ok);
        if (ok)
            return QJsonValue(asInt);
        const double asDouble = text.toDouble(&ok);
        if (ok)
            return asDouble;
    }
    return qs(s);
}

QJsonValue toJson(const ytree::Node &node, qint64 &budget)
{
    if (--budget < 0 || !node.IsDefined())
        return QJsonValue::Null;
    switch (node.Type()) {
    case ytree::NodeType::Scalar:
        return scalarToJson(node);
    case ytree::NodeType::Sequence: {
        QJsonArray array;
        for (const ytree::Node &item : node) {
            if (budget < 0)
                break;
            array.append(toJson(item, budget));
        }
        return array;
    }
    case ytree::NodeType::Map: {
        QJsonObject object;
        for (const auto &entry : node) {
            if (budget < 0)
                break;
            const QString key = entry.first.IsScalar() ? qs(entry.first.Scalar()) : QStringLiteral("?");
            object.insert(key, toJson(entry.second, budget));
        }
        return object;
    }
    default:
        return QJsonValue::Null;
    }
}

QJsonObject objectOf(const ytree::Node &map, const char *key, qint64 &budget)
{
    const ytree::Node c = child(map, key);
    if (!c.IsDefined() || !c.IsMap())
        return {};
    return toJson(c, budget).toObject();
}

static bool expectShape(const ytree::Node &map, const char *key, ytree::NodeType::value type,
                        const char *what, const QString &file, ImportResult &result)
{
    const ytree::Node c = child(map, key);
    if (!c.IsDefined() || c.IsNull() || c.Type() == type)
        return true;
    result.error(file, lineOf(c), columnOf(c),
                 QStringLiteral("`%1` must be a %2").arg(QLatin1String(key), QLatin1String(what)));
    return false;
}

bool expectSequence(const ytree::Node &map, const char *key, const QString &file, ImportResult &result)
{
    return expectShape(map, key, ytree::NodeType::Sequence, "list", file, result);
}

bool expectMap(const ytree::Node &map, const char *key, const QString &file, ImportResult &result)
{
    return expectShape(map, key, ytree::NodeType::Map, "mapping", file, result);
}

} // namespace meshscope::yamlsupport
