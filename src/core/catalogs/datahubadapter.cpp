// DataHub GraphQL API (POST /api/graphql): scrollAcrossEntities for datasets, domains and data
// products and data jobs, each dataset and job with its direct upstream lineage, each dataset with its
// data contract and its assertions' latest run. Lineage through a job (dataset -> job -> dataset) is
// walked when mapping. Authentication by a personal access token as a bearer. Every sync scrolls the whole catalog;
// unchanged entities are skipped by content hash.
#include "catalogadapter.h"
#include "catalogerror.h"
#include "catalogjson.h"
#include "importers/datahubsupport.h"

#include <QDateTime>
#include <QTimeZone>
#include <QHash>
#include <QSet>

#include <functional>
#include <vector>

namespace meshscope::catalogs {

namespace {

namespace dh = importers::datahub;

/// Entities per request. Each dataset and job carries a `lineage` subquery, and DataHub's GraphQL guide
/// names 20 lineage subqueries per request as the tested limit: larger pages time out on big catalogs.
constexpr int kScrollCount = 20;

/// One page of the catalog. Only fields that DataHub has had since 0.12 are asked for: an unknown
/// field fails the whole query.
const char *const kScrollQuery = R"GQL(
query meshscopeScroll($input: ScrollAcrossEntitiesInput!) {
  scrollAcrossEntities(input: $input) {
    nextScrollId
    count
    total
    searchResults {
      entity {
        urn
        type
        ... on Dataset {
          name
          platform { name }
          properties { name description }
          editableProperties { description }
          schemaMetadata { fields { fieldPath nativeDataType description } }
          editableSchemaMetadata { editableSchemaFieldInfo { fieldPath description } }
          ownership { owners { owner { ... on CorpUser { username } ... on CorpGroup { name } } } }
          domain { domain { urn } }
          upstream: lineage(input: { direction: UPSTREAM, start: 0, count: 1000 }) {
            relationships { type entity { urn type } }
          }
          contract {
            urn
            status { state }
            properties {
              freshness { assertion { urn } }
              schema { assertion { urn } }
              dataQuality { assertion { urn } }
            }
          }
          assertions(start: 0, count: 200) {
            assertions {
              urn
              info { type description datasetAssertion { fields { path } } }
              runEvents(status: COMPLETE, limit: 1) { runEvents { timestampMillis runId result { type } } }
            }
          }
        }
        ... on DataJob {
          jobId
          properties { name description }
          upstream: lineage(input: { direction: UPSTREAM, start: 0, count: 1000 }) {
            relationships { type entity { urn type } }
          }
        }
        ... on Domain { properties { name description } }
        ... on DataProduct {
          properties { name description }
          domain { domain { urn } }
          ownership { owners { owner { ... on CorpUser { username } ... on CorpGroup { name } } } }
          assets: relationships(input: { types: ["DataProductContains"], direction: OUTGOING, start: 0, count: 1000 }) {
            relationships { entity { urn } }
          }
        }
      }
    }
  }
}
)GQL";

QString ownerOf(const QJsonObject &entity)
{
    const QJsonArray owners = cj::arr(cj::obj(entity, "ownership"), "owners");
    if (owners.isEmpty())
        return {};
    const QJsonObject owner = cj::obj(owners.first().toObject(), "owner");
    return cj::str(owner, "username").isEmpty() ? cj::str(owner, "name") : cj::str(owner, "username");
}

QString folderOf(const QString &type)
{
    if (type == u"DATASET")
        return QStringLiteral("datasets");
    if (type == u"DOMAIN")
        return QStringLiteral("domains");
    if (type == u"DATA_PRODUCT")
        return QStringLiteral("dataProducts");
    if (type == u"DATA_JOB")
        return QStringLiteral("dataJobs");
    return {};
}

/// urn:li:dataJob:(urn:li:dataFlow:(airflow,dag_abc,PROD),task_123) -> airflow / dag_abc.task_123, the
/// job the DataHub file importer makes of the same urn. false when `urn` is no data job urn.
bool jobOfUrn(const QString &urn, Job &job)
{
    if (!urn.startsWith(QLatin1String("urn:li:dataJob:(")) || !urn.endsWith(QLatin1Char(')')))
        return false;
    const QString inner = urn.mid(urn.indexOf(QLatin1Char('(')) + 1).chopped(1);
    const qsizetype flowEnd = inner.lastIndexOf(QLatin1Char(','));
    if (flowEnd <= 0)
        return false;
    const QString flow = inner.left(flowEnd);
    const QString flowInner = flow.mid(flow.indexOf(QLatin1Char('(')) + 1).chopped(1);
    job.ns = flowInner.section(QLatin1Char(','), 0, 0);
    job.name = flowInner.section(QLatin1Char(','), 1, 1) + QLatin1Char('.') + inner.mid(flowEnd + 1);
    job.id = job.ns + QLatin1Char('/') + job.name;
    return !job.ns.isEmpty();
}

/// The GraphQL path of an error as text ("scrollAcrossEntities.searchResults.3.entity.assertions").
QString pathText(const QJsonArray &path)
{
    QStringList parts;
    for (const QJsonValue &p : path)
        parts << cj::text(p);
    return parts.join(QLatin1Char('.'));
}

class DataHubAdapter final : public CatalogAdapter {
public:
    void authenticate(HttpClient &http, const QString &token) const override
    {
        if (!token.isEmpty())
            http.setHeader("Authorization", "Bearer " + token.toUtf8());
    }
    bool requiresToken() const override { return false; } // metadata service authentication may be off

    CatalogFetch fetch(CatalogContext &context) override
    {
        CatalogFetch out;
        out.complete = true;
        const QUrl url = context.location.endpoint(QStringLiteral("/api/graphql"));
        QString scrollId;
        QSet<QString> seenScrollIds;
        for (;;) {
            QJsonObject input{{QStringLiteral("types"), QJsonArray{QStringLiteral("DATASET"), QStringLiteral("DOMAIN"), QStringLiteral("DATA_PRODUCT"),
                                                                   QStringLiteral("DATA_JOB")}},
                              {QStringLiteral("query"), QStringLiteral("*")},
                              {QStringLiteral("count"), kScrollCount}};
            if (!scrollId.isEmpty())
                input.insert(QStringLiteral("scrollId"), scrollId);
            const QJsonObject request{{QStringLiteral("query"), QString::fromLatin1(kScrollQuery)},
                                      {QStringLiteral("variables"), QJsonObject{{QStringLiteral("input"), input}}}};
            const QJsonObject response = context.http.postJson(url, cj::compact(request)).object();
            const QJsonArray errors = cj::arr(response, "errors");
            const QJsonObject page = cj::obj(cj::obj(response, "data"), "scrollAcrossEntities");
            if (!page.value(QLatin1String("searchResults")).isArray()) {
                // No page at all: the query failed as a whole (an unknown field, an expired token).
                QStringList messages;
                for (const QJsonValue &e : errors)
                    messages << cj::str(e.toObject(), "message");
                throw CatalogError{messages.isEmpty()
                                       ? QStringLiteral("%1: POST %2: no data.scrollAcrossEntities.searchResults in the response")
                                             .arg(context.http.sourceName(), url.toDisplayString())
                                       : QStringLiteral("%1: POST %2: GraphQL error: %3")
                                             .arg(context.http.sourceName(), url.toDisplayString(), messages.join(QStringLiteral("; ")))};
            }
            const QJsonArray results = cj::arr(page, "searchResults");
            // GraphQL answers with partial data: a field that failed for one entity (no permission on
            // its assertions, say) is null there and named in `errors`. The rest is kept; each error is
            // reported against the entity its path leads to.
            for (const QJsonValue &e : errors) {
                const QJsonObject error = e.toObject();
                const QJsonArray path = cj::arr(error, "path");
                int index = -1;
                for (qsizetype i = 0; i + 1 < path.size(); ++i) {
                    if (path[i].toString() == u"searchResults" && path[i + 1].isDouble())
                        index = path[i + 1].toInt();
                }
                if (index >= results.size())
                    index = -1; // a path into nothing this page holds
                const QString urn = index >= 0 ? cj::at(results.at(index).toObject(), {"entity", "urn"}) : QString();
                // The entity itself null: nothing of it is kept (and nothing is stored for it below).
                const bool whole = index >= 0 && !results.at(index).toObject().value(QLatin1String("entity")).isObject();
                // An entity lost whole cannot be told from one deleted in DataHub: this sync then updates
                // the cache without removing anything, so its cached version stays.
                if (whole)
                    out.complete = false;
                const QString where = urn.isEmpty() ? pathText(path) : urn;
                out.diagnostics.push_back({context.location.uri, 0, 0, Diagnostic::Severity::Warning,
                                           QStringLiteral("%1: GraphQL error at %2: %3%4")
                                               .arg(where.isEmpty() ? url.toDisplayString() : where, pathText(path), cj::str(error, "message"),
                                                    whole ? QStringLiteral(" (entity skipped; its cached version is kept and no deletions are applied this sync)")
                                                          : QStringLiteral(" (the other fields are kept)"))});
            }
            for (qsizetype i = 0; i < results.size(); ++i) {
                const QJsonObject entity = cj::obj(results.at(i).toObject(), "entity");
                const QString folder = folderOf(cj::str(entity, "type"));
                const QString urn = cj::str(entity, "urn");
                if (!folder.isEmpty() && !urn.isEmpty())
                    out.documents[folder + QLatin1Char('/') + urn] = cj::compact(entity);
            }
            if (context.progress)
                context.progress(QStringLiteral("entities"), int(out.documents.size()));
            scrollId = cj::str(page, "nextScrollId");
            if (scrollId.isEmpty() || cj::arr(page, "searchResults").isEmpty())
                break;
            if (seenScrollIds.contains(scrollId))
                throw CatalogError{QStringLiteral("%1: POST %2: paging loop: scrollId '%3' came back twice")
                                       .arg(context.http.sourceName(), url.toDisplayString(), scrollId)};
            seenScrollIds.insert(scrollId);
        }
        return out;
    }

    ImportResult import(const QString &path, const QByteArray &content) const override
    {
        ImportResult result;
        const QJsonObject entity = cj::parseObject(content);
        if (path.startsWith(u"datasets/"))
            importDataset(path, entity, result);
        else if (path.startsWith(u"domains/"))
            importDomain(entity, result);
        else if (path.startsWith(u"dataProducts/"))
            importProduct(entity, result);
        else if (path.startsWith(u"dataJobs/"))
            importJob(entity, result);
        return result;
    }

    void prepare(const CatalogDocuments &all) override
    {
        m_jobUpstream.clear();
        for (auto it = all.lower_bound(QStringLiteral("dataJobs/")); it != all.end() && it->first.startsWith(u"dataJobs/"); ++it) {
            const QJsonObject job = cj::parseObject(it->second);
            m_jobUpstream.insert(cj::str(job, "urn"), cj::arr(cj::obj(job, "upstream"), "relationships"));
        }
    }

    QByteArray context(const QString &path, const QByteArray &content) const override
    {
        // A dataset's lineage through jobs depends on the job documents: their walk is the context.
        if (!path.startsWith(u"datasets/"))
            return {};
        QByteArray key;
        for (const auto &[from, job] : upstreamOf(cj::parseObject(content)))
            key += from.toUtf8() + ' ' + job.toUtf8() + '\n';
        return key;
    }

private:
    /// The upstream datasets of a dataset, each with the job it came through (empty when direct). A job
    /// in between (dataset -> DATA_JOB -> dataset, as DataHub links an Airflow task) is walked to its own
    /// upstream, through jobs that feed jobs too; each job is visited once.
    std::vector<std::pair<QString, QString>> upstreamOf(const QJsonObject &dataset) const
    {
        std::vector<std::pair<QString, QString>> out;
        QSet<QString> visitedJobs;
        std::function<void(const QJsonArray &, const QString &)> walk = [&](const QJsonArray &relationships, const QString &viaJob) {
            for (const QJsonValue &r : relationships) {
                const QJsonObject entity = cj::obj(r.toObject(), "entity");
                const QString urn = cj::str(entity, "urn");
                if (cj::str(entity, "type") == u"DATA_JOB" || urn.startsWith(QLatin1String("urn:li:dataJob:"))) {
                    if (visitedJobs.contains(urn))
                        continue;
                    visitedJobs.insert(urn);
                    Job job;
                    walk(m_jobUpstream.value(urn), viaJob.isEmpty() && jobOfUrn(urn, job) ? job.id : viaJob);
                } else {
                    const QString from = dh::datasetIdFromUrn(urn);
                    if (!from.isEmpty())
                        out.emplace_back(from, viaJob);
                }
            }
        };
        walk(cj::arr(cj::obj(dataset, "upstream"), "relationships"), QString());
        return out;
    }

    static void importJob(const QJsonObject &o, ImportResult &result)
    {
        Job job;
        if (!jobOfUrn(cj::str(o, "urn"), job))
            return;
        job.description = cj::at(o, {"properties", "description"});
        result.jobs.push_back(job);
    }

    void importDataset(const QString &path, const QJsonObject &o, ImportResult &result) const
    {
        const QString urn = cj::str(o, "urn");
        Dataset d;
        d.id = dh::datasetIdFromUrn(urn);
        if (d.id.isEmpty()) {
            result.error(path, 0, 0, QStringLiteral("'%1' is not a dataset urn").arg(urn));
            return;
        }
        d.platform = cj::at(o, {"platform", "name"}).isEmpty() ? dh::platformOfUrn(urn) : cj::at(o, {"platform", "name"});
        d.ns = dh::platformOfUrn(urn);
        d.name = dh::nameOfUrn(urn);
        d.kind = QStringLiteral("dataset");
        d.description = cj::at(o, {"editableProperties", "description"});
        if (d.description.isEmpty())
            d.description = cj::at(o, {"properties", "description"});
        d.owner = ownerOf(o);
        // Descriptions edited in DataHub's UI live apart from the ingested schema and win over it.
        QHash<QString, QString> edited;
        for (const QJsonValue &f : cj::arr(cj::obj(o, "editableSchemaMetadata"), "editableSchemaFieldInfo")) {
            if (!cj::str(f.toObject(), "description").isEmpty())
                edited.insert(cj::str(f.toObject(), "fieldPath"), cj::str(f.toObject(), "description"));
        }
        for (const QJsonValue &f : cj::arr(cj::obj(o, "schemaMetadata"), "fields")) {
            const QJsonObject field = f.toObject();
            DatasetColumn c;
            c.name = cj::str(field, "fieldPath");
            c.type = cj::str(field, "nativeDataType");
            c.description = edited.value(c.name, cj::str(field, "description"));
            if (!c.name.isEmpty())
                d.columns.append(c);
        }
        QSet<QString> seenEdges;
        for (const auto &[from, job] : upstreamOf(o)) {
            if (from != d.id && !seenEdges.contains(from + u'\n' + job)) {
                seenEdges.insert(from + u'\n' + job);
                result.lineageEdges.push_back({from, d.id, job});
            }
        }
        for (const QJsonValue &a : cj::arr(cj::obj(o, "assertions"), "assertions")) {
            const QJsonObject assertion = a.toObject();
            const QJsonObject info = cj::obj(assertion, "info");
            QString label = cj::str(info, "description");
            if (label.isEmpty())
                label = dh::lastUrnPart(cj::str(assertion, "urn"));
            const QJsonArray fields = cj::arr(cj::obj(info, "datasetAssertion"), "fields");
            const QString column = fields.isEmpty() ? QString() : cj::str(fields.first().toObject(), "path");
            d.checks << (column.isEmpty() ? label : QStringLiteral("%1(%2)").arg(label, column));
            for (const QJsonValue &e : cj::arr(cj::obj(assertion, "runEvents"), "runEvents")) {
                const QJsonObject event = e.toObject();
                QualityResult q;
                q.datasetId = d.id;
                q.column = column;
                q.check = label;
                q.success = cj::at(event, {"result", "type"}) == u"SUCCESS";
                q.time = QDateTime::fromMSecsSinceEpoch(qint64(event.value(QLatin1String("timestampMillis")).toDouble()), Qt::UTC);
                q.runId = cj::str(event, "runId");
                q.origin = QStringLiteral("datahub");
                q.message = cj::at(event, {"result", "type"});
                result.qualityResults.push_back(q);
            }
        }
        const QJsonObject contract = cj::obj(o, "contract");
        if (!contract.isEmpty()) {
            // The same id as DataHub's contract YAML read from a folder, so both meet in one contract.
            Contract c;
            c.id = QStringLiteral("datahub:") + d.platform + QLatin1Char('.') + d.name;
            c.version = QStringLiteral("1");
            c.name = d.name;
            c.status = cj::at(contract, {"status", "state"}).toLower();
            c.specFormat = QStringLiteral("datahub");
            c.owner = d.owner;
            c.custom.insert(QStringLiteral("entity"), urn);
            c.custom.insert(QStringLiteral("urn"), cj::str(contract, "urn"));
            SchemaObject object;
            object.id = d.name;
            object.name = d.name.section(QLatin1Char('.'), -1);
            object.physicalName = d.name;
            for (const DatasetColumn &column : std::as_const(d.columns)) {
                ContractProperty p;
                p.name = column.name;
                p.physicalType = column.type;
                p.description = column.description;
                object.properties.append(p);
            }
            const QJsonObject properties = cj::obj(contract, "properties");
            for (const char *kind : {"freshness", "schema", "dataQuality"}) {
                for (const QJsonValue &ref : cj::arr(properties, kind)) {
                    QualityRule rule;
                    rule.id = cj::at(ref.toObject(), {"assertion", "urn"});
                    rule.name = dh::lastUrnPart(rule.id);
                    rule.type = QStringLiteral("custom");
                    rule.dimension = QLatin1String(kind);
                    object.quality.append(rule);
                }
            }
            c.schema.append(object);
            result.contracts.push_back(c);
        }
        result.datasets.push_back(d);
    }

    static void importDomain(const QJsonObject &o, ImportResult &result)
    {
        Domain d;
        d.id = dh::lastUrnPart(cj::str(o, "urn"));
        d.name = cj::at(o, {"properties", "name"}).isEmpty() ? d.id : cj::at(o, {"properties", "name"});
        d.description = cj::at(o, {"properties", "description"});
        result.domains.push_back(d);
    }

    static void importProduct(const QJsonObject &o, ImportResult &result)
    {
        DataProduct p;
        p.id = dh::lastUrnPart(cj::str(o, "urn"));
        p.name = cj::at(o, {"properties", "name"}).isEmpty() ? p.id : cj::at(o, {"properties", "name"});
        p.description = cj::at(o, {"properties", "description"});
        p.domainId = dh::lastUrnPart(cj::at(o, {"domain", "domain", "urn"}));
        p.owner = ownerOf(o);
        p.specFormat = QStringLiteral("datahub");
        for (const QJsonValue &r : cj::arr(cj::obj(o, "assets"), "relationships")) {
            const QString urn = cj::at(r.toObject(), {"entity", "urn"});
            if (dh::platformOfUrn(urn).isEmpty())
                continue;
            Port port;
            port.id = dh::platformOfUrn(urn) + QLatin1Char('.') + dh::nameOfUrn(urn);
            port.name = dh::nameOfUrn(urn);
            port.type = dh::platformOfUrn(urn);
            port.location = dh::nameOfUrn(urn);
            p.outputPorts.append(port);
        }
        if (!p.domainId.isEmpty())
            result.noteDomain(p.domainId);
        result.products.push_back(p);
    }

    QHash<QString, QJsonArray> m_jobUpstream; ///< data job urn -> its upstream relationships
};

} // namespace

std::unique_ptr<CatalogAdapter> makeDataHubAdapter()
{
    return std::make_unique<DataHubAdapter>();
}

} // namespace meshscope::catalogs
