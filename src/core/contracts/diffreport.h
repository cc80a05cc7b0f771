#pragma once

#include "contractdiff.h"
#include "impact.h"
#include "semver.h"

#include <QJsonObject>

/// A finished diff as the CLI prints it and the GUI shows it: changes, the version check and the
/// impact, in JSON or as text for people.
namespace meshscope::diff {

struct DiffReport {
    QString oldId;
    QString oldVersion;
    QString oldSource; ///< file or cached document the old contract came from
    QString newId;
    QString newVersion;
    QString newSource;
    ContractDiff diff;
    VersionCheck version;
    bool impactKnown = false; ///< whether a cache was read for impact
    QString impactNote;       ///< why impact is unknown, when it is
    std::vector<ChangeImpact> impact;
};

/// Diffs two contracts and checks the version; impact is left for the caller (it needs a cache).
DiffReport makeReport(const Contract &oldContract, const Contract &newContract);

/// {"changes":[{path, kind, severity, old, new, rule, description, detail?}], "summary":{breaking,
/// nonBreaking, info}, "requiredVersion", "versionOk", "versionReason", "impact":[{path, rule, products,
/// datasets}], "impactSummary":{products, domains, datasets, text} or null, "old":{id, version, source},
/// "new":{...}}
QJsonObject reportJson(const DiffReport &report);

/// The text report: a header, the changes grouped by severity, the version verdict and the impact.
QString reportText(const DiffReport &report);

/// A change as one JSON object (the items of "changes").
QJsonObject changeJson(const ContractChange &change);

} // namespace meshscope::diff
