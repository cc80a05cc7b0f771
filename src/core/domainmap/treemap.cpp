#include "treemap.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace meshscope::domainmap {

namespace {

double worst(double rowSum, double rowMin, double rowMax, double side)
{
    const double s2 = rowSum * rowSum;
    const double w2 = side * side;
    return std::max(w2 * rowMax / s2, s2 / (w2 * rowMin));
}

/// Weight a domain region needs: its products plus room for its header and nested regions.
double regionWeight(const DomainMap &map, int d)
{
    const MapDomain &domain = map.domains[size_t(d)];
    double w = double(domain.products.size()) + 2.0;
    for (int c : domain.children)
        w += regionWeight(map, c);
    return w;
}

struct Builder {
    const DomainMap &map;
    const TreemapStyle &style;
    TreemapLayout &out;

    void placeProducts(int d, const QRectF &r)
    {
        const std::vector<int> &products = map.domains[size_t(d)].products;
        const int n = int(products.size());
        if (n == 0 || r.width() <= 0 || r.height() <= 0)
            return;
        // The most square cells that fit n tiles in r.
        int cols = std::max(1, int(std::lround(std::sqrt(double(n) * r.width() / r.height()))));
        cols = std::min(cols, n);
        const int rows = (n + cols - 1) / cols;
        cols = (n + rows - 1) / rows;
        const double cw = r.width() / cols;
        const double ch = r.height() / rows;
        out.tileSize[size_t(d)] = std::min(cw, ch);
        for (int i = 0; i < n; ++i)
            out.productRects[size_t(products[size_t(i)])] = QRectF(r.x() + (i % cols) * cw, r.y() + (i / cols) * ch, cw, ch);
    }

    void placeDomain(int d, const QRectF &r, int depth)
    {
        out.domainRects[size_t(d)] = r;
        out.domainDepth[size_t(d)] = depth;
        QRectF inner = r.adjusted(style.padding, style.padding, -style.padding, -style.padding);
        if (r.height() > style.domainHeader * 2.5 && r.width() > style.domainHeader * 2) {
            out.domainHeaders[size_t(d)] = QRectF(r.x(), r.y(), r.width(), style.domainHeader);
            inner.setTop(r.y() + style.domainHeader);
        }
        if (inner.width() <= 0 || inner.height() <= 0)
            return;
        const MapDomain &domain = map.domains[size_t(d)];
        if (domain.children.empty()) {
            placeProducts(d, inner);
            return;
        }
        // Its own products form one block beside the sub-domain regions.
        std::vector<std::pair<double, int>> parts; // weight, domain (-1 = own products)
        if (!domain.products.empty())
            parts.push_back({double(domain.products.size()), -1});
        for (int c : domain.children)
            parts.push_back({regionWeight(map, c), c});
        std::stable_sort(parts.begin(), parts.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        std::vector<double> weights;
        for (const auto &p : parts)
            weights.push_back(p.first);
        const std::vector<QRectF> rects = squarify(weights, inner);
        for (size_t i = 0; i < parts.size(); ++i) {
            const QRectF cell = rects[i].adjusted(style.gap / 2, style.gap / 2, -style.gap / 2, -style.gap / 2);
            if (parts[i].second < 0)
                placeProducts(d, cell);
            else
                placeDomain(parts[i].second, cell, depth + 1);
        }
    }
};

} // namespace

std::vector<QRectF> squarify(const std::vector<double> &weights, const QRectF &rect)
{
    std::vector<QRectF> out(weights.size());
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    if (weights.empty() || total <= 0 || rect.isEmpty())
        return out;
    const double scale = rect.width() * rect.height() / total;
    QRectF free = rect;
    size_t start = 0;
    while (start < weights.size()) {
        const double side = std::min(free.width(), free.height());
        size_t end = start;
        double sum = 0, mn = 0, mx = 0;
        double current = 0;
        while (end < weights.size()) {
            const double a = std::max(weights[end] * scale, 1e-9);
            const double nsum = sum + a;
            const double nmn = end == start ? a : std::min(mn, a);
            const double nmx = end == start ? a : std::max(mx, a);
            const double next = worst(nsum, nmn, nmx, side);
            if (end > start && next > current)
                break;
            sum = nsum;
            mn = nmn;
            mx = nmx;
            current = next;
            ++end;
        }
        // Lay the row along the shorter side of what is left.
        const bool horizontal = free.width() >= free.height(); // row is a column at the left
        const double thickness = sum / side;
        double offset = 0;
        for (size_t i = start; i < end; ++i) {
            const double len = std::max(weights[i] * scale, 1e-9) / thickness;
            out[i] = horizontal ? QRectF(free.x(), free.y() + offset, thickness, len)
                                : QRectF(free.x() + offset, free.y(), len, thickness);
            offset += len;
        }
        if (horizontal)
            free.setLeft(std::min(free.right(), free.left() + thickness));
        else
            free.setTop(std::min(free.bottom(), free.top() + thickness));
        start = end;
    }
    return out;
}

int TreemapLayout::domainAt(const QPointF &p) const
{
    int best = -1;
    for (size_t i = 0; i < domainRects.size(); ++i) {
        if (domainRects[i].contains(p) && (best < 0 || domainDepth[i] > domainDepth[size_t(best)]))
            best = int(i);
    }
    return best;
}

int TreemapLayout::productAt(const DomainMap &map, const QPointF &p) const
{
    const int d = domainAt(p);
    if (d < 0)
        return -1;
    for (int product : map.domains[size_t(d)].products) {
        if (productRects[size_t(product)].contains(p))
            return product;
    }
    return -1;
}

TreemapLayout layoutTreemap(const DomainMap &map, const QSizeF &size, const TreemapStyle &style)
{
    TreemapLayout out;
    out.size = size;
    out.domainRects.assign(map.domains.size(), QRectF());
    out.domainHeaders.assign(map.domains.size(), QRectF());
    out.domainDepth.assign(map.domains.size(), 0);
    out.tileSize.assign(map.domains.size(), 0);
    out.productRects.assign(map.products.size(), QRectF());

    // Group the top-level domains by type, in the order data flows.
    const std::vector<int> roots = map.roots();
    std::vector<std::vector<int>> byGroup;
    std::vector<double> groupWeights;
    for (int r : roots) {
        const DomainType type = map.domains[size_t(r)].type;
        if (out.groups.empty() || out.groups.back().type != type) {
            out.groups.push_back({type, {}, {}, 0, 0});
            byGroup.emplace_back();
            groupWeights.push_back(0);
        }
        byGroup.back().push_back(r);
        groupWeights.back() += regionWeight(map, r);
        out.groups.back().products += map.domains[size_t(r)].totalProducts;
        ++out.groups.back().domains;
    }
    const double total = std::accumulate(groupWeights.begin(), groupWeights.end(), 0.0);
    if (total <= 0)
        return out;
    // Columns proportional to weight, but never so narrow that the type label cannot be read.
    const double minWidth = std::min(170.0, size.width() / double(out.groups.size()));
    std::vector<double> widths(out.groups.size(), 0);
    std::vector<bool> pinned(out.groups.size(), false);
    for (bool changed = true; changed;) {
        changed = false;
        double remaining = size.width(), flexible = 0;
        for (size_t g = 0; g < widths.size(); ++g) {
            if (pinned[g])
                remaining -= minWidth;
            else
                flexible += groupWeights[g];
        }
        for (size_t g = 0; g < widths.size(); ++g) {
            if (pinned[g])
                continue;
            widths[g] = remaining * groupWeights[g] / flexible;
            if (widths[g] < minWidth) {
                pinned[g] = changed = true;
                widths[g] = minWidth;
            }
        }
    }

    Builder builder{map, style, out};
    double x = 0;
    for (size_t g = 0; g < out.groups.size(); ++g) {
        TreemapGroup &group = out.groups[g];
        group.rect = QRectF(x, 0, widths[g], size.height());
        group.header = QRectF(x, 0, widths[g], style.groupHeader);
        x += widths[g];
        const QRectF body = group.rect.adjusted(style.gap / 2, style.groupHeader, -style.gap / 2, 0);
        std::vector<double> weights;
        for (int r : byGroup[g])
            weights.push_back(regionWeight(map, r));
        // Squarify wants the largest first; keep the name order for equal weights.
        std::vector<size_t> order(weights.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return weights[a] > weights[b]; });
        std::vector<double> sorted;
        for (size_t i : order)
            sorted.push_back(weights[i]);
        const std::vector<QRectF> rects = squarify(sorted, body);
        for (size_t i = 0; i < order.size(); ++i) {
            const QRectF cell = rects[i].adjusted(style.gap / 2, style.gap / 2, -style.gap / 2, -style.gap / 2);
            builder.placeDomain(byGroup[g][order[i]], cell, 0);
        }
    }
    return out;
}

} // namespace meshscope::domainmap
