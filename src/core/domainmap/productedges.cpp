#include "productedges.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace meshscope::domainmap {

std::vector<ProductDependency> loadProductDependencies(sql::Connection &db)
{
    QSet<QString> products;
    {
        sql::Statement s = db.prepare("SELECT id FROM products");
        while (s.step())
            products.insert(s.text(0));
    }
    // Who publishes each contract: the product whose output port names it.
    QHash<QString, QString> producerOfContract;
    {
        sql::Statement s = db.prepare("SELECT contract_id, product_id FROM ports WHERE direction = 'output' "
                                      "AND contract_id IS NOT NULL ORDER BY product_id");
        while (s.step())
            producerOfContract.insert(s.text(0), s.text(1));
    }

    QHash<QPair<QString, QString>, int> edges;
    auto add = [&](const QString &from, const QString &to, EdgeVia via) {
        if (from.isEmpty() || from == to || !products.contains(from) || !products.contains(to))
            return;
        edges[{from, to}] |= int(via);
    };
    auto producer = [&](const QString &ref) {
        return products.contains(ref) ? ref : producerOfContract.value(ref);
    };

    {
        sql::Statement s = db.prepare("SELECT product_id, contract_id, source_product_id FROM ports "
                                      "WHERE direction = 'input'");
        while (s.step()) {
            const QString to = s.text(0);
            const QString named = s.text(2);
            add(!named.isEmpty() ? producer(named) : producerOfContract.value(s.text(1)), to, EdgeVia::Port);
        }
    }
    {
        // Manifest `lineage.sources` name contracts, products or outside URLs; only the first two count.
        sql::Statement s = db.prepare("SELECT id, json_extract(data, '$.lineageSources') FROM products "
                                      "WHERE instr(data, '\"lineageSources\":') > 0");
        while (s.step()) {
            const QString to = s.text(0);
            for (const QJsonValue &v : QJsonDocument::fromJson(s.text(1).toUtf8()).array())
                add(producer(v.toString()), to, EdgeVia::Lineage);
        }
    }
    {
        sql::Statement s = db.prepare(
            "SELECT DISTINCT a.product_id, b.product_id FROM lineage_edges e "
            "JOIN datasets a ON a.id = e.from_id JOIN datasets b ON b.id = e.to_id "
            "WHERE a.product_id IS NOT NULL AND b.product_id IS NOT NULL AND a.product_id <> b.product_id");
        while (s.step())
            add(s.text(0), s.text(1), EdgeVia::Lineage);
    }

    std::vector<ProductDependency> out;
    out.reserve(size_t(edges.size()));
    for (auto it = edges.cbegin(); it != edges.cend(); ++it)
        out.push_back({it.key().first, it.key().second, it.value()});
    std::sort(out.begin(), out.end(), [](const ProductDependency &a, const ProductDependency &b) {
        return a.from != b.from ? a.from < b.from : a.to < b.to;
    });
    return out;
}

} // namespace meshscope::domainmap
