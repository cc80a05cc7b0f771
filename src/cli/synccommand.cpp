#include "commands.h"
#include "commonoptions.h"

#include "sync/syncengine.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

#include <unistd.h>

namespace meshscope::cli {

int syncCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Reads the sources into the cache. Unchanged documents are skipped; each source is replaced in one "
        "transaction, so a failed sync keeps the last good cache.\n"
        "Exit: 0 all documents imported, 1 some documents had errors (the rest imported), 2 bad usage."));
    parser.addHelpOption();
    CommonOptions common;
    common.addTo(parser);
    if (!parser.parse(arguments.mid(1))) {
        QTextStream(stderr) << "meshscope sync: " << parser.errorText() << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Success;
    }
    QTextStream err(stderr);
    const bool tty = isatty(fileno(stderr));
    SyncEngine engine(common.cachePath(parser));
    const SyncReport report = engine.run(common.sources(parser), [&](const SyncProgress &p) {
        if (tty)
            err << "\rsyncing " << p.done << "/" << p.total << " files\x1b[K" << Qt::flush;
    });
    if (tty)
        err << "\r\x1b[K" << Qt::flush;

    if (parser.isSet(common.json)) {
        QTextStream(stdout) << QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
    } else {
        QTextStream out(stdout);
        const CacheCounts &c = report.counts;
        out << "files " << report.filesSeen << " (parsed " << report.filesParsed << ", unchanged "
            << report.filesUnchanged << ", removed " << report.filesRemoved << ")\n"
            << "cache: " << c.domains << " domains, " << c.products << " products, " << c.contractIds
            << " contracts (" << c.contracts << " versions), " << c.datasets << " datasets, " << c.columns << " columns, " << c.lineageEdges
            << " lineage edges, " << c.qualityResults << " quality results\n"
            << "changes: " << report.added << " added, " << report.changed << " changed, " << report.removed
            << " removed\n";
    }
    for (const Diagnostic &d : report.diagnostics)
        err << d.toString() << Qt::endl;
    if (!report.fatalError.isEmpty()) {
        err << "meshscope sync: " << report.fatalError << Qt::endl;
        return BadUsage;
    }
    return report.hasDocumentErrors() ? Found : Success;
}

} // namespace meshscope::cli
