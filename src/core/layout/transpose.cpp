#include "transpose.h"

#include <algorithm>

namespace meshscope::layout::detail {

namespace {

/// Transposition passes per call: later passes find little once sifting follows the sweeps.
constexpr int MaxPasses = 4;
/// Sifting tries each node this far either side of its position: nearly all of the gain of
/// trying the whole layer, at a bounded cost on layers of thousands of nodes.
constexpr int SiftWindow = 32;

} // namespace

Transposer::Transposer(LayeredGraph &g, const std::vector<char> &pinned)
    : m_g(g), m_pinned(pinned), m_neighbours(g.nodeCount())
{
}

void Transposer::transposeAll(bool swapTies)
{
    const int layerCount = int(m_g.layers.size());
    m_dirty.assign(size_t(layerCount), 1);
    for (int pass = 0; pass < MaxPasses; ++pass) {
        bool changed = false;
        for (int i = 0; i < layerCount; ++i) {
            if (!m_dirty[size_t(i)])
                continue;
            m_dirty[size_t(i)] = 0;
            if (transposeLayer(i, swapTies && pass == 0)) {
                changed = true;
                m_dirty[size_t(i)] = 1;
                if (i > 0)
                    m_dirty[size_t(i) - 1] = 1;
                if (i + 1 < layerCount)
                    m_dirty[size_t(i) + 1] = 1;
            }
        }
        if (!changed)
            break;
    }
}

bool Transposer::transposeLayer(int i, bool swapTies)
{
    std::vector<int> &order = m_g.layers[size_t(i)];
    if (order.size() < 2)
        return false;
    m_neighbours.gather(m_g, i);
    bool improved = false;
    for (size_t k = 0; k + 1 < order.size(); ++k) {
        const int v = order[k];
        const int w = order[k + 1];
        if (m_g.group[size_t(v)] != m_g.group[size_t(w)])
            continue;
        if (!m_pinned.empty() && m_pinned[size_t(v)] && m_pinned[size_t(w)])
            continue;
        const int before = m_neighbours.crossings(v, w);
        const int after = m_neighbours.crossings(w, v);
        if (after < before || (swapTies && before > 0 && after == before)) {
            order[k] = w;
            order[k + 1] = v;
            m_g.pos[size_t(w)] = int(k);
            m_g.pos[size_t(v)] = int(k + 1);
            improved = improved || after < before;
        }
    }
    return improved;
}

Sifter::Sifter(LayeredGraph &g, const std::vector<char> &pinned)
    : m_g(g), m_pinned(pinned), m_neighbours(g.nodeCount())
{
}

bool Sifter::siftAll()
{
    bool moved = false;
    for (int i = 0; i < int(m_g.layers.size()); ++i)
        moved = siftLayer(i) || moved;
    return moved;
}

bool Sifter::siftLayer(int i)
{
    std::vector<int> &order = m_g.layers[size_t(i)];
    if (order.size() < 2)
        return false;
    m_neighbours.gather(m_g, i);
    // Nodes with many edges first: they decide most crossings.
    m_byDegree = order;
    auto degree = [&](int v) { return m_g.up.degree(v) + m_g.down.degree(v); };
    std::stable_sort(m_byDegree.begin(), m_byDegree.end(), [&](int a, int b) { return degree(a) > degree(b); });
    bool moved = false;
    for (const int v : m_byDegree) {
        if (!m_pinned.empty() && m_pinned[size_t(v)])
            continue;
        const int from = m_g.pos[size_t(v)];
        int start = from;
        while (start > 0 && from - start < SiftWindow && m_g.group[size_t(order[size_t(start) - 1])] == m_g.group[size_t(v)])
            --start;
        int end = from + 1;
        while (end < int(order.size()) && end - from <= SiftWindow && m_g.group[size_t(order[size_t(end)])] == m_g.group[size_t(v)])
            ++end;
        int best = from;
        int bestDelta = 0;
        int delta = 0;
        for (int j = from - 1; j >= start; --j) {
            const int w = order[size_t(j)];
            delta += m_neighbours.crossings(v, w) - m_neighbours.crossings(w, v);
            if (delta < bestDelta) {
                bestDelta = delta;
                best = j;
            }
        }
        delta = 0;
        for (int j = from + 1; j < end; ++j) {
            const int w = order[size_t(j)];
            delta += m_neighbours.crossings(w, v) - m_neighbours.crossings(v, w);
            if (delta < bestDelta) {
                bestDelta = delta;
                best = j;
            }
        }
        if (best == from)
            continue;
        if (best < from)
            std::rotate(order.begin() + best, order.begin() + from, order.begin() + from + 1);
        else
            std::rotate(order.begin() + from, order.begin() + from + 1, order.begin() + best + 1);
        for (int j = std::min(best, from); j <= std::max(best, from); ++j)
            m_g.pos[size_t(order[size_t(j)])] = j;
        moved = true;
    }
    return moved;
}

} // namespace meshscope::layout::detail
