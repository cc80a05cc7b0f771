#include "formats.h"
#include "productimporter_common.h"

namespace meshscope::importers {

using namespace yamlsupport;
using products::at;

namespace {

/// One entry of `spec.inputs`: `product: id`, `dataset: id` or `metric: name`, with an optional alias
/// and filter; a plain string is a product id (the seeds' `Input("domain:product")`).
bool readInput(products::Reader &r, const ytree::Node &item, MetricInput &in)
{
    if (item.IsScalar()) {
        in.kind = QStringLiteral("product");
        in.ref = scalar(item).trimmed();
    } else if (item.IsMap()) {
        for (const char *kind : {"product", "dataset", "metric"}) {
            const QString ref = r.text(item, kind);
            if (!ref.isEmpty()) {
                in.kind = QLatin1String(kind);
                in.ref = ref;
                break;
            }
        }
        in.alias = r.text(item, "alias");
        in.filter = r.text(item, "filter");
    }
    if (in.ref.isEmpty()) {
        r.warning(item, QStringLiteral("a metric input names a product, dataset or metric (e.g. `product: orders-facts`); "
                                       "this one is skipped"));
        return false;
    }
    // The seeds write products as "domain:product"; the mesh's product ids are the part after the colon.
    if (in.kind == u"product" && in.ref.contains(QLatin1Char(':')))
        in.target = in.ref.section(QLatin1Char(':'), -1);
    else
        in.target = in.ref;
    return true;
}

} // namespace

/// Meshscope's `kind: Metric` document (docs/formats/metrics.md): the seeds' metric definition standard.
void importMetricDocument(const ytree::Node &doc, const QString &file, ImportResult &result)
{
    products::Reader r(file, result);
    const ytree::Node metadata = r.mapChild(doc, "metadata");
    const ytree::Node spec = r.mapChild(doc, "spec");

    Metric m;
    m.origin = QStringLiteral("mesh");
    m.line = lineOf(doc);
    m.name = r.text(metadata, "name");
    if (m.name.isEmpty()) {
        r.error(metadata.IsDefined() ? metadata : doc, QStringLiteral("`metadata.name` is missing: a Metric needs a name; skipped"));
        return;
    }
    m.domainId = slugify(r.text(metadata, "domain"));
    m.id = r.text(metadata, "id");
    if (m.id.isEmpty())
        m.id = m.domainId.isEmpty() ? m.name : m.domainId + QLatin1Char('.') + m.name;
    m.owner = r.text(metadata, "owner");
    m.tags = r.tags(metadata, "tags");
    m.label = r.text(spec, "label");
    m.description = products::readDescription(r, spec, "description");
    m.type = r.text(spec, "type");
    if (m.type.isEmpty())
        m.type = QStringLiteral("expression");
    m.expression = r.text(spec, {"expression", "formula"});
    m.filter = r.text(spec, "filter");
    m.freshness = r.text(spec, "freshness");
    m.dimensions = r.tags(spec, "dimensions");
    const ytree::Node inputs = r.listChild(spec, "inputs");
    if (inputs.IsSequence()) {
        for (const ytree::Node &item : inputs) {
            MetricInput in;
            if (readInput(r, item, in))
                m.inputs.append(std::move(in));
        }
    }
    const ytree::Node parameters = at(spec, "parameters");
    if (parameters.IsMap())
        m.parameters = r.json(parameters).toObject();
    else if (parameters.IsDefined() && !parameters.IsNull())
        r.warning(parameters, QStringLiteral("`parameters` is %1, expected a mapping of name: value; ignored").arg(products::shapeName(parameters)));
    if (m.expression.isEmpty())
        r.warning(spec.IsDefined() ? spec : doc, QStringLiteral("metric '%1' states no `expression`").arg(m.name));

    result.noteDomain(m.domainId);
    result.metrics.push_back(std::move(m));
}

} // namespace meshscope::importers
