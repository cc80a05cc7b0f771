#pragma once

#include "coordinates.h"

namespace meshscope::layout::detail {

struct FitBlock {
    double weightedSum;
    double weight;
    size_t count;
    double mean() const { return weightedSum / weight; }
};

/// @brief Minimises sum w_i (out_i - t_i)^2 subject to out_{i+1} - out_i >= gap_i: the closest
/// positions to the targets that keep their order and minimum gaps. Exact, O(n), by pooling
/// adjacent violators; `blocks` is a buffer. Weights must be positive.
void fitWithGaps(const std::vector<double> &t, const std::vector<double> &w, const std::vector<double> &gap,
                 std::vector<double> &out, std::vector<FitBlock> &blocks);

/// @brief Incremental layout: moves the nodes that have a `target` (their previous y; NaN for
/// none) as close to it as the order and the separations allow, and the others to their
/// neighbours' mean. Each layer is an isotonic regression with minimum gaps, solved exactly by
/// pool-adjacent-violators in O(layer size); a few sweeps let the new nodes settle.
/// `anchor` (or -1) weighs far more than the rest, so it stays put when it can.
void holdPositions(const LayeredGraph &g, const Spacing &spacing, const std::vector<double> &target, int anchor,
                   std::vector<double> &y);

} // namespace meshscope::layout::detail
