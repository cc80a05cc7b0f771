#include "meshdocuments.h"
#include "textwriter.h"

namespace meshscope::generate {

namespace {

std::string archetypeName(DomainType type)
{
    return domainTypeName(type).toStdString();
}

std::string lowerFirst(std::string text)
{
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z')
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

std::string upstreamCount(size_t n)
{
    return std::to_string(n) + (n == 1 ? " upstream data product" : " upstream data products");
}

std::string productPurpose(const SyntheticMesh &mesh, const SynthProduct &p)
{
    const SynthDomain &domain = mesh.domains[static_cast<size_t>(p.domain)];
    switch (p.type) {
    case DomainType::Aggregate:
        return p.name + " combined from " + upstreamCount(p.inputs.size()) + " into one shared view for the "
            + domain.displayName + " domain.";
    case DomainType::ConsumerAligned:
        return p.name + " prepared for reporting and analytics by the " + domain.displayName
            + " domain, built on " + upstreamCount(p.inputs.size()) + '.';
    default:
        return p.name + " as recorded by the " + domain.displayName
            + " operational systems, cleansed and published to the mesh.";
    }
}

} // namespace

std::string domainDocument(const SyntheticMesh &mesh, const SynthDomain &domain)
{
    YamlWriter y;
    y.reserve(512);
    y.field("apiVersion", "meshscope.io/v1");
    y.field("kind", "Domain");
    y.key("metadata");
    y.beginMap();
    y.field("name", domain.id);
    if (domain.parent >= 0)
        y.field("parent", mesh.domains[static_cast<size_t>(domain.parent)].id);
    y.endMap();
    y.key("spec");
    y.beginMap();
    y.field("displayName", domain.displayName);
    y.field("type", archetypeName(domain.type));
    y.field("owner", domain.owner);
    y.field("description", "Data products owned by the " + domain.displayName + " team ("
                               + std::to_string(domain.products.size()) + " in this mesh).");
    y.endMap();
    return y.take();
}

std::string productDocument(const SyntheticMesh &mesh, size_t productIndex)
{
    const SynthProduct &p = mesh.products[productIndex];
    const SynthDomain &domain = mesh.domains[static_cast<size_t>(p.domain)];
    Random rng = mesh.documentRandom(ProductDocumentStream, productIndex);

    YamlWriter y;
    y.reserve(2048);
    y.field("apiVersion", "v1.0.0");
    y.field("kind", "DataProduct");
    y.field("id", p.id);
    y.field("name", p.name);
    y.field("version", p.version);
    y.field("status", p.status);
    y.field("domain", domain.id);
    y.key("description");
    y.beginMap();
    y.field("purpose", productPurpose(mesh, p));
    y.endMap();
    std::vector<std::string> tags{p.subject, archetypeName(p.type)};
    for (const SynthColumn &c : p.objects.front().columns) {
        if (c.kind->classification == "restricted") {
            tags.push_back("pii");
            break;
        }
    }
    y.list("tags", tags);

    y.key("team");
    y.beginMap();
    y.field("name", domain.owner);
    y.key("members");
    y.beginItem();
    y.field("username", p.owner);
    y.field("role", "owner");
    y.endItem();
    const std::string &other = domain.people[rng.below(domain.people.size())];
    if (other != p.owner) {
        y.beginItem();
        y.field("username", other);
        y.field("role", "data steward");
        y.endItem();
    }
    y.endMap();

    if (!p.inputs.empty()) {
        y.key("inputPorts");
        for (int input : p.inputs) {
            const SynthProduct &up = mesh.products[static_cast<size_t>(input)];
            y.beginItem();
            y.field("name", up.id);
            y.field("version", up.version);
            y.field("contractId", up.contractId);
            y.endItem();
        }
    }
    y.key("outputPorts");
    y.beginItem();
    y.field("name", p.table);
    y.field("description", p.name + " as PostgreSQL tables in the " + domain.schema + " schema.");
    y.field("type", "tables");
    y.field("version", p.version);
    y.field("contractId", p.contractId);
    y.endItem();
    return y.take();
}

namespace {

void writeQualityRule(YamlWriter &y, const char *metric, const char *dimension, const char *op,
                      long long threshold, const std::string &description)
{
    y.beginItem();
    y.field("metric", metric);
    y.number(op, threshold);
    y.field("type", "library");
    y.field("dimension", dimension);
    y.field("severity", "error");
    y.field("description", description);
    y.endItem();
}

void writeProperty(YamlWriter &y, const SynthColumn &column, bool key)
{
    const vocabulary::ColumnKind &kind = *column.kind;
    y.beginItem();
    y.field("name", kind.name);
    y.field("logicalType", kind.logicalType);
    y.field("physicalType", kind.physicalType);
    y.boolean("required", column.required);
    if (key) {
        y.boolean("unique", true);
        y.boolean("primaryKey", true);
        y.number("primaryKeyPosition", 1);
    }
    y.field("classification", kind.classification);
    y.field("description", kind.description);
    if (key) {
        y.key("quality");
        writeQualityRule(y, "nullValues", "completeness", "mustBe", 0, "The key is never null.");
        writeQualityRule(y, "duplicateValues", "uniqueness", "mustBe", 0, "The key is unique.");
    }
    y.endItem();
}

} // namespace

std::string contractDocument(const SyntheticMesh &mesh, size_t productIndex)
{
    const SynthProduct &p = mesh.products[productIndex];
    const SynthDomain &domain = mesh.domains[static_cast<size_t>(p.domain)];
    Random rng = mesh.documentRandom(ContractDocumentStream, productIndex);

    YamlWriter y;
    y.reserve(4096);
    y.field("apiVersion", "v3.1.0");
    y.field("kind", "DataContract");
    y.field("id", p.contractId);
    y.field("name", p.table);
    y.field("version", p.version);
    y.field("status", "active");
    y.field("domain", domain.id);
    y.field("dataProduct", p.id);
    y.key("description");
    y.beginMap();
    y.field("purpose", "Provides " + lowerFirst(p.name) + " for consumers of the " + p.id
                           + " data product.");
    y.field("usage", "Read from the " + domain.schema + " schema of the mesh warehouse.");
    y.endMap();
    y.list("tags", {p.subject, domain.id});

    y.key("servers");
    y.beginItem();
    y.field("server", "warehouse");
    y.field("type", "postgres");
    y.field("host", "warehouse");
    y.number("port", 5432);
    y.field("database", mesh.database);
    y.field("schema", domain.schema);
    y.endItem();

    y.key("schema");
    for (size_t o = 0; o < p.objects.size(); ++o) {
        const SynthObject &object = p.objects[o];
        y.beginItem();
        y.field("name", object.physicalName);
        y.field("physicalName", object.physicalName);
        y.field("physicalType", "table");
        y.field("logicalType", "object");
        y.field("description", o == 0 ? p.name + ", one row per record."
                                      : p.name + ", " + object.physicalName.substr(p.table.size() + 1)
                                            + " view.");
        y.key("properties");
        for (size_t c = 0; c < object.columns.size(); ++c)
            writeProperty(y, object.columns[c], c == 0);
        if (o == 0) {
            y.key("quality");
            writeQualityRule(y, "rowCount", "completeness", "mustBeGreaterThan", 0,
                             "The table is never empty after a load.");
        }
        y.endItem();
    }

    y.key("slaProperties");
    y.beginItem();
    y.field("property", "latency");
    y.number("value", rng.between(1, 24));
    y.field("unit", "h");
    y.field("element", p.table);
    y.endItem();
    y.beginItem();
    y.field("property", "availability");
    static const char *const availability[] = {"99.0%", "99.5%", "99.9%", "99.95%"};
    y.field("value", availability[rng.below(4)]);
    y.endItem();
    y.beginItem();
    y.field("property", "frequency");
    y.number("value", 1);
    y.field("unit", rng.chance(0.8) ? "d" : "h");
    y.endItem();
    return y.take();
}

} // namespace meshscope::generate
