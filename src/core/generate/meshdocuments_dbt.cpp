#include "meshdocuments.h"
#include "textwriter.h"

#include <algorithm>

namespace meshscope::generate {

namespace {

std::string quotedRelation(const std::string &database, const std::string &schema, const std::string &table)
{
    return '"' + database + "\".\"" + schema + "\".\"" + table + '"';
}

std::string rawSchema(const SynthDomain &domain)
{
    return domain.schema + "_raw";
}

struct NodeIds {
    std::vector<std::string> models;               ///< per product
    std::vector<std::vector<std::string>> sources; ///< per product, one per raw source
};

NodeIds nodeIds(const SyntheticMesh &mesh)
{
    NodeIds ids;
    ids.models.reserve(mesh.products.size());
    ids.sources.resize(mesh.products.size());
    for (size_t i = 0; i < mesh.products.size(); ++i) {
        const SynthProduct &p = mesh.products[i];
        ids.models.push_back("model." + mesh.project + '.' + p.modelName);
        for (const std::string &raw : p.rawSources) {
            ids.sources[i].push_back("source." + mesh.project + '.'
                                     + rawSchema(mesh.domains[static_cast<size_t>(p.domain)]) + '.' + raw);
        }
    }
    return ids;
}

void writeMetadata(JsonWriter &j, const SyntheticMesh &mesh)
{
    Random rng = mesh.documentRandom(ManifestStream, 0);
    j.key("metadata");
    j.beginObject();
    j.field("dbt_schema_version", "https://schemas.getdbt.com/dbt/manifest/v12.json");
    j.field("dbt_version", "1.8.7");
    j.field("generated_at", isoTime(mesh.referenceTime));
    j.field("invocation_id", rng.uuid());
    j.emptyObject("env");
    j.field("project_name", mesh.project);
    std::string projectId = rng.uuid();
    projectId.erase(std::remove(projectId.begin(), projectId.end(), '-'), projectId.end());
    j.field("project_id", projectId);
    j.key("user_id");
    j.null();
    j.key("send_anonymous_usage_stats");
    j.boolean(false);
    j.field("adapter_type", "postgres");
    j.endObject();
}

void writeModel(JsonWriter &j, const SyntheticMesh &mesh, size_t index, const NodeIds &ids)
{
    const SynthProduct &p = mesh.products[index];
    const SynthDomain &domain = mesh.domains[static_cast<size_t>(p.domain)];
    const std::string path = domain.schema + '/' + p.modelName + ".sql";
    const std::vector<std::string> tags{p.subject, domainTypeName(p.type).toStdString()};

    j.key(ids.models[index]);
    j.beginObject();
    j.field("database", mesh.database);
    j.field("schema", domain.schema);
    j.field("name", p.modelName);
    j.field("resource_type", "model");
    j.field("package_name", mesh.project);
    j.field("path", path);
    j.field("original_file_path", "models/" + path);
    j.field("unique_id", ids.models[index]);
    j.stringArray("fqn", {mesh.project, domain.schema, p.modelName});
    j.field("alias", p.table);
    j.key("checksum");
    j.beginObject();
    j.field("name", "none");
    j.field("checksum", "");
    j.endObject();

    j.key("config");
    j.beginObject();
    j.key("enabled");
    j.boolean(true);
    j.field("alias", p.table);
    j.field("schema", domain.schema);
    j.field("materialized", "table");
    j.stringArray("tags", tags);
    j.key("meta");
    j.beginObject();
    j.field("data_product", p.id);
    j.endObject();
    j.key("contract");
    j.beginObject();
    j.key("enforced");
    j.boolean(false);
    j.key("alias_types");
    j.boolean(true);
    j.endObject();
    j.field("access", "public");
    j.endObject();

    j.stringArray("tags", tags);
    j.field("description", p.name + " (data product " + p.id + ").");
    j.key("columns");
    j.beginObject();
    for (const SynthColumn &c : p.objects.front().columns) {
        j.key(c.kind->name);
        j.beginObject();
        j.field("name", c.kind->name);
        j.field("description", c.kind->description);
        j.emptyObject("meta");
        j.field("data_type", c.kind->physicalType);
        j.emptyArray("constraints");
        j.key("quote");
        j.null();
        j.emptyArray("tags");
        j.endObject();
    }
    j.endObject();
    j.key("meta");
    j.beginObject();
    j.field("data_product", p.id);
    j.endObject();
    j.key("group");
    j.null();
    j.key("docs");
    j.beginObject();
    j.key("show");
    j.boolean(true);
    j.key("node_color");
    j.null();
    j.endObject();
    j.key("created_at");
    j.real(static_cast<double>(mesh.referenceTime));
    j.field("relation_name", quotedRelation(mesh.database, domain.schema, p.table));

    std::string sql = "select *\nfrom ";
    for (size_t i = 0; i < p.inputs.size(); ++i) {
        sql += i ? ",\n     {{ ref('" : "{{ ref('";
        sql += mesh.products[static_cast<size_t>(p.inputs[i])].modelName + "') }}";
    }
    for (size_t i = 0; i < p.rawSources.size(); ++i) {
        sql += (i || !p.inputs.empty()) ? ",\n     {{ source('" : "{{ source('";
        sql += rawSchema(domain) + "', '" + p.rawSources[i] + "') }}";
    }
    j.field("raw_code", sql);
    j.field("language", "sql");

    j.key("refs");
    j.beginArray();
    for (int input : p.inputs) {
        j.beginObject();
        j.field("name", mesh.products[static_cast<size_t>(input)].modelName);
        j.key("package");
        j.null();
        j.key("version");
        j.null();
        j.endObject();
    }
    j.endArray();
    j.key("sources");
    j.beginArray();
    for (const std::string &raw : p.rawSources) {
        j.beginArray();
        j.value(rawSchema(domain));
        j.value(raw);
        j.endArray();
    }
    j.endArray();
    j.emptyArray("metrics");

    std::vector<std::string> parents;
    for (int input : p.inputs)
        parents.push_back(ids.models[static_cast<size_t>(input)]);
    parents.insert(parents.end(), ids.sources[index].begin(), ids.sources[index].end());
    j.key("depends_on");
    j.beginObject();
    j.emptyArray("macros");
    j.stringArray("nodes", parents);
    j.endObject();
    j.field("access", "public");
    j.emptyArray("constraints");
    j.key("version");
    j.null();
    j.key("latest_version");
    j.null();
    j.key("deprecation_date");
    j.null();
    j.endObject();
}

void writeSource(JsonWriter &j, const SyntheticMesh &mesh, size_t index, size_t rawIndex, const NodeIds &ids)
{
    const SynthProduct &p = mesh.products[index];
    const SynthDomain &domain = mesh.domains[static_cast<size_t>(p.domain)];
    const std::string &id = ids.sources[index][rawIndex];
    const std::string &table = p.rawSources[rawIndex];
    const std::string schema = rawSchema(domain);
    const std::string path = "models/" + domain.schema + "/sources.yml";

    j.key(id);
    j.beginObject();
    j.field("database", mesh.database);
    j.field("schema", schema);
    j.field("name", table);
    j.field("resource_type", "source");
    j.field("package_name", mesh.project);
    j.field("path", path);
    j.field("original_file_path", path);
    j.field("unique_id", id);
    j.stringArray("fqn", {mesh.project, domain.schema, schema, table});
    j.field("source_name", schema);
    j.field("source_description", "Raw tables loaded from the " + domain.displayName + " systems.");
    j.field("loader", "fivetran");
    j.field("identifier", table);
    j.key("loaded_at_field");
    j.null();
    j.key("external");
    j.null();
    j.field("description", "");
    j.emptyObject("columns");
    j.emptyObject("meta");
    j.emptyObject("source_meta");
    j.emptyArray("tags");
    j.key("config");
    j.beginObject();
    j.key("enabled");
    j.boolean(true);
    j.endObject();
    j.field("relation_name", quotedRelation(mesh.database, schema, table));
    j.key("created_at");
    j.real(static_cast<double>(mesh.referenceTime));
    j.endObject();
}

/// parent_map or child_map: every node, with its neighbours sorted as dbt writes them.
void writeMap(JsonWriter &j, const char *name, const SyntheticMesh &mesh, const NodeIds &ids, bool parents)
{
    std::vector<std::vector<std::string>> children(mesh.products.size());
    if (!parents) {
        for (size_t i = 0; i < mesh.products.size(); ++i)
            for (int input : mesh.products[i].inputs)
                children[static_cast<size_t>(input)].push_back(ids.models[i]);
    }
    j.key(name);
    j.beginObject();
    for (size_t i = 0; i < mesh.products.size(); ++i) {
        std::vector<std::string> list;
        if (parents) {
            for (int input : mesh.products[i].inputs)
                list.push_back(ids.models[static_cast<size_t>(input)]);
            list.insert(list.end(), ids.sources[i].begin(), ids.sources[i].end());
        } else {
            list = std::move(children[i]);
        }
        std::sort(list.begin(), list.end());
        j.stringArray(ids.models[i], list);
    }
    for (size_t i = 0; i < mesh.products.size(); ++i) {
        for (const std::string &source : ids.sources[i]) {
            if (parents)
                j.stringArray(source, {});
            else
                j.stringArray(source, {ids.models[i]});
        }
    }
    j.endObject();
}

/// Every other product gets a metric: four in five a simple metric over a semantic model of the product's
/// model (one measure, one dimension, one entity), the fifth a derived metric over the two simple metrics
/// before it. 10,000 products make 5,000 metrics.
struct MetricPlan {
    size_t product;
    bool derived;
};

std::vector<MetricPlan> metricPlan(const SyntheticMesh &mesh)
{
    std::vector<MetricPlan> plan;
    for (size_t i = 0; i < mesh.products.size(); i += 2) {
        const size_t n = plan.size();
        plan.push_back({i, n % 5 == 4});
    }
    return plan;
}

std::string simpleMetricName(const SynthProduct &p)
{
    return p.modelName + "_rows";
}

void writeSemanticModels(JsonWriter &j, const SyntheticMesh &mesh, const std::vector<MetricPlan> &plan, const NodeIds &ids)
{
    j.key("semantic_models");
    j.beginObject();
    for (const MetricPlan &m : plan) {
        if (m.derived)
            continue;
        const SynthProduct &p = mesh.products[m.product];
        const std::string id = "semantic_model." + mesh.project + '.' + p.modelName;
        j.key(id);
        j.beginObject();
        j.field("name", p.modelName);
        j.field("resource_type", "semantic_model");
        j.field("unique_id", id);
        j.field("model", "ref('" + p.modelName + "')");
        j.field("description", "Rows of " + p.name + ".");
        j.key("entities");
        j.beginArray();
        j.beginObject();
        j.field("name", p.modelName + "_key");
        j.field("type", "primary");
        j.field("expr", std::string(p.objects.front().columns.front().kind->name));
        j.endObject();
        j.endArray();
        j.key("measures");
        j.beginArray();
        j.beginObject();
        j.field("name", simpleMetricName(p));
        j.field("agg", "count");
        j.field("expr", "1");
        j.endObject();
        j.endArray();
        j.key("dimensions");
        j.beginArray();
        j.beginObject();
        j.field("name", "loaded_at");
        j.field("type", "time");
        j.endObject();
        j.endArray();
        j.key("depends_on");
        j.beginObject();
        j.emptyArray("macros");
        j.stringArray("nodes", {ids.models[m.product]});
        j.endObject();
        j.endObject();
    }
    j.endObject();
}

void writeMetrics(JsonWriter &j, const SyntheticMesh &mesh, const std::vector<MetricPlan> &plan)
{
    j.key("metrics");
    j.beginObject();
    std::vector<std::string> simple; ///< names of the simple metrics so far
    for (const MetricPlan &m : plan) {
        const SynthProduct &p = mesh.products[m.product];
        const std::string name = m.derived ? p.modelName + "_share" : simpleMetricName(p);
        const std::string id = "metric." + mesh.project + '.' + name;
        j.key(id);
        j.beginObject();
        j.field("name", name);
        j.field("resource_type", "metric");
        j.field("unique_id", id);
        j.field("label", p.name + (m.derived ? " share" : " rows"));
        j.field("description", m.derived ? "Share of two row counts." : "Rows loaded into " + p.name + ".");
        j.key("meta");
        j.beginObject();
        j.field("domain", mesh.domains[static_cast<size_t>(p.domain)].id);
        j.field("owner", p.owner);
        j.endObject();
        j.field("type", m.derived ? "derived" : "simple");
        j.key("type_params");
        j.beginObject();
        if (m.derived) { // n % 5 == 4: four simple metrics came before
            const std::string &a = simple[simple.size() - 2];
            const std::string &b = simple.back();
            j.field("expr", a + " / " + b);
            j.key("metrics");
            j.beginArray();
            for (const std::string *input : {&a, &b}) {
                j.beginObject();
                j.field("name", *input);
                j.endObject();
            }
            j.endArray();
            j.endObject();
            j.key("depends_on");
            j.beginObject();
            j.stringArray("nodes", {"metric." + mesh.project + '.' + a, "metric." + mesh.project + '.' + b});
            j.endObject();
        } else {
            j.key("measure");
            j.beginObject();
            j.field("name", simpleMetricName(p));
            j.endObject();
            j.endObject();
            j.key("depends_on");
            j.beginObject();
            j.stringArray("nodes", {"semantic_model." + mesh.project + '.' + p.modelName});
            j.endObject();
            simple.push_back(name);
        }
        j.endObject();
    }
    j.endObject();
}

} // namespace

int metricCount(const SyntheticMesh &mesh)
{
    return static_cast<int>(metricPlan(mesh).size());
}

std::string dbtManifest(const SyntheticMesh &mesh)
{
    const NodeIds ids = nodeIds(mesh);
    JsonWriter j;
    j.reserve(mesh.products.size() * 3000 + 4096);
    j.beginObject();
    writeMetadata(j, mesh);
    j.key("nodes");
    j.beginObject();
    for (size_t i = 0; i < mesh.products.size(); ++i)
        writeModel(j, mesh, i, ids);
    j.endObject();
    j.key("sources");
    j.beginObject();
    for (size_t i = 0; i < mesh.products.size(); ++i)
        for (size_t r = 0; r < mesh.products[i].rawSources.size(); ++r)
            writeSource(j, mesh, i, r, ids);
    j.endObject();
    for (const char *empty : {"macros", "docs", "exposures"})
        j.emptyObject(empty);
    const std::vector<MetricPlan> plan = metricPlan(mesh);
    writeMetrics(j, mesh, plan);
    for (const char *empty : {"groups", "selectors", "disabled"})
        j.emptyObject(empty);
    writeMap(j, "parent_map", mesh, ids, true);
    writeMap(j, "child_map", mesh, ids, false);
    for (const char *empty : {"group_map", "saved_queries"})
        j.emptyObject(empty);
    writeSemanticModels(j, mesh, plan, ids);
    j.emptyObject("unit_tests");
    j.endObject();
    j.newline();
    return j.take();
}

} // namespace meshscope::generate
