#include "routing.h"

#include <algorithm>
#include <cmath>

namespace meshscope::layout::detail {

namespace {

void append(std::vector<Point> &points, Point p)
{
    const size_t n = points.size();
    if (n > 0 && std::abs(points[n - 1].x - p.x) < 1e-9 && std::abs(points[n - 1].y - p.y) < 1e-9)
        return;
    if (n >= 2) {
        const Point a = points[n - 2];
        const Point b = points[n - 1];
        const double cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
        if (std::abs(cross) < 1e-6) {
            points[n - 1] = p;
            return;
        }
    }
    points.push_back(p);
}

} // namespace

std::vector<Point> routeChain(const LayeredGraph &g, const LayerGeometry &layers, const std::vector<double> &y,
                              int chain, bool reversed)
{
    const std::vector<int> &nodes = g.chains[size_t(chain)];
    std::vector<Point> points;
    points.reserve(nodes.size() * 2);
    const int source = nodes.front();
    const int target = nodes.back();
    const size_t sourceLayer = size_t(g.layer[size_t(source)]);
    const size_t targetLayer = size_t(g.layer[size_t(target)]);
    append(points, {layers.centre[sourceLayer] + g.depth[size_t(source)] / 2, y[size_t(source)]});
    for (size_t k = 1; k + 1 < nodes.size(); ++k) {
        const int d = nodes[k];
        const size_t l = size_t(g.layer[size_t(d)]);
        append(points, {layers.centre[l] - layers.depth[l] / 2, y[size_t(d)]});
        append(points, {layers.centre[l] + layers.depth[l] / 2, y[size_t(d)]});
    }
    append(points, {layers.centre[targetLayer] - g.depth[size_t(target)] / 2, y[size_t(target)]});
    if (reversed)
        std::reverse(points.begin(), points.end());
    return points;
}

std::vector<Point> routeSelfLoop(Point centre, double width, double height)
{
    const double right = centre.x + width / 2;
    const double reach = std::max(12.0, height / 2);
    return {{right, centre.y - height / 4},
            {right + reach, centre.y - height / 4},
            {right + reach, centre.y + height / 4},
            {right, centre.y + height / 4}};
}

} // namespace meshscope::layout::detail
