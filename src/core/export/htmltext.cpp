#include "export/htmltext.h"

#include <QCryptographicHash>

#include <algorithm>

namespace meshscope::exporting {

QString htmlEscape(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&': out += QLatin1String("&amp;"); break;
        case '<': out += QLatin1String("&lt;"); break;
        case '>': out += QLatin1String("&gt;"); break;
        case '"': out += QLatin1String("&quot;"); break;
        case '\'': out += QLatin1String("&#39;"); break;
        default:
            // Control characters other than tab and line breaks are not allowed in XML (SVG).
            if (c.unicode() < 0x20 && c != u'\n' && c != u'\t' && c != u'\r')
                out += QChar(0xFFFD);
            else
                out += c;
        }
    }
    return out;
}

namespace {

/// Longest stem before it is shortened (file names take 255 bytes; ".html" and a margin follow).
constexpr qsizetype kMaxStem = 200;

bool keptAsIs(QChar c, bool keepAt)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'_' || c == u'-'
           || (keepAt && c == u'@');
}

/// The reversible encoding behind safeFileStem: [a-z0-9._-] (and '@' when `keepAt`) as they are, an
/// upper-case letter as '~' plus the letter in lower case, anything else (and a leading dot) as "~_"
/// plus four hex digits of its UTF-16 unit. Every escape starts with '~' and the kind of escape is told
/// by the next character, so two texts never share an encoding — and the encoding has no upper-case
/// letters, so two texts never share one on a case-insensitive disk either.
QString encodeStem(const QString &text, bool keepAt)
{
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (keptAsIs(c, keepAt) && !(i == 0 && c == u'.')) {
            out += c;
        } else if (c >= u'A' && c <= u'Z') {
            out += u'~';
            out += c.toLower();
        } else {
            out += QStringLiteral("~_%1").arg(uint(c.unicode()), 4, 16, QLatin1Char('0'));
        }
    }
    return out;
}

/// A stem within kMaxStem: a longer one keeps its start (never half an escape) and ends in "~~" plus
/// 16 hex digits of the SHA-256 of the whole text. "~~" never occurs in an encoding, so a shortened
/// stem never equals a whole one; two shortened ones differ unless their 64-bit hashes collide.
QString bounded(QString stem, const QString &text)
{
    if (stem.size() <= kMaxStem)
        return stem;
    qsizetype cut = kMaxStem - 20;
    const qsizetype escape = stem.lastIndexOf(u'~', cut - 1);
    if (escape >= 0 && escape > cut - 6)
        cut = escape;
    stem.truncate(cut);
    return stem + QStringLiteral("~~")
           + QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

} // namespace

QString safeFileStem(const QString &id)
{
    if (id.isEmpty())
        return QStringLiteral("~~empty"); // "~~" and not hex after it: no other id gives this
    return bounded(encodeStem(id, /*keepAt=*/true), id);
}

QString safeFileStem(const QString &id, const QString &version)
{
    // Both parts with '@' escaped, joined by the one literal '@': the pair can be read back. For the
    // ids and versions people write (no '@' in them) this is safeFileStem(id + '@' + version).
    const auto part = [](const QString &text) { return text.isEmpty() ? QStringLiteral("~~") : encodeStem(text, false); };
    return bounded(part(id) + u'@' + part(version), QString::number(id.size()) + u':' + id + u'@' + version);
}

QString csvField(const QString &text)
{
    QString value = text;
    // OWASP's rule against CSV (formula) injection: a cell starting with = + - @, a tab, a carriage
    // return or a line feed (and NUL, after ASVS) is taken for a formula by some spreadsheet; a
    // leading ' makes it text.
    if (!value.isEmpty() && (QStringView(u"=+-@\t\r\n").contains(value.front()) || value.front().unicode() == 0))
        value.prepend(u'\'');
    // Quoted when it holds a separator of either common dialect (',' or ';'), a tab, a quote or a line
    // break, so no reader starts a new cell inside it — one that could begin with '='.
    static const QString special = QStringLiteral(",;\t\"\n\r");
    if (std::any_of(value.cbegin(), value.cend(), [](QChar c) { return special.contains(c); })) {
        value.replace(QLatin1String("\""), QLatin1String("\"\""));
        return u'"' + value + u'"';
    }
    return value;
}

} // namespace meshscope::exporting
