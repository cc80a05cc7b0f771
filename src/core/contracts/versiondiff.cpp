#include "versiondiff.h"

#include "impact.h"

namespace meshscope::diff {

bool isProposalStatus(const QString &status)
{
    const QString s = status.toLower();
    return s == u"proposed" || s == u"draft" || s == u"review" || s == u"in review" || s == u"in-review";
}

bool isReleasedStatus(const QString &status)
{
    const QString s = status.toLower();
    return s == u"active" || s == u"production" || s == u"released";
}

VersionPair defaultPair(const std::vector<CachedVersion> &versions, const QString &wanted)
{
    if (versions.size() < 2)
        return {};
    QString active;
    QString proposal;
    for (const CachedVersion &v : versions) {
        if (isReleasedStatus(v.status))
            active = v.version; // oldest first: the last one wins
        else if (isProposalStatus(v.status))
            proposal = v.version;
    }
    auto predecessor = [&versions](const QString &version) {
        for (size_t i = 1; i < versions.size(); ++i) {
            if (versions[i].version == version)
                return versions[i - 1].version;
        }
        return QString();
    };
    if (!wanted.isEmpty()) {
        if (!active.isEmpty() && wanted != active)
            return {active, wanted};
        const QString before = predecessor(wanted);
        if (!before.isEmpty())
            return {before, wanted};
    }
    if (!proposal.isEmpty() && !active.isEmpty() && proposal != active)
        return {active, proposal};
    return {versions[versions.size() - 2].version, versions.back().version};
}

VersionDiff compareCachedVersions(sql::Connection &db, const QString &id, const QString &oldVersion,
                                  const QString &newVersion)
{
    VersionDiff out;
    std::optional<CachedDocument> oldDoc = loadCachedDocument(db, {id, oldVersion});
    std::optional<CachedDocument> newDoc = loadCachedDocument(db, {id, newVersion});
    if (!oldDoc || !newDoc) {
        out.error = QStringLiteral("%1@%2 is not in the cache").arg(id, !oldDoc ? oldVersion : newVersion);
        return out;
    }
    out.oldDoc = std::move(*oldDoc);
    out.newDoc = std::move(*newDoc);
    for (const CachedVersion &v : listCachedVersions(db)) {
        if (v.id != id)
            continue;
        if (v.version == oldVersion)
            out.oldStatus = v.status;
        if (v.version == newVersion)
            out.newStatus = v.status;
    }
    out.report = makeReport(out.oldDoc.contract, out.newDoc.contract);
    out.report.oldSource = out.oldDoc.source;
    out.report.newSource = out.newDoc.source;
    if (out.report.diff.highest() == Severity::Breaking) {
        ImpactAnalyzer analyzer(db);
        out.report.impact = analyzer.breakingImpact(out.oldDoc.contract, out.report.diff);
    }
    out.report.impactKnown = true;
    const YamlLocator oldYaml(out.oldDoc.text);
    const YamlLocator newYaml(out.newDoc.text);
    out.locations = locateChanges(out.report.diff, oldYaml, newYaml);
    out.lines = diffLines(out.oldDoc.text, out.newDoc.text);
    return out;
}

} // namespace meshscope::diff
