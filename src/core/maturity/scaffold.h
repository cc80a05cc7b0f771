#pragma once

#include <QString>
#include <QStringList>

/// `meshscope new product`: writes a new data product at a chosen maturity level into a mesh folder.
namespace meshscope::maturity {

struct ScaffoldRequest {
    QString meshDir;
    QString domain;
    QString name;
    int level = 1;
    QString owner;                       ///< e-mail; a placeholder when empty
    QString format = QStringLiteral("odps"); ///< "odps" or "dps"
};

struct ScaffoldResult {
    QString error;            ///< empty on success; nothing was written when set
    QString productId;        ///< the slug of the name
    QString contractId;       ///< "<domain>.<name_in_snake_case>"
    QStringList written;      ///< paths relative to the mesh folder, in writing order
    QStringList placeholders; ///< "path:line: text" of every placeholder left to fill
    bool ok() const { return error.isEmpty(); }
};

/// A name as it may appear in a file name and an id: lower case, [a-z0-9-], at most 64 characters.
/// Empty (and `why` set) when the name is not acceptable: `..`, a path separator, a control character
/// or nothing usable left.
QString safeSlug(const QString &name, QString *why = nullptr);

/// Where products and contracts live in `meshDir`, as "products/{domain}" patterns, detected from the
/// product and contract documents already there (defaults: products/{domain}, contracts/{domain}).
struct MeshLayout {
    QString products = QStringLiteral("products/{domain}");
    QString contracts = QStringLiteral("contracts/{domain}");
};
MeshLayout detectLayout(const QString &meshDir);

/// Writes the product document, an ODCS contract for its output port and a documentation stub, with
/// the templates of the level. Never overwrites: when any target exists nothing is written.
ScaffoldResult scaffoldProduct(const ScaffoldRequest &request);

/// "path:line: text" for every placeholder left in the files (paths relative to `meshDir`).
QStringList findPlaceholders(const QString &meshDir, const QStringList &relativePaths);

} // namespace meshscope::maturity
