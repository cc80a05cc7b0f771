#pragma once

#include "layeredgraph.h"

namespace meshscope::layout::detail {

/// @brief The real nodes of the layered graph, before dummies are added.
struct RealNodes {
    std::vector<int> layer;
    std::vector<double> extent; ///< height (across the flow)
    std::vector<double> depth;  ///< width (along the flow)
    std::vector<int> group;     ///< dense group index
    int groupCount = 1;
};

/// @brief Splits every DAG edge that spans k > 1 layers into a chain through k - 1 dummies, so
/// that all edges join neighbouring layers. A dummy belongs to its source's group over the first
/// half of the chain and to its target's group over the rest, so an edge between two groups
/// leaves one and enters the other without cutting through a third. The layers' order is left
/// as node index order for the ordering phase.
LayeredGraph normalize(const RealNodes &nodes, const EdgeList &dagEdges);

} // namespace meshscope::layout::detail
