#include "lineagesupport.h"

namespace meshscope::importers {

namespace {

void fill(QString &into, const QString &incoming)
{
    if (into.isEmpty())
        into = incoming;
}

void keepLonger(QString &into, const QString &incoming)
{
    if (incoming.size() > into.size())
        into = incoming;
}

void unite(QStringList &into, const QStringList &incoming)
{
    for (const QString &s : incoming) {
        if (!into.contains(s))
            into.append(s);
    }
}

// Unit separator: cannot occur in ids read from JSON text without escaping, so keys are unambiguous.
constexpr QChar kSep(0x1f);

} // namespace

LineageCollector::LineageCollector(ImportResult &result)
    : m_result(result)
{
    for (size_t i = 0; i < result.datasets.size(); ++i)
        m_datasets.insert(result.datasets[i].id, i);
    for (size_t i = 0; i < result.jobs.size(); ++i)
        m_jobs.insert(result.jobs[i].id, i);
    for (const LineageEdge &e : result.lineageEdges)
        m_edges.insert(e.from + kSep + e.to + kSep + e.jobId);
    for (const ColumnLineageEdge &e : result.columnEdges)
        m_columnEdges.insert(e.fromDataset + kSep + e.fromColumn + kSep + e.toDataset + kSep + e.toColumn);
}

size_t LineageCollector::dataset(const QString &id, const QString &ns, const QString &name, bool *created)
{
    const auto it = m_datasets.constFind(id);
    if (it != m_datasets.constEnd()) {
        if (created)
            *created = false;
        return it.value();
    }
    Dataset d;
    d.id = id;
    d.ns = ns;
    d.name = name;
    m_result.datasets.push_back(std::move(d));
    const size_t index = m_result.datasets.size() - 1;
    m_datasets.insert(id, index);
    if (created)
        *created = true;
    return index;
}

size_t LineageCollector::mergeDataset(Dataset &&incoming)
{
    bool created = false;
    const size_t index = dataset(incoming.id, incoming.ns, incoming.name, &created);
    Dataset &d = m_result.datasets[index];
    if (created) {
        d = std::move(incoming);
        return index;
    }
    fill(d.ns, incoming.ns);
    fill(d.name, incoming.name);
    fill(d.kind, incoming.kind);
    fill(d.platform, incoming.platform);
    fill(d.owner, incoming.owner);
    fill(d.productId, incoming.productId);
    keepLonger(d.description, incoming.description);
    unite(d.tags, incoming.tags);
    d.checks.append(incoming.checks);
    mergeColumns(d.columns, incoming.columns);
    return index;
}

size_t LineageCollector::mergeJob(Job &&incoming)
{
    const auto it = m_jobs.constFind(incoming.id);
    if (it != m_jobs.constEnd()) {
        Job &j = m_result.jobs[it.value()];
        fill(j.kind, incoming.kind);
        keepLonger(j.description, incoming.description);
        return it.value();
    }
    const QString id = incoming.id;
    m_result.jobs.push_back(std::move(incoming));
    const size_t index = m_result.jobs.size() - 1;
    m_jobs.insert(id, index);
    return index;
}

bool LineageCollector::addEdge(const QString &from, const QString &to, const QString &jobId)
{
    if (from.isEmpty() || to.isEmpty() || from == to)
        return false;
    const QString key = from + kSep + to + kSep + jobId;
    if (m_edges.contains(key))
        return false;
    m_edges.insert(key);
    m_result.lineageEdges.push_back({from, to, jobId});
    return true;
}

bool LineageCollector::addColumnEdge(ColumnLineageEdge &&edge)
{
    if (edge.fromDataset.isEmpty() || edge.toDataset.isEmpty() || edge.toColumn.isEmpty())
        return false;
    const QString key = edge.fromDataset + kSep + edge.fromColumn + kSep + edge.toDataset + kSep + edge.toColumn;
    if (m_columnEdges.contains(key))
        return false;
    m_columnEdges.insert(key);
    m_result.columnEdges.push_back(std::move(edge));
    return true;
}

void LineageCollector::addUniqueCheck(size_t datasetIndex, const QString &check)
{
    QStringList &checks = m_result.datasets[datasetIndex].checks;
    if (!check.isEmpty() && !checks.contains(check))
        checks.append(check);
}

void mergeColumns(QList<DatasetColumn> &into, const QList<DatasetColumn> &incoming)
{
    if (into.isEmpty()) {
        into = incoming;
        return;
    }
    QHash<QString, qsizetype> known;
    known.reserve(into.size());
    for (qsizetype i = 0; i < into.size(); ++i)
        known.insert(into[i].name, i);
    for (const DatasetColumn &c : incoming) {
        const auto it = known.constFind(c.name);
        if (it == known.constEnd()) {
            known.insert(c.name, into.size());
            into.append(c);
            continue;
        }
        DatasetColumn &column = into[it.value()];
        fill(column.type, c.type);
        keepLonger(column.description, c.description);
        unite(column.tags, c.tags);
    }
}

QString checkLabel(const QString &check, const QString &column)
{
    if (column.isEmpty())
        return check;
    return check + QLatin1Char('(') + column + QLatin1Char(')');
}

} // namespace meshscope::importers
