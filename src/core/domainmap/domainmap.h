#pragma once

#include "cache/sqlite.h"
#include "domainmap/producthealth.h"
#include "model/entities.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <array>
#include <vector>

/// The domain map's data: domains (nested by parent), their products with health, and the
/// cross-domain dependencies aggregated from product-level edges. Built from the cache alone.
namespace meshscope::domainmap {

struct MapProduct {
    QString id;
    QString name;
    QString owner; ///< owner, else owning team, as written
    QString status;
    int domain = -1; ///< index into DomainMap::domains
    HealthAssessment health; ///< see producthealth.h: the same verdict the Quality area shows
    bool hasContract = false;
    int consumers = 0;  ///< distinct consuming products (isConsumption): the product page lists the same
    int downstream = 0; ///< distinct downstream products, consumers and lineage-only ones
    int upstream = 0;   ///< distinct upstream products
};

struct MapDomain {
    QString id;
    QString name;
    QString description;
    QString owner;
    DomainType type = DomainType::Unknown; ///< a sub-domain without a type inherits its parent's
    QString parentId;
    int parent = -1;           ///< index of the parent domain, -1 at top level
    bool declared = false;     ///< false when only products name it (no domain document)
    std::vector<int> children; ///< sub-domains
    std::vector<int> products; ///< its own products, by name
    int totalProducts = 0;     ///< its own plus its sub-domains'
    std::array<int, 4> healthCounts{}; ///< own products per Health value
    QStringList owners;        ///< the domain owner, then product owners by frequency
};

/// A dependency between two domains standing for `count` product-level edges.
struct DomainEdge {
    int from = -1; ///< upstream domain
    int to = -1;   ///< downstream domain
    int count = 0;
    /// Products involved most often (either end), with their edge counts, most first (at most 5).
    std::vector<std::pair<int, int>> topProducts;
};

struct ProductEdge {
    int from = -1;
    int to = -1;
    int via = 0; ///< EdgeVia bits
};

struct DomainMap {
    std::vector<MapDomain> domains;
    std::vector<MapProduct> products;
    std::vector<ProductEdge> productEdges;
    std::vector<DomainEdge> domainEdges;
    QHash<QString, int> domainIndex;
    QHash<QString, int> productIndex;
    bool healthAssessed = false; ///< false: every product's health is Unknown because it was not assessed yet

    int domainOf(const QString &id) const { return domainIndex.value(id, -1); }
    int productOf(const QString &id) const { return productIndex.value(id, -1); }
    /// Top-level domains in display order (by type, then name).
    std::vector<int> roots() const;
};

/// Health is the Quality area's evaluation of the whole mesh (governance, SLOs, checks): on a large mesh
/// it costs many times the rest of the map. `Later` leaves every product Unknown (healthAssessed false)
/// so a view can show the map first and applyHealth(assessMeshHealth(db)) when that is done.
enum class HealthPass { Assess, Later };

/// Reads the cache into a DomainMap. Products naming an undeclared domain get one (declared = false);
/// products naming none are put under the domain id "" named "(no domain)".
DomainMap buildDomainMap(sql::Connection &db, HealthPass pass = HealthPass::Assess,
                         const HealthAssessor &assessor = HealthAssessor());

/// Every product's health, by product id (producthealth.h: evaluateMesh + assessHealth, as of the newest
/// evidence). Throws sql::SqlError.
QHash<QString, HealthAssessment> assessMeshHealth(sql::Connection &db, const HealthAssessor &assessor = HealthAssessor());
/// Sets each product's health (a product not in `health` has no data) and the domains' counts.
void applyHealth(DomainMap &map, const QHash<QString, HealthAssessment> &health);

} // namespace meshscope::domainmap
