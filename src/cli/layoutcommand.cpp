#include "commands.h"
#include "commonoptions.h"

#include "layout/layoutgraph.h"
#include "layout/layoutjson.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTextStream>

#include <cstdio>

namespace meshscope::cli {

namespace {

int badUsage(const QString &message)
{
    QTextStream(stderr) << "meshscope layout: " << message << Qt::endl;
    return BadUsage;
}

QString count(qint64 n, const char *noun)
{
    return QStringLiteral("%1 %2%3").arg(n).arg(QLatin1String(noun)).arg(n == 1 ? "" : "s");
}

bool readFile(const QString &path, QByteArray &bytes, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    bytes = file.readAll();
    return true;
}

} // namespace

int layoutCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lays out a directed graph left to right in layers (Sugiyama) and writes node centres, edge "
        "polylines and group boxes. FILE.json holds {\"nodes\":[{\"id\",\"width\",\"height\",\"group\"}], "
        "\"edges\":[{\"source\",\"target\"}]}."));
    parser.addHelpOption();
    const QCommandLineOption graph(QStringLiteral("graph"), QStringLiteral("The graph to lay out."),
                                   QStringLiteral("FILE.json"));
    const QCommandLineOption previous(QStringLiteral("previous"),
                                      QStringLiteral("An earlier --json output: nodes it names keep their place "
                                                     "as far as possible (incremental layout)."),
                                      QStringLiteral("FILE.json"));
    const QCommandLineOption focus(QStringLiteral("focus"),
                                   QStringLiteral("With --previous, the node that stays exactly where it was."),
                                   QStringLiteral("ID"));
    CommonOptions common;
    parser.addOptions({graph, previous, focus, common.json});
    if (!parser.parse(arguments.mid(1)))
        return badUsage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QString help = parser.helpText();
        help.replace(0, help.indexOf(QLatin1Char('\n')), QStringLiteral("Usage: meshscope layout --graph FILE.json [options]"));
        QTextStream(stdout) << help;
        return Success;
    }
    if (!parser.positionalArguments().isEmpty())
        return badUsage(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(graph) || parser.value(graph).isEmpty())
        return badUsage(QStringLiteral("--graph FILE.json is required"));

    QByteArray bytes;
    QString error;
    layout::JsonError jsonError;
    layout::LayoutGraph input;
    const QString graphPath = parser.value(graph);
    if (!readFile(graphPath, bytes, error))
        return badUsage(error);
    if (!layout::readGraphJson(bytes, input, jsonError))
        return badUsage(QStringLiteral("%1: %2: %3").arg(graphPath, jsonError.place, jsonError.message));

    layout::LayoutOptions options;
    if (parser.isSet(previous)) {
        const QString previousPath = parser.value(previous);
        if (!readFile(previousPath, bytes, error))
            return badUsage(error);
        if (!layout::readPositionsJson(bytes, options.previous, jsonError))
            return badUsage(QStringLiteral("%1: %2: %3").arg(previousPath, jsonError.place, jsonError.message));
    }
    options.focus = parser.value(focus);

    const layout::LayoutResult result = layout::computeLayout(input, options);
    if (parser.isSet(common.json)) {
        const QByteArray text = layout::writeLayoutJson(input, result);
        std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
        return Success;
    }
    QTextStream out(stdout);
    out << count(qint64(input.nodes.size()), "node") << ", " << count(qint64(input.edges.size()), "edge") << " in "
        << count(result.layerCount, "layer") << " (" << count(result.dummyCount, "bend point") << ", "
        << count(result.reversedEdges, "edge") << " reversed to break cycles)\n"
        << count(result.crossings, "crossing") << ", " << count(qint64(result.groups.size()), "group")
        << ", drawing " << qRound(result.width) << " x " << qRound(result.height) << ", " << result.millis << " ms\n";
    return Success;
}

} // namespace meshscope::cli
