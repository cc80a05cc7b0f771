#include "cli.h"

#include "commands.h"
#include "commonoptions.h"

#include <QTextStream>

#include <cstdio>
#include <functional>
#include <vector>

namespace meshscope::cli {

namespace {

struct CommandEntry {
    const char *name;
    const char *summary;
    std::function<int(const QStringList &)> run;
};

const std::vector<CommandEntry> &commands()
{
    static const std::vector<CommandEntry> table{
        {"gui", "Open the window; with --screenshot OUT.png save a view and exit", nullptr},
        {"sync", "Read sources into the cache, incrementally", syncCommand},
        {"token", "Store a catalog source's API token in the system keychain", tokenCommand},
        {"search", "Full-text search over the cache", searchCommand},
        {"generate", "Write a synthetic mesh for benchmarks and tests", generateCommand},
        {"diff", "Compare two contracts: breaking changes, required version, impact", diffCommand},
        {"layout", "Lay out a graph (JSON) in layers, left to right", layoutCommand},
        {"review", "Contract proposals: propose, comment, approve, verify the review history", reviewCommand},
        {"lint", "Check contracts and products against their official JSON Schemas; exit 1 on errors", lintCommand},
        {"check", "Check products against governance policies: violations, scores; exit 1 on errors", checkCommand},
        {"metrics", "The metric registry: list metrics by domain, show one; inconsistent definitions", metricsCommand},
        {"maturity", "Each product's maturity level, criteria met and the next level's missing ones", maturityCommand},
        {"new", "Scaffold a new data product at a maturity level (new product --mesh DIR ...)", newCommand},
        {"lineage", "Upstream and downstream of a product, dataset, column or metric; impact, paths", lineageCommand},
        {"export", "Write a view to PNG, SVG, PDF or CSV, or the whole mesh as a static web site", exportCommand},
    };
    return table;
}

} // namespace

QString usage()
{
    QString text = QStringLiteral(
        "Usage: meshscope [COMMAND] [OPTIONS]\n"
        "Meshscope, a data mesh explorer. With no command it opens the window on the cache.\n\n"
        "Commands:\n");
    for (const CommandEntry &c : commands())
        text += QStringLiteral("  %1 %2\n").arg(QLatin1String(c.name), -10).arg(QLatin1String(c.summary));
    text += QStringLiteral(
        "\nCommon options: --cache FILE, --source PATH|URL (repeatable), --json.\n"
        "Exit codes: 0 success, 1 the command found what it looks for, 2 bad usage or input.\n"
        "Run 'meshscope COMMAND --help' for a command's options.\n");
    return text;
}

int run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (arguments.size() < 2 || arguments.at(1) == u"--help" || arguments.at(1) == u"-h") {
        out << usage();
        return Success;
    }
    if (arguments.at(1) == u"--version" || arguments.at(1) == u"-v") {
        out << "meshscope " << MESHSCOPE_VERSION << Qt::endl;
        return Success;
    }
    const QString name = arguments.at(1);
    for (const CommandEntry &c : commands()) {
        if (name == QLatin1String(c.name) && c.run)
            return c.run(arguments);
    }
    err << "meshscope: unknown command '" << name << "'; see 'meshscope --help'" << Qt::endl;
    return BadUsage;
}

} // namespace meshscope::cli
