#pragma once

#include "layeredgraph.h"

namespace meshscope::layout::detail {

/// @brief Restores the groups' horizontal bands after a step that only kept each layer's order
/// (the incremental fit): in their top-to-bottom order, each group moves down, as a whole, until
/// it starts `margin` below the lowest point of the groups above it. Moving whole groups down in
/// order keeps every layer's order and spacing. O(V + G log G); nothing happens without groups.
void separateGroups(const LayeredGraph &g, std::vector<double> &y, double margin);

} // namespace meshscope::layout::detail
