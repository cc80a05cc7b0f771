#include "finishing.h"

#include <algorithm>
#include <cmath>

namespace meshscope::layout::detail {

namespace {

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::nth_element(values.begin(), values.begin() + qsizetype(values.size() / 2), values.end());
    return values[values.size() / 2];
}

struct Bounds {
    double left = 1e300, top = 1e300, right = -1e300, bottom = -1e300;
    void add(double x, double y, double width = 0, double height = 0)
    {
        left = std::min(left, x - width / 2);
        right = std::max(right, x + width / 2);
        top = std::min(top, y - height / 2);
        bottom = std::max(bottom, y + height / 2);
    }
    bool empty() const { return left > right; }
};

} // namespace

void finishGeometry(const LayoutGraph &graph, const LayoutOptions &options, const std::vector<QString> &groupNames,
                    const RealNodes &real, int focus, const std::vector<double> &previousX,
                    const std::vector<double> &previousY, LayoutResult &result)
{
    const size_t n = graph.nodes.size();
    std::vector<Bounds> groupBounds(groupNames.size());
    for (size_t v = 0; v < n; ++v) {
        if (graph.nodes[v].group.isEmpty())
            continue;
        groupBounds[size_t(real.group[v])].add(result.centres[v].x, result.centres[v].y, real.depth[v], real.extent[v]);
    }
    for (size_t i = 0; i < groupNames.size(); ++i) {
        const Bounds &b = groupBounds[i];
        if (b.empty())
            continue;
        const double pad = std::isfinite(options.groupPadding) ? std::max(0.0, options.groupPadding) : 0.0;
        result.groups.push_back({groupNames[i], (b.left + b.right) / 2, (b.top + b.bottom) / 2,
                                 b.right - b.left + 2 * pad, b.bottom - b.top + 2 * pad});
    }

    Bounds all;
    for (size_t v = 0; v < n; ++v)
        all.add(result.centres[v].x, result.centres[v].y, real.depth[v], real.extent[v]);
    for (const std::vector<Point> &route : result.routes) {
        for (const Point &p : route)
            all.add(p.x, p.y);
    }
    for (const GroupBox &box : result.groups)
        all.add(box.x, box.y, box.width, box.height);
    if (all.empty())
        return;

    double dx = -all.left;
    double dy = -all.top;
    const bool incremental = std::any_of(previousX.begin(), previousX.end(), [](double x) { return !std::isnan(x); });
    if (incremental) {
        if (focus >= 0 && !std::isnan(previousX[size_t(focus)])) {
            dx = previousX[size_t(focus)] - result.centres[size_t(focus)].x;
            dy = previousY[size_t(focus)] - result.centres[size_t(focus)].y;
        } else {
            std::vector<double> offX, offY;
            for (size_t v = 0; v < n; ++v) {
                if (std::isnan(previousX[v]))
                    continue;
                offX.push_back(previousX[v] - result.centres[v].x);
                offY.push_back(previousY[v] - result.centres[v].y);
            }
            if (!offX.empty()) {
                dx = median(offX);
                dy = median(offY);
            }
        }
    }
    for (Point &c : result.centres) {
        c.x += dx;
        c.y += dy;
    }
    for (std::vector<Point> &route : result.routes) {
        for (Point &p : route) {
            p.x += dx;
            p.y += dy;
        }
    }
    for (GroupBox &box : result.groups) {
        box.x += dx;
        box.y += dy;
    }
    result.width = all.right - all.left;
    result.height = all.bottom - all.top;
}

} // namespace meshscope::layout::detail
