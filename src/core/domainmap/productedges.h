#pragma once

#include "cache/sqlite.h"

#include <QHash>
#include <QString>

#include <vector>

/// Product-to-product dependencies, derived from what the cache holds: input ports (by the producing
/// product they name, or by the contract another product publishes), manifest lineage sources, and
/// dataset lineage between datasets owned by different products.
namespace meshscope::domainmap {

enum class EdgeVia { Port = 1, Lineage = 2 };

/// Whether a dependency makes the downstream product a consumer. A product's consumers are the distinct
/// other products reading one of its output ports through an input port (naming the product, or a
/// contract it publishes). Products downstream by lineage alone are downstream, not consumers. The
/// Domains table, the product page and the Quality area's "consumers per product" all count this.
inline bool isConsumption(int via)
{
    return (via & int(EdgeVia::Port)) != 0;
}

struct ProductDependency {
    QString from; ///< upstream product id
    QString to;   ///< downstream (consuming) product id
    int via = 0;  ///< EdgeVia bits: how the dependency is known
};

/// Every distinct product-level dependency, self-loops and unknown products left out.
std::vector<ProductDependency> loadProductDependencies(sql::Connection &db);

/// The same by index: `products` maps every product id to its index; `from`/`to` are such indices.
struct IndexedDependency {
    int from = -1;
    int to = -1;
    int via = 0;
};
std::vector<IndexedDependency> loadProductDependencies(sql::Connection &db, const QHash<QString, int> &products);

} // namespace meshscope::domainmap
