#include "initialorder.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace meshscope::layout::detail {

namespace {

void clearLayers(LayeredGraph &g)
{
    for (auto &order : g.layers)
        order.clear();
}

void append(LayeredGraph &g, int v)
{
    std::vector<int> &order = g.layers[size_t(g.layer[size_t(v)])];
    g.pos[size_t(v)] = int(order.size());
    order.push_back(v);
}

/// Nodes without neighbours behind them, nearest the start layer first.
std::vector<int> roots(const LayeredGraph &g, bool fromSinks)
{
    const Adjacency &behind = fromSinks ? g.down : g.up;
    std::vector<int> result;
    for (int v = 0; v < g.nodeCount(); ++v) {
        if (behind.degree(v) == 0)
            result.push_back(v);
    }
    std::stable_sort(result.begin(), result.end(), [&](int a, int b) {
        return fromSinks ? g.layer[size_t(a)] > g.layer[size_t(b)] : g.layer[size_t(a)] < g.layer[size_t(b)];
    });
    return result;
}

} // namespace

void depthFirstOrder(LayeredGraph &g, bool upward)
{
    const Adjacency &next = upward ? g.up : g.down;
    clearLayers(g);
    std::vector<char> visited(size_t(g.nodeCount()), 0);
    std::vector<int> stack;
    for (const int root : roots(g, upward)) {
        stack.push_back(root);
        while (!stack.empty()) {
            const int v = stack.back();
            stack.pop_back();
            if (visited[size_t(v)])
                continue;
            visited[size_t(v)] = 1;
            append(g, v);
            for (int k = next.end(v) - 1; k >= next.begin(v); --k) {
                if (!visited[size_t(next.list[size_t(k)])])
                    stack.push_back(next.list[size_t(k)]);
            }
        }
    }
}

void breadthFirstOrder(LayeredGraph &g, bool fromSinks)
{
    const Adjacency &ahead = fromSinks ? g.up : g.down;
    const Adjacency &behind = fromSinks ? g.down : g.up;
    clearLayers(g);
    std::vector<char> visited(size_t(g.nodeCount()), 0);
    std::vector<int> queue;
    queue.reserve(size_t(g.nodeCount()));
    auto visit = [&](int v) {
        if (!visited[size_t(v)]) {
            visited[size_t(v)] = 1;
            append(g, v);
            queue.push_back(v);
        }
    };
    size_t head = 0;
    for (const int root : roots(g, fromSinks)) {
        visit(root);
        while (head < queue.size()) {
            const int v = queue[head++];
            for (int k = ahead.begin(v); k < ahead.end(v); ++k)
                visit(ahead.list[size_t(k)]);
            for (int k = behind.begin(v); k < behind.end(v); ++k)
                visit(behind.list[size_t(k)]);
        }
    }
}

void seededOrder(LayeredGraph &g, const std::vector<double> &seed)
{
    std::vector<double> key = seed;
    key.resize(size_t(g.nodeCount()), std::numeric_limits<double>::quiet_NaN());
    auto fill = [&](int v, const Adjacency &adj) {
        double sum = 0;
        int count = 0;
        for (int k = adj.begin(v); k < adj.end(v); ++k) {
            const double other = key[size_t(adj.list[size_t(k)])];
            if (!std::isnan(other)) {
                sum += other;
                ++count;
            }
        }
        if (count > 0)
            key[size_t(v)] = sum / count;
    };
    for (const auto &order : g.layers) {
        for (const int v : order) {
            if (std::isnan(key[size_t(v)]))
                fill(v, g.up);
        }
    }
    for (auto it = g.layers.rbegin(); it != g.layers.rend(); ++it) {
        for (const int v : *it) {
            if (std::isnan(key[size_t(v)]))
                fill(v, g.down);
        }
    }
    for (size_t i = 0; i < g.layers.size(); ++i) {
        std::vector<int> &order = g.layers[i];
        for (const int v : order) {
            if (std::isnan(key[size_t(v)]))
                key[size_t(v)] = std::numeric_limits<double>::infinity();
        }
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key[size_t(a)] < key[size_t(b)]; });
        g.updatePositions(int(i));
    }
}

void sortByGroup(LayeredGraph &g)
{
    g.groupRank.assign(size_t(g.groupCount), 0);
    if (g.groupCount < 2)
        return;
    std::vector<double> sum(size_t(g.groupCount), 0.0);
    std::vector<int> count(size_t(g.groupCount), 0);
    for (const auto &order : g.layers) {
        for (const int v : order) {
            sum[size_t(g.group[size_t(v)])] += (g.pos[size_t(v)] + 0.5) / double(order.size());
            ++count[size_t(g.group[size_t(v)])];
        }
    }
    std::vector<int> groups(size_t(g.groupCount));
    for (int i = 0; i < g.groupCount; ++i)
        groups[size_t(i)] = i;
    auto mean = [&](int i) { return count[size_t(i)] ? sum[size_t(i)] / count[size_t(i)] : 0.0; };
    std::stable_sort(groups.begin(), groups.end(), [&](int a, int b) { return mean(a) < mean(b); });
    for (int i = 0; i < g.groupCount; ++i)
        g.groupRank[size_t(groups[size_t(i)])] = i;
    for (size_t i = 0; i < g.layers.size(); ++i) {
        std::stable_sort(g.layers[i].begin(), g.layers[i].end(), [&](int a, int b) {
            return g.groupRank[size_t(g.group[size_t(a)])] < g.groupRank[size_t(g.group[size_t(b)])];
        });
        g.updatePositions(int(i));
    }
}

void restoreOrder(LayeredGraph &g, const std::vector<int> &positions)
{
    g.pos = positions;
    for (auto &order : g.layers) {
        for (const int v : std::vector<int>(order))
            order[size_t(g.pos[size_t(v)])] = v;
    }
}

} // namespace meshscope::layout::detail
