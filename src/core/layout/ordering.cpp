#include "ordering.h"

#include "crossings.h"
#include "initialorder.h"
#include "transpose.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace meshscope::layout::detail {

namespace {

constexpr double NoKey = std::numeric_limits<double>::quiet_NaN();

/// Starting orders tried in turn while the budget lasts, best first. A walk smoothed over the
/// whole graph (smoothedOrder) starts lineage graphs with fewer crossings than median sweeps
/// ever reach from a bare walk (sweeps from it only make it worse, so it goes straight to
/// sifting); how far it is smoothed and from which walk changes the outcome by a few percent,
/// so small graphs try several. The last two are the classic walks with median sweeps.
struct Start {
    enum Walk { BreadthDown, DepthDown, BreadthUp, DepthUp } walk;
    int smoothingRounds; ///< 0: median sweeps instead; otherwise an upper bound (it stops once converged)
    bool median = true; ///< median (else barycenter) in the sweeps
};
constexpr Start Starts[] = {{Start::BreadthDown, 2000}, {Start::DepthDown, 1000}, {Start::BreadthUp, 1000},
                            {Start::DepthUp, 1000},     {Start::BreadthDown, 500}, {Start::DepthDown, 250},
                            {Start::BreadthDown, 0},    {Start::DepthDown, 0}};
/// Nodes (dummies included) worth one start: a 1,000-node lineage graph gets seven, one of
/// 3,000 nodes two, and from about 4,500 nodes a single start.
constexpr int NodesPerStart = 16000;
/// Node visits allowed for smoothing: 2,000 rounds up to about 10,000 nodes, fewer beyond.
constexpr qint64 SmoothingWork = 100000000;
/// Sweeps stop after this many in a row that do not improve on the best order.
constexpr int Patience = 4;
constexpr int SiftRounds = 3;
/// Node visits allowed for the sweeps and sifting rounds of one start: far more than lineage
/// graphs of 10,000 nodes need, but it keeps pathological inputs (a dense random cyclic graph
/// can bring a million dummies) to a few sweeps.
constexpr qint64 SweepWork = 4000000;

class Orderer {
public:
    Orderer(LayeredGraph &g, const OrderingOptions &options)
        : m_g(g), m_options(options), m_key(size_t(g.nodeCount()), 0.0), m_transposer(g, options.pinned),
          m_sifter(g, options.pinned)
    {
    }

    qint64 run()
    {

        const int starts = m_options.seed.empty()
            ? std::clamp(NodesPerStart / std::max(1, m_g.nodeCount()), 1, int(std::size(Starts)))
            : 1;
        qint64 best = -1;
        std::vector<int> bestPos, bestGroupRank;
        for (int s = 0; s < starts; ++s) {
            const Start &start = Starts[s];
            std::vector<double> seedKeys;
            if (!m_options.seed.empty())
                seedKeys = seededOrder(m_g, m_options.seed);
            else if (start.walk == Start::BreadthDown || start.walk == Start::BreadthUp)
                breadthFirstOrder(m_g, start.walk == Start::BreadthUp);
            else
                depthFirstOrder(m_g, start.walk == Start::DepthUp);
            const bool smooth = m_options.seed.empty() && start.smoothingRounds > 0;
            if (smooth) {
                const qint64 size = qint64(m_g.realCount) + 2 * qint64(m_g.chains.size());
                smoothedOrder(m_g, int(std::min<qint64>(start.smoothingRounds, SmoothingWork / std::max<qint64>(1, size))));
            }
            m_sweep = !smooth;
            sortByGroup(m_g, seedKeys);
            m_median = start.median;
            const qint64 crossings = reduce();
            if (best < 0 || crossings < best) {
                best = crossings;
                bestPos = m_g.pos;
                bestGroupRank = m_g.groupRank;
            }
        }
        restoreOrder(m_g, bestPos);
        m_g.groupRank = bestGroupRank;
        return best;
    }

private:
    /// Sweeps from the current order, then sifting; leaves the best order found in place.
    qint64 reduce()
    {
        qint64 best = countCrossings(m_g);
        std::vector<int> bestPos = m_g.pos;
        int sinceBest = 0;
        const qint64 affordable = SweepWork / std::max(1, m_g.nodeCount());
        const int sweeps = int(std::min<qint64>(m_options.maxSweeps, std::max<qint64>(2, affordable)));
        const int siftRounds = int(std::clamp<qint64>(affordable, 1, SiftRounds));
        for (int sweep = 0; m_sweep && sweep < sweeps && best > 0 && sinceBest < Patience; ++sweep) {
            // Like dot, every other pair of sweeps sorts ties and swaps equal neighbours the other
            // way round, so that plateaus do not stop the search.
            m_reverse = sweep % 4 < 2;
            const int layerCount = int(m_g.layers.size());
            if (sweep % 2 == 0) {
                for (int i = 1; i < layerCount; ++i)
                    reorderLayer(i, m_g.up);
            } else {
                for (int i = layerCount - 2; i >= 0; --i)
                    reorderLayer(i, m_g.down);
            }
            m_transposer.transposeAll(m_reverse);
            const qint64 crossings = countCrossings(m_g);
            if (crossings < best) {
                best = crossings;
                bestPos = m_g.pos;
                sinceBest = 0;
            } else {
                ++sinceBest;
            }
        }
        restoreOrder(m_g, bestPos);
        for (int round = 0; round < siftRounds && best > 0; ++round) {
            if (!m_sifter.siftAll())
                break;
            const qint64 crossings = countCrossings(m_g);
            const bool worthAnother = crossings < best - best / 200; // another round if this one won 0.5%
            best = crossings;
            if (!worthAnother)
                break;
        }
        return best;
    }

    bool pinned(int v) const { return !m_options.pinned.empty() && m_options.pinned[size_t(v)]; }

    /// Weighted median as in dot: the median position, or for an even count the two middle
    /// positions weighted towards the side where the neighbours are packed closer.
    double median(int v, const Adjacency &side)
    {
        m_positions.clear();
        for (int k = side.begin(v); k < side.end(v); ++k)
            m_positions.push_back(m_g.pos[size_t(side.list[size_t(k)])]);
        std::sort(m_positions.begin(), m_positions.end());
        const size_t m = m_positions.size() / 2;
        if (m_positions.size() % 2 == 1)
            return m_positions[m];
        if (m_positions.size() == 2)
            return (m_positions[0] + m_positions[1]) / 2.0;
        const double left = m_positions[m - 1] - m_positions[0];
        const double right = m_positions.back() - m_positions[m];
        if (left + right == 0)
            return (m_positions[m - 1] + m_positions[m]) / 2.0;
        return (m_positions[m - 1] * right + m_positions[m] * left) / (left + right);
    }

    /// Sorts layer i by the median or barycenter of each node's neighbours in `fixedSide`,
    /// within each group's block. Nodes without such neighbours keep their slot.
    void reorderLayer(int i, const Adjacency &fixedSide)
    {
        std::vector<int> &order = m_g.layers[size_t(i)];
        for (const int v : order) {
            const int degree = fixedSide.degree(v);
            if (degree == 0) {
                m_key[size_t(v)] = NoKey;
            } else if (degree == 1) {
                m_key[size_t(v)] = m_g.pos[size_t(fixedSide.list[size_t(fixedSide.begin(v))])];
            } else if (m_median) {
                m_key[size_t(v)] = median(v, fixedSide);
            } else {
                double sum = 0;
                for (int k = fixedSide.begin(v); k < fixedSide.end(v); ++k)
                    sum += m_g.pos[size_t(fixedSide.list[size_t(k)])];
                m_key[size_t(v)] = sum / degree;
            }
        }
        for (size_t start = 0; start < order.size();) {
            size_t end = start + 1;
            while (end < order.size() && m_g.group[size_t(order[end])] == m_g.group[size_t(order[start])])
                ++end;
            if (m_options.pinned.empty())
                sortKeepingFreeSlots(order, start, end);
            else
                sortKeepingPinnedOrder(order, start, end);
            start = end;
        }
        m_g.updatePositions(i);
    }

    /// Ties keep their order, or reverse it when m_reverse is set.
    bool before(int a, int b) const
    {
        const double ka = m_key[size_t(a)];
        const double kb = m_key[size_t(b)];
        if (ka != kb)
            return ka < kb;
        return m_reverse ? m_g.pos[size_t(a)] > m_g.pos[size_t(b)] : m_g.pos[size_t(a)] < m_g.pos[size_t(b)];
    }

    void sortKeepingFreeSlots(std::vector<int> &order, size_t start, size_t end)
    {
        m_movable.clear();
        for (size_t k = start; k < end; ++k) {
            if (!std::isnan(m_key[size_t(order[k])]))
                m_movable.push_back(order[k]);
        }
        std::sort(m_movable.begin(), m_movable.end(), [&](int a, int b) { return before(a, b); });
        size_t next = 0;
        for (size_t k = start; k < end; ++k) {
            if (!std::isnan(m_key[size_t(order[k])]))
                order[k] = m_movable[next++];
        }
    }

    /// Pinned nodes get non-decreasing keys in their current order, so the sort keeps their
    /// relative order and only the free nodes move between them.
    void sortKeepingPinnedOrder(std::vector<int> &order, size_t start, size_t end)
    {
        double running = -std::numeric_limits<double>::infinity();
        double previous = running;
        for (size_t k = start; k < end; ++k) {
            const int v = order[k];
            double &key = m_key[size_t(v)];
            if (pinned(v)) {
                if (!std::isnan(key))
                    running = std::max(running, key);
                key = running;
            } else if (std::isnan(key)) {
                key = previous;
            }
            previous = key;
        }
        const bool reverse = m_reverse;
        m_reverse = false; // pinned nodes with equal keys must keep their order
        std::sort(order.begin() + qsizetype(start), order.begin() + qsizetype(end),
                  [&](int a, int b) { return before(a, b); });
        m_reverse = reverse;
    }

    LayeredGraph &m_g;
    const OrderingOptions &m_options;
    std::vector<double> m_key;
    std::vector<int> m_movable;
    std::vector<int> m_positions;
    bool m_median = false;
    bool m_sweep = true;
    bool m_reverse = false;
    Transposer m_transposer;
    Sifter m_sifter;
};

} // namespace

qint64 orderLayers(LayeredGraph &g, const OrderingOptions &options)
{
    return Orderer(g, options).run();
}

} // namespace meshscope::layout::detail
