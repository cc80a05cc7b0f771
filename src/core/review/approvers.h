#pragma once

#include "cache/sqlite.h"
#include "contracts/contractdiff.h"
#include "reviewstate.h"

#include <vector>

/// Who must approve a contract proposal, derived from the mesh rather than typed in:
/// - the producer: the contract's ODCS roles' firstLevelApprovers (and, as a second slot, the
///   secondLevelApprovers), else the team members with an owner role, else the contract owner;
/// - one owner of every consuming product: those with an input port on the contract or naming it as
///   a lineage source, and those reading its data directly in the lineage graph (one hop);
/// - the governance council, when the proposal breaks something or changes PII or classification.
namespace meshscope::review {

/// Whether a diff touches personal data or classification (rules classification-*, pii-*).
bool changesSensitiveData(const diff::ContractDiff &diff);
/// Breaking changes that count for the version.
int breakingChanges(const diff::ContractDiff &diff);

/// The governance council's identity: the global policy's `spec.contracts.council`, else its
/// `metadata.owner`, as the cache holds them; empty when the mesh names none.
QString governanceCouncil(sql::Connection &db);

/// The required approvers of changing `base` into `proposal`. Consumers come from the cache; slots with
/// the same candidates are merged. Throws sql::SqlError when the cache cannot be read.
std::vector<ApproverSlot> deriveApprovers(sql::Connection &db, const Contract &base, const diff::ContractDiff &diff);

} // namespace meshscope::review
