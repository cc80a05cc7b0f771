#include "metricreader.h"

#include "model/serialization.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace meshscope::cache {

namespace {

constexpr const char *kSelectMetrics =
    "SELECT m.id, m.data, d.path, s.uri FROM metrics m JOIN documents d ON d.id = m.document_id "
    "JOIN sources s ON s.id = d.source_id ";

MetricRecord recordOf(sql::Statement &s)
{
    MetricRecord r;
    json::fromJson(json::parseObject(s.text(1).toUtf8()), r.metric);
    r.metric.id = s.text(0); // the key the row is stored under
    r.path = s.text(2);
    r.source = s.text(3);
    return r;
}

} // namespace

std::vector<MetricRecord> MetricReader::metrics()
{
    std::vector<MetricRecord> out;
    sql::Statement s = m_db.prepare(
        (QByteArray(kSelectMetrics) + "ORDER BY coalesce(m.domain_id, ''), m.name COLLATE NOCASE, m.id").constData());
    while (s.step())
        out.push_back(recordOf(s));
    return out;
}

std::optional<MetricRecord> MetricReader::metric(const QString &idOrName)
{
    {
        sql::Statement s = m_db.prepare((QByteArray(kSelectMetrics) + "WHERE m.id = ?").constData());
        s.bind(1, idOrName);
        if (s.step())
            return recordOf(s);
    }
    sql::Statement s = m_db.prepare((QByteArray(kSelectMetrics) + "WHERE m.name = ? COLLATE NOCASE LIMIT 2").constData());
    s.bind(1, idOrName);
    if (!s.step())
        return std::nullopt;
    MetricRecord first = recordOf(s);
    if (s.step())
        return std::nullopt; // a name two definitions share names neither
    return first;
}

std::vector<SemanticModel> MetricReader::semanticModels()
{
    std::vector<SemanticModel> out;
    sql::Statement s = m_db.prepare("SELECT id, data FROM semantic_models ORDER BY id, document_id");
    while (s.step()) {
        SemanticModel m;
        json::fromJson(json::parseObject(s.text(1).toUtf8()), m);
        m.id = s.text(0);
        out.push_back(std::move(m));
    }
    return out;
}

std::vector<MetricInputEdge> MetricReader::inputEdges()
{
    std::vector<MetricInputEdge> out;
    sql::Statement s = m_db.prepare("SELECT metric_id, kind, ref, target FROM metric_inputs ORDER BY rowid");
    while (s.step())
        out.push_back({s.text(0), s.text(1), s.text(2), s.text(3)});
    return out;
}

QStringList MetricReader::dependents(const QString &target)
{
    QStringList out;
    sql::Statement s = m_db.prepare("SELECT DISTINCT metric_id FROM metric_inputs WHERE target = ? ORDER BY metric_id");
    s.bind(1, target);
    while (s.step())
        out << s.text(0);
    return out;
}

std::vector<Change> MetricReader::changesOf(const QString &metricId, int limit)
{
    sql::Statement s = m_db.prepare("SELECT at, kind, entity_id, change, domain_id, fields FROM change_feed "
                                    "WHERE kind = 'metric' AND entity_id = ? ORDER BY id DESC LIMIT ?");
    s.bind(1, metricId).bind(2, limit);
    std::vector<Change> out;
    while (s.step())
        out.push_back(changeOfRow(s));
    return out;
}

std::optional<DataProduct> MetricReader::product(const QString &productId)
{
    sql::Statement s = m_db.prepare("SELECT id, data FROM products WHERE id = ?");
    s.bind(1, productId);
    if (!s.step())
        return std::nullopt;
    DataProduct p;
    json::fromJson(json::parseObject(s.text(1).toUtf8()), p);
    p.id = s.text(0);
    return p;
}

} // namespace meshscope::cache
