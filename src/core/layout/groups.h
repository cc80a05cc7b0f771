#pragma once

#include "layeredgraph.h"

namespace meshscope::layout::detail {

/// @brief Restores the groups' horizontal bands after a step that only kept each layer's order
/// (the incremental fit). Each group moves as a whole (which keeps every layer's order and
/// spacing), in their top-to-bottom order, so that it starts `margin` below the lowest point of
/// the group above, and the moves are as small as possible: weighted least squares, each group
/// weighing its nodes with a previous position (`target` not NaN), new nodes a quarter, the
/// `anchor` node's group (or none, -1) far more. So a new group squeezed in between pushes
/// the smaller side away, not whichever lies below. O(V + G log G); nothing happens without groups.
void separateGroups(const LayeredGraph &g, std::vector<double> &y, double margin, const std::vector<double> &target,
                    int anchor);

} // namespace meshscope::layout::detail
