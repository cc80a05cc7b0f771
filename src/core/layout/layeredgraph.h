#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace meshscope::layout::detail {

using EdgeList = std::vector<std::pair<int, int>>;

/// @brief Compressed adjacency lists: the neighbours of v are list[start[v]] .. list[start[v + 1] - 1].
struct Adjacency {
    std::vector<int> start;
    std::vector<int> list;

    /// Successors of each node (or predecessors with `reversed`), in the order of `edges`.
    static Adjacency build(int nodeCount, const EdgeList &edges, bool reversed = false);

    int begin(int v) const { return start[size_t(v)]; }
    int end(int v) const { return start[size_t(v) + 1]; }
    int degree(int v) const { return end(v) - begin(v); }
};

/// @brief The proper layered graph the later phases work on: every edge joins neighbouring layers.
/// Nodes [0, realCount) are the input nodes; the rest are dummies, one per layer a long edge
/// crosses.
struct LayeredGraph {
    int realCount = 0;
    std::vector<int> layer;
    std::vector<double> extent; ///< size across the flow (the height when laid out left to right)
    std::vector<double> depth;  ///< size along the flow (the width); 0 for dummies
    std::vector<int> group;     ///< dense group index in [0, groupCount)
    int groupCount = 1;         ///< 1: no grouping constraint
    std::vector<int> groupRank; ///< the groups' top-to-bottom order, the same in every layer
    Adjacency up;               ///< neighbours in the previous layer
    Adjacency down;             ///< neighbours in the next layer
    std::vector<std::vector<int>> layers; ///< the order of each layer
    std::vector<int> pos;                 ///< index of each node within its layer
    std::vector<std::vector<int>> chains; ///< per DAG edge: source, its dummies, target

    int nodeCount() const { return int(layer.size()); }
    bool isDummy(int v) const { return v >= realCount; }
    void updatePositions(int layerIndex)
    {
        const std::vector<int> &order = layers[size_t(layerIndex)];
        for (size_t i = 0; i < order.size(); ++i)
            pos[size_t(order[i])] = int(i);
    }
};

} // namespace meshscope::layout::detail
