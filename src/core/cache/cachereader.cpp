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
    return c;
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

std::vector<Change> CacheReader::changesSince(const QDateTime &since, int limit)
{
    sql::Statement s = m_db.prepare("SELECT at, kind, entity_id, change, domain_id, fields FROM change_feed "
                                    "WHERE at > ? ORDER BY id DESC LIMIT ?");
    s.bind(1, since.isValid() ? since.toUTC().toString(Qt::ISODateWithMs) : QString()).bind(2, limit);
    std::vector<Change> out;
    while (s.step()) {
        Change c{QDateTime::fromString(s.text(0), Qt::ISODateWithMs), s.text(1), s.text(2), s.text(3), s.text(4), {}};
        for (const QJsonValue &v : QJsonDocument::fromJson(s.text(5).toUtf8()).array())
            c.fields << v.toString();
        out.push_back(c);
    }
    return out;
}

} // namespace meshscope::cache
