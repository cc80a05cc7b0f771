#include "meshdocuments.h"
#include "textwriter.h"

#include <algorithm>

namespace meshscope::generate {

namespace {

constexpr const char *kSchemaUrl = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
constexpr const char *kFacetBase = "https://openlineage.io/spec/facets/";

/// A table as OpenLineage names it ("mesh.<schema>.<table>"), with the columns it has.
struct Table {
    std::string name;
    const std::vector<SynthColumn> *columns = nullptr;
};

void facetHeader(JsonWriter &j, const char *facet)
{
    j.field("_producer", kProducer);
    j.field("_schemaURL", std::string(kFacetBase) + facet);
}

void writeJob(JsonWriter &j, const SyntheticMesh &mesh, const std::string &jobName, bool withFacets)
{
    j.key("job");
    j.beginObject();
    j.field("namespace", mesh.project);
    j.field("name", jobName);
    if (withFacets) {
        j.key("facets");
        j.beginObject();
        j.key("jobType");
        j.beginObject();
        facetHeader(j, "2-0-3/JobTypeJobFacet.json");
        j.field("processingType", "BATCH");
        j.field("integration", "DBT");
        j.field("jobType", "MODEL");
        j.endObject();
        j.endObject();
    }
    j.endObject();
}

void writeSchemaFacet(JsonWriter &j, const std::vector<SynthColumn> &columns)
{
    j.key("schema");
    j.beginObject();
    facetHeader(j, "1-1-1/SchemaDatasetFacet.json");
    j.key("fields");
    j.beginArray();
    for (const SynthColumn &c : columns) {
        j.beginObject();
        j.field("name", c.kind->name);
        j.field("type", c.kind->physicalType);
        j.field("description", c.kind->description);
        j.endObject();
    }
    j.endArray();
    j.endObject();
}

/// Output columns mapped to the input column of the same name when an input has one, else to
/// the first input's key: coarse, but it gives the column graph real cross-product paths.
void writeColumnLineage(JsonWriter &j, const Table &output, const std::vector<Table> &inputs)
{
    j.key("columnLineage");
    j.beginObject();
    facetHeader(j, "1-0-1/ColumnLineageDatasetFacet.json");
    j.key("fields");
    j.beginObject();
    for (const SynthColumn &c : *output.columns) {
        const Table *from = &inputs.front();
        std::string_view field = vocabulary::keyColumn().name;
        bool identity = false;
        for (const Table &in : inputs) {
            const auto it = std::find_if(in.columns->begin(), in.columns->end(),
                                         [&](const SynthColumn &x) { return x.kind->name == c.kind->name; });
            if (it != in.columns->end()) {
                from = &in;
                field = c.kind->name;
                identity = true;
                break;
            }
        }
        j.key(c.kind->name);
        j.beginObject();
        j.key("inputFields");
        j.beginArray();
        j.beginObject();
        j.field("namespace", kWarehouseNamespace);
        j.field("name", from->name);
        j.field("field", field);
        j.endObject();
        j.endArray();
        j.field("transformationType", identity ? "IDENTITY" : "TRANSFORMATION");
        j.endObject();
    }
    j.endObject();
    j.endObject();
}

void writeAssertions(JsonWriter &j, Random &rng)
{
    j.key("dataQualityAssertions");
    j.beginObject();
    facetHeader(j, "1-0-1/DataQualityAssertionsDatasetFacet.json");
    j.key("assertions");
    j.beginArray();
    static const char *const checks[][2] = {{"not_null", "id"}, {"unique", "id"}, {"row_count_above_zero", nullptr}};
    for (const auto &check : checks) {
        j.beginObject();
        j.field("assertion", check[0]);
        j.key("success");
        j.boolean(!rng.chance(0.08));
        if (check[1])
            j.field("column", check[1]);
        j.endObject();
    }
    j.endArray();
    j.endObject();
}

/// One job of the mesh as its run events describe it.
struct JobRuns {
    std::string name;
    Table output;
    std::vector<Table> inputs;
    bool withColumnLineage = false;
};

std::string startEvent(const SyntheticMesh &mesh, const JobRuns &job, const std::string &runId, qint64 start)
{
    JsonWriter j;
    j.beginObject();
    j.field("eventType", "START");
    j.field("eventTime", isoTime(start));
    j.key("run");
    j.beginObject();
    j.field("runId", runId);
    j.key("facets");
    j.beginObject();
    j.key("nominalTime");
    j.beginObject();
    facetHeader(j, "1-0-1/NominalTimeRunFacet.json");
    j.field("nominalStartTime", isoTime(start - start % 3600));
    j.endObject();
    j.endObject();
    j.endObject();
    writeJob(j, mesh, job.name, true);
    j.key("inputs");
    j.beginArray();
    for (const Table &in : job.inputs) {
        j.beginObject();
        j.field("namespace", kWarehouseNamespace);
        j.field("name", in.name);
        j.endObject();
    }
    j.endArray();
    j.key("outputs");
    j.beginArray();
    j.beginObject();
    j.field("namespace", kWarehouseNamespace);
    j.field("name", job.output.name);
    j.key("facets");
    j.beginObject();
    writeSchemaFacet(j, *job.output.columns);
    if (job.withColumnLineage)
        writeColumnLineage(j, job.output, job.inputs);
    j.endObject();
    j.endObject();
    j.endArray();
    j.field("producer", kProducer);
    j.field("schemaURL", kSchemaUrl);
    j.endObject();
    return j.take();
}

/// COMPLETE or FAIL: the assertions checked on the inputs, and for a success the row count.
std::string endEvent(const SyntheticMesh &mesh, const JobRuns &job, const std::string &runId, qint64 end,
                     bool failed, Random &rng)
{
    JsonWriter j;
    j.beginObject();
    j.field("eventType", failed ? "FAIL" : "COMPLETE");
    j.field("eventTime", isoTime(end));
    j.key("run");
    j.beginObject();
    j.field("runId", runId);
    if (failed) {
        j.key("facets");
        j.beginObject();
        j.key("errorMessage");
        j.beginObject();
        facetHeader(j, "1-0-1/ErrorMessageRunFacet.json");
        j.field("message", "relation \"" + job.output.name + "\" could not be refreshed: upstream load incomplete");
        j.field("programmingLanguage", "SQL");
        j.endObject();
        j.endObject();
    }
    j.endObject();
    writeJob(j, mesh, job.name, false);
    j.key("inputs");
    j.beginArray();
    for (const Table &in : job.inputs) {
        j.beginObject();
        j.field("namespace", kWarehouseNamespace);
        j.field("name", in.name);
        j.key("inputFacets");
        j.beginObject();
        writeAssertions(j, rng);
        j.endObject();
        j.endObject();
    }
    j.endArray();
    j.key("outputs");
    j.beginArray();
    j.beginObject();
    j.field("namespace", kWarehouseNamespace);
    j.field("name", job.output.name);
    if (!failed) {
        j.key("outputFacets");
        j.beginObject();
        j.key("outputStatistics");
        j.beginObject();
        facetHeader(j, "1-0-2/OutputStatisticsOutputDatasetFacet.json");
        j.field("rowCount", static_cast<long long>(rng.between(1000, 5000000)));
        j.endObject();
        j.endObject();
    }
    j.endObject();
    j.endArray();
    j.field("producer", kProducer);
    j.field("schemaURL", kSchemaUrl);
    j.endObject();
    return j.take();
}

JobRuns jobOf(const SyntheticMesh &mesh, const SynthProduct &p)
{
    const SynthDomain &domain = mesh.domains[static_cast<size_t>(p.domain)];
    const std::string prefix = mesh.database + '.';
    JobRuns job;
    job.name = domain.schema + '.' + p.table;
    job.output = {prefix + domain.schema + '.' + p.table, &p.objects.front().columns};
    for (int input : p.inputs) {
        const SynthProduct &up = mesh.products[static_cast<size_t>(input)];
        job.inputs.push_back({prefix + mesh.domains[static_cast<size_t>(up.domain)].schema + '.' + up.table,
                              &up.objects.front().columns});
    }
    // Raw tables are loaded as-is, so they carry the product's own columns.
    for (const std::string &raw : p.rawSources)
        job.inputs.push_back({prefix + domain.schema + "_raw." + raw, &p.objects.front().columns});
    return job;
}

struct TimedEvent {
    qint64 time;
    size_t order; ///< generation order, to keep the sort stable and so deterministic
    std::string line;
};

} // namespace

std::string openLineageEvents(const SyntheticMesh &mesh, int runsPerJob, int *eventCount)
{
    std::vector<TimedEvent> events;
    for (size_t index = 0; index < mesh.products.size(); ++index) {
        const SynthProduct &p = mesh.products[index];
        if (!p.emitsEvents)
            continue;
        Random rng = mesh.documentRandom(EventStream, index);
        JobRuns job = jobOf(mesh, p);
        job.withColumnLineage = !job.inputs.empty() && rng.chance(0.3);
        // A daily job at a fixed time of day, each run a day apart, all before the reference time.
        const qint64 timeOfDay = rng.between(0, 21) * 3600 + rng.between(0, 59) * 60;
        for (int run = 0; run < runsPerJob; ++run) {
            const qint64 start = mesh.referenceTime - static_cast<qint64>(runsPerJob - run) * 86400 + timeOfDay;
            const qint64 end = start + rng.between(60, 2400);
            const std::string runId = rng.uuid();
            const bool failed = rng.chance(0.06);
            events.push_back({start, events.size(), startEvent(mesh, job, runId, start)});
            events.push_back({end, events.size(), endEvent(mesh, job, runId, end, failed, rng)});
        }
    }

    std::sort(events.begin(), events.end(), [](const TimedEvent &a, const TimedEvent &b) {
        return a.time != b.time ? a.time < b.time : a.order < b.order;
    });
    size_t bytes = 0;
    for (const TimedEvent &e : events)
        bytes += e.line.size() + 1;
    std::string out;
    out.reserve(bytes);
    for (const TimedEvent &e : events) {
        out += e.line;
        out += '\n';
    }
    if (eventCount)
        *eventCount = static_cast<int>(events.size());
    return out;
}

} // namespace meshscope::generate
