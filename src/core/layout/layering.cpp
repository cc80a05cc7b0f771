#include "layering.h"

#include "networksimplex.h"

#include <algorithm>
#include <climits>

namespace meshscope::layout::detail {

namespace {

/// Bound on the nodes network simplex pivots may walk, against pathological inputs: lineage
/// graphs of 10,000 nodes reach the optimum after some 250,000. When the bound is hit the
/// layering is still feasible and no worse than the greedy one.
constexpr qint64 NetworkSimplexWork = 20000000;

std::vector<int> topologicalOrder(int n, const Adjacency &out, const Adjacency &in)
{
    std::vector<int> pending(static_cast<size_t>(n));
    std::vector<int> order;
    order.reserve(size_t(n));
    for (int v = 0; v < n; ++v) {
        pending[size_t(v)] = in.degree(v);
        if (pending[size_t(v)] == 0)
            order.push_back(v);
    }
    for (size_t i = 0; i < order.size(); ++i) {
        const int v = order[i];
        for (int k = out.begin(v); k < out.end(v); ++k) {
            const int w = out.list[size_t(k)];
            if (--pending[size_t(w)] == 0)
                order.push_back(w);
        }
    }
    return order;
}

} // namespace

std::vector<int> assignLayers(int n, const EdgeList &edges, const std::vector<int> &hint)
{
    const Adjacency out = Adjacency::build(n, edges);
    const Adjacency in = Adjacency::build(n, edges, /*reversed=*/true);
    const std::vector<int> order = topologicalOrder(n, out, in);
    auto fixed = [&](int v) { return !hint.empty() && hint[size_t(v)] >= 0; };

    // With hints, a new node with no placed ancestor floats: it is placed from its successors
    // below, so that new upstream nodes go left of the old ones instead of pushing them right.
    constexpr int Floating = INT_MIN;
    std::vector<int> layer(size_t(n), 0);
    for (const int v : order) {
        int lowest = hint.empty() || fixed(v) ? 0 : Floating;
        for (int k = in.begin(v); k < in.end(v); ++k) {
            const int u = in.list[size_t(k)];
            if (layer[size_t(u)] != Floating)
                lowest = std::max(lowest, layer[size_t(u)] + 1);
        }
        layer[size_t(v)] = fixed(v) ? std::max(lowest, hint[size_t(v)]) : lowest;
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const int v = *it;
        if (layer[size_t(v)] != Floating)
            continue;
        int nearest = out.degree(v) == 0 ? 1 : INT_MAX;
        for (int k = out.begin(v); k < out.end(v); ++k)
            nearest = std::min(nearest, layer[size_t(out.list[size_t(k)])]);
        layer[size_t(v)] = nearest - 1;
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const int v = *it;
        if (fixed(v) || out.degree(v) == 0 || out.degree(v) < in.degree(v))
            continue;
        int nearest = INT_MAX;
        for (int k = out.begin(v); k < out.end(v); ++k)
            nearest = std::min(nearest, layer[size_t(out.list[size_t(k)])]);
        layer[size_t(v)] = std::max(layer[size_t(v)], nearest - 1);
    }
    if (hint.empty())
        networkSimplex(n, edges, layer, 100 * n + 1000, NetworkSimplexWork);
    const int lowest = n > 0 ? *std::min_element(layer.begin(), layer.end()) : 0;
    for (int &l : layer)
        l -= lowest;
    return layer;
}

} // namespace meshscope::layout::detail
