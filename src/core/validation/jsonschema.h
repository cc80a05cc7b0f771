#pragma once

#include "importers/yamltree.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

/// @brief JSON Schema validation of a YAML document tree, with places and plain-language messages.
///
/// Our own small validator rather than a library: Debian 12's valijson 1.0 knows drafts 3, 4 and 7 only.
/// It drops `unevaluatedProperties` (the ODCS 3.1 schema closes servers, schema objects and properties with
/// it, so unknown keys there would go unseen), ignores every keyword beside a `$ref` (draft 7 rule; ODCS
/// 3.1 writes `"$ref": …, "required": ["name"]`), and its errors carry an English sentence with no keyword
/// and no failing subschema, so "must be one of string, date, …" cannot be said. This one implements what
/// the pinned schemas use, for draft-07 and 2019-09: type, enum, const, required, properties,
/// patternProperties, additionalProperties, unevaluatedProperties, propertyNames, dependentRequired,
/// items, contains, min/maxItems, uniqueItems, min/maxLength, pattern, min/max(imum), exclusive*, allOf,
/// anyOf, oneOf, not, if/then/else and `$ref` (local JSON pointers; with siblings in 2019-09, alone in
/// draft 7). `format` is an annotation only, as 2019-09 says by default. YAML scalars are typed as YAML 1.2's
/// core schema does (a quoted scalar is a string; plain `true`, `12`, `1.5`, `~` are not).
namespace meshscope::validation {

struct SchemaProblem {
    enum class Level { Error, Warning };
    Level level = Level::Error;
    QString pointer; ///< JSON pointer of the value in the document ("/schema/0/properties/1/logicalType")
    QString keyword; ///< the schema keyword that failed ("enum", "required", ...)
    QString message; ///< for a product owner: "`logicalType` must be one of string, date, …; got `strang`"
    int line = 0;    ///< 1-based, 0 when unknown
    int column = 0;
};

class JsonSchema {
public:
    /// Compiles a schema document; on failure returns nullptr and says why in `error`.
    static std::unique_ptr<JsonSchema> compile(const QByteArray &json, QString *error = nullptr);
    ~JsonSchema();
    JsonSchema(const JsonSchema &) = delete;
    JsonSchema &operator=(const JsonSchema &) = delete;

    /// Appends every problem of `document` to `out`. Thread-safe: a compiled schema is never modified.
    void validate(const ytree::Node &document, std::vector<SchemaProblem> &out) const;

    /// Property names the schema knows at the top level (for messages elsewhere).
    std::vector<std::string> topLevelProperties() const;

    struct Impl;

private:
    JsonSchema();
    std::unique_ptr<Impl> d;
};

/// Levenshtein distance, capped: returns `cap + 1` as soon as the distance exceeds `cap`.
int editDistance(const std::string &a, const std::string &b, int cap);

} // namespace meshscope::validation
