#include "networksimplex.h"

#include <algorithm>
#include <climits>
#include <functional>
#include <queue>

namespace meshscope::layout::detail {

namespace {

class NetworkSimplex {
public:
    /// `minimum[e]` is the least length edge e may have.
    NetworkSimplex(int n, const EdgeList &edges, const std::vector<int> &minimum, std::vector<int> &rank)
        : m_n(n), m_edges(edges), m_minimum(minimum), m_rank(rank), m_inTree(edges.size(), 0), m_parentEdge(size_t(n), -1),
          m_sub(size_t(n), 0), m_size(size_t(n), 0), m_balance(size_t(n), 0), m_mark(size_t(n), 0)
    {
        m_incidentStart.assign(size_t(n) + 1, 0);
        for (const auto &[u, v] : edges) {
            ++m_incidentStart[size_t(u) + 1];
            ++m_incidentStart[size_t(v) + 1];
            ++m_balance[size_t(u)];
            --m_balance[size_t(v)];
        }
        for (size_t i = 1; i < m_incidentStart.size(); ++i)
            m_incidentStart[i] += m_incidentStart[i - 1];
        m_incident.resize(2 * edges.size());
        std::vector<int> fill(m_incidentStart.begin(), m_incidentStart.end() - 1);
        for (size_t e = 0; e < edges.size(); ++e) {
            m_incident[size_t(fill[size_t(edges[e].first)]++)] = int(e);
            m_incident[size_t(fill[size_t(edges[e].second)]++)] = int(e);
        }
    }

    int run(int maxPivots, qint64 maxWork)
    {
        feasibleTree();
        m_total.assign(size_t(m_n), 0);
        for (int v = 0; v < m_n; ++v) {
            if (!m_numbered[size_t(v)])
                hang(v);
        }
        m_listed.assign(size_t(m_n), 0);
        for (int v = 0; v < m_n; ++v)
            consider(v);
        int pivots = 0;
        for (; pivots < maxPivots && m_work < maxWork; ++pivots) {
            const int v = leavingNode();
            if (v < 0)
                break;
            pivot(v);
        }
        const int lowest = m_n > 0 ? *std::min_element(m_rank.begin(), m_rank.end()) : 0;
        for (int &r : m_rank)
            r -= lowest;
        return pivots;
    }

private:
    int tail(int e) const { return m_edges[size_t(e)].first; }
    int head(int e) const { return m_edges[size_t(e)].second; }
    int other(int e, int v) const { return tail(e) == v ? head(e) : tail(e); }
    int slack(int e) const { return m_rank[size_t(head(e))] - m_rank[size_t(tail(e))] - m_minimum[size_t(e)]; }
    int parent(int v) const { return other(m_parentEdge[size_t(v)], v); }
    /// Cut value of the tree edge joining v to its parent.
    int cutValue(int v) const
    {
        return tail(m_parentEdge[size_t(v)]) == v ? m_sub[size_t(v)] : -m_sub[size_t(v)];
    }

    /// Tight subtrees first, then repeatedly the smallest one is moved along its incident edge
    /// of least slack (which keeps every edge feasible) and merged into the tree at its other end.
    void feasibleTree()
    {
        std::vector<int> component(size_t(m_n), -1);
        std::vector<std::vector<int>> members;
        std::vector<int> stack;
        for (int root = 0; root < m_n; ++root) {
            if (component[size_t(root)] >= 0)
                continue;
            const int id = int(members.size());
            members.emplace_back();
            component[size_t(root)] = id;
            stack.push_back(root);
            while (!stack.empty()) {
                const int x = stack.back();
                stack.pop_back();
                members[size_t(id)].push_back(x);
                for (int k = m_incidentStart[size_t(x)]; k < m_incidentStart[size_t(x) + 1]; ++k) {
                    const int e = m_incident[size_t(k)];
                    const int y = other(e, x);
                    if (component[size_t(y)] < 0 && slack(e) == 0) {
                        component[size_t(y)] = id;
                        m_inTree[size_t(e)] = 1;
                        stack.push_back(y);
                    }
                }
            }
        }
        using Entry = std::pair<size_t, int>;
        std::priority_queue<Entry, std::vector<Entry>, std::greater<>> smallest;
        for (size_t id = 0; id < members.size(); ++id)
            smallest.emplace(members[id].size(), int(id));
        while (!smallest.empty()) {
            const auto [size, id] = smallest.top();
            smallest.pop();
            std::vector<int> &mine = members[size_t(id)];
            if (mine.size() != size || mine.empty())
                continue;
            int best = -1;
            int bestSlack = INT_MAX;
            for (const int x : mine) {
                for (int k = m_incidentStart[size_t(x)]; k < m_incidentStart[size_t(x) + 1]; ++k) {
                    const int e = m_incident[size_t(k)];
                    if (component[size_t(other(e, x))] != id && slack(e) < bestSlack) {
                        bestSlack = slack(e);
                        best = e;
                    }
                }
            }
            if (best < 0)
                continue; // a whole connected component: its tree is complete
            const int delta = component[size_t(tail(best))] == id ? bestSlack : -bestSlack;
            const int into = component[size_t(tail(best))] == id ? component[size_t(head(best))]
                                                                 : component[size_t(tail(best))];
            for (const int x : mine) {
                m_rank[size_t(x)] += delta;
                component[size_t(x)] = into;
            }
            m_inTree[size_t(best)] = 1;
            std::vector<int> &theirs = members[size_t(into)];
            theirs.insert(theirs.end(), mine.begin(), mine.end());
            mine.clear();
            mine.shrink_to_fit();
            smallest.emplace(theirs.size(), into);
        }
        m_numbered.assign(size_t(m_n), 0);
    }

    /// Roots the tree containing `root` there: parent edges, subtree sums and sizes.
    void hang(int root)
    {
        m_side.clear();
        m_walk.clear();
        m_walk.push_back({root, m_incidentStart[size_t(root)]});
        m_parentEdge[size_t(root)] = -1;
        m_sub[size_t(root)] = m_balance[size_t(root)];
        m_size[size_t(root)] = 1;
        m_numbered[size_t(root)] = 1;
        while (!m_walk.empty()) {
            auto &[x, k] = m_walk.back();
            if (k < m_incidentStart[size_t(x) + 1]) {
                const int e = m_incident[size_t(k++)];
                if (!m_inTree[size_t(e)] || e == m_parentEdge[size_t(x)])
                    continue;
                const int y = other(e, x);
                m_parentEdge[size_t(y)] = e;
                m_sub[size_t(y)] = m_balance[size_t(y)];
                m_size[size_t(y)] = 1;
                m_numbered[size_t(y)] = 1;
                m_walk.push_back({y, m_incidentStart[size_t(y)]});
                continue;
            }
            const int done = x;
            m_side.push_back(done);
            m_walk.pop_back();
            if (!m_walk.empty()) {
                m_sub[size_t(m_walk.back().first)] += m_sub[size_t(done)];
                m_size[size_t(m_walk.back().first)] += m_size[size_t(done)];
            }
        }
        for (const int v : m_side)
            m_total[size_t(v)] = m_size[size_t(root)];
    }

    /// Collects the tree nodes reachable from `start` without crossing edge `blocked`, marks them
    /// with the current stamp and returns them in m_side.
    void collect(int start, int blocked)
    {
        m_side.clear();
        m_side.push_back(start);
        m_mark[size_t(start)] = m_stamp;
        for (size_t i = 0; i < m_side.size(); ++i) {
            const int x = m_side[i];
            for (int k = m_incidentStart[size_t(x)]; k < m_incidentStart[size_t(x) + 1]; ++k) {
                const int e = m_incident[size_t(k)];
                if (!m_inTree[size_t(e)] || e == blocked)
                    continue;
                const int y = other(e, x);
                if (m_mark[size_t(y)] != m_stamp) {
                    m_mark[size_t(y)] = m_stamp;
                    m_side.push_back(y);
                }
            }
        }
    }

    /// Notes v as a candidate to leave the tree when its parent edge's cut value is negative.
    void consider(int v)
    {
        if (m_parentEdge[size_t(v)] >= 0 && !m_listed[size_t(v)] && cutValue(v) < 0) {
            m_listed[size_t(v)] = 1;
            m_negative.push_back(v);
        }
    }

    /// A node whose parent edge has a negative cut value, or -1 when the layering is optimal.
    /// Of all candidates, the one whose cut has the smallest side: a pivot walks that side, and
    /// on lineage graphs this rule needs some thirty times less walking than taking the most
    /// negative cut value, for about as many pivots. Cut values only change along the paths a
    /// pivot walks, so the candidates are kept in a list instead of scanning the tree.
    int leavingNode()
    {
        int best = -1;
        int bestSide = 0;
        for (size_t i = 0; i < m_negative.size();) {
            const int v = m_negative[i];
            const int cut = m_parentEdge[size_t(v)] >= 0 ? cutValue(v) : 0;
            if (cut >= 0) {
                m_listed[size_t(v)] = 0;
                m_negative[i] = m_negative.back();
                m_negative.pop_back();
                continue;
            }
            const int side = std::min(m_size[size_t(v)], m_total[size_t(v)] - m_size[size_t(v)]);
            if (best < 0 || side < bestSide || (side == bestSide && v < best)) {
                bestSide = side;
                best = v;
            }
            ++i;
        }
        return best;
    }

    /// Replaces v's parent edge by the non-tree edge of least slack that crosses the same cut the
    /// other way and shifts one side to make that edge tight. Only the smaller side of the cut is
    /// walked; subtree sums change along two root paths and the re-hung path.
    void pivot(int v)
    {
        const int leaving = m_parentEdge[size_t(v)];
        const int up = parent(v);
        int root = up;
        while (m_parentEdge[size_t(root)] >= 0)
            root = parent(root);
        const bool walkSubtree = 2 * m_size[size_t(v)] <= m_size[size_t(root)];
        ++m_stamp;
        collect(walkSubtree ? v : root, leaving);
        // "Inside" is the walked side; the entering edge must run from the head side of the
        // leaving edge to its tail side.
        const bool subtreeIsHead = head(leaving) == v;
        const bool insideIsHead = subtreeIsHead == walkSubtree;
        int entering = -1;
        int bestSlack = INT_MAX;
        for (const int x : m_side) {
            for (int k = m_incidentStart[size_t(x)]; k < m_incidentStart[size_t(x) + 1]; ++k) {
                const int e = m_incident[size_t(k)];
                if (m_inTree[size_t(e)] || m_mark[size_t(other(e, x))] == m_stamp)
                    continue;
                if ((insideIsHead ? tail(e) : head(e)) == x && slack(e) < bestSlack) {
                    bestSlack = slack(e);
                    entering = e;
                }
            }
        }
        if (entering < 0)
            return;
        // Moving the head side down (or the tail side up) by the slack makes the edge tight.
        const int delta = insideIsHead ? bestSlack : -bestSlack;
        for (const int x : m_side)
            m_rank[size_t(x)] += delta;

        const bool tailInSubtree = (m_mark[size_t(tail(entering))] == m_stamp) == walkSubtree;
        const int inner = tailInSubtree ? tail(entering) : head(entering);
        const int outer = tailInSubtree ? head(entering) : tail(entering);
        const int total = m_sub[size_t(v)];
        const int count = m_size[size_t(v)];
        m_work += qint64(m_side.size());
        for (int a = up;; a = parent(a)) {
            m_sub[size_t(a)] -= total;
            m_size[size_t(a)] -= count;
            consider(a);
            if (m_parentEdge[size_t(a)] < 0)
                break;
        }
        for (int a = outer;; a = parent(a)) {
            m_sub[size_t(a)] += total;
            m_size[size_t(a)] += count;
            consider(a);
            if (m_parentEdge[size_t(a)] < 0)
                break;
        }
        // Re-hang the subtree at `inner`: the path inner .. v reverses.
        int previousSub = total;
        int previousSize = count;
        int childEdge = entering;
        for (int a = inner;;) {
            const int oldEdge = m_parentEdge[size_t(a)];
            const int oldSub = m_sub[size_t(a)];
            const int oldSize = m_size[size_t(a)];
            m_parentEdge[size_t(a)] = childEdge;
            m_sub[size_t(a)] = a == inner ? total : total - previousSub;
            m_size[size_t(a)] = a == inner ? count : count - previousSize;
            if (a == v)
                break;
            previousSub = oldSub;
            previousSize = oldSize;
            childEdge = oldEdge;
            a = other(oldEdge, a);
        }
        m_inTree[size_t(leaving)] = 0;
        m_inTree[size_t(entering)] = 1;
        for (int a = v;; a = parent(a)) {
            consider(a);
            if (a == inner)
                break;
        }
    }

    int m_n;
    const EdgeList &m_edges;
    const std::vector<int> &m_minimum;
    std::vector<int> &m_rank;
    std::vector<int> m_incidentStart, m_incident;
    std::vector<char> m_inTree, m_numbered;
    std::vector<int> m_parentEdge, m_sub, m_size, m_balance, m_mark, m_side;
    int m_stamp = 0;
    std::vector<std::pair<int, int>> m_walk;
    qint64 m_work = 0; ///< nodes walked by pivots so far
    std::vector<int> m_negative;
    std::vector<int> m_total; ///< nodes in each node's tree
    std::vector<char> m_listed;
};

/// The part of the graph network simplex has to solve. Leaves (one edge) sit next to their
/// neighbour in any optimum, so they are pruned, repeatedly; chains of nodes with one input and
/// one output only add their length to the path they form, so each becomes one edge with that
/// minimum length. On lineage graphs this leaves about two thirds of the nodes.
class Core {
public:
    Core(int n, const EdgeList &edges) : m_n(n), m_alive(size_t(n), 1), m_coreIndex(size_t(n), -1)
    {
        const Adjacency out = Adjacency::build(n, edges);
        const Adjacency in = Adjacency::build(n, edges, /*reversed=*/true);
        std::vector<int> degree(static_cast<size_t>(n));
        std::vector<int> stack;
        for (int v = 0; v < n; ++v) {
            degree[size_t(v)] = out.degree(v) + in.degree(v);
            if (degree[size_t(v)] <= 1)
                stack.push_back(v);
        }
        auto aliveNeighbour = [&](int v, const Adjacency &adj) {
            for (int k = adj.begin(v); k < adj.end(v); ++k) {
                if (m_alive[size_t(adj.list[size_t(k)])])
                    return adj.list[size_t(k)];
            }
            return -1;
        };
        while (!stack.empty()) {
            const int v = stack.back();
            stack.pop_back();
            if (!m_alive[size_t(v)] || degree[size_t(v)] > 1)
                continue;
            m_alive[size_t(v)] = 0;
            const int successor = aliveNeighbour(v, out);
            const int predecessor = successor < 0 ? aliveNeighbour(v, in) : -1;
            m_pruned.push_back({v, successor >= 0 ? successor : predecessor, successor >= 0});
            const int other = successor >= 0 ? successor : predecessor;
            if (other >= 0 && --degree[size_t(other)] == 1)
                stack.push_back(other);
        }
        auto aliveDegree = [&](int v, const Adjacency &adj) {
            int count = 0;
            for (int k = adj.begin(v); k < adj.end(v); ++k)
                count += m_alive[size_t(adj.list[size_t(k)])];
            return count;
        };
        std::vector<char> link(size_t(n), 0); // alive with exactly one alive input and output
        for (int v = 0; v < n; ++v) {
            link[size_t(v)] = m_alive[size_t(v)] && aliveDegree(v, in) == 1 && aliveDegree(v, out) == 1;
            if (m_alive[size_t(v)] && !link[size_t(v)]) {
                m_coreIndex[size_t(v)] = int(m_nodes.size());
                m_nodes.push_back(v);
            }
        }
        for (const int u : m_nodes) {
            for (int k = out.begin(u); k < out.end(u); ++k) {
                int w = out.list[size_t(k)];
                if (!m_alive[size_t(w)])
                    continue;
                std::vector<int> chain;
                while (link[size_t(w)]) {
                    chain.push_back(w);
                    w = aliveNeighbour(w, out);
                }
                m_coreEdges.emplace_back(m_coreIndex[size_t(u)], m_coreIndex[size_t(w)]);
                m_minimum.push_back(int(chain.size()) + 1);
                m_chains.push_back(std::move(chain));
            }
        }
    }

    int solve(std::vector<int> &rank, int maxPivots, qint64 maxWork)
    {
        std::vector<int> coreRank(m_nodes.size());
        for (size_t i = 0; i < m_nodes.size(); ++i)
            coreRank[i] = rank[size_t(m_nodes[i])];
        const int pivots = NetworkSimplex(int(m_nodes.size()), m_coreEdges, m_minimum, coreRank).run(maxPivots, maxWork);
        for (size_t i = 0; i < m_nodes.size(); ++i)
            rank[size_t(m_nodes[i])] = coreRank[i];
        for (size_t e = 0; e < m_chains.size(); ++e) {
            const int from = rank[size_t(m_nodes[size_t(m_coreEdges[e].first)])];
            for (size_t k = 0; k < m_chains[e].size(); ++k)
                rank[size_t(m_chains[e][k])] = from + int(k) + 1;
        }
        for (auto it = m_pruned.rbegin(); it != m_pruned.rend(); ++it) {
            if (it->neighbour >= 0)
                rank[size_t(it->node)] = rank[size_t(it->neighbour)] + (it->beforeNeighbour ? -1 : 1);
        }
        const int lowest = m_n > 0 ? *std::min_element(rank.begin(), rank.end()) : 0;
        for (int &r : rank)
            r -= lowest;
        return pivots;
    }

private:
    struct Pruned {
        int node;
        int neighbour;        ///< -1 when it had no edge left
        bool beforeNeighbour; ///< the edge runs from the node to the neighbour
    };

    int m_n;
    std::vector<char> m_alive;
    std::vector<int> m_coreIndex;
    std::vector<int> m_nodes; ///< core node -> node
    EdgeList m_coreEdges;
    std::vector<int> m_minimum;
    std::vector<std::vector<int>> m_chains; ///< per core edge, the nodes it stands for
    std::vector<Pruned> m_pruned;
};

} // namespace

int networkSimplex(int nodeCount, const EdgeList &edges, std::vector<int> &rank, int maxPivots, qint64 maxWork)
{
    if (nodeCount == 0)
        return 0;
    return Core(nodeCount, edges).solve(rank, maxPivots, maxWork);
}

} // namespace meshscope::layout::detail
