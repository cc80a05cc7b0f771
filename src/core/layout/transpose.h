#pragma once

#include "neighbourpositions.h"

namespace meshscope::layout::detail {

/// @brief Local refinement of an order: swaps neighbours in a layer while that removes crossings
/// with both adjacent layers (the "transpose" step of Gansner et al.). Swaps stay inside a
/// group's block and never exchange two pinned nodes. Buffers are kept between calls.
class Transposer {
public:
    Transposer(LayeredGraph &g, const std::vector<char> &pinned);

    /// Repeats over the layers whose neighbourhood changed until no swap helps (bounded passes).
    /// With `swapTies`, the first pass also swaps pairs whose crossings are equal, which lets
    /// the next sweep leave a plateau.
    void transposeAll(bool swapTies = false);

private:
    bool transposeLayer(int i, bool swapTies);

    LayeredGraph &m_g;
    const std::vector<char> &m_pinned;
    NeighbourPositions m_neighbours;
    std::vector<char> m_dirty;
};

/// @brief Sifting (Matuszewski, Schönfeld and Molitor): each node of a layer in turn, most edges
/// first, is tried at every position up to 32 slots either side within its group's block and put
/// where its edges cross least, counting both neighbouring layers. Never increases crossings.
/// O(V * 64) merges per pass, each O(1) for the dummies that make up most layers.
class Sifter {
public:
    Sifter(LayeredGraph &g, const std::vector<char> &pinned);

    /// One pass over all layers; returns whether any node moved.
    bool siftAll();

private:
    bool siftLayer(int i);

    LayeredGraph &m_g;
    const std::vector<char> &m_pinned;
    NeighbourPositions m_neighbours;
    std::vector<int> m_byDegree;
};

} // namespace meshscope::layout::detail
