#include "counthints.h"

#include <QCoreApplication>

#include <algorithm>
#include <utility>
#include <vector>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CountHints", text);
}

/// "1 document", "34 documents": the app ships no translations, so `%n … (s)` would show as written.
QString counted(qint64 n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(tr(n == 1 ? one : many));
}

/// The names formats go by where they are defined; an unknown one (a catalog's) as the cache records it.
QString formatLabel(const QString &format)
{
    static const std::pair<const char *, const char *> kLabels[] = {
        {"odps", "ODPS"},
        {"dps", "Data Product Specification"},
        {"manifest", "data product manifest"},
        {"odcs", "ODCS"},
        {"dcs", "Data Contract Specification"},
        {"domain", "domain document"},
        {"policy", "governance policy"},
        {"dbt-manifest", "dbt manifest"},
        {"openlineage", "OpenLineage"},
    };
    for (const auto &[key, label] : kLabels) {
        if (format == QLatin1String(key))
            return QString::fromLatin1(label);
    }
    return format.isEmpty() ? tr("unknown format") : format;
}

QString noun(const QString &key, qint64 n)
{
    if (key == u"domains")
        return counted(n, "domain", "domains");
    if (key == u"products")
        return counted(n, "data product", "data products");
    if (key == u"contractIds")
        return counted(n, "contract", "contracts");
    if (key == u"datasets")
        return counted(n, "dataset", "datasets");
    if (key == u"policies")
        return counted(n, "governance policy", "governance policies");
    return QString::number(n);
}

QString hintFor(const QString &key, qint64 count, const QVariantMap &origin, const QVariantMap &counts)
{
    const qint64 documents = origin.value(QStringLiteral("documents")).toLongLong();
    const qint64 sources = origin.value(QStringLiteral("sources")).toLongLong();
    if (count == 0)
        return tr("None in the cache: no document in its sources defines one.");
    std::vector<std::pair<qint64, QString>> formats;
    const QVariantMap byFormat = origin.value(QStringLiteral("formats")).toMap();
    for (auto it = byFormat.begin(); it != byFormat.end(); ++it)
        formats.emplace_back(it.value().toLongLong(), formatLabel(it.key()));
    std::sort(formats.begin(), formats.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    QStringList parts;
    for (const auto &[n, label] : formats)
        parts << QStringLiteral("%1 %2").arg(label).arg(n);
    QString text = tr("%1, from %2 (%3) in %4.")
                       .arg(noun(key, count), counted(documents, "document", "documents"), parts.join(QStringLiteral(", ")),
                            counted(sources, "source", "sources"));
    if (key == u"contractIds") {
        const qint64 versions = counts.value(QStringLiteral("contracts")).toLongLong();
        if (versions > count)
            text += QLatin1Char(' ') + tr("Counted once per id; the cache holds %1.")
                                           .arg(counted(versions, "version", "versions"));
    }
    return text;
}

} // namespace

QVariantMap countHints(const QVariantMap &counts)
{
    QVariantMap hints;
    const QVariantMap origins = counts.value(QStringLiteral("origins")).toMap();
    for (auto it = origins.begin(); it != origins.end(); ++it) {
        if (!counts.contains(it.key()))
            continue;
        hints.insert(it.key(), hintFor(it.key(), counts.value(it.key()).toLongLong(), it.value().toMap(), counts));
    }
    return hints;
}
