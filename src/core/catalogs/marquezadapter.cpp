// Marquez (OpenLineage reference server) REST API v1: namespaces, datasets and jobs (limit/offset
// paging), column lineage per dataset, the lineage graph around a job, and incremental updates from
// the OpenLineage events it received: GET /api/v1/events/lineage?after=<time>&sortDirection=asc.
// That feed holds run events only: dataset and job events (static lineage) change what the dataset and
// job lists say, which only a full sync reads (docs/formats/catalog-payloads.md).
#include "catalogadapter.h"
#include "catalogerror.h"
#include "catalogjson.h"
#include "importers/importer.h"
#include "importers/openlineagereader.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

namespace meshscope::catalogs {

namespace {

constexpr int kPageSize = 100;
constexpr int kEventPageSize = 500;
constexpr int kEventsPerDocument = 1000;

QString enc(const QString &s)
{
    return QString::fromUtf8(QUrl::toPercentEncoding(s));
}

QString datasetPath(const QString &ns, const QString &name)
{
    return QStringLiteral("datasets/%1/%2").arg(ns, name);
}

QString jobPath(const QString &ns, const QString &name)
{
    return QStringLiteral("jobs/%1/%2").arg(ns, name);
}

/// An OpenLineage eventTime as nanoseconds since the epoch, so times written with different offsets
/// ("…+10:00", "…Z", or none, which Marquez reads as UTC) and precisions (up to nanoseconds) compare as
/// the instants they name. false when the text is no ISO 8601 date-time.
bool eventInstant(const QString &text, qint64 &nanos)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:[.,](\d{1,9})\d*)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$)"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return false;
    QString clock = m.captured(2);
    if (clock.size() == 5)
        clock += QStringLiteral(":00");
    const QDateTime base = QDateTime::fromString(m.captured(1) + u'T' + clock, Qt::ISODate).toUTC();
    const QDateTime utc(base.date(), base.time(), Qt::UTC);
    if (!utc.isValid())
        return false;
    qint64 offsetSeconds = 0;
    const QString zone = m.captured(4);
    if (!zone.isEmpty() && zone.compare(QLatin1String("z"), Qt::CaseInsensitive) != 0) {
        QString digits = zone.mid(1);
        digits.remove(u':');
        offsetSeconds = digits.left(2).toLongLong() * 3600 + digits.mid(2, 2).toLongLong() * 60;
        if (zone.startsWith(u'-'))
            offsetSeconds = -offsetSeconds;
    }
    const qint64 fraction = m.captured(3).leftJustified(9, u'0').toLongLong();
    nanos = (utc.toSecsSinceEpoch() - offsetSeconds) * 1000000000LL + fraction;
    return true;
}

/// An instant as the cursor sent back in `after`: UTC with a "Z" (Marquez parses `after` as a zoned
/// date-time, so a producer's zone-less eventTime cannot go back as written), milliseconds at least and
/// the finer digits only when there are any.
QString cursorText(qint64 nanos)
{
    qint64 seconds = nanos / 1000000000LL;
    qint64 fraction = nanos % 1000000000LL;
    if (fraction < 0) {
        fraction += 1000000000LL;
        --seconds;
    }
    QString digits = QString::number(fraction).rightJustified(9, u'0');
    while (digits.size() > 3 && digits.endsWith(u'0'))
        digits.chop(1);
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + u'.' + digits + u'Z';
}

/// Whether Marquez reports the dataset as gone: soft-deleted, or dropped by its last lifecycle change.
bool isGone(const QJsonObject &dataset)
{
    return dataset.value(QLatin1String("deleted")).toBool() || dataset.value(QLatin1String("isDeleted")).toBool()
        || cj::str(dataset, "lastLifecycleState").compare(QLatin1String("DROP"), Qt::CaseInsensitive) == 0;
}

/// "DB_TABLE" -> "table", "STREAM" -> "topic"; other types lower-cased.
QString datasetKind(const QString &type)
{
    if (type == u"DB_TABLE")
        return QStringLiteral("table");
    if (type == u"STREAM")
        return QStringLiteral("topic");
    return type.toLower();
}

class MarquezAdapter final : public CatalogAdapter {
public:
    void authenticate(HttpClient &http, const QString &token) const override
    {
        if (!token.isEmpty())
            http.setHeader("Authorization", "Bearer " + token.toUtf8());
    }
    bool requiresToken() const override { return false; } // Marquez has no authentication of its own

    CatalogFetch fetch(CatalogContext &context) override
    {
        return context.cursor.isEmpty() ? fetchAll(context) : fetchSince(context);
    }

    ImportResult import(const QString &path, const QByteArray &content) const override
    {
        ImportResult result;
        if (path.startsWith(u"datasets/"))
            importDataset(path, cj::parseObject(content), result);
        else if (path.startsWith(u"jobs/"))
            importJob(cj::parseObject(content), result);
        else if (path.startsWith(u"runs/"))
            importRuns(path, content, result);
        return result;
    }

private:
    /// Reads a limit/offset list to its end ("totalCount" when given, else a short page).
    QJsonArray readList(CatalogContext &context, const QString &path, const char *key, const QString &what)
    {
        QJsonArray all;
        for (int offset = 0;;) {
            QUrl url = context.location.endpoint(path);
            url.setQuery(QStringLiteral("limit=%1&offset=%2").arg(kPageSize).arg(offset));
            const QJsonObject page = context.http.getJson(url).object();
            if (!page.value(QLatin1String(key)).isArray())
                throw CatalogError{QStringLiteral("%1: %2: expected an object with a '%3' array")
                                       .arg(context.http.sourceName(), url.toDisplayString(), QLatin1String(key))};
            const QJsonArray items = cj::arr(page, key);
            for (const QJsonValue &v : items)
                all.append(v);
            if (context.progress)
                context.progress(what, int(all.size()));
            // A server may cap `limit` below what was asked: totalCount, when given, decides the end.
            const QJsonValue total = page.value(QLatin1String("totalCount"));
            offset += int(items.size());
            if (items.isEmpty() || (total.isDouble() ? all.size() >= total.toInteger() : items.size() < kPageSize))
                break;
        }
        return all;
    }

    /// The column lineage of one dataset in the shape Marquez puts under a dataset's "columnLineage".
    QJsonArray columnLineage(CatalogContext &context, const QString &ns, const QString &name)
    {
        QUrl url = context.location.endpoint(QStringLiteral("/api/v1/column-lineage"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("nodeId"), enc(QStringLiteral("dataset:%1:%2").arg(ns, name)));
        query.addQueryItem(QStringLiteral("depth"), QStringLiteral("1"));
        query.addQueryItem(QStringLiteral("withDownstream"), QStringLiteral("false"));
        url.setQuery(query);
        const HttpResponse response = context.http.getAllowingNotFound(url);
        if (response.status == 404)
            return {};
        QJsonArray out;
        for (const QJsonValue &node : cj::arr(parseJsonBody(context.http.sourceName(), url, response.body).object(), "graph")) {
            const QJsonObject data = cj::obj(node.toObject(), "data");
            if (cj::str(data, "namespace") != ns || cj::str(data, "dataset") != name)
                continue;
            QJsonArray inputs = cj::arr(data, "inputFields");
            // Older servers put the transformation on the node rather than on each input field.
            for (qsizetype i = 0; i < inputs.size(); ++i) {
                QJsonObject in = inputs[i].toObject();
                for (const char *key : {"transformationDescription", "transformationType"}) {
                    if (cj::str(in, key).isEmpty() && !cj::str(data, key).isEmpty())
                        in.insert(QLatin1String(key), data.value(QLatin1String(key)));
                }
                inputs[i] = in;
            }
            if (!inputs.isEmpty())
                out.append(QJsonObject{{QStringLiteral("name"), cj::str(data, "field")}, {QStringLiteral("inputFields"), inputs}});
        }
        return out;
    }

    void putDataset(CatalogContext &context, QJsonObject dataset, const QSet<QString> &produced, CatalogFetch &out)
    {
        const QString ns = cj::at(dataset, {"id", "namespace"}).isEmpty() ? cj::str(dataset, "namespace") : cj::at(dataset, {"id", "namespace"});
        const QString name = cj::at(dataset, {"id", "name"}).isEmpty() ? cj::str(dataset, "name") : cj::at(dataset, {"id", "name"});
        if (ns.isEmpty() || name.isEmpty())
            return;
        if (isGone(dataset)) {
            // Soft-deleted or dropped: gone from the catalog, as a removal on an incremental sync.
            out.documents.erase(datasetPath(ns, name));
            if (!out.complete)
                out.removed << datasetPath(ns, name);
            return;
        }
        // Only datasets some job writes can have column lineage; asking for the others costs a request each.
        if (!dataset.contains(QLatin1String("columnLineage")) && produced.contains(ns + u'\n' + name))
            dataset.insert(QStringLiteral("columnLineage"), columnLineage(context, ns, name));
        out.documents[datasetPath(ns, name)] = cj::compact(dataset);
    }

    /// Appends the events after `after` (all when empty) as run documents; returns the newest instant
    /// (cursorText). Marquez's `after` is inclusive (event_time >=
    /// :after): events at the cursor's instant were stored by the sync that set it and are skipped. An
    /// event that reaches Marquez later with an eventTime at or before the cursor is not seen by the
    /// incremental path (that holds for any time cursor); a full sync reads it.
    QString readEvents(CatalogContext &context, const QString &after, CatalogFetch &out, QSet<QString> *touchedJobs)
    {
        QString cursor = after;
        qint64 afterNanos = 0;
        const bool hasAfter = !after.isEmpty() && eventInstant(after, afterNanos);
        qint64 cursorNanos = afterNanos;
        bool cursorKnown = hasAfter;
        QJsonArray chunk;
        QString chunkStart;
        auto flush = [&] {
            if (chunk.isEmpty())
                return;
            out.documents[QStringLiteral("runs/") + chunkStart] = QJsonDocument(chunk).toJson(QJsonDocument::Compact);
            chunk = {};
        };
        for (int offset = 0;;) {
            QUrl url = context.location.endpoint(QStringLiteral("/api/v1/events/lineage"));
            QUrlQuery query;
            if (!after.isEmpty())
                query.addQueryItem(QStringLiteral("after"), enc(after));
            query.addQueryItem(QStringLiteral("sortDirection"), QStringLiteral("asc"));
            query.addQueryItem(QStringLiteral("limit"), QString::number(kEventPageSize));
            query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
            url.setQuery(query);
            const QJsonObject page = context.http.getJson(url).object();
            if (!page.value(QLatin1String("events")).isArray())
                throw CatalogError{QStringLiteral("%1: %2: expected an object with an 'events' array")
                                       .arg(context.http.sourceName(), url.toDisplayString())};
            const QJsonArray events = cj::arr(page, "events");
            for (const QJsonValue &value : events) {
                const QJsonObject event = value.toObject();
                const QString time = cj::str(event, "eventTime");
                qint64 nanos = 0;
                const bool timed = eventInstant(time, nanos);
                if (hasAfter && timed && nanos <= afterNanos)
                    continue; // at the cursor: read by the previous sync
                if (chunk.isEmpty())
                    chunkStart = time;
                chunk.append(event);
                if (timed && (!cursorKnown || nanos > cursorNanos)) {
                    cursor = cursorText(nanos);
                    cursorNanos = nanos;
                    cursorKnown = true;
                }
                if (touchedJobs)
                    touchedJobs->insert(cj::at(event, {"job", "namespace"}) + u'\n' + cj::at(event, {"job", "name"}));
                if (chunk.size() >= kEventsPerDocument)
                    flush();
            }
            offset += int(events.size());
            if (context.progress)
                context.progress(QStringLiteral("lineage events"), offset);
            // Read until an empty page: servers differ on whether totalCount counts the page or all events,
            // and may cap `limit`; one extra request is the price of never stopping early.
            if (events.isEmpty())
                break;
        }
        flush();
        return cursor;
    }

    CatalogFetch fetchAll(CatalogContext &context)
    {
        CatalogFetch out;
        out.complete = true;
        const QJsonArray namespaces = readList(context, QStringLiteral("/api/v1/namespaces"), "namespaces", QStringLiteral("namespaces"));
        QJsonArray datasets;
        QSet<QString> produced;
        for (const QJsonValue &value : namespaces) {
            const QString ns = cj::str(value.toObject(), "name");
            out.documents[QStringLiteral("namespaces/") + ns] = cj::compact(value.toObject());
            for (const QJsonValue &job : readList(context, QStringLiteral("/api/v1/namespaces/%1/jobs").arg(enc(ns)), "jobs", QStringLiteral("jobs"))) {
                const QJsonObject o = job.toObject();
                out.documents[jobPath(ns, cj::str(o, "name"))] = cj::compact(o);
                for (const QJsonValue &output : cj::arr(o, "outputs"))
                    produced.insert(cj::str(output.toObject(), "namespace") + u'\n' + cj::str(output.toObject(), "name"));
            }
            for (const QJsonValue &dataset : readList(context, QStringLiteral("/api/v1/namespaces/%1/datasets").arg(enc(ns)), "datasets", QStringLiteral("datasets")))
                datasets.append(dataset);
        }
        for (const QJsonValue &dataset : std::as_const(datasets))
            putDataset(context, dataset.toObject(), produced, out);
        out.cursor = readEvents(context, QString(), out, nullptr);
        return out;
    }

    CatalogFetch fetchSince(CatalogContext &context)
    {
        CatalogFetch out;
        out.complete = false;
        QSet<QString> jobs;
        out.cursor = readEvents(context, context.cursor, out, &jobs);
        // Each job an event names: the lineage graph one step around it gives the job and its datasets.
        for (const QString &key : std::as_const(jobs)) {
            const QString ns = key.section(u'\n', 0, 0);
            const QString name = key.section(u'\n', 1);
            QUrl url = context.location.endpoint(QStringLiteral("/api/v1/lineage"));
            url.setQuery(QStringLiteral("nodeId=%1&depth=1").arg(enc(QStringLiteral("job:%1:%2").arg(ns, name))));
            // Marquez answers 500 for some job nodes (MarquezProject/marquez#2806, e.g. a job name holding
            // "trino://host:1337"): one such job must not stop the sync of all others.
            const HttpResponse response = context.http.getAllowing(url, {404, 500});
            if (response.status == 404)
                continue;
            if (response.status == 500) {
                out.diagnostics.push_back({context.location.uri, 0, 0, Diagnostic::Severity::Warning,
                                           QStringLiteral("lineage of job '%1' in namespace '%2' skipped: GET %3 answered HTTP 500; "
                                                          "its runs are kept, its datasets are not updated by this sync")
                                               .arg(name, ns, url.toDisplayString())});
                continue;
            }
            QSet<QString> produced;
            QList<QJsonObject> datasets;
            for (const QJsonValue &value : cj::arr(parseJsonBody(context.http.sourceName(), url, response.body).object(), "graph")) {
                const QJsonObject node = value.toObject();
                const QJsonObject data = cj::obj(node, "data");
                if (cj::str(node, "type") == u"JOB") {
                    out.documents[jobPath(cj::at(data, {"id", "namespace"}), cj::at(data, {"id", "name"}))] = cj::compact(data);
                    for (const QJsonValue &output : cj::arr(data, "outputs"))
                        produced.insert(cj::str(output.toObject(), "namespace") + u'\n' + cj::str(output.toObject(), "name"));
                } else if (cj::str(node, "type") == u"DATASET") {
                    datasets.append(data);
                }
            }
            for (const QJsonObject &dataset : std::as_const(datasets))
                putDataset(context, dataset, produced, out);
        }
        if (out.cursor.isEmpty())
            out.cursor = context.cursor;
        return out;
    }

    static void importDataset(const QString &path, const QJsonObject &o, ImportResult &result)
    {
        Dataset d;
        d.ns = cj::at(o, {"id", "namespace"}).isEmpty() ? cj::str(o, "namespace") : cj::at(o, {"id", "namespace"});
        d.name = cj::at(o, {"id", "name"}).isEmpty() ? cj::str(o, "name") : cj::at(o, {"id", "name"});
        if (d.ns.isEmpty() || d.name.isEmpty()) {
            result.error(path, 0, 0, QStringLiteral("dataset without namespace or name"));
            return;
        }
        d.id = datasetId(d.ns, d.name);
        d.kind = datasetKind(cj::str(o, "type"));
        // The namespace's scheme ("postgres://host:5432"), else the data source facet's, as the
        // OpenLineage file importer reads the same events. Marquez's sourceName is a source's name
        // ("default" when the producer named none, else the data source's name): never a platform.
        d.platform = importers::openlineage::schemeOf(d.ns);
        if (d.platform.isEmpty())
            d.platform = importers::openlineage::schemeOf(cj::at(o, {"facets", "dataSource", "uri"}));
        d.description = cj::str(o, "description");
        for (const QJsonValue &t : cj::arr(o, "tags"))
            d.tags << (t.isObject() ? cj::str(t.toObject(), "name") : cj::text(t));
        for (const QJsonValue &f : cj::arr(o, "fields")) {
            const QJsonObject field = f.toObject();
            DatasetColumn c;
            c.name = cj::str(field, "name");
            c.type = cj::str(field, "type");
            c.description = cj::str(field, "description");
            c.tags = cj::strings(cj::arr(field, "tags"));
            if (!c.name.isEmpty())
                d.columns.append(c);
        }
        for (const QJsonValue &entry : cj::arr(o, "columnLineage")) {
            const QJsonObject column = entry.toObject();
            for (const QJsonValue &input : cj::arr(column, "inputFields")) {
                const QJsonObject in = input.toObject();
                ColumnLineageEdge edge;
                edge.fromDataset = datasetId(cj::str(in, "namespace"), cj::str(in, "dataset"));
                edge.fromColumn = cj::str(in, "field");
                edge.toDataset = d.id;
                edge.toColumn = cj::str(column, "name");
                edge.transformation = cj::str(in, "transformationDescription");
                if (edge.transformation.isEmpty())
                    edge.transformation = cj::str(in, "transformationType");
                result.columnEdges.push_back(edge);
            }
        }
        result.datasets.push_back(d);
    }

    static void importJob(const QJsonObject &o, ImportResult &result)
    {
        Job job;
        job.ns = cj::at(o, {"id", "namespace"}).isEmpty() ? cj::str(o, "namespace") : cj::at(o, {"id", "namespace"});
        job.name = cj::at(o, {"id", "name"}).isEmpty() ? cj::str(o, "name") : cj::at(o, {"id", "name"});
        job.id = job.ns + QLatin1Char('/') + job.name;
        job.kind = cj::str(o, "type").toLower();
        job.description = cj::str(o, "description");
        result.jobs.push_back(job);
        QSet<QString> seen;
        for (const QJsonValue &in : cj::arr(o, "inputs")) {
            const QString from = datasetId(cj::str(in.toObject(), "namespace"), cj::str(in.toObject(), "name"));
            for (const QJsonValue &out : cj::arr(o, "outputs")) {
                const QString to = datasetId(cj::str(out.toObject(), "namespace"), cj::str(out.toObject(), "name"));
                if (from != to && !seen.contains(from + u'\n' + to)) {
                    seen.insert(from + u'\n' + to);
                    result.lineageEdges.push_back({from, to, job.id});
                }
            }
        }
    }

    /// Run documents hold OpenLineage events: their runs and assertion results count; datasets,
    /// jobs and edges come from the dataset and job documents, which say it with Marquez's authority.
    static void importRuns(const QString &path, const QByteArray &content, ImportResult &result)
    {
        ImportResult events = importDocument(path + QStringLiteral(".json"), content);
        result.format = events.format;
        result.runs = std::move(events.runs);
        result.qualityResults = std::move(events.qualityResults);
        for (Diagnostic &d : events.diagnostics) {
            d.file = path;
            result.diagnostics.push_back(d);
        }
    }
};

} // namespace

std::unique_ptr<CatalogAdapter> makeMarquezAdapter()
{
    return std::make_unique<MarquezAdapter>();
}

} // namespace meshscope::catalogs
