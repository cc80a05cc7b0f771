#include "productimporter_common.h"

#include <QSet>

namespace meshscope::importers::products {

using namespace yamlsupport;

namespace {

/// A table's dotted name from the parts a port or its server states, when a table is named.
QString tableLocation(const ytree::Node &source)
{
    if (!has(source, "table") && !has(source, "view") && !has(source, "dataset"))
        return {};
    QStringList parts;
    for (const char *key : { "project", "database", "dataset", "schema", "table", "view" }) {
        const QString part = scalar(at(source, key)).trimmed();
        if (!part.isEmpty())
            parts << part;
    }
    return parts.join(QLatin1Char('.'));
}

/// The location a port states, in the order the formats prefer: an explicit location, topic or
/// endpoint, then the same inside a DPS `server`, then a table joined with its database and schema.
QString portLocation(const ytree::Node &item, Reader &r)
{
    const QString location = r.text(item, { "location", "topic", "endpoint", "url", "path", "arn" });
    if (!location.isEmpty())
        return location;
    const ytree::Node server = at(item, "server");
    if (server.IsMap()) {
        const QString inServer = r.text(server, { "location", "topic", "path", "url" });
        if (!inServer.isEmpty())
            return inServer;
        const QString table = tableLocation(server);
        if (!table.isEmpty())
            return table;
    }
    return tableLocation(item);
}

Port readPort(Reader &r, const ytree::Node &item, PortDirection direction)
{
    Port p;
    p.id = r.text(item, "id");
    p.name = r.text(item, "name");
    p.type = r.text(item, "type");
    p.technology = r.text(item, { "technology", "platform" });
    if (p.technology.isEmpty())
        p.technology = scalar(at(at(item, "server"), "type")).trimmed();
    p.version = r.text(item, "version");
    p.description = r.text(item, "description");
    p.tags = r.tags(item, "tags");
    p.location = portLocation(item, r);
    // A DPS port's `custom` map is where Entropy Data writes what the format has no key for.
    const ytree::Node custom = at(item, "custom");
    const ytree::Node contract = at(item, "contract");
    if (contract.IsMap())
        p.contractId = r.text(contract, { "id", "contractId" });
    else
        p.contractId = r.text(item, { "contractId", "dataContractId", "contract_id", "contract" });
    if (p.contractId.isEmpty() && custom.IsMap())
        p.contractId = r.text(custom, { "contractId", "dataContractId", "contract_id" });
    if (direction == PortDirection::Input) {
        // The producing product, where the port names one (also under `custom`); else its source
        // system, which in Entropy Data is often another product's id. Services resolve it against
        // known products and show it as an unresolved reference when the mesh has no such product.
        auto productIn = [&r](const ytree::Node &map) {
            return r.text(map, { "sourceProductId", "sourceDataProductId", "sourceProduct", "dataProduct", "product" });
        };
        p.sourceProductId = productIn(item);
        if (p.sourceProductId.isEmpty() && custom.IsMap())
            p.sourceProductId = productIn(custom);
        if (p.sourceProductId.isEmpty())
            p.sourceProductId = r.text(item, "sourceSystemId");
    }
    return p;
}

} // namespace

void readPorts(Reader &r, const ytree::Node &parent, std::initializer_list<const char *> keys, PortDirection direction,
    DataProduct &product)
{
    const char *key = r.firstPresent(parent, keys);
    if (!key)
        return;
    const ytree::Node list = r.listChild(parent, key);
    if (!list.IsDefined())
        return;
    QList<Port> &target = direction == PortDirection::Input ? product.inputPorts : product.outputPorts;
    QJsonObject details = product.custom.value(QLatin1String("ports")).toObject();
    QSet<QString> seen;
    for (const Port &p : product.inputPorts)
        seen.insert(p.id);
    for (const Port &p : product.outputPorts)
        seen.insert(p.id);

    int index = 0;
    for (const ytree::Node &item : list) {
        ++index;
        if (!item.IsMap()) {
            r.error(item.Mark().is_null() ? list : item,
                QStringLiteral("`%1` item %2 must be a mapping, not %3; skipped")
                    .arg(QString::fromLatin1(key))
                    .arg(index)
                    .arg(shapeName(item)));
            continue;
        }
        Port p = readPort(r, item, direction);
        const bool explicitId = !p.id.isEmpty();
        if (!explicitId) {
            if (!p.name.isEmpty())
                p.id = p.version.isEmpty() ? p.name : p.name + QLatin1Char('@') + p.version;
            else
                p.id = (!p.technology.isEmpty()    ? p.technology
                               : !p.type.isEmpty() ? p.type
                                                   : QStringLiteral("port"))
                    + QLatin1Char('-') + QString::number(index);
        }
        if (seen.contains(p.id)) {
            if (explicitId)
                r.warning(at(item, "id"), QStringLiteral("port id '%1' is used twice in this product").arg(p.id));
            const QString base = p.id;
            for (int n = 2; seen.contains(p.id); ++n)
                p.id = base + QLatin1Char('-') + QString::number(n);
        }
        seen.insert(p.id);
        if (p.name.isEmpty())
            p.name = p.id;
        QJsonObject extra = r.jsonExcept(item,
            { "id", "name", "type", "technology", "version", "description", "tags", "contractId", "dataContractId",
                "contract_id" });
        if (!at(item, "contract").IsMap())
            extra.remove(QLatin1String("contract"));
        if (!extra.isEmpty())
            details.insert(p.id, extra);
        target.append(p);
    }
    if (!details.isEmpty())
        product.custom.insert(QLatin1String("ports"), details);
}

} // namespace meshscope::importers::products
