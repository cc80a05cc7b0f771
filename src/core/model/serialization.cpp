#include "serialization.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace meshscope::json {

namespace {

// Declared up front so the list templates below can find every element type's (de)serializer.
#define MS_DECLARE(Type)                                                                                  \
    QJsonObject toJsonItem(const Type &x);                                                                \
    void fromJsonItem(const QJsonObject &o, Type &x);
MS_DECLARE(Person)
MS_DECLARE(Port)
MS_DECLARE(ServiceLevel)
MS_DECLARE(SchemaField)
MS_DECLARE(QualityRule)
MS_DECLARE(Relationship)
MS_DECLARE(Server)
MS_DECLARE(ContractRole)
MS_DECLARE(SupportChannel)
MS_DECLARE(DatasetColumn)
MS_DECLARE(ContractProperty)
MS_DECLARE(SchemaObject)
MS_DECLARE(Domain)
MS_DECLARE(Team)
MS_DECLARE(DataProduct)
MS_DECLARE(Contract)
MS_DECLARE(GovernancePolicy)
MS_DECLARE(Dataset)
MS_DECLARE(Job)
MS_DECLARE(MetricInput)
MS_DECLARE(SemanticField)
MS_DECLARE(SemanticModel)
MS_DECLARE(Metric)
#undef MS_DECLARE

// Writers: each leaves empty values out.
void put(QJsonObject &o, const char *key, const QString &v)
{
    if (!v.isEmpty())
        o.insert(QLatin1String(key), v);
}
void put(QJsonObject &o, const char *key, bool v)
{
    if (v)
        o.insert(QLatin1String(key), true);
}
void put(QJsonObject &o, const char *key, int v)
{
    if (v != 0)
        o.insert(QLatin1String(key), v);
}
void put(QJsonObject &o, const char *key, const QStringList &v)
{
    if (!v.isEmpty())
        o.insert(QLatin1String(key), QJsonArray::fromStringList(v));
}
void put(QJsonObject &o, const char *key, const QJsonObject &v)
{
    if (!v.isEmpty())
        o.insert(QLatin1String(key), v);
}
/// true, false, or no key at all when the document did not say.
void put(QJsonObject &o, const char *key, Stated v)
{
    if (v != Stated::NotStated)
        o.insert(QLatin1String(key), v == Stated::Yes);
}
void put(QJsonObject &o, const char *key, DomainType v)
{
    put(o, key, domainTypeName(v));
}
template <typename T>
void put(QJsonObject &o, const char *key, const QList<T> &list)
{
    if (list.isEmpty())
        return;
    QJsonArray a;
    for (const T &item : list)
        a.append(toJsonItem(item));
    o.insert(QLatin1String(key), a);
}

// Readers: a missing key leaves the default.
void get(const QJsonObject &o, const char *key, QString &v)
{
    v = o.value(QLatin1String(key)).toString();
}
void get(const QJsonObject &o, const char *key, bool &v)
{
    v = o.value(QLatin1String(key)).toBool();
}
void get(const QJsonObject &o, const char *key, int &v)
{
    v = o.value(QLatin1String(key)).toInt();
}
void get(const QJsonObject &o, const char *key, QStringList &v)
{
    v.clear();
    const QJsonArray a = o.value(QLatin1String(key)).toArray();
    for (const QJsonValue &item : a)
        v << item.toString();
}
void get(const QJsonObject &o, const char *key, QJsonObject &v)
{
    v = o.value(QLatin1String(key)).toObject();
}
void get(const QJsonObject &o, const char *key, Stated &v)
{
    const QJsonValue value = o.value(QLatin1String(key));
    v = value.isBool() ? stated(value.toBool()) : Stated::NotStated;
}
void get(const QJsonObject &o, const char *key, DomainType &v)
{
    v = parseDomainType(o.value(QLatin1String(key)).toString());
}
template <typename T>
void get(const QJsonObject &o, const char *key, QList<T> &list)
{
    list.clear();
    const QJsonArray a = o.value(QLatin1String(key)).toArray();
    list.reserve(a.size());
    for (const QJsonValue &item : a) {
        T t;
        fromJsonItem(item.toObject(), t);
        list.append(t);
    }
}

// Each struct's field list, written once and used for both directions.
#define MS_WRITE(f) put(o, #f, x.f);
#define MS_READ(f) get(o, #f, x.f);
#define MS_SERIALIZE(Type, FIELDS)                                                                        \
    QJsonObject toJsonItem(const Type &x)                                                                 \
    {                                                                                                     \
        QJsonObject o;                                                                                    \
        FIELDS(MS_WRITE)                                                                                  \
        return o;                                                                                         \
    }                                                                                                     \
    void fromJsonItem(const QJsonObject &o, Type &x) { FIELDS(MS_READ) }

#define PERSON_FIELDS(F) F(username) F(name) F(email) F(role)
#define PORT_FIELDS(F)                                                                                    \
    F(id) F(name) F(type) F(technology) F(location) F(contractId) F(version) F(description)              \
    F(sourceProductId) F(tags)
#define SERVICELEVEL_FIELDS(F) F(property) F(value) F(unit) F(element)
#define SCHEMAFIELD_FIELDS(F)                                                                             \
    F(name) F(type) F(description) F(required) F(pii) F(classification) F(governance) F(tags)
#define QUALITYRULE_FIELDS(F)                                                                             \
    F(id) F(name) F(type) F(metric) F(dimension) F(severity) F(description) F(query) F(schedule)          \
    F(element) F(thresholds) F(custom) F(line)
#define RELATIONSHIP_FIELDS(F) F(type) F(from) F(to)
#define SERVER_FIELDS(F) F(server) F(type) F(environment) F(description) F(details)
#define ROLE_FIELDS(F) F(role) F(access) F(firstLevelApprovers) F(secondLevelApprovers)
#define SUPPORT_FIELDS(F) F(channel) F(tool) F(url) F(scope)
#define COLUMN_FIELDS(F) F(name) F(type) F(description) F(tags)
#define PROPERTY_FIELDS(F)                                                                                \
    F(id) F(name) F(physicalName) F(businessName) F(logicalType) F(physicalType) F(description)          \
    F(classification) F(required) F(unique) F(primaryKey) F(primaryKeyPosition) F(pii)                   \
    F(piiStated) F(criticalDataElement) F(tags) F(examples) F(constraints) F(quality) F(properties) F(custom) F(line)
#define OBJECT_FIELDS(F)                                                                                  \
    F(id) F(name) F(physicalName) F(physicalType) F(businessName) F(description) F(tags) F(properties)   \
    F(quality) F(relationships) F(custom) F(line)
#define DOMAIN_FIELDS(F) F(id) F(name) F(type) F(parentId) F(description) F(owner)
#define TEAM_FIELDS(F) F(id) F(name) F(domainId) F(description) F(members)
#define PRODUCT_FIELDS(F)                                                                                 \
    F(id) F(name) F(domainId) F(domainType) F(owner) F(teamId) F(status) F(version) F(description)       \
    F(specFormat) F(tags) F(inputPorts) F(outputPorts) F(slos) F(fields) F(lineageSources) F(custom)     \
    F(line)
#define CONTRACT_FIELDS(F)                                                                                \
    F(id) F(version) F(status) F(name) F(dataProduct) F(domainId) F(apiVersion) F(specFormat)            \
    F(description) F(owner) F(teamName) F(noticePeriod) F(team) F(roles) F(schema) F(quality) F(sla)     \
    F(servers) F(support) F(tags) F(custom)
#define POLICY_FIELDS(F) F(id) F(name) F(domainId) F(extends) F(apiVersion) F(spec)
#define DATASET_FIELDS(F)                                                                                 \
    F(id) F(ns) F(name) F(kind) F(platform) F(description) F(owner) F(productId) F(tags) F(checks)       \
    F(columns)
#define JOB_FIELDS(F) F(id) F(ns) F(name) F(kind) F(description)
#define METRIC_INPUT_FIELDS(F) F(kind) F(ref) F(target) F(filter) F(alias)
#define SEMANTIC_FIELD_FIELDS(F) F(name) F(type) F(expr) F(description)
#define SEMANTIC_MODEL_FIELDS(F) F(id) F(name) F(modelId) F(description) F(measures) F(dimensions) F(entities)
#define METRIC_FIELDS(F)                                                                                  \
    F(id) F(name) F(label) F(domainId) F(owner) F(description) F(type) F(expression) F(filter)            \
    F(freshness) F(origin) F(dimensions) F(tags) F(inputs) F(parameters) F(line)

MS_SERIALIZE(Person, PERSON_FIELDS)
MS_SERIALIZE(Port, PORT_FIELDS)
MS_SERIALIZE(ServiceLevel, SERVICELEVEL_FIELDS)
MS_SERIALIZE(SchemaField, SCHEMAFIELD_FIELDS)
MS_SERIALIZE(QualityRule, QUALITYRULE_FIELDS)
MS_SERIALIZE(Relationship, RELATIONSHIP_FIELDS)
MS_SERIALIZE(Server, SERVER_FIELDS)
MS_SERIALIZE(ContractRole, ROLE_FIELDS)
MS_SERIALIZE(SupportChannel, SUPPORT_FIELDS)
MS_SERIALIZE(DatasetColumn, COLUMN_FIELDS)
MS_SERIALIZE(ContractProperty, PROPERTY_FIELDS)
MS_SERIALIZE(SchemaObject, OBJECT_FIELDS)
MS_SERIALIZE(Domain, DOMAIN_FIELDS)
MS_SERIALIZE(Team, TEAM_FIELDS)
MS_SERIALIZE(DataProduct, PRODUCT_FIELDS)
MS_SERIALIZE(Contract, CONTRACT_FIELDS)
MS_SERIALIZE(GovernancePolicy, POLICY_FIELDS)
MS_SERIALIZE(Dataset, DATASET_FIELDS)
MS_SERIALIZE(Job, JOB_FIELDS)
MS_SERIALIZE(MetricInput, METRIC_INPUT_FIELDS)
MS_SERIALIZE(SemanticField, SEMANTIC_FIELD_FIELDS)
MS_SERIALIZE(SemanticModel, SEMANTIC_MODEL_FIELDS)
MS_SERIALIZE(Metric, METRIC_FIELDS)

} // namespace

QJsonObject toJson(const Domain &x) { return toJsonItem(x); }
QJsonObject toJson(const Team &x) { return toJsonItem(x); }
QJsonObject toJson(const DataProduct &x) { return toJsonItem(x); }
QJsonObject toJson(const Contract &x) { return toJsonItem(x); }
QJsonObject toJson(const GovernancePolicy &x) { return toJsonItem(x); }
QJsonObject toJson(const Dataset &x) { return toJsonItem(x); }
QJsonObject toJson(const Job &x) { return toJsonItem(x); }
QJsonObject toJson(const SemanticModel &x) { return toJsonItem(x); }
QJsonObject toJson(const Metric &x) { return toJsonItem(x); }

void fromJson(const QJsonObject &o, Domain &x) { fromJsonItem(o, x); }
void fromJson(const QJsonObject &o, Team &x) { fromJsonItem(o, x); }
void fromJson(const QJsonObject &o, DataProduct &x) { fromJsonItem(o, x); }
void fromJson(const QJsonObject &o, Contract &x) { fromJsonItem(o, x); }
void fromJson(const QJsonObject &o, GovernancePolicy &x) { fromJsonItem(o, x); }
void fromJson(const QJsonObject &o, Dataset &x) { fromJsonItem(o, x); }
void fromJson(const QJsonObject &o, Job &x) { fromJsonItem(o, x); }
void fromJson(const QJsonObject &o, SemanticModel &x) { fromJsonItem(o, x); }
void fromJson(const QJsonObject &o, Metric &x) { fromJsonItem(o, x); }

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject parseObject(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

} // namespace meshscope::json
