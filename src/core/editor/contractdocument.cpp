#include "editor/contractdocument.h"
#include "editor/yamltext.h"

#include "importers/importer.h"
#include "validation/lint.h"

#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <string>

namespace meshscope::editor {

namespace yamltext {

/// Parses `text`; nullopt with the parser's message (and 1-based line) on a syntax error.
std::optional<YAML::Node> parse(const std::string &text, QString *error, int *line)
{
    try {
        return YAML::Load(text);
    } catch (const YAML::Exception &e) {
        if (error)
            *error = QString::fromStdString(e.msg);
        if (line)
            *line = e.mark.line >= 0 ? e.mark.line + 1 : 0;
        return std::nullopt;
    }
}

/// The child of `node` named by one path step; undefined when absent.
YAML::Node child(const YAML::Node &node, const QString &step)
{
    if (node.IsSequence()) {
        bool ok = false;
        const int index = step.toInt(&ok);
        if (!ok || index < 0 || index >= int(node.size()))
            return YAML::Node(YAML::NodeType::Undefined);
        return node[index];
    }
    if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it->first.IsScalar() && QString::fromStdString(it->first.Scalar()) == step)
                return it->second;
        }
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

/// The node at `path` below `node`. Recursive on purpose: assigning a YAML::Node to another rebinds
/// the node it referred to, so a walking loop (`node = child(...)`) would rewrite the tree it walks.
YAML::Node walk(const YAML::Node &node, const YamlPath &path, qsizetype from)
{
    if (from == path.size() || !node.IsDefined())
        return node;
    return walk(child(node, path[from]), path, from + 1);
}

/// The key node of `step` in the mapping `map` (for its mark), undefined when absent.
YAML::Node keyNode(const YAML::Node &map, const QString &step)
{
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it->first.IsScalar() && QString::fromStdString(it->first.Scalar()) == step)
            return it->first;
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

size_t lineStart(const std::string &s, size_t pos)
{
    const size_t nl = pos == 0 ? std::string::npos : s.rfind('\n', pos - 1);
    return nl == std::string::npos ? 0 : nl + 1;
}

size_t lineEnd(const std::string &s, size_t pos)
{
    const size_t nl = s.find('\n', pos);
    return nl == std::string::npos ? s.size() : nl;
}

/// Indentation of the line starting at `start`; -1 for blank and comment-only lines.
int indentOf(const std::string &s, size_t start)
{
    size_t i = start;
    while (i < s.size() && s[i] == ' ')
        ++i;
    if (i >= s.size() || s[i] == '\n' || s[i] == '\r' || s[i] == '#')
        return -1;
    return int(i - start);
}

/// Where the scalar written at `pos` ends (exclusive), keeping a trailing comment outside.
size_t scalarEnd(const std::string &s, size_t pos)
{
    const char c = s[pos];
    if (c == '"') {
        for (size_t i = pos + 1; i < s.size(); ++i) {
            if (s[i] == '\\')
                ++i;
            else if (s[i] == '"')
                return i + 1;
        }
        return s.size();
    }
    if (c == '\'') {
        for (size_t i = pos + 1; i < s.size(); ++i) {
            if (s[i] == '\'') {
                if (i + 1 < s.size() && s[i + 1] == '\'')
                    ++i;
                else
                    return i + 1;
            }
        }
        return s.size();
    }
    if (c == '|' || c == '>') {
        // A block scalar: its lines are those indented deeper than the line holding the key.
        const int keyIndent = indentOf(s, lineStart(s, pos));
        size_t end = lineEnd(s, pos);
        size_t next = end + 1;
        while (next < s.size()) {
            const int indent = indentOf(s, next);
            const size_t e = lineEnd(s, next);
            if (indent >= 0 && indent <= keyIndent)
                break;
            if (indent > keyIndent)
                end = e;
            next = e + 1;
        }
        return end;
    }
    size_t end = lineEnd(s, pos);
    const size_t comment = s.find(" #", pos);
    if (comment != std::string::npos && comment < end)
        end = comment;
    while (end > pos && (s[end - 1] == ' ' || s[end - 1] == '\r'))
        --end;
    return end;
}

bool readsAsOtherType(const QString &v)
{
    static const QRegularExpression number(QStringLiteral("^[-+]?(\\d[\\d_]*)?(\\.\\d*)?([eE][-+]?\\d+)?$"));
    static const QSet<QString> words{"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"};
    return words.contains(v.toLower()) || (number.match(v).hasMatch() && v != u"." && v != u"-" && v != u"+");
}

} // namespace yamltext

using namespace yamltext;

bool readsAsNonString(const QString &value)
{
    return readsAsOtherType(value);
}

QString yamlScalar(const QString &value, bool typed)
{
    if (typed)
        return value;
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_/][A-Za-z0-9_ .,/@()+=-]*$"));
    if (!value.isEmpty() && !value.endsWith(u' ') && plain.match(value).hasMatch() && !readsAsOtherType(value))
        return value;
    // Double-quoted with escapes for whatever a parser would read otherwise: line breaks (YAML 1.1
    // parsers such as libyaml also break at NEL, LS and PS), tabs and other control characters.
    QString out;
    for (const QChar c : value) {
        switch (c.unicode()) {
        case u'\\': out += QStringLiteral("\\\\"); break;
        case u'"': out += QStringLiteral("\\\""); break;
        case u'\n': out += QStringLiteral("\\n"); break;
        case u'\r': out += QStringLiteral("\\r"); break;
        case u'\t': out += QStringLiteral("\\t"); break;
        case 0x85: out += QStringLiteral("\\u0085"); break; // not \N: yaml-cpp 0.7 reads it as a lone byte
        case 0x2028: out += QStringLiteral("\\u2028"); break;
        case 0x2029: out += QStringLiteral("\\u2029"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return u'"' + out + u'"';
}

std::optional<QString> scalarAt(const QString &text, const YamlPath &path)
{
    const auto root = parse(text.toStdString(), nullptr);
    if (!root)
        return std::nullopt;
    const YAML::Node node = walk(*root, path);
    if (!node.IsDefined() || !node.IsScalar())
        return std::nullopt;
    return QString::fromStdString(node.Scalar());
}

std::optional<QString> yamltext::writeScalar(std::string s, const YAML::Node &root, const YamlPath &path, const QString &value,
                                   QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<QString> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const YAML::Node parent = walk(root, path.mid(0, path.size() - 1));
    const QString key = path.last();
    const QString dotted = path.join(u'.');
    if (!parent.IsDefined())
        return fail(QStringLiteral("%1: the enclosing element does not exist").arg(dotted));
    const std::string written = value.toStdString();
    const YAML::Node node = child(parent, key);
    if (node.IsDefined() && node.IsScalar() && node.Mark().pos >= 0 && !node.Scalar().empty()) {
        const size_t pos = size_t(node.Mark().pos);
        s.replace(pos, scalarEnd(s, pos) - pos, written);
        return QString::fromStdString(s);
    }
    if (node.IsDefined() && !node.IsNull() && !node.IsScalar())
        return fail(QStringLiteral("%1 is a list or a mapping, not a value").arg(dotted));
    if (!parent.IsMap())
        return fail(QStringLiteral("%1: the enclosing element is not a mapping").arg(dotted));
    if (parent.Style() == YAML::EmitterStyle::Flow)
        return fail(QStringLiteral("%1: the enclosing mapping is written inline ({...}); edit it in the YAML").arg(dotted));
    if (node.IsDefined()) {
        // `key:` with nothing after it (or an empty string): write after the colon.
        const YAML::Node k = keyNode(parent, key);
        if (k.Mark().pos < 0)
            return fail(QStringLiteral("%1: cannot locate the key").arg(dotted));
        const size_t colon = s.find(':', size_t(k.Mark().pos));
        if (colon == std::string::npos)
            return fail(QStringLiteral("%1: cannot locate the key").arg(dotted));
        size_t end = colon + 1;
        while (end < s.size() && s[end] == ' ')
            ++end;
        if (end < s.size() && (s[end] == '"' || s[end] == '\''))
            s.replace(end, scalarEnd(s, end) - end, written);
        else
            s.replace(colon + 1, end - colon - 1, " " + written + (end < s.size() && s[end] == '#' ? " " : ""));
        return QString::fromStdString(s);
    }
    // A missing key: add it as the mapping's last entry, at the indentation of its keys.
    if (parent.Mark().pos < 0)
        return fail(QStringLiteral("%1: cannot locate the enclosing mapping").arg(dotted));
    const int column = parent.Mark().column;
    const size_t first = lineStart(s, size_t(parent.Mark().pos));
    size_t last = lineEnd(s, size_t(parent.Mark().pos));
    for (size_t next = last + 1; next < s.size();) {
        const int indent = indentOf(s, next);
        const size_t e = lineEnd(s, next);
        if (indent >= 0 && indent < column)
            break;
        if (indent >= 0)
            last = e;
        next = e + 1;
    }
    Q_UNUSED(first)
    const std::string line = std::string(size_t(column), ' ') + yamlScalar(key).toStdString() + ": " + written;
    s.insert(last, "\n" + line);
    return QString::fromStdString(s);
}

std::optional<QString> setScalar(const QString &text, const YamlPath &path, const QString &value, QString *error)
{
    if (path.isEmpty()) {
        if (error)
            *error = QStringLiteral("no field given");
        return std::nullopt;
    }
    const std::string s = text.toStdString();
    QString parseError;
    const auto root = parse(s, &parseError);
    if (!root) {
        if (error)
            *error = QStringLiteral("the YAML does not parse: %1").arg(parseError);
        return std::nullopt;
    }
    return writeScalar(s, *root, path, value, error);
}

std::optional<QString> appendListItem(const QString &text, const YamlPath &listPath,
                                      const std::vector<std::pair<QString, QString>> &entries, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<QString> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (entries.empty())
        return fail(QStringLiteral("nothing to add"));
    std::string s = text.toStdString();
    QString parseError;
    const auto root = parse(s, &parseError);
    if (!root)
        return fail(QStringLiteral("the YAML does not parse: %1").arg(parseError));
    const QString dotted = listPath.join(u'.');
    const YAML::Node list = walk(*root, listPath);
    if (!list.IsDefined() || !list.IsSequence() || list.Mark().pos < 0)
        return fail(QStringLiteral("%1 is not a list").arg(dotted));
    auto item = [&](int column) {
        const std::string pad(size_t(column), ' ');
        std::string out;
        for (size_t i = 0; i < entries.size(); ++i)
            out += "\n" + pad + (i == 0 ? "- " : "  ") + entries[i].first.toStdString() + ": " + entries[i].second.toStdString();
        return out;
    };
    const size_t pos = size_t(list.Mark().pos);
    if (list.Style() == YAML::EmitterStyle::Flow) {
        if (list.size() > 0)
            return fail(QStringLiteral("%1 is written inline ([...]); add to it in the YAML").arg(dotted));
        // `key: []` becomes a block list under the key.
        const size_t close = s.find(']', pos);
        if (s[pos] != '[' || close == std::string::npos)
            return fail(QStringLiteral("%1: cannot locate the list").arg(dotted));
        size_t from = pos;
        while (from > 0 && s[from - 1] == ' ')
            --from;
        const int keyIndent = qMax(0, indentOf(s, lineStart(s, pos)));
        s.replace(from, close + 1 - from, item(keyIndent + 2));
        return QString::fromStdString(s);
    }
    // A block list: its items start at the column of its first '-'; it ends before the first line
    // indented less, or as much without a '-'.
    const int column = list.Mark().column;
    size_t last = lineEnd(s, pos);
    for (size_t next = last + 1; next < s.size();) {
        const int indent = indentOf(s, next);
        const size_t e = lineEnd(s, next);
        if (indent >= 0 && (indent < column || (indent == column && s[next + size_t(indent)] != '-')))
            break;
        if (indent >= 0)
            last = e;
        next = e + 1;
    }
    s.insert(last, item(column));
    return QString::fromStdString(s);
}

const QStringList &odcsStatuses()
{
    static const QStringList v{"proposed", "draft", "active", "deprecated", "retired"};
    return v;
}

const QStringList &odcsLogicalTypes()
{
    static const QStringList v{"string", "date", "timestamp", "time", "number", "integer", "object", "array", "boolean"};
    return v;
}

namespace {

int lineOfNode(const YAML::Node &n)
{
    return n.IsDefined() && n.Mark().line >= 0 ? n.Mark().line + 1 : 0;
}

void checkBoolean(const YAML::Node &map, const char *key, const QString &at, std::vector<EditorProblem> &out)
{
    const YAML::Node v = child(map, QString::fromLatin1(key));
    if (!v.IsDefined() || v.IsNull())
        return;
    const QString text = v.IsScalar() ? QString::fromStdString(v.Scalar()) : QString();
    if (text != u"true" && text != u"false")
        out.push_back({Diagnostic::Severity::Error, lineOfNode(v), at + u'.' + QLatin1String(key),
                       QStringLiteral("%1 must be true or false, not '%2'").arg(QLatin1String(key), text)});
}

/// The ODCS v3 checks the importers leave to a validator.
void checkOdcs(const YAML::Node &root, std::vector<EditorProblem> &out)
{
    for (const char *key : {"apiVersion", "kind", "id", "version", "status"}) {
        const YAML::Node v = child(root, QString::fromLatin1(key));
        if (!v.IsDefined() || v.IsNull() || (v.IsScalar() && v.Scalar().empty()))
            out.push_back({Diagnostic::Severity::Error, 1, QString::fromLatin1(key),
                           QStringLiteral("the required key '%1' is missing").arg(QLatin1String(key))});
    }
    const YAML::Node status = child(root, QStringLiteral("status"));
    if (status.IsScalar() && !status.Scalar().empty() &&
        !odcsStatuses().contains(QString::fromStdString(status.Scalar())))
        out.push_back({Diagnostic::Severity::Warning, lineOfNode(status), QStringLiteral("status"),
                       QStringLiteral("status '%1' is not one of %2")
                           .arg(QString::fromStdString(status.Scalar()), odcsStatuses().join(u", "))});
    const YAML::Node schema = child(root, QStringLiteral("schema"));
    if (schema.IsDefined() && !schema.IsNull() && !schema.IsSequence()) {
        out.push_back({Diagnostic::Severity::Error, lineOfNode(schema), QStringLiteral("schema"),
                       QStringLiteral("schema must be a list of objects")});
        return;
    }
    for (size_t o = 0; schema.IsSequence() && o < schema.size(); ++o) {
        const YAML::Node object = schema[o];
        const QString at = QStringLiteral("schema.%1").arg(o);
        if (!object.IsMap())
            continue;
        if (!child(object, QStringLiteral("name")).IsDefined())
            out.push_back({Diagnostic::Severity::Error, lineOfNode(object), at + QStringLiteral(".name"),
                           QStringLiteral("schema object %1 has no name").arg(o + 1)});
        const YAML::Node props = child(object, QStringLiteral("properties"));
        QSet<QString> names;
        QSet<QString> known;
        for (size_t p = 0; props.IsSequence() && p < props.size(); ++p)
            if (props[p].IsMap() && child(props[p], QStringLiteral("name")).IsScalar())
                known.insert(QString::fromStdString(child(props[p], QStringLiteral("name")).Scalar()));
        for (size_t p = 0; props.IsSequence() && p < props.size(); ++p) {
            const YAML::Node prop = props[p];
            const QString pat = at + QStringLiteral(".properties.%1").arg(p);
            if (!prop.IsMap())
                continue;
            const YAML::Node name = child(prop, QStringLiteral("name"));
            if (!name.IsScalar() || name.Scalar().empty()) {
                out.push_back({Diagnostic::Severity::Error, lineOfNode(prop), pat + QStringLiteral(".name"),
                               QStringLiteral("a property has no name")});
            } else {
                const QString n = QString::fromStdString(name.Scalar());
                if (names.contains(n))
                    out.push_back({Diagnostic::Severity::Error, lineOfNode(name), pat + QStringLiteral(".name"),
                                   QStringLiteral("the property name '%1' is used twice").arg(n)});
                names.insert(n);
            }
            const YAML::Node type = child(prop, QStringLiteral("logicalType"));
            if (type.IsScalar() && !odcsLogicalTypes().contains(QString::fromStdString(type.Scalar())))
                out.push_back({Diagnostic::Severity::Error, lineOfNode(type), pat + QStringLiteral(".logicalType"),
                               QStringLiteral("logicalType '%1' is not one of %2")
                                   .arg(QString::fromStdString(type.Scalar()), odcsLogicalTypes().join(u", "))});
            for (const char *flag : {"required", "unique", "primaryKey"})
                checkBoolean(prop, flag, pat, out);
            // Property-level quality rules may name other properties of the object.
            const YAML::Node quality = child(prop, QStringLiteral("quality"));
            for (size_t q = 0; quality.IsSequence() && q < quality.size(); ++q) {
                const YAML::Node ref = child(quality[q], QStringLiteral("property"));
                if (ref.IsScalar() && !known.contains(QString::fromStdString(ref.Scalar())))
                    out.push_back({Diagnostic::Severity::Error, lineOfNode(ref), pat + QStringLiteral(".quality.%1.property").arg(q),
                                   QStringLiteral("the quality rule refers to '%1', which is not a property of this object")
                                       .arg(QString::fromStdString(ref.Scalar()))});
            }
        }
    }
}

} // namespace

std::vector<EditorProblem> validate(const QString &file, const QString &text)
{
    std::vector<EditorProblem> out;
    const std::string s = text.toStdString();
    QString error;
    int line = 0;
    const auto root = parse(s, &error, &line);
    if (!root) {
        out.push_back({Diagnostic::Severity::Error, line, QString(), QStringLiteral("YAML syntax: %1").arg(error)});
        return out;
    }
    // What a sync would say about this document.
    const ImportResult imported = importDocument(file, QByteArray::fromStdString(s));
    for (const Diagnostic &d : imported.diagnostics)
        out.push_back({d.severity, d.line, QString(), d.message});
    if (root->IsMap() && !child(*root, QStringLiteral("dataContractSpecification")).IsDefined())
        checkOdcs(*root, out);
    // And what the official schema and `meshscope lint` say (issue 20), beside the field they are about.
    // Warnings here, as in a sync: the editor's own checks above decide what blocks a save.
    const validation::LintReport lint = validation::lintBytes(file, QByteArray::fromStdString(s));
    for (const validation::LintProblem &p : lint.problems) {
        if (p.rule == u"syntax" || p.rule == u"import")
            continue; // said above, from the same parse and import
        const QString path = p.pointer.mid(1).replace(QLatin1Char('/'), QLatin1Char('.'));
        const bool said = std::any_of(out.begin(), out.end(), [&](const EditorProblem &e) {
            return e.line == p.line && (e.path == path || e.message == p.message);
        });
        if (!said)
            out.push_back({Diagnostic::Severity::Warning, p.line, path, p.message});
    }
    std::stable_sort(out.begin(), out.end(), [](const EditorProblem &a, const EditorProblem &b) { return a.line < b.line; });
    return out;
}

EditHistory::EditHistory(QString initial) : m_steps{std::move(initial)}, m_keys{QString()} {}

bool EditHistory::push(const QString &text, const QString &mergeKey)
{
    if (text == current())
        return false;
    m_steps.resize(size_t(m_index) + 1);
    m_keys.resize(size_t(m_index) + 1);
    if (!mergeKey.isEmpty() && m_index > 0 && m_keys[size_t(m_index)] == mergeKey) {
        m_steps[size_t(m_index)] = text;
        return true;
    }
    m_steps.push_back(text);
    m_keys.push_back(mergeKey);
    ++m_index;
    return true;
}

bool EditHistory::undo()
{
    if (!canUndo())
        return false;
    --m_index;
    m_keys[size_t(m_index)].clear(); // typing after an undo starts a new step
    return true;
}

bool EditHistory::redo()
{
    if (!canRedo())
        return false;
    ++m_index;
    m_keys[size_t(m_index)].clear();
    return true;
}

void EditHistory::reset(const QString &text)
{
    m_steps = {text};
    m_keys = {QString()};
    m_index = 0;
}

} // namespace meshscope::editor
