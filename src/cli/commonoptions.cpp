#include "commonoptions.h"

#include "appinfo/paths.h"

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

} // namespace meshscope::cli
