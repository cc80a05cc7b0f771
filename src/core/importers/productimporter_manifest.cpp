#include "formats.h"
#include "productimporter_common.h"

namespace meshscope::importers {

using namespace yamlsupport;
using products::at;
using products::PortDirection;
using products::Reader;

namespace {

/// `spec.schema.fields`: the manifest's own field list with PII and governance flags.
void readFields(Reader &r, const ytree::Node &schema, DataProduct &product)
{
    const ytree::Node fields = r.listChild(schema, "fields");
    if (!fields.IsDefined())
        return;
    int index = 0;
    for (const ytree::Node &item : fields) {
        ++index;
        if (!item.IsMap()) {
            r.error(item,
                QStringLiteral("`fields` item %1 must be a mapping, not %2; skipped")
                    .arg(index)
                    .arg(products::shapeName(item)));
            continue;
        }
        SchemaField field;
        field.name = r.text(item, "name");
        if (field.name.isEmpty()) {
            r.error(item, QStringLiteral("`fields` item %1 has no name; skipped").arg(index));
            continue;
        }
        field.type = r.text(item, "type");
        field.description = r.text(item, "description");
        field.required = r.flag(item, "required");
        field.pii = r.statedFlag(item, "pii"); // absent stays "not stated": the seeds' PRIVACY-001 asks for it
        field.classification = r.text(item, "classification");
        field.governance = r.text(item, "governance");
        field.tags = r.tags(item, "tags");
        product.fields.append(field);
    }
}

/// `spec.slo` as {property: value} (value text kept as written, or {target, measurement, ...})
/// or as a list of {property, value, unit}. Extra keys of an entry go to custom["slo"].
void readSlos(Reader &r, const ytree::Node &spec, DataProduct &product)
{
    const char *key = r.firstPresent(spec, { "slo", "slos", "sla", "serviceLevels" });
    if (!key)
        return;
    const ytree::Node slo = at(spec, key);
    QJsonObject details;
    auto readEntry = [&](const QString &property, const ytree::Node &value, const ytree::Node &at) {
        ServiceLevel level;
        level.property = property;
        if (value.IsScalar()) {
            level.value = scalar(value).trimmed();
        } else if (value.IsMap()) {
            level.value = r.text(value, { "target", "value", "threshold", "objective" });
            level.unit = r.text(value, "unit");
            level.element = r.text(value, "element");
            const QJsonObject extra = r.jsonExcept(
                value, { "property", "name", "target", "value", "threshold", "objective", "unit", "element" });
            if (!extra.isEmpty())
                details.insert(property, extra);
        } else if (!value.IsNull()) {
            r.warning(at,
                QStringLiteral("SLO '%1' must be a value or a mapping, not %2; ignored")
                    .arg(property, products::shapeName(value)));
            return;
        }
        if (level.value.isEmpty())
            r.warning(at, QStringLiteral("SLO '%1' has no value").arg(property));
        product.slos.append(level);
    };
    if (slo.IsMap()) {
        for (const auto &entry : slo) {
            const QString property = scalar(entry.first).trimmed();
            if (!property.isEmpty())
                readEntry(property, entry.second, entry.first);
        }
    } else if (slo.IsSequence()) {
        for (const ytree::Node &item : slo) {
            const QString property = item.IsMap() ? r.text(item, { "property", "name" }) : QString();
            if (property.isEmpty()) {
                r.warning(item, QStringLiteral("`%1` item without a property name; ignored").arg(QLatin1String(key)));
                continue;
            }
            readEntry(property, item, item);
        }
    } else {
        r.error(slo,
            QStringLiteral("`%1` must be a mapping of objectives, not %2")
                .arg(QLatin1String(key), products::shapeName(slo)));
    }
    if (!details.isEmpty())
        product.custom.insert(QLatin1String("slo"), details);
}

/// `spec.lineage`: {sources: [...], upstreamProducts: [...], transformation: ...} or a bare list.
void readLineage(Reader &r, const ytree::Node &spec, DataProduct &product)
{
    const ytree::Node lineage = at(spec, "lineage");
    if (!lineage.IsDefined() || lineage.IsNull())
        return;
    auto addSources = [&](const ytree::Node &list) {
        for (const ytree::Node &item : list) {
            QString source
                = item.IsScalar() ? scalar(item).trimmed() : r.text(item, { "id", "product", "dataset", "name" });
            if (source.isEmpty()) {
                r.warning(item, QStringLiteral("lineage source names nothing; ignored"));
                continue;
            }
            if (!product.lineageSources.contains(source))
                product.lineageSources << source;
        }
    };
    if (lineage.IsSequence()) {
        addSources(lineage);
        return;
    }
    if (!lineage.IsMap()) {
        r.error(lineage,
            QStringLiteral("`lineage` must be a mapping with `sources`, not %1").arg(products::shapeName(lineage)));
        return;
    }
    for (const char *key : { "sources", "upstreamProducts", "upstream", "inputs" }) {
        const ytree::Node list = r.listChild(lineage, key);
        if (list.IsDefined())
            addSources(list);
    }
    const QJsonObject rest = r.jsonExcept(lineage, { "sources", "upstreamProducts", "upstream", "inputs" });
    if (!rest.isEmpty())
        product.custom.insert(QLatin1String("lineage"), rest);
}

} // namespace

/// The manifest style found in data mesh articles: `apiVersion: <group>/v1`, `kind: DataProduct`,
/// `metadata` naming it and `spec` describing schema, SLOs, ports and lineage.
void importManifestProduct(const ytree::Node &doc, const QString &file, ImportResult &result)
{
    Reader r(file, result);
    DataProduct product;
    product.specFormat = QStringLiteral("manifest");
    product.line = lineOf(doc);

    const ytree::Node metadata = r.mapChild(doc, "metadata");
    const ytree::Node spec = r.mapChild(doc, "spec");
    if (!has(doc, "metadata"))
        r.error(doc, QStringLiteral("`metadata` is missing: a DataProduct manifest needs metadata.name"));

    product.id = r.text(metadata, "name");
    product.name = r.text(metadata, { "displayName", "title" });
    if (product.name.isEmpty())
        product.name = r.text(spec, { "displayName", "title" });
    const QString domain = r.text(metadata, "domain");
    product.domainId = slugify(domain);
    product.version = r.text(metadata, "version");
    if (product.version.isEmpty())
        product.version = r.text(spec, "version");
    product.status = r.text(metadata, "status");
    if (product.status.isEmpty())
        product.status = r.text(spec, "status");

    // domainType describes the domain; archetype only the product.
    const ytree::Node typeNode = has(metadata, "domainType") ? at(metadata, "domainType") : at(spec, "domainType");
    const QString domainTypeText = scalar(typeNode).trimmed();
    const bool statesDomainType = !domainTypeText.isEmpty();
    const ytree::Node archetypeNode = has(metadata, "archetype") ? at(metadata, "archetype") : at(spec, "archetype");
    product.domainType = products::readDomainType(r, statesDomainType ? typeNode : archetypeNode,
        statesDomainType ? domainTypeText : scalar(archetypeNode).trimmed());

    for (const ytree::Node &scope : { metadata, spec }) {
        for (const QString &tag : r.tags(scope, "tags")) {
            if (!product.tags.contains(tag))
                product.tags << tag;
        }
    }
    const ytree::Node labels = at(metadata, "labels");
    if (labels.IsMap())
        product.custom.insert(QLatin1String("labels"), r.json(labels));

    products::readOwner(r, has(metadata, "owner") ? at(metadata, "owner") : at(spec, "owner"), product);

    product.description = products::readDescription(r, spec, "description");
    if (product.description.isEmpty())
        product.description = products::readDescription(r, metadata, "description");
    const QString classification = r.text(spec, "classification");
    if (!classification.isEmpty())
        product.custom.insert(QLatin1String("classification"), classification);

    const ytree::Node schema = r.mapChild(spec, "schema");
    if (schema.IsDefined()) {
        readFields(r, schema, product);
        const QJsonObject rest = r.jsonExcept(schema, { "fields" });
        if (!rest.isEmpty())
            product.custom.insert(QLatin1String("schema"), rest);
    }
    readSlos(r, spec, product);
    products::readPorts(r, spec, { "input_ports", "inputPorts" }, PortDirection::Input, product);
    products::readPorts(r, spec, { "output_ports", "outputPorts" }, PortDirection::Output, product);
    readLineage(r, spec, product);

    // Whatever else the spec says (consumers, quality, access, ...) is kept for display.
    const QJsonObject rest = r.jsonExcept(spec,
        { "description", "classification", "schema", "slo", "slos", "sla", "serviceLevels", "input_ports", "inputPorts",
            "output_ports", "outputPorts", "lineage", "tags", "owner", "version", "status", "displayName", "title",
            "domainType", "archetype" });
    for (auto it = rest.begin(); it != rest.end(); ++it)
        product.custom.insert(it.key(), it.value());

    result.noteDomain(product.domainId, statesDomainType ? product.domainType : DomainType::Unknown, domain);
    if (product.id.isEmpty() && !product.name.isEmpty())
        product.id = slugify(product.name);
    if (product.id.isEmpty()) {
        // A missing or malformed `metadata` was reported above already.
        if (metadata.IsDefined())
            r.error(metadata, QStringLiteral("`metadata.name` is missing: the data product has no id; skipped"));
        return;
    }
    products::addProduct(r, doc, std::move(product));
}

} // namespace meshscope::importers
