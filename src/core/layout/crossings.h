#pragma once

#include "layeredgraph.h"
#include "layoutgraph.h"

namespace meshscope::layout {

/// @brief Crossings among the edges between two neighbouring layers, by the accumulator tree of
/// Barth, Jünger and Mutzel, O(E log V). `edges` holds (position in the upper layer, position in
/// the lower layer) pairs sorted lexicographically; `lowerSize` is the lower layer's size and
/// `tree` a buffer reused between calls. Edges sharing an end never count as crossing.
qint64 countBilayerCrossings(const detail::EdgeList &edges, int lowerSize, std::vector<int> &tree);

/// @brief Crossings of any left-to-right drawing, so that another tool's output (Graphviz dot's)
/// and ours are counted by the same code.
///
/// The ranks are the distinct x of the node centres (a layered drawing puts a layer's centres on
/// one vertical line). Each edge is cut where its path (a polyline; sample curves first) crosses
/// the vertical line of every rank strictly between its ends, which gives a virtual node with
/// that y. Every rank is ordered by y, the edges become chains of segments between consecutive
/// ranks, and countBilayerCrossings() counts each pair of consecutive ranks. Edges whose ends
/// share a rank are ignored; a path that misses a rank's line is cut on the straight line between
/// its ends instead.
qint64 countDrawingCrossings(const std::vector<Point> &centres, const detail::EdgeList &edges,
                             const std::vector<std::vector<Point>> &paths);

namespace detail {

/// All crossings of the layered graph in its current order.
qint64 countCrossings(const LayeredGraph &g);

} // namespace detail

} // namespace meshscope::layout
