#pragma once

#include <string>
#include <string_view>
#include <vector>

/// Minimal streaming writers for the generator's output. Hand-rolled rather than built on a DOM
/// (yaml-cpp, QJsonDocument) because a 10,000-product mesh must be written in a couple of seconds
/// and the key order must be fixed for byte-identical output.
namespace meshscope::generate {

/// @brief Block-style YAML: maps, sequences of maps ("- key: value") and flow lists of scalars.
/// Scalars are quoted only when plain style could be misread (numbers, booleans, ':' etc.).
class YamlWriter {
public:
    /// `key: value` with the value quoted when needed.
    void field(std::string_view key, std::string_view value);
    /// `key: 42` / `key: 99.5` / `key: true`: unquoted numbers and booleans.
    void number(std::string_view key, long long value);
    void real(std::string_view key, double value);
    void boolean(std::string_view key, bool value);
    /// `key: [a, b, c]`.
    void list(std::string_view key, const std::vector<std::string> &values);
    /// `key:` opening a nested map or sequence; follow with beginMap/beginItem.
    void key(std::string_view key);

    /// Enters a nested map (after key()).
    void beginMap() { m_indent += 2; }
    void endMap() { m_indent -= 2; }
    /// Starts one item of a sequence of maps (after key()); the next key gets the "- " prefix.
    void beginItem()
    {
        m_indent += 2;
        m_dash = true;
    }
    void endItem() { m_indent -= 2; }

    const std::string &text() const { return m_out; }
    std::string take() { return std::move(m_out); }
    void reserve(size_t bytes) { m_out.reserve(bytes); }

    /// The scalar as YAML would read it back unchanged: plain when safe, else double-quoted.
    static void appendScalar(std::string &out, std::string_view value);

private:
    void startLine();

    std::string m_out;
    int m_indent = 0;
    bool m_dash = false;
};

/// @brief Compact JSON written in call order. Commas are managed by a stack of "first" flags.
class JsonWriter {
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    /// An object member's name; the next value call writes its value.
    void key(std::string_view name);

    void value(std::string_view text);
    void value(const char *text) { value(std::string_view(text)); }
    void value(const std::string &text) { value(std::string_view(text)); }
    void value(long long number);
    void value(int number) { value(static_cast<long long>(number)); }
    void real(double number);
    void boolean(bool flag);
    void null();

    /// Shorthands for `key(name); value(v);`.
    template<typename T>
    void field(std::string_view name, const T &v)
    {
        key(name);
        value(v);
    }
    /// `name: [values...]` of strings.
    void stringArray(std::string_view name, const std::vector<std::string> &values);
    /// `name: {}` or `name: []`.
    void emptyObject(std::string_view name);
    void emptyArray(std::string_view name);

    /// Ends the current line (NDJSON): only valid between top-level values.
    void newline() { m_out += '\n'; }

    const std::string &text() const { return m_out; }
    std::string take() { return std::move(m_out); }
    void reserve(size_t bytes) { m_out.reserve(bytes); }

    static void appendString(std::string &out, std::string_view text);

private:
    void separate();

    std::string m_out;
    std::vector<char> m_first; // not vector<bool>: its proxy references are slow in debug builds
    bool m_afterKey = false;
};

} // namespace meshscope::generate
