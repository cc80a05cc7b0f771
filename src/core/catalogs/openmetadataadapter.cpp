// OpenMetadata REST API v1: domains, data products, tables (cursor paging with `after`), lineage per
// table (GET /api/v1/lineage/table/name/{fqn}), data product assets (GET /api/v1/dataProducts/{id}/assets),
// data contracts and test case results. Authentication by a bearer JWT (a bot's token).
// Every sync lists the whole catalog; unchanged entities are skipped by content hash.
#include "catalogadapter.h"
#include "catalogerror.h"
#include "catalogjson.h"
#include "openmetadatalineage.h"
#include "paging.h"

#include <QDateTime>
#include <QTimeZone>
#include <QHash>
#include <QSet>
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

/// OpenMetadata's tableType (table.json#/definitions/tableType) as a dataset kind: the storage variants
/// (Regular, External, Partitioned, Iceberg, ...) are all tables.
QString tableKind(const QString &tableType)
{
    const QString t = tableType.toLower();
    if (t == u"view" || t == u"secureview")
        return QStringLiteral("view");
    if (t == u"materializedview")
        return QStringLiteral("materialized view");
    if (t == u"stream")
        return QStringLiteral("stream");
    return QStringLiteral("table");
}

/// A table's columns with nested ones (`children` of struct, map and array columns) as dotted paths.
void appendColumns(const QJsonArray &columns, const QString &prefix, QList<DatasetColumn> &out, int depth = 0)
{
    if (depth > 32)
        return; // a hostile document nesting without end
    for (const QJsonValue &c : columns) {
        const QJsonObject column = c.toObject();
        DatasetColumn col;
        col.name = prefix + cj::str(column, "name");
        col.type = cj::str(column, "dataTypeDisplay").isEmpty() ? cj::str(column, "dataType") : cj::str(column, "dataTypeDisplay");
        col.description = cj::str(column, "description");
        col.tags = tagsOf(column);
        out.append(col);
        appendColumns(cj::arr(column, "children"), col.name + QLatin1Char('.'), out, depth + 1);
    }
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
        m_spelling.clear();
        auto list = [&](const QString &path, const QStringList &fields, const QString &extra, const QString &folder,
                        bool optional, const std::function<void(QJsonObject &)> &enrich = {}) {
            auto urlFor = [&](const QStringList &spelled) {
                QUrl url = context.location.endpoint(path);
                QString query = QStringLiteral("limit=100");
                if (!spelled.isEmpty())
                    query += QStringLiteral("&fields=") + spelled.join(QLatin1Char(','));
                if (!extra.isEmpty())
                    query += QLatin1Char('&') + extra;
                url.setQuery(query);
                return url;
            };
            if (optional) {
                // Data contracts and test cases arrived in later releases: a 404 means "none here".
                const HttpResponse probe = context.http.getAllowingNotFound(urlFor(spelled(fields)));
                if (probe.status == 404)
                    return;
            }
            readNegotiated(context, fields, urlFor, folder, [&](const QJsonArray &page) {
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
        list(QStringLiteral("/api/v1/domains"), {QStringLiteral("owners"), QStringLiteral("parent")}, {}, QStringLiteral("domains"), false);
        list(QStringLiteral("/api/v1/dataProducts"), {QStringLiteral("domains"), QStringLiteral("owners"), QStringLiteral("assets")}, {},
             QStringLiteral("dataProducts"), false, [&](QJsonObject &product) { readAssets(context, product); });
        list(QStringLiteral("/api/v1/tables"),
             {QStringLiteral("columns"), QStringLiteral("owners"), QStringLiteral("tags"), QStringLiteral("domains"), QStringLiteral("dataProducts")}, {},
             QStringLiteral("tables"), false,
             [&](QJsonObject &table) { table.insert(QStringLiteral("upstream"), upstreamOf(context, fqnOf(table))); });
        list(QStringLiteral("/api/v1/dataContracts"), {QStringLiteral("owners")}, {}, QStringLiteral("dataContracts"), true);
        list(QStringLiteral("/api/v1/dataQuality/testCases"), {QStringLiteral("testCaseResult"), QStringLiteral("testDefinition")}, {},
             QStringLiteral("testCases"), true);
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
    /// `fields` as this server spells them (see readNegotiated); "" drops a field it does not know.
    QStringList spelled(const QStringList &fields) const
    {
        QStringList out;
        for (const QString &f : fields) {
            const QString s = m_spelling.value(f, f);
            if (!s.isEmpty())
                out << s;
        }
        return out;
    }

    /// Reads a cursor-paged list, negotiating the spelling of `fields`. OpenMetadata renamed some fields
    /// (`owner` -> `owners` in 1.5, `domain` -> `domains` in 1.6) and deprecated others (`assets`), and
    /// answers 400 to a field it does not know. On a 400 to the first page, every other spelling of the
    /// renamed fields is tried (newest first); the one that works is kept for the rest of the sync.
    void readNegotiated(CatalogContext &context, const QStringList &fields, const std::function<QUrl(const QStringList &)> &urlFor,
                        const QString &what, const std::function<void(const QJsonArray &)> &visit)
    {
        static const QHash<QString, QStringList> kAlternatives{
            {QStringLiteral("owners"), {QStringLiteral("owners"), QStringLiteral("owner")}},
            {QStringLiteral("domains"), {QStringLiteral("domains"), QStringLiteral("domain")}},
            {QStringLiteral("assets"), {QStringLiteral("assets"), QString()}},
        };
        QStringList renamed; // fields of this list that have other spellings
        for (const QString &f : fields) {
            if (kAlternatives.contains(f))
                renamed << f;
        }
        // Candidate spellings: the current one first; then every combination of the alternatives of the
        // fields not negotiated yet (what an earlier list learnt is kept); then of all of them.
        QList<QHash<QString, QString>> candidates{m_spelling};
        QStringList open;
        for (const QString &f : std::as_const(renamed)) {
            if (!m_spelling.contains(f))
                open << f;
        }
        for (const QStringList &varied : {open, renamed}) {
            for (int mask = 0; mask < (1 << varied.size()); ++mask) {
                QHash<QString, QString> c = m_spelling;
                for (int i = 0; i < varied.size(); ++i)
                    c.insert(varied[i], kAlternatives[varied[i]].value((mask >> i) & 1));
                candidates << c;
            }
        }
        QString firstError;
        QSet<QString> tried;
        for (const QHash<QString, QString> &candidate : std::as_const(candidates)) {
            m_spelling = candidate;
            const QString query = spelled(fields).join(QLatin1Char(','));
            if (tried.contains(query))
                continue;
            tried.insert(query);
            bool paged = false;
            try {
                readCursorPages(context, urlFor(spelled(fields)), what, [&](const QJsonArray &page) {
                    paged = true;
                    visit(page);
                });
                return;
            } catch (const CatalogError &e) {
                if (e.httpStatus != 400 || paged || renamed.isEmpty())
                    throw;
                if (firstError.isEmpty())
                    firstError = e.message;
            }
        }
        throw CatalogError{firstError + QStringLiteral(" (also with the older spellings of %1)").arg(renamed.join(QStringLiteral(", "))), 400};
    }

    /// A path under the API with one hostile segment (an id, an FQN) percent-encoded, so '/', '?' and
    /// '#' in it stay inside the segment.
    static QUrl endpointWith(const CatalogContext &context, const QString &before, const QString &segment, const QString &after)
    {
        QUrl url = context.location.endpoint(QString());
        url.setPath(url.path(QUrl::FullyEncoded) + before + QString::fromLatin1(QUrl::toPercentEncoding(segment)) + after, QUrl::StrictMode);
        return url;
    }

    /// The assets of one data product. Current servers leave the `assets` field empty and list them at
    /// GET /api/v1/dataProducts/{id}/assets (offset paging, a ResultList); a server without that endpoint
    /// (404) keeps the `assets` field it filled itself.
    void readAssets(CatalogContext &context, QJsonObject &product)
    {
        const QString id = cj::str(product, "id");
        if (id.isEmpty())
            return;
        QJsonArray assets;
        QSet<QString> seen;
        for (int offset = 0;;) {
            QUrl url = endpointWith(context, QStringLiteral("/api/v1/dataProducts/"), id, QStringLiteral("/assets"));
            url.setQuery(QStringLiteral("limit=100&offset=%1").arg(offset));
            const HttpResponse response = context.http.getAllowingNotFound(url);
            if (response.status == 404) {
                if (offset == 0)
                    return; // an older server: the `assets` field is its answer
                break;
            }
            const QJsonObject page = parseJsonBody(context.http.sourceName(), url, response.body).object();
            if (!page.value(QLatin1String("data")).isArray())
                throw CatalogError{QStringLiteral("%1: %2: expected an object with a 'data' array of assets")
                                       .arg(context.http.sourceName(), url.toDisplayString())};
            const QJsonArray data = cj::arr(page, "data");
            int fresh = 0;
            for (const QJsonValue &a : data) {
                const QString key = cj::str(a.toObject(), "id") + u'\n' + fqnOf(a.toObject());
                if (seen.contains(key))
                    continue;
                seen.insert(key);
                assets.append(a);
                ++fresh;
            }
            offset += int(data.size());
            const QJsonValue total = cj::obj(page, "paging").value(QLatin1String("total"));
            // An empty page, a page of repeats (a server ignoring `offset`) or the total reached ends it.
            if (data.isEmpty() || fresh == 0 || (total.isDouble() && offset >= total.toInteger()))
                break;
        }
        product.insert(QStringLiteral("assets"), assets);
    }

    /// The direct upstream entities of one table, with the column mappings of each edge, from
    /// GET /api/v1/lineage/table/name/{fqn} (an EntityLineage; see openmetadatalineage.h). An FQN the
    /// server refuses in a path (Jetty answers 400 to an encoded '/') is asked by query instead, at
    /// GET /api/v1/lineage/getLineage, whose SearchLineageResult the same parser reads.
    QJsonArray upstreamOf(CatalogContext &context, const QString &fqn)
    {
        QUrl url = endpointWith(context, QStringLiteral("/api/v1/lineage/table/name/"), fqn, QString());
        url.setQuery(QStringLiteral("upstreamDepth=1&downstreamDepth=0"));
        HttpResponse response = context.http.getAllowing(url, {400, 404});
        if (response.status == 400) {
            url = context.location.endpoint(QStringLiteral("/api/v1/lineage/getLineage"));
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("fqn"), QString::fromUtf8(QUrl::toPercentEncoding(fqn)));
            query.addQueryItem(QStringLiteral("type"), QStringLiteral("table"));
            query.addQueryItem(QStringLiteral("upstreamDepth"), QStringLiteral("1"));
            query.addQueryItem(QStringLiteral("downstreamDepth"), QStringLiteral("0"));
            url.setQuery(query);
            response = context.http.getAllowingNotFound(url);
        }
        if (response.status == 404)
            return {};
        return openmetadata::directUpstream(parseJsonBody(context.http.sourceName(), url, response.body).object(), fqn);
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
        d.kind = tableKind(cj::str(o, "tableType"));
        d.platform = cj::str(o, "serviceType");
        d.description = cj::str(o, "description");
        d.owner = ownerOf(o);
        d.tags = tagsOf(o);
        const QJsonArray products = cj::arr(o, "dataProducts");
        if (!products.isEmpty())
            d.productId = fqnOf(products.first().toObject());
        appendColumns(cj::arr(o, "columns"), QString(), d.columns);
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
        // `version` is the entity's metadata version (0.1, 0.2, ... on every edit); the contract's own
        // version is the one its latest contractUpdates entry names.
        c.version = QStringLiteral("1");
        double latest = -1;
        for (const QJsonValue &u : cj::arr(o, "contractUpdates")) {
            const QJsonObject update = u.toObject();
            const double at = update.value(QLatin1String("timestamp")).toDouble();
            if (!cj::str(update, "version").isEmpty() && at >= latest) {
                latest = at;
                c.version = cj::str(update, "version");
            }
        }
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
        // Quality expectations are references to test cases (entityReference.json), whose results come
        // from the test case list: the rule names the test case.
        for (const QJsonValue &value : cj::arr(o, "qualityExpectations")) {
            const QJsonObject q = value.toObject();
            QualityRule rule;
            rule.id = fqnOf(q);
            rule.name = cj::str(q, "name").isEmpty() ? rule.id : cj::str(q, "name");
            rule.description = cj::str(q, "description");
            rule.type = QStringLiteral("custom");
            rule.custom.insert(QStringLiteral("testCase"), fqnOf(q));
            if (!cj::str(q, "type").isEmpty())
                rule.custom.insert(QStringLiteral("entityType"), cj::str(q, "type"));
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
    QHash<QString, QString> m_spelling; ///< field -> how this server spells it, negotiated during fetch
};

} // namespace

std::unique_ptr<CatalogAdapter> makeOpenMetadataAdapter()
{
    return std::make_unique<OpenMetadataAdapter>();
}

} // namespace meshscope::catalogs
