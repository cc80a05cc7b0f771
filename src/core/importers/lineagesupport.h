#pragma once

#include "model/importresult.h"

#include <QHash>
#include <QSet>

/// De-duplication shared by the lineage importers: within one document the same dataset, job or
/// edge is met many times (every OpenLineage event repeats its datasets; a dbt source may name
/// the table a seed builds). The collector appends each once to the ImportResult and merges the
/// rest into it.
namespace meshscope::importers {

class LineageCollector
{
public:
    explicit LineageCollector(ImportResult &result);

    /// Index in result.datasets of the dataset with this id, appending an empty one (id, ns, name
    /// set) when it is new. Indexes stay valid; references do not survive the next append.
    size_t dataset(const QString &id, const QString &ns, const QString &name, bool *created = nullptr);
    /// Merges `incoming` into the dataset with the same id (or appends it): columns are united,
    /// the longer description wins, empty fields are filled, tags and checks are united.
    size_t mergeDataset(Dataset &&incoming);
    /// Index in result.jobs, appending when new; fills empty kind/description of an existing job.
    size_t mergeJob(Job &&incoming);

    /// Adds each edge once; self-loops and edges with an empty end are ignored. Returns whether added.
    bool addEdge(const QString &from, const QString &to, const QString &jobId);
    bool addColumnEdge(ColumnLineageEdge &&edge);
    /// Appends `check` to the dataset's checks unless it is already there.
    void addUniqueCheck(size_t datasetIndex, const QString &check);

    ImportResult &result() { return m_result; }

private:
    ImportResult &m_result;
    QHash<QString, size_t> m_datasets;
    QHash<QString, size_t> m_jobs;
    QSet<QString> m_edges;
    QSet<QString> m_columnEdges;
};

/// Unites `incoming` columns into `into`: new names are appended, known ones get a missing
/// type or description and a longer description filled in.
void mergeColumns(QList<DatasetColumn> &into, const QList<DatasetColumn> &incoming);

/// "check(column)" when a column is named, else the check name alone: the form Dataset::checks uses.
QString checkLabel(const QString &check, const QString &column);

} // namespace meshscope::importers
