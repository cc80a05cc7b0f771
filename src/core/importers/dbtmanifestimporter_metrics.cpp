#include "dbtmanifestreader.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace meshscope::importers::dbt {

using namespace jsonsupport;

namespace {

/// A small JSON value (window, grain, conversion settings) as Qt JSON; invalid UTF-8 is replaced, not thrown.
QJsonValue qtJson(const Json &value)
{
    const std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString("[" + text + "]"));
    return doc.array().isEmpty() ? QJsonValue() : doc.array().first();
}

/// A dbt filter as one text: a string, {where_sql_template}, {where_filters: [...]}, or the legacy
/// list of {field, operator, value}; several conditions joined with " AND ".
QString filterText(const Json *filter)
{
    if (!filter)
        return {};
    if (filter->is_string())
        return scalarText(*filter).trimmed();
    QStringList parts;
    auto addTemplate = [&](const Json &item) {
        const QString where = item.is_string() ? scalarText(item) : str(item, "where_sql_template");
        if (!where.trimmed().isEmpty())
            parts << where.trimmed();
    };
    if (filter->is_object()) {
        if (const Json *list = arrayMember(*filter, "where_filters")) {
            for (const Json &item : *list)
                addTemplate(item);
        } else {
            addTemplate(*filter);
        }
    } else if (filter->is_array()) {
        for (const Json &item : *filter) {
            if (item.is_object() && member(item, "field")) {
                parts << QStringLiteral("%1 %2 %3").arg(str(item, "field"), str(item, "operator"), str(item, "value"));
            } else {
                addTemplate(item);
            }
        }
    }
    return parts.join(QStringLiteral(" AND "));
}

QList<SemanticField> semanticFields(const Json &model, const char *key, const char *typeKey)
{
    QList<SemanticField> fields;
    const Json *list = arrayMember(model, key);
    if (!list)
        return fields;
    for (const Json &item : *list) {
        SemanticField f;
        f.name = str(item, "name");
        if (f.name.isEmpty())
            continue;
        f.type = str(item, typeKey);
        f.expr = str(item, "expr");
        f.description = str(item, "description");
        fields.append(std::move(f));
    }
    return fields;
}

QString metaText(const Json &node, const char *key)
{
    for (const Json *meta : {objectMember(node, "meta"), path(node, {"config", "meta"})}) {
        if (meta && meta->is_object()) {
            const QString text = str(*meta, key);
            if (!text.isEmpty())
                return text;
        }
    }
    return {};
}

} // namespace

QString ManifestReader::datasetOf(const Json &node) const
{
    if (const Json *dependsOn = path(node, {"depends_on", "nodes"}); dependsOn && dependsOn->is_array()) {
        for (const Json &id : *dependsOn) {
            if (!id.is_string())
                continue;
            const auto found = m_nodes.find(id.get_ref<const std::string &>());
            if (found != m_nodes.end())
                return m_result.datasets[found->second.dataset].id;
        }
    }
    if (const Json *relation = objectMember(node, "node_relation")) {
        const QString name = str(*relation, "relation_name");
        if (!name.isEmpty())
            return datasetId(m_adapter, QString(name).remove(QLatin1Char('"')).remove(QLatin1Char('`')));
    }
    return {};
}

void ManifestReader::readSemanticModels(const Json &map)
{
    for (auto it = map.begin(); it != map.end(); ++it) {
        const Json &model = it.value();
        if (!model.is_object()) {
            warnAbout("semantic_models", it.key(), QStringLiteral("semantic model is %1, not an object; skipped").arg(typeName(model)));
            continue;
        }
        SemanticModel m;
        m.id = toQString(it.key());
        m.name = str(model, "name");
        if (m.name.isEmpty())
            m.name = m.id.section(QLatin1Char('.'), -1);
        m.modelId = datasetOf(model);
        if (m.modelId.isEmpty())
            warnAbout("semantic_models", it.key(), QStringLiteral("names no model of this manifest; its metrics lead to no dataset"));
        m.description = str(model, "description");
        m.measures = semanticFields(model, "measures", "agg");
        m.dimensions = semanticFields(model, "dimensions", "type");
        m.entities = semanticFields(model, "entities", "type");
        const size_t index = m_result.semanticModels.size();
        for (const SemanticField &measure : std::as_const(m.measures))
            m_semanticModelByMeasure.emplace(measure.name.toStdString(), index);
        m_result.semanticModels.push_back(std::move(m));
    }
}

void ManifestReader::readMetrics(const Json &map)
{
    // Names first: ratio and derived metrics name their inputs by name, in any order.
    std::unordered_map<std::string, QString> idByName;
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it.value().is_object())
            idByName.emplace(str(it.value(), "name").toStdString(), toQString(it.key()));
    }
    for (auto it = map.begin(); it != map.end(); ++it) {
        const Json &node = it.value();
        if (!node.is_object()) {
            warnAbout("metrics", it.key(), QStringLiteral("metric is %1, not an object; skipped").arg(typeName(node)));
            continue;
        }
        Metric m;
        m.id = toQString(it.key());
        m.name = str(node, "name");
        if (m.name.isEmpty()) {
            warnAbout("metrics", it.key(), QStringLiteral("metric without a name; skipped"));
            continue;
        }
        m.origin = QStringLiteral("dbt");
        m.label = str(node, "label");
        m.description = str(node, "description");
        m.owner = ownerOf(node, objectMember(node, "meta"));
        m.domainId = slugify(metaText(node, "domain"));
        m.tags = stringList(node, "tags");
        m.filter = filterText(member(node, "filter"));
        const Json *params = objectMember(node, "type_params");
        const QString legacyMethod = str(node, "calculation_method");

        auto addMetricInput = [&](const Json &ref) {
            MetricInput in;
            in.kind = QStringLiteral("metric");
            in.ref = ref.is_string() ? scalarText(ref) : str(ref, "name");
            if (in.ref.isEmpty())
                return;
            const auto found = idByName.find(in.ref.toStdString());
            in.target = found != idByName.end() ? found->second : QString();
            if (ref.is_object()) {
                in.filter = filterText(member(ref, "filter"));
                in.alias = str(ref, "alias");
                for (const char *key : {"offset_window", "offset_to_grain"}) {
                    if (const Json *v = member(ref, key))
                        m.parameters.insert(in.ref + QLatin1Char('.') + QLatin1String(key), qtJson(*v));
                }
            }
            if (in.target.isEmpty())
                warnAbout("metrics", it.key(), QStringLiteral("input metric '%1' is not in this manifest").arg(in.ref));
            m.inputs.append(std::move(in));
        };
        auto addMeasureInput = [&](const Json &ref) -> QString {
            MetricInput in;
            in.kind = QStringLiteral("measure");
            in.ref = ref.is_string() ? scalarText(ref) : str(ref, "name");
            if (in.ref.isEmpty())
                return {};
            QString formula = in.ref;
            const auto found = m_semanticModelByMeasure.find(in.ref.toStdString());
            if (found != m_semanticModelByMeasure.end()) {
                const SemanticModel &model = m_result.semanticModels[found->second];
                in.target = model.id;
                for (const SemanticField &measure : model.measures) {
                    if (measure.name == in.ref) {
                        formula = QStringLiteral("%1(%2)").arg(measure.type, measure.expr.isEmpty() ? in.ref : measure.expr);
                        break;
                    }
                }
                for (const SemanticField &d : model.dimensions) {
                    if (!m.dimensions.contains(d.name))
                        m.dimensions << d.name;
                }
            } else {
                warnAbout("metrics", it.key(), QStringLiteral("measure '%1' is in no semantic model of this manifest").arg(in.ref));
            }
            if (ref.is_object()) {
                in.filter = filterText(member(ref, "filter"));
                in.alias = str(ref, "alias");
            }
            m.inputs.append(std::move(in));
            return formula;
        };

        if (!legacyMethod.isEmpty() || !params) {
            // dbt_metrics (manifest v9 and older): a calculation over a model, or over other metrics.
            m.type = legacyMethod.isEmpty() ? QStringLiteral("unknown") : legacyMethod;
            const QString expression = str(node, "expression");
            m.expression = legacyMethod == u"derived" || legacyMethod == u"expression" || expression.isEmpty()
                ? expression
                : QStringLiteral("%1(%2)").arg(legacyMethod, expression);
            m.dimensions = stringList(node, "dimensions");
            if (m.filter.isEmpty())
                m.filter = filterText(member(node, "filters"));
            for (const char *key : {"timestamp", "time_grains", "window"}) {
                if (const Json *v = member(node, key))
                    m.parameters.insert(QLatin1String(key), qtJson(*v));
            }
            if (const Json *dependsOn = path(node, {"depends_on", "nodes"}); dependsOn && dependsOn->is_array()) {
                for (const Json &id : *dependsOn) {
                    const std::string key = id.is_string() ? id.get_ref<const std::string &>() : std::string();
                    if (key.rfind("metric.", 0) == 0) {
                        MetricInput in{QStringLiteral("metric"), toQString(key).section(QLatin1Char('.'), -1),
                                       map.contains(key) ? toQString(key) : QString(), {}, {}};
                        m.inputs.append(std::move(in));
                    } else if (const auto found = m_nodes.find(key); found != m_nodes.end()) {
                        m.inputs.append({QStringLiteral("dataset"), toQString(key),
                                         m_result.datasets[found->second.dataset].id, {}, {}});
                    }
                }
            }
        } else {
            m.type = str(node, "type").toLower();
            QString formula;
            if (const Json *measure = objectMember(*params, "measure"))
                formula = addMeasureInput(*measure);
            const Json *numerator = member(*params, "numerator");
            const Json *denominator = member(*params, "denominator");
            if (numerator || denominator) {
                // Each side as it reads: a side that names nothing stays "?" in the formula.
                auto side = [&](const Json *ref) {
                    const qsizetype before = m.inputs.size();
                    if (ref)
                        addMetricInput(*ref);
                    return m.inputs.size() > before ? m.inputs.last().ref : QStringLiteral("?");
                };
                const QString top = side(numerator);
                formula = QStringLiteral("%1 / %2").arg(top, side(denominator));
            }
            if (const Json *metrics = arrayMember(*params, "metrics")) {
                for (const Json &ref : *metrics)
                    addMetricInput(ref);
            }
            if (const Json *conversion = objectMember(*params, "conversion_type_params")) {
                const QString base = objectMember(*conversion, "base_measure") ? addMeasureInput(*member(*conversion, "base_measure")) : QString();
                const QString converted = objectMember(*conversion, "conversion_measure")
                    ? addMeasureInput(*member(*conversion, "conversion_measure"))
                    : QString();
                formula = QStringLiteral("%1 of %2 to %3 by %4")
                              .arg(str(*conversion, "calculation").isEmpty() ? QStringLiteral("conversion_rate") : str(*conversion, "calculation"),
                                   base, converted, str(*conversion, "entity"));
                m.parameters.insert(QStringLiteral("conversion"), qtJson(*conversion));
            }
            const QString expr = str(*params, "expr");
            m.expression = expr.isEmpty() ? formula : expr;
            for (const char *key : {"window", "grain_to_date", "cumulative_type_params"}) {
                if (const Json *v = member(*params, key))
                    m.parameters.insert(QLatin1String(key), qtJson(*v));
            }
            if (const Json *v = member(node, "time_granularity"))
                m.parameters.insert(QStringLiteral("time_granularity"), qtJson(*v));
            if (m.inputs.isEmpty()) {
                // No typed inputs (an older v10/v11 shape): the semantic models it depends on.
                if (const Json *dependsOn = path(node, {"depends_on", "nodes"}); dependsOn && dependsOn->is_array()) {
                    for (const Json &id : *dependsOn) {
                        const QString key = id.is_string() ? scalarText(id) : QString();
                        if (key.startsWith(u"semantic_model."))
                            m.inputs.append({QStringLiteral("semantic_model"), key, key, {}, {}});
                        else if (key.startsWith(u"metric."))
                            m.inputs.append({QStringLiteral("metric"), key.section(QLatin1Char('.'), -1), key, {}, {}});
                    }
                }
            }
        }
        m_result.metrics.push_back(std::move(m));
    }
}

} // namespace meshscope::importers::dbt
