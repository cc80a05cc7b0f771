#include "yamltree.h"

#include <yaml.h>

#include <algorithm>
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace meshscope::ytree {

namespace {

const NodeData &nullData()
{
    static const NodeData data;
    return data;
}

const std::string &emptyString()
{
    static const std::string empty;
    return empty;
}

/// yaml-cpp's reading of a plain untagged scalar as null.
bool isNullText(const char *s, size_t n)
{
    switch (n) {
    case 0:
        return true;
    case 1:
        return s[0] == '~';
    case 4:
        return std::memcmp(s, "null", 4) == 0 || std::memcmp(s, "Null", 4) == 0 || std::memcmp(s, "NULL", 4) == 0;
    default:
        return false;
    }
}

/// Turns libyaml's marks (counted in characters, with its own idea of line breaks) into yaml-cpp's
/// (bytes; a line ends at '\n'). Marks arrive almost always in increasing order, so one cursor walks
/// the text forward once; a mark behind it starts the walk again.
class MarkMapper {
public:
    MarkMapper(const char *text, size_t size) : m_text(text), m_size(size)
    {
        m_ascii = true;
        for (size_t i = 0; i < size; ++i) {
            if (static_cast<unsigned char>(text[i]) >= 0x80) {
                m_ascii = false;
                break;
            }
        }
    }

    Mark map(size_t charIndex)
    {
        if (charIndex < m_char)
            m_char = m_byte = m_line = m_lineStart = 0;
        // Advance the byte offset to the character.
        if (m_ascii) {
            advanceBytesTo(std::min(charIndex, m_size));
            m_char = charIndex;
        } else {
            while (m_char < charIndex && m_byte < m_size) {
                const auto lead = static_cast<unsigned char>(m_text[m_byte]);
                const size_t width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
                advanceBytesTo(std::min(m_byte + width, m_size));
                ++m_char;
            }
        }
        return {int(m_byte), int(m_line), int(m_byte - m_lineStart)};
    }

    /// Where the next token starts at or after a character: past blanks, line breaks and comments.
    /// yaml-cpp places an empty value there, libyaml right after the ':' or '-' before it.
    Mark nextToken(size_t charIndex)
    {
        map(charIndex);
        size_t at = m_byte;
        while (at < m_size) {
            const char c = m_text[at];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                ++at;
            } else if (c == '#') {
                const void *nl = std::memchr(m_text + at, '\n', m_size - at);
                at = nl ? size_t(static_cast<const char *>(nl) - m_text) : m_size;
            } else {
                break;
            }
        }
        size_t characters = 0; // a comment may hold multi-byte characters
        for (size_t b = m_byte; b < at; ++b)
            characters += (static_cast<unsigned char>(m_text[b]) & 0xC0) != 0x80;
        return map(charIndex + characters);
    }

    /// A byte offset (libyaml's reader errors give one) as a mark.
    Mark mapByte(size_t offset)
    {
        m_char = m_byte = m_line = m_lineStart = 0;
        m_ascii = true; // only bytes are walked below
        advanceBytesTo(std::min(offset, m_size));
        return {int(m_byte), int(m_line), int(m_byte - m_lineStart)};
    }

private:
    void advanceBytesTo(size_t target)
    {
        while (m_byte < target) {
            const void *nl = std::memchr(m_text + m_byte, '\n', target - m_byte);
            if (!nl) {
                m_byte = target;
                break;
            }
            m_byte = size_t(static_cast<const char *>(nl) - m_text) + 1;
            ++m_line;
            m_lineStart = m_byte;
        }
    }

    const char *m_text;
    size_t m_size;
    bool m_ascii;
    size_t m_char = 0, m_byte = 0, m_line = 0, m_lineStart = 0;
};

struct ParserGuard {
    yaml_parser_t parser;
    ParserGuard() { yaml_parser_initialize(&parser); }
    ~ParserGuard() { yaml_parser_delete(&parser); }
};

struct EventGuard {
    yaml_event_t event;
    bool live = false;
    ~EventGuard() { release(); }
    void release()
    {
        if (live)
            yaml_event_delete(&event);
        live = false;
    }
};

QString errorText(const yaml_parser_t &p)
{
    QString text = QString::fromUtf8(p.problem ? p.problem : "unknown error");
    if (p.context)
        text += QStringLiteral(" (") + QString::fromUtf8(p.context) + QLatin1Char(')');
    return text;
}

/// Adds one entry per scalar key that a mapping repeats, at the repetition, naming the first. Mappings are
/// small (a pairwise look costs less than a set) except generated ones, which get a set.
void noteDuplicateKeys(const NodeData &map, std::vector<ParseError> &out)
{
    const auto &c = map.children;
    const size_t keys = c.size() / 2;
    const auto report = [&](const NodeData *first, const NodeData *again) {
        const QString key = QString::fromUtf8(again->scalar.data(), qsizetype(again->scalar.size()));
        out.push_back({again->mark.line + 1, again->mark.column + 1,
                       QStringLiteral("duplicate key '%1' (first on line %2); the first value is used")
                           .arg(key)
                           .arg(first->mark.line + 1)});
    };
    if (keys <= 32) {
        for (size_t i = 1; i < keys; ++i) {
            const NodeData *k = c[2 * i];
            if (k->type != NodeType::Scalar)
                continue;
            for (size_t j = 0; j < i; ++j) {
                const NodeData *earlier = c[2 * j];
                if (earlier->type == NodeType::Scalar && earlier->scalar == k->scalar) {
                    report(earlier, k);
                    break;
                }
            }
        }
        return;
    }
    std::unordered_map<std::string_view, const NodeData *> seen;
    seen.reserve(keys);
    for (size_t i = 0; i < keys; ++i) {
        const NodeData *k = c[2 * i];
        if (k->type != NodeType::Scalar)
            continue;
        const auto [it, inserted] = seen.emplace(k->scalar, k);
        if (!inserted)
            report(it->second, k);
    }
}

} // namespace

Node::Node() : m_data(&nullData()) {}

Node::Node(NodeType::value type) : m_data(type == NodeType::Undefined ? nullptr : &nullData()) {}

const std::string &Node::Scalar() const
{
    return m_data ? m_data->scalar : emptyString();
}

const std::string &Node::Tag() const
{
    return m_data ? m_data->tag : emptyString();
}

Node Node::child(const char *key) const
{
    if (!m_data || m_data->type != NodeType::Map)
        return Node(NodeType::Undefined);
    const auto &c = m_data->children;
    const size_t length = std::strlen(key);
    for (size_t i = 0; i + 1 < c.size(); i += 2) {
        const NodeData *k = c[i];
        if (k->type == NodeType::Scalar && k->scalar.size() == length && std::memcmp(k->scalar.data(), key, length) == 0)
            return Node(c[i + 1]);
    }
    return Node(NodeType::Undefined);
}

Node Arena::mapOverlay(const Node &base, const Node &over, std::initializer_list<std::string_view> skipKeys)
{
    NodeData &merged = add();
    merged.type = NodeType::Map;
    merged.tag.assign(1, '?'); // not = "?": GCC 12 warns falsely (-Wrestrict, bug 105329)
    auto set = [&](const NodeData *key, const NodeData *value) {
        for (size_t i = 0; i + 1 < merged.children.size(); i += 2) {
            if (merged.children[i]->scalar == key->scalar) {
                merged.children[i + 1] = value;
                return;
            }
        }
        NodeData &k = add();
        k.type = NodeType::Scalar;
        k.tag.assign(1, '?'); // not = "?": GCC 12 warns falsely (-Wrestrict, bug 105329)
        k.scalar = key->scalar;
        merged.children.push_back(&k);
        merged.children.push_back(value);
    };
    for (const Node *source : {&base, &over}) {
        const NodeData *d = source->data();
        if (!d || d->type != NodeType::Map)
            continue;
        for (size_t i = 0; i + 1 < d->children.size(); i += 2) {
            const NodeData *key = d->children[i];
            if (key->type != NodeType::Scalar)
                continue;
            if (source == &base
                && std::find(skipKeys.begin(), skipKeys.end(), std::string_view(key->scalar)) != skipKeys.end())
                continue;
            set(key, d->children[i + 1]);
        }
    }
    return Node(&merged);
}

bool parseAll(const QByteArray &bytes, Arena &arena, std::vector<Node> &documents, ParseError &error,
              std::vector<ParseError> *duplicates)
{
    const char *text = bytes.constData();
    size_t size = size_t(bytes.size());
    if (size >= 3 && std::memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3; // yaml-cpp counts marks after the byte order mark
        size -= 3;
    }
    MarkMapper marks(text, size);
    ParserGuard guard;
    yaml_parser_t &parser = guard.parser;
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char *>(text), size);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

    // Collections being read, innermost last; anchors of the current document.
    std::vector<NodeData *> open;
    std::unordered_map<std::string, const NodeData *> anchors;
    std::vector<std::string> openAnchors; // parallel to `open`: the anchor a collection registers at its end
    const NodeData *root = nullptr;

    auto fail = [&](const Mark &m, const QString &message) {
        error.line = m.is_null() ? 0 : m.line + 1;
        error.column = m.is_null() ? 0 : m.column + 1;
        error.message = message;
        return false;
    };
    auto attach = [&](const NodeData *node) {
        if (open.empty())
            root = node;
        else
            open.back()->children.push_back(node);
    };
    auto tagOf = [](const yaml_char_t *tag, bool nonPlain) {
        return tag ? std::string(reinterpret_cast<const char *>(tag)) : std::string(nonPlain ? "!" : "?");
    };

    EventGuard ev;
    for (;;) {
        if (!yaml_parser_parse(&parser, &ev.event)) {
            const Mark m = parser.error == YAML_READER_ERROR ? marks.mapByte(parser.problem_offset)
                                                             : marks.map(parser.problem_mark.index);
            return fail(m, errorText(parser));
        }
        ev.live = true;
        const yaml_event_t &e = ev.event;
        switch (e.type) {
        case YAML_STREAM_END_EVENT:
            return true;
        case YAML_DOCUMENT_START_EVENT:
            anchors.clear();
            root = nullptr;
            break;
        case YAML_DOCUMENT_END_EVENT:
            documents.push_back(root ? Node(root) : Node());
            break;
        case YAML_ALIAS_EVENT: {
            const auto it = anchors.find(reinterpret_cast<const char *>(e.data.alias.anchor));
            if (it == anchors.end())
                return fail(marks.map(e.start_mark.index), QStringLiteral("the referenced anchor is not defined"));
            attach(it->second);
            break;
        }
        case YAML_SCALAR_EVENT: {
            NodeData &n = arena.add();
            const auto *value = reinterpret_cast<const char *>(e.data.scalar.value);
            const size_t length = e.data.scalar.length;
            const bool plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
            const bool empty = plain && length == 0 && !e.data.scalar.tag && !e.data.scalar.anchor;
            n.mark = empty ? marks.nextToken(e.start_mark.index) : marks.map(e.start_mark.index);
            if (plain && !e.data.scalar.tag && isNullText(value, length)) {
                n.type = NodeType::Null;
            } else {
                n.type = NodeType::Scalar;
                n.scalar.assign(value, length);
            }
            n.tag = tagOf(e.data.scalar.tag, !plain);
            if (e.data.scalar.anchor)
                anchors[reinterpret_cast<const char *>(e.data.scalar.anchor)] = &n;
            attach(&n);
            break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
            const bool map = e.type == YAML_MAPPING_START_EVENT;
            if (open.size() >= size_t(kMaxDepth))
                return fail(marks.map(e.start_mark.index),
                            QStringLiteral("nested deeper than %1 levels").arg(kMaxDepth));
            NodeData &n = arena.add();
            n.type = map ? NodeType::Map : NodeType::Sequence;
            n.mark = marks.map(e.start_mark.index);
            const yaml_char_t *tag = map ? e.data.mapping_start.tag : e.data.sequence_start.tag;
            const yaml_char_t *anchor = map ? e.data.mapping_start.anchor : e.data.sequence_start.anchor;
            n.tag = tagOf(tag, false);
            open.push_back(&n);
            // Registered when the collection ends, so that it can never contain itself.
            openAnchors.emplace_back(anchor ? reinterpret_cast<const char *>(anchor) : "");
            break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: {
            NodeData *n = open.back();
            open.pop_back();
            if (!openAnchors.back().empty())
                anchors[openAnchors.back()] = n;
            openAnchors.pop_back();
            if (duplicates && n->type == NodeType::Map)
                noteDuplicateKeys(*n, *duplicates);
            attach(n);
            break;
        }
        default:
            break;
        }
        ev.release();
    }
}

} // namespace meshscope::ytree
