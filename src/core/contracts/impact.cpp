#include "impact.h"

#include "cache/metricreader.h"
#include "model/serialization.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <deque>

namespace meshscope::diff {

namespace {

QString detail(const Server &s, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QJsonValue v = s.details.value(QLatin1String(key));
        const QString text = v.isDouble() ? QString::number(v.toDouble()) : v.toString();
        if (!text.isEmpty())
            return text;
    }
    return {};
}

/// The dataset ids an object would have on each of the contract's servers.
QStringList candidateIds(const Contract &contract, const SchemaObject &object)
{
    QStringList out;
    const QString table = object.physicalName.isEmpty() ? object.name : object.physicalName;
    for (const Server &s : contract.servers) {
        QStringList parts;
        for (const QString &part : {detail(s, {"database", "catalog", "project"}), detail(s, {"schema", "dataset"})}) {
            if (!part.isEmpty())
                parts << part;
        }
        // A table name that already says where it lives (db.schema.table) is taken as it is.
        const QString name = table.contains(QLatin1Char('.')) ? table : (parts + QStringList{table}).join(QLatin1Char('.'));
        const QString id = datasetId(s.type, name);
        if (!out.contains(id))
            out << id;
    }
    return out;
}

QString lastSegment(const QString &id)
{
    const qsizetype cut = std::max(id.lastIndexOf(QLatin1Char('.')), id.lastIndexOf(QLatin1Char('/')));
    return id.mid(cut + 1).toLower();
}

} // namespace

QStringList ImpactAnalyzer::producersOf(const QString &contractId)
{
    QStringList out;
    sql::Statement s = m_db.prepare(
        "SELECT DISTINCT product_id FROM ports WHERE contract_id = ? AND direction = 'output' ORDER BY product_id");
    s.bind(1, contractId);
    while (s.step())
        out << s.text(0);
    return out;
}

bool ImpactAnalyzer::datasetKnown(const QString &id)
{
    sql::Statement s = m_db.prepare("SELECT 1 FROM datasets WHERE id = ?1 UNION ALL "
                                    "SELECT 1 FROM lineage_edges WHERE from_id = ?1 LIMIT 1");
    s.bind(1, id);
    return s.step();
}

QStringList ImpactAnalyzer::datasetsOf(const Contract &contract, const QString &object)
{
    QStringList producerDatasets;
    for (const QString &producer : producersOf(contract.id)) {
        sql::Statement s = m_db.prepare("SELECT DISTINCT id FROM datasets WHERE product_id = ? ORDER BY id");
        s.bind(1, producer);
        while (s.step())
            producerDatasets << s.text(0);
    }
    QStringList out;
    for (const SchemaObject &o : contract.schema) {
        if (!object.isEmpty() && o.name != object)
            continue;
        QStringList found;
        for (const QString &id : candidateIds(contract, o)) {
            if (datasetKnown(id))
                found << id;
        }
        const QString table = (o.physicalName.isEmpty() ? o.name : o.physicalName).toLower();
        for (const QString &id : std::as_const(producerDatasets)) {
            if (lastSegment(id) == lastSegment(table) && !found.contains(id))
                found << id;
        }
        out << found;
    }
    if (out.isEmpty())
        out = producerDatasets; // nothing matched by name: every dataset of the producers stands in
    out.removeDuplicates();
    return out;
}

Impact ImpactAnalyzer::consumersOf(const Contract &contract, const QString &object)
{
    const QString cacheKey = contract.id + QLatin1Char('\n') + object;
    const auto cached = m_byObject.constFind(cacheKey);
    if (cached != m_byObject.cend())
        return *cached;

    Impact impact;
    const QStringList producers = producersOf(contract.id);
    QSet<QString> seenProducts(producers.cbegin(), producers.cend());
    sql::Statement productRow = m_db.prepare("SELECT name, domain_id, owner FROM products WHERE id = ?");
    const auto addProduct = [&](const QString &id, const QString &via, int distance) {
        if (id.isEmpty() || seenProducts.contains(id))
            return;
        seenProducts.insert(id);
        AffectedProduct p{id, {}, {}, {}, via, distance};
        productRow.bind(1, id);
        if (productRow.step()) {
            p.name = productRow.text(0);
            p.domainId = productRow.text(1);
            p.owner = productRow.text(2);
        }
        productRow.reset();
        impact.products.push_back(p);
    };

    {
        sql::Statement s = m_db.prepare("SELECT DISTINCT product_id FROM ports WHERE contract_id = ? "
                                        "AND direction = 'input' ORDER BY product_id");
        s.bind(1, contract.id);
        while (s.step())
            addProduct(s.text(0), QStringLiteral("input port"), 0);
    }
    {
        // Manifests that name the contract as a lineage source without an input port.
        sql::Statement s = m_db.prepare("SELECT id, data FROM products WHERE instr(data, ?) > 0 ORDER BY id");
        s.bind(1, contract.id);
        while (s.step()) {
            const QJsonArray sources = json::parseObject(s.text(1).toUtf8()).value(QStringLiteral("lineageSources")).toArray();
            if (sources.contains(QJsonValue(contract.id)))
                addProduct(s.text(0), QStringLiteral("lineage source"), 0);
        }
    }

    const QStringList start = datasetsOf(contract, object);
    QSet<QString> visited(start.cbegin(), start.cend());
    std::deque<std::pair<QString, int>> queue;
    for (const QString &id : start)
        queue.emplace_back(id, 0);
    sql::Statement next = m_db.prepare("SELECT DISTINCT to_id FROM lineage_edges WHERE from_id = ? ORDER BY to_id");
    sql::Statement datasetRow = m_db.prepare("SELECT product_id, data FROM datasets WHERE id = ?");
    while (!queue.empty() && visited.size() < kMaxDatasets) {
        const auto [id, distance] = queue.front();
        queue.pop_front();
        next.bind(1, id);
        while (next.step()) {
            const QString to = next.text(0);
            if (visited.contains(to))
                continue;
            visited.insert(to);
            queue.emplace_back(to, distance + 1);
            AffectedDataset d{to, {}, {}, distance + 1};
            datasetRow.bind(1, to);
            while (datasetRow.step()) {
                if (d.productId.isEmpty())
                    d.productId = datasetRow.text(0);
                if (d.owner.isEmpty())
                    d.owner = json::parseObject(datasetRow.text(1).toUtf8()).value(QStringLiteral("owner")).toString();
            }
            datasetRow.reset();
            impact.datasets.push_back(d);
            addProduct(d.productId, QStringLiteral("lineage"), d.distance);
        }
        next.reset();
    }
    // Metrics over the contract's data: its producers' (a metric names the product it reads), the
    // datasets that hold it and everything downstream of them.
    QSet<QString> reached = visited;
    for (const QString &producer : producers)
        reached.insert(producer);
    for (const AffectedProduct &p : impact.products)
        reached.insert(p.id);
    impact.metrics = metricsOver(reached);
    std::stable_sort(impact.products.begin(), impact.products.end(),
                     [](const AffectedProduct &a, const AffectedProduct &b) {
                         return a.distance != b.distance ? a.distance < b.distance
                                : a.domainId != b.domainId ? a.domainId < b.domainId
                                                            : a.id < b.id;
                     });
    m_byObject.insert(cacheKey, impact);
    return impact;
}

std::vector<AffectedMetric> ImpactAnalyzer::metricsOver(const QSet<QString> &reached)
{
    cache::MetricReader reader(m_db);
    const std::vector<cache::MetricInputEdge> edges = reader.inputEdges();
    if (edges.empty())
        return {};
    QSet<QString> targets = reached;
    for (const SemanticModel &m : reader.semanticModels()) {
        if (reached.contains(m.modelId))
            targets.insert(m.id);
    }
    QHash<QString, cache::MetricRecord> metrics;
    QHash<QString, QString> idByName; ///< documents name the metrics they build on by name
    for (cache::MetricRecord &r : reader.metrics()) {
        idByName.insert(r.metric.name, r.metric.id);
        metrics.insert(r.metric.id, std::move(r));
    }
    // Until nothing new: a metric reached makes the metrics built on it reached (derived metrics).
    std::vector<AffectedMetric> out;
    QSet<QString> found;
    bool grew = true;
    while (grew) {
        grew = false;
        for (const cache::MetricInputEdge &e : edges) {
            if (found.contains(e.metricId))
                continue;
            QString via = e.target;
            if (!targets.contains(via) && e.kind == u"metric")
                via = idByName.value(e.target.isEmpty() ? e.ref : e.target);
            if (via.isEmpty() || !targets.contains(via))
                continue;
            found.insert(e.metricId);
            targets.insert(e.metricId);
            const Metric m = metrics.value(e.metricId).metric;
            out.push_back({e.metricId, m.name, m.domainId, m.owner, via});
            grew = true;
        }
    }
    std::sort(out.begin(), out.end(), [](const AffectedMetric &a, const AffectedMetric &b) { return a.id < b.id; });
    return out;
}

std::vector<ChangeImpact> ImpactAnalyzer::breakingImpact(const Contract &oldContract, const ContractDiff &diff)
{
    std::vector<ChangeImpact> out;
    for (const ContractChange &c : diff.changes) {
        if (c.severity != Severity::Breaking || !c.countsForVersion())
            continue;
        out.push_back(ChangeImpact{c.path, c.ruleId(), consumersOf(oldContract, c.object)});
    }
    return out;
}

ImpactSummary summarizeImpact(const std::vector<ChangeImpact> &impacts)
{
    QMap<QString, QStringList> byDomain; // sorted by domain name
    QSet<QString> products;
    QSet<QString> datasets;
    for (const ChangeImpact &ci : impacts) {
        for (const AffectedProduct &p : ci.impact.products) {
            if (products.contains(p.id))
                continue;
            products.insert(p.id);
            byDomain[p.domainId.isEmpty() ? QStringLiteral("no domain") : p.domainId] << p.id;
        }
        for (const AffectedDataset &d : ci.impact.datasets)
            datasets.insert(d.id);
    }
    ImpactSummary s;
    s.products = int(products.size());
    s.domains = int(byDomain.size());
    s.datasets = int(datasets.size());
    if (impacts.empty()) {
        s.text = QStringLiteral("no breaking changes");
        return s;
    }
    if (products.isEmpty()) {
        s.text = QStringLiteral("breaks no known products");
        return s;
    }
    QStringList parts;
    for (auto it = byDomain.begin(); it != byDomain.end(); ++it) {
        QStringList ids = it.value();
        ids.sort();
        parts << it.key() + QStringLiteral(" (") + ids.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    s.text = QStringLiteral("breaks %1 %2 in %3 %4: %5")
                 .arg(s.products)
                 .arg(s.products == 1 ? QStringLiteral("product") : QStringLiteral("products"))
                 .arg(s.domains)
                 .arg(s.domains == 1 ? QStringLiteral("domain") : QStringLiteral("domains"))
                 .arg(parts.join(QStringLiteral(", ")));
    return s;
}

} // namespace meshscope::diff
