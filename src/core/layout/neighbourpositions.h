#pragma once

#include "layeredgraph.h"

namespace meshscope::layout::detail {

/// @brief For the nodes of one layer, the sorted positions of their neighbours in the layers
/// above and below, so that the crossings between the edges of two nodes of the layer can be
/// counted by a merge. Valid while the neighbouring layers keep their order; buffers are reused.
class NeighbourPositions {
public:
    explicit NeighbourPositions(int nodeCount) : m_slot(static_cast<size_t>(nodeCount), 0) {}

    void gather(const LayeredGraph &g, int layer);

    /// Crossings between the edges of v and those of w (both sides) when v is left of w.
    int crossings(int v, int w) const
    {
        const size_t a = size_t(m_slot[size_t(v)]);
        const size_t b = size_t(m_slot[size_t(w)]);
        const int *up = m_up.data();
        const int *down = m_down.data();
        return count(up + m_upStart[a], up + m_upStart[a + 1], up + m_upStart[b], up + m_upStart[b + 1])
            + count(down + m_downStart[a], down + m_downStart[a + 1], down + m_downStart[b], down + m_downStart[b + 1]);
    }

private:
    /// Pairs (x, y) with x from the first range, y from the second and x > y; both are sorted.
    static int count(const int *first, const int *firstEnd, const int *second, const int *secondEnd)
    {
        if (firstEnd - first == 1 && secondEnd - second == 1)
            return *first > *second ? 1 : 0;
        int total = 0;
        const int *y = second;
        for (const int *x = first; x != firstEnd; ++x) {
            while (y != secondEnd && *y < *x)
                ++y;
            total += int(y - second);
        }
        return total;
    }

    std::vector<int> m_slot; ///< node -> index into the start arrays
    std::vector<int> m_upStart, m_downStart;
    std::vector<int> m_up, m_down;
};

} // namespace meshscope::layout::detail
