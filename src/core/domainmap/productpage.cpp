#include "productpage.h"

#include "domainmap/domainmap.h"
#include "domainmap/productedges.h"
#include "model/serialization.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <map>

namespace meshscope::domainmap {

namespace {

/// Compares dotted versions numerically where they are numbers ("1.10.0" > "1.9.2").
bool versionLess(const QString &a, const QString &b)
{
    const QStringList x = a.split(QLatin1Char('.'));
    const QStringList y = b.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < std::min(x.size(), y.size()); ++i) {
        bool okA = false, okB = false;
        const int na = x[i].toInt(&okA), nb = y[i].toInt(&okB);
        if (okA && okB && na != nb)
            return na < nb;
        if (!(okA && okB) && x[i] != y[i])
            return x[i] < y[i];
    }
    return x.size() < y.size();
}

void addProperties(ProductPage &page, const QString &contractId, const QString &object,
                   const QList<ContractProperty> &props, const QString &prefix)
{
    for (const ContractProperty &p : props) {
        const QString name = prefix.isEmpty() ? p.name : prefix + QLatin1Char('.') + p.name;
        page.fields.push_back({contractId, object, name, p.logicalType.isEmpty() ? p.physicalType : p.logicalType,
                               p.required, p.pii || p.piiStated ? stated(p.pii) : Stated::NotStated,
                               p.classification, p.description});
        for (const QualityRule &q : p.quality)
            page.checks.push_back({contractId, q.name.isEmpty() ? q.metric : q.name,
                                   q.element.isEmpty() ? object + QLatin1Char('.') + name : q.element, q.dimension,
                                   q.severity, {}, {}, {}});
        addProperties(page, contractId, object, p.properties, name);
    }
}

void addContractContent(ProductPage &page, const Contract &c)
{
    for (const SchemaObject &o : c.schema) {
        addProperties(page, c.id, o.name, o.properties, {});
        for (const QualityRule &q : o.quality)
            page.checks.push_back({c.id, q.name.isEmpty() ? q.metric : q.name, q.element.isEmpty() ? o.name : q.element,
                                   q.dimension, q.severity, {}, {}, {}});
    }
    for (const QualityRule &q : c.quality)
        page.checks.push_back({c.id, q.name.isEmpty() ? q.metric : q.name, q.element, q.dimension, q.severity, {}, {}, {}});
    for (const ServiceLevel &s : c.sla)
        page.slos.push_back({c.id, s.property, s.value, s.unit, s.element});
}

void loadContracts(sql::Connection &db, ProductPage &page)
{
    // Contract id -> (relation, version a port asks for).
    std::map<QString, std::pair<QString, QString>> wanted;
    for (const Port &p : page.product.outputPorts) {
        if (!p.contractId.isEmpty())
            wanted[p.contractId] = {QStringLiteral("output"), p.version};
    }
    for (const Port &p : page.product.inputPorts) {
        if (!p.contractId.isEmpty() && !wanted.count(p.contractId))
            wanted[p.contractId] = {QStringLiteral("input"), p.version};
    }
    {
        // Uses the index contracts_data_product (migration 2) on exactly this expression.
        sql::Statement s = db.prepare("SELECT DISTINCT id FROM contracts WHERE json_extract(data, '$.dataProduct') = ?");
        s.bind(1, page.product.id);
        while (s.step()) {
            if (!wanted.count(s.text(0)))
                wanted[s.text(0)] = {QStringLiteral("describes"), QString()};
        }
    }
    sql::Statement s = db.prepare("SELECT version, status, name, owner, data FROM contracts WHERE id = ?");
    for (const auto &[id, want] : wanted) {
        std::vector<std::pair<PageContract, QByteArray>> versions;
        s.bind(1, id);
        while (s.step())
            versions.push_back({{id, s.text(0), s.text(1), s.text(2), s.text(3), want.first, false}, s.blob(4)});
        s.reset();
        std::sort(versions.begin(), versions.end(),
                  [](const auto &a, const auto &b) { return versionLess(a.first.version, b.first.version); });
        int current = -1;
        for (size_t i = 0; i < versions.size(); ++i) {
            if (versions[i].first.version == want.second)
                current = int(i);
        }
        if (current < 0 && !versions.empty())
            current = int(versions.size()) - 1;
        for (size_t i = 0; i < versions.size(); ++i) {
            versions[i].first.current = int(i) == current;
            page.contracts.push_back(versions[i].first);
        }
        // Fields, SLAs and rules of the outputs' current version: what the product promises.
        if (current >= 0 && want.first != u"input") {
            Contract c;
            json::fromJson(json::parseObject(versions[size_t(current)].second), c);
            addContractContent(page, c);
        }
    }
}

void attachResults(sql::Connection &db, ProductPage &page)
{
    {
        sql::Statement s = db.prepare("SELECT DISTINCT id FROM datasets WHERE product_id = ? ORDER BY id");
        s.bind(1, page.product.id);
        while (s.step())
            page.datasets << s.text(0);
    }
    sql::Statement s = db.prepare(
        "SELECT column_name, check_name, success, time, message FROM quality_results WHERE dataset_id = ? "
        "ORDER BY time DESC");
    for (const QString &dataset : page.datasets) {
        QSet<QString> seen;
        s.bind(1, dataset);
        while (s.step()) {
            const QString column = s.text(0);
            const QString check = s.text(1);
            const QString key = column + QLatin1Char('\n') + check;
            if (seen.contains(key))
                continue; // newest first: later rows are older results of the same check
            seen.insert(key);
            const QString latest = s.int64(2) ? QStringLiteral("pass") : QStringLiteral("fail");
            const QDateTime time = QDateTime::fromString(s.text(3), Qt::ISODateWithMs);
            // A contract rule on the same column and metric gets the result; otherwise it stands alone.
            bool matched = false;
            for (PageCheck &c : page.checks) {
                const bool sameColumn = !column.isEmpty() && c.element.endsWith(QLatin1Char('.') + column);
                const bool sameCheck = c.name.compare(check, Qt::CaseInsensitive) == 0
                    || (check == u"not_null" && c.name == u"nullValues") || (check == u"unique" && c.name == u"duplicateValues");
                if (sameColumn && sameCheck && c.latest.isEmpty()) {
                    c.latest = latest;
                    c.latestTime = time;
                    c.message = s.text(4);
                    matched = true;
                }
            }
            if (!matched)
                page.checks.push_back({dataset, check, column.isEmpty() ? dataset : dataset + QLatin1Char('#') + column,
                                       {}, {}, latest, time, s.text(4)});
        }
        s.reset();
    }
}

/// Input ports naming a source product that neither a product id nor a published contract id resolves
/// (as domainmap/productedges resolves them): listed upstream as unresolved, once per name.
void addUnresolvedSources(sql::Connection &db, ProductPage &page)
{
    sql::Statement known = db.prepare("SELECT 1 FROM products WHERE id = ?1 UNION ALL "
                                      "SELECT 1 FROM ports WHERE direction = 'output' AND contract_id = ?1 LIMIT 1");
    QSet<QString> listed;
    for (const PageNeighbour &n : page.upstream)
        listed.insert(n.id);
    for (const Port &port : page.product.inputPorts) {
        const QString &ref = port.sourceProductId;
        if (ref.isEmpty() || listed.contains(ref))
            continue;
        known.bind(1, ref);
        const bool found = known.step();
        known.reset();
        if (found)
            continue;
        listed.insert(ref);
        page.upstream.push_back({ref, ref, {}, int(EdgeVia::Port), /*unresolved=*/true,
                                 port.name.isEmpty() ? port.id : port.name});
    }
}

void loadNeighbours(sql::Connection &db, ProductPage &page, const DomainMap *map)
{
    std::vector<ProductDependency> deps;
    if (map) {
        const int self = map->productOf(page.product.id);
        for (const ProductEdge &e : map->productEdges) {
            if (e.from == self || e.to == self)
                deps.push_back({map->products[size_t(e.from)].id, map->products[size_t(e.to)].id, e.via});
        }
    } else {
        deps = loadProductDependencies(db);
    }
    sql::Statement s = db.prepare("SELECT name, domain_id FROM products WHERE id = ?");
    auto neighbour = [&s](const QString &id, int via) {
        s.bind(1, id);
        PageNeighbour n{id, id, {}, via, /*unresolved=*/false, {}};
        if (s.step()) {
            n.name = s.text(0).isEmpty() ? id : s.text(0);
            n.domainId = s.text(1);
        }
        s.reset();
        return n;
    };
    for (const ProductDependency &d : deps) {
        if (d.to == page.product.id)
            page.upstream.push_back(neighbour(d.from, d.via));
        if (d.from == page.product.id) {
            page.downstream.push_back(neighbour(d.to, d.via));
            if (isConsumption(d.via))
                page.consumers.push_back(page.downstream.back());
        }
    }
    addUnresolvedSources(db, page);
}

QJsonArray neighboursJson(const std::vector<PageNeighbour> &list)
{
    QJsonArray a;
    for (const PageNeighbour &n : list) {
        QJsonArray via;
        if (n.via & int(EdgeVia::Port))
            via << QStringLiteral("port");
        if (n.via & int(EdgeVia::Lineage))
            via << QStringLiteral("lineage");
        QJsonObject o{{"id", n.id}, {"name", n.name}, {"domainId", n.domainId}, {"via", via}};
        if (n.unresolved) {
            o.insert("unresolved", true);
            o.insert("port", n.port);
        }
        a << o;
    }
    return a;
}

} // namespace

ProductPage loadProductPage(sql::Connection &db, const QString &id, const DomainMap *map)
{
    ProductPage page;
    {
        sql::Statement s = db.prepare("SELECT p.data, d.path, p.line FROM products p "
                                      "JOIN documents d ON d.id = p.document_id WHERE p.id = ?");
        s.bind(1, id);
        if (!s.step())
            return page;
        json::fromJson(json::parseObject(s.blob(0)), page.product);
        page.sourceFile = s.text(1);
        page.line = int(s.int64(2));
    }
    page.found = true;
    const DataProduct &p = page.product;
    page.domainName = p.domainId;
    page.domainType = p.domainType;
    {
        sql::Statement s = db.prepare("SELECT name, type FROM domains WHERE id = ? "
                                      "ORDER BY (type IS NULL) + (description IS NULL) + (owner IS NULL) LIMIT 1");
        s.bind(1, p.domainId);
        if (s.step()) {
            page.domainName = s.text(0).isEmpty() ? p.domainId : s.text(0);
            if (page.domainType == DomainType::Unknown)
                page.domainType = parseDomainType(s.text(1));
        }
    }
    if (!p.teamId.isEmpty()) {
        sql::Statement s = db.prepare("SELECT data FROM teams WHERE id = ? LIMIT 1");
        s.bind(1, p.teamId);
        if (s.step()) {
            Team team;
            json::fromJson(json::parseObject(s.blob(0)), team);
            page.teamName = team.name.isEmpty() ? team.id : team.name;
            page.teamMembers = team.members;
        } else {
            page.teamName = p.teamId;
        }
    }
    // Contact: the owner when it is an address, else an owner-role member's, else a support channel.
    if (p.owner.contains(QLatin1Char('@')))
        page.contact = p.owner;
    for (const Person &m : page.teamMembers) {
        if (page.contact.isEmpty() && m.role.compare(QLatin1String("owner"), Qt::CaseInsensitive) == 0)
            page.contact = m.email.isEmpty() ? m.username : m.email;
    }
    for (const QJsonValue &v : p.custom.value(QStringLiteral("support")).toArray()) {
        if (page.contact.isEmpty())
            page.contact = v.toObject().value(QStringLiteral("url")).toString();
    }
    for (const SchemaField &f : p.fields)
        page.fields.push_back({QStringLiteral("product"), {}, f.name, f.type, f.required, f.pii, f.classification,
                               f.description});
    for (const ServiceLevel &s : p.slos)
        page.slos.push_back({QStringLiteral("product"), s.property, s.value, s.unit, s.element});
    loadContracts(db, page);
    attachResults(db, page);
    loadNeighbours(db, page, map);
    const int self = map ? map->productOf(id) : -1;
    if (self >= 0)
        page.health = map->products[size_t(self)].health; // Unknown until the map's health is assessed
    else
        page.health = assessMeshHealth(db).value(id);
    return page;
}

QJsonObject toJson(const ProductPage &page)
{
    QJsonObject o = json::toJson(page.product);
    o.insert("found", page.found);
    o.insert("domainName", page.domainName);
    o.insert("domainTypeName", domainTypeName(page.domainType));
    o.insert("teamName", page.teamName);
    QJsonArray members;
    for (const Person &m : page.teamMembers)
        members << QJsonObject{{"username", m.username}, {"name", m.name}, {"email", m.email}, {"role", m.role}};
    o.insert("teamMembers", members);
    o.insert("contact", page.contact);
    o.insert("sourceFile", page.sourceFile);
    o.insert("line", page.line);
    QJsonArray contracts;
    for (const PageContract &c : page.contracts)
        contracts << QJsonObject{{"id", c.id}, {"version", c.version}, {"status", c.status}, {"name", c.name},
                                 {"owner", c.owner}, {"relation", c.relation}, {"current", c.current}};
    o.insert("contracts", contracts);
    QJsonArray fields;
    for (const PageField &f : page.fields)
        fields << QJsonObject{{"source", f.source}, {"object", f.object}, {"name", f.name}, {"type", f.type},
                              {"required", f.required},
                              // true, false, or null when the document does not say
                              {"pii", f.pii == Stated::NotStated ? QJsonValue() : QJsonValue(f.pii == Stated::Yes)},
                              {"classification", f.classification},
                              {"description", f.description}};
    o.insert("schemaFields", fields);
    QJsonArray slos;
    for (const PageSlo &s : page.slos)
        slos << QJsonObject{{"source", s.source}, {"property", s.property}, {"value", s.value}, {"unit", s.unit},
                            {"element", s.element}};
    o.insert("serviceLevels", slos);
    QJsonArray checks;
    for (const PageCheck &c : page.checks)
        checks << QJsonObject{{"source", c.source}, {"name", c.name}, {"element", c.element},
                              {"dimension", c.dimension}, {"severity", c.severity}, {"latest", c.latest},
                              {"latestTime", c.latestTime.isValid() ? c.latestTime.toString(Qt::ISODate) : QString()},
                              {"message", c.message}};
    o.insert("checks", checks);
    o.insert("upstream", neighboursJson(page.upstream));
    o.insert("downstream", neighboursJson(page.downstream));
    o.insert("consumers", neighboursJson(page.consumers));
    o.insert("datasets", QJsonArray::fromStringList(page.datasets));
    o.insert("health", toJson(page.health));
    return o;
}

} // namespace meshscope::domainmap
