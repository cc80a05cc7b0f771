#pragma once

#include "cache/sqlite.h"
#include "domainmap/producthealth.h"
#include "model/entities.h"

#include <QDateTime>
#include <QJsonObject>

#include <vector>

/// Everything the cache knows about one data product, gathered for its page: the product itself,
/// its domain and team, the contracts its ports name (every version held), the schema fields, SLOs,
/// quality checks with their latest results, one-hop neighbours and the file it came from.
namespace meshscope::domainmap {

struct DomainMap;

struct PageNeighbour {
    QString id;
    QString name;
    QString domainId;
    int via = 0; ///< EdgeVia bits
    /// An input port names this product, and the mesh has no such product (nor a published contract of
    /// that id): shown as a reference that does not resolve, never dropped.
    bool unresolved = false;
    QString port; ///< unresolved: the input port that names it
};

struct PageContract {
    QString id;
    QString version;
    QString status;
    QString name;
    QString owner;
    QString relation; ///< "output", "input" or "describes" (names the product as its dataProduct)
    bool current = false; ///< the version a port asks for, else the newest held
};

struct PageField {
    QString source; ///< "product" or the contract id it comes from
    QString object; ///< schema object (table) name; empty for the product's own fields
    QString name;   ///< "a.b" for nested properties
    QString type;
    bool required = false;
    Stated pii = Stated::NotStated; ///< yes, no, or the document does not say
    QString classification;
    QString description;
};

struct PageSlo {
    QString source; ///< "product" or a contract id
    QString property;
    QString value;
    QString unit;
    QString element;
};

struct PageCheck {
    QString source;  ///< a contract id, or the dataset a result was reported for
    QString name;    ///< rule name, else its metric, else the reported check name
    QString element; ///< object.property, or dataset#column for reported results
    QString dimension;
    QString severity;
    QString latest;  ///< "pass", "fail" or "" when no result is in the cache
    QDateTime latestTime;
    QString message;
};

struct ProductPage {
    bool found = false;
    DataProduct product;
    QString domainName;
    DomainType domainType = DomainType::Unknown;
    QString teamName;
    QList<Person> teamMembers;
    QString contact; ///< an e-mail or URL to reach the owners, when the documents give one
    QString sourceFile;
    int line = 0;
    std::vector<PageContract> contracts;
    std::vector<PageField> fields;
    std::vector<PageSlo> slos;
    std::vector<PageCheck> checks;
    std::vector<PageNeighbour> upstream;
    std::vector<PageNeighbour> downstream;
    std::vector<PageNeighbour> consumers; ///< downstream products that read it through an input port
    QStringList datasets;                 ///< lineage datasets the product owns
    HealthAssessment health;              ///< the map's verdict and its signals (producthealth.h)
};

/// Loads the page of product `id`; `found` is false when the cache has no such product.
/// With a built `map`, neighbours and health come from it instead of re-deriving every dependency and
/// re-evaluating the mesh.
ProductPage loadProductPage(sql::Connection &db, const QString &id, const DomainMap *map = nullptr);

QJsonObject toJson(const ProductPage &page);

} // namespace meshscope::domainmap
