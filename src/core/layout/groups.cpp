#include "groups.h"

#include <algorithm>

namespace meshscope::layout::detail {

void separateGroups(const LayeredGraph &g, std::vector<double> &y, double margin)
{
    if (g.groupCount < 2)
        return;
    const size_t groups = size_t(g.groupCount);
    std::vector<double> top(groups, 1e300), bottom(groups, -1e300);
    for (int v = 0; v < g.nodeCount(); ++v) {
        const size_t k = size_t(g.group[size_t(v)]);
        top[k] = std::min(top[k], y[size_t(v)] - g.extent[size_t(v)] / 2);
        bottom[k] = std::max(bottom[k], y[size_t(v)] + g.extent[size_t(v)] / 2);
    }
    std::vector<int> order;
    for (size_t k = 0; k < groups; ++k) {
        if (bottom[k] >= top[k])
            order.push_back(int(k));
    }
    std::sort(order.begin(), order.end(), [&](int a, int b) { return g.groupRank[size_t(a)] < g.groupRank[size_t(b)]; });
    std::vector<double> shift(groups, 0.0);
    double floor = -1e300;
    for (const int k : order) {
        shift[size_t(k)] = std::max(0.0, floor + margin - top[size_t(k)]);
        floor = std::max(floor, bottom[size_t(k)] + shift[size_t(k)]);
    }
    for (int v = 0; v < g.nodeCount(); ++v)
        y[size_t(v)] += shift[size_t(g.group[size_t(v)])];
}

} // namespace meshscope::layout::detail
