#pragma once

#include "layeredgraph.h"

namespace meshscope::layout::detail {

/// Starting orders for the crossing reduction; each fills g.layers and g.pos.

/// Nodes in the order a depth-first walk meets them, from the sources down (or from the sinks
/// up), which keeps subtrees together.
void depthFirstOrder(LayeredGraph &g, bool upward);

/// Nodes in the order a breadth-first walk over both edge directions meets them, starting from
/// the sources (or the sinks), as Graphviz dot starts.
void breadthFirstOrder(LayeredGraph &g, bool fromSinks);

/// Re-sorts the current order (a walk's) by the graph's overall shape: each real node's key,
/// starting from its relative place in its layer, is replaced again and again by the mean of its
/// own and its neighbours' keys (an edge of any span is one hop), renormalised every round. This
/// lazy random walk drifts towards the graph's Fiedler vector, so nodes close in the graph get
/// close keys in all layers at once, which one-sided sweeps, seeing two layers at a time, do not
/// achieve. Dummies are interpolated along their edge; every layer is then sorted by key.
/// Stops after `maxRounds` or once the keys settle; returns the rounds run. O(rounds * (V + E)).
int smoothedOrder(LayeredGraph &g, int maxRounds);

/// Each layer sorted by `seed` (NaN: unknown, then the mean of the neighbours' keys); returns
/// the keys used (infinite where nothing was known).
std::vector<double> seededOrder(LayeredGraph &g, const std::vector<double> &seed);

/// One global order of the groups, by the mean relative position of their members (or, given,
/// their mean finite `key`: the previous layout's y, so that groups keep their old order of
/// bands), stored in g.groupRank; every layer is then stably sorted by it, so groups are
/// contiguous blocks in the same order everywhere.
void sortByGroup(LayeredGraph &g, const std::vector<double> &key = {});

/// Puts every node back at the position `positions` gives it.
void restoreOrder(LayeredGraph &g, const std::vector<int> &positions);

} // namespace meshscope::layout::detail
