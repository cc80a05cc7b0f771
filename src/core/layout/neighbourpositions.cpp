#include "neighbourpositions.h"

#include <algorithm>

namespace meshscope::layout::detail {

void NeighbourPositions::gather(const LayeredGraph &g, int layer)
{
    const std::vector<int> &order = g.layers[size_t(layer)];
    m_upStart.resize(order.size() + 1);
    m_downStart.resize(order.size() + 1);
    m_up.clear();
    m_down.clear();
    for (size_t k = 0; k < order.size(); ++k) {
        const int v = order[k];
        m_slot[size_t(v)] = int(k);
        m_upStart[k] = int(m_up.size());
        for (int e = g.up.begin(v); e < g.up.end(v); ++e)
            m_up.push_back(g.pos[size_t(g.up.list[size_t(e)])]);
        if (g.up.degree(v) > 1)
            std::sort(m_up.begin() + m_upStart[k], m_up.end());
        m_downStart[k] = int(m_down.size());
        for (int e = g.down.begin(v); e < g.down.end(v); ++e)
            m_down.push_back(g.pos[size_t(g.down.list[size_t(e)])]);
        if (g.down.degree(v) > 1)
            std::sort(m_down.begin() + m_downStart[k], m_down.end());
    }
    m_upStart[order.size()] = int(m_up.size());
    m_downStart[order.size()] = int(m_down.size());
}

} // namespace meshscope::layout::detail
