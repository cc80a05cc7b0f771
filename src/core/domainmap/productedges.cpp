#include "productedges.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace meshscope::domainmap {

std::vector<IndexedDependency> loadProductDependencies(sql::Connection &db, const QHash<QString, int> &products)
{
    // Who publishes each contract: the product whose output port names it.
    QHash<QString, int> producerOfContract;
    {
        sql::Statement s = db.prepare("SELECT contract_id, product_id FROM ports WHERE direction = 'output' "
                                      "AND contract_id IS NOT NULL ORDER BY product_id");
        while (s.step())
            producerOfContract.insert(s.text(0), products.value(s.text(1), -1));
    }

    // Keyed by (from << 32 | to): integer keys keep 10,000 products' edges cheap to collect.
    QHash<quint64, int> edges;
    auto add = [&](int from, int to, EdgeVia via) {
        if (from < 0 || to < 0 || from == to)
            return;
        edges[(quint64(quint32(from)) << 32) | quint32(to)] |= int(via);
    };
    auto producer = [&](const QString &ref) {
        const int p = products.value(ref, -1);
        return p >= 0 ? p : producerOfContract.value(ref, -1);
    };

    {
        sql::Statement s = db.prepare("SELECT product_id, contract_id, source_product_id FROM ports "
                                      "WHERE direction = 'input'");
        while (s.step()) {
            const int to = products.value(s.text(0), -1);
            const QString named = s.text(2);
            add(!named.isEmpty() ? producer(named) : producerOfContract.value(s.text(1), -1), to, EdgeVia::Port);
        }
    }
    {
        // Manifest `lineage.sources` name contracts, products or outside URLs; only the first two count.
        sql::Statement s = db.prepare("SELECT id, json_extract(data, '$.lineageSources') FROM products "
                                      "WHERE instr(data, '\"lineageSources\":') > 0");
        while (s.step()) {
            const int to = products.value(s.text(0), -1);
            for (const QJsonValue &v : QJsonDocument::fromJson(s.text(1).toUtf8()).array())
                add(producer(v.toString()), to, EdgeVia::Lineage);
        }
    }
    {
        // Joined in memory: a SQL join of lineage_edges with datasets (twice, with a row per document
        // that mentions a dataset) takes a second on a 10k mesh.
        QHash<QString, int> productOfDataset;
        sql::Statement d = db.prepare("SELECT id, product_id FROM datasets WHERE product_id IS NOT NULL");
        while (d.step())
            productOfDataset.insert(d.text(0), products.value(d.text(1), -1));
        sql::Statement s = db.prepare("SELECT from_id, to_id FROM lineage_edges");
        while (s.step())
            add(productOfDataset.value(s.text(0), -1), productOfDataset.value(s.text(1), -1), EdgeVia::Lineage);
    }

    std::vector<IndexedDependency> out;
    out.reserve(size_t(edges.size()));
    for (auto it = edges.cbegin(); it != edges.cend(); ++it)
        out.push_back({int(it.key() >> 32), int(it.key() & 0xffffffffu), it.value()});
    std::sort(out.begin(), out.end(), [](const IndexedDependency &a, const IndexedDependency &b) {
        return a.from != b.from ? a.from < b.from : a.to < b.to;
    });
    return out;
}

std::vector<ProductDependency> loadProductDependencies(sql::Connection &db)
{
    QHash<QString, int> index;
    QStringList ids;
    sql::Statement s = db.prepare("SELECT id FROM products ORDER BY id");
    while (s.step()) {
        index.insert(s.text(0), int(ids.size()));
        ids << s.text(0);
    }
    std::vector<ProductDependency> out;
    for (const IndexedDependency &d : loadProductDependencies(db, index))
        out.push_back({ids[d.from], ids[d.to], d.via});
    return out;
}

} // namespace meshscope::domainmap
