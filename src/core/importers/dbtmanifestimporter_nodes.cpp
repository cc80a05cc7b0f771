#include "dbtmanifestreader.h"

namespace meshscope::importers::dbt {

using namespace jsonsupport;

namespace {

/// An owner as dbt writes it: a string, or an object with email and/or name.
QString ownerText(const Json &value)
{
    if (value.is_object()) {
        const QString email = str(value, "email");
        return email.isEmpty() ? str(value, "name") : email;
    }
    return scalarText(value);
}

QString productOf(const Json *meta)
{
    if (!meta)
        return {};
    for (const char *key : {"data_product", "data-product", "dataProduct"}) {
        const QString product = str(*meta, key);
        if (!product.isEmpty())
            return product;
    }
    return {};
}

QString unquoted(QString relation)
{
    relation.remove(QLatin1Char('"')).remove(QLatin1Char('`'));
    return relation;
}

} // namespace

void ManifestReader::readNodes(const Json &map, const char *sectionName)
{
    for (auto it = map.begin(); it != map.end(); ++it) {
        const Json &node = it.value();
        if (!node.is_object()) {
            warnAbout(sectionName, it.key(), QStringLiteral("entry of '%1' is %2, not an object; skipped")
                                    .arg(QLatin1String(sectionName), typeName(node)));
            continue;
        }
        if (isDatasetResource(str(node, "resource_type"))) {
            m_section = sectionName;
            readNode(it.key(), node);
        }
    }
}

bool isEphemeral(const Json &node)
{
    const Json *materialized = path(node, {"config", "materialized"});
    return materialized && scalarText(*materialized).trimmed().compare(u"ephemeral", Qt::CaseInsensitive) == 0;
}

void ManifestReader::readNode(const std::string &uniqueId, const Json &node)
{
    if (str(node, "resource_type") == u"model" && isEphemeral(node)) {
        // No table exists to look at, own or check: a step of the models that select from it. It is
        // kept as a job and the edges through it join its parents to its children (readEdges).
        const QString project = m_project.isEmpty() ? str(node, "package_name") : m_project;
        Job job;
        job.ns = QStringLiteral("dbt://") + project;
        job.name = toQString(uniqueId);
        job.id = job.ns + QLatin1Char('/') + job.name;
        job.kind = QStringLiteral("dbt-ephemeral");
        job.description = str(node, "description");
        m_collector.mergeJob(std::move(job));
        m_ephemeral.insert_or_assign(uniqueId, &node);
        return;
    }
    const QString relation = relationOf(node);
    if (relation.isEmpty()) {
        warnAbout(m_section, uniqueId, QStringLiteral("no relation_name, database, schema or name; skipped"));
        return;
    }
    const Json *meta = member(node, "meta");
    if (!meta || (meta->is_object() && meta->empty()))
        meta = path(node, {"config", "meta"});
    if (meta && !meta->is_object()) {
        warnAbout(m_section, uniqueId, QStringLiteral("'meta' is %1, expected an object; ignored").arg(typeName(*meta)));
        meta = nullptr;
    }
    if (wrongType(node, "tags", Json::value_t::array) && wrongType(node, "tags", Json::value_t::string))
        warnAbout(m_section, uniqueId, QStringLiteral("'tags' is %1, expected a list; ignored").arg(typeName(*member(node, "tags"))));

    Dataset d;
    d.kind = str(node, "resource_type");
    d.id = datasetId(m_adapter, relation);
    d.ns = m_adapter;
    d.platform = m_adapter;
    d.name = str(node, "name");
    if (const Json *version = member(node, "version"); version && !scalarText(*version).isEmpty())
        d.name += QStringLiteral(".v") + scalarText(*version);
    if (d.name.isEmpty())
        d.name = relation.section(QLatin1Char('.'), -1);
    d.description = str(node, "description");
    d.owner = ownerOf(node, meta);
    d.productId = productOf(meta);
    d.tags = stringList(node, "tags");
    d.columns = columnsOf(uniqueId, node);

    const size_t before = m_result.datasets.size();
    const size_t index = m_collector.mergeDataset(std::move(d));
    if (index < before) {
        const auto first = m_firstNodeOfDataset.find(index);
        infoAbout(m_section, uniqueId, QStringLiteral("names the same relation (%1) as %2; read as one dataset")
                                .arg(relation,
                                     first != m_firstNodeOfDataset.end() ? toQString(first->second)
                                                                         : QStringLiteral("another document entry")));
    } else {
        m_firstNodeOfDataset.emplace(index, uniqueId);
    }

    QString jobId;
    const QString resourceType = str(node, "resource_type");
    if (resourceType == u"model" || resourceType == u"snapshot") {
        const QString project = m_project.isEmpty() ? str(node, "package_name") : m_project;
        Job job;
        job.ns = QStringLiteral("dbt://") + project;
        job.name = toQString(uniqueId);
        job.id = job.ns + QLatin1Char('/') + job.name;
        job.kind = QStringLiteral("dbt-") + resourceType;
        job.description = str(node, "description");
        jobId = job.id;
        m_collector.mergeJob(std::move(job));
    }
    remember(uniqueId, index, jobId, node);
}

void ManifestReader::readExposures(const Json &map)
{
    m_section = "exposures";
    for (auto it = map.begin(); it != map.end(); ++it) {
        const Json &exposure = it.value();
        if (!exposure.is_object()) {
            warnAbout("exposures", it.key(), QStringLiteral("exposure is %1, not an object; skipped").arg(typeName(exposure)));
            continue;
        }
        Dataset d;
        d.name = str(exposure, "name");
        if (d.name.isEmpty()) {
            warnAbout("exposures", it.key(), QStringLiteral("exposure without a name; skipped"));
            continue;
        }
        d.ns = QStringLiteral("dbt-exposure");
        d.id = QStringLiteral("dbt-exposure://") + d.name;
        d.kind = QStringLiteral("exposure");
        d.platform = str(exposure, "type"); // dashboard, notebook, analysis, ml, application
        d.description = str(exposure, "description");
        const Json *meta = objectMember(exposure, "meta");
        d.owner = ownerOf(exposure, meta);
        d.productId = productOf(meta);
        d.tags = stringList(exposure, "tags");
        remember(it.key(), m_collector.mergeDataset(std::move(d)), QString(), exposure);
    }
}

QString ManifestReader::relationOf(const Json &node) const
{
    const QString relation = str(node, "relation_name");
    if (!relation.isEmpty())
        return unquoted(relation);
    QString table = str(node, "alias");
    if (table.isEmpty())
        table = str(node, "identifier");
    if (table.isEmpty())
        table = str(node, "name");
    if (table.isEmpty())
        return {};
    QStringList parts;
    for (const char *key : {"database", "schema"}) {
        const QString part = str(node, key);
        if (!part.isEmpty())
            parts.append(part);
    }
    parts.append(table);
    return unquoted(parts.join(QLatin1Char('.')));
}

QString ManifestReader::ownerOf(const Json &node, const Json *meta) const
{
    if (meta) {
        if (const Json *owner = member(*meta, "owner")) {
            const QString text = ownerText(*owner);
            if (!text.isEmpty())
                return text;
        }
    }
    if (const Json *owner = member(node, "owner")) {
        const QString text = ownerText(*owner);
        if (!text.isEmpty())
            return text;
    }
    QString group = str(node, "group");
    if (group.isEmpty()) {
        if (const Json *config = objectMember(node, "config"))
            group = str(*config, "group");
    }
    return group.isEmpty() ? QString() : m_groupOwners.value(group);
}

QList<DatasetColumn> ManifestReader::columnsOf(const std::string &uniqueId, const Json &node)
{
    QList<DatasetColumn> columns;
    const Json *map = member(node, "columns");
    if (!map)
        return columns;
    if (!map->is_object()) {
        warnAbout(m_section, uniqueId, QStringLiteral("'columns' is %1, expected an object keyed by column name; "
                                           "columns skipped")
                                .arg(typeName(*map)));
        return columns;
    }
    columns.reserve(qsizetype(map->size()));
    auto readColumn = [&](const std::string &key, const Json &column) {
        if (!column.is_object()) {
            warnAbout(m_section, uniqueId, QStringLiteral("column '%1' is %2, not an object; skipped")
                                    .arg(toQString(key), typeName(column)));
            return;
        }
        DatasetColumn c;
        c.name = str(column, "name");
        if (c.name.isEmpty())
            c.name = toQString(key);
        c.type = str(column, "data_type");
        c.description = str(column, "description");
        c.tags = stringList(column, "tags");
        columns.append(std::move(c));
    };
    const auto order = m_columnOrder.orders.find(map);
    if (order != m_columnOrder.orders.end() && order->second.size() == map->size()) {
        for (const std::string &key : order->second) {
            if (const auto found = map->find(key); found != map->end())
                readColumn(key, *found);
        }
    } else {
        // Repeated keys (or no recorded order): the tree's sorted order, each key once.
        for (auto it = map->begin(); it != map->end(); ++it)
            readColumn(it.key(), it.value());
    }
    return columns;
}

void ManifestReader::remember(const std::string &uniqueId, size_t datasetIndex, const QString &jobId,
                              const Json &node)
{
    m_nodes.insert_or_assign(uniqueId, NodeRef{datasetIndex, jobId, &node});
}

} // namespace meshscope::importers::dbt
