#include "layoutjson.h"

#include "importers/jsonsupport.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace meshscope::layout {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json; // output keys in the documented order

namespace {

/// 1-based byte number of a 1-based line and column (columns count bytes), as nlohmann numbers them.
qsizetype byteAt(const QByteArray &bytes, int line, int column)
{
    qsizetype offset = 0;
    for (int l = 1; l < line && offset < bytes.size(); ++l) {
        const qsizetype newline = bytes.indexOf('\n', offset);
        if (newline < 0)
            break;
        offset = newline + 1;
    }
    return offset + std::max(column, 1);
}

/// Through the importers' guarded reader: bounded depth, numbers that overflow and every other
/// parser exception become an error with its place, never an abort or a stack overflow.
bool parse(const QByteArray &bytes, json &document, JsonError &error)
{
    ImportResult result;
    if (jsonsupport::parse(bytes, QString(), result, document))
        return true;
    if (result.diagnostics.empty()) {
        error = {QStringLiteral("top level"), QStringLiteral("not JSON")};
        return false;
    }
    const Diagnostic &first = result.diagnostics.front();
    error = {QStringLiteral("byte %1").arg(byteAt(bytes, first.line, first.column)),
             QStringLiteral("line %1, column %2: %3").arg(first.line).arg(first.column).arg(first.message)};
    return false;
}

QString nodeText(const json &value)
{
    return QString::fromStdString(value.dump());
}

/// An id: a non-empty string, or an integer written as text.
bool idOf(const json &object, const char *key, QString &id)
{
    const auto it = object.find(key);
    if (it == object.end())
        return false;
    if (it->is_string())
        id = QString::fromStdString(it->get<std::string>());
    else if (it->is_number_integer())
        id = QString::number(it->get<qint64>());
    else
        return false;
    return !id.isEmpty();
}

bool sizeOf(const json &object, const char *key, double &value)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return true;
    if (!it->is_number())
        return false;
    value = it->get<double>();
    return std::isfinite(value) && value > 0;
}

double rounded(double v)
{
    return std::round(v * 100) / 100;
}

} // namespace

bool readGraphJson(const QByteArray &bytes, LayoutGraph &graph, JsonError &error)
{
    json document;
    if (!parse(bytes, document, error))
        return false;
    graph = {};
    if (!document.is_object()) {
        error = {QStringLiteral("top level"), QStringLiteral("expected an object with \"nodes\" and \"edges\"")};
        return false;
    }
    const auto nodes = document.find("nodes");
    if (nodes == document.end() || !nodes->is_array()) {
        error = {QStringLiteral("nodes"), QStringLiteral("expected an array of nodes")};
        return false;
    }
    QHash<QString, int> index;
    for (size_t i = 0; i < nodes->size(); ++i) {
        const json &item = (*nodes)[i];
        const QString place = QStringLiteral("nodes[%1]").arg(i);
        if (!item.is_object()) {
            error = {place, QStringLiteral("expected an object, got %1").arg(nodeText(item).left(40))};
            return false;
        }
        LayoutNode node;
        if (!idOf(item, "id", node.id)) {
            error = {place + QStringLiteral(".id"), QStringLiteral("missing or not a non-empty string")};
            return false;
        }
        if (index.contains(node.id)) {
            error = {place + QStringLiteral(".id"), QStringLiteral("duplicate id \"%1\"").arg(node.id)};
            return false;
        }
        for (const char *key : {"width", "height"}) {
            if (!sizeOf(item, key, key[0] == 'w' ? node.width : node.height)) {
                error = {place + QLatin1Char('.') + QLatin1String(key), QStringLiteral("expected a positive number")};
                return false;
            }
        }
        const auto group = item.find("group");
        if (group != item.end() && !group->is_null()) {
            if (!group->is_string()) {
                error = {place + QStringLiteral(".group"), QStringLiteral("expected a string")};
                return false;
            }
            node.group = QString::fromStdString(group->get<std::string>());
        }
        index.insert(node.id, int(graph.nodes.size()));
        graph.nodes.push_back(node);
    }
    const auto edges = document.find("edges");
    if (edges == document.end() || edges->is_null())
        return true;
    if (!edges->is_array()) {
        error = {QStringLiteral("edges"), QStringLiteral("expected an array of edges")};
        return false;
    }
    for (size_t i = 0; i < edges->size(); ++i) {
        const json &item = (*edges)[i];
        const QString place = QStringLiteral("edges[%1]").arg(i);
        if (!item.is_object()) {
            error = {place, QStringLiteral("expected an object, got %1").arg(nodeText(item).left(40))};
            return false;
        }
        LayoutEdge edge;
        for (const char *key : {"source", "target"}) {
            QString id;
            if (!idOf(item, key, id)) {
                error = {place + QLatin1Char('.') + QLatin1String(key), QStringLiteral("missing or not a node id")};
                return false;
            }
            const auto found = index.constFind(id);
            if (found == index.constEnd()) {
                error = {place + QLatin1Char('.') + QLatin1String(key), QStringLiteral("unknown node \"%1\"").arg(id)};
                return false;
            }
            (key[0] == 's' ? edge.source : edge.target) = *found;
        }
        graph.edges.push_back(edge);
    }
    return true;
}

bool readPositionsJson(const QByteArray &bytes, QHash<QString, Point> &positions, JsonError &error)
{
    json document;
    if (!parse(bytes, document, error))
        return false;
    const auto nodes = document.is_object() ? document.find("nodes") : document.end();
    if (!document.is_object() || nodes == document.end() || !nodes->is_array()) {
        error = {QStringLiteral("nodes"), QStringLiteral("expected an array of laid-out nodes")};
        return false;
    }
    for (size_t i = 0; i < nodes->size(); ++i) {
        const json &item = (*nodes)[i];
        QString id;
        if (!item.is_object() || !idOf(item, "id", id) || !item.contains("x") || !item.contains("y")
            || !item["x"].is_number() || !item["y"].is_number()) {
            error = {QStringLiteral("nodes[%1]").arg(i), QStringLiteral("expected {\"id\", \"x\", \"y\"}")};
            return false;
        }
        positions.insert(id, {item["x"].get<double>(), item["y"].get<double>()});
    }
    return true;
}

QByteArray writeLayoutJson(const LayoutGraph &graph, const LayoutResult &result)
{
    ordered_json nodes = ordered_json::array();
    for (size_t v = 0; v < graph.nodes.size(); ++v) {
        const LayoutNode &node = graph.nodes[v];
        nodes.push_back({{"id", node.id.toStdString()},
                         {"x", rounded(result.centres[v].x)},
                         {"y", rounded(result.centres[v].y)},
                         {"width", node.width},
                         {"height", node.height}});
    }
    ordered_json edges = ordered_json::array();
    for (size_t e = 0; e < graph.edges.size(); ++e) {
        const LayoutEdge &edge = graph.edges[e];
        const int n = int(graph.nodes.size());
        if (edge.source < 0 || edge.source >= n || edge.target < 0 || edge.target >= n)
            continue;
        ordered_json points = ordered_json::array();
        for (const Point &p : result.routes[e])
            points.push_back({rounded(p.x), rounded(p.y)});
        edges.push_back({{"source", graph.nodes[size_t(edge.source)].id.toStdString()},
                         {"target", graph.nodes[size_t(edge.target)].id.toStdString()},
                         {"points", std::move(points)}});
    }
    ordered_json groups = ordered_json::array();
    for (const GroupBox &box : result.groups) {
        groups.push_back({{"id", box.group.toStdString()},
                          {"x", rounded(box.x)},
                          {"y", rounded(box.y)},
                          {"width", rounded(box.width)},
                          {"height", rounded(box.height)}});
    }
    const ordered_json stats{{"crossings", result.crossings},     {"millis", result.millis},
                     {"layers", result.layerCount},       {"dummies", result.dummyCount},
                     {"reversedEdges", result.reversedEdges}, {"width", rounded(result.width)},
                     {"height", rounded(result.height)}};
    const ordered_json document{{"nodes", std::move(nodes)}, {"edges", std::move(edges)}, {"groups", std::move(groups)},
                        {"stats", stats}};
    return QByteArray::fromStdString(document.dump()) + '\n';
}

} // namespace meshscope::layout
