#pragma once

#include "layeredgraph.h"

namespace meshscope::layout::detail {

struct Spacing {
    double node = 24;  ///< between two real nodes
    double edge = 8;   ///< between two dummies
    double group = 48; ///< between neighbouring groups' members (includes both boxes' padding)
};

/// Smallest distance between the centres of a and b when they are neighbours in a layer.
double separation(const LayeredGraph &g, const Spacing &spacing, int a, int b);

/// @brief The coordinate across the flow (y when left to right) of every node, by Brandes and
/// Köpf: four alignments (median neighbour above or below, scanning from either end) put nodes
/// in vertical blocks, preferring long edges' inner segments so they run straight; each block
/// set is packed tightly; the result is the mean of the two middle candidates per node after
/// aligning the four to the narrowest. O(V + E) apart from sorting adjacency lists.
///
/// Packing is a longest path over the graph of blocks (an edge from each block to the next one
/// in every layer), which is exact and avoids the class-shift step of the original paper.
/// With groups, blocks never span two groups and every group gets a horizontal band of its own
/// (`spacing.group` apart), so group boxes cannot overlap.
std::vector<double> assignCoordinates(const LayeredGraph &g, const Spacing &spacing);

} // namespace meshscope::layout::detail
