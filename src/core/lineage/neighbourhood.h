#pragma once

#include "lineagegraph.h"

#include <QSet>

#include <vector>

namespace meshscope::lineage {

/// Depth meaning "no limit" for up/down.
inline constexpr int kAllHops = -1;

/// @brief What to show around some start nodes.
struct NeighbourhoodRequest {
    std::vector<int> seeds; ///< the start nodes (several for a dataset at column level)
    int up = 1;             ///< hops upstream from the seeds, kAllHops for the full upstream
    int down = 1;           ///< hops downstream from the seeds, kAllHops for the full downstream
    QSet<int> expandedUp;   ///< shown nodes whose direct upstream is shown too
    QSet<int> expandedDown; ///< shown nodes whose direct downstream is shown too
    QSet<int> collapsedUp;  ///< nodes the upstream walk does not pass (their upstream is hidden)
    QSet<int> collapsedDown;
};

/// @brief Per shown node, how many of its neighbours are shown ("2 of 5 upstream shown").
struct NeighbourCounts {
    int upstreamShown = 0;
    int upstreamTotal = 0;
    int downstreamShown = 0;
    int downstreamTotal = 0;
    bool moreUpstream() const { return upstreamShown < upstreamTotal; }
    bool moreDownstream() const { return downstreamShown < downstreamTotal; }
};

/// @brief The nodes and edges of a neighbourhood, in graph index order.
struct Neighbourhood {
    std::vector<int> nodes;                  ///< sorted graph indices
    std::vector<std::pair<int, int>> edges;  ///< every graph edge between two shown nodes
    std::vector<int> distance;               ///< per shown node: hops from the seeds, negative upstream
    std::vector<NeighbourCounts> counts;     ///< per shown node
    /// Position of a graph node in `nodes`, -1 when not shown.
    int positionOf(int node) const;
};

Neighbourhood neighbourhood(const LineageGraph &graph, const NeighbourhoodRequest &request);

/// Every node reachable against the edges (upstream) or along them (downstream) from `seeds`, within
/// `maxHops` (kAllHops: no limit), not counting the seeds themselves, with their hop distance.
struct Reached {
    int node = -1;
    int hops = 0;
};
std::vector<Reached> upstreamOf(const LineageGraph &graph, const std::vector<int> &seeds, int maxHops = kAllHops,
                                const QSet<int> &stopAt = {});
std::vector<Reached> downstreamOf(const LineageGraph &graph, const std::vector<int> &seeds,
                                  int maxHops = kAllHops, const QSet<int> &stopAt = {});

/// The impacted list ("what breaks if this changes"): the full downstream ordered by hops, then id.
std::vector<Reached> impactedDownstream(const LineageGraph &graph, const std::vector<int> &seeds);

/// Nodes on some directed path between `a` and `b` in either direction (a before b when a reaches b),
/// including both ends; empty when neither reaches the other.
std::vector<int> pathNodes(const LineageGraph &graph, int a, int b);

/// One shortest directed path from `a` to `b` or, failing that, from `b` to `a`; empty when none.
std::vector<int> shortestPath(const LineageGraph &graph, int a, int b);

} // namespace meshscope::lineage
