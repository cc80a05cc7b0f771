#include "formats.h"
#include "productimporter_common.h"

namespace meshscope::importers {

using namespace yamlsupport;
using products::at;
using products::PortDirection;

/// Open Data Product Standard v0.9 / v1.0 (bitol-io). Required by the standard: id, status.
void importOdps(const ytree::Node &doc, const QString &file, ImportResult &result)
{
    products::Reader r(file, result);
    DataProduct product;
    product.specFormat = QStringLiteral("odps");
    product.line = lineOf(doc);
    product.id = r.text(doc, "id");
    product.name = r.text(doc, "name");
    product.status = r.text(doc, "status");
    product.version = r.text(doc, "version");
    product.tags = r.tags(doc, "tags");

    const QString domain = r.text(doc, "domain");
    product.domainId = slugify(domain);

    // Custom properties first: the named fields set below must win over a same-named property.
    const QJsonObject properties = products::readCustomProperties(r, doc, "customProperties");
    for (auto it = properties.begin(); it != properties.end(); ++it)
        product.custom.insert(it.key(), it.value());
    // ODPS has no archetype field; organisations state it as a custom property.
    const QString typeText = properties.value(QLatin1String("domainType"))
                                 .toString(properties.value(QLatin1String("archetype")).toString());
    product.domainType = products::readDomainType(r, at(doc, "customProperties"), typeText);
    const bool statesDomainType = properties.contains(QLatin1String("domainType"));

    QJsonObject descriptionExtras;
    product.description = products::readDescription(r, doc, "description", &descriptionExtras);
    if (!descriptionExtras.isEmpty())
        product.custom.insert(QLatin1String("descriptionDetails"), descriptionExtras);

    const QString tenant = r.text(doc, "tenant");
    if (!tenant.isEmpty())
        product.custom.insert(QLatin1String("tenant"), tenant);
    const QString created = r.text(doc, "productCreatedTs");
    if (!created.isEmpty())
        product.custom.insert(QLatin1String("productCreatedTs"), created);
    for (const char *key : { "authoritativeDefinitions", "managementPorts", "support" }) {
        const ytree::Node list = r.listChild(doc, key);
        if (list.IsDefined())
            product.custom.insert(QLatin1String(key), r.json(list));
    }

    products::readPorts(r, doc, { "inputPorts" }, PortDirection::Input, product);
    products::readPorts(r, doc, { "outputPorts" }, PortDirection::Output, product);
    if (const ytree::Node inputs = at(doc, "inputPorts"); inputs.IsSequence()) {
        for (const ytree::Node &item : inputs) {
            if (item.IsMap() && !has(item, "contractId"))
                r.warning(item, QStringLiteral("input port names no `contractId` (ODPS requires one)"));
        }
    }

    products::readTeam(r, at(doc, "team"), product);

    if (product.status.isEmpty())
        r.warning(doc, QStringLiteral("ODPS requires `status`; none given"));
    result.noteDomain(product.domainId, statesDomainType ? product.domainType : DomainType::Unknown, domain);
    products::addProduct(r, has(doc, "id") ? at(doc, "id") : doc, std::move(product));
}

} // namespace meshscope::importers
