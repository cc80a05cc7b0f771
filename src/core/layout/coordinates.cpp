#include "coordinates.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_set>

namespace meshscope::layout::detail {

double separation(const LayeredGraph &g, const Spacing &spacing, int a, int b)
{
    const bool dummyA = g.isDummy(a);
    const bool dummyB = g.isDummy(b);
    double gap = dummyA && dummyB ? spacing.edge : (dummyA || dummyB ? (spacing.node + spacing.edge) / 2 : spacing.node);
    if (g.group[size_t(a)] != g.group[size_t(b)])
        gap += spacing.group;
    return (g.extent[size_t(a)] + g.extent[size_t(b)]) / 2 + gap;
}

namespace {

std::uint64_t segmentKey(int upper, int lower)
{
    return (std::uint64_t(std::uint32_t(upper)) << 32) | std::uint32_t(lower);
}

class BrandesKoepf {
public:
    BrandesKoepf(const LayeredGraph &g, const Spacing &spacing) : m_g(g), m_spacing(spacing)
    {
        m_up = sortedByPosition(g.up);
        m_down = sortedByPosition(g.down);
        markConflicts();
    }

    std::vector<double> run()
    {
        const size_t n = size_t(m_g.nodeCount());
        std::array<std::vector<double>, 4> candidates;
        std::array<double, 4> low{}, high{};
        int narrowest = 0;
        for (int variant = 0; variant < 4; ++variant) {
            const bool downward = variant < 2;
            const bool fromTop = variant % 2 == 0;
            align(downward, fromTop);
            std::vector<double> &y = candidates[size_t(variant)];
            y = compact(fromTop);
            low[size_t(variant)] = 1e300;
            high[size_t(variant)] = -1e300;
            for (size_t v = 0; v < n; ++v) {
                low[size_t(variant)] = std::min(low[size_t(variant)], y[v] - m_g.extent[v] / 2);
                high[size_t(variant)] = std::max(high[size_t(variant)], y[v] + m_g.extent[v] / 2);
            }
            if (high[size_t(variant)] - low[size_t(variant)] < high[size_t(narrowest)] - low[size_t(narrowest)])
                narrowest = variant;
        }
        for (int variant = 0; variant < 4; ++variant) {
            const bool fromTop = variant % 2 == 0;
            const double shift = fromTop ? low[size_t(narrowest)] - low[size_t(variant)]
                                         : high[size_t(narrowest)] - high[size_t(variant)];
            for (double &y : candidates[size_t(variant)])
                y += shift;
        }
        std::vector<double> result(n);
        for (size_t v = 0; v < n; ++v) {
            std::array<double, 4> c{candidates[0][v], candidates[1][v], candidates[2][v], candidates[3][v]};
            std::sort(c.begin(), c.end());
            result[v] = (c[1] + c[2]) / 2;
        }
        return result;
    }

private:
    Adjacency sortedByPosition(const Adjacency &adj) const
    {
        Adjacency sorted = adj;
        for (int v = 0; v < m_g.nodeCount(); ++v) {
            std::sort(sorted.list.begin() + sorted.begin(v), sorted.list.begin() + sorted.end(v),
                      [&](int a, int b) { return m_g.pos[size_t(a)] < m_g.pos[size_t(b)]; });
        }
        return sorted;
    }

    /// The dummy above v when v's edge to it joins two dummies (an inner segment), else -1.
    int innerUpper(int v) const
    {
        if (!m_g.isDummy(v) || m_g.up.degree(v) != 1)
            return -1;
        const int u = m_g.up.list[size_t(m_g.up.begin(v))];
        return m_g.isDummy(u) ? u : -1;
    }

    /// Type 1 conflicts: a segment with a real end that crosses an inner segment loses, so
    /// long edges stay straight.
    void markConflicts()
    {
        for (size_t i = 0; i + 1 < m_g.layers.size(); ++i) {
            const std::vector<int> &upper = m_g.layers[i];
            const std::vector<int> &lower = m_g.layers[i + 1];
            int k0 = 0;
            size_t scan = 0;
            for (size_t l1 = 0; l1 < lower.size(); ++l1) {
                const int inner = innerUpper(lower[l1]);
                if (l1 + 1 != lower.size() && inner < 0)
                    continue;
                const int k1 = inner >= 0 ? m_g.pos[size_t(inner)] : int(upper.size()) - 1;
                for (; scan <= l1; ++scan) {
                    const int w = lower[scan];
                    for (int e = m_g.up.begin(w); e < m_g.up.end(w); ++e) {
                        const int u = m_g.up.list[size_t(e)];
                        const int k = m_g.pos[size_t(u)];
                        if ((k < k0 || k > k1) && innerUpper(w) != u)
                            m_marked.insert(segmentKey(u, w));
                    }
                }
                k0 = k1;
            }
        }
    }

    /// Vertical alignment: each node joins the block of its median neighbour in the previous
    /// layer (previous in the scan direction) unless that would cross an alignment already made.
    void align(bool downward, bool fromTop)
    {
        const int n = m_g.nodeCount();
        m_root.resize(size_t(n));
        for (int v = 0; v < n; ++v)
            m_root[size_t(v)] = v;
        m_aligned.assign(size_t(n), 0);
        const Adjacency &previous = downward ? m_up : m_down;
        const int layerCount = int(m_g.layers.size());
        for (int step = 1; step < layerCount; ++step) {
            const int i = downward ? step : layerCount - 1 - step;
            const std::vector<int> &order = m_g.layers[size_t(i)];
            int r = fromTop ? -1 : int(m_g.layers[size_t(downward ? i - 1 : i + 1)].size());
            for (size_t s = 0; s < order.size(); ++s) {
                const int v = order[fromTop ? s : order.size() - 1 - s];
                const int d = previous.degree(v);
                if (d == 0)
                    continue;
                std::array<int, 2> medians{(d - 1) / 2, d / 2};
                if (!fromTop)
                    std::swap(medians[0], medians[1]);
                for (int m : medians) {
                    if (m_aligned[size_t(v)])
                        break;
                    const int u = previous.list[size_t(previous.begin(v) + m)];
                    const int pu = m_g.pos[size_t(u)];
                    const bool free = fromTop ? r < pu : r > pu;
                    if (!free || m_aligned[size_t(u)] & 2 || m_g.group[size_t(u)] != m_g.group[size_t(v)])
                        continue;
                    if (!m_marked.empty()
                        && m_marked.count(downward ? segmentKey(u, v) : segmentKey(v, u)))
                        continue;
                    m_root[size_t(v)] = m_root[size_t(u)];
                    m_aligned[size_t(v)] |= 1;
                    m_aligned[size_t(u)] |= 2;
                    r = pu;
                }
            }
        }
    }

    /// Packs the blocks towards the top (or the bottom): a longest path over "block A must sit
    /// above block B by at least the separation of their neighbouring members". With groups, one
    /// virtual node per boundary between consecutive groups sits below every member of the group
    /// above and above every member of the group below, so groups become horizontal bands.
    std::vector<double> compact(bool fromTop)
    {
        const int n = m_g.nodeCount();
        const int separators = m_g.groupCount > 1 ? m_g.groupCount - 1 : 0;
        const int total = n + separators;
        m_constraints.clear();
        auto above = [&](int a, int b, double gap) {
            if (fromTop)
                m_constraints.push_back({a, b, gap});
            else
                m_constraints.push_back({b, a, gap});
        };
        for (const auto &order : m_g.layers) {
            for (size_t k = 1; k < order.size(); ++k)
                above(m_root[size_t(order[k - 1])], m_root[size_t(order[k])], separation(m_g, m_spacing, order[k - 1], order[k]));
        }
        if (separators > 0) {
            const double half = m_spacing.group / 2;
            for (int v = 0; v < n; ++v) {
                const int rank = m_g.groupRank[size_t(m_g.group[size_t(v)])];
                if (rank < separators)
                    above(m_root[size_t(v)], n + rank, m_g.extent[size_t(v)] / 2 + half);
                if (rank > 0)
                    above(n + rank - 1, m_root[size_t(v)], half + m_g.extent[size_t(v)] / 2);
            }
            for (int r = 0; r + 1 < separators; ++r)
                above(n + r, n + r + 1, 0);
        }

        m_edgeStart.assign(size_t(total) + 1, 0);
        for (const Constraint &c : m_constraints)
            ++m_edgeStart[size_t(c.from) + 1];
        for (size_t v = 1; v <= size_t(total); ++v)
            m_edgeStart[v] += m_edgeStart[v - 1];
        m_edgeTarget.resize(m_constraints.size());
        m_edgeLength.resize(m_constraints.size());
        m_fill.assign(m_edgeStart.begin(), m_edgeStart.end() - 1);
        m_pending.assign(size_t(total), 0);
        for (const Constraint &c : m_constraints) {
            const int slot = m_fill[size_t(c.from)]++;
            m_edgeTarget[size_t(slot)] = c.to;
            m_edgeLength[size_t(slot)] = c.gap;
            ++m_pending[size_t(c.to)];
        }
        std::vector<double> at(size_t(total), 0.0);
        m_queue.clear();
        for (int v = 0; v < total; ++v) {
            if ((v >= n || m_root[size_t(v)] == v) && m_pending[size_t(v)] == 0)
                m_queue.push_back(v);
        }
        for (size_t q = 0; q < m_queue.size(); ++q) {
            const int a = m_queue[q];
            for (int e = m_edgeStart[size_t(a)]; e < m_edgeStart[size_t(a) + 1]; ++e) {
                const int b = m_edgeTarget[size_t(e)];
                at[size_t(b)] = std::max(at[size_t(b)], at[size_t(a)] + m_edgeLength[size_t(e)]);
                if (--m_pending[size_t(b)] == 0)
                    m_queue.push_back(b);
            }
        }
        std::vector<double> y(static_cast<size_t>(n));
        for (int v = 0; v < n; ++v)
            y[size_t(v)] = fromTop ? at[size_t(m_root[size_t(v)])] : -at[size_t(m_root[size_t(v)])];
        return y;
    }

    struct Constraint {
        int from;
        int to;
        double gap;
    };

    const LayeredGraph &m_g;
    const Spacing &m_spacing;
    Adjacency m_up, m_down;
    std::unordered_set<std::uint64_t> m_marked;
    std::vector<int> m_root;
    std::vector<char> m_aligned; ///< bit 1: aligned to a previous node, bit 2: has a next node
    std::vector<Constraint> m_constraints;
    std::vector<int> m_edgeStart, m_edgeTarget, m_fill, m_pending, m_queue;
    std::vector<double> m_edgeLength;
};

} // namespace

std::vector<double> assignCoordinates(const LayeredGraph &g, const Spacing &spacing)
{
    if (g.nodeCount() == 0)
        return {};
    return BrandesKoepf(g, spacing).run();
}

} // namespace meshscope::layout::detail
