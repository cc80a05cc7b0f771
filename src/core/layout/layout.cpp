#include "layoutgraph.h"

#include "coordinates.h"
#include "cyclebreaking.h"
#include "finishing.h"
#include "groups.h"
#include "layering.h"
#include "normalization.h"
#include "ordering.h"
#include "routing.h"
#include "stability.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <unordered_map>

namespace meshscope::layout {

using namespace detail;

namespace {

constexpr double NoValue = std::numeric_limits<double>::quiet_NaN();

double nonNegative(double value)
{
    return std::isfinite(value) ? std::max(0.0, value) : 0.0;
}

std::uint64_t pairKey(int a, int b)
{
    return (std::uint64_t(std::uint32_t(a)) << 32) | std::uint32_t(b);
}

/// How each input edge maps onto the DAG the layers are built from.
struct EdgePlan {
    EdgeList dag;           ///< unique, acyclic, no self-loops
    std::vector<int> chain; ///< per input edge: index into dag, -1 for self-loops and bad edges
    std::vector<char> reversed;
    int reversedCount = 0;
};

EdgePlan planEdges(const LayoutGraph &graph)
{
    const int n = int(graph.nodes.size());
    EdgePlan plan;
    plan.chain.assign(graph.edges.size(), -1);
    plan.reversed.assign(graph.edges.size(), 0);
    EdgeList unique;
    std::unordered_map<std::uint64_t, int> index;
    std::vector<int> uniqueOf(graph.edges.size(), -1);
    for (size_t e = 0; e < graph.edges.size(); ++e) {
        const LayoutEdge &edge = graph.edges[e];
        if (edge.source < 0 || edge.source >= n || edge.target < 0 || edge.target >= n || edge.source == edge.target)
            continue;
        const auto [it, inserted] = index.emplace(pairKey(edge.source, edge.target), int(unique.size()));
        if (inserted)
            unique.emplace_back(edge.source, edge.target);
        uniqueOf[e] = it->second;
    }
    const std::vector<bool> turn = breakCycles(n, unique);
    // Turning a->b when b->a exists gives a duplicate: both input edges share one chain.
    std::unordered_map<std::uint64_t, int> dagIndex;
    std::vector<int> dagOf(unique.size());
    for (size_t u = 0; u < unique.size(); ++u) {
        auto [a, b] = unique[u];
        if (turn[u])
            std::swap(a, b);
        const auto [it, inserted] = dagIndex.emplace(pairKey(a, b), int(plan.dag.size()));
        if (inserted)
            plan.dag.emplace_back(a, b);
        dagOf[u] = it->second;
    }
    for (size_t e = 0; e < graph.edges.size(); ++e) {
        if (uniqueOf[e] < 0)
            continue;
        plan.chain[e] = dagOf[size_t(uniqueOf[e])];
        plan.reversed[e] = turn[size_t(uniqueOf[e])] ? 1 : 0;
        plan.reversedCount += plan.reversed[e];
    }
    return plan;
}

/// Dense group indices: named groups by name, then one for the ungrouped nodes if there are any.
RealNodes realNodes(const LayoutGraph &graph, std::vector<QString> &groupNames)
{
    RealNodes nodes;
    std::map<QString, int> byName;
    bool anyUngrouped = false;
    for (const LayoutNode &node : graph.nodes) {
        if (node.group.isEmpty())
            anyUngrouped = true;
        else
            byName.emplace(node.group, 0);
    }
    for (auto &[name, index] : byName) {
        index = int(groupNames.size());
        groupNames.push_back(name);
    }
    const int ungrouped = int(groupNames.size());
    nodes.groupCount = int(groupNames.size()) + (anyUngrouped ? 1 : 0);
    for (const LayoutNode &node : graph.nodes) {
        nodes.extent.push_back(std::isfinite(node.height) ? std::max(0.0, node.height) : 0.0);
        nodes.depth.push_back(std::isfinite(node.width) ? std::max(0.0, node.width) : 0.0);
        nodes.group.push_back(nodes.groupCount < 2 ? 0 : (node.group.isEmpty() ? ungrouped : byName[node.group]));
    }
    if (nodes.groupCount < 2) {
        nodes.groupCount = 1;
        std::fill(nodes.group.begin(), nodes.group.end(), 0);
    }
    return nodes;
}

/// Layer indices from the previous centres' x: the distinct x values in order.
std::vector<int> previousLayers(const std::vector<double> &previousX)
{
    std::vector<double> xs;
    for (const double x : previousX) {
        if (!std::isnan(x))
            xs.push_back(x);
    }
    std::sort(xs.begin(), xs.end());
    std::vector<double> distinct;
    for (const double x : xs) {
        if (distinct.empty() || x - distinct.back() > 0.5)
            distinct.push_back(x);
    }
    std::vector<int> hint(previousX.size(), -1);
    for (size_t v = 0; v < previousX.size(); ++v) {
        if (!std::isnan(previousX[v]))
            hint[v] = int(std::lower_bound(distinct.begin(), distinct.end(), previousX[v] - 0.5) - distinct.begin());
    }
    return hint;
}

LayerGeometry layerGeometry(const LayeredGraph &g, double spacing)
{
    LayerGeometry geometry;
    geometry.depth.assign(g.layers.size(), 0.0);
    for (int v = 0; v < g.realCount; ++v)
        geometry.depth[size_t(g.layer[size_t(v)])] = std::max(geometry.depth[size_t(g.layer[size_t(v)])], g.depth[size_t(v)]);
    double x = 0;
    for (size_t i = 0; i < g.layers.size(); ++i) {
        if (i > 0)
            x += geometry.depth[i - 1] / 2 + spacing + geometry.depth[i] / 2;
        geometry.centre.push_back(x);
    }
    return geometry;
}

/// Incremental layout: each layer goes back to its old nodes' previous x (their median), as far
/// as the gaps that the layers' widths now need allow; a new, wider node then pushes the layers
/// beside it by the least total movement (the focus's layer held fixed) instead of shifting
/// every layer to its right. Layers without old nodes follow at their fresh distance.
void holdLayerPositions(const LayeredGraph &g, const std::vector<double> &previousX, int focus, double spacing,
                        LayerGeometry &layers)
{
    const size_t count = layers.centre.size();
    std::vector<std::vector<double>> old(count);
    for (int v = 0; v < g.realCount; ++v) {
        if (!std::isnan(previousX[size_t(v)]))
            old[size_t(g.layer[size_t(v)])].push_back(previousX[size_t(v)]);
    }
    std::vector<double> target(count), weight(count), gap;
    // Fresh -> previous frame, from the nearest layer with old nodes to the left (for the first
    // layers: to the right).
    double shift = 0;
    for (size_t i = 0; i < count; ++i) {
        if (!old[i].empty()) {
            shift = *std::min_element(old[i].begin(), old[i].end()) - layers.centre[i];
            break;
        }
    }
    for (size_t i = 0; i < count; ++i) {
        if (i > 0)
            gap.push_back(layers.depth[i - 1] / 2 + spacing + layers.depth[i] / 2);
        if (!old[i].empty()) {
            std::nth_element(old[i].begin(), old[i].begin() + qsizetype(old[i].size() / 2), old[i].end());
            target[i] = old[i][old[i].size() / 2];
            weight[i] = double(old[i].size());
            shift = target[i] - layers.centre[i];
        } else {
            target[i] = layers.centre[i] + shift;
            weight[i] = 0.01;
        }
    }
    // The focus stays put exactly (finishGeometry() moves it back): its layer outweighs the rest.
    if (focus >= 0 && !std::isnan(previousX[size_t(focus)]))
        weight[size_t(g.layer[size_t(focus)])] += 1000.0 * g.realCount;
    std::vector<FitBlock> blocks;
    fitWithGaps(target, weight, gap, layers.centre, blocks);
}

} // namespace

LayoutResult computeLayout(const LayoutGraph &graph, const LayoutOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    LayoutResult result;
    const int n = int(graph.nodes.size());
    const EdgePlan plan = planEdges(graph);
    result.reversedEdges = plan.reversedCount;

    std::vector<double> previousX(size_t(n), NoValue), previousY(size_t(n), NoValue);
    int focus = -1;
    for (int v = 0; v < n; ++v) {
        const auto it = options.previous.constFind(graph.nodes[size_t(v)].id);
        if (it != options.previous.constEnd() && std::isfinite(it->x) && std::isfinite(it->y)) {
            previousX[size_t(v)] = it->x;
            previousY[size_t(v)] = it->y;
        }
        if (!options.focus.isEmpty() && graph.nodes[size_t(v)].id == options.focus)
            focus = v;
    }
    const bool incremental = std::any_of(previousX.begin(), previousX.end(), [](double x) { return !std::isnan(x); });

    std::vector<QString> groupNames;
    RealNodes real = realNodes(graph, groupNames);
    real.layer = assignLayers(n, plan.dag, incremental ? previousLayers(previousX) : std::vector<int>{});
    LayeredGraph g = normalize(real, plan.dag);
    result.layerCount = int(g.layers.size());
    result.dummyCount = g.nodeCount() - g.realCount;

    OrderingOptions ordering;
    ordering.maxSweeps = std::max(0, options.maxSweeps);
    std::vector<double> target;
    if (incremental) {
        target.assign(size_t(g.nodeCount()), NoValue);
        ordering.pinned.assign(size_t(g.nodeCount()), 0);
        for (int v = 0; v < n; ++v) {
            target[size_t(v)] = previousY[size_t(v)];
            ordering.pinned[size_t(v)] = std::isnan(previousY[size_t(v)]) ? 0 : 1;
        }
        // An old edge's bends start on the straight line between its old ends.
        ordering.seed = target;
        for (const std::vector<int> &chain : g.chains) {
            const double from = target[size_t(chain.front())];
            const double to = target[size_t(chain.back())];
            if (std::isnan(from) || std::isnan(to))
                continue;
            for (size_t k = 1; k + 1 < chain.size(); ++k)
                ordering.seed[size_t(chain[k])] = from + (to - from) * double(k) / double(chain.size() - 1);
        }
    }
    result.crossings = orderLayers(g, ordering);

    const Spacing spacing{nonNegative(options.nodeSpacing), nonNegative(options.edgeSpacing),
                          2 * nonNegative(options.groupPadding) + nonNegative(options.groupSpacing)};
    std::vector<double> y = assignCoordinates(g, spacing);
    if (incremental) {
        holdPositions(g, spacing, target, focus, y);
        separateGroups(g, y, spacing.group, target, focus);
    }
    LayerGeometry layers = layerGeometry(g, nonNegative(options.layerSpacing));
    if (incremental)
        holdLayerPositions(g, previousX, focus, nonNegative(options.layerSpacing), layers);

    result.centres.resize(size_t(n));
    for (int v = 0; v < n; ++v)
        result.centres[size_t(v)] = {layers.centre[size_t(g.layer[size_t(v)])], y[size_t(v)]};
    result.routes.resize(graph.edges.size());
    for (size_t e = 0; e < graph.edges.size(); ++e) {
        const LayoutEdge &edge = graph.edges[e];
        if (plan.chain[e] >= 0)
            result.routes[e] = routeChain(g, layers, y, plan.chain[e], plan.reversed[e]);
        else if (edge.source == edge.target && edge.source >= 0 && edge.source < n)
            result.routes[e] = routeSelfLoop(result.centres[size_t(edge.source)], g.depth[size_t(edge.source)],
                                             g.extent[size_t(edge.source)]);
    }
    finishGeometry(graph, options, groupNames, real, incremental ? focus : -1, previousX, previousY, result);
    result.millis = timer.elapsed();
    return result;
}

} // namespace meshscope::layout
