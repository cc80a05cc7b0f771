#include "searchindex.h"

#include "model/serialization.h"
#include "plaintext.h"

#include <QJsonArray>
#include <QSet>

namespace meshscope::cache {

namespace {

/// Words for one index column: distinct non-empty parts in first-seen order, joined by spaces.
class Words {
public:
    Words &operator<<(const QString &text)
    {
        const QString clean = cleanText(text);
        if (!clean.isEmpty() && !m_seen.contains(clean)) {
            m_seen.insert(clean);
            m_parts << clean;
        }
        return *this;
    }
    Words &operator<<(const QStringList &texts)
    {
        for (const QString &t : texts)
            *this << t;
        return *this;
    }
    /// Markdown (descriptions): indexed as the words a snippet shows.
    void addMarkdown(const QString &markdown) { *this << plainText(markdown); }
    QString text() const { return m_parts.join(QLatin1Char(' ')); }

private:
    QStringList m_parts;
    QSet<QString> m_seen;
};

/// URLs under `authoritativeDefinitions` anywhere in an element's custom keys (ODCS keeps them at every
/// level: a jdbc URL names the server and database a table lives in).
void collectDefinitionUrls(const QJsonValue &value, bool underDefinitions, Words &out)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const bool defs = underDefinitions || it.key() == u"authoritativeDefinitions";
            if (defs && it.key() == u"url" && it.value().isString())
                out << it.value().toString();
            else
                collectDefinitionUrls(it.value(), defs, out);
        }
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collectDefinitionUrls(v, underDefinitions, out);
    }
}

/// A server's name, type, environment and every plain value of its details (host, port, database,
/// schema, catalog, project, dataset, location, topic, path …).
void addServer(const Server &s, Words &details)
{
    details << s.server << s.type << s.environment;
    for (auto it = s.details.begin(); it != s.details.end(); ++it) {
        if (it.value().isString())
            details << it.value().toString();
        else if (it.value().isDouble())
            details << QString::number(it.value().toDouble());
    }
}

void addRules(const QList<QualityRule> &rules, Words &description, Words &details)
{
    for (const QualityRule &r : rules) {
        details << r.name << r.id << r.metric;
        description.addMarkdown(r.description);
    }
}

/// A schema object's (or property's) nested properties: names into `fields`, descriptions, tags, rules.
void addProperties(const QList<ContractProperty> &properties, Words &fields, Words &description, Words &tags,
                   Words &details)
{
    for (const ContractProperty &p : properties) {
        fields << p.name << p.businessName << p.physicalName;
        description.addMarkdown(p.description);
        tags << p.tags;
        addRules(p.quality, description, details);
        addProperties(p.properties, fields, description, tags, details);
    }
}

void addPropertyNames(const QList<ContractProperty> &properties, Words &out)
{
    for (const ContractProperty &p : properties) {
        out << p.name << p.businessName;
        addPropertyNames(p.properties, out);
    }
}

void collectPropertyUrls(const QList<ContractProperty> &properties, Words &out)
{
    for (const ContractProperty &p : properties) {
        collectDefinitionUrls(p.custom, false, out);
        collectPropertyUrls(p.properties, out);
    }
}

SearchRow tagRow(const QString &tag)
{
    SearchRow row{QStringLiteral("tag"), tag, {}, tag, {}, {}, {}, tag, {}};
    return row;
}

} // namespace

std::vector<SearchRow> searchRows(const Contract &c)
{
    std::vector<SearchRow> rows;
    Words description, fields, owners, details;
    description.addMarkdown(c.description);
    for (const SchemaObject &o : c.schema) {
        fields << o.name;
        addPropertyNames(o.properties, fields);
    }
    owners << c.owner << c.teamName;
    for (const Person &m : c.team)
        owners << m.username << m.name;
    details << c.dataProduct;
    for (const Server &s : c.servers) {
        addServer(s, details);
        description.addMarkdown(s.description);
    }
    for (const ServiceLevel &sla : c.sla)
        details << sla.property << sla.element;
    addRules(c.quality, description, details);
    // Every level's definition URLs, so the contract is found by the server its tables live on.
    collectDefinitionUrls(c.custom, false, details);
    for (const SchemaObject &o : c.schema) {
        collectDefinitionUrls(o.custom, false, details);
        collectPropertyUrls(o.properties, details);
    }
    rows.push_back({QStringLiteral("contract"), c.id, {}, c.name, description.text(), fields.text(), owners.text(),
                    c.tags.join(QLatin1Char(' ')), details.text()});

    for (const SchemaObject &o : c.schema) {
        if (o.name.isEmpty())
            continue;
        Words tDescription, tFields, tTags, tDetails;
        tDescription.addMarkdown(o.description);
        tFields << o.businessName << o.physicalName;
        tTags << o.tags;
        addRules(o.quality, tDescription, tDetails);
        addProperties(o.properties, tFields, tDescription, tTags, tDetails);
        collectDefinitionUrls(o.custom, false, tDetails);
        rows.push_back({QStringLiteral("table"), c.id, o.name, o.name, tDescription.text(), tFields.text(), {},
                        tTags.text(), tDetails.text()});
    }
    for (const QString &tag : c.tags)
        rows.push_back(tagRow(tag));
    return rows;
}

std::vector<SearchRow> searchRows(const DataProduct &p)
{
    std::vector<SearchRow> rows;
    Words description, fields, details;
    description.addMarkdown(p.description);
    for (const SchemaField &f : p.fields) {
        fields << f.name;
        description.addMarkdown(f.description);
    }
    for (const auto *ports : {&p.inputPorts, &p.outputPorts}) {
        for (const Port &pt : *ports) {
            fields << pt.name;
            description.addMarkdown(pt.description);
            details << pt.location << pt.type << pt.technology;
        }
    }
    for (const ServiceLevel &slo : p.slos)
        details << slo.property << slo.element;
    rows.push_back({QStringLiteral("product"), p.id, {}, p.name, description.text(), fields.text(), p.owner,
                    p.tags.join(QLatin1Char(' ')), details.text()});
    if (!p.owner.isEmpty())
        rows.push_back({QStringLiteral("owner"), p.owner, {}, p.owner, {}, {}, p.owner, {}, {}});
    for (const QString &tag : p.tags)
        rows.push_back(tagRow(tag));
    return rows;
}

std::vector<SearchRow> searchRows(const Dataset &d)
{
    std::vector<SearchRow> rows;
    Words columnNames;
    for (const DatasetColumn &c : d.columns) {
        columnNames << c.name;
        rows.push_back({QStringLiteral("column"), d.id + QLatin1Char('#') + c.name, {}, c.name,
                        plainText(c.description), {}, {}, c.tags.join(QLatin1Char(' ')), {}});
    }
    Words details;
    details << d.ns << d.platform << d.checks;
    rows.push_back({QStringLiteral("dataset"), d.id, {}, d.name, plainText(d.description), columnNames.text(),
                    d.owner, d.tags.join(QLatin1Char(' ')), details.text()});
    return rows;
}

SearchRow searchRow(const Domain &d)
{
    return {QStringLiteral("domain"), d.id, {}, d.name, plainText(d.description), {}, d.owner, {}, {}};
}

SearchRow searchRow(const Metric &m)
{
    Words fields;
    fields << m.dimensions;
    Words details;
    details << m.label << m.expression << m.filter << m.type;
    for (const MetricInput &in : m.inputs)
        details << in.ref;
    return {QStringLiteral("metric"), m.id, {}, m.name, plainText(m.description), fields.text(), m.owner,
            m.tags.join(QLatin1Char(' ')), details.text()};
}

void insertSearchRow(sql::Statement &rowInsert, sql::Statement &ftsInsert, sql::Connection &db, qint64 documentId,
                     const SearchRow &row)
{
    rowInsert.reset();
    rowInsert.bind(1, documentId).bind(2, row.kind).bind(3, row.id).bindOptional(4, row.object).run();
    ftsInsert.reset();
    // A table is found by its own name, not by its contract's id (the contract's hit is).
    ftsInsert.bind(1, db.lastInsertRowId()).bind(2, row.object.isEmpty() ? row.id : QString()).bind(3, cleanText(row.name)).bind(4, row.description);
    ftsInsert.bind(5, row.fields).bind(6, cleanText(row.owners)).bind(7, cleanText(row.tags)).bind(8, row.details).run();
}

void rebuildSearchIndex(sql::Connection &db)
{
    db.exec("DELETE FROM search_rows"); // the trigger empties the FTS table row by row
    db.exec("DELETE FROM search");
    sql::Statement rowInsert = db.prepare(kInsertSearchRowSql);
    sql::Statement ftsInsert = db.prepare(kInsertSearchFtsSql);
    auto insertAll = [&](qint64 documentId, const std::vector<SearchRow> &rows) {
        for (const SearchRow &r : rows)
            insertSearchRow(rowInsert, ftsInsert, db, documentId, r);
    };
    {
        sql::Statement s = db.prepare("SELECT document_id, id, name, type, parent_id, description, owner FROM domains");
        while (s.step()) {
            const Domain d{s.text(1), s.text(2), parseDomainType(s.text(3)), s.text(4), s.text(5), s.text(6)};
            insertAll(s.int64(0), {searchRow(d)});
        }
    }
    // Rowid order is the order the sync wrote them, so the rebuilt index ranks ties as a fresh one does.
    auto fromTable = [&](const char *sqlText, auto tag) {
        using Entity = decltype(tag);
        sql::Statement s = db.prepare(sqlText);
        while (s.step()) {
            Entity entity;
            json::fromJson(json::parseObject(s.text(2).toUtf8()), entity);
            entity.id = s.text(1); // the key the row is stored under
            insertAll(s.int64(0), searchRows(entity));
        }
    };
    fromTable("SELECT document_id, id, data FROM products ORDER BY rowid", DataProduct{});
    fromTable("SELECT document_id, id, data FROM contracts ORDER BY rowid", Contract{});
    fromTable("SELECT document_id, id, data FROM datasets ORDER BY rowid", Dataset{});
}

} // namespace meshscope::cache
