#pragma once

#include "layeredgraph.h"

#include <QtGlobal>

namespace meshscope::layout::detail {

struct OrderingOptions {
    int maxSweeps = 24; ///< per start; fewer on huge graphs
    /// Per node, a position to start from (e.g. the previous y); NaN where unknown. Empty: start
    /// from graph walks.
    std::vector<double> seed;
    /// Per node (may be empty): 1 keeps the node's order relative to the other pinned nodes of its
    /// layer, so an incremental layout only fits the new nodes in between.
    std::vector<char> pinned;
};

/// @brief Orders every layer to reduce crossings and returns the crossings of the order kept.
///
/// From a start (a breadth- or depth-first walk smoothed over the whole graph, a bare walk, or
/// the seeds), downward and upward sweeps sort each layer by the median or barycenter of its
/// neighbours in the layer before, each sweep followed by transposition of neighbours while that
/// helps (smoothed starts skip the sweeps: they only undo the smoothing); the best order seen is
/// then refined by sifting. Small graphs try several starts and keep the best (the outcome depends a
/// lot on the start), big ones one. With groups, each layer is sorted by one global group order
/// first, so a group's members stay contiguous and groups appear in the same order in every
/// layer; nodes then move only within their group. A sweep is O(E + V log V), a sifting pass
/// O(V) merges of neighbour lists.
qint64 orderLayers(LayeredGraph &g, const OrderingOptions &options);

} // namespace meshscope::layout::detail
