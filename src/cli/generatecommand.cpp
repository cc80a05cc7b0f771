#include "commands.h"
#include "commonoptions.h"

#include "generate/meshgenerator.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace meshscope::cli {

namespace {

int badUsage(const QString &message)
{
    QTextStream(stderr) << "meshscope generate: " << message << Qt::endl;
    return BadUsage;
}

/// Parses an option as an integer, naming the option in the error.
bool intOption(const QCommandLineParser &parser, const QCommandLineOption &option, int &value, QString &error)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    value = parser.value(option).toInt(&ok);
    if (!ok)
        error = QStringLiteral("--%1 expects a whole number, got '%2'")
                    .arg(option.names().constFirst(), parser.value(option));
    return ok;
}

} // namespace

int generateCommand(const QStringList &arguments)
{
    const MeshGeneratorOptions defaults;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes a synthetic mesh (domains, ODPS products, ODCS contracts, a dbt manifest and "
        "OpenLineage events) for benchmarks and tests. The same seed gives the same files."));
    parser.addHelpOption();
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output folder (new, empty, or an earlier output)."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption domains(QStringLiteral("domains"),
                                     QStringLiteral("Number of domains (default %1).").arg(defaults.domains),
                                     QStringLiteral("N"));
    const QCommandLineOption products(QStringLiteral("products"),
                                      QStringLiteral("Number of data products (default %1).").arg(defaults.products),
                                      QStringLiteral("N"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Random seed (default %1).").arg(defaults.seed), QStringLiteral("S"));
    const QCommandLineOption events(QStringLiteral("events-percent"),
                                    QStringLiteral("Share of products with OpenLineage run events, 0-100 "
                                                   "(default %1).")
                                        .arg(defaults.eventPercent),
                                    QStringLiteral("P"));
    CommonOptions common;
    parser.addOptions({out, domains, products, seed, events, common.json});

    // The subcommand stands in for the program name so that positional arguments start after it.
    if (!parser.parse(arguments.mid(1)))
        return badUsage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        // helpText() names the running binary; say which subcommand this is instead.
        QString help = parser.helpText();
        help.replace(0, help.indexOf(QLatin1Char('\n')), QStringLiteral("Usage: meshscope generate [options]"));
        QTextStream(stdout) << help;
        return Success;
    }
    if (!parser.positionalArguments().isEmpty())
        return badUsage(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(out) || parser.value(out).isEmpty())
        return badUsage(QStringLiteral("--out DIR is required"));

    MeshGeneratorOptions options;
    QString error;
    if (!intOption(parser, domains, options.domains, error) || !intOption(parser, products, options.products, error)
        || !intOption(parser, events, options.eventPercent, error))
        return badUsage(error);
    if (parser.isSet(seed)) {
        bool ok = false;
        options.seed = parser.value(seed).toULongLong(&ok);
        if (!ok)
            return badUsage(QStringLiteral("--seed expects a non-negative whole number, got '%1'")
                                .arg(parser.value(seed)));
    }
    if (const QString problem = validateGeneratorOptions(options); !problem.isEmpty())
        return badUsage(problem);

    QElapsedTimer timer;
    timer.start();
    const GeneratedMeshStats stats = generateMesh(parser.value(out), options, &error);
    const double seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    if (!error.isEmpty())
        return badUsage(error);

    if (parser.isSet(common.json)) {
        const QJsonObject json{
            {QStringLiteral("out"), parser.value(out)},
            {QStringLiteral("seed"), QString::number(options.seed)},
            {QStringLiteral("files"), stats.files},
            {QStringLiteral("domains"), stats.domains},
            {QStringLiteral("products"), stats.products},
            {QStringLiteral("contracts"), stats.contracts},
            {QStringLiteral("datasets"), stats.datasets},
            {QStringLiteral("edges"), stats.edges},
            {QStringLiteral("events"), stats.events},
            {QStringLiteral("metrics"), stats.metrics},
            {QStringLiteral("seconds"), seconds},
        };
        QTextStream(stdout) << QJsonDocument(json).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        QTextStream(stdout) << QStringLiteral("Wrote %1 files to %2 in %3 s: %4 domains, %5 products, %6 contracts, "
                                              "%7 datasets, %8 lineage edges, %9 run events, %10 metrics")
                                   .arg(stats.files)
                                   .arg(parser.value(out))
                                   .arg(seconds, 0, 'f', 2)
                                   .arg(stats.domains)
                                   .arg(stats.products)
                                   .arg(stats.contracts)
                                   .arg(stats.datasets)
                                   .arg(stats.edges)
                                   .arg(stats.events)
                                   .arg(stats.metrics)
                            << Qt::endl;
    }
    return Success;
}

} // namespace meshscope::cli
