#include "export/htmltext.h"

#include <QCryptographicHash>

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

QString safeFileStem(const QString &id)
{
    QString stem;
    bool changed = false;
    for (const QChar c : id) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'_' || c == u'-';
        if (ok) {
            stem += c;
        } else if (c >= u'A' && c <= u'Z') {
            // Lower-cased so "Orders" and "orders" cannot overwrite each other on macOS/Windows disks.
            stem += c.toLower();
            changed = true;
        } else {
            stem += u'_';
            changed = true;
        }
    }
    if (stem.isEmpty() || stem.startsWith(u'.')) {
        stem.prepend(u'_');
        changed = true;
    }
    if (stem.size() > 100) {
        stem.truncate(100);
        changed = true;
    }
    if (changed) {
        const QByteArray hash = QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Sha1).toHex().left(8);
        stem += u'-' + QString::fromLatin1(hash);
    }
    return stem;
}

QString csvField(const QString &text)
{
    QString value = text;
    if (!value.isEmpty() && QStringLiteral("=+-@").contains(value.front()))
        value.prepend(u'\'');
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') || value.contains(u'\r')) {
        value.replace(QLatin1String("\""), QLatin1String("\"\""));
        return u'"' + value + u'"';
    }
    return value;
}

} // namespace meshscope::exporting
