#pragma once

#include "jsonsupport.h"
#include "lineagesupport.h"

/// Internal to the OpenLineage importer (openlineageimporter*.cpp); not a public interface.
namespace meshscope::importers::openlineage {

/// Where an event sits and what its facets need to know about it.
struct EventContext {
    int line = 0;  ///< first line of the event in the file, 0 when unknown
    int index = 0; ///< 1-based position among the document's events
    QString runId;
    QString jobId;
    QDateTime time;
    QStringList inputs; ///< dataset ids, known once the inputs are read (before the outputs)
};

/// Reads OpenLineage RunEvents (also JobEvents and DatasetEvents of spec 2-0) one at a time,
/// merging the datasets, jobs and edges they repeat into one ImportResult.
class EventReader
{
public:
    EventReader(const QString &file, ImportResult &result);
    void readEvent(const jsonsupport::Json &event, int line, int index);
    int eventCount() const { return m_events; }

private:
    // openlineageimporter.cpp
    QString readJob(const jsonsupport::Json &job, const EventContext &ctx);
    QStringList readDatasets(const jsonsupport::Json &event, const char *key, const char *ioFacetsKey,
                             const EventContext &ctx);

    // openlineageimporter_datasets.cpp
    /// Returns the dataset id, or empty when the entry has no namespace/name.
    QString readDataset(const jsonsupport::Json &dataset, const char *ioFacetsKey, const EventContext &ctx);
    QList<DatasetColumn> schemaColumns(const jsonsupport::Json &schemaFacet, const EventContext &ctx);
    void readColumnLineage(const jsonsupport::Json &facet, const QString &outputId, const EventContext &ctx);
    void readAssertions(const jsonsupport::Json &facet, size_t datasetIndex, const EventContext &ctx);

    void warn(const EventContext &ctx, const QString &message);

    QString m_file;
    ImportResult &m_result;
    LineageCollector m_collector;
    int m_events = 0;
};

/// "postgres" from "postgres://host:5432" or "postgresql://…"; empty when there is no scheme.
QString schemeOf(const QString &uri);

} // namespace meshscope::importers::openlineage
