#pragma once

#include <QString>
#include <QUrl>

namespace meshscope::catalogs {

/// The catalog servers Meshscope can sync from.
enum class CatalogKind { Entropy, Marquez, OpenMetadata, DataHub };

/// @brief A catalog source as written in Settings or on the command line: `kind+http(s)://host[:port][/base]`.
/// `entropy+` (aliases `datameshmanager+`, `dmm+`), `marquez+`, `openmetadata+`, `datahub+`.
struct CatalogLocation {
    CatalogKind kind = CatalogKind::Entropy;
    QString uri;  ///< the source exactly as configured; the cache's key for it
    QUrl baseUrl; ///< the server's root URL (http or https), without trailing slash

    QString kindName() const;
    /// baseUrl joined with an API path ("/api/dataproducts").
    QUrl endpoint(const QString &path) const;
};

/// Parses `source`; returns false with a message naming the source when it is not a catalog URL.
bool parseCatalogSource(const QString &source, CatalogLocation &out, QString *error);

} // namespace meshscope::catalogs
