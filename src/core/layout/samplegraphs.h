#pragma once

#include "layoutgraph.h"

namespace meshscope::layout {

/// @brief A lineage-like DAG for benchmarks and tests, the same for the same arguments.
///
/// Nodes sit in pipeline stages (sources, staging, marts, ...; about 8 + 2 log2(n / 100)
/// stages), belong to domains (one per 250 nodes, at least 3) and have a topic within their
/// domain. Every node past the first stage reads 1 to 5 inputs (1.9 on average, so about 1.75
/// edges per node as in real lineage): mostly from the previous stage, otherwise from any earlier
/// one (long edges); mostly from its own domain about the same topic, otherwise a popular
/// product of another domain (fan-out hubs, edges across groups).
LayoutGraph lineageGraph(int nodeCount, quint64 seed = 42);

} // namespace meshscope::layout
