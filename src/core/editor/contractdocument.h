#pragma once

#include "model/diagnostic.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

/// The text of one contract being edited, with minimal textual edits of single values (so that
/// formatting, comments, key order and keys the form does not know stay as they were) and
/// validation against the ODCS rules. No Qt Quick: the editor view and the unit tests share it.
namespace meshscope::editor {

/// A place in the YAML tree: keys of mappings and indexes ("0", "1", ...) of sequences,
/// e.g. {"schema", "0", "properties", "2", "logicalType"}.
using YamlPath = QStringList;

/// One problem found in the text, with its YAML line (1-based, 0 unknown) and, when known, the
/// path of the field it is about so the form can show it beside that field.
struct EditorProblem {
    Diagnostic::Severity severity = Diagnostic::Severity::Error;
    int line = 0;
    QString path; ///< dotted, e.g. "schema.0.properties.2.logicalType"; "" when not tied to a field
    QString message;
};

/// Rewrites the scalar at `path` to `value`, or adds `key: value` to the mapping that should hold it
/// when the key is missing (the mapping itself must exist). Every other byte is kept. nullopt with
/// `error` when the path does not lead to a scalar or a mapping, or the text does not parse.
std::optional<QString> setScalar(const QString &text, const YamlPath &path, const QString &value, QString *error);

/// Sets the string at `path` to `value` (the value itself, not YAML) the way the text already writes it:
/// a block scalar (`|` or `>`, with its indentation) stays one, its chomping indicator following the
/// value's trailing line breaks; a plain or quoted value stays on its line (see yamlScalar()); a value of
/// several lines for a plain, quoted, empty or missing one becomes a literal block. The result must read
/// back as `value` at `path` with both YAML parsers (the editor's yaml-cpp and the importers' libyaml),
/// else the next faithful way is taken (folded, literal, quoted) or, when none reads back, nullopt with
/// `error`. Every byte outside the value's lines is kept; the same value gives the text unchanged.
std::optional<QString> setValue(const QString &text, const YamlPath &path, const QString &value, QString *error);

/// Appends a mapping to the list at `listPath`, written in block style at the list's indentation, with
/// `entries` as its keys in order (values as YAML scalars, see yamlScalar()). An empty inline list (`[]`)
/// becomes a block list. Every other byte is kept. nullopt with `error` when `listPath` is no list or
/// is a non-empty inline one.
std::optional<QString> appendListItem(const QString &text, const YamlPath &listPath,
                                      const std::vector<std::pair<QString, QString>> &entries, QString *error);

/// The scalar at `path` as text; nullopt when absent or not a scalar.
std::optional<QString> scalarAt(const QString &text, const YamlPath &path);

/// `value` written as a YAML scalar: plain when it reads back as the same string, quoted otherwise.
/// `typed` values (true/false/numbers) are written plain.
QString yamlScalar(const QString &value, bool typed = false);

/// Whether `value` would read as a number, boolean or null when written plain.
bool readsAsNonString(const QString &value);

/// Problems of the text: YAML syntax, the importers' diagnostics (what a sync would say) and the
/// ODCS checks the importers do not make (required top-level keys, status and logicalType enums,
/// boolean flags, unique property names, quality rules' references to existing properties).
std::vector<EditorProblem> validate(const QString &file, const QString &text);

/// The allowed values the editor offers, from the ODCS v3 schema.
const QStringList &odcsStatuses();
const QStringList &odcsLogicalTypes();

/// Snapshots of the text for undo/redo across both views (a form edit and a YAML edit are both
/// text changes). Consecutive typing in the same place can be merged into one step.
class EditHistory {
public:
    explicit EditHistory(QString initial = {});

    const QString &current() const { return m_steps[m_index]; }
    /// Records `text` as a new step (drops the redo tail). `mergeKey` non-empty and equal to the
    /// previous step's: replaces that step instead (typing in one field is one undo step).
    /// Returns false when `text` equals the current text (nothing recorded).
    bool push(const QString &text, const QString &mergeKey = {});
    bool canUndo() const { return m_index > 0; }
    bool canRedo() const { return m_index + 1 < int(m_steps.size()); }
    bool undo();
    bool redo();
    /// Forgets the history, keeping `text` as the only step (after opening or saving).
    void reset(const QString &text);
    int size() const { return int(m_steps.size()); }

private:
    std::vector<QString> m_steps;
    std::vector<QString> m_keys;
    int m_index = 0;
};

} // namespace meshscope::editor
