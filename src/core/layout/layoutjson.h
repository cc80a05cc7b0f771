#pragma once

#include "layoutgraph.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace meshscope::layout {

/// @brief Where a JSON document is wrong: `place` is "line L, column C" for syntax errors or a
/// path such as "nodes[3].id" for content errors.
struct JsonError {
    QString place;
    QString message;
};

/// @brief Reads `{"nodes":[{"id":"a","width":180,"height":40,"group":"orders"}],
/// "edges":[{"source":"a","target":"b"}]}`. Width, height and group are optional. Returns false
/// with `error` set for bad JSON, a missing or duplicate id, a size that is not a positive number,
/// or an edge naming an unknown node.
bool readGraphJson(const QByteArray &bytes, LayoutGraph &graph, JsonError &error);

/// @brief Node centres by id from an earlier writeLayoutJson() output, for incremental layout.
bool readPositionsJson(const QByteArray &bytes, QHash<QString, Point> &positions, JsonError &error);

/// @brief `{"nodes":[{"id","x","y","width","height"}], "edges":[{"source","target","points"}],
/// "groups":[{"id","x","y","width","height"}], "stats":{...}}`; x and y are centres.
QByteArray writeLayoutJson(const LayoutGraph &graph, const LayoutResult &result);

} // namespace meshscope::layout
