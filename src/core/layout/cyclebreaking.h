#pragma once

#include "layeredgraph.h"

namespace meshscope::layout::detail {

/// @brief Which edges to reverse so that the graph becomes acyclic: the greedy heuristic of
/// Eades, Lin and Smyth (repeatedly peel sinks and sources, else the node with the largest
/// out-degree minus in-degree), O(V + E). `edges` must hold no self-loops or duplicates.
/// A DAG comes back with nothing reversed.
std::vector<bool> breakCycles(int nodeCount, const EdgeList &edges);

} // namespace meshscope::layout::detail
