#include "crossings.h"

#include <algorithm>
#include <cmath>

namespace meshscope::layout {

qint64 countBilayerCrossings(const detail::EdgeList &edges, int lowerSize, std::vector<int> &tree)
{
    if (edges.size() < 2 || lowerSize < 2)
        return 0;
    // A complete binary tree whose leaves are the lower positions; each inner node sums its
    // leaves. Inserting the edges in upper order, an edge crosses every earlier edge that ends
    // further right, and those are the right siblings met on the way up.
    int firstLeaf = 1;
    while (firstLeaf < lowerSize)
        firstLeaf *= 2;
    tree.assign(size_t(2 * firstLeaf - 1), 0);
    --firstLeaf;
    qint64 crossings = 0;
    for (const auto &edge : edges) {
        int index = edge.second + firstLeaf;
        ++tree[size_t(index)];
        while (index > 0) {
            if (index % 2 == 1)
                crossings += tree[size_t(index) + 1];
            index = (index - 1) / 2;
            ++tree[size_t(index)];
        }
    }
    return crossings;
}

namespace detail {

qint64 countCrossings(const LayeredGraph &g)
{
    EdgeList pairs;
    std::vector<int> tree;
    qint64 total = 0;
    for (size_t i = 0; i + 1 < g.layers.size(); ++i) {
        pairs.clear();
        for (const int u : g.layers[i]) {
            const size_t first = pairs.size();
            for (int k = g.down.begin(u); k < g.down.end(u); ++k)
                pairs.emplace_back(g.pos[size_t(u)], g.pos[size_t(g.down.list[size_t(k)])]);
            std::sort(pairs.begin() + qsizetype(first), pairs.end());
        }
        total += countBilayerCrossings(pairs, int(g.layers[i + 1].size()), tree);
    }
    return total;
}

} // namespace detail

namespace {

/// The y where `path` first meets the vertical line at x, or NaN.
double yAt(const std::vector<Point> &path, double x)
{
    for (size_t i = 0; i + 1 < path.size(); ++i) {
        const Point &a = path[i];
        const Point &b = path[i + 1];
        if ((a.x - x) * (b.x - x) > 0)
            continue;
        if (a.x == b.x)
            return a.y;
        return a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x);
    }
    return std::nan("");
}

} // namespace

qint64 countDrawingCrossings(const std::vector<Point> &centres, const detail::EdgeList &edges,
                             const std::vector<std::vector<Point>> &paths)
{
    if (centres.empty())
        return 0;
    std::vector<double> xs;
    xs.reserve(centres.size());
    for (const Point &c : centres)
        xs.push_back(c.x);
    std::sort(xs.begin(), xs.end());
    const double tolerance = 1e-6 * (xs.back() - xs.front() + 1);
    std::vector<double> rankX;
    for (const double x : xs) {
        if (rankX.empty() || x - rankX.back() > tolerance)
            rankX.push_back(x);
    }
    auto rankOf = [&](double x) {
        return int(std::lower_bound(rankX.begin(), rankX.end(), x - tolerance) - rankX.begin());
    };

    // Items of each rank: (y, tie-breaker, item id); the nodes first, then the virtual nodes.
    struct Item {
        double y;
        int id;
    };
    std::vector<std::vector<Item>> ranks(rankX.size());
    std::vector<int> nodeRank(centres.size());
    for (size_t v = 0; v < centres.size(); ++v) {
        nodeRank[v] = rankOf(centres[v].x);
        ranks[size_t(nodeRank[v])].push_back({centres[v].y, int(v)});
    }
    int nextId = int(centres.size());
    detail::EdgeList segments; // by item id
    for (size_t e = 0; e < edges.size(); ++e) {
        int from = edges[e].first;
        int to = edges[e].second;
        if (from < 0 || to < 0 || size_t(from) >= centres.size() || size_t(to) >= centres.size()
            || nodeRank[size_t(from)] == nodeRank[size_t(to)])
            continue;
        if (nodeRank[size_t(from)] > nodeRank[size_t(to)])
            std::swap(from, to);
        const Point a = centres[size_t(from)];
        const Point b = centres[size_t(to)];
        int previous = from;
        for (int r = nodeRank[size_t(from)] + 1; r < nodeRank[size_t(to)]; ++r) {
            const double x = rankX[size_t(r)];
            double y = e < paths.size() ? yAt(paths[e], x) : std::nan("");
            if (std::isnan(y))
                y = a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x);
            ranks[size_t(r)].push_back({y, nextId});
            segments.emplace_back(previous, nextId);
            previous = nextId++;
        }
        segments.emplace_back(previous, to);
    }

    std::vector<int> position(static_cast<size_t>(nextId));
    std::vector<int> rankOfItem(static_cast<size_t>(nextId));
    for (size_t r = 0; r < ranks.size(); ++r) {
        std::stable_sort(ranks[r].begin(), ranks[r].end(), [](const Item &a, const Item &b) { return a.y < b.y; });
        for (size_t i = 0; i < ranks[r].size(); ++i) {
            position[size_t(ranks[r][i].id)] = int(i);
            rankOfItem[size_t(ranks[r][i].id)] = int(r);
        }
    }
    std::vector<detail::EdgeList> between(rankX.size());
    for (const auto &[u, v] : segments)
        between[size_t(rankOfItem[size_t(u)])].emplace_back(position[size_t(u)], position[size_t(v)]);
    qint64 total = 0;
    std::vector<int> tree;
    for (size_t r = 0; r + 1 < between.size(); ++r) {
        std::sort(between[r].begin(), between[r].end());
        total += countBilayerCrossings(between[r], int(ranks[r + 1].size()), tree);
    }
    return total;
}

} // namespace meshscope::layout
