#pragma once

#include "layeredgraph.h"

namespace meshscope::layout::detail {

/// @brief A layer for each node of the DAG `edges` so that every edge points to a later layer.
///
/// Longest path from the sources first; then, in reverse topological order, every node with at
/// least as many outputs as inputs moves right next to its nearest successor (sources sit just
/// before their first use), O(V + E); then network simplex makes the total edge length minimal,
/// as Graphviz dot does. Short edges mean few dummies, so fewer crossings and a faster layout.
///
/// `hint` (empty, or -1 for "none") gives layers from an earlier layout: those nodes keep them
/// unless an edge forces them further right; new nodes with no placed ancestor are placed left
/// of their successors instead of pushing old nodes right. Network simplex is skipped then, as
/// it would move the old nodes.
std::vector<int> assignLayers(int nodeCount, const EdgeList &edges, const std::vector<int> &hint = {});

} // namespace meshscope::layout::detail
