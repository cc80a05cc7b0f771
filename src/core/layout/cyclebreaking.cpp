#include "cyclebreaking.h"

#include <algorithm>

namespace meshscope::layout::detail {

namespace {

/// Nodes filed in buckets by their class: 0 sinks, 1 sources, 2 + (out - in + n) the rest,
/// each bucket a doubly linked list so that moving a node between buckets is O(1).
class Buckets {
public:
    explicit Buckets(int n) : m_n(n), m_head(size_t(2 * n + 3), -1), m_next(size_t(n), -1), m_prev(size_t(n), -1),
                              m_bucket(size_t(n), -1) {}

    void insert(int v, int bucket)
    {
        m_bucket[size_t(v)] = bucket;
        m_prev[size_t(v)] = -1;
        m_next[size_t(v)] = m_head[size_t(bucket)];
        if (m_head[size_t(bucket)] >= 0)
            m_prev[size_t(m_head[size_t(bucket)])] = v;
        m_head[size_t(bucket)] = v;
        if (bucket >= 2)
            m_maxBucket = std::max(m_maxBucket, bucket);
    }

    void remove(int v)
    {
        const int b = m_bucket[size_t(v)];
        if (m_prev[size_t(v)] >= 0)
            m_next[size_t(m_prev[size_t(v)])] = m_next[size_t(v)];
        else
            m_head[size_t(b)] = m_next[size_t(v)];
        if (m_next[size_t(v)] >= 0)
            m_prev[size_t(m_next[size_t(v)])] = m_prev[size_t(v)];
        m_bucket[size_t(v)] = -1;
    }

    int head(int bucket) const { return m_head[size_t(bucket)]; }

    /// The node with the largest out - in among the nodes that are neither sinks nor sources.
    int takeMax()
    {
        while (m_maxBucket >= 2 && m_head[size_t(m_maxBucket)] < 0)
            --m_maxBucket;
        return m_maxBucket >= 2 ? m_head[size_t(m_maxBucket)] : -1;
    }

    int classOf(int out, int in) const { return out == 0 ? 0 : (in == 0 ? 1 : 2 + out - in + m_n); }

private:
    int m_n;
    int m_maxBucket = 1;
    std::vector<int> m_head, m_next, m_prev, m_bucket;
};

} // namespace

std::vector<bool> breakCycles(int nodeCount, const EdgeList &edges)
{
    const Adjacency out = Adjacency::build(nodeCount, edges);
    const Adjacency in = Adjacency::build(nodeCount, edges, /*reversed=*/true);
    std::vector<int> outDeg(static_cast<size_t>(nodeCount)), inDeg(static_cast<size_t>(nodeCount));
    Buckets buckets(nodeCount);
    for (int v = nodeCount - 1; v >= 0; --v) {
        outDeg[size_t(v)] = out.degree(v);
        inDeg[size_t(v)] = in.degree(v);
        buckets.insert(v, buckets.classOf(outDeg[size_t(v)], inDeg[size_t(v)]));
    }
    // Position in the final sequence: sources fill from the left, sinks from the right.
    std::vector<int> rank(size_t(nodeCount), -1);
    int left = 0;
    int right = nodeCount - 1;
    std::vector<bool> removed(size_t(nodeCount), false);
    auto take = [&](int v, bool fromRight) {
        buckets.remove(v);
        removed[size_t(v)] = true;
        rank[size_t(v)] = fromRight ? right-- : left++;
        for (int i = out.begin(v); i < out.end(v); ++i) {
            const int w = out.list[size_t(i)];
            if (removed[size_t(w)])
                continue;
            buckets.remove(w);
            --inDeg[size_t(w)];
            buckets.insert(w, buckets.classOf(outDeg[size_t(w)], inDeg[size_t(w)]));
        }
        for (int i = in.begin(v); i < in.end(v); ++i) {
            const int u = in.list[size_t(i)];
            if (removed[size_t(u)])
                continue;
            buckets.remove(u);
            --outDeg[size_t(u)];
            buckets.insert(u, buckets.classOf(outDeg[size_t(u)], inDeg[size_t(u)]));
        }
    };
    for (int done = 0; done < nodeCount; ++done) {
        int v = buckets.head(0);
        bool fromRight = true;
        if (v < 0) {
            fromRight = false;
            v = buckets.head(1);
            if (v < 0)
                v = buckets.takeMax();
        }
        take(v, fromRight);
    }
    std::vector<bool> reversed(edges.size(), false);
    for (size_t e = 0; e < edges.size(); ++e)
        reversed[e] = rank[size_t(edges[e].first)] > rank[size_t(edges[e].second)];
    return reversed;
}

} // namespace meshscope::layout::detail
