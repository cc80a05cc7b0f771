#pragma once

#include "editor/contractdocument.h"

#include <QString>
#include <QStringList>

#include <vector>

/// The contract editor's form: the editable values of a contract's YAML as a flat list of rows
/// (section headings, group headings and fields), each field naming the YAML path it edits. Built
/// from the text on every change, so the form always shows what the text says. No Qt Quick.
namespace meshscope::editor {

struct FormRow {
    enum class Kind {
        Section,   ///< a heading: "Contract", "Schema", "Quality", ...
        Group,     ///< a sub-heading: a schema object, a property, a rule, a server, ...
        Text,      ///< one-line value
        Multiline, ///< a long or block value (descriptions, queries)
        Choice,    ///< one of `options`
        Flag,      ///< true/false
    };
    Kind kind = Kind::Text;
    QString section; ///< the section the row belongs to
    QString label;
    YamlPath path;       ///< fields only
    QString value;       ///< fields only: the scalar as read ("" when absent)
    QStringList options; ///< Choice only
    bool present = false; ///< the key is written in the text
    /// The value was written plain and reads as a number or boolean: a new value that also reads so
    /// is written plain (keeps `mustBe: 0` a number), anything else quoted.
    bool typed = false;
    int line = 0;  ///< 1-based line of the value (or of its mapping when absent); 0 unknown
    int depth = 0; ///< indentation level in the form (0 section, 1 group, 2 field of a group)
    /// Headings the form can add to: "object" (the Schema section) or "property" (a schema object,
    /// `objectIndex`); "" for the rest.
    QString adds;
    int objectIndex = -1;
};

/// The form rows of `text` (ODCS v3; DCS documents get their `info` header and models' fields).
/// A text that does not parse gives no rows.
std::vector<FormRow> buildForm(const QString &text);

/// How a field's new `value` is written into the YAML for setScalar().
QString formScalar(const FormRow &row, const QString &value);

/// The text with the field `row` set to `value`: flags and typed values (numbers, booleans) written
/// plain with setScalar(), strings with setValue() (so a block scalar stays a block scalar).
std::optional<QString> applyFormValue(const QString &text, const FormRow &row, const QString &value, QString *error);

} // namespace meshscope::editor
