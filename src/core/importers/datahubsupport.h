#pragma once

#include <QString>

/// Names shared by DataHub's MCE/MCP file importer and the DataHub GraphQL adapter, so the same
/// dataset read either way lands on one node.
namespace meshscope::importers::datahub {

/// "urn:li:dataset:(urn:li:dataPlatform:hive,SampleHiveDataset,PROD)" -> the Dataset id: the platform
/// is the namespace (database platforms meet dbt and OpenLineage ids: "hive://samplehivedataset").
/// Empty when `urn` is not a dataset urn.
QString datasetIdFromUrn(const QString &urn);
/// The platform of a dataset urn ("hive"), empty when not a dataset urn.
QString platformOfUrn(const QString &urn);
/// The dataset name of a dataset urn ("SampleHiveDataset").
QString nameOfUrn(const QString &urn);
/// "urn:li:schemaField:(<dataset urn>,field_foo)" -> ("<dataset urn>", "field_foo").
bool splitSchemaFieldUrn(const QString &urn, QString &datasetUrn, QString &field);
/// "urn:li:domain:marketing" -> "marketing"; "urn:li:dataProduct:x" -> "x"; others unchanged.
QString lastUrnPart(const QString &urn);

} // namespace meshscope::importers::datahub
