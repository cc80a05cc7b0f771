#include "domainmap.h"

#include "cache/domainreader.h"
#include "domainmap/productedges.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <map>

namespace meshscope::domainmap {

namespace {

Q_LOGGING_CATEGORY(lcDomainMap, "meshscope.domainmap", QtWarningMsg)

int typeOrder(DomainType t)
{
    switch (t) {
    case DomainType::SourceAligned: return 0;
    case DomainType::Aggregate: return 1;
    case DomainType::ConsumerAligned: return 2;
    case DomainType::Unknown: break;
    }
    return 3;
}

void loadDomains(sql::Connection &db, DomainMap &map)
{
    for (cache::DomainRecord &r : cache::readDomains(db)) {
        map.domainIndex.insert(r.domain.id, int(map.domains.size()));
        MapDomain d;
        d.id = r.domain.id;
        d.name = r.domain.name;
        d.type = r.domain.type;
        d.parentId = r.domain.parentId;
        d.description = r.domain.description;
        d.owner = r.domain.owner;
        d.declared = r.declared;
        map.domains.push_back(std::move(d));
    }
}

int ensureDomain(DomainMap &map, const QString &id, DomainType typeHint)
{
    const int existing = map.domainOf(id);
    if (existing >= 0)
        return existing;
    MapDomain d;
    d.id = id;
    d.name = id.isEmpty() ? QStringLiteral("(no domain)") : id;
    d.type = typeHint;
    map.domainIndex.insert(id, int(map.domains.size()));
    map.domains.push_back(std::move(d));
    return int(map.domains.size()) - 1;
}

void loadProducts(sql::Connection &db, DomainMap &map)
{
    QSet<QString> contracts;
    {
        sql::Statement s = db.prepare("SELECT DISTINCT id FROM contracts");
        while (s.step())
            contracts.insert(s.text(0));
    }
    QSet<QString> withContract;
    {
        sql::Statement s = db.prepare("SELECT product_id, contract_id FROM ports WHERE direction = 'output' "
                                      "AND contract_id IS NOT NULL");
        while (s.step()) {
            if (contracts.contains(s.text(1)))
                withContract.insert(s.text(0));
        }
    }
    sql::Statement s = db.prepare("SELECT id, name, domain_id, owner, status, domain_type, "
                                  "CASE WHEN owner IS NULL THEN json_extract(data, '$.teamId') END "
                                  "FROM products ORDER BY name COLLATE NOCASE, id");
    while (s.step()) {
        MapProduct p;
        p.id = s.text(0);
        p.name = s.text(1).isEmpty() ? p.id : s.text(1);
        p.owner = s.text(3).isEmpty() ? s.text(6) : s.text(3);
        p.status = s.text(4);
        p.domain = ensureDomain(map, s.text(2), parseDomainType(s.text(5)));
        p.hasContract = withContract.contains(p.id);
        map.productIndex.insert(p.id, int(map.products.size()));
        map.domains[size_t(p.domain)].products.push_back(int(map.products.size()));
        map.products.push_back(std::move(p));
    }
}

void linkDomains(DomainMap &map)
{
    for (size_t i = 0; i < map.domains.size(); ++i) {
        MapDomain &d = map.domains[i];
        int parent = d.parentId.isEmpty() ? -1 : map.domainOf(d.parentId);
        // A cycle of parents (a is b's parent and b is a's) would nest forever: break it at this domain.
        for (int p = parent; p >= 0; p = map.domains[size_t(p)].parent) {
            if (p == int(i)) {
                parent = -1;
                break;
            }
        }
        d.parent = parent;
        if (parent >= 0)
            map.domains[size_t(parent)].children.push_back(int(i));
    }
    // Sub-domains without a stated type belong with their parent's group.
    for (size_t i = 0; i < map.domains.size(); ++i) {
        MapDomain &d = map.domains[i];
        for (int p = d.parent; d.type == DomainType::Unknown && p >= 0; p = map.domains[size_t(p)].parent)
            d.type = map.domains[size_t(p)].type;
    }
    for (MapDomain &d : map.domains) {
        std::sort(d.children.begin(), d.children.end(), [&map](int a, int b) {
            return map.domains[size_t(a)].name.compare(map.domains[size_t(b)].name, Qt::CaseInsensitive) < 0;
        });
        QHash<QString, int> ownerCounts;
        for (int p : d.products) {
            const MapProduct &product = map.products[size_t(p)];
            ++d.healthCounts[size_t(product.health.health)];
            if (!product.owner.isEmpty())
                ++ownerCounts[product.owner];
        }
        std::vector<std::pair<int, QString>> owners;
        for (auto it = ownerCounts.cbegin(); it != ownerCounts.cend(); ++it) {
            if (it.key() != d.owner)
                owners.push_back({-it.value(), it.key()});
        }
        std::sort(owners.begin(), owners.end());
        if (!d.owner.isEmpty())
            d.owners << d.owner;
        for (const auto &o : owners)
            d.owners << o.second;
        d.totalProducts = int(d.products.size());
    }
    // Totals bubble up; parents are at most as deep as the domain count.
    for (size_t i = 0; i < map.domains.size(); ++i) {
        const int own = int(map.domains[i].products.size());
        for (int p = map.domains[i].parent; p >= 0; p = map.domains[size_t(p)].parent)
            map.domains[size_t(p)].totalProducts += own;
    }
}

void loadEdges(sql::Connection &db, DomainMap &map)
{
    std::map<std::pair<int, int>, DomainEdge> byPair;
    std::map<std::pair<int, int>, QHash<int, int>> involvement;
    for (const IndexedDependency &dep : loadProductDependencies(db, map.productIndex)) {
        const int from = dep.from;
        const int to = dep.to;
        map.productEdges.push_back({from, to, dep.via});
        ++map.products[size_t(from)].downstream;
        if (isConsumption(dep.via))
            ++map.products[size_t(from)].consumers;
        ++map.products[size_t(to)].upstream;
        const int df = map.products[size_t(from)].domain;
        const int dt = map.products[size_t(to)].domain;
        if (df == dt)
            continue;
        DomainEdge &e = byPair[{df, dt}];
        e.from = df;
        e.to = dt;
        ++e.count;
        QHash<int, int> &inv = involvement[{df, dt}];
        ++inv[from];
        ++inv[to];
    }
    for (auto &[key, edge] : byPair) {
        std::vector<std::pair<int, int>> ranked;
        const QHash<int, int> &inv = involvement[key];
        for (auto it = inv.cbegin(); it != inv.cend(); ++it)
            ranked.push_back({it.key(), it.value()});
        std::sort(ranked.begin(), ranked.end(), [&map](const auto &a, const auto &b) {
            if (a.second != b.second)
                return a.second > b.second;
            return map.products[size_t(a.first)].name < map.products[size_t(b.first)].name;
        });
        if (ranked.size() > 5)
            ranked.resize(5);
        edge.topProducts = std::move(ranked);
        map.domainEdges.push_back(std::move(edge));
    }
}

} // namespace

std::vector<int> DomainMap::roots() const
{
    std::vector<int> out;
    for (size_t i = 0; i < domains.size(); ++i) {
        if (domains[i].parent < 0)
            out.push_back(int(i));
    }
    std::sort(out.begin(), out.end(), [this](int a, int b) {
        const MapDomain &x = domains[size_t(a)];
        const MapDomain &y = domains[size_t(b)];
        if (typeOrder(x.type) != typeOrder(y.type))
            return typeOrder(x.type) < typeOrder(y.type);
        return x.name.compare(y.name, Qt::CaseInsensitive) < 0;
    });
    return out;
}

QHash<QString, HealthAssessment> assessMeshHealth(sql::Connection &db, const HealthAssessor &assessor)
{
    // Only today's verdicts are needed: no daily history.
    return assessHealth(evaluateMesh(db, {}, /*historyDays=*/1), assessor);
}

void applyHealth(DomainMap &map, const QHash<QString, HealthAssessment> &health)
{
    for (MapProduct &p : map.products)
        p.health = health.value(p.id); // a product the evaluation did not see: no data
    for (MapDomain &d : map.domains) {
        d.healthCounts = {};
        for (int p : d.products)
            ++d.healthCounts[size_t(map.products[size_t(p)].health.health)];
    }
    map.healthAssessed = true;
}

DomainMap buildDomainMap(sql::Connection &db, HealthPass pass, const HealthAssessor &assessor)
{
    DomainMap map;
    QElapsedTimer t;
    t.start();
    loadDomains(db, map);
    const qint64 domains = t.restart();
    loadProducts(db, map);
    const qint64 products = t.restart();
    linkDomains(map);
    const qint64 linking = t.restart();
    loadEdges(db, map);
    const qint64 edges = t.restart();
    if (pass == HealthPass::Assess)
        applyHealth(map, assessMeshHealth(db, assessor));
    qCDebug(lcDomainMap) << "domains" << domains << "ms, products" << products << "ms, nesting" << linking
                         << "ms, edges" << edges << "ms, health" << t.elapsed() << "ms";
    return map;
}

} // namespace meshscope::domainmap
