#include "networksimplex.h"

#include <algorithm>
#include <climits>
#include <functional>
#include <queue>

namespace meshscope::layout::detail {

namespace {


class NetworkSimplex {
public:
    NetworkSimplex(int n, const EdgeList &edges, std::vector<int> &rank)
        : m_n(n), m_edges(edges), m_rank(rank), m_inTree(edges.size(), 0), m_parentEdge(size_t(n), -1),
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
    int slack(int e) const { return m_rank[size_t(head(e))] - m_rank[size_t(tail(e))] - 1; }
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
            m_walk.pop_back();
            if (!m_walk.empty()) {
                m_sub[size_t(m_walk.back().first)] += m_sub[size_t(done)];
                m_size[size_t(m_walk.back().first)] += m_size[size_t(done)];
            }
        }
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

    /// The node whose parent edge has the most negative cut value, or -1 when the layering is
    /// optimal. Cut values only change along the paths a pivot walks, so the candidates are
    /// kept in a list instead of scanning the tree.
    int leavingNode()
    {
        int best = -1;
        int bestCut = 0;
        for (size_t i = 0; i < m_negative.size();) {
            const int v = m_negative[i];
            const int cut = m_parentEdge[size_t(v)] >= 0 ? cutValue(v) : 0;
            if (cut >= 0) {
                m_listed[size_t(v)] = 0;
                m_negative[i] = m_negative.back();
                m_negative.pop_back();
                continue;
            }
            if (cut < bestCut || (cut == bestCut && v < best)) {
                bestCut = cut;
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
    std::vector<int> &m_rank;
    std::vector<int> m_incidentStart, m_incident;
    std::vector<char> m_inTree, m_numbered;
    std::vector<int> m_parentEdge, m_sub, m_size, m_balance, m_mark, m_side;
    int m_stamp = 0;
    std::vector<std::pair<int, int>> m_walk;
    qint64 m_work = 0; ///< nodes walked by pivots so far
    std::vector<int> m_negative;
    std::vector<char> m_listed;
};

} // namespace

int networkSimplex(int nodeCount, const EdgeList &edges, std::vector<int> &rank, int maxPivots, qint64 maxWork)
{
    if (nodeCount == 0)
        return 0;
    return NetworkSimplex(nodeCount, edges, rank).run(maxPivots, maxWork);
}

} // namespace meshscope::layout::detail
