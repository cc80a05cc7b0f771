#pragma once

#include "layeredgraph.h"

namespace meshscope::layout::detail {

/// @brief A layer for each node of the DAG `edges` so that every edge points to a later layer.
///
/// Longest path from the sources first; then, in reverse topological order, every node with at
/// least as many outputs as inputs moves right next to its nearest successor. That shortens
/// edges (fewer dummies, fewer crossings) the way network simplex would for most lineage
/// shapes (sources sit just before their first use) at O(V + E).
///
/// `hint` (empty, or -1 for "none") gives layers from an earlier layout: those nodes keep them
/// unless an edge forces them further right, and only the others move.
std::vector<int> assignLayers(int nodeCount, const EdgeList &edges, const std::vector<int> &hint = {});

} // namespace meshscope::layout::detail
