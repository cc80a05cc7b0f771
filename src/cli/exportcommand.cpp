// `meshscope export`: what the views show, written to files without opening the window. The HTML
// bundle, CSV, SVG and PDF are made here from the cache (QtCore only); PNG needs the real window, so
// it runs `meshscope gui --screenshot` (which needs a display: tests run it under xvfb-run).
#include "commands.h"
#include "commonoptions.h"

#include "cache/cachefile.h"
#include "domainmap/domainmap.h"
#include "export/htmlsite.h"
#include "export/meshsvg.h"
#include "export/textpdf.h"
#include "export/viewexport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
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

using Failure = exporting::ExportError;

QByteArray pdfOf(const exporting::TextDocument &doc)
{
    return exporting::textPdf(doc.title, doc.text);
}

int fail(const QString &message)
{
    QTextStream(stderr) << "meshscope export: " << message << Qt::endl;
    return BadUsage;
}

sql::Connection openExistingCache(const QString &path)
{
    if (!QFileInfo::exists(path))
        throw Failure{QStringLiteral("no cache at %1; run 'meshscope sync --cache %1' first")
                          .arg(QDir::toNativeSeparators(path))};
    return cache::openCache(path, /*readOnly=*/true);
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
                data = (fmt == u"csv" ? exporting::domainProductsCsv(map, selected) : exporting::domainsSvg(map, selected))
                           .toUtf8();
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
                    data = exporting::impactedNodesCsv(db, selected).toUtf8();
                }
            } else if (viewName == u"quality") {
                data = fmt == u"csv" ? exporting::qualityViolationsCsv(db, selected).toUtf8()
                                     : pdfOf(exporting::qualityReport(db, selected));
            } else if (viewName == u"contracts") {
                data = pdfOf(exporting::contractDiffAgainstActive(db, selected));
            } else {
                data = pdfOf(exporting::councilMinutes(db, selected));
            }
            exporting::writeExportFile(outPath, data);
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
