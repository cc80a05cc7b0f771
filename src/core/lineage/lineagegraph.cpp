#include "lineagegraph.h"

#include "cache/metricreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace meshscope::lineage {

std::optional<Level> parseLevel(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"product")
        return Level::Product;
    if (t == u"dataset")
        return Level::Dataset;
    if (t == u"column")
        return Level::Column;
    if (t == u"metric")
        return Level::Metric;
    return std::nullopt;
}

QString levelName(Level level)
{
    switch (level) {
    case Level::Product:
        return QStringLiteral("product");
    case Level::Dataset:
        return QStringLiteral("dataset");
    case Level::Column:
        return QStringLiteral("column");
    case Level::Metric:
        return QStringLiteral("metric");
    }
    return {};
}

qsizetype LineageGraph::edgeCount() const
{
    qsizetype n = 0;
    for (const auto &targets : out)
        n += qsizetype(targets.size());
    return n;
}

int LineageGraph::addNode(GraphNode node)
{
    const auto found = index.constFind(node.id);
    if (found != index.constEnd())
        return *found;
    const int i = int(nodes.size());
    index.insert(node.id, i);
    nodes.push_back(std::move(node));
    out.emplace_back();
    in.emplace_back();
    return i;
}

void LineageGraph::addEdge(int source, int target)
{
    const int n = int(nodes.size());
    if (source < 0 || target < 0 || source >= n || target >= n || source == target)
        return;
    out[size_t(source)].push_back(target);
    in[size_t(target)].push_back(source);
}

void LineageGraph::finish()
{
    auto dedupe = [](std::vector<int> &v) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    };
    for (auto &v : out)
        dedupe(v);
    for (auto &v : in)
        dedupe(v);
    for (auto &v : aliases)
        dedupe(v);
}

namespace {

/// What the datasets table says about each dataset id, merged over the documents that mention it
/// (a dbt manifest and OpenLineage events describe the same table, each knowing different things).
struct DatasetInfo {
    QString name;
    QString kind;
    QString productId;
};

QString lastSegment(const QString &id)
{
    const qsizetype slash = id.lastIndexOf(QLatin1Char('/'));
    const QString tail = slash >= 0 ? id.mid(slash + 1) : id;
    const qsizetype dot = tail.lastIndexOf(QLatin1Char('.'));
    return dot >= 0 && dot + 1 < tail.size() ? tail.mid(dot + 1) : tail;
}

void mergeInto(QString &field, const QString &value)
{
    if (field.isEmpty())
        field = value;
}

/// A product's tags from the JSON array its cached document holds; empty when there are none.
QStringList tagList(const QString &jsonArray)
{
    QStringList tags;
    for (const QJsonValue &v : QJsonDocument::fromJson(jsonArray.toUtf8()).array()) {
        if (!v.toString().isEmpty())
            tags << v.toString();
    }
    return tags;
}

struct Products {
    QHash<QString, GraphNode> byId;
    std::vector<QString> order; ///< ids in table order, for stable node indices
};

Products readProducts(sql::Connection &db)
{
    Products p;
    sql::Statement s =
        db.prepare("SELECT id, name, domain_id, owner, json_extract(data, '$.tags') FROM products ORDER BY id");
    while (s.step()) {
        GraphNode n{s.text(0), s.text(1), QStringLiteral("product"), s.text(2), {}, s.text(3), tagList(s.text(4))};
        if (n.label.isEmpty())
            n.label = n.id;
        p.order.push_back(n.id);
        p.byId.insert(n.id, n);
    }
    return p;
}

/// Datasets by id, in id order, and the dataset ids lineage edges name without describing them.
std::vector<std::pair<QString, DatasetInfo>> readDatasets(sql::Connection &db)
{
    QHash<QString, DatasetInfo> infos;
    std::vector<QString> ids;
    sql::Statement s = db.prepare("SELECT id, name, kind, product_id FROM datasets ORDER BY id, document_id");
    while (s.step()) {
        const QString id = s.text(0);
        auto it = infos.find(id);
        if (it == infos.end()) {
            it = infos.insert(id, {});
            ids.push_back(id);
        }
        mergeInto(it->name, s.text(1));
        mergeInto(it->kind, s.text(2));
        mergeInto(it->productId, s.text(3));
    }
    sql::Statement e = db.prepare("SELECT from_id FROM lineage_edges UNION SELECT to_id FROM lineage_edges");
    while (e.step()) {
        const QString id = e.text(0);
        if (!infos.contains(id)) {
            infos.insert(id, {});
            ids.push_back(id);
        }
    }
    std::sort(ids.begin(), ids.end());
    std::vector<std::pair<QString, DatasetInfo>> result;
    result.reserve(ids.size());
    for (const QString &id : ids)
        result.emplace_back(id, infos.value(id));
    return result;
}

GraphNode datasetNode(const QString &id, const DatasetInfo &info, const Products &products)
{
    GraphNode n;
    n.id = id;
    n.label = info.name.isEmpty() ? lastSegment(id) : lastSegment(info.name);
    n.kind = info.kind.isEmpty() ? QStringLiteral("dataset") : info.kind;
    n.parent = info.productId;
    const auto product = products.byId.constFind(info.productId);
    if (product != products.byId.constEnd()) {
        n.domain = product->domain;
        n.owner = product->owner;
        n.tags = product->tags;
    }
    return n;
}

void loadProductLevel(sql::Connection &db, LineageGraph &g)
{
    const Products products = readProducts(db);
    for (const QString &id : products.order)
        g.addNode(products.byId.value(id));

    QHash<QString, std::vector<int>> producersOfContract;
    QHash<QString, std::vector<int>> consumersOfContract;
    sql::Statement ports = db.prepare("SELECT product_id, direction, contract_id, source_product_id FROM ports");
    while (ports.step()) {
        const int product = g.indexOf(ports.text(0));
        const bool output = ports.text(1) == u"output";
        const QString contract = ports.text(2);
        if (!output && !ports.isNull(3))
            g.addEdge(g.indexOf(ports.text(3)), product);
        if (contract.isEmpty())
            continue;
        (output ? producersOfContract : consumersOfContract)[contract].push_back(product);
    }
    for (auto it = consumersOfContract.cbegin(); it != consumersOfContract.cend(); ++it) {
        for (int producer : producersOfContract.value(it.key()))
            for (int consumer : it.value())
                g.addEdge(producer, consumer);
    }

    QHash<QString, int> productOfDataset;
    for (const auto &[id, info] : readDatasets(db)) {
        const int product = g.indexOf(info.productId);
        if (product >= 0) {
            productOfDataset.insert(id, product);
            g.aliases[id].push_back(product);
        }
    }
    sql::Statement edges = db.prepare("SELECT DISTINCT from_id, to_id FROM lineage_edges");
    while (edges.step())
        g.addEdge(productOfDataset.value(edges.text(0), -1), productOfDataset.value(edges.text(1), -1));
}

void loadDatasetLevel(sql::Connection &db, LineageGraph &g)
{
    const Products products = readProducts(db);
    for (const auto &[id, info] : readDatasets(db)) {
        const int i = g.addNode(datasetNode(id, info, products));
        if (!info.productId.isEmpty())
            g.aliases[info.productId].push_back(i);
    }
    sql::Statement edges = db.prepare("SELECT DISTINCT from_id, to_id FROM lineage_edges");
    while (edges.step())
        g.addEdge(g.indexOf(edges.text(0)), g.indexOf(edges.text(1)));
}

QString columnId(const QString &dataset, const QString &column)
{
    return dataset + QLatin1Char('#') + column;
}

void loadColumnLevel(sql::Connection &db, LineageGraph &g)
{
    const Products products = readProducts(db);
    QHash<QString, GraphNode> datasets;
    QHash<QString, QString> productOfDataset;
    for (const auto &[id, info] : readDatasets(db)) {
        datasets.insert(id, datasetNode(id, info, products));
        if (!info.productId.isEmpty())
            productOfDataset.insert(id, info.productId);
    }

    // A dataset's id names its columns and a product's id the columns of its datasets, so that a graph
    // opened on a product or dataset can be switched to column level and stay on it.
    auto addColumn = [&](const QString &dataset, const QString &column) {
        const QString id = columnId(dataset, column);
        if (g.index.contains(id))
            return g.index.value(id);
        const GraphNode parent = datasets.value(dataset);
        GraphNode n{id, column, QStringLiteral("column"), parent.domain, dataset, parent.owner, parent.tags};
        const int i = g.addNode(n);
        g.aliases[dataset].push_back(i);
        if (const QString product = productOfDataset.value(dataset); !product.isEmpty())
            g.aliases[product].push_back(i);
        return i;
    };
    sql::Statement columns = db.prepare("SELECT DISTINCT dataset_id, name FROM columns ORDER BY dataset_id, rowid");
    while (columns.step())
        addColumn(columns.text(0), columns.text(1));
    sql::Statement edges = db.prepare(
        "SELECT DISTINCT from_dataset, from_column, to_dataset, to_column FROM column_edges");
    while (edges.step()) {
        const int from = addColumn(edges.text(0), edges.text(1));
        const int to = addColumn(edges.text(2), edges.text(3));
        g.addEdge(from, to);
    }
}

/// The dataset level, then semantic models (read from their model), their measures, and metrics (read
/// from their inputs). Inputs that name a metric by name (mesh documents) find it when the name is unique.
void loadMetricLevel(sql::Connection &db, LineageGraph &g)
{
    loadDatasetLevel(db, g);
    cache::MetricReader reader(db);
    for (const SemanticModel &m : reader.semanticModels()) {
        const int model = g.indexOf(m.modelId);
        GraphNode n{m.id, m.name, QStringLiteral("semantic_model"), {}, m.modelId, {}, {}};
        if (model >= 0) {
            const GraphNode &parent = g.nodes[size_t(model)];
            n.domain = parent.domain;
            n.owner = parent.owner;
        }
        const int sm = g.addNode(n);
        g.addEdge(model, sm);
        for (const SemanticField &measure : m.measures) {
            GraphNode mn{m.id + QLatin1Char('#') + measure.name, measure.name, QStringLiteral("measure"), n.domain, m.id,
                         n.owner, {}};
            g.addEdge(sm, g.addNode(mn));
        }
    }
    QHash<QString, std::vector<int>> metricsByName;
    for (const cache::MetricRecord &r : reader.metrics()) {
        const Metric &m = r.metric;
        const int i = g.addNode({m.id, m.name, QStringLiteral("metric"), m.domainId, {}, m.owner, m.tags});
        metricsByName[m.name.toLower()].push_back(i);
    }
    Products products;
    bool productsRead = false;
    for (const cache::MetricInputEdge &e : reader.inputEdges()) {
        const int metric = g.indexOf(e.metricId);
        int source = -1;
        if (e.kind == u"measure")
            source = g.indexOf(e.target + QLatin1Char('#') + e.ref);
        if (source < 0)
            source = g.indexOf(e.target);
        if (source < 0 && e.kind == u"metric") {
            const std::vector<int> named = metricsByName.value((e.target.isEmpty() ? e.ref : e.target).toLower());
            source = named.size() == 1 ? named.front() : -1;
        }
        if (source < 0 && e.kind == u"product" && !e.target.isEmpty()) {
            if (!productsRead) {
                products = readProducts(db);
                productsRead = true;
            }
            if (const auto p = products.byId.constFind(e.target); p != products.byId.constEnd())
                source = g.addNode(*p);
        }
        if (source < 0 && e.kind == u"dataset" && !e.target.isEmpty())
            source = g.addNode({e.target, lastSegment(e.target), QStringLiteral("dataset"), {}, {}, {}, {}});
        g.addEdge(source, metric);
    }
}

} // namespace

LineageGraph loadGraph(sql::Connection &db, Level level)
{
    LineageGraph g;
    g.level = level;
    switch (level) {
    case Level::Product:
        loadProductLevel(db, g);
        break;
    case Level::Dataset:
        loadDatasetLevel(db, g);
        break;
    case Level::Column:
        loadColumnLevel(db, g);
        break;
    case Level::Metric:
        loadMetricLevel(db, g);
        break;
    }
    g.finish();
    return g;
}

std::vector<int> resolveNodes(const LineageGraph &graph, const QString &text, QString *error)
{
    const QString wanted = text.trimmed();
    if (const int i = graph.indexOf(wanted); i >= 0)
        return {i};
    if (const auto alias = graph.aliases.constFind(wanted); alias != graph.aliases.constEnd() && !alias->empty())
        return *alias;
    if (graph.level != Level::Column) {
        // A column (`dataset#column`) at dataset level is its dataset, at product level its product.
        const qsizetype hash = wanted.lastIndexOf(QLatin1Char('#'));
        if (hash > 0) {
            const QString dataset = wanted.left(hash);
            if (const int i = graph.indexOf(dataset); i >= 0)
                return {i};
            if (const auto alias = graph.aliases.constFind(dataset); alias != graph.aliases.constEnd() && !alias->empty())
                return *alias;
        }
    }
    std::vector<int> byId;
    std::vector<int> byLabel;
    for (int i = 0; i < int(graph.nodes.size()); ++i) {
        const GraphNode &n = graph.nodes[size_t(i)];
        if (n.id.compare(wanted, Qt::CaseInsensitive) == 0)
            byId.push_back(i);
        else if (n.label.compare(wanted, Qt::CaseInsensitive) == 0)
            byLabel.push_back(i);
    }
    if (byId.size() == 1)
        return byId;
    if (byId.empty() && byLabel.size() == 1)
        return byLabel;
    if (byId.empty() && byLabel.empty()) {
        // A dataset named by its table name at product or column level.
        const std::vector<int> *only = nullptr;
        int matches = 0;
        for (auto it = graph.aliases.cbegin(); it != graph.aliases.cend(); ++it) {
            if (lastSegment(it.key()).compare(wanted, Qt::CaseInsensitive) == 0) {
                only = &it.value();
                ++matches;
            }
        }
        if (matches == 1 && !only->empty())
            return *only;
    }
    if (error) {
        const auto &candidates = byId.empty() ? byLabel : byId;
        if (candidates.empty()) {
            *error = QStringLiteral("no %1 '%2' in the cache's lineage (%3 %1 nodes)")
                         .arg(levelName(graph.level), wanted)
                         .arg(graph.nodes.size());
        } else {
            QStringList ids;
            for (int i : candidates)
                ids << graph.nodes[size_t(i)].id;
            *error = QStringLiteral("'%1' names %2 %3 nodes, give one id: %4")
                         .arg(wanted)
                         .arg(candidates.size())
                         .arg(levelName(graph.level), ids.join(QStringLiteral(", ")));
        }
    }
    return {};
}

} // namespace meshscope::lineage
