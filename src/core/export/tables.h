#pragma once

#include "domainmap/domainmap.h"
#include "governance/governance.h"
#include "lineage/badges.h"
#include "lineage/lineagegraph.h"
#include "lineage/neighbourhood.h"

#include <QString>

/// The tables views show, as CSV (RFC 4180, header row first, UTF-8, CRLF line ends).
namespace meshscope::exporting {

/// id,name,domain,owner,status,health,score,contract,upstream,consumers — every product, or those of
/// `domain` (index into map.domains) and its sub-domains.
QString productsCsv(const domainmap::DomainMap &map, int domain = -1);

/// product,domain,severity,rule,target_kind,target,message,remediation,policy — one row per violation.
QString violationsCsv(const governance::GovernanceReport &report);

/// id,label,kind,domain,hops,owner,failing_checks,stale,contract_status — what is downstream of the
/// seeds, nearest first. `badges` is indexed by graph node (empty or short: those columns stay blank).
QString impactedCsv(const lineage::LineageGraph &graph, const std::vector<lineage::Reached> &impacted,
                    const std::vector<lineage::NodeBadges> &badges = {});

} // namespace meshscope::exporting
