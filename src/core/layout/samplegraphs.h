#pragma once

#include "layoutgraph.h"

namespace meshscope::layout {

/// @brief A lineage-like DAG for benchmarks and tests, the same for the same arguments.
///
/// Nodes sit in pipeline stages (sources, staging, marts, ...; 8 + 2 log2(n / 100) stages, so
/// 15 for 1,000 nodes and 21 for 10,000), belong to domains (one per 250 nodes, at least 3;
/// LayoutNode::group) and have a topic within their domain. Every node past the first stage reads
/// 1 to 5 inputs (1.9 on average; about 1.7 edges per node remain, as in real lineage): 85% from
/// the previous stage, otherwise from any earlier one (long edges); 93% from its own domain
/// about the same topic, otherwise a popular product of (mostly) the neighbouring domain, which
/// makes fan-out hubs and edges across groups. Widths vary from 120 to 240, heights are 40.
LayoutGraph lineageGraph(int nodeCount, quint64 seed = 42);

} // namespace meshscope::layout
