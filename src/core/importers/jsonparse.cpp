#include "jsonsupport.h"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <utility>

// The text side of jsonsupport: parsing into a tree, and finding places (line, column) in the text.
namespace meshscope::jsonsupport {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/// The index of the quote closing the string that opens at `open` (escaped quotes skipped), or -1.
qsizetype closingQuote(const char *data, qsizetype size, qsizetype open)
{
    qsizetype end = open + 1;
    for (;;) {
        const void *quote = std::memchr(data + end, '"', size_t(size - end));
        if (!quote)
            return -1;
        end = static_cast<const char *>(quote) - data;
        qsizetype backslashes = 0;
        while (end - 1 - backslashes > open && data[end - 1 - backslashes] == '\\')
            ++backslashes;
        if (backslashes % 2 == 0)
            return end;
        ++end;
    }
}

/// nlohmann's message without its "[json.exception...] parse error at line 1, column 2: " prefix,
/// which repeats what the diagnostic already says (and with positions relative to an NDJSON line).
QString cleanParseMessage(const char *what)
{
    std::string text(what);
    const size_t column = text.find("column ");
    if (column != std::string::npos) {
        const size_t colon = text.find(": ", column);
        if (colon != std::string::npos)
            text.erase(0, colon + 2);
    } else if (text.rfind("[json.exception.", 0) == 0) {
        const size_t close = text.find("] ");
        if (close != std::string::npos)
            text.erase(0, close + 2);
    }
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace

TextPosition positionOf(const char *data, qsizetype size, qsizetype offset)
{
    if (offset < 0)
        return {};
    offset = std::min(offset, size);
    int line = 1;
    qsizetype lineStart = 0;
    const char *p = data;
    const char *end = data + offset;
    while (p < end) {
        const void *nl = std::memchr(p, '\n', size_t(end - p));
        if (!nl)
            break;
        p = static_cast<const char *>(nl) + 1;
        ++line;
        lineStart = p - data;
    }
    return {line, int(offset - lineStart) + 1};
}

Shape scanShape(const char *data, qsizetype size, int maxDepth, bool collectRootElements)
{
    Shape shape;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    bool expectElement = false;
    auto noteElement = [&](qsizetype at) {
        if (expectElement && depth == 1) {
            if (collectRootElements)
                shape.rootElements.push_back(at);
            expectElement = false;
        }
    };
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (shape.firstValueEnd >= 0) {
            if (!isBlank(c)) {
                shape.moreAfterFirst = true;
                break;
            }
            continue;
        }
        switch (c) {
        case '"':
            noteElement(i);
            inString = true;
            break;
        case '{':
        case '[':
            if (depth == 0 && shape.rootKind == 0)
                shape.rootKind = c;
            noteElement(i);
            if (++depth > maxDepth) {
                shape.tooDeepAt = i;
                return shape;
            }
            if (depth == 1 && c == '[')
                expectElement = true;
            break;
        case '}':
        case ']':
            if (--depth == 0)
                shape.firstValueEnd = i + 1;
            if (depth < 0)
                return shape; // unbalanced: the parser will say where
            expectElement = false;
            break;
        case ',':
            if (depth == 1 && shape.rootKind == '[')
                expectElement = true;
            break;
        default:
            if (!isBlank(c))
                noteElement(i);
            break;
        }
    }
    return shape;
}
namespace {

/// Repeated keys reported per document: a generated file repeating one everywhere needs no thousand lines.
constexpr size_t kMaxDuplicateReports = 10;

/// Builds the tree from nlohmann's SAX events, like its own DOM parser, but stops past kMaxDepth
/// (without recursion either way), drops skipped values and records key order where asked.
class DomBuilder
{
public:
    DomBuilder(Json &root, const ParseOptions &options)
        : m_root(root)
        , m_options(options)
    {
        m_stack.reserve(64);
    }

    bool null() { return add(Json(nullptr)); }
    bool boolean(bool v) { return add(Json(v)); }
    bool number_integer(Json::number_integer_t v) { return add(Json(v)); }
    bool number_unsigned(Json::number_unsigned_t v) { return add(Json(v)); }
    bool number_float(Json::number_float_t v, const Json::string_t &) { return add(Json(v)); }
    bool string(Json::string_t &v) { return add(Json(std::move(v))); }
    bool binary(Json::binary_t &v) { return add(Json::binary(std::move(v))); }
    bool start_object(std::size_t) { return open(Json::value_t::object); }
    bool start_array(std::size_t) { return open(Json::value_t::array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(Json::string_t &k)
    {
        if (m_skipped > 0)
            return true;
        if (m_options.skip && m_options.skip(m_stack.size(), k)) {
            m_skipNext = true;
            return true;
        }
        Frame &top = m_stack.back();
        if (top.order)
            top.order->push_back(k);
        m_keyIsOrdered = m_options.keyOrder && k == m_options.keyOrder->key;
        // A repeated key overwrites (the last value wins, as in nlohmann's own parser and most JSON
        // readers) and is noted, for a warning naming both places.
        const auto [it, inserted] = top.value->get_ref<Json::object_t &>().emplace(k, nullptr);
        if (!inserted && m_duplicates.size() < kMaxDuplicateReports
            && std::find(m_duplicates.begin(), m_duplicates.end(), k) == m_duplicates.end())
            m_duplicates.push_back(k);
        m_element = &it->second;
        return true;
    }

    /// Keys repeated within one object (each once, at most kMaxDuplicateReports).
    const std::vector<std::string> &duplicates() const { return m_duplicates; }

    bool parse_error(std::size_t position, const std::string &, const Json::exception &e)
    {
        m_errorPosition = position;
        m_errorMessage = e.what();
        return false;
    }

    bool tooDeep() const { return m_tooDeep; }
    std::size_t errorPosition() const { return m_errorPosition; }
    const std::string &errorMessage() const { return m_errorMessage; }

private:
    struct Frame {
        Json *value;
        std::vector<std::string> *order;
    };

    Json *place(Json &&v)
    {
        if (m_stack.empty()) {
            m_root = std::move(v);
            return &m_root;
        }
        Json &parent = *m_stack.back().value;
        if (parent.is_array()) {
            parent.push_back(std::move(v));
            return &parent.back();
        }
        *m_element = std::move(v);
        return m_element;
    }

    bool add(Json &&v)
    {
        if (m_skipped == 0 && !std::exchange(m_skipNext, false))
            place(std::move(v));
        return true;
    }

    bool open(Json::value_t type)
    {
        if (m_stack.size() + size_t(m_skipped) >= size_t(kMaxDepth)) {
            m_tooDeep = true;
            return false;
        }
        if (m_skipped > 0 || std::exchange(m_skipNext, false)) {
            ++m_skipped;
            return true;
        }
        const bool ordered = m_keyIsOrdered && m_arrays == 0 && type == Json::value_t::object
            && !m_stack.empty() && m_stack.back().value->is_object();
        Json *value = place(Json(type));
        std::vector<std::string> *order = ordered ? &m_options.keyOrder->orders[value] : nullptr;
        m_stack.push_back({value, order});
        if (type == Json::value_t::array)
            ++m_arrays;
        m_keyIsOrdered = false;
        return true;
    }

    bool close()
    {
        if (m_skipped > 0) {
            --m_skipped;
            return true;
        }
        if (m_stack.back().value->is_array())
            --m_arrays;
        m_stack.pop_back();
        m_keyIsOrdered = false;
        return true;
    }

    Json &m_root;
    const ParseOptions &m_options;
    std::vector<Frame> m_stack;
    Json *m_element = nullptr;
    int m_arrays = 0;
    int m_skipped = 0;       ///< depth inside a value being dropped
    bool m_skipNext = false; ///< the next value belongs to a skipped key
    bool m_keyIsOrdered = false;
    bool m_tooDeep = false;
    std::size_t m_errorPosition = 0;
    std::string m_errorMessage;
    std::vector<std::string> m_duplicates;
};

/// Byte offsets of the first key `key` that an object repeats (its first and second place), {-1, -1}
/// when not found as written (an escaped key). One pass over the text.
std::pair<qsizetype, qsizetype> repeatedKeyOffsets(const char *data, qsizetype size, std::string_view key)
{
    // Per open container: where `key` first appeared in it (objects), -1 when not yet.
    std::vector<qsizetype> firstAt;
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        if (c == '"') {
            qsizetype end = i + 1;
            while (end < size && data[end] != '"')
                end += data[end] == '\\' ? 2 : 1;
            if (end >= size)
                break;
            qsizetype next = end + 1;
            while (next < size && isBlank(data[next]))
                ++next;
            if (next < size && data[next] == ':' && !firstAt.empty()
                && std::string_view(data + i + 1, size_t(end - i - 1)) == key) {
                if (firstAt.back() >= 0)
                    return {firstAt.back(), i};
                firstAt.back() = i;
            }
            i = end;
        } else if (c == '{' || c == '[') {
            firstAt.push_back(-1);
        } else if ((c == '}' || c == ']') && !firstAt.empty()) {
            firstAt.pop_back();
        }
    }
    return {-1, -1};
}

} // namespace

bool parse(const char *data, qsizetype size, const QString &file, ImportResult &result, Json &out,
           int firstLine, const ParseOptions &options)
{
    try {
        DomBuilder builder(out, options);
        if (Json::sax_parse(data, data + size, &builder)) {
            for (const std::string &key : builder.duplicates()) {
                const auto [first, again] = repeatedKeyOffsets(data, size, key);
                const TextPosition at = positionOf(data, size, again);
                const TextPosition before = positionOf(data, size, first);
                result.warning(file, at.line > 0 ? at.line + firstLine - 1 : 0, at.column,
                               QStringLiteral("duplicate key '%1'%2; the last value is used")
                                   .arg(toQString(key),
                                        before.line > 0
                                            ? QStringLiteral(" (first on line %1)").arg(before.line + firstLine - 1)
                                            : QString()));
            }
            return true;
        }
        if (builder.tooDeep()) {
            const Shape shape = scanShape(data, size);
            const TextPosition at = positionOf(data, size, shape.tooDeepAt);
            result.error(file, at.line + firstLine - 1, at.column,
                         QStringLiteral("JSON nested deeper than %1 levels; not read").arg(kMaxDepth));
        } else {
            // The position counts the bytes read, so the offending byte sits one before it.
            const TextPosition at = positionOf(data, size, qsizetype(builder.errorPosition()) - 1);
            result.error(file, at.line + firstLine - 1, at.column,
                         QStringLiteral("JSON syntax error: ") + cleanParseMessage(builder.errorMessage().c_str()));
        }
    } catch (const std::exception &e) {
        result.error(file, firstLine, 0, QStringLiteral("JSON could not be read: ") + QString::fromUtf8(e.what()));
    }
    out = Json();
    if (options.keyOrder)
        options.keyOrder->orders.clear();
    return false;
}
std::vector<qsizetype> findKeys(const QByteArray &bytes, const std::vector<KeyQuery> &queries)
{
    std::vector<qsizetype> found(queries.size(), -1);
    std::unordered_multimap<std::string_view, size_t> wanted;
    for (size_t i = 0; i < queries.size(); ++i)
        wanted.emplace(queries[i].key, i);
    size_t remaining = queries.size();

    const char *data = bytes.constData();
    const qsizetype size = bytes.size();
    // lastKey[d]: the latest key read at depth d; owner[d]: the key whose value opened depth d.
    std::vector<std::string_view> lastKey(2);
    std::vector<std::string_view> owner(2);
    size_t depth = 0;
    for (qsizetype i = 0; i < size && remaining > 0; ++i) {
        const char c = data[i];
        if (c == '"') {
            const qsizetype end = closingQuote(data, size, i);
            if (end < 0)
                return found;
            qsizetype next = end + 1;
            while (next < size && isBlank(data[next]))
                ++next;
            if (next < size && data[next] == ':') {
                const std::string_view key(data + i + 1, size_t(end - i - 1));
                lastKey[depth] = key;
                const auto [first, last] = wanted.equal_range(key);
                for (auto it = first; it != last; ++it) {
                    const KeyQuery &q = queries[it->second];
                    if (found[it->second] < 0 && (q.depth == 0 || size_t(q.depth) == depth)
                        && (q.parent.empty() || owner[depth] == q.parent)) {
                        found[it->second] = i;
                        --remaining;
                    }
                }
            }
            i = end;
        } else if (c == '{' || c == '[') {
            ++depth;
            if (depth >= lastKey.size()) {
                lastKey.resize(depth + 1);
                owner.resize(depth + 1);
            }
            owner[depth] = c == '{' ? lastKey[depth - 1] : std::string_view();
            lastKey[depth] = {};
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        }
    }
    return found;
}

std::vector<qsizetype> arrayElementOffsets(const QByteArray &bytes, const std::vector<std::string_view> &keys)
{
    std::vector<qsizetype> out;
    const char *data = bytes.constData();
    const qsizetype size = bytes.size();
    // One frame per open container. `expect`: in an array the next value starts an element, in an
    // object the next string is a key. `onPath`: every enclosing member so far is the one `keys` names.
    struct Frame {
        bool array = false;
        bool onPath = false;
        bool expect = true;
        std::string_view key; ///< objects: the member being read
    };
    std::vector<Frame> stack;
    const size_t targetDepth = keys.size() + 1;
    auto valueStarts = [&](qsizetype at) {
        if (stack.empty() || !stack.back().array || !stack.back().expect)
            return;
        stack.back().expect = false;
        if (stack.back().onPath && stack.size() == targetDepth)
            out.push_back(at);
    };
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        if (isBlank(c))
            continue;
        if (c == '"') {
            const qsizetype end = closingQuote(data, size, i);
            if (end < 0)
                return out;
            if (!stack.empty() && !stack.back().array && stack.back().expect) {
                stack.back().key = std::string_view(data + i + 1, size_t(end - i - 1));
                stack.back().expect = false;
            } else {
                valueStarts(i);
            }
            i = end;
            continue;
        }
        switch (c) {
        case '{':
        case '[': {
            valueStarts(i);
            Frame f;
            f.array = c == '[';
            const size_t depth = stack.size();
            f.onPath = depth == 0
                || (stack.back().onPath && !stack.back().array && depth <= keys.size()
                    && stack.back().key == keys[depth - 1]);
            if (f.array && f.onPath && depth + 1 == targetDepth)
                out.clear(); // a repeated key: the last array is the one the tree holds
            stack.push_back(f);
            if (stack.size() > size_t(kMaxDepth) + 1)
                return out; // the parser refused this document already
            break;
        }
        case '}':
        case ']':
            if (stack.empty())
                return out;
            stack.pop_back();
            break;
        case ',':
            if (!stack.empty())
                stack.back().expect = true;
            break;
        case ':':
            break;
        default:
            valueStarts(i); // a number, true, false or null; its other characters start nothing
            break;
        }
    }
    return out;
}

std::vector<TextPosition> arrayElementPositions(const QByteArray &bytes, const std::vector<std::string_view> &keys)
{
    return positionsOf(bytes, arrayElementOffsets(bytes, keys));
}

std::vector<TextPosition> positionsOf(const QByteArray &bytes, const std::vector<qsizetype> &offsets)
{
    std::vector<TextPosition> positions(offsets.size());
    std::vector<size_t> order(offsets.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return offsets[a] < offsets[b]; });
    const char *data = bytes.constData();
    int line = 1;
    qsizetype lineStart = 0;
    qsizetype pos = 0;
    for (const size_t index : order) {
        const qsizetype offset = std::min(offsets[index], bytes.size());
        if (offset < 0)
            continue;
        while (pos < offset) {
            const void *nl = std::memchr(data + pos, '\n', size_t(offset - pos));
            if (!nl) {
                pos = offset;
                break;
            }
            pos = static_cast<const char *>(nl) - data + 1;
            lineStart = pos;
            ++line;
        }
        positions[index] = {line, int(offset - lineStart) + 1};
    }
    return positions;
}
} // namespace meshscope::jsonsupport
