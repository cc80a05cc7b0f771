#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace meshscope::catalogs::openmetadata {

/// @brief The direct upstream entities of `fqn` in an OpenMetadata lineage answer, as
/// [{"fqn": <from FQN>, "columnsLineage": [{fromColumns, toColumn, function}]}].
///
/// Reads both shapes a server sends: `EntityLineage` (GET /api/v1/lineage/{type}/name/{fqn}: `entity`,
/// `nodes` an array of references, edges an array of {fromEntity: uuid, toEntity: uuid,
/// lineageDetails.columnsLineage}) and `SearchLineageResult` (GET /api/v1/lineage/getLineage: `nodes` a
/// map FQN -> {entity, paging, nodeDepth}, edges a map docId -> {fromEntity: {id, type,
/// fullyQualifiedName}, toEntity, columns}). Edges that do not end at `fqn` are ignored.
QJsonArray directUpstream(const QJsonObject &lineage, const QString &fqn);

} // namespace meshscope::catalogs::openmetadata
