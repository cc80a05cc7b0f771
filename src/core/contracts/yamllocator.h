#pragma once

#include <QString>
#include <QStringList>

#include <memory>

/// Finds where a semantic change path (`schema.orders.properties.customer_id.logicalType`) sits in
/// the original YAML text of a contract, so the Contracts area can link each change to its lines.
/// It walks the document itself, not the importer's model: the model has no places, and a path
/// names ODCS keys and natural keys (name, property, server, role, username, id, channel) that the
/// YAML spells the same way. DCS documents are followed through their own names (models, fields,
/// servicelevels).
namespace meshscope::diff {

/// Lines [first, last], 0-based. `exact` is false when only a parent of the path was found (the
/// field is absent on this side: added, removed, or spelt differently).
struct LineRange {
    int first = -1;
    int last = -1;
    bool exact = false;
    bool isValid() const { return first >= 0; }
};

class YamlLocator {
public:
    /// Parses `text`; a document that does not parse locates nothing (every range is invalid).
    explicit YamlLocator(const QString &text);
    ~YamlLocator();
    YamlLocator(YamlLocator &&) noexcept;
    YamlLocator &operator=(YamlLocator &&) noexcept;

    bool isValid() const;
    /// The lines of the deepest node of `path` the document has.
    LineRange locate(const QString &path) const;

    /// "a.b[c.d].e" -> {"a", "b", "c.d", "e"} (the inverse of diff::pathSegment joins).
    static QStringList splitPath(const QString &path);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace meshscope::diff
