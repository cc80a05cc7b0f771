#include "openlineagereader.h"

namespace meshscope::importers::openlineage {

using namespace jsonsupport;

namespace {

/// Nested schema fields (structs) become "parent.child" columns, to this depth.
constexpr int kMaxFieldDepth = 16;

void appendFields(const Json &fields, const QString &prefix, int depth, QList<DatasetColumn> &out)
{
    for (const Json &field : fields) {
        const QString name = str(field, "name");
        if (name.isEmpty())
            continue;
        DatasetColumn c;
        c.name = prefix.isEmpty() ? name : prefix + QLatin1Char('.') + name;
        c.type = str(field, "type");
        c.description = str(field, "description");
        // Marquez adds tags to schema fields: a list of names or of {key|name} objects.
        if (const Json *tags = arrayMember(field, "tags")) {
            for (const Json &tag : *tags) {
                QString text = tag.is_object() ? str(tag, "key") : scalarText(tag);
                if (text.isEmpty() && tag.is_object())
                    text = str(tag, "name");
                if (!text.isEmpty())
                    c.tags.append(text);
            }
        }
        const QString qualified = c.name;
        out.append(std::move(c));
        if (const Json *children = arrayMember(field, "fields"); children && depth < kMaxFieldDepth)
            appendFields(*children, qualified, depth + 1, out);
    }
}

/// "IDENTITY", "DIRECT/AGGREGATION", or the older field-level transformationType/Description.
QString transformationOf(const Json &inputField, const Json &fieldSpec)
{
    QStringList parts;
    if (const Json *list = arrayMember(inputField, "transformations")) {
        for (const Json &t : *list) {
            QString text = str(t, "type");
            const QString subtype = str(t, "subtype");
            if (!subtype.isEmpty())
                text = text.isEmpty() ? subtype : text + QLatin1Char('/') + subtype;
            if (text.isEmpty())
                text = str(t, "description");
            if (!text.isEmpty() && !parts.contains(text))
                parts.append(text);
        }
    }
    if (parts.isEmpty()) {
        QString text = str(fieldSpec, "transformationType");
        if (text.isEmpty())
            text = str(fieldSpec, "transformationDescription");
        if (!text.isEmpty())
            parts.append(text);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString schemeOf(const QString &uri)
{
    const qsizetype sep = uri.indexOf(QStringLiteral("://"));
    if (sep <= 0)
        return {};
    const QString scheme = uri.left(sep).toLower();
    return scheme == u"postgresql" ? QStringLiteral("postgres") : scheme;
}

QString EventReader::readDataset(const Json &dataset, const char *ioFacetsKey, const EventContext &ctx)
{
    Dataset d;
    d.ns = str(dataset, "namespace");
    d.name = str(dataset, "name");
    if (d.ns.isEmpty() || d.name.isEmpty()) {
        warn(ctx, QStringLiteral("dataset without namespace or name; skipped"));
        return {};
    }
    d.id = datasetId(d.ns, d.name);
    d.platform = schemeOf(d.ns);

    const Json *facets = member(dataset, "facets");
    if (facets && !facets->is_object()) {
        warn(ctx, QStringLiteral("facets of dataset '%1' are %2, expected an object; ignored")
                      .arg(d.name, typeName(*facets)));
        facets = nullptr;
    }
    const Json *ioFacets = objectMember(dataset, ioFacetsKey);

    if (facets) {
        if (const Json *doc = objectMember(*facets, "documentation"))
            d.description = str(*doc, "description");
        if (const Json *schema = objectMember(*facets, "schema"))
            d.columns = schemaColumns(*schema, ctx);
        if (const Json *source = objectMember(*facets, "dataSource"); source && d.platform.isEmpty())
            d.platform = schemeOf(str(*source, "uri"));
        if (const Json *type = objectMember(*facets, "datasetType"))
            d.kind = str(*type, "datasetType").toLower();
        if (const Json *owners = path(*facets, {"ownership", "owners"}); owners && owners->is_array()) {
            for (const Json &owner : *owners) {
                d.owner = str(owner, "name");
                if (!d.owner.isEmpty())
                    break;
            }
        }
        if (const Json *tags = path(*facets, {"tags", "tags"}); tags && tags->is_array()) {
            for (const Json &tag : *tags) {
                const QString key = str(tag, "key");
                const QString value = str(tag, "value");
                if (!key.isEmpty())
                    d.tags.append(value.isEmpty() || value == u"true" ? key : key + QLatin1Char(':') + value);
            }
        }
    }
    if (d.kind.isEmpty())
        d.kind = QStringLiteral("dataset");

    const QString id = d.id;
    const size_t index = m_collector.mergeDataset(std::move(d));

    if (facets) {
        if (const Json *lineage = objectMember(*facets, "columnLineage"))
            readColumnLineage(*lineage, id, ctx);
    }
    // The spec makes dataQualityAssertions an input facet; producers (Marquez's seed data among
    // them) also put it with the other dataset facets, on inputs and outputs alike.
    for (const Json *where : {ioFacets, facets}) {
        if (!where)
            continue;
        if (const Json *assertions = objectMember(*where, "dataQualityAssertions"))
            readAssertions(*assertions, index, ctx);
    }
    return id;
}

QList<DatasetColumn> EventReader::schemaColumns(const Json &schemaFacet, const EventContext &ctx)
{
    QList<DatasetColumn> columns;
    const Json *fields = member(schemaFacet, "fields");
    if (!fields)
        return columns;
    if (!fields->is_array()) {
        warn(ctx, QStringLiteral("schema facet 'fields' is %1, expected a list; columns skipped").arg(typeName(*fields)));
        return columns;
    }
    columns.reserve(qsizetype(fields->size()));
    appendFields(*fields, QString(), 0, columns);
    return columns;
}

void EventReader::readColumnLineage(const Json &facet, const QString &outputId, const EventContext &ctx)
{
    const Json *fields = member(facet, "fields");
    if (!fields)
        return;
    if (!fields->is_object()) {
        warn(ctx, QStringLiteral("columnLineage 'fields' is %1, expected an object; skipped").arg(typeName(*fields)));
        return;
    }
    for (auto it = fields->begin(); it != fields->end(); ++it) {
        const QString outColumn = toQString(it.key());
        const Json &spec = it.value();
        const Json *inputs = arrayMember(spec, "inputFields");
        if (!inputs) {
            warn(ctx, QStringLiteral("columnLineage of '%1' has no inputFields list; skipped").arg(outColumn));
            continue;
        }
        for (const Json &input : *inputs) {
            const QString ns = str(input, "namespace");
            const QString name = str(input, "name");
            const QString field = str(input, "field");
            if (ns.isEmpty() || name.isEmpty() || field.isEmpty())
                continue;
            ColumnLineageEdge edge;
            edge.fromDataset = datasetId(ns, name);
            edge.fromColumn = field;
            edge.toDataset = outputId;
            edge.toColumn = outColumn;
            edge.transformation = transformationOf(input, spec);
            // The spec draws inputFields from the run's inputs. Anything else is most likely a
            // slip in the producer (Marquez's seed data names "public.menu_item_id"): the edge is
            // kept as written, but no dataset is invented for it.
            if (!ctx.jobId.isEmpty() && !ctx.inputs.contains(edge.fromDataset)) {
                warn(ctx, QStringLiteral("column lineage of %1.%2 reads %3.%4, which is not an input of "
                                         "this event")
                              .arg(outputId, outColumn, name, field));
            }
            m_collector.addColumnEdge(std::move(edge));
        }
    }
}

void EventReader::readAssertions(const Json &facet, size_t datasetIndex, const EventContext &ctx)
{
    const Json *assertions = member(facet, "assertions");
    if (!assertions)
        return;
    if (!assertions->is_array()) {
        warn(ctx, QStringLiteral("dataQualityAssertions 'assertions' is %1, expected a list; skipped")
                      .arg(typeName(*assertions)));
        return;
    }
    for (const Json &assertion : *assertions) {
        QualityResult q;
        q.check = str(assertion, "assertion");
        if (q.check.isEmpty())
            continue;
        if (const Json *success = member(assertion, "success"); !success || !success->is_boolean()) {
            warn(ctx, QStringLiteral("assertion '%1' has no boolean 'success'; skipped").arg(q.check));
            continue;
        }
        q.success = boolean(assertion, "success");
        q.column = str(assertion, "column");
        q.datasetId = m_result.datasets[datasetIndex].id;
        q.time = ctx.time;
        q.runId = ctx.runId;
        q.origin = QStringLiteral("openlineage");
        m_collector.addUniqueCheck(datasetIndex, checkLabel(q.check, q.column));
        m_result.qualityResults.push_back(std::move(q));
    }
}

} // namespace meshscope::importers::openlineage
