#include "formats.h"

namespace meshscope::importers {

void importDomainManifest(const YAML::Node &, const QString &file, ImportResult &result)
{
    result.warning(file, 0, 0, QStringLiteral("importer not implemented yet"));
}

} // namespace meshscope::importers
