#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

/// The normalized internal model every importer produces and every service reads.
/// Plain structs (hotspot's src/models/data.h style): no behaviour beyond small helpers.
namespace meshscope {

enum class DomainType { Unknown, SourceAligned, ConsumerAligned, Aggregate };

/// "source-aligned", "consumer-aligned", "aggregate" or "" for Unknown.
QString domainTypeName(DomainType type);
/// Accepts the spellings found in the wild: "source-aligned", "sourceAligned", "source_aligned",
/// "source", "consumer", "aggregate", "aggregated" (case-insensitive). Unknown otherwise.
DomainType parseDomainType(const QString &text);

struct Domain {
    QString id; ///< lower-case slug, e.g. "orders"
    QString name;
    DomainType type = DomainType::Unknown;
    QString parentId; ///< sub-domains name their parent; empty for top level
    QString description;
    QString owner;
};

struct Person {
    QString username;
    QString name;
    QString email;
    QString role;
};

struct Team {
    QString id;
    QString name;
    QString domainId;
    QString description;
    QList<Person> members;
};

/// A data product's input or output port.
struct Port {
    QString id;
    QString name;
    QString type;       ///< e.g. "tables", "kafka", "snowflake", "Glue"
    QString technology; ///< platform or server type when stated separately from type
    QString location;   ///< table, topic, URL or ARN as the document states it
    QString contractId; ///< links to Contract::id
    QString version;
    QString description;
    QString sourceProductId; ///< input ports: the producing product when the document names it
    QStringList tags;
};

/// One service-level promise: an ODCS slaProperty or a product manifest `slo` entry.
struct ServiceLevel {
    QString property; ///< freshness, availability, latency, retention, frequency, completeness, ...
    QString value;    ///< as written ("99.9%", "15m", "4")
    QString unit;     ///< "d", "h", "%", ... when given separately
    QString element;  ///< the object.property it applies to, when given
};

/// A yes/no that a document may also leave unsaid. Policies tell the two apart: a field with no `pii`
/// key has not been classified, which is not the same as `pii: false`.
enum class Stated : signed char { NotStated = -1, No = 0, Yes = 1 };
inline Stated stated(bool value) { return value ? Stated::Yes : Stated::No; }

/// A field in a product manifest's own schema (the seeds' `spec.schema.fields`).
struct SchemaField {
    QString name;
    QString type;
    QString description;
    bool required = false;
    Stated pii = Stated::NotStated; ///< the field's `pii` key: true, false or absent
    QString classification;
    QString governance; ///< e.g. "hash-before-publish"
    QStringList tags;
};

struct DataProduct {
    QString id;
    QString name;
    QString domainId;
    DomainType domainType = DomainType::Unknown; ///< the archetype when the document states it
    QString owner;   ///< e-mail or team handle as written
    QString teamId;
    QString status;
    QString version;
    QString description; ///< Markdown
    QString specFormat;  ///< "odps", "dps", "manifest", "datahub"
    QStringList tags;
    QList<Port> inputPorts;
    QList<Port> outputPorts;
    QList<ServiceLevel> slos;
    QList<SchemaField> fields;
    QStringList lineageSources; ///< upstream dataset or product ids named by the manifest
    QJsonObject custom;         ///< links, custom properties, anything else worth showing
    int line = 0;
};

struct QualityRule {
    QString id;
    QString name;
    QString type;      ///< library, sql, custom, text
    QString metric;    ///< nullValues, rowCount, duplicateValues, ... (ODCS `metric`/`rule`)
    QString dimension; ///< completeness, accuracy, ...
    QString severity;
    QString description;
    QString query;
    QString schedule;
    QString element; ///< "object" or "object.property" the rule is attached to
    QJsonObject thresholds; ///< mustBe, mustBeGreaterThan, mustBeBetween, ...
    int line = 0;
    QJsonObject custom; ///< businessImpact, method, scheduler, arguments, engine, implementation, ...
};

struct ContractProperty {
    QString id;
    QString name;
    QString physicalName;
    QString businessName;
    QString logicalType;
    QString physicalType;
    QString description;
    QString classification;
    bool required = false;
    bool unique = false;
    bool primaryKey = false;
    int primaryKeyPosition = -1;
    bool pii = false;        ///< stated by a flag or PII custom property, else implied by a tag
    bool piiStated = false;  ///< a `pii` flag or PII custom property says yes or no (not only implied)
    bool criticalDataElement = false;
    QStringList tags;
    QStringList examples;
    QJsonObject constraints; ///< minLength, maxLength, minimum, maximum, pattern, format, enum
    QList<QualityRule> quality;
    QList<ContractProperty> properties; ///< nested object fields / array items
    QJsonObject custom;
    int line = 0;
};

struct Relationship {
    QString type;
    QStringList from;
    QStringList to;
};

struct SchemaObject {
    QString id;
    QString name;
    QString physicalName;
    QString physicalType;
    QString businessName;
    QString description;
    QStringList tags;
    QList<ContractProperty> properties;
    QList<QualityRule> quality;
    QList<Relationship> relationships;
    int line = 0;
    QJsonObject custom; ///< dataGranularityDescription, customProperties, examples, ...
};

struct Server {
    QString server;
    QString type;
    QString environment;
    QString description;
    QJsonObject details; ///< host, port, database, schema, location, format, ...
};

struct ContractRole {
    QString role;
    QString access;
    QString firstLevelApprovers;
    QString secondLevelApprovers;
};

struct SupportChannel {
    QString channel;
    QString tool;
    QString url;
    QString scope;
};

/// A data contract, ODCS v3 shaped. DCS documents are mapped onto the same structure.
struct Contract {
    QString id;
    QString version;
    QString status;
    QString name;        ///< ODCS `name`, else `dataProduct`, else DCS info.title
    QString dataProduct; ///< ODCS `dataProduct`
    QString domainId;
    QString apiVersion;
    QString specFormat; ///< "odcs" or "dcs"
    QString description; ///< purpose/usage/limitations joined as Markdown
    QString owner;
    QString teamName;
    QString noticePeriod; ///< ISO 8601 duration when stated (DCS terms.noticePeriod)
    QList<Person> team;
    QList<ContractRole> roles;
    QList<SchemaObject> schema;
    QList<QualityRule> quality; ///< contract-level rules
    QList<ServiceLevel> sla;
    QList<Server> servers;
    QList<SupportChannel> support;
    QStringList tags;
    QJsonObject custom;
};

/// A governance policy document stored as data; the policy engine interprets `spec`.
struct GovernancePolicy {
    QString id;
    QString name;
    QString domainId; ///< empty for global policies
    QString extends;  ///< id of the policy this one extends
    QString apiVersion;
    QJsonObject spec;
};

struct DatasetColumn {
    QString name;
    QString type;
    QString description;
    QStringList tags;
};

/// A lineage node below product level: a table, view, topic, file, dbt node or exposure.
struct Dataset {
    QString id; ///< canonical, see datasetId(): the same table from dbt and OpenLineage gets one id
    QString ns; ///< namespace
    QString name;
    QString kind; ///< model, source, seed, snapshot, exposure, table, topic, ...
    QString platform;
    QString description;
    QString owner;
    QString productId; ///< owning data product when known
    QStringList tags;
    QStringList checks; ///< names of quality checks defined on it (dbt tests, OpenLineage assertions)
    QList<DatasetColumn> columns;
};

struct LineageEdge {
    QString from; ///< Dataset::id
    QString to;   ///< Dataset::id
    QString jobId;
};

struct ColumnLineageEdge {
    QString fromDataset;
    QString fromColumn;
    QString toDataset;
    QString toColumn;
    QString transformation;
};

struct Job {
    QString id; ///< namespace + "/" + name
    QString ns;
    QString name;
    QString kind;
    QString description;
};

/// One OpenLineage run state change (or a dbt invocation), evidence for freshness and availability.
struct RunEvent {
    QString runId;
    QString jobId;
    QString state; ///< START, RUNNING, COMPLETE, FAIL, ABORT, OTHER
    QDateTime eventTime;
    QStringList inputs;  ///< Dataset ids
    QStringList outputs; ///< Dataset ids
};

/// One quality check outcome: an OpenLineage assertion or a dbt test result.
struct QualityResult {
    QString datasetId;
    QString column;
    QString check;
    bool success = false;
    QDateTime time;
    QString runId;
    QString origin; ///< "openlineage", "dbt"
    QString message;
};

/// One thing a metric is computed from: another metric, a measure of a semantic model, a dataset or a
/// data product.
struct MetricInput {
    QString kind;   ///< "metric", "measure", "dataset", "product"
    QString ref;    ///< as the document writes it: a metric name, a measure name, a product or dataset id
    QString target; ///< the lineage node it resolves to (metric id, semantic model id, dataset id, product id)
    QString filter; ///< the input's own filter, when any
    QString alias;
};

/// A named field of a semantic model: a measure (type = its aggregation), a dimension (categorical,
/// time) or an entity (primary, foreign, unique, natural).
struct SemanticField {
    QString name;
    QString type;
    QString expr;
    QString description;
};

/// A dbt semantic model: measures, dimensions and entities over one model (a dataset).
struct SemanticModel {
    QString id;      ///< dbt unique_id, "semantic_model.<project>.<name>"
    QString name;
    QString modelId; ///< the dataset id of the model it reads, when the manifest names one
    QString description;
    QList<SemanticField> measures;
    QList<SemanticField> dimensions;
    QList<SemanticField> entities;
};

/// A business metric: a dbt metric or a `kind: Metric` document of the mesh (docs/formats/metrics.md).
struct Metric {
    QString id;     ///< dbt unique_id ("metric.<project>.<name>"), or "<domain>.<name>" for mesh documents
    QString name;   ///< the business name; two definitions with one name must agree (rule metrics.consistency)
    QString label;
    QString domainId;
    QString owner;
    QString description;
    QString type;       ///< simple, ratio, cumulative, derived, conversion, or a legacy dbt calculation method
    QString expression; ///< formula or aggregated expression as written
    QString filter;     ///< the metric's own filter (where clauses joined with " AND ")
    QString freshness;  ///< freshness requirement as written ("24h", "1d")
    QString origin;     ///< "dbt" or "mesh"
    QStringList dimensions;
    QStringList tags;
    QList<MetricInput> inputs;
    QJsonObject parameters; ///< mesh documents' parameters; dbt window, grain, conversion settings
    int line = 0;
};

/// Canonical dataset id from a namespace and a name, shared by every lineage importer so that
/// dbt relations and OpenLineage datasets naming the same table meet in one node.
/// Database namespaces ("postgres://host:5432", "snowflake://acct") keep only their scheme, the
/// name loses quotes and case: "postgres://db.public.orders". Other namespaces are kept verbatim.
QString datasetId(const QString &ns, const QString &name);

} // namespace meshscope
