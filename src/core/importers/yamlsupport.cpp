#include "yamlsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringDecoder>
#include <yaml-cpp/eventhandler.h>

#include <cctype>
#include <cstring>
#include <sstream>

namespace meshscope::yamlsupport {
struct InPlaceLookup; // tag for the as_if specialization below
} // namespace meshscope::yamlsupport

namespace YAML {
/// Key lookup that reads a mapping's entries in place. yaml-cpp 0.7's own `map[key]` wraps every key it
/// compares in a Node (shared_ptr copies) and copies its text, which made lookups a tenth of a sync.
/// Node befriends every as_if<T, S>, which is what lets this specialization see the node's entries.
template <>
struct as_if<meshscope::yamlsupport::InPlaceLookup, void> {
    static Node child(const Node &map, const char *key)
    {
        if (!map.m_isValid || !map.m_pNode || map.m_pNode->type() != NodeType::Map)
            return Node(NodeType::Undefined);
        const detail::node &entries = *map.m_pNode;
        for (auto it = entries.begin(); it != entries.end(); ++it) {
            const detail::node *k = (*it).first;
            if (k->type() != NodeType::Scalar || k->scalar() != key)
                continue;
            detail::node *value = const_cast<detail::node *>((*it).second);
            if (!value->is_defined())
                return Node(NodeType::Undefined);
            return Node(*value, map.m_pMemory);
        }
        return Node(NodeType::Undefined);
    }
};
} // namespace YAML

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

/// Counts parser events without building nodes. Used for a first pass that guards yaml-cpp 0.7
/// against inputs it never finishes: a stream starting with ',' makes LoadAll() produce empty
/// documents forever, so the number of documents is bounded by the input's size.
class CountingHandler : public YAML::EventHandler {
public:
    qint64 events = 0;
    qint64 documents = 0;
    void OnDocumentStart(const YAML::Mark &) override { ++documents; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &, YAML::anchor_t) override { ++events; }
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override { ++events; }
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t, const std::string &) override { ++events; }
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        ++events;
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        ++events;
    }
    void OnMapEnd() override {}
};

/// Whether yaml-cpp 0.7 could stall on these bytes, i.e. whether the counting pass below is needed.
/// It stalls only on a ',' read as a flow entry at the top level of a document, outside any flow
/// collection. A ',' that ends a word of plain text ("a, b") continues a block scalar, and one after
/// "[a" or "{a" sits inside the flow collection just opened. Anything else (a line start, an indicator,
/// a quote, an anchor, alias or tag, a control or non-ASCII byte in the word) sends the bytes through
/// the counting pass. The fuzzers found that a word must be checked whole: "\0kz," stalls.
bool mayStall(const QByteArray &bytes)
{
    const char *begin = bytes.constData();
    const char *end = begin + bytes.size();
    auto isSeparator = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    auto isWordChar = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
            || c == '.' || c == '/';
    };
    for (const char *comma = static_cast<const char *>(std::memchr(begin, ',', size_t(end - begin))); comma;
         comma = static_cast<const char *>(std::memchr(comma + 1, ',', size_t(end - comma - 1)))) {
        const char *wordEnd = comma;
        while (wordEnd > begin && (wordEnd[-1] == ' ' || wordEnd[-1] == '\t'))
            --wordEnd;
        const char *word = wordEnd;
        while (word > begin && !isSeparator(word[-1]))
            --word;
        if (word < wordEnd && (*word == '[' || *word == '{'))
            ++word;
        if (word == wordEnd || !std::isalnum(static_cast<unsigned char>(*word)) || *word < 0)
            return true;
        for (const char *c = word; c < wordEnd; ++c) {
            if (!isWordChar(*c))
                return true;
        }
    }
    return false;
}

} // namespace

bool loadAll(const QByteArray &bytes, const QString &file, std::vector<YAML::Node> &documents,
             ImportResult &result)
{
    const auto [badLine, badColumn] = firstInvalidUtf8(bytes);
    if (badLine > 0) {
        result.error(file, badLine, badColumn, QStringLiteral("invalid UTF-8 byte sequence"));
        return false;
    }
    try {
        const std::string text = bytes.toStdString();
        if (mayStall(bytes)) {
            std::istringstream stream(text);
            YAML::Parser parser(stream);
            CountingHandler counter;
            const qint64 maxDocuments = bytes.size() / 3 + 2; // "---\n" is the smallest document
            while (parser.HandleNextDocument(counter)) {
                if (counter.documents > maxDocuments) {
                    result.error(file, 1, 1, QStringLiteral("YAML syntax error: the parser makes no progress "
                                                            "(unexpected ',' or bracket at the top level?)"));
                    return false;
                }
            }
        }
        documents = YAML::LoadAll(text);
    } catch (const YAML::Exception &e) {
        result.error(file, e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1,
                     QStringLiteral("YAML syntax error: ") + qs(e.msg));
        return false;
    } catch (const std::exception &e) {
        result.error(file, 0, 0, QStringLiteral("YAML could not be read: ") + QString::fromUtf8(e.what()));
        return false;
    }
    return true;
}

int lineOf(const YAML::Node &node)
{
    if (!node.IsDefined())
        return 0;
    const YAML::Mark m = node.Mark();
    return m.is_null() ? 0 : m.line + 1;
}

int columnOf(const YAML::Node &node)
{
    if (!node.IsDefined())
        return 0;
    const YAML::Mark m = node.Mark();
    return m.is_null() ? 0 : m.column + 1;
}

YAML::Node child(const YAML::Node &map, const char *key)
{
    // Never a yaml-cpp "zombie" node (whose Type()/IsMap()/... throw InvalidNode) for a missing key.
    if (!map.IsDefined() || !map.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    return YAML::as_if<InPlaceLookup, void>::child(map, key);
}

bool has(const YAML::Node &map, const char *key)
{
    const YAML::Node c = child(map, key);
    return c.IsDefined() && !c.IsNull();
}

QString scalar(const YAML::Node &node)
{
    if (!node.IsDefined() || !node.IsScalar())
        return {};
    return qs(node.Scalar());
}

QString str(const YAML::Node &map, const char *key)
{
    return scalar(child(map, key));
}

bool boolean(const YAML::Node &map, const char *key, bool fallback)
{
    const QString s = str(map, key).trimmed().toLower();
    if (s == u"true" || s == u"yes" || s == u"1" || s == u"on")
        return true;
    if (s == u"false" || s == u"no" || s == u"0" || s == u"off")
        return false;
    return fallback;
}

int integer(const YAML::Node &map, const char *key, int fallback)
{
    bool ok = false;
    const int v = str(map, key).trimmed().toInt(&ok);
    return ok ? v : fallback;
}

QStringList stringList(const YAML::Node &map, const char *key)
{
    const YAML::Node c = child(map, key);
    QStringList out;
    if (!c.IsDefined() || c.IsNull())
        return out;
    if (c.IsScalar()) {
        if (!c.Scalar().empty())
            out << qs(c.Scalar());
        return out;
    }
    if (c.IsSequence()) {
        for (const YAML::Node &item : c) {
            if (item.IsScalar())
                out << qs(item.Scalar());
        }
    }
    return out;
}

static QJsonValue scalarToJson(const YAML::Node &node)
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

QJsonValue toJson(const YAML::Node &node, qint64 &budget)
{
    if (--budget < 0 || !node.IsDefined())
        return QJsonValue::Null;
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        return scalarToJson(node);
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node &item : node) {
            if (budget < 0)
                break;
            array.append(toJson(item, budget));
        }
        return array;
    }
    case YAML::NodeType::Map: {
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

QJsonObject objectOf(const YAML::Node &map, const char *key, qint64 &budget)
{
    const YAML::Node c = child(map, key);
    if (!c.IsDefined() || !c.IsMap())
        return {};
    return toJson(c, budget).toObject();
}

static bool expectShape(const YAML::Node &map, const char *key, YAML::NodeType::value type,
                        const char *what, const QString &file, ImportResult &result)
{
    const YAML::Node c = child(map, key);
    if (!c.IsDefined() || c.IsNull() || c.Type() == type)
        return true;
    result.error(file, lineOf(c), columnOf(c),
                 QStringLiteral("`%1` must be a %2").arg(QLatin1String(key), QLatin1String(what)));
    return false;
}

bool expectSequence(const YAML::Node &map, const char *key, const QString &file, ImportResult &result)
{
    return expectShape(map, key, YAML::NodeType::Sequence, "list", file, result);
}

bool expectMap(const YAML::Node &map, const char *key, const QString &file, ImportResult &result)
{
    return expectShape(map, key, YAML::NodeType::Map, "mapping", file, result);
}

} // namespace meshscope::yamlsupport
