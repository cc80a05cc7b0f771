#include "catalogsource.h"

namespace meshscope::catalogs {

QString CatalogLocation::kindName() const
{
    switch (kind) {
    case CatalogKind::Entropy: return QStringLiteral("entropy");
    case CatalogKind::Marquez: return QStringLiteral("marquez");
    case CatalogKind::OpenMetadata: return QStringLiteral("openmetadata");
    case CatalogKind::DataHub: return QStringLiteral("datahub");
    }
    return {};
}

QUrl CatalogLocation::endpoint(const QString &path) const
{
    QUrl url = baseUrl;
    QString base = baseUrl.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1); // "https://host/" and "https://host" name the same root
    url.setPath(base + path);
    return url;
}

bool parseCatalogSource(const QString &source, CatalogLocation &out, QString *error)
{
    const qsizetype plus = source.indexOf(QLatin1Char('+'));
    const qsizetype scheme = source.indexOf(QStringLiteral("://"));
    if (plus <= 0 || scheme < plus) {
        *error = QStringLiteral("%1: not a catalog URL; expected kind+https://host, e.g. "
                                "entropy+https://api.entropy-data.com")
                     .arg(source);
        return false;
    }
    const QString kind = source.left(plus).trimmed().toLower();
    if (kind == u"entropy" || kind == u"datameshmanager" || kind == u"dmm")
        out.kind = CatalogKind::Entropy;
    else if (kind == u"marquez")
        out.kind = CatalogKind::Marquez;
    else if (kind == u"openmetadata" || kind == u"om")
        out.kind = CatalogKind::OpenMetadata;
    else if (kind == u"datahub")
        out.kind = CatalogKind::DataHub;
    else {
        *error = QStringLiteral("%1: unknown catalog kind '%2'; expected entropy, marquez, openmetadata "
                                "or datahub")
                     .arg(source, kind);
        return false;
    }
    const QUrl url(source.mid(plus + 1).trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty()) {
        *error = QStringLiteral("%1: '%2' is not an http(s) URL").arg(source, source.mid(plus + 1));
        return false;
    }
    out.uri = source.trimmed();
    out.baseUrl = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    return true;
}

} // namespace meshscope::catalogs
