// OpenMetadata REST API v1: domains, data products, tables (cursor paging with `after`), lineage per
// table, data contracts and test case results. Authentication by a bearer JWT (a bot's token).
// Every sync lists the whole catalog; unchanged entities are skipped by content hash.
#include "catalogadapter.h"
#include "catalogerror.h"
#include "catalogjson.h"
#include "paging.h"

#include <QDateTime>
#include <QTimeZone>
#include <QHash>
#include <QUrlQuery>

namespace meshscope::catalogs {

namespace {

QString fqnOf(const QJsonObject &o)
{
    const QString fqn = cj::str(o, "fullyQualifiedName");
    return fqn.isEmpty() ? cj::str(o, "name") : fqn;
}

/// OpenMetadata quotes FQN parts holding dots ("svc.db.\"my.schema\".t"); split on the other dots.
QStringList splitFqn(const QString &fqn)
{
    QStringList parts;
    QString current;
    bool quoted = false;
    for (const QChar c : fqn) {
        if (c == u'"') {
            quoted = !quoted;
            continue;
        }
        if (c == u'.' && !quoted) {
            parts << current;
            current.clear();
        } else {
            current += c;
        }
    }
    parts << current;
    return parts;
}

/// The first reference of `domains` (1.6+) or `domain` (earlier), as a domain id.
QString domainOf(const QJsonObject &o)
{
    const QJsonArray domains = cj::arr(o, "domains");
    const QJsonObject ref = domains.isEmpty() ? cj::obj(o, "domain") : domains.first().toObject();
    return ref.isEmpty() ? QString() : slugify(fqnOf(ref));
}

QString ownerOf(const QJsonObject &o)
{
    const QJsonArray owners = cj::arr(o, "owners");
    const QJsonObject owner = owners.isEmpty() ? cj::obj(o, "owner") : owners.first().toObject();
    return cj::str(owner, "name");
}

QStringList tagsOf(const QJsonObject &o)
{
    QStringList tags;
    for (const QJsonValue &t : cj::arr(o, "tags"))
        tags << cj::str(t.toObject(), "tagFQN");
    return tags;
}

/// The dataset id of a table: the service type is the namespace scheme, so a table met in dbt or in
/// OpenLineage under the same database gets the same id.
QString tableDatasetId(const QJsonObject &table)
{
    const QStringList parts = splitFqn(fqnOf(table));
    const QString service = cj::at(table, {"service", "name"}).isEmpty() ? parts.value(0) : cj::at(table, {"service", "name"});
    const QString type = cj::str(table, "serviceType").toLower();
    return datasetId((type.isEmpty() ? QStringLiteral("openmetadata") : type) + QStringLiteral("://") + service,
                     parts.mid(1).join(QLatin1Char('.')));
}

/// "<#E::table::svc.db.schema.orders::columns::id>" -> ("svc.db.schema.orders", "id").
void parseEntityLink(const QString &link, QString &fqn, QString &column)
{
    QString inner = link;
    inner.remove(QStringLiteral("<#E::")).remove(QLatin1Char('>'));
    const QStringList parts = inner.split(QStringLiteral("::"));
    fqn = parts.value(1);
    column = parts.value(2) == u"columns" ? parts.value(3) : QString();
}

class OpenMetadataAdapter final : public CatalogAdapter {
public:
    void authenticate(HttpClient &http, const QString &token) const override
    {
        if (!token.isEmpty())
            http.setHeader("Authorization", "Bearer " + token.toUtf8());
    }

    CatalogFetch fetch(CatalogContext &context) override
    {
        CatalogFetch out;
        out.complete = true;
        auto list = [&](const QString &path, const QString &query, const QString &folder, bool optional,
                        const std::function<void(QJsonObject &)> &enrich = {}) {
            QUrl url = context.location.endpoint(path);
            url.setQuery(QStringLiteral("limit=100") + (query.isEmpty() ? QString() : QLatin1Char('&') + query));
            if (optional) {
                // Data contracts and test cases arrived in later releases: a 404 means "none here".
                const HttpResponse probe = context.http.getAllowingNotFound(url);
                if (probe.status == 404)
                    return;
            }
            readCursorPages(context, url, folder, [&](const QJsonArray &page) {
                for (const QJsonValue &value : page) {
                    QJsonObject o = value.toObject();
                    if (fqnOf(o).isEmpty())
                        continue;
                    if (enrich)
                        enrich(o);
                    out.documents[folder + QLatin1Char('/') + fqnOf(o)] = cj::compact(o);
                }
            });
        };
        list(QStringLiteral("/api/v1/domains"), QStringLiteral("fields=owners,parent"), QStringLiteral("domains"), false);
        list(QStringLiteral("/api/v1/dataProducts"), QStringLiteral("fields=domains,owners,assets"), QStringLiteral("dataProducts"), false);
        list(QStringLiteral("/api/v1/tables"), QStringLiteral("fields=columns,owners,tags,domains,dataProducts"), QStringLiteral("tables"), false,
             [&](QJsonObject &table) { table.insert(QStringLiteral("upstream"), upstreamOf(context, fqnOf(table))); });
        list(QStringLiteral("/api/v1/dataContracts"), QStringLiteral("fields=owners"), QStringLiteral("dataContracts"), true);
        list(QStringLiteral("/api/v1/dataQuality/testCases"), QStringLiteral("fields=testCaseResult,testDefinition"), QStringLiteral("testCases"), true);
        return out;
    }

    void prepare(const CatalogDocuments &all) override
    {
        m_tables.clear();
        for (auto it = all.lower_bound(QStringLiteral("tables/")); it != all.end() && it->first.startsWith(u"tables/"); ++it)
            m_tables.insert(it->first.mid(7), tableDatasetId(cj::parseObject(it->second)));
    }

    QByteArray context(const QString &path, const QByteArray &content) const override
    {
        // Lineage and test results name tables by FQN: their dataset ids come from the table documents.
        if (path.startsWith(u"tables/")) {
            QByteArray key;
            for (const QJsonValue &up : cj::arr(cj::parseObject(content), "upstream"))
                key += resolve(cj::str(up.toObject(), "fqn")).toUtf8() + '\n';
            return key;
        }
        if (path.startsWith(u"testCases/")) {
            QString fqn, column;
            parseEntityLink(cj::str(cj::parseObject(content), "entityLink"), fqn, column);
            return resolve(fqn).toUtf8();
        }
        return {};
    }

    ImportResult import(const QString &path, const QByteArray &content) const override
    {
        ImportResult result;
        const QJsonObject o = cj::parseObject(content);
        const QString folder = path.section(QLatin1Char('/'), 0, 0);
        if (folder == u"domains")
            importDomain(o, result);
        else if (folder == u"dataProducts")
            importProduct(o, result);
        else if (folder == u"tables")
            importTable(o, result);
        else if (folder == u"dataContracts")
            importContract(o, result);
        else if (folder == u"testCases")
            importTestCase(path, o, result);
        return result;
    }

private:
    /// The direct upstream tables of one table, with the column mappings of each edge.
    QJsonArray upstreamOf(CatalogContext &context, const QString &fqn)
    {
        QUrl url = context.location.endpoint(QStringLiteral("/api/v1/lineage/getLineage"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("fqn"), QString::fromUtf8(QUrl::toPercentEncoding(fqn)));
        query.addQueryItem(QStringLiteral("type"), QStringLiteral("table"));
        query.addQueryItem(QStringLiteral("upstreamDepth"), QStringLiteral("1"));
        query.addQueryItem(QStringLiteral("downstreamDepth"), QStringLiteral("0"));
        url.setQuery(query);
        const HttpResponse response = context.http.getAllowingNotFound(url);
        if (response.status == 404)
            return {};
        const QJsonObject lineage = parseJsonBody(context.http.sourceName(), url, response.body).object();
        QHash<QString, QString> fqnById;
        const QJsonObject entity = cj::obj(lineage, "entity");
        fqnById.insert(cj::str(entity, "id"), fqnOf(entity));
        for (const QJsonValue &node : cj::arr(lineage, "nodes"))
            fqnById.insert(cj::str(node.toObject(), "id"), fqnOf(node.toObject()));
        auto endFqn = [&](const QJsonValue &end) {
            return end.isObject() ? fqnOf(end.toObject()) : fqnById.value(cj::text(end));
        };
        QJsonArray out;
        for (const QJsonValue &value : cj::arr(lineage, "upstreamEdges")) {
            const QJsonObject edge = value.toObject();
            if (endFqn(edge.value(QLatin1String("toEntity"))) != fqn)
                continue;
            const QString from = endFqn(edge.value(QLatin1String("fromEntity")));
            if (from.isEmpty())
                continue;
            out.append(QJsonObject{{QStringLiteral("fqn"), from},
                                   {QStringLiteral("columnsLineage"), cj::arr(cj::obj(edge, "lineageDetails"), "columnsLineage")}});
        }
        return out;
    }

    QString resolve(const QString &fqn) const
    {
        const auto it = m_tables.constFind(fqn);
        return it != m_tables.constEnd() ? *it : datasetId(QStringLiteral("openmetadata"), fqn);
    }

    static void importDomain(const QJsonObject &o, ImportResult &result)
    {
        Domain d;
        d.id = slugify(fqnOf(o));
        d.name = cj::str(o, "displayName").isEmpty() ? cj::str(o, "name") : cj::str(o, "displayName");
        d.type = parseDomainType(cj::str(o, "domainType"));
        d.parentId = cj::obj(o, "parent").isEmpty() ? QString() : slugify(fqnOf(cj::obj(o, "parent")));
        d.description = cj::str(o, "description");
        d.owner = ownerOf(o);
        result.domains.push_back(d);
    }

    static void importProduct(const QJsonObject &o, ImportResult &result)
    {
        DataProduct p;
        p.id = fqnOf(o);
        p.name = cj::str(o, "displayName").isEmpty() ? cj::str(o, "name") : cj::str(o, "displayName");
        p.domainId = domainOf(o);
        p.owner = ownerOf(o);
        p.description = cj::str(o, "description");
        p.specFormat = QStringLiteral("openmetadata");
        p.tags = tagsOf(o);
        for (const QJsonValue &a : cj::arr(o, "assets")) {
            const QJsonObject asset = a.toObject();
            Port port;
            port.id = fqnOf(asset);
            port.name = cj::str(asset, "displayName").isEmpty() ? cj::str(asset, "name") : cj::str(asset, "displayName");
            port.type = cj::str(asset, "type");
            port.location = fqnOf(asset);
            p.outputPorts.append(port);
        }
        if (!p.domainId.isEmpty())
            result.noteDomain(p.domainId);
        result.products.push_back(p);
    }

    void importTable(const QJsonObject &o, ImportResult &result) const
    {
        Dataset d;
        const QStringList parts = splitFqn(fqnOf(o));
        d.id = m_tables.value(fqnOf(o), tableDatasetId(o));
        d.ns = cj::str(o, "serviceType").toLower() + QStringLiteral("://") + parts.value(0);
        d.name = parts.mid(1).join(QLatin1Char('.'));
        d.kind = cj::str(o, "tableType").isEmpty() ? QStringLiteral("table") : cj::str(o, "tableType").toLower();
        d.platform = cj::str(o, "serviceType");
        d.description = cj::str(o, "description");
        d.owner = ownerOf(o);
        d.tags = tagsOf(o);
        const QJsonArray products = cj::arr(o, "dataProducts");
        if (!products.isEmpty())
            d.productId = fqnOf(products.first().toObject());
        for (const QJsonValue &c : cj::arr(o, "columns")) {
            const QJsonObject column = c.toObject();
            DatasetColumn col;
            col.name = cj::str(column, "name");
            col.type = cj::str(column, "dataTypeDisplay").isEmpty() ? cj::str(column, "dataType") : cj::str(column, "dataTypeDisplay");
            col.description = cj::str(column, "description");
            col.tags = tagsOf(column);
            d.columns.append(col);
        }
        for (const QJsonValue &value : cj::arr(o, "upstream")) {
            const QJsonObject up = value.toObject();
            const QString from = resolve(cj::str(up, "fqn"));
            result.lineageEdges.push_back({from, d.id, QString()});
            for (const QJsonValue &cl : cj::arr(up, "columnsLineage")) {
                const QJsonObject mapping = cl.toObject();
                const QString toColumn = splitFqn(cj::str(mapping, "toColumn")).last();
                for (const QString &fromColumn : cj::strings(cj::arr(mapping, "fromColumns"))) {
                    QStringList fromParts = splitFqn(fromColumn);
                    const QString column = fromParts.takeLast();
                    result.columnEdges.push_back({resolve(fromParts.join(QLatin1Char('.'))), column, d.id, toColumn,
                                                  cj::str(mapping, "function")});
                }
            }
        }
        result.datasets.push_back(d);
    }

    static void importContract(const QJsonObject &o, ImportResult &result)
    {
        Contract c;
        c.id = fqnOf(o);
        c.version = cj::str(o, "version").isEmpty() ? QStringLiteral("1") : cj::str(o, "version");
        c.status = cj::str(o, "entityStatus").isEmpty() ? cj::str(o, "status") : cj::str(o, "entityStatus");
        c.name = cj::str(o, "displayName").isEmpty() ? cj::str(o, "name") : cj::str(o, "displayName");
        c.description = cj::str(o, "description");
        c.owner = ownerOf(o);
        c.domainId = domainOf(o);
        c.specFormat = QStringLiteral("openmetadata");
        const QJsonObject entity = cj::obj(o, "entity");
        SchemaObject object;
        object.name = splitFqn(fqnOf(entity)).last();
        object.physicalName = fqnOf(entity);
        for (const QJsonValue &value : cj::arr(o, "schema")) {
            const QJsonObject column = value.toObject();
            ContractProperty p;
            p.name = cj::str(column, "name");
            p.physicalType = cj::str(column, "dataType");
            p.logicalType = cj::str(column, "dataType").toLower();
            p.description = cj::str(column, "description");
            p.required = cj::str(column, "constraint") == u"NOT_NULL" || cj::str(column, "constraint") == u"PRIMARY_KEY";
            p.primaryKey = cj::str(column, "constraint") == u"PRIMARY_KEY";
            object.properties.append(p);
        }
        for (const QJsonValue &value : cj::arr(o, "qualityExpectations")) {
            const QJsonObject q = value.toObject();
            QualityRule rule;
            rule.name = cj::str(q, "name");
            rule.description = cj::str(q, "description");
            rule.type = QStringLiteral("custom");
            rule.query = cj::str(q, "definition");
            object.quality.append(rule);
        }
        for (const QJsonValue &value : cj::arr(o, "semantics")) {
            const QJsonObject s = value.toObject();
            QualityRule rule;
            rule.name = cj::str(s, "name");
            rule.description = cj::str(s, "description");
            rule.type = QStringLiteral("text");
            c.quality.append(rule);
        }
        if (!object.name.isEmpty() || !object.properties.isEmpty())
            c.schema.append(object);
        c.custom.insert(QStringLiteral("entity"), fqnOf(entity));
        result.contracts.push_back(c);
    }

    void importTestCase(const QString &path, const QJsonObject &o, ImportResult &result) const
    {
        const QJsonObject outcome = cj::obj(o, "testCaseResult");
        if (outcome.isEmpty())
            return; // defined, never run
        QString fqn, column;
        parseEntityLink(cj::str(o, "entityLink"), fqn, column);
        if (fqn.isEmpty()) {
            result.warning(path, 0, 0, QStringLiteral("test case without an entityLink; result skipped"));
            return;
        }
        QualityResult q;
        q.datasetId = resolve(fqn);
        q.column = column;
        q.check = cj::str(o, "name");
        const QString status = cj::str(outcome, "testCaseStatus");
        q.success = status.compare(QLatin1String("Success"), Qt::CaseInsensitive) == 0;
        const QJsonValue timestamp = outcome.value(QLatin1String("timestamp"));
        q.time = timestamp.isDouble() ? QDateTime::fromMSecsSinceEpoch(qint64(timestamp.toDouble()), Qt::UTC) : QDateTime();
        q.origin = QStringLiteral("openmetadata");
        q.message = cj::str(outcome, "result");
        result.qualityResults.push_back(q);
    }

    QHash<QString, QString> m_tables; ///< table FQN -> dataset id
};

} // namespace

std::unique_ptr<CatalogAdapter> makeOpenMetadataAdapter()
{
    return std::make_unique<OpenMetadataAdapter>();
}

} // namespace meshscope::catalogs
