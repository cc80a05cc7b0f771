// setValue(): a form value written the way the text already writes it (block scalars stay blocks, see
// blockscalar.h), with what cannot be shown exact by construction read back by both YAML parsers.
#include "editor/blockscalar.h"
#include "editor/contractdocument.h"
#include "editor/yamltext.h"
#include "importers/yamltree.h"

namespace meshscope::editor {

using namespace yamltext;

namespace {

ytree::Node walkTree(ytree::Node node, const YamlPath &path)
{
    for (const QString &step : path) {
        ytree::Node next(ytree::NodeType::Undefined);
        if (node.IsSequence()) {
            bool ok = false;
            const int index = step.toInt(&ok);
            if (ok && index >= 0 && index < int(node.size()))
                next = ytree::Node(node.data()->children[size_t(index)]);
        } else if (node.IsMap()) {
            const std::string key = step.toStdString();
            for (auto it = node.begin(); it != node.end(); ++it) {
                if (it->first.IsScalar() && it->first.Scalar() == key) {
                    next = it->second;
                    break;
                }
            }
        }
        if (!next.IsDefined())
            return next;
        node = next;
    }
    return node;
}

/// Whether `s` reads as the string `value` at `path` with the editor's parser (what the form shows)
/// and with the importers' (what a sync stores): both must agree with what the user typed.
bool readsBack(const std::string &s, const YamlPath &path, const QString &value)
{
    const std::string v = value.toStdString();
    const bool typedPlain = readsAsNonString(value);
    const auto root = parse(s, nullptr);
    if (!root)
        return false;
    const YAML::Node n = walk(*root, path);
    if (!n.IsDefined() || !n.IsScalar() || n.Scalar() != v || (n.Tag() == "?" && typedPlain))
        return false;
    ytree::Arena arena;
    std::vector<ytree::Node> documents;
    ytree::ParseError error;
    if (!ytree::parseAll(QByteArray::fromStdString(s), arena, documents, error) || documents.empty())
        return false;
    const ytree::Node t = walkTree(documents.front(), path);
    return t.IsScalar() && t.Scalar() == v && !(t.Tag() == "?" && typedPlain);
}

/// Whether the plain or quoted scalar at `pos` ends on its line: no line break inside it and, for a
/// plain one, no deeper indented line after it (which would continue it).
bool oneLine(const std::string &s, size_t pos, int keyColumn)
{
    const size_t end = scalarEnd(s, pos);
    const size_t eol = lineEnd(s, pos);
    if (end > eol)
        return false;
    if (s[pos] == '"' || s[pos] == '\'')
        return true;
    for (size_t next = eol + 1; next < s.size(); next = lineEnd(s, next) + 1) {
        const int indent = indentOf(s, next);
        if (indent >= 0)
            return indent <= keyColumn;
        if (s.find_first_not_of(' ', next) < s.size() && s[s.find_first_not_of(' ', next)] == '#')
            return true; // a comment ends a plain scalar
    }
    return true;
}

/// Where the plain scalar at `pos` ends: after its last continuation line (indented deeper than its key).
size_t plainEnd(const std::string &s, size_t pos, int keyColumn)
{
    size_t end = scalarEnd(s, pos);
    for (size_t next = lineEnd(s, pos) + 1; next < s.size(); next = lineEnd(s, next) + 1) {
        const int indent = indentOf(s, next);
        if (indent < 0) {
            const size_t first = s.find_first_not_of(" \r", next);
            if (first < s.size() && s[first] == '#')
                break;
            continue;
        }
        if (indent <= keyColumn)
            break;
        end = scalarEnd(s, next + size_t(indent));
        if (s.find(" #", next) < lineEnd(s, next))
            break; // a comment ends it
    }
    return end;
}

std::string newlineAt(const std::string &s, size_t pos)
{
    const size_t eol = lineEnd(s, pos);
    return eol > 0 && eol < s.size() && s[eol - 1] == '\r' ? "\r\n" : "\n";
}

} // namespace

std::optional<QString> setValue(const QString &text, const YamlPath &path, const QString &value, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<QString> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (path.isEmpty())
        return fail(QStringLiteral("no field given"));
    const std::string s = text.toStdString();
    QString parseError;
    const auto root = parse(s, &parseError);
    if (!root)
        return fail(QStringLiteral("the YAML does not parse: %1").arg(parseError));
    const QString dotted = path.join(u'.');
    const YAML::Node parent = walk(*root, path.mid(0, path.size() - 1));
    const YAML::Node node = child(parent, path.last());
    if (node.IsScalar() && node.Scalar() == value.toStdString() && !(node.Tag() == "?" && readsAsNonString(value)))
        return text;
    auto attempt = [&](std::string out) -> std::optional<QString> {
        if (readsBack(out, path, value))
            return QString::fromStdString(out);
        return std::nullopt;
    };
    const YAML::Node key = parent.IsMap() ? keyNode(parent, path.last()) : YAML::Node(YAML::NodeType::Undefined);
    const int keyColumn = key.IsDefined() && key.Mark().column >= 0 ? key.Mark().column
                          : parent.IsDefined() && parent.Mark().column >= 0 ? parent.Mark().column
                                                                            : 0;
    if (node.IsScalar() && node.Mark().pos >= 0) {
        const size_t pos = size_t(node.Mark().pos);
        if (const auto place = findBlockScalar(s, pos, keyColumn)) {
            for (const TextRewrite &r : blockRewrites(s, *place, value)) {
                if (auto out = attempt(std::string(s).replace(r.from, r.to - r.from, r.with)))
                    return out;
            }
            return fail(QStringLiteral("%1: no way of writing this value reads back the same; edit it in the YAML").arg(dotted));
        }
        // Several lines typed for a one-line value: a literal block (the header where the value was, so a
        // comment after it stays on the key's line; the lines after that line).
        if (value.contains(u'\n') && key.IsDefined()) {
            const size_t end = scalarEnd(s, pos);
            const std::string newline = newlineAt(s, end);
            if (const auto block = literalBlock(value, keyColumn + 2, newline)) {
                const size_t split = block->find(newline);
                std::string out = s;
                size_t eol = lineEnd(out, end);
                if (newline.size() == 2)
                    --eol;
                if (split != std::string::npos)
                    out.insert(eol, block->substr(split));
                out.replace(pos, end - pos, block->substr(0, split));
                if (auto written = attempt(out))
                    return written;
            }
        }
    } else if (value.contains(u'\n') && parent.IsMap() && (!node.IsDefined() || node.IsNull())) {
        const std::string newline = s.find("\r\n") != std::string::npos ? "\r\n" : "\n";
        if (const auto block = literalBlock(value, keyColumn + 2, newline)) {
            if (const auto out = writeScalar(s, *root, path, QString::fromStdString(*block), nullptr)) {
                if (auto written = attempt(out->toStdString()))
                    return written;
            }
        }
    }
    // A plain value continued on deeper indented lines: all of its lines make way for the new one.
    if (node.IsScalar() && node.Mark().pos >= 0 && !oneLine(s, size_t(node.Mark().pos), keyColumn) &&
        s[size_t(node.Mark().pos)] != '"' && s[size_t(node.Mark().pos)] != '\'') {
        const size_t pos = size_t(node.Mark().pos);
        if (auto written = attempt(std::string(s).replace(pos, plainEnd(s, pos, keyColumn) - pos, yamlScalar(value).toStdString())))
            return written;
    }
    const auto out = writeScalar(s, *root, path, yamlScalar(value), error);
    if (!out)
        return out;
    // A one-line value in place of a one-line value (or for a missing key) is exact by construction
    // (yamlScalar() writes what reads back): no second parse per keystroke on large contracts.
    if (!value.contains(u'\n') && (!node.IsScalar() || node.Mark().pos < 0 || oneLine(s, size_t(node.Mark().pos), keyColumn)))
        return out;
    if (!readsBack(out->toStdString(), path, value))
        return fail(QStringLiteral("%1: the value written there would not read back the same; edit it in the YAML").arg(dotted));
    return out;
}

} // namespace meshscope::editor
