#pragma once

#include "lineagegraph.h"

#include <QDateTime>

#include <vector>

namespace meshscope::lineage {

/// @brief What a node's badges say. Products sum over their datasets, columns look at their own checks.
struct NodeBadges {
    int checks = 0;         ///< quality checks with a result (latest result per check)
    int failingChecks = 0;  ///< of those, failing in their latest result
    bool stale = false;     ///< last successful load older than the staleness window, or the last run failed
    QDateTime lastLoaded;   ///< newest COMPLETE run writing it
    QString contractStatus; ///< "active", "draft", ... of its contract(s); "missing" when an output has none
    int breakingProposals = 0; ///< proposed versions of its contracts with breaking changes
    bool any() const { return failingChecks > 0 || stale || breakingProposals > 0 || contractStatus == u"missing"; }
};

/// @brief Badge inputs kept from the cache; build once per graph, ask per node.
struct BadgeOptions {
    /// Data not loaded within this window before the newest run in the cache counts as stale. Measured
    /// against the newest run, not the clock, so an offline cache of last week does not turn all red.
    qint64 staleAfterSeconds = 24 * 3600;
    bool diffProposals = true; ///< compare proposed contract versions with the active one
};

/// Badges for `nodes` (graph indices), in the same order. Throws sql::SqlError on a broken cache.
std::vector<NodeBadges> loadBadges(sql::Connection &db, const LineageGraph &graph, const std::vector<int> &nodes,
                                   const BadgeOptions &options = {});

} // namespace meshscope::lineage
