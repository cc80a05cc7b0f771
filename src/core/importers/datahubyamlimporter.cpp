#include "formats.h"
#include "productimporter_common.h"

#include <QJsonArray>

namespace meshscope::importers {

using namespace yamlsupport;
using products::at;
using products::Reader;

namespace {

/// JSON Schema nesting deeper than this is not a real contract; stop rather than recurse on.
constexpr int kMaxSchemaDepth = 32;

/// A DataHub dataset as an output port of the product that lists it among its assets.
Port datasetPort(const products::DatasetUrn &urn)
{
    Port port;
    port.id = urn.platform + QLatin1Char('.') + urn.name;
    port.name = urn.name;
    port.type = urn.platform;
    port.technology = urn.platform;
    port.location = urn.name;
    return port;
}

/// JSON Schema `type` may be a list such as [string, "null"]; the first non-null entry is the type.
QString jsonSchemaType(Reader &r, const ytree::Node &property)
{
    const ytree::Node type = at(property, "type");
    if (type.IsSequence()) {
        for (const ytree::Node &t : type) {
            const QString text = scalar(t).trimmed();
            if (!text.isEmpty() && text != u"null")
                return text;
        }
        return {};
    }
    return r.text(property, "type");
}

QList<ContractProperty> readJsonSchemaProperties(Reader &r, const ytree::Node &schema, int depth)
{
    QList<ContractProperty> out;
    const ytree::Node properties = r.mapChild(schema, "properties");
    if (!properties.IsDefined())
        return out;
    if (depth > kMaxSchemaDepth) {
        r.warning(properties,
            QStringLiteral("schema nested deeper than %1 levels; the rest is not read").arg(kMaxSchemaDepth));
        return out;
    }
    const QStringList required = r.tags(schema, "required");
    for (const auto &entry : properties) {
        ContractProperty p;
        p.name = scalar(entry.first).trimmed();
        p.line = lineOf(entry.first);
        const ytree::Node def = entry.second;
        if (p.name.isEmpty())
            continue;
        if (!def.IsMap()) {
            r.warning(def.IsDefined() && !def.Mark().is_null() ? def : entry.first,
                QStringLiteral("schema property '%1' must be a mapping, not %2").arg(p.name, products::shapeName(def)));
            out.append(p);
            continue;
        }
        p.logicalType = jsonSchemaType(r, def);
        p.physicalType = r.text(def, "native_type");
        p.description = r.text(def, "description");
        p.required = required.contains(p.name);
        for (const char *key : { "minLength", "maxLength", "minimum", "maximum", "pattern", "format", "enum" }) {
            if (has(def, key))
                p.constraints.insert(QLatin1String(key), r.json(at(def, key)));
        }
        if (p.logicalType == u"object")
            p.properties = readJsonSchemaProperties(r, def, depth + 1);
        else if (p.logicalType == u"array" && at(def, "items").IsMap())
            p.properties = readJsonSchemaProperties(r, at(def, "items"), depth + 1);
        out.append(p);
    }
    return out;
}

/// DataHub's assertion operator as ODCS threshold keys (mustBeGreaterThan, mustBeBetween, ...).
QJsonObject thresholdsOf(Reader &r, const ytree::Node &rule)
{
    QJsonObject out;
    const ytree::Node op = at(rule, "operator");
    if (!op.IsMap())
        return out;
    const QString type = r.text(op, "type");
    const QJsonValue value = r.json(at(op, "value"));
    static const std::pair<const char *, const char *> names[] = {
        { "greater_than", "mustBeGreaterThan" },
        { "greater_than_or_equal_to", "mustBeGreaterOrEqualTo" },
        { "less_than", "mustBeLessThan" },
        { "less_than_or_equal_to", "mustBeLessOrEqualTo" },
        { "equal_to", "mustBe" },
        { "not_equal_to", "mustNotBe" },
    };
    for (const auto &[datahub, odcs] : names) {
        if (type == QLatin1String(datahub)) {
            out.insert(QLatin1String(odcs), value);
            return out;
        }
    }
    if (type == u"between") {
        out.insert(QStringLiteral("mustBeBetween"), QJsonArray { r.json(at(op, "min")), r.json(at(op, "max")) });
        return out;
    }
    // Operators with no ODCS counterpart keep DataHub's own shape.
    out.insert(QStringLiteral("operator"), r.json(op));
    return out;
}

void readDataQuality(Reader &r, const ytree::Node &doc, SchemaObject &object)
{
    const ytree::Node list = r.listChild(doc, "data_quality");
    if (!list.IsDefined())
        return;
    int index = 0;
    for (const ytree::Node &item : list) {
        ++index;
        if (!item.IsMap()) {
            r.warning(item, QStringLiteral("`data_quality` item %1 must be a mapping; ignored").arg(index));
            continue;
        }
        QualityRule rule;
        rule.line = lineOf(item);
        rule.id = QStringLiteral("data_quality-%1").arg(index);
        const QString type = r.text(item, "type");
        const QString column = r.text(item, "column");
        rule.name = type;
        rule.description = r.text(item, "description");
        rule.element = column.isEmpty() ? object.name : object.name + QLatin1Char('.') + column;
        rule.thresholds = thresholdsOf(r, item);
        if (type == u"unique") {
            rule.type = QStringLiteral("library");
            rule.metric = QStringLiteral("duplicateValues");
            rule.dimension = QStringLiteral("uniqueness");
            rule.thresholds.insert(QStringLiteral("mustBe"), 0);
        } else if (type == u"custom_sql") {
            rule.type = QStringLiteral("sql");
            rule.query = r.text(item, "sql");
        } else {
            rule.type = QStringLiteral("custom");
            rule.metric = r.text(item, "metric");
        }
        bool attached = false;
        for (ContractProperty &p : object.properties) {
            if (!column.isEmpty() && p.name == column) {
                p.quality.append(rule);
                attached = true;
            }
        }
        if (!attached)
            object.quality.append(rule);
    }
}

} // namespace

/// DataHub's data product YAML (`datahub dataproduct upsert`): id, domain, assets and owners.
void importDatahubProductYaml(const ytree::Node &doc, const QString &file, ImportResult &result)
{
    Reader r(file, result);
    DataProduct product;
    product.specFormat = QStringLiteral("datahub");
    product.line = lineOf(doc);
    product.id = products::stripUrn(r.text(doc, "id"));
    product.name = r.text(doc, "display_name");
    product.description = products::readDescription(r, doc, "description");
    const QString domain = products::stripUrn(r.text(doc, "domain"));
    product.domainId = slugify(domain);

    const ytree::Node properties = r.mapChild(doc, "properties");
    if (properties.IsDefined())
        product.custom = r.json(properties).toObject();

    for (const QString &tag : r.tags(doc, "tags"))
        product.tags << products::stripUrn(tag);
    QJsonArray terms;
    for (const QString &term : r.tags(doc, "terms"))
        terms.append(products::stripUrn(term));
    if (!terms.isEmpty())
        product.custom.insert(QLatin1String("terms"), terms);

    if (const ytree::Node owners = r.listChild(doc, "owners"); owners.IsDefined()) {
        for (const ytree::Node &owner : owners) {
            const QString id = owner.IsMap() ? r.text(owner, "id") : scalar(owner).trimmed();
            if (id.isEmpty()) {
                r.warning(owner, QStringLiteral("owner without an id; ignored"));
                continue;
            }
            if (product.owner.isEmpty())
                product.owner = products::stripUrn(id);
        }
        product.custom.insert(QLatin1String("owners"), r.json(owners));
    }

    if (const ytree::Node assets = r.listChild(doc, "assets"); assets.IsDefined()) {
        QJsonArray all;
        for (const ytree::Node &asset : assets) {
            const QString urn = scalar(asset).trimmed();
            if (urn.isEmpty()) {
                r.warning(
                    asset, QStringLiteral("asset must be an urn, not %1; ignored").arg(products::shapeName(asset)));
                continue;
            }
            all.append(urn);
            // The product's datasets are what it offers: show them as its output ports.
            const products::DatasetUrn dataset = products::parseDatasetUrn(urn);
            if (dataset.valid)
                product.outputPorts.append(datasetPort(dataset));
            else if (urn.startsWith(QLatin1String("urn:li:dataset:")))
                r.warning(asset, QStringLiteral("malformed dataset urn '%1'").arg(urn));
        }
        product.custom.insert(QLatin1String("assets"), all);
    }

    const ytree::Node memory = at(at(doc, "institutional_memory"), "elements");
    if (memory.IsSequence()) {
        QJsonObject links;
        for (const ytree::Node &element : memory) {
            const QString url = r.text(element, "url");
            if (!url.isEmpty())
                links.insert(r.text(element, "title").isEmpty() ? url : r.text(element, "title"), url);
        }
        if (!links.isEmpty())
            product.custom.insert(QLatin1String("links"), links);
    }
    const QString externalUrl = r.text(doc, "external_url");
    if (!externalUrl.isEmpty())
        product.custom.insert(QLatin1String("externalUrl"), externalUrl);

    result.noteDomain(product.domainId, DomainType::Unknown, domain);
    products::addProduct(r, has(doc, "id") ? at(doc, "id") : doc, std::move(product));
}

/// DataHub's data contract YAML: one dataset (`entity`), its JSON schema, freshness and checks.
void importDatahubContractYaml(const ytree::Node &doc, const QString &file, ImportResult &result)
{
    Reader r(file, result);
    const QString entity = r.text(doc, "entity");
    const products::DatasetUrn urn = products::parseDatasetUrn(entity);
    if (!urn.valid) {
        r.error(has(doc, "entity") ? at(doc, "entity") : doc,
            QStringLiteral("`entity` '%1' is not a dataset urn "
                           "(urn:li:dataset:(urn:li:dataPlatform:<platform>,<name>,<env>)); skipped")
                .arg(entity));
        return;
    }

    Contract contract;
    contract.id = QStringLiteral("datahub:") + urn.platform + QLatin1Char('.') + urn.name;
    contract.name = urn.name;
    contract.status = QStringLiteral("active");
    contract.specFormat = QStringLiteral("datahub");
    contract.apiVersion = r.text(doc, "version"); // the YAML format's version, not the contract's
    contract.custom.insert(QStringLiteral("entity"), entity);

    Server server;
    server.server = urn.platform + QLatin1Char('-') + urn.env.toLower();
    server.type = urn.platform;
    server.environment = urn.env.toLower();
    server.details.insert(QStringLiteral("dataset"), urn.name);
    contract.servers.append(server);

    SchemaObject object;
    object.id = urn.name;
    object.name = urn.name.section(QLatin1Char('.'), -1);
    object.physicalName = urn.name;
    object.line = lineOf(doc);
    if (const ytree::Node schema = r.mapChild(doc, "schema"); schema.IsDefined()) {
        object.line = lineOf(schema);
        const QString type = r.text(schema, "type");
        const ytree::Node jsonSchema = r.mapChild(schema, "json-schema");
        if (type != u"json-schema" || !jsonSchema.IsDefined()) {
            r.warning(
                schema, QStringLiteral("schema type '%1' is not read (only json-schema is); kept as is").arg(type));
            contract.custom.insert(QStringLiteral("schema"), r.json(schema));
        } else {
            object.properties = readJsonSchemaProperties(r, jsonSchema, 0);
        }
    }
    readDataQuality(r, doc, object);

    if (const ytree::Node freshness = r.mapChild(doc, "freshness"); freshness.IsDefined()) {
        ServiceLevel level;
        level.property = QStringLiteral("freshness");
        level.element = object.name;
        const QString type = r.text(freshness, "type");
        if (type == u"cron") {
            level.value = r.text(freshness, "cron");
            level.unit = QStringLiteral("cron");
        } else {
            level.value = r.text(freshness, { "interval", "lookback_interval" });
        }
        if (level.value.isEmpty())
            r.warning(freshness, QStringLiteral("freshness of type '%1' states no schedule").arg(type));
        contract.sla.append(level);
        contract.custom.insert(QStringLiteral("freshness"), r.json(freshness));
    }

    contract.schema.append(object);
    result.contracts.push_back(contract);
}

} // namespace meshscope::importers
