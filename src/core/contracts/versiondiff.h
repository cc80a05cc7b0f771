#pragma once

#include "cachedcontract.h"
#include "changelocations.h"
#include "diffreport.h"
#include "linediff.h"

/// Everything the Contracts area shows for two versions of a cached contract: the semantic report
/// with impact, each change's lines on both sides and the line diff. Plain C++ over the cache, so
/// the view model only moves it to the GUI thread.
namespace meshscope::diff {

struct VersionDiff {
    CachedDocument oldDoc;
    CachedDocument newDoc;
    QString oldStatus;
    QString newStatus;
    DiffReport report;
    std::vector<ChangeLocation> locations; ///< parallel to report.diff.changes
    LineDiff lines;
    QString error; ///< set when a version could not be loaded; everything else is then empty
};

/// Loads `id@oldVersion` and `id@newVersion` from the cache and diffs them, impact included.
/// Throws sql::SqlError when the cache cannot be read.
VersionDiff compareCachedVersions(sql::Connection &db, const QString &id, const QString &oldVersion,
                                  const QString &newVersion);

/// Which two versions to compare when a contract is opened. `versions` are the contract's versions
/// (oldest first); `wanted` is the version asked for (may be empty). The proposal (status proposed,
/// draft or in review) against the active version when there is one; a wanted version against the
/// active one, or against its predecessor when it is the active one; else the two newest versions.
/// Both empty when the contract has fewer than two versions.
struct VersionPair {
    QString oldVersion;
    QString newVersion;
};
VersionPair defaultPair(const std::vector<CachedVersion> &versions, const QString &wanted = {});

/// Whether a status names a version under review rather than a released one.
bool isProposalStatus(const QString &status);
bool isReleasedStatus(const QString &status);

} // namespace meshscope::diff
