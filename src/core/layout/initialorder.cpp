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

std::vector<double> seededOrder(LayeredGraph &g, const std::vector<double> &seed)
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
    return key;
}

void sortByGroup(LayeredGraph &g, const std::vector<double> &key)
{
    g.groupRank.assign(size_t(g.groupCount), 0);
    if (g.groupCount < 2)
        return;
    std::vector<double> sum(size_t(g.groupCount), 0.0);
    std::vector<int> count(size_t(g.groupCount), 0);
    for (const auto &order : g.layers) {
        for (const int v : order) {
            const double value = key.empty() ? (g.pos[size_t(v)] + 0.5) / double(order.size()) : key[size_t(v)];
            if (!std::isfinite(value))
                continue;
            sum[size_t(g.group[size_t(v)])] += value;
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

int smoothedOrder(LayeredGraph &g, int maxRounds)
{
    const int real = g.realCount;
    // The real nodes' neighbours through the chains: an edge of any span is one hop.
    std::vector<int> start(static_cast<size_t>(real) + 1, 0), list;
    for (const auto &chain : g.chains) {
        ++start[size_t(chain.front()) + 1];
        ++start[size_t(chain.back()) + 1];
    }
    for (int v = 0; v < real; ++v)
        start[size_t(v) + 1] += start[size_t(v)];
    list.resize(size_t(start[size_t(real)]));
    std::vector<int> fill(start.begin(), start.end() - 1);
    for (const auto &chain : g.chains) {
        list[size_t(fill[size_t(chain.front())]++)] = chain.back();
        list[size_t(fill[size_t(chain.back())]++)] = chain.front();
    }
    std::vector<double> y(static_cast<size_t>(g.nodeCount()), 0.0), next(static_cast<size_t>(real), 0.0);
    // The walk's order (relative position in its layer) as the start vector.
    for (int v = 0; v < real; ++v)
        y[size_t(v)] = (g.pos[size_t(v)] + 0.5) / double(g.layers[size_t(g.layer[size_t(v)])].size()) - 0.5;
    int rounds = 0;
    for (; rounds < maxRounds; ++rounds) {
        double mean = 0;
        for (int v = 0; v < real; ++v) {
            const int begin = start[size_t(v)];
            const int end = start[size_t(v) + 1];
            double value = y[size_t(v)];
            if (end > begin) {
                double sum = 0;
                for (int k = begin; k < end; ++k)
                    sum += y[size_t(list[size_t(k)])];
                value = 0.5 * value + 0.5 * sum / double(end - begin);
            }
            next[size_t(v)] = value;
            mean += value;
        }
        mean /= std::max(1, real);
        double variance = 0;
        for (int v = 0; v < real; ++v)
            variance += (next[size_t(v)] - mean) * (next[size_t(v)] - mean);
        if (!(variance > 1e-18 * real))
            break; // all keys (nearly) equal, e.g. one node per layer: nothing left to sort by
        const double scale = 1.0 / std::sqrt(variance / real);
        double change = 0;
        for (int v = 0; v < real; ++v) {
            const double value = (next[size_t(v)] - mean) * scale;
            change += std::abs(value - y[size_t(v)]);
            y[size_t(v)] = value;
        }
        if (change < 1e-7 * std::max(1, real)) // mean change per node: the order will not change
            break;
    }
    for (const auto &chain : g.chains) {
        const double from = y[size_t(chain.front())];
        const double to = y[size_t(chain.back())];
        for (size_t k = 1; k + 1 < chain.size(); ++k)
            y[size_t(chain[k])] = from + (to - from) * double(k) / double(chain.size() - 1);
    }
    for (size_t i = 0; i < g.layers.size(); ++i) {
        std::stable_sort(g.layers[i].begin(), g.layers[i].end(), [&](int a, int b) { return y[size_t(a)] < y[size_t(b)]; });
        g.updatePositions(int(i));
    }
    return rounds;
}

} // namespace meshscope::layout::detail
