#pragma once

#include "layeredgraph.h"
#include "layoutgraph.h"

namespace meshscope::layout::detail {

/// @brief Where each layer sits along the flow: its centre line and the width of its widest node.
struct LayerGeometry {
    std::vector<double> centre;
    std::vector<double> depth;
};

/// @brief The polyline of DAG edge `chain` (an index into g.chains), from the right side of its
/// source to the left side of its target. It crosses each dummy's layer horizontally at the
/// dummy's y, so it never cuts a node's box diagonally, and collinear points are dropped.
/// `reversed` gives the points from target to source, for edges turned to break cycles.
std::vector<Point> routeChain(const LayeredGraph &g, const LayerGeometry &layers, const std::vector<double> &y,
                              int chain, bool reversed);

/// @brief A small rectangular loop on the right side of a node.
std::vector<Point> routeSelfLoop(Point centre, double width, double height);

} // namespace meshscope::layout::detail
