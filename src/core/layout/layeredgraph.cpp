#include "layeredgraph.h"

namespace meshscope::layout::detail {

Adjacency Adjacency::build(int nodeCount, const EdgeList &edges, bool reversed)
{
    Adjacency a;
    a.start.assign(size_t(nodeCount) + 1, 0);
    for (const auto &[u, v] : edges)
        ++a.start[size_t(reversed ? v : u) + 1];
    for (size_t i = 1; i < a.start.size(); ++i)
        a.start[i] += a.start[i - 1];
    a.list.resize(edges.size());
    std::vector<int> fill(a.start.begin(), a.start.end() - 1);
    for (const auto &[u, v] : edges) {
        const int from = reversed ? v : u;
        a.list[size_t(fill[size_t(from)]++)] = reversed ? u : v;
    }
    return a;
}

} // namespace meshscope::layout::detail
