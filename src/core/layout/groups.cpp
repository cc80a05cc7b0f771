#include "groups.h"

#include "stability.h"

#include <algorithm>
#include <cmath>

namespace meshscope::layout::detail {

void separateGroups(const LayeredGraph &g, std::vector<double> &y, double margin, const std::vector<double> &target,
                    int anchor)
{
    if (g.groupCount < 2)
        return;
    const size_t groups = size_t(g.groupCount);
    std::vector<double> top(groups, 1e300), bottom(groups, -1e300), weight(groups, 0.0);
    for (int v = 0; v < g.nodeCount(); ++v) {
        const size_t k = size_t(g.group[size_t(v)]);
        top[k] = std::min(top[k], y[size_t(v)] - g.extent[size_t(v)] / 2);
        bottom[k] = std::max(bottom[k], y[size_t(v)] + g.extent[size_t(v)] / 2);
        if (v < g.realCount)
            weight[k] += v == anchor ? 1000.0 : (size_t(v) < target.size() && !std::isnan(target[size_t(v)]) ? 1.0 : 0.25);
    }
    std::vector<int> order;
    for (size_t k = 0; k < groups; ++k) {
        if (bottom[k] >= top[k])
            order.push_back(int(k));
    }
    std::sort(order.begin(), order.end(), [&](int a, int b) { return g.groupRank[size_t(a)] < g.groupRank[size_t(b)]; });
    // Band tops: as near their current place as the bands above allow.
    std::vector<double> t, w, gap, fitted;
    std::vector<FitBlock> blocks;
    for (size_t i = 0; i < order.size(); ++i) {
        const size_t k = size_t(order[i]);
        t.push_back(top[k]);
        w.push_back(std::max(weight[k], 0.25));
        if (i > 0) {
            // The band above ends where its lowest node does; the drawing's bands never overlap.
            const size_t above = size_t(order[i - 1]);
            gap.push_back(bottom[above] - top[above] + margin);
        }
    }
    // Bands that already sit further apart than required need no move: the gap is a minimum.
    fitWithGaps(t, w, gap, fitted, blocks);
    std::vector<double> shift(groups, 0.0);
    for (size_t i = 0; i < order.size(); ++i)
        shift[size_t(order[i])] = fitted[i] - t[i];
    for (int v = 0; v < g.nodeCount(); ++v)
        y[size_t(v)] += shift[size_t(g.group[size_t(v)])];
}

} // namespace meshscope::layout::detail
