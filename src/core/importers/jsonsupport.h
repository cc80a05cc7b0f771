#pragma once

#include "model/importresult.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

/// Small, defensive helpers over nlohmann::json shared by the JSON importers.
/// Nothing here throws: parsing reports errors as diagnostics with line and column, and every
/// accessor tolerates a missing key, a null or a value of the wrong type (it returns a default).
namespace meshscope::jsonsupport {

using Json = nlohmann::json;

/// Deeper documents are refused: nothing legitimate nests this far, and a bounded depth keeps
/// any recursive walk over the tree (copies, dumps, comparisons) safe.
constexpr int kMaxDepth = 512;

/// 1-based line and column of a byte offset (column counts bytes, as editors on UTF-8 do).
struct TextPosition {
    int line = 0;
    int column = 0;
};
TextPosition positionOf(const char *data, qsizetype size, qsizetype offset);
inline TextPosition positionOf(const QByteArray &bytes, qsizetype offset)
{
    return positionOf(bytes.constData(), bytes.size(), offset);
}

/// What a cheap pass over the raw bytes learns before the real parse.
struct Shape {
    qsizetype tooDeepAt = -1;       ///< byte offset where nesting passes the limit, -1 when it does not
    qsizetype firstValueEnd = -1;   ///< byte offset just past the first top-level array/object
    bool moreAfterFirst = false;    ///< non-blank text follows that first value (NDJSON, junk)
    char rootKind = 0;              ///< '{', '[' or 0 for anything else
    std::vector<qsizetype> rootElements; ///< start offsets of the root array's elements, if asked
};
Shape scanShape(const char *data, qsizetype size, int maxDepth = kMaxDepth, bool collectRootElements = false);

/// nlohmann keeps object keys sorted; where the text order matters (dbt column order) the parser
/// records it for every object stored under `key`, as long as no array encloses the object
/// (array elements move while the tree is built, so their addresses are not stable keys).
struct KeyOrder {
    std::string key;
    std::unordered_map<const Json *, std::vector<std::string>> orders;
};

struct ParseOptions {
    KeyOrder *keyOrder = nullptr;
    /// Values of keys for which this returns true are dropped while parsing (depth 1 = the root
    /// object's keys). An importer that reads a small part of a large document (dbt manifests are
    /// mostly compiled SQL and macros) saves most of the tree's memory and its teardown time.
    std::function<bool(size_t depth, std::string_view key)> skip;
};

/// Parses one JSON text. On failure adds an error with line/column (shifted by `firstLine`-1 so
/// that a line of an NDJSON file is reported at its place in the file) and returns false.
/// Refuses documents nested deeper than kMaxDepth. Never throws.
bool parse(const char *data, qsizetype size, const QString &file, ImportResult &result, Json &out,
           int firstLine = 1, const ParseOptions &options = {});
inline bool parse(const QByteArray &bytes, const QString &file, ImportResult &result, Json &out,
                  const ParseOptions &options = {})
{
    return parse(bytes.constData(), bytes.size(), file, result, out, 1, options);
}

QString toQString(const std::string &s);

/// obj[key] when obj is an object holding a non-null `key`; nullptr otherwise.
const Json *member(const Json &obj, const char *key);
/// Same, but only when the value is an object / an array.
const Json *objectMember(const Json &obj, const char *key);
const Json *arrayMember(const Json &obj, const char *key);
/// Walks nested objects: path({"config", "meta"}) -> obj.config.meta or nullptr.
const Json *path(const Json &obj, std::initializer_list<const char *> keys);

/// Text of a scalar: strings as they are, numbers and booleans as JSON writes them, else empty.
QString scalarText(const Json &value);
/// scalarText(obj[key]); empty when absent, null, or an array/object.
QString str(const Json &obj, const char *key);
/// obj[key] as bool; `fallback` when absent or not a boolean ("true"/"false" strings accepted).
bool boolean(const Json &obj, const char *key, bool fallback = false);
/// An array of scalars (non-scalars skipped), or a single scalar, as strings.
QStringList stringList(const Json &obj, const char *key);

/// Whether obj[key] is present, not null and not of the expected kind: the cue for a warning.
bool wrongType(const Json &obj, const char *key, Json::value_t expected);
/// "object", "array", "string", ... for messages.
QString typeName(const Json &value);

/// ISO-8601 date-time: "2024-05-01T10:00:00Z", with or without fractional seconds (any number
/// of digits), with "Z", "+02:00", "+0200", "+02" or no offset (read as UTC); a space may stand
/// for the "T". Returns a UTC QDateTime, or an invalid one when the text is not such a time.
QDateTime parseIsoDateTime(QStringView text);

/// A key to look for in the text, to place a diagnostic about an entry near where it is written.
struct KeyQuery {
    std::string key;
    std::string parent; ///< the key whose object holds it, e.g. "nodes"; empty for any
    int depth = 0;      ///< 1 for the root object's own keys, 2 for theirs, ...; 0 for any depth
};
/// Byte offset of the first `"key":` matching each query, -1 when absent. One pass over the
/// text for all queries, so a file with thousands of problems costs no more than with one.
std::vector<qsizetype> findKeys(const QByteArray &bytes, const std::vector<KeyQuery> &queries);
/// Byte offsets where the elements of one array start: the array reached from the root through the
/// object members `keys` ({"results"} for run_results.json, {} for a root array). A repeated key counts
/// as the tree counts it (the last one wins). Empty when there is no such array. One pass, no tree:
/// how an importer walking the parsed tree gives each element's diagnostics that element's line.
std::vector<qsizetype> arrayElementOffsets(const QByteArray &bytes, const std::vector<std::string_view> &keys);
/// positionsOf(arrayElementOffsets(...)): the line and column of each element.
std::vector<TextPosition> arrayElementPositions(const QByteArray &bytes, const std::vector<std::string_view> &keys);
/// The position of element `index` (0-based), {0, 0} when out of range.
inline TextPosition elementPosition(const std::vector<TextPosition> &positions, size_t index)
{
    return index < positions.size() ? positions[index] : TextPosition{};
}
/// Line and column of many byte offsets in one pass; a negative offset gives {0, 0}.
std::vector<TextPosition> positionsOf(const QByteArray &bytes, const std::vector<qsizetype> &offsets);

} // namespace meshscope::jsonsupport
