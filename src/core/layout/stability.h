#pragma once

#include "coordinates.h"

namespace meshscope::layout::detail {

/// @brief Incremental layout: moves the nodes that have a `target` (their previous y; NaN for
/// none) as close to it as the order and the separations allow, and the others to their
/// neighbours' mean. Each layer is an isotonic regression with minimum gaps, solved exactly by
/// pool-adjacent-violators in O(layer size); a few sweeps let the new nodes settle.
/// `anchor` (or -1) weighs far more than the rest, so it stays put when it can.
void holdPositions(const LayeredGraph &g, const Spacing &spacing, const std::vector<double> &target, int anchor,
                   std::vector<double> &y);

} // namespace meshscope::layout::detail
