#include "cachereader.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace meshscope::cache {

CacheCounts CacheReader::counts()
{
    auto count = [this](const char *sqlText) {
        sql::Statement s = m_db.prepare(sqlText);
        return s.step() ? s.int64(0) : 0;
    };
    CacheCounts c;
    c.files = count("SELECT count(*) FROM documents");
    c.domains = count("SELECT count(DISTINCT id) FROM domains");
    c.products = count("SELECT count(*) FROM products");
    c.contracts = count("SELECT count(*) FROM contracts");
    // The primary key is (id, version): distinct ids are the contracts, rows their versions.
    c.contractIds = count("SELECT count(DISTINCT id) FROM contracts");
    c.policies = count("SELECT count(*) FROM policies");
    c.datasets = count("SELECT count(DISTINCT id) FROM datasets");
    c.columns = count("SELECT count(*) FROM (SELECT DISTINCT dataset_id, name FROM columns)");
    c.lineageEdges = count("SELECT count(*) FROM (SELECT DISTINCT from_id, to_id FROM lineage_edges)");
    c.columnEdges = count("SELECT count(*) FROM (SELECT DISTINCT from_dataset, from_column, to_dataset, "
                          "to_column FROM column_edges)");
    c.runs = count("SELECT count(DISTINCT run_id) FROM runs");
    c.qualityResults = count("SELECT count(*) FROM quality_results");
    c.origins[QStringLiteral("domains")] = originOf("domains");
    c.origins[QStringLiteral("products")] = originOf("products");
    c.origins[QStringLiteral("contractIds")] = originOf("contracts");
    c.origins[QStringLiteral("datasets")] = originOf("datasets");
    c.origins[QStringLiteral("policies")] = originOf("policies");
    return c;
}

CountOrigin CacheReader::originOf(const char *table)
{
    // `table` is one of the fixed names above, never input: every entity table keys its rows to the
    // document that defined them.
    CountOrigin origin;
    const QByteArray byFormat = QByteArray("SELECT coalesce(d.format, ''), count(DISTINCT d.id) FROM ") + table +
                                " t JOIN documents d ON d.id = t.document_id GROUP BY 1";
    sql::Statement formats = m_db.prepare(byFormat.constData());
    while (formats.step()) {
        origin.documentsByFormat[formats.text(0)] = formats.int64(1);
        origin.documents += formats.int64(1);
    }
    const QByteArray sources =
        QByteArray("SELECT count(DISTINCT d.source_id) FROM ") + table + " t JOIN documents d ON d.id = t.document_id";
    sql::Statement s = m_db.prepare(sources.constData());
    origin.sources = s.step() ? s.int64(0) : 0;
    return origin;
}

bool CacheReader::hasProduct(const QString &id)
{
    sql::Statement s = m_db.prepare("SELECT 1 FROM products WHERE id = ?");
    s.bind(1, id);
    return s.step();
}

bool CacheReader::hasMetric(const QString &id)
{
    sql::Statement s = m_db.prepare("SELECT 1 FROM metrics WHERE id = ?");
    s.bind(1, id);
    return s.step();
}

QStringList CacheReader::productsTagged(const QString &tag)
{
    sql::Statement s = m_db.prepare("SELECT p.id FROM products p WHERE EXISTS "
                                    "(SELECT 1 FROM json_each(p.data, '$.tags') t WHERE t.value = ?) ORDER BY p.id");
    s.bind(1, tag);
    QStringList ids;
    while (s.step())
        ids << s.text(0);
    return ids;
}

QStringList CacheReader::sourceUris()
{
    QStringList out;
    sql::Statement s = m_db.prepare("SELECT uri FROM sources ORDER BY id");
    while (s.step())
        out << s.text(0);
    return out;
}

QDateTime CacheReader::lastSync()
{
    sql::Statement s = m_db.prepare("SELECT max(finished) FROM syncs WHERE status = 'ok'");
    if (!s.step() || s.isNull(0))
        return {};
    return QDateTime::fromString(s.text(0), Qt::ISODateWithMs);
}

Change changeOfRow(const sql::Statement &s)
{
    Change c{QDateTime::fromString(s.text(0), Qt::ISODateWithMs), s.text(1), s.text(2), s.text(3), s.text(4), {}};
    for (const QJsonValue &v : QJsonDocument::fromJson(s.text(5).toUtf8()).array())
        c.fields << v.toString();
    return c;
}

std::vector<Change> CacheReader::changesSince(const QDateTime &since, int limit)
{
    sql::Statement s = m_db.prepare("SELECT at, kind, entity_id, change, domain_id, fields FROM change_feed "
                                    "WHERE at > ? ORDER BY id DESC LIMIT ?");
    s.bind(1, since.isValid() ? since.toUTC().toString(Qt::ISODateWithMs) : QString()).bind(2, limit);
    std::vector<Change> out;
    while (s.step())
        out.push_back(changeOfRow(s));
    return out;
}

SourceHoldings CacheReader::heldOnlyBy(const QStringList &uris)
{
    // `gone`: the ids of those sources. The uris go in as one bound JSON array, never into the SQL text.
    const QString list = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(uris)).toJson(QJsonDocument::Compact));
    const auto prepare = [&](const char *sqlText) {
        const QByteArray text = QByteArray("WITH gone(id) AS (SELECT id FROM sources WHERE uri IN "
                                           "(SELECT value FROM json_each(?1))) ") + sqlText;
        sql::Statement s = m_db.prepare(text.constData());
        s.bind(1, list);
        return s;
    };
    const auto count = [&](const char *sqlText) {
        sql::Statement s = prepare(sqlText);
        return s.step() ? s.int64(0) : 0;
    };
    SourceHoldings out;
    out.products = count("SELECT count(*) FROM products p JOIN documents d ON d.id = p.document_id "
                         "WHERE d.source_id IN gone");
    out.contracts = count("SELECT count(*) FROM contracts c JOIN documents d ON d.id = c.document_id "
                          "WHERE d.source_id IN gone");
    // A domain stays while a document of another source names it.
    out.domains = count("SELECT count(DISTINCT m.id) FROM domains m JOIN documents d ON d.id = m.document_id "
                        "WHERE d.source_id IN gone AND NOT EXISTS (SELECT 1 FROM domains o "
                        "JOIN documents od ON od.id = o.document_id WHERE o.id = m.id AND od.source_id NOT IN gone)");
    sql::Statement s = prepare("SELECT c.id, c.version, c.status, d.path, src.uri FROM contracts c "
                               "JOIN documents d ON d.id = c.document_id JOIN sources src ON src.id = d.source_id "
                               "WHERE d.source_id IN gone AND lower(c.status) IN ('proposed', 'draft') "
                               "ORDER BY c.id, c.version");
    while (s.step())
        out.proposals.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4)});
    return out;
}

} // namespace meshscope::cache
