#include "textwriter.h"

#include <charconv>
#include <cstdio>

namespace meshscope::generate {

namespace {

/// Characters a plain YAML scalar may hold anywhere, as a table: this runs for every value
/// written, and in debug builds a table lookup is much cheaper than a chain of comparisons.
struct PlainSafeTable {
    bool safe[256] = {};
    constexpr PlainSafeTable()
    {
        for (int c = 'a'; c <= 'z'; ++c)
            safe[c] = true;
        for (int c = 'A'; c <= 'Z'; ++c)
            safe[c] = true;
        for (int c = '0'; c <= '9'; ++c)
            safe[c] = true;
        for (char c : {'_', '-', '.', ' ', '/', '@', '(', ')'})
            safe[static_cast<unsigned char>(c)] = true;
    }
};
constexpr PlainSafeTable kPlainSafe;

/// Words YAML 1.1 (yaml-cpp) or 1.2 would read as booleans or null, compared case-insensitively.
bool isReservedWord(std::string_view v)
{
    if (v.size() > 5)
        return false;
    static const std::string_view words[] = {"true", "false", "yes", "no", "on", "off", "y", "n",
                                             "null", "~"};
    for (std::string_view w : words) {
        if (w.size() != v.size())
            continue;
        bool same = true;
        for (size_t i = 0; i < w.size() && same; ++i) {
            const char c = v[i] >= 'A' && v[i] <= 'Z' ? static_cast<char>(v[i] - 'A' + 'a') : v[i];
            same = c == w[i];
        }
        if (same)
            return true;
    }
    return false;
}

bool needsQuotes(std::string_view v)
{
    if (v.empty() || isReservedWord(v))
        return true;
    const char first = v.front();
    // Digits, signs and dots could read as numbers ("1.0", "-5", ".5"); '@' and '-' start
    // other YAML constructs; trailing blanks would be lost.
    if ((first >= '0' && first <= '9') || first == '-' || first == '.' || first == '+' || first == '@'
        || first == ' ' || v.back() == ' ')
        return true;
    for (const char *p = v.data(), *end = p + v.size(); p != end; ++p)
        if (!kPlainSafe.safe[static_cast<unsigned char>(*p)])
            return true;
    return false;
}

bool needsEscape(char c)
{
    return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
}

void appendEscaped(std::string &out, std::string_view text)
{
    // Copy runs of ordinary characters in one go: this is the generator's innermost loop.
    const char *start = text.data();
    const char *const end = start + text.size();
    for (const char *p = start; p != end; ++p) {
        const char c = *p;
        if (!needsEscape(c))
            continue;
        out.append(start, static_cast<size_t>(p - start));
        start = p + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default: {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
            out += buf;
        }
        }
    }
    out.append(start, static_cast<size_t>(end - start));
}

/// Shortest round-trip form; std::to_chars ignores the C locale, unlike printf ("99,9").
void appendReal(std::string &out, double value)
{
    char buf[32];
    const auto result = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, result.ptr);
}

} // namespace

void YamlWriter::appendScalar(std::string &out, std::string_view value)
{
    if (!needsQuotes(value)) {
        out += value;
        return;
    }
    out += '"';
    appendEscaped(out, value);
    out += '"';
}

void YamlWriter::startLine()
{
    if (m_dash) {
        m_out.append(static_cast<size_t>(m_indent - 2), ' ');
        m_out += "- ";
        m_dash = false;
    } else {
        m_out.append(static_cast<size_t>(m_indent), ' ');
    }
}

void YamlWriter::field(std::string_view key, std::string_view value)
{
    startLine();
    m_out += key;
    m_out += ": ";
    appendScalar(m_out, value);
    m_out += '\n';
}

void YamlWriter::number(std::string_view key, long long value)
{
    startLine();
    m_out += key;
    m_out += ": ";
    m_out += std::to_string(value);
    m_out += '\n';
}

void YamlWriter::real(std::string_view key, double value)
{
    startLine();
    m_out += key;
    m_out += ": ";
    appendReal(m_out, value);
    m_out += '\n';
}

void YamlWriter::boolean(std::string_view key, bool value)
{
    startLine();
    m_out += key;
    m_out += value ? ": true\n" : ": false\n";
}

void YamlWriter::list(std::string_view key, const std::vector<std::string> &values)
{
    startLine();
    m_out += key;
    m_out += ": [";
    for (size_t i = 0; i < values.size(); ++i) {
        if (i)
            m_out += ", ";
        // Inside a flow list ',' '[' ']' are special too; the quoting rule already covers them.
        appendScalar(m_out, values[i]);
    }
    m_out += "]\n";
}

void YamlWriter::key(std::string_view key)
{
    startLine();
    m_out += key;
    m_out += ":\n";
}

void JsonWriter::appendString(std::string &out, std::string_view text)
{
    out += '"';
    appendEscaped(out, text);
    out += '"';
}

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.empty()) {
        if (!m_first.back())
            m_out += ',';
        m_first.back() = 0;
    }
}

void JsonWriter::beginObject()
{
    separate();
    m_out += '{';
    m_first.push_back(1);
}

void JsonWriter::endObject()
{
    m_out += '}';
    m_first.pop_back();
}

void JsonWriter::beginArray()
{
    separate();
    m_out += '[';
    m_first.push_back(1);
}

void JsonWriter::endArray()
{
    m_out += ']';
    m_first.pop_back();
}

void JsonWriter::key(std::string_view name)
{
    separate();
    appendString(m_out, name);
    m_out += ':';
    m_afterKey = true;
}

void JsonWriter::value(std::string_view text)
{
    separate();
    appendString(m_out, text);
}

void JsonWriter::value(long long number)
{
    separate();
    m_out += std::to_string(number);
}

void JsonWriter::real(double number)
{
    separate();
    appendReal(m_out, number);
}

void JsonWriter::boolean(bool flag)
{
    separate();
    m_out += flag ? "true" : "false";
}

void JsonWriter::null()
{
    separate();
    m_out += "null";
}

void JsonWriter::stringArray(std::string_view name, const std::vector<std::string> &values)
{
    key(name);
    beginArray();
    for (const std::string &v : values)
        value(v);
    endArray();
}

void JsonWriter::emptyObject(std::string_view name)
{
    key(name);
    separate();
    m_out += "{}";
}

void JsonWriter::emptyArray(std::string_view name)
{
    key(name);
    separate();
    m_out += "[]";
}

} // namespace meshscope::generate
