#pragma once

#include "layeredgraph.h"

#include <QtGlobal>

namespace meshscope::layout::detail {

/// @brief Improves a feasible layering (every edge u -> v has rank[v] >= rank[u] + 1) to one
/// with the least total edge length, by the network simplex method of Gansner, Koutsofios,
/// North and Vo: short edges mean few dummies and so fewer crossings and a faster layout.
///
/// Leaves and chains are taken out first (their best place follows from the rest). A spanning
/// tree of tight edges is grown by merging tight subtrees smallest first (each node moves
/// O(log V) times); a tree edge's cut value is the sum of (out-degree - in-degree) over the
/// subtree below it, so cut values are subtree sums kept up to date along the paths a pivot
/// changes, and a pivot walks only the smaller side of its cut. Stops after `maxPivots` pivots, or once pivots have walked `maxWork` nodes in all,
/// with the layering reached so far: it stays feasible and never gets longer, so the bounds only
/// trade optimality for time on big graphs. Returns the number of pivots made.
int networkSimplex(int nodeCount, const EdgeList &edges, std::vector<int> &rank, int maxPivots, qint64 maxWork);

} // namespace meshscope::layout::detail
