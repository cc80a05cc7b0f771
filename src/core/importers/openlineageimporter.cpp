#include "formats.h"
#include "openlineagereader.h"

#include <QFileInfo>


namespace meshscope::importers {

using namespace jsonsupport;

namespace openlineage {

namespace {

QString stateOf(const QString &eventType)
{
    const QString state = eventType.trimmed().toUpper();
    static const QStringList known{QStringLiteral("START"), QStringLiteral("RUNNING"),
                                   QStringLiteral("COMPLETE"), QStringLiteral("FAIL"),
                                   QStringLiteral("ABORT"), QStringLiteral("OTHER")};
    return known.contains(state) ? state : QStringLiteral("OTHER");
}

} // namespace

EventReader::EventReader(const QString &file, ImportResult &result)
    : m_file(file)
    , m_result(result)
    , m_collector(result)
{
}

void EventReader::warn(const EventContext &ctx, const QString &message)
{
    m_result.warning(m_file, ctx.line, 0, QStringLiteral("event %1: ").arg(ctx.index) + message);
}

void EventReader::readEvent(const Json &event, int line, int index)
{
    EventContext ctx;
    ctx.line = line;
    ctx.index = index;
    if (!event.is_object()) {
        warn(ctx, QStringLiteral("is %1, not an object; skipped").arg(typeName(event)));
        return;
    }
    ++m_events;

    const QString eventTime = str(event, "eventTime");
    ctx.time = parseIsoDateTime(eventTime);
    if (eventTime.isEmpty())
        warn(ctx, QStringLiteral("no eventTime"));
    else if (!ctx.time.isValid())
        warn(ctx, QStringLiteral("eventTime '%1' is not an ISO-8601 date-time").arg(eventTime));

    const Json *run = member(event, "run");
    if (run && !run->is_object()) {
        warn(ctx, QStringLiteral("'run' is %1, expected an object; run ignored").arg(typeName(*run)));
        run = nullptr;
    }
    if (run)
        ctx.runId = str(*run, "runId");

    const Json *job = member(event, "job");
    if (job && !job->is_object()) {
        warn(ctx, QStringLiteral("'job' is %1, expected an object; job ignored").arg(typeName(*job)));
        job = nullptr;
    }
    if (job)
        ctx.jobId = readJob(*job, ctx);

    // A DatasetEvent (spec 2-0) carries one dataset and nothing else.
    if (const Json *dataset = objectMember(event, "dataset"); dataset && !job) {
        readDataset(*dataset, "facets", ctx);
        return;
    }
    if (!job)
        warn(ctx, QStringLiteral("no job; its datasets are read without lineage"));

    ctx.inputs = readDatasets(event, "inputs", "inputFacets", ctx);
    const QStringList &inputs = ctx.inputs;
    const QStringList outputs = readDatasets(event, "outputs", "outputFacets", ctx);

    if (!ctx.jobId.isEmpty()) {
        for (const QString &in : inputs) {
            for (const QString &out : outputs)
                m_collector.addEdge(in, out, ctx.jobId);
        }
    }

    if (run) {
        if (ctx.runId.isEmpty()) {
            warn(ctx, QStringLiteral("run without runId; run state not recorded"));
            return;
        }
        RunEvent r;
        r.runId = ctx.runId;
        r.jobId = ctx.jobId;
        r.state = stateOf(str(event, "eventType"));
        r.eventTime = ctx.time;
        r.inputs = inputs;
        r.outputs = outputs;
        m_result.runs.push_back(std::move(r));
    }
}

QString EventReader::readJob(const Json &job, const EventContext &ctx)
{
    Job j;
    j.ns = str(job, "namespace");
    j.name = str(job, "name");
    if (j.ns.isEmpty() || j.name.isEmpty()) {
        warn(ctx, QStringLiteral("job without namespace or name; job ignored"));
        return {};
    }
    j.id = j.ns + QLatin1Char('/') + j.name;
    if (const Json *facets = objectMember(job, "facets")) {
        if (const Json *jobType = objectMember(*facets, "jobType")) {
            j.kind = str(*jobType, "jobType");
            if (j.kind.isEmpty())
                j.kind = str(*jobType, "integration");
        }
        if (const Json *doc = objectMember(*facets, "documentation"))
            j.description = str(*doc, "description");
    }
    const QString id = j.id;
    m_collector.mergeJob(std::move(j));
    return id;
}

QStringList EventReader::readDatasets(const Json &event, const char *key, const char *ioFacetsKey,
                                      const EventContext &ctx)
{
    QStringList ids;
    const Json *list = member(event, key);
    if (!list)
        return ids;
    if (!list->is_array()) {
        warn(ctx, QStringLiteral("'%1' is %2, expected a list; ignored").arg(QLatin1String(key), typeName(*list)));
        return ids;
    }
    ids.reserve(qsizetype(list->size()));
    for (const Json &dataset : *list) {
        if (!dataset.is_object()) {
            warn(ctx, QStringLiteral("an entry of '%1' is %2, not an object; skipped")
                          .arg(QLatin1String(key), typeName(dataset)));
            continue;
        }
        const QString id = readDataset(dataset, ioFacetsKey, ctx);
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    }
    return ids;
}

namespace {

/// At least two lines that hold a whole object each: NDJSON even when its first line is broken.
bool looksLikeNdjson(const QByteArray &bytes)
{
    int objects = 0;
    int lines = 0;
    qsizetype start = 0;
    while (start < bytes.size() && lines < 1000) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        const QByteArray line = bytes.mid(start, end - start).trimmed();
        if (line.startsWith('{') && line.endsWith('}') && ++objects >= 2)
            return true;
        start = end + 1;
        ++lines;
    }
    return false;
}

void readNdjson(const QByteArray &bytes, const QString &file, ImportResult &result, EventReader &reader)
{
    int lineNumber = 0;
    int index = 0;
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        ++lineNumber;
        const char *data = bytes.constData() + start;
        qsizetype size = end - start;
        while (size > 0 && (data[size - 1] == '\r' || data[size - 1] == ' ' || data[size - 1] == '\t'))
            --size;
        start = end + 1;
        if (QByteArrayView(data, size).trimmed().isEmpty())
            continue;
        Json event;
        ++index;
        if (parse(data, size, file, result, event, lineNumber))
            reader.readEvent(event, lineNumber, index);
    }
}

} // namespace

} // namespace openlineage

void importOpenLineage(const QByteArray &bytes, const QString &file, ImportResult &result)
{
    using namespace openlineage;
    EventReader reader(file, result);
    try {
        const QString suffix = QFileInfo(file).suffix().toLower();
        const Shape shape = scanShape(bytes.constData(), bytes.size(), kMaxDepth, true);
        const bool ndjson = suffix == u"ndjson" || suffix == u"jsonl"
            || (shape.rootKind == '{' && (shape.moreAfterFirst || (shape.firstValueEnd < 0 && looksLikeNdjson(bytes))));
        if (ndjson) {
            readNdjson(bytes, file, result, reader);
        } else {
            Json root;
            if (!parse(bytes, file, result, root))
                return;
            const Json *events = root.is_array() ? &root : nullptr;
            // Marquez's lineage API answers {"events": [...]}.
            const bool wrapped = !events && root.is_object() && !member(root, "eventType") && !member(root, "job");
            if (wrapped)
                events = arrayMember(root, "events");
            if (events) {
                const std::vector<TextPosition> places = wrapped
                    ? arrayElementPositions(bytes, {"events"})
                    : positionsOf(bytes, shape.rootElements);
                int index = 0;
                for (const Json &event : *events) {
                    const int line = elementPosition(places, size_t(index)).line;
                    ++index;
                    reader.readEvent(event, line, index);
                }
            } else {
                reader.readEvent(root, 1, 1);
            }
        }
    } catch (const std::exception &e) {
        // Every access is type-checked; this is the last line against a missed one.
        result.error(file, 0, 0, QStringLiteral("OpenLineage events could not be read: ") + QString::fromUtf8(e.what()));
    }
    if (reader.eventCount() == 0 && !result.hasErrors())
        result.warning(file, 0, 0, QStringLiteral("no OpenLineage events found"));
}

} // namespace meshscope::importers
