// `meshscope export`: what the views show, written to files without opening the window. The HTML
// bundle, CSV, SVG and PDF are made here from the cache (QtCore only); PNG needs the real window, so
// it runs `meshscope gui --screenshot` (which needs a display: tests run it under xvfb-run).
#include "commands.h"
#include "commonoptions.h"

#include "cache/cachefile.h"
#include "contracts/cachedcontract.h"
#include "contracts/diffreport.h"
#include "contracts/impact.h"
#include "council/agenda.h"
#include "council/meeting.h"
#include "council/minutes.h"
#include "domainmap/domainmap.h"
#include "export/htmlsite.h"
#include "export/meshsvg.h"
#include "export/tables.h"
#include "export/textpdf.h"
#include "governance/governance.h"
#include "governance/meshdata.h"
#include "lineage/lineagegraph.h"
#include "lineage/neighbourhood.h"
#include "slo/sloevaluation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSaveFile>
#include <QTextStream>

namespace meshscope::cli {

namespace {

const QStringList kViews{QStringLiteral("domains"), QStringLiteral("lineage"), QStringLiteral("quality"),
                         QStringLiteral("contracts"), QStringLiteral("council")};

/// The formats each view can be exported to headless (png for all: a screenshot of the view).
QStringList formatsOf(const QString &view)
{
    if (view == u"domains")
        return {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("csv")};
    if (view == u"lineage")
        return {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("csv")};
    if (view == u"quality")
        return {QStringLiteral("png"), QStringLiteral("pdf"), QStringLiteral("csv")};
    if (view == u"contracts" || view == u"council")
        return {QStringLiteral("png"), QStringLiteral("pdf")};
    return {};
}

/// An error for the user: one line naming the file or item, exit code 2.
struct Failure {
    QString message;
};

int fail(const QString &message)
{
    QTextStream(stderr) << "meshscope export: " << message << Qt::endl;
    return BadUsage;
}

void writeFile(const QString &path, const QByteArray &data)
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        throw Failure{QStringLiteral("cannot write %1: the folder %2 does not exist")
                          .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(info.absolutePath()))};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        throw Failure{QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
}

sql::Connection openExistingCache(const QString &path)
{
    if (!QFileInfo::exists(path))
        throw Failure{QStringLiteral("no cache at %1; run 'meshscope sync --cache %1' first")
                          .arg(QDir::toNativeSeparators(path))};
    return cache::openCache(path, /*readOnly=*/false);
}

int domainIndex(const domainmap::DomainMap &map, const QString &select)
{
    if (select.isEmpty())
        return -1;
    const int d = map.domainOf(select);
    if (d < 0)
        throw Failure{QStringLiteral("no domain '%1' in the cache").arg(select)};
    return d;
}

QByteArray qualityPdf(sql::Connection &db, const QString &domain)
{
    const governance::MeshData mesh = governance::loadMeshData(db, domain);
    const governance::GovernanceReport gov = governance::evaluateGovernance(mesh);
    const slo::SloReport slos = slo::evaluateSlos(mesh, slo::loadEvidence(db));
    QString t;
    QTextStream s(&t);
    s << "Scope: " << (domain.isEmpty() ? QStringLiteral("the whole mesh") : QStringLiteral("domain ") + domain) << "\n";
    s << "Products: " << mesh.products.size() << "\n\n";
    s << "# Governance\n";
    s << "Score " << QString::number(gov.meshScore, 'f', 1) << " of 100; " << gov.errors << " errors, " << gov.warnings
      << " warnings.\n";
    s << "Policies applied: " << (gov.policyIds.isEmpty() ? QStringLiteral("built-in") : gov.policyIds.join(QStringLiteral(", ")))
      << "\n\n## Domains\n";
    for (const governance::DomainGovernance &d : gov.domains)
        s << d.domainId << ": score " << QString::number(d.score, 'f', 1) << ", " << d.passing << " of " << d.products
          << " products passing, " << d.errors << " errors, " << d.warnings << " warnings\n";
    s << "\n## Products\n";
    for (const governance::ProductGovernance &p : gov.products) {
        s << p.productId << ": score " << QString::number(p.score, 'f', 1) << ", " << p.errors << " errors, " << p.warnings
          << " warnings\n";
        for (const governance::Violation &v : p.violations)
            s << "    " << governance::severityName(v.severity) << " " << v.rule << ": " << v.message << "\n";
    }
    s << "\n# Service levels\n";
    s << "Compliance " << QString::number(slos.compliancePercent(), 'f', 1) << "%: " << slos.met << " met, " << slos.missed
      << " missed, " << slos.noEvidence << " without evidence; " << slos.stale << " stale, " << slos.failingChecks
      << " failing checks.\n";
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
    return exporting::textPdf(QStringLiteral("Quality dashboard"), t);
}

QByteArray contractDiffPdf(sql::Connection &db, const QString &select)
{
    const diff::ContractRef ref = diff::parseContractRef(select);
    if (ref.id.isEmpty() || ref.version.isEmpty())
        throw Failure{QStringLiteral("--view contracts needs --select ID@VERSION (the version to compare with the "
                                     "active one), not '%1'").arg(select)};
    QString newSource, oldSource;
    const std::optional<Contract> proposed = diff::loadCachedContract(db, ref, &newSource);
    if (!proposed)
        throw Failure{QStringLiteral("no contract %1 in the cache").arg(select)};
    const std::optional<Contract> active = diff::loadCachedContract(db, {ref.id, {}}, &oldSource);
    if (!active || active->version == proposed->version)
        throw Failure{QStringLiteral("%1 is the only or the active version of %2; name another version to compare "
                                     "(held: %3)").arg(select, ref.id, diff::cachedVersions(db, ref.id).join(QStringLiteral(", ")))};
    diff::DiffReport report = diff::makeReport(*active, *proposed);
    report.oldSource = oldSource;
    report.newSource = newSource;
    if (report.diff.highest() == diff::Severity::Breaking) {
        diff::ImpactAnalyzer analyzer(db);
        report.impact = analyzer.breakingImpact(*active, report.diff);
    }
    report.impactKnown = true;
    QString text = diff::reportText(report);
    // The text report indents with spaces; keep its lines as they are (monospace for indented ones).
    return exporting::textPdf(QStringLiteral("Contract diff: %1@%2 -> %3").arg(ref.id, active->version, proposed->version),
                              text);
}

QByteArray councilPdf(sql::Connection &db, const QString &select)
{
    council::Meeting meeting;
    if (!select.isEmpty()) {
        QString error;
        const std::optional<council::Meeting> loaded = council::loadMeeting(select, &error);
        if (!loaded)
            throw Failure{error.isEmpty() ? QStringLiteral("cannot read the meeting %1").arg(select) : error};
        meeting = *loaded;
    } else {
        // No meeting file: the minutes of a meeting that has just opened on today's agenda.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        meeting = council::startMeeting(QStringLiteral("Data council"), now,
                                        council::AgendaBuilder::withDefaultProviders().build(db, {now, {}}));
    }
    return exporting::textPdf(QStringLiteral("Council minutes"), council::minutesMarkdown(meeting));
}

/// PNG: the real window renders the view offscreen-to-file, as `meshscope gui --screenshot` does.
void screenshot(const QCommandLineParser &parser, const CommonOptions &common, const QString &view,
                const QString &select, const QString &out)
{
    if (!QFileInfo(out).absoluteDir().exists())
        throw Failure{QStringLiteral("cannot write %1: the folder %2 does not exist")
                          .arg(QDir::toNativeSeparators(out), QDir::toNativeSeparators(QFileInfo(out).absolutePath()))};
    QStringList args{QStringLiteral("gui"), QStringLiteral("--view"), view, QStringLiteral("--size"),
                     QStringLiteral("1600x1000"), QStringLiteral("--screenshot"), QFileInfo(out).absoluteFilePath(),
                     QStringLiteral("--cache"), common.cachePath(parser)};
    if (!select.isEmpty())
        args << QStringLiteral("--select") << select;
    for (const QString &source : parser.values(common.source))
        args << QStringLiteral("--source") << source;
    // The window's log (QML warnings, timings) is shown only when rendering fails.
    QProcess gui;
    gui.start(QCoreApplication::applicationFilePath(), args);
    if (!gui.waitForFinished(180000) || gui.exitStatus() != QProcess::NormalExit || gui.exitCode() != 0) {
        gui.kill();
        const QString log = QString::fromUtf8(gui.readAllStandardError()).trimmed().right(2000);
        throw Failure{QStringLiteral("could not render %1 to %2 (the window needs a display; headless, run under "
                                     "xvfb-run)%3").arg(view, QDir::toNativeSeparators(out), log.isEmpty() ? QString() : u'\n' + log)};
    }
    if (!QFileInfo::exists(out))
        throw Failure{QStringLiteral("the window did not write %1").arg(QDir::toNativeSeparators(out))};
}

int exportHtml(const QString &cachePath, const QString &dir)
{
    sql::Connection db = openExistingCache(cachePath);
    QTextStream err(stderr);
    int lastPercent = -1;
    const exporting::HtmlSiteResult r = exporting::exportHtmlSite(db, dir, [&](int done, int total) {
        const int percent = 100 * done / std::max(total, 1);
        if (percent / 10 != lastPercent / 10) {
            err << "\rexporting " << percent << "%" << Qt::flush;
            lastPercent = percent;
        }
    });
    err << "\r" << Qt::flush;
    if (!r.ok)
        throw Failure{r.error};
    QTextStream(stdout) << "Wrote " << r.files << " files (" << r.domains << " domains, " << r.products << " products, "
                        << r.contracts << " contract versions); open "
                        << QDir::toNativeSeparators(QDir(dir).absoluteFilePath(QStringLiteral("index.html"))) << Qt::endl;
    return Success;
}

} // namespace

int exportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes what a view shows to a file, without the window:\n"
        "  --format html --out DIR   a static read-only web site of the mesh (open DIR/index.html)\n"
        "  --view domains  png|svg|csv   domain map; csv: products (--select DOMAIN limits it)\n"
        "  --view lineage  png|svg|csv   svg: one-hop neighbourhood of --select PRODUCT; csv: what is\n"
        "                                downstream of --select ID (product, dataset or dataset#column)\n"
        "  --view quality  png|pdf|csv   pdf: governance and SLO data; csv: governance violations\n"
        "  --view contracts png|pdf      pdf: diff of --select ID@VERSION against the active version\n"
        "  --view council  png|pdf       pdf: minutes of --select MEETING.json (default: today's agenda)\n"
        "PNG renders the real window and needs a display (use xvfb-run when headless)."));
    parser.addHelpOption();
    CommonOptions common;
    common.addTo(parser, /*withSource=*/true, /*withJson=*/false);
    const QCommandLineOption view(QStringLiteral("view"), QStringLiteral("View to export: ") + kViews.join(u'|'),
                                  QStringLiteral("VIEW"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("html, png, svg, pdf or csv."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output file (a folder for html)."),
                                 QStringLiteral("PATH"));
    const QCommandLineOption select(QStringLiteral("select"), QStringLiteral("The item to export (see above)."),
                                    QStringLiteral("ID"));
    parser.addOptions({view, format, out, select});
    if (!parser.parse(arguments.mid(1)))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Success;
    }
    const QString fmt = parser.value(format).toLower();
    const QString outPath = parser.value(out);
    const QString viewName = parser.value(view);
    const QString selected = parser.value(select).trimmed();
    if (fmt.isEmpty())
        return fail(QStringLiteral("give --format html, png, svg, pdf or csv"));
    if (outPath.isEmpty())
        return fail(QStringLiteral("give the output with --out %1").arg(fmt == u"html" ? "DIR" : "FILE"));

    try {
        if (fmt == u"html") {
            if (!viewName.isEmpty())
                return fail(QStringLiteral("--format html exports the whole mesh; leave out --view"));
            return exportHtml(common.cachePath(parser), outPath);
        }
        if (!kViews.contains(viewName))
            return fail(QStringLiteral("--view must be one of %1, not '%2'").arg(kViews.join(u'|'), viewName));
        if (!formatsOf(viewName).contains(fmt))
            return fail(QStringLiteral("--view %1 exports to %2, not '%3'").arg(viewName, formatsOf(viewName).join(u'|'), fmt));

        if (fmt == u"png") {
            screenshot(parser, common, viewName, selected, outPath);
        } else {
            sql::Connection db = openExistingCache(common.cachePath(parser));
            QByteArray data;
            if (viewName == u"domains") {
                const domainmap::DomainMap map = domainmap::buildDomainMap(db);
                const int d = domainIndex(map, selected);
                data = (fmt == u"csv" ? exporting::productsCsv(map, d) : exporting::domainMapSvg(map, d)).toUtf8();
            } else if (viewName == u"lineage") {
                if (selected.isEmpty())
                    throw Failure{QStringLiteral("--view lineage needs --select ID (the node to start from)")};
                if (fmt == u"svg") {
                    const domainmap::DomainMap map = domainmap::buildDomainMap(db);
                    const int p = map.productOf(selected);
                    if (p < 0)
                        throw Failure{QStringLiteral("no product '%1' in the cache (the SVG shows a product's "
                                                     "neighbourhood)").arg(selected)};
                    data = exporting::productNeighbourhoodSvg(map, p).toUtf8();
                } else {
                    // The level of the id given: a column, a product, else a dataset.
                    const lineage::Level level = selected.contains(u'#')
                        ? lineage::Level::Column
                        : (domainmap::buildDomainMap(db).productOf(selected) >= 0 ? lineage::Level::Product
                                                                                 : lineage::Level::Dataset);
                    const lineage::LineageGraph graph = lineage::loadGraph(db, level);
                    QString error;
                    const std::vector<int> seeds = lineage::resolveNodes(graph, selected, &error);
                    if (seeds.empty())
                        throw Failure{error};
                    data = exporting::impactedCsv(graph, lineage::impactedDownstream(graph, seeds)).toUtf8();
                }
            } else if (viewName == u"quality") {
                if (!selected.isEmpty())
                    domainIndex(domainmap::buildDomainMap(db), selected); // a clear error for an unknown domain
                if (fmt == u"csv")
                    data = exporting::violationsCsv(governance::evaluateGovernance(governance::loadMeshData(db, selected)))
                               .toUtf8();
                else
                    data = qualityPdf(db, selected);
            } else if (viewName == u"contracts") {
                data = contractDiffPdf(db, selected);
            } else {
                data = councilPdf(db, selected);
            }
            writeFile(outPath, data);
        }
    } catch (const Failure &f) {
        return fail(f.message);
    } catch (const sql::SqlError &e) {
        return fail(e.message());
    }
    QTextStream(stdout) << "Wrote " << QDir::toNativeSeparators(outPath) << Qt::endl;
    return Success;
}

} // namespace meshscope::cli
