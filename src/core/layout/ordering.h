#pragma once

#include "layeredgraph.h"

#include <QtGlobal>

namespace meshscope::layout::detail {

struct OrderingOptions {
    int maxSweeps = 24;
    /// Per node, a position to start from (e.g. the previous y); NaN where unknown. Empty: start
    /// from a depth-first order.
    std::vector<double> seed;
    /// Per node (may be empty): 1 keeps the node's order relative to the other pinned nodes of its
    /// layer, so an incremental layout only fits the new nodes in between.
    std::vector<char> pinned;
};

/// @brief Orders every layer to reduce crossings and returns the crossings of the order kept.
///
/// Starts from a depth-first order (or the seeds), then alternates downward and upward
/// barycenter sweeps, each followed by transposition of neighbours while that helps, and keeps
/// the best order seen. With groups, each layer is sorted by one global group order first, so a
/// group's members stay contiguous and groups appear in the same order in every layer; nodes
/// then move only within their group. Each sweep is O(E + V log V).
qint64 orderLayers(LayeredGraph &g, const OrderingOptions &options);

} // namespace meshscope::layout::detail
