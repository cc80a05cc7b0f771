#pragma once

#include "diffrules.h"

#include <QString>

#include <optional>

/// Semantic versions and the check that a contract's new version matches what changed in it.
namespace meshscope::diff {

struct SemVer {
    int major = 0;
    int minor = 0;
    int patch = 0;
    QString preRelease; ///< "rc.1" in 2.0.0-rc.1
    QString build;      ///< "b5" in 2.0.0+b5

    /// "1.2.3", "v1.2.3", "1.2" (patch 0), "1" (minor and patch 0), with optional -pre and +build.
    static std::optional<SemVer> parse(const QString &text);
    /// major.minor.patch (pre-release and build left out).
    QString core() const;
};

/// Orders by major, minor, patch only: a pre-release of a version counts as that version.
int compareCore(const SemVer &a, const SemVer &b);

/// What the new version must be at least, and whether it is.
struct VersionCheck {
    QString required; ///< e.g. "2.0.0"; empty when the old version cannot be read
    bool ok = false;
    QString reason; ///< one sentence for people
};

/// Major for breaking changes, minor for non-breaking, patch for info; with no change the old version
/// itself. `highest` is ContractDiff::highest() (the version field itself does not count).
VersionCheck checkVersion(const QString &oldVersion, const QString &newVersion, std::optional<Severity> highest);

} // namespace meshscope::diff
