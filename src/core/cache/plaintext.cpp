#include "plaintext.h"

#include <QRegularExpression>
#include <QStringList>

namespace meshscope::cache {

namespace {

/// Control characters (C0, DEL, C1) become spaces; collapseSpaces() folds them away afterwards.
QString withoutControls(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u < 0xa0))
            c = QLatin1Char(' ');
    }
    return out;
}

QString collapseSpaces(const QString &text)
{
    return text.simplified();
}

/// One line's block syntax: heading marks, quote marks, list bullets; rules and fences become nothing.
QString stripBlock(QString line)
{
    static const QRegularExpression rule(QStringLiteral("^\\s*(?:([-*_])\\s*){3,}$|^\\s*(?:```|~~~).*$"));
    static const QRegularExpression tableRule(QStringLiteral("^\\s*\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$"));
    static const QRegularExpression heading(QStringLiteral("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$"));
    static const QRegularExpression quote(QStringLiteral("^\\s*(?:>\\s?)+"));
    static const QRegularExpression bullet(QStringLiteral("^\\s*(?:[-*+]|\\d{1,9}[.)])\\s+(?:\\[[ xX]\\]\\s+)?"));
    if (rule.match(line).hasMatch() || tableRule.match(line).hasMatch())
        return {};
    line.remove(quote);
    const QRegularExpressionMatch h = heading.match(line);
    if (h.hasMatch()) {
        // "## Limitations" above a paragraph reads "Limitations: …" once the lines are joined.
        QString title = h.captured(1);
        if (!title.isEmpty() && !title.back().isPunct())
            title += QLatin1Char(':');
        return title;
    }
    line.remove(bullet);
    if (line.trimmed().startsWith(QLatin1Char('|')) || line.count(QLatin1Char('|')) >= 2)
        line.replace(QLatin1Char('|'), QLatin1Char(' ')); // a table row: its cells, side by side
    return line;
}

/// Inline syntax: links and images keep their text, emphasis and code marks go, HTML tags go.
QString stripInline(QString text)
{
    // Every span is bounded (a few hundred characters), so a hostile line of a million unclosed
    // brackets or stars costs linear time, not quadratic.
    static const QRegularExpression image(QStringLiteral("!\\[([^\\]]{0,300})\\]\\([^)]{0,2000}\\)"));
    static const QRegularExpression link(QStringLiteral("\\[([^\\]]{1,300})\\]\\([^)]{0,2000}\\)"));
    static const QRegularExpression refLink(QStringLiteral("\\[([^\\]]{1,300})\\]\\[[^\\]]{0,300}\\]"));
    static const QRegularExpression autoLink(QStringLiteral("<((?:https?|mailto|ftp):[^>\\s]{1,2000})>"));
    static const QRegularExpression html(QStringLiteral("</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\\s[^<>]{0,300})?/?>"));
    static const QRegularExpression strong(QStringLiteral("(\\*\\*|__)(?=\\S)(.{1,300}?)(?<=\\S)\\1"));
    // Single-mark emphasis only at word edges: snake_case names keep their underscores.
    static const QRegularExpression em(QStringLiteral("(?<![\\w*])([*_])(?=\\S)(.{1,300}?)(?<=\\S)\\1(?![\\w*])"));
    static const QRegularExpression strike(QStringLiteral("~~(?=\\S)(.{1,300}?)(?<=\\S)~~"));
    static const QRegularExpression code(QStringLiteral("`+"));
    text.replace(image, QStringLiteral("\\1"));
    text.replace(link, QStringLiteral("\\1"));
    text.replace(refLink, QStringLiteral("\\1"));
    text.replace(autoLink, QStringLiteral("\\1"));
    text.remove(html);
    text.replace(strong, QStringLiteral("\\2"));
    text.replace(em, QStringLiteral("\\2"));
    text.replace(strike, QStringLiteral("\\1"));
    text.remove(code);
    return text;
}

} // namespace

QString cleanText(const QString &text)
{
    return collapseSpaces(withoutControls(text));
}

QString plainText(const QString &markdown)
{
    if (markdown.isEmpty())
        return {};
    QString normalized = markdown;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QStringList lines;
    for (const QString &line : normalized.split(QLatin1Char('\n'))) {
        // Inline marks line by line: emphasis or a link spanning two lines keeps its marks (rare), and
        // no pattern ever scans past the end of a line.
        const QString block = stripInline(stripBlock(withoutControls(line)));
        if (!block.trimmed().isEmpty())
            lines << block;
    }
    return collapseSpaces(lines.join(QLatin1Char(' ')));
}

} // namespace meshscope::cache
