#include "normalization.h"

#include <algorithm>

namespace meshscope::layout::detail {

LayeredGraph normalize(const RealNodes &nodes, const EdgeList &dagEdges)
{
    LayeredGraph g;
    g.realCount = int(nodes.layer.size());
    g.layer = nodes.layer;
    g.extent = nodes.extent;
    g.depth = nodes.depth;
    g.group = nodes.group;
    g.groupCount = nodes.groupCount;
    size_t dummies = 0;
    for (const auto &[u, v] : dagEdges)
        dummies += size_t(std::max(0, g.layer[size_t(v)] - g.layer[size_t(u)] - 1));
    const size_t total = size_t(g.realCount) + dummies;
    g.layer.reserve(total);
    g.extent.reserve(total);
    g.depth.reserve(total);
    g.group.reserve(total);

    EdgeList segments;
    segments.reserve(dagEdges.size() + dummies);
    g.chains.resize(dagEdges.size());
    for (size_t e = 0; e < dagEdges.size(); ++e) {
        const auto [u, v] = dagEdges[e];
        std::vector<int> &chain = g.chains[e];
        const int span = g.layer[size_t(v)] - g.layer[size_t(u)];
        chain.reserve(size_t(std::max(span, 1)) + 1);
        chain.push_back(u);
        for (int k = 1; k < span; ++k) {
            const int d = g.nodeCount();
            g.layer.push_back(g.layer[size_t(u)] + k);
            g.extent.push_back(0);
            g.depth.push_back(0);
            g.group.push_back(2 * k <= span ? g.group[size_t(u)] : g.group[size_t(v)]);
            segments.emplace_back(chain.back(), d);
            chain.push_back(d);
        }
        segments.emplace_back(chain.back(), v);
        chain.push_back(v);
    }
    const int n = g.nodeCount();
    g.down = Adjacency::build(n, segments);
    g.up = Adjacency::build(n, segments, /*reversed=*/true);

    int layerCount = 0;
    for (const int l : g.layer)
        layerCount = std::max(layerCount, l + 1);
    g.layers.assign(size_t(layerCount), {});
    g.pos.assign(size_t(n), 0);
    for (int v = 0; v < n; ++v) {
        std::vector<int> &order = g.layers[size_t(g.layer[size_t(v)])];
        g.pos[size_t(v)] = int(order.size());
        order.push_back(v);
    }
    return g;
}

} // namespace meshscope::layout::detail
