#include "contracttext.h"

#include "contracts/contractdiff.h"
#include "importers/importer.h"

#include <QRegularExpression>
#include <QStringList>

namespace meshscope::review {

namespace {

int indentOf(const QString &line)
{
    int i = 0;
    while (i < line.size() && line.at(i) == QLatin1Char(' '))
        ++i;
    return i;
}

bool isContent(const QString &line)
{
    const QString t = line.trimmed();
    return !t.isEmpty() && !t.startsWith(QLatin1Char('#'));
}

/// The `# comment` ending a simple scalar line, with the spaces before it; empty when there is none.
QString trailingComment(const QString &line)
{
    QChar quote;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (c == QLatin1Char('#') && i > 0 && line.at(i - 1).isSpace()) {
            int start = i;
            while (start > 0 && line.at(start - 1).isSpace())
                --start;
            return line.mid(start);
        }
    }
    return {};
}

/// A scalar as YAML reads it back as the same string: quoted when it would read as a number, a bool
/// or null, or holds characters YAML gives meaning to.
QString scalar(const QString &value)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.@/+-]*$|^[0-9]+\\.[0-9]+\\.[0-9][A-Za-z0-9.+-]*$"));
    static const QRegularExpression special(QStringLiteral("^(true|false|yes|no|on|off|null|~)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    if (plain.match(value).hasMatch() && !special.match(value).hasMatch())
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

/// A mapping block: the lines of a top-level key's value (or the whole document for the root).
struct Block {
    int first = 0; ///< first line inside
    int end = 0;   ///< one past the last line inside
    int indent = 0;
};

Block rootBlock(const QStringList &lines)
{
    return {0, int(lines.size()), 0};
}

/// The block under top-level `key:`, or nullopt.
std::optional<Block> childBlock(const QStringList &lines, const QString &key)
{
    const QString prefix = key + QLatin1Char(':');
    for (int i = 0; i < lines.size(); ++i) {
        if (indentOf(lines[i]) != 0 || !lines[i].startsWith(prefix))
            continue;
        Block b{i + 1, i + 1, -1};
        for (int j = i + 1; j < lines.size(); ++j) {
            if (!isContent(lines[j]))
                continue;
            if (indentOf(lines[j]) == 0)
                break;
            if (b.indent < 0)
                b.indent = indentOf(lines[j]);
            b.end = j + 1;
        }
        if (b.indent < 0)
            b.indent = 2;
        return b;
    }
    return std::nullopt;
}

/// The line of `key:` directly inside `block`, or -1.
int findKey(const QStringList &lines, const Block &block, const QString &key)
{
    const QString prefix = key + QLatin1Char(':');
    for (int i = block.first; i < block.end; ++i) {
        if (indentOf(lines[i]) == block.indent && lines[i].mid(block.indent).startsWith(prefix))
            return i;
    }
    return -1;
}

/// Sets `key: value` inside `block`, keeping a trailing comment; adds it after `after` (or at the
/// block's start) when missing.
void setScalar(QStringList &lines, Block &block, const QString &key, const QString &value, const QStringList &after)
{
    const QString pad(block.indent, QLatin1Char(' '));
    const int at = findKey(lines, block, key);
    if (at >= 0) {
        lines[at] = pad + key + QStringLiteral(": ") + scalar(value) + trailingComment(lines[at]);
        return;
    }
    int insertAt = block.first;
    for (const QString &anchor : after) {
        const int line = findKey(lines, block, anchor);
        if (line >= 0) {
            insertAt = line + 1;
            break;
        }
    }
    lines.insert(insertAt, pad + key + QStringLiteral(": ") + scalar(value));
    ++block.end;
}

/// Adds ODCS custom properties to the top-level `customProperties` list (creating it at the end).
void addCustomProperties(QStringList &lines, const std::vector<std::pair<QString, QString>> &properties)
{
    std::optional<Block> block = childBlock(lines, QStringLiteral("customProperties"));
    if (block && block->first == block->end) {
        // `customProperties: []` or an empty key: rewrite as a block list.
        lines[block->first - 1] = QStringLiteral("customProperties:");
    }
    if (!block) {
        while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
            lines.removeLast();
        lines << QString() << QStringLiteral("customProperties:");
        block = Block{int(lines.size()), int(lines.size()), 2};
    }
    const QString pad(block->indent, QLatin1Char(' '));
    int insertAt = block->end;
    for (const auto &[name, value] : properties) {
        static const QRegularExpression existing(QStringLiteral("^\\s*-?\\s*property:\\s*[\"']?([^\"'#\\s]+)"));
        bool present = false;
        for (int i = block->first; i < block->end && !present; ++i) {
            const QRegularExpressionMatch m = existing.match(lines[i]);
            present = m.hasMatch() && m.captured(1) == name;
        }
        if (present)
            continue;
        lines.insert(insertAt++, pad + QStringLiteral("- property: ") + name);
        lines.insert(insertAt++, pad + QStringLiteral("  value: ") + scalar(value));
        block->end += 2;
    }
}

/// Whether the semantic diff of the edit touches only what the edit was meant to touch.
bool onlyEditedFields(const Contract &before, const Contract &after)
{
    for (const diff::ContractChange &c : diff::diffContracts(before, after).changes) {
        if (c.path != u"status" && c.path != u"version" && !c.path.startsWith(QLatin1String("customProperties."))
            && !c.path.startsWith(QLatin1String("info.x-")))
            return false;
    }
    return true;
}

std::optional<Contract> readContract(const QString &file, const QByteArray &text, QString *error)
{
    const ImportResult r = importDocument(file, text);
    for (const Diagnostic &d : r.diagnostics) {
        if (d.severity == Diagnostic::Severity::Error) {
            *error = d.toString();
            return std::nullopt;
        }
    }
    if (r.contracts.size() != 1) {
        *error = QStringLiteral("%1: holds %2 contracts, not one").arg(file).arg(r.contracts.size());
        return std::nullopt;
    }
    return r.contracts.front();
}

} // namespace

std::optional<int> durationDays(const QString &iso)
{
    static const QRegularExpression re(QStringLiteral("^P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(iso.trimmed());
    if (!m.hasMatch() || iso.trimmed().size() < 3)
        return std::nullopt;
    return m.captured(1).toInt() * 365 + m.captured(2).toInt() * 30 + m.captured(3).toInt() * 7 + m.captured(4).toInt();
}

std::optional<QByteArray> editContractText(const QString &file, const QByteArray &text, const ContractTextEdit &edit,
                                           QString *error)
{
    const std::optional<Contract> before = readContract(file, text, error);
    if (!before)
        return std::nullopt;
    const bool crlf = text.contains("\r\n");
    QString content = QString::fromUtf8(text);
    if (crlf)
        content.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    const bool finalNewline = content.endsWith(QLatin1Char('\n'));
    QStringList lines = content.split(QLatin1Char('\n'));
    if (finalNewline)
        lines.removeLast();

    if (before->specFormat == u"dcs") {
        std::optional<Block> info = childBlock(lines, QStringLiteral("info"));
        if (!info) {
            *error = QStringLiteral("%1: no `info` block to write the status into").arg(file);
            return std::nullopt;
        }
        if (!edit.version.isEmpty())
            setScalar(lines, *info, QStringLiteral("version"), edit.version, {QStringLiteral("title")});
        if (!edit.status.isEmpty())
            setScalar(lines, *info, QStringLiteral("status"), edit.status, {QStringLiteral("version")});
        for (const auto &[name, value] : edit.properties) {
            if (findKey(lines, *info, QStringLiteral("x-") + name) < 0)
                setScalar(lines, *info, QStringLiteral("x-") + name, value, {QStringLiteral("status")});
        }
    } else {
        Block root = rootBlock(lines);
        if (!edit.version.isEmpty())
            setScalar(lines, root, QStringLiteral("version"), edit.version, {QStringLiteral("id")});
        if (!edit.status.isEmpty())
            setScalar(lines, root, QStringLiteral("status"), edit.status, {QStringLiteral("version")});
        if (!edit.properties.empty())
            addCustomProperties(lines, edit.properties);
    }

    QString out = lines.join(QLatin1Char('\n'));
    if (finalNewline || !edit.properties.empty())
        out += QLatin1Char('\n');
    if (crlf)
        out.replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
    const QByteArray result = out.toUtf8();

    QString afterError;
    const std::optional<Contract> after = readContract(file, result, &afterError);
    if (!after) {
        *error = QStringLiteral("%1: the edited text no longer reads as a contract (%2); nothing written").arg(file, afterError);
        return std::nullopt;
    }
    if ((!edit.status.isEmpty() && after->status != edit.status)
        || (!edit.version.isEmpty() && after->version != edit.version) || !onlyEditedFields(*before, *after)) {
        *error = QStringLiteral("%1: the edit would change more than status and version (unusual YAML layout?); "
                                "nothing written").arg(file);
        return std::nullopt;
    }
    return result;
}

} // namespace meshscope::review
