#include "neighbourhood.h"

#include <algorithm>
#include <deque>

namespace meshscope::lineage {

namespace {

/// Breadth-first walk over `adjacency` from `seeds`; seeds get hop 0 and are not reported.
std::vector<Reached> walk(const std::vector<std::vector<int>> &adjacency, const std::vector<int> &seeds,
                          int maxHops, const QSet<int> &stopAt)
{
    std::vector<int> hops(adjacency.size(), -1);
    std::deque<int> queue;
    for (int s : seeds) {
        if (s >= 0 && size_t(s) < adjacency.size() && hops[size_t(s)] < 0) {
            hops[size_t(s)] = 0;
            queue.push_back(s);
        }
    }
    std::vector<Reached> reached;
    while (!queue.empty()) {
        const int n = queue.front();
        queue.pop_front();
        const int h = hops[size_t(n)];
        if ((maxHops != kAllHops && h >= maxHops) || stopAt.contains(n))
            continue;
        for (int next : adjacency[size_t(n)]) {
            if (hops[size_t(next)] >= 0)
                continue;
            hops[size_t(next)] = h + 1;
            reached.push_back({next, h + 1});
            queue.push_back(next);
        }
    }
    return reached;
}

} // namespace

int Neighbourhood::positionOf(int node) const
{
    const auto it = std::lower_bound(nodes.begin(), nodes.end(), node);
    return it != nodes.end() && *it == node ? int(it - nodes.begin()) : -1;
}

std::vector<Reached> upstreamOf(const LineageGraph &graph, const std::vector<int> &seeds, int maxHops,
                                const QSet<int> &stopAt)
{
    return walk(graph.in, seeds, maxHops, stopAt);
}

std::vector<Reached> downstreamOf(const LineageGraph &graph, const std::vector<int> &seeds, int maxHops,
                                  const QSet<int> &stopAt)
{
    return walk(graph.out, seeds, maxHops, stopAt);
}

Neighbourhood neighbourhood(const LineageGraph &graph, const NeighbourhoodRequest &request)
{
    const int n = int(graph.nodes.size());
    std::vector<int> distance(size_t(n), 0);
    std::vector<char> shown(size_t(n), 0);
    for (int s : request.seeds) {
        if (s >= 0 && s < n)
            shown[size_t(s)] = 1;
    }
    for (const Reached &r : upstreamOf(graph, request.seeds, request.up, request.collapsedUp)) {
        shown[size_t(r.node)] = 1;
        distance[size_t(r.node)] = -r.hops;
    }
    for (const Reached &r : downstreamOf(graph, request.seeds, request.down, request.collapsedDown)) {
        if (!shown[size_t(r.node)])
            distance[size_t(r.node)] = r.hops;
        shown[size_t(r.node)] = 1;
    }
    // Expanding reveals one more hop of a shown node; the revealed nodes can be expanded in turn, so
    // repeat until nothing new appears (the sets only name nodes, the order of expansion is free).
    for (bool grew = true; grew;) {
        grew = false;
        auto reveal = [&](const QSet<int> &expanded, const std::vector<std::vector<int>> &adjacency, int step) {
            for (int e : expanded) {
                if (e < 0 || e >= n || !shown[size_t(e)])
                    continue;
                for (int next : adjacency[size_t(e)]) {
                    if (shown[size_t(next)])
                        continue;
                    shown[size_t(next)] = 1;
                    distance[size_t(next)] = distance[size_t(e)] + step;
                    grew = true;
                }
            }
        };
        reveal(request.expandedUp, graph.in, -1);
        reveal(request.expandedDown, graph.out, +1);
    }

    Neighbourhood result;
    for (int i = 0; i < n; ++i) {
        if (shown[size_t(i)])
            result.nodes.push_back(i);
    }
    result.distance.reserve(result.nodes.size());
    result.counts.reserve(result.nodes.size());
    for (int i : result.nodes) {
        result.distance.push_back(distance[size_t(i)]);
        NeighbourCounts c;
        c.upstreamTotal = int(graph.in[size_t(i)].size());
        c.downstreamTotal = int(graph.out[size_t(i)].size());
        for (int u : graph.in[size_t(i)])
            c.upstreamShown += shown[size_t(u)];
        for (int d : graph.out[size_t(i)]) {
            c.downstreamShown += shown[size_t(d)];
            if (shown[size_t(d)])
                result.edges.emplace_back(i, d);
        }
        result.counts.push_back(c);
    }
    return result;
}

std::vector<Reached> impactedDownstream(const LineageGraph &graph, const std::vector<int> &seeds)
{
    std::vector<Reached> r = downstreamOf(graph, seeds);
    std::sort(r.begin(), r.end(), [&](const Reached &a, const Reached &b) {
        if (a.hops != b.hops)
            return a.hops < b.hops;
        return graph.nodes[size_t(a.node)].id < graph.nodes[size_t(b.node)].id;
    });
    return r;
}

std::vector<int> pathNodes(const LineageGraph &graph, int a, int b)
{
    const int n = int(graph.nodes.size());
    if (a < 0 || b < 0 || a >= n || b >= n)
        return {};
    if (a == b)
        return {a};
    auto between = [&](int from, int to) {
        std::vector<char> below(size_t(n), 0);
        for (const Reached &r : downstreamOf(graph, {from}))
            below[size_t(r.node)] = 1;
        std::vector<int> nodes;
        if (!below[size_t(to)])
            return nodes;
        nodes.push_back(from);
        for (const Reached &r : upstreamOf(graph, {to})) {
            if (below[size_t(r.node)])
                nodes.push_back(r.node);
        }
        nodes.push_back(to);
        std::sort(nodes.begin(), nodes.end());
        nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
        return nodes;
    };
    std::vector<int> forward = between(a, b);
    return forward.empty() ? between(b, a) : forward;
}

std::vector<int> shortestPath(const LineageGraph &graph, int a, int b)
{
    const int n = int(graph.nodes.size());
    if (a < 0 || b < 0 || a >= n || b >= n)
        return {};
    auto search = [&](int from, int to) {
        std::vector<int> previous(size_t(n), -2);
        std::deque<int> queue{from};
        previous[size_t(from)] = -1;
        while (!queue.empty() && previous[size_t(to)] == -2) {
            const int x = queue.front();
            queue.pop_front();
            for (int next : graph.out[size_t(x)]) {
                if (previous[size_t(next)] != -2)
                    continue;
                previous[size_t(next)] = x;
                queue.push_back(next);
            }
        }
        std::vector<int> path;
        if (previous[size_t(to)] == -2)
            return path;
        for (int x = to; x != -1; x = previous[size_t(x)])
            path.push_back(x);
        std::reverse(path.begin(), path.end());
        return path;
    };
    std::vector<int> forward = search(a, b);
    return forward.empty() ? search(b, a) : forward;
}

} // namespace meshscope::lineage
