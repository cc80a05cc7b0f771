#include "export/viewexport.h"

#include "cache/cachereader.h"
#include "contracts/cachedcontract.h"
#include "contracts/versiondiff.h"
#include "council/agenda.h"
#include "council/meeting.h"
#include "council/minutes.h"
#include "export/meshsvg.h"
#include "export/tables.h"
#include "governance/governance.h"
#include "governance/meshdata.h"
#include "lineage/badges.h"
#include "lineage/neighbourhood.h"
#include "slo/sloevaluation.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

namespace meshscope::exporting {

namespace {

/// What a quality scope names: the domain to load and, for a product, the product to keep.
struct QualityScope {
    QString domain;
    QString product;
    QString label;
};

QualityScope resolveQualityScope(sql::Connection &db, const QString &scope)
{
    if (scope.isEmpty())
        return {{}, {}, QStringLiteral("the whole mesh")};
    const domainmap::DomainMap map = domainmap::buildDomainMap(db);
    if (map.domainOf(scope) >= 0)
        return {scope, {}, QStringLiteral("domain ") + scope};
    const int p = map.productOf(scope);
    if (p < 0)
        throw ExportError{QStringLiteral("no domain or product '%1' in the cache").arg(scope)};
    const int d = map.products[size_t(p)].domain;
    return {d >= 0 ? map.domains[size_t(d)].id : QString(), scope, QStringLiteral("data product ") + scope};
}

/// Governance of the scope's domain, narrowed to the product when the scope is one.
governance::GovernanceReport scopedGovernance(const governance::MeshData &mesh, const QualityScope &scope)
{
    governance::GovernanceReport gov = governance::evaluateGovernance(mesh);
    if (!scope.product.isEmpty())
        std::erase_if(gov.products, [&](const governance::ProductGovernance &p) { return p.productId != scope.product; });
    return gov;
}

} // namespace

int requireDomain(const domainmap::DomainMap &map, const QString &id)
{
    if (id.isEmpty())
        return -1;
    const int d = map.domainOf(id);
    if (d < 0)
        throw ExportError{QStringLiteral("no domain '%1' in the cache").arg(id)};
    return d;
}

QString domainsSvg(const domainmap::DomainMap &map, const QString &domain)
{
    return domainMapSvg(map, requireDomain(map, domain));
}

QString domainProductsCsv(const domainmap::DomainMap &map, const QString &domain)
{
    return productsCsv(map, requireDomain(map, domain));
}

TextDocument qualityReport(sql::Connection &db, const QString &scopeId)
{
    const QualityScope scope = resolveQualityScope(db, scopeId);
    const governance::MeshData mesh = governance::loadMeshData(db, scope.domain);
    const governance::GovernanceReport gov = scopedGovernance(mesh, scope);
    slo::SloReport slos = slo::evaluateSlos(mesh, slo::loadEvidence(db));
    if (!scope.product.isEmpty())
        std::erase_if(slos.products, [&](const slo::ProductSlo &p) { return p.productId != scope.product; });
    QString t;
    QTextStream s(&t);
    s << "Scope: " << scope.label << "\n";
    s << "Products: " << (scope.product.isEmpty() ? int(mesh.products.size()) : 1) << "\n\n";
    s << "# Governance\n";
    if (scope.product.isEmpty()) {
        s << "Score " << QString::number(gov.meshScore, 'f', 1) << " of 100; " << gov.errors << " errors, " << gov.warnings
          << " warnings.\n";
    }
    s << "Policies applied: " << (gov.policyIds.isEmpty() ? QStringLiteral("built-in") : gov.policyIds.join(QStringLiteral(", ")))
      << "\n\n";
    if (scope.product.isEmpty()) {
        s << "## Domains\n";
        for (const governance::DomainGovernance &d : gov.domains)
            s << d.domainId << ": score " << QString::number(d.score, 'f', 1) << ", " << d.passing << " of " << d.products
              << " products passing, " << d.errors << " errors, " << d.warnings << " warnings\n";
        s << "\n";
    }
    s << "## Products\n";
    for (const governance::ProductGovernance &p : gov.products) {
        s << p.productId << ": score " << QString::number(p.score, 'f', 1) << ", " << p.errors << " errors, " << p.warnings
          << " warnings\n";
        for (const governance::Violation &v : p.violations)
            s << "    " << governance::severityName(v.severity) << " " << v.rule << ": " << v.message << "\n";
    }
    s << "\n# Service levels\n";
    if (scope.product.isEmpty()) {
        s << "Compliance " << QString::number(slos.compliancePercent(), 'f', 1) << "%: " << slos.met << " met, "
          << slos.missed << " missed, " << slos.noEvidence << " without evidence; " << slos.stale << " stale, "
          << slos.failingChecks << " failing checks.\n";
    }
    if (slos.at.isValid())
        s << "As of " << slos.at.toUTC().toString(Qt::ISODate) << ".\n";
    for (const slo::ProductSlo &p : slos.products) {
        s << "\n## " << (p.name.isEmpty() ? p.productId : p.name) << " (" << slo::statusName(p.overall) << ")\n";
        for (const slo::SloResult &r : p.slos)
            s << r.property << ": target " << r.targetText << ", now " << (r.currentText.isEmpty() ? QStringLiteral("-") : r.currentText)
              << " - " << slo::statusName(r.status) << "\n";
        if (p.failingChecks > 0)
            s << p.failingChecks << " failing checks\n";
    }
    s.flush();
    return {QStringLiteral("Quality dashboard"), t};
}

QString qualityViolationsCsv(sql::Connection &db, const QString &scopeId)
{
    const QualityScope scope = resolveQualityScope(db, scopeId);
    return violationsCsv(scopedGovernance(governance::loadMeshData(db, scope.domain), scope));
}

TextDocument contractDiffReport(sql::Connection &db, const QString &id, const QString &oldVersion,
                                const QString &newVersion)
{
    const diff::VersionDiff d = diff::compareCachedVersions(db, id, oldVersion, newVersion);
    if (!d.error.isEmpty())
        throw ExportError{d.error};
    // The text report indents with spaces; textPdf keeps its lines as they are (monospace when indented).
    return {QStringLiteral("Contract diff: %1@%2 -> %3").arg(id, oldVersion, newVersion), diff::reportText(d.report)};
}

TextDocument contractDiffAgainstActive(sql::Connection &db, const QString &select)
{
    const diff::ContractRef ref = diff::parseContractRef(select);
    if (ref.id.isEmpty() || ref.version.isEmpty())
        throw ExportError{QStringLiteral("--view contracts needs --select ID@VERSION (the version to compare with the "
                                         "active one), not '%1'").arg(select)};
    if (!diff::loadCachedContract(db, ref))
        throw ExportError{QStringLiteral("no contract %1 in the cache").arg(select)};
    const std::optional<Contract> active = diff::loadCachedContract(db, {ref.id, {}});
    if (!active || active->version == ref.version)
        throw ExportError{QStringLiteral("%1 is the only or the active version of %2; name another version to compare "
                                         "(held: %3)").arg(select, ref.id, diff::cachedVersions(db, ref.id).join(QStringLiteral(", ")))};
    return contractDiffReport(db, ref.id, active->version, ref.version);
}

TextDocument councilMinutes(sql::Connection &db, const QString &meetingFile)
{
    council::Meeting meeting;
    if (!meetingFile.isEmpty()) {
        QString error;
        const std::optional<council::Meeting> loaded = council::loadMeeting(meetingFile, &error);
        if (!loaded)
            throw ExportError{error.isEmpty() ? QStringLiteral("cannot read the meeting %1").arg(meetingFile) : error};
        meeting = *loaded;
    } else {
        // No meeting file: today's meeting as the Council view shows it — the record saved in the mesh
        // folder the cache was synced from (its decisions and actions), else one just opened on the agenda.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QStringList folders;
        for (const QString &uri : cache::CacheReader(db).sourceUris()) {
            if (QFileInfo(uri).isDir())
                folders << uri;
        }
        std::vector<council::AgendaItem> agenda = council::AgendaBuilder::withDefaultProviders().build(db, {now, {}});
        if (folders.isEmpty()) {
            meeting = council::startMeeting(council::defaultMeetingTitle(), now, std::move(agenda));
        } else {
            QString error;
            meeting = council::todaysMeeting(council::meetingsFolder(folders, {}), council::defaultMeetingTitle(), now,
                                             std::move(agenda), nullptr, &error);
            if (!error.isEmpty())
                throw ExportError{error};
        }
    }
    return {QStringLiteral("Council minutes"), council::minutesText(meeting)};
}

QString impactedNodesCsv(sql::Connection &db, const QString &id)
{
    if (id.isEmpty())
        throw ExportError{QStringLiteral("--view lineage needs --select ID (the node to start from)")};
    // The level of the id given: a column, a product, else a dataset.
    const lineage::Level level = id.contains(u'#') ? lineage::Level::Column
        : (domainmap::buildDomainMap(db, domainmap::HealthPass::Later).productOf(id) >= 0 ? lineage::Level::Product : lineage::Level::Dataset);
    const lineage::LineageGraph graph = lineage::loadGraph(db, level);
    QString error;
    const std::vector<int> seeds = lineage::resolveNodes(graph, id, &error);
    if (seeds.empty())
        throw ExportError{error};
    const std::vector<lineage::Reached> impacted = lineage::impactedDownstream(graph, seeds);
    std::vector<int> nodes;
    for (const lineage::Reached &r : impacted)
        nodes.push_back(r.node);
    const std::vector<lineage::NodeBadges> found = lineage::loadBadges(db, graph, nodes);
    std::vector<lineage::NodeBadges> byNode(graph.nodes.size());
    for (size_t i = 0; i < nodes.size() && i < found.size(); ++i)
        byNode[size_t(nodes[i])] = found[i];
    return impactedCsv(graph, impacted, byNode);
}

void writeExportFile(const QString &path, const QByteArray &data)
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        throw ExportError{QStringLiteral("cannot write %1: the folder %2 does not exist")
                              .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(info.absolutePath()))};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        throw ExportError{QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
}

} // namespace meshscope::exporting
