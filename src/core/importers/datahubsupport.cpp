#include "datahubsupport.h"

#include "model/entities.h"
#include "productimporter_common.h"

namespace meshscope::importers::datahub {

QString datasetIdFromUrn(const QString &urn)
{
    const products::DatasetUrn parsed = products::parseDatasetUrn(urn);
    if (!parsed.valid)
        return {};
    return meshscope::datasetId(parsed.platform, parsed.name);
}

QString platformOfUrn(const QString &urn)
{
    return products::parseDatasetUrn(urn).platform;
}

QString nameOfUrn(const QString &urn)
{
    return products::parseDatasetUrn(urn).name;
}

bool splitSchemaFieldUrn(const QString &urn, QString &datasetUrn, QString &field)
{
    static const QString prefix = QStringLiteral("urn:li:schemaField:(");
    if (!urn.startsWith(prefix) || !urn.endsWith(QLatin1Char(')')))
        return false;
    const QString inner = urn.mid(prefix.size(), urn.size() - prefix.size() - 1);
    const qsizetype comma = inner.lastIndexOf(QLatin1Char(','));
    if (comma <= 0)
        return false;
    datasetUrn = inner.left(comma);
    field = inner.mid(comma + 1);
    return true;
}

QString lastUrnPart(const QString &urn)
{
    if (!urn.startsWith(QLatin1String("urn:li:")) || urn.contains(QLatin1Char('(')))
        return urn;
    return urn.section(QLatin1Char(':'), 3);
}

} // namespace meshscope::importers::datahub
