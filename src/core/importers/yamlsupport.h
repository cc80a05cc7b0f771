#pragma once

#include "model/importresult.h"

#include <QJsonValue>
#include "yamltree.h"

#include <vector>

/// Small, defensive helpers over the YAML node tree (yamltree.h) shared by the YAML importers.
/// Every accessor tolerates a missing key or a node of the wrong type (it returns a default);
/// the `expect*` helpers add a diagnostic naming the line when a key has the wrong shape.
namespace meshscope::yamlsupport {

/// Parses every document in the bytes. On a syntax error adds a diagnostic with line and column
/// and returns false. Rejects invalid UTF-8 first, naming its place.
bool loadAll(const QByteArray &bytes, const QString &file, ytree::Arena &arena, std::vector<ytree::Node> &documents,
             ImportResult &result);

/// 1-based line / column of a node, 0 when the node has no mark.
int lineOf(const ytree::Node &node);
int columnOf(const ytree::Node &node);

/// The child `key` of a map, or an invalid/undefined node (never throws).
ytree::Node child(const ytree::Node &map, const char *key);
bool has(const ytree::Node &map, const char *key);

/// Scalar text of map[key]; empty when absent, null or not a scalar.
QString str(const ytree::Node &map, const char *key);
/// Scalar text of a node itself.
QString scalar(const ytree::Node &node);
/// map[key] as bool ("true", "yes", "1"); `fallback` when absent or not a boolean.
bool boolean(const ytree::Node &map, const char *key, bool fallback = false);
/// map[key] as int; `fallback` when absent or not a number.
int integer(const ytree::Node &map, const char *key, int fallback = 0);
/// A sequence of scalars (or a single scalar, or a comma-free flow list) as strings.
QStringList stringList(const ytree::Node &map, const char *key);

/// Converts any node to JSON, spending one unit of `budget` per node so that alias bombs
/// (a few lines expanding to billions of nodes) stop early. Returns Null once the budget is spent.
QJsonValue toJson(const ytree::Node &node, qint64 &budget);
/// Convenience: toJson of map[key] as an object (empty when absent or not a map).
QJsonObject objectOf(const ytree::Node &map, const char *key, qint64 &budget);

/// Adds an error "`key` must be a <what>" at the node's place when map[key] exists with a
/// different shape; returns true when the key is absent or has the right shape.
bool expectSequence(const ytree::Node &map, const char *key, const QString &file, ImportResult &result);
bool expectMap(const ytree::Node &map, const char *key, const QString &file, ImportResult &result);

/// Default node budget for one document's toJson conversions.
constexpr qint64 kDefaultBudget = 2'000'000;

} // namespace meshscope::yamlsupport
