#include "commonoptions.h"

#include "appinfo/paths.h"

#include <QTextStream>

namespace meshscope::cli {

void CommonOptions::addTo(QCommandLineParser &parser, bool withSource, bool withJson)
{
    parser.addOption(cache);
    if (withSource)
        parser.addOption(source);
    if (withJson)
        parser.addOption(json);
}

QString CommonOptions::cachePath(const QCommandLineParser &parser) const
{
    return parser.isSet(cache) ? parser.value(cache) : paths::defaultCacheFile();
}

QStringList CommonOptions::sources(const QCommandLineParser &parser) const
{
    const QStringList given = parser.values(source);
    return given.isEmpty() ? QStringList{paths::sampleMeshFolder()} : given;
}

std::optional<int> parseOptionsOnly(QCommandLineParser &parser, const QStringList &arguments, const char *command)
{
    QTextStream err(stderr);
    if (!parser.parse(arguments.mid(1))) {
        err << "meshscope " << command << ": " << parser.errorText() << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Success;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << "meshscope " << command << ": unexpected argument '" << parser.positionalArguments().first() << "'"
            << Qt::endl;
        return BadUsage;
    }
    return std::nullopt;
}

} // namespace meshscope::cli
