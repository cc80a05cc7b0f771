// Entropy Data (formerly Data Mesh Manager) REST API: data products, data contracts, teams and access
// agreements, paged with `p` and Link rel=next; incremental updates from the CloudEvents feed
// GET /api/events?lastEventId=. Authentication by the `x-api-key` header.
#include "catalogadapter.h"
#include "catalogerror.h"
#include "catalogjson.h"
#include "importers/importer.h"
#include "paging.h"

#include <QHash>
#include <QUrlQuery>

namespace meshscope::catalogs {

namespace {

/// The collections this adapter reads: API path segment = document folder.
const char *const kCollections[] = {"teams", "dataproducts", "datacontracts", "access"};

QString idOf(const QJsonObject &o)
{
    return cj::str(o, "id");
}

/// An access agreement that makes its consumer product read from the provider product.
struct ConsumerEdge {
    QString accessId;
    QString providerProductId;
    QString outputPortId;
    QString purpose;
};

bool isActive(const QJsonObject &access)
{
    const QJsonObject info = cj::obj(access, "info");
    if (info.value(QLatin1String("active")).isBool())
        return info.value(QLatin1String("active")).toBool();
    const QString status = cj::str(info, "status").toLower();
    return status == u"approved" || status == u"active";
}

/// "com.datamesh-manager.events.DataProductUpdatedEvent" -> ("dataproducts", deleted=false).
bool classifyEvent(const QString &type, QString &collection, bool &deleted)
{
    const QString name = type.section(QLatin1Char('.'), -1);
    deleted = name.contains(QLatin1String("Deleted"));
    if (name.startsWith(QLatin1String("DataProduct")))
        collection = QStringLiteral("dataproducts");
    else if (name.startsWith(QLatin1String("DataContract")))
        collection = QStringLiteral("datacontracts");
    else if (name.startsWith(QLatin1String("Team")))
        collection = QStringLiteral("teams");
    else if (name.startsWith(QLatin1String("Access")))
        collection = QStringLiteral("access");
    else
        return false;
    return true;
}

class EntropyAdapter final : public CatalogAdapter {
public:
    void authenticate(HttpClient &http, const QString &token) const override
    {
        if (!token.isEmpty())
            http.setHeader("x-api-key", token.toUtf8());
    }

    CatalogFetch fetch(CatalogContext &context) override
    {
        if (!context.cursor.isEmpty()) {
            CatalogFetch update;
            if (readEvents(context, context.cursor, &update))
                return update;
        }
        CatalogFetch full;
        full.complete = true;
        for (const char *collection : kCollections) {
            QUrl first = context.location.endpoint(QStringLiteral("/api/") + QLatin1String(collection));
            first.setQuery(QStringLiteral("p=0"));
            const QJsonArray items = readAllPages(context, first, QStringLiteral("p"), QLatin1String(collection), idOf);
            for (const QJsonValue &item : items) {
                const QString id = idOf(item.toObject());
                if (id.isEmpty())
                    continue;
                full.documents[QLatin1String(collection) + QLatin1Char('/') + id] = cj::compact(item.toObject());
            }
        }
        // The feed's newest event id becomes the cursor; events raised while listing are replayed next
        // time, which is harmless (an entity is fetched again).
        CatalogFetch tail;
        if (readEvents(context, QString(), &tail, /*idsOnly=*/true))
            full.cursor = tail.cursor;
        return full;
    }

    void prepare(const CatalogDocuments &all) override
    {
        m_consumers.clear();
        for (auto it = all.lower_bound(QStringLiteral("access/")); it != all.end() && it->first.startsWith(u"access/"); ++it) {
            const QJsonObject access = cj::parseObject(it->second);
            if (!isActive(access))
                continue;
            const QString consumer = cj::at(access, {"consumer", "dataProductId"});
            const QString provider = cj::at(access, {"provider", "dataProductId"});
            if (consumer.isEmpty() || provider.isEmpty())
                continue;
            m_consumers[consumer].append({idOf(access), provider, cj::at(access, {"provider", "outputPortId"}),
                                          cj::at(access, {"info", "purpose"})});
        }
    }

    QByteArray context(const QString &path, const QByteArray &) const override
    {
        if (!path.startsWith(u"dataproducts/"))
            return {};
        const auto it = m_consumers.constFind(path.mid(13));
        if (it == m_consumers.constEnd())
            return {};
        QByteArray key;
        for (const ConsumerEdge &e : *it)
            key += (e.accessId + u'|' + e.providerProductId + u'|' + e.outputPortId + u'|' + e.purpose + u'\n').toUtf8();
        return key;
    }

    ImportResult import(const QString &path, const QByteArray &content) const override
    {
        ImportResult result;
        const QString collection = path.section(QLatin1Char('/'), 0, 0);
        if (collection == u"teams") {
            importTeam(path, cj::parseObject(content), result);
        } else if (collection == u"dataproducts" || collection == u"datacontracts") {
            // The API serves the documents in their own specification (DPS/ODPS, DCS/ODCS); JSON is
            // YAML, so the file importers read them as they are.
            result = importDocument(path + QStringLiteral(".yaml"), content);
            for (Diagnostic &d : result.diagnostics)
                d.file = path;
            if (collection == u"dataproducts")
                addConsumerPorts(path.mid(13), cj::parseObject(content), result);
        }
        // Access agreements yield no entity of their own: prepare() turns them into consumer ports.
        return result;
    }

private:
    /// Reads the CloudEvents feed after `lastEventId` to its end. With idsOnly, only the newest id is
    /// kept. Returns false when the server has no feed (404): the caller falls back to a full read.
    bool readEvents(CatalogContext &context, const QString &lastEventId, CatalogFetch *out, bool idsOnly = false)
    {
        QString cursor = lastEventId;
        QHash<QString, bool> touched; // path -> deleted
        QStringList order;
        for (int round = 0; round < 100000; ++round) {
            QUrl url = context.location.endpoint(QStringLiteral("/api/events"));
            if (!cursor.isEmpty())
                url.setQuery(QStringLiteral("lastEventId=") + QString::fromUtf8(QUrl::toPercentEncoding(cursor)));
            // No feed (404), or a last id the server no longer knows (400, 410): read everything again.
            const HttpResponse response = context.http.getAllowing(url, {400, 404, 410});
            if (response.status != 200 && response.status / 100 != 2)
                return false;
            const QJsonDocument doc = parseJsonBody(context.http.sourceName(), url, response.body);
            if (!doc.isArray())
                throw CatalogError{QStringLiteral("%1: %2: expected a JSON array of CloudEvents")
                                       .arg(context.http.sourceName(), url.toDisplayString())};
            const QJsonArray events = doc.array();
            if (events.isEmpty())
                break;
            const QString previous = cursor;
            for (const QJsonValue &value : events) {
                const QJsonObject event = value.toObject();
                cursor = cj::str(event, "id");
                QString collection;
                bool deleted = false;
                if (idsOnly || !classifyEvent(cj::str(event, "type"), collection, deleted))
                    continue;
                QString id = cj::at(event, {"data", "id"});
                if (id.isEmpty())
                    id = cj::str(event, "subject");
                if (id.isEmpty())
                    continue;
                const QString path = collection + QLatin1Char('/') + id;
                if (!touched.contains(path))
                    order << path;
                touched[path] = deleted;
            }
            if (cursor.isEmpty() || cursor == previous)
                throw CatalogError{QStringLiteral("%1: %2: the event feed does not advance (last id '%3')")
                                       .arg(context.http.sourceName(), url.toDisplayString(), previous)};
            if (context.progress)
                context.progress(QStringLiteral("events"), int(touched.size()));
        }
        out->complete = false;
        out->cursor = cursor;
        for (const QString &path : std::as_const(order)) {
            if (touched.value(path)) {
                out->removed << path;
                continue;
            }
            const QString collection = path.section(QLatin1Char('/'), 0, 0);
            const QString id = path.section(QLatin1Char('/'), 1);
            const QUrl url = context.location.endpoint(QStringLiteral("/api/%1/%2").arg(collection, QString::fromUtf8(QUrl::toPercentEncoding(id))));
            const HttpResponse response = context.http.getAllowingNotFound(url);
            if (response.status == 404) {
                out->removed << path; // deleted after the event was raised
                continue;
            }
            const QJsonDocument doc = parseJsonBody(context.http.sourceName(), url, response.body);
            if (!doc.isObject())
                throw CatalogError{QStringLiteral("%1: %2: expected a JSON object").arg(context.http.sourceName(), url.toDisplayString())};
            out->documents[path] = cj::compact(doc.object());
        }
        return true;
    }

    static void importTeam(const QString &path, const QJsonObject &o, ImportResult &result)
    {
        const QString id = idOf(o);
        if (id.isEmpty()) {
            result.error(path, 0, 0, QStringLiteral("team without an id"));
            return;
        }
        const QString name = cj::str(o, "name").isEmpty() ? id : cj::str(o, "name");
        if (cj::str(o, "type").compare(QLatin1String("domain"), Qt::CaseInsensitive) == 0) {
            Domain domain;
            domain.id = id;
            domain.name = name;
            domain.description = cj::str(o, "description");
            domain.parentId = cj::str(o, "parent");
            result.domains.push_back(domain);
            return;
        }
        Team team;
        team.id = id;
        team.name = name;
        team.description = cj::str(o, "description");
        team.domainId = cj::str(o, "parent");
        for (const QJsonValue &m : cj::arr(o, "members")) {
            const QJsonObject member = m.toObject();
            Person person;
            person.email = cj::str(member, "emailAddress");
            person.name = cj::str(member, "name");
            person.username = person.email;
            person.role = cj::str(member, "role");
            team.members.append(person);
        }
        result.teams.push_back(team);
    }

    void addConsumerPorts(const QString &productId, const QJsonObject &raw, ImportResult &result) const
    {
        if (result.products.empty()) {
            // Not in a specification the importers know: keep what identifies it.
            DataProduct product;
            product.id = productId;
            product.name = cj::at(raw, {"info", "title"});
            if (product.name.isEmpty())
                product.name = productId;
            product.owner = cj::at(raw, {"info", "owner"});
            product.teamId = product.owner;
            product.domainId = cj::at(raw, {"info", "domain"});
            product.status = cj::at(raw, {"info", "status"});
            product.specFormat = QStringLiteral("entropy");
            result.products.push_back(product);
        }
        const auto edges = m_consumers.constFind(productId);
        if (edges == m_consumers.constEnd())
            return;
        for (DataProduct &product : result.products) {
            if (product.id != productId)
                continue;
            for (const ConsumerEdge &edge : *edges) {
                const bool named = std::any_of(product.inputPorts.begin(), product.inputPorts.end(),
                                               [&](const Port &p) { return p.sourceProductId == edge.providerProductId; });
                if (named)
                    continue;
                Port port;
                port.id = QStringLiteral("access:") + edge.accessId;
                port.name = edge.purpose.isEmpty() ? edge.providerProductId : edge.purpose;
                port.type = QStringLiteral("access");
                port.location = edge.outputPortId;
                port.sourceProductId = edge.providerProductId;
                product.inputPorts.append(port);
            }
        }
    }

    QHash<QString, QList<ConsumerEdge>> m_consumers; ///< consumer product id -> active agreements
};

} // namespace

std::unique_ptr<CatalogAdapter> makeEntropyAdapter()
{
    return std::make_unique<EntropyAdapter>();
}

} // namespace meshscope::catalogs
