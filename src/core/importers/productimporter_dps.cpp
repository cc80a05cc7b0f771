#include "formats.h"
#include "productimporter_common.h"

namespace meshscope::importers {

using namespace yamlsupport;
using products::at;
using products::PortDirection;

/// Data Product Specification 0.0.1, the native format of Entropy Data (Data Mesh Manager).
/// There the owner is a team, and teams are how that tool groups products, so the owner is also
/// the product's domain.
void importDps(const ytree::Node &doc, const QString &file, ImportResult &result)
{
    products::Reader r(file, result);
    DataProduct product;
    product.specFormat = QStringLiteral("dps");
    product.line = lineOf(doc);
    product.id = r.text(doc, "id");
    product.tags = r.tags(doc, "tags");

    // `custom` values first so that the fields read below cannot be overwritten by them.
    const ytree::Node custom = r.mapChild(doc, "custom");
    if (custom.IsDefined())
        product.custom = r.json(custom).toObject();
    const ytree::Node links = r.mapChild(doc, "links");
    if (links.IsDefined())
        product.custom.insert(QLatin1String("links"), r.json(links));

    const ytree::Node info = r.mapChild(doc, "info");
    if (info.IsDefined()) {
        product.name = r.text(info, "title");
        product.description = products::readDescription(r, info, "description");
        product.owner = r.text(info, "owner");
        product.status = r.text(info, "status");
        product.version = r.text(info, "version");
        product.domainType = products::readDomainType(r, at(info, "archetype"), r.text(info, "archetype"));
        const QString maturity = r.text(info, "maturity");
        if (!maturity.isEmpty())
            product.custom.insert(QLatin1String("maturity"), maturity);
    } else if (!has(doc, "info")) {
        r.error(doc, QStringLiteral("`info` is missing: a DPS data product needs info.title and info.owner"));
    }
    if (info.IsDefined() && product.owner.isEmpty())
        r.warning(info, QStringLiteral("`info.owner` is missing: the product has no team or domain"));

    product.domainId = slugify(product.owner);
    product.teamId = product.domainId;

    products::readPorts(r, doc, { "inputPorts" }, PortDirection::Input, product);
    products::readPorts(r, doc, { "outputPorts" }, PortDirection::Output, product);

    // containsPii is a flag on DPS output ports; a "pii" tag makes it visible to search and policies.
    if (const ytree::Node outputs = at(doc, "outputPorts"); outputs.IsSequence()) {
        qsizetype index = 0;
        for (const ytree::Node &item : outputs) {
            // readPorts kept the mapping items in order, so they pair up with the ports.
            if (!item.IsMap())
                continue;
            if (index >= product.outputPorts.size())
                break;
            Port &port = product.outputPorts[index++];
            if (r.flag(item, "containsPii") && !port.tags.contains(QLatin1String("pii")))
                port.tags << QStringLiteral("pii");
        }
    }

    if (!product.domainId.isEmpty()) {
        Team team;
        team.id = product.teamId;
        team.name = product.owner;
        team.domainId = product.domainId;
        products::noteTeam(result, team);
    }
    result.noteDomain(product.domainId, DomainType::Unknown, product.owner);
    products::addProduct(r, has(doc, "id") ? at(doc, "id") : doc, std::move(product));
}

} // namespace meshscope::importers
