#include "diffcompare.h"
#include "diffwalker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

/// The schema part of the walk: objects, properties (nested to any depth), constraints, quality rules
/// and relationships.
namespace meshscope::diff::detail {

namespace {

/// Same id, or same explicit physical name: a removed and an added element that share one are the
/// same element under a new name.
template <typename T>
bool sameIdentity(const T &a, const T &b)
{
    return (!a.id.isEmpty() && a.id == b.id) || (!a.physicalName.isEmpty() && a.physicalName == b.physicalName);
}

QJsonObject objectValue(const SchemaObject &o)
{
    QJsonObject v{{QStringLiteral("name"), o.name}, {QStringLiteral("properties"), int(o.properties.size())}};
    if (!o.physicalName.isEmpty())
        v.insert(QStringLiteral("physicalName"), o.physicalName);
    return v;
}

QJsonObject propertyValue(const ContractProperty &p)
{
    QJsonObject v{{QStringLiteral("name"), p.name}, {QStringLiteral("required"), p.required}};
    if (!p.logicalType.isEmpty())
        v.insert(QStringLiteral("logicalType"), p.logicalType);
    if (!p.physicalType.isEmpty())
        v.insert(QStringLiteral("physicalType"), p.physicalType);
    return v;
}

QJsonObject qualityValue(const QualityRule &q)
{
    QJsonObject v = q.thresholds;
    const auto put = [&v](const char *key, const QString &value) {
        if (!value.isEmpty())
            v.insert(QLatin1String(key), value);
    };
    put("id", q.id);
    put("name", q.name);
    put("type", q.type);
    put("metric", q.metric);
    put("dimension", q.dimension);
    put("query", q.query);
    return v;
}

/// Removed and added items, with renames (same identity) paired off. Calls back in a fixed order.
template <typename T, typename Renamed, typename Removed, typename Added>
void settle(std::vector<const T *> removed, std::vector<const T *> added, Renamed onRenamed, Removed onRemoved,
            Added onAdded)
{
    for (const T *r : removed) {
        const auto it = std::find_if(added.begin(), added.end(),
                                     [r](const T *a) { return a && sameIdentity(*r, *a); });
        if (it != added.end()) {
            onRenamed(*r, **it);
            *it = nullptr;
        } else {
            onRemoved(*r);
        }
    }
    for (const T *a : added) {
        if (a)
            onAdded(*a);
    }
}

QString compact(const QJsonValue &v)
{
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return v.toVariant().toString();
}

QString enumDetail(const QJsonValue &a, const QJsonValue &b)
{
    QSet<QString> x, y;
    for (const QJsonValue &v : a.toArray())
        x.insert(compact(v));
    for (const QJsonValue &v : b.toArray())
        y.insert(compact(v));
    QStringList removed = (x - y).values();
    QStringList added = (y - x).values();
    removed.sort();
    added.sort();
    QStringList parts;
    if (!removed.isEmpty())
        parts << QStringLiteral("values removed: ") + removed.join(QStringLiteral(", "));
    if (!added.isEmpty())
        parts << QStringLiteral("values added: ") + added.join(QStringLiteral(", "));
    return parts.join(QStringLiteral("; "));
}

} // namespace

void Walker::schema(const QList<SchemaObject> &a, const QList<SchemaObject> &b)
{
    const QString prefix = QStringLiteral("schema");
    std::vector<const SchemaObject *> removed, added;
    QHash<const SchemaObject *, QString> keys; // "#2" for a repeated name
    for (const Matched<SchemaObject> &m : matchByKey(a, b, [](const SchemaObject &o) { return o.name; })) {
        if (m.oldItem && m.newItem) {
            schemaObject(join(prefix, m.key), *m.oldItem, *m.newItem);
            continue;
        }
        const SchemaObject *item = m.oldItem ? m.oldItem : m.newItem;
        keys.insert(item, m.key);
        (m.oldItem ? removed : added).push_back(item);
    }
    settle<SchemaObject>(
        removed, added,
        [&](const SchemaObject &x, const SchemaObject &y) {
            record(Rule::ObjectRenamed, ChangeKind::Renamed, join(prefix, keys.value(&x)), x.name, y.name, x.name);
            schemaObject(join(prefix, keys.value(&y)), x, y);
        },
        [&](const SchemaObject &x) {
            record(Rule::ObjectRemoved, ChangeKind::Removed, join(prefix, keys.value(&x)), objectValue(x), {}, x.name);
        },
        [&](const SchemaObject &y) {
            record(Rule::ObjectAdded, ChangeKind::Added, join(prefix, keys.value(&y)), {}, objectValue(y));
        });
}

void Walker::schemaObject(const QString &path, const SchemaObject &a, const SchemaObject &b)
{
    const QString &object = a.name;
    if (!a.physicalName.isEmpty() || !b.physicalName.isEmpty()) {
        const QString x = a.physicalName.isEmpty() ? a.name : a.physicalName;
        const QString y = b.physicalName.isEmpty() ? b.name : b.physicalName;
        if (x != y)
            record(Rule::ObjectPhysicalNameChanged, ChangeKind::Changed, path + QStringLiteral(".physicalName"), x, y,
                 object);
    }
    text(Rule::ObjectPhysicalTypeChanged, path + QStringLiteral(".physicalType"), a.physicalType, b.physicalType,
         object);
    text(Rule::BusinessNameChanged, path + QStringLiteral(".businessName"), a.businessName, b.businessName, object);
    text(Rule::DescriptionChanged, path + QStringLiteral(".description"), a.description, b.description, object);
    set(Rule::TagsChanged, path + QStringLiteral(".tags"), a.tags, b.tags, object);
    properties(path, false, a.properties, b.properties, object);
    quality(path + QStringLiteral(".quality"), a.quality, b.quality, object);
    relationships(path + QStringLiteral(".relationships"), a.relationships, b.relationships, object);
    extensions(path, a.custom, b.custom, object);
}

void Walker::properties(const QString &parentPath, bool parentIsArray, const QList<ContractProperty> &a,
                        const QList<ContractProperty> &b, const QString &object)
{
    // Array items are a child called "items" (see the importers); they read as parent.items.
    const auto pathOf = [&](const QString &name) {
        return parentIsArray && name == u"items" ? parentPath + QStringLiteral(".items")
                                                 : join(parentPath + QStringLiteral(".properties"), name);
    };
    std::vector<const ContractProperty *> removed, added;
    QHash<const ContractProperty *, QString> keys; // "#2" for a repeated name
    for (const Matched<ContractProperty> &m : matchByKey(a, b, [](const ContractProperty &p) { return p.name; })) {
        if (m.oldItem && m.newItem) {
            property(pathOf(m.key), *m.oldItem, *m.newItem, object);
            continue;
        }
        const ContractProperty *item = m.oldItem ? m.oldItem : m.newItem;
        keys.insert(item, m.key);
        (m.oldItem ? removed : added).push_back(item);
    }
    settle<ContractProperty>(
        removed, added,
        [&](const ContractProperty &x, const ContractProperty &y) {
            record(Rule::PropertyRenamed, ChangeKind::Renamed, pathOf(keys.value(&x)), x.name, y.name, object);
            property(pathOf(keys.value(&y)), x, y, object);
        },
        [&](const ContractProperty &x) {
            record(Rule::PropertyRemoved, ChangeKind::Removed, pathOf(keys.value(&x)), propertyValue(x), {}, object);
        },
        [&](const ContractProperty &y) {
            record(y.required ? Rule::RequiredPropertyAdded : Rule::PropertyAdded, ChangeKind::Added,
                   pathOf(keys.value(&y)), {}, propertyValue(y), object);
        });
}

void Walker::property(const QString &path, const ContractProperty &a, const ContractProperty &b,
                      const QString &object)
{
    const auto at = [&path](const char *field) { return path + QLatin1Char('.') + QLatin1String(field); };
    if ((!a.physicalName.isEmpty() || !b.physicalName.isEmpty())) {
        const QString x = a.physicalName.isEmpty() ? a.name : a.physicalName;
        const QString y = b.physicalName.isEmpty() ? b.name : b.physicalName;
        if (x != y)
            record(Rule::PropertyPhysicalNameChanged, ChangeKind::Changed, at("physicalName"), x, y, object);
    }
    if (a.logicalType != b.logicalType) {
        const TypeChange t = compareLogicalTypes(a.logicalType, b.logicalType);
        text(t == TypeChange::Incompatible ? Rule::LogicalTypeChanged : Rule::LogicalTypeWidened, at("logicalType"),
             a.logicalType, b.logicalType, object);
    }
    if (a.physicalType != b.physicalType) {
        const TypeChange t = comparePhysicalTypes(a.physicalType, b.physicalType);
        text(t == TypeChange::Incompatible ? Rule::PhysicalTypeChanged : Rule::PhysicalTypeWidened,
             at("physicalType"), a.physicalType, b.physicalType, object);
    }
    const auto flag = [&](const char *field, bool x, bool y, Rule on, Rule off) {
        if (x != y)
            record(y ? on : off, ChangeKind::Changed, at(field), x, y, object);
    };
    flag("required", a.required, b.required, Rule::BecameRequired, Rule::BecameOptional);
    flag("unique", a.unique, b.unique, Rule::BecameUnique, Rule::NoLongerUnique);
    flag("primaryKey", a.primaryKey, b.primaryKey, Rule::BecamePrimaryKey, Rule::NoLongerPrimaryKey);
    flag("pii", a.pii, b.pii, Rule::BecamePii, Rule::NoLongerPii);
    flag("criticalDataElement", a.criticalDataElement, b.criticalDataElement, Rule::CriticalDataElementChanged,
         Rule::CriticalDataElementChanged);
    if (a.primaryKey && b.primaryKey && a.primaryKeyPosition != b.primaryKeyPosition
        && (a.primaryKeyPosition > 0 || b.primaryKeyPosition > 0))
        record(Rule::PrimaryKeyPositionChanged, ChangeKind::Changed, at("primaryKeyPosition"), a.primaryKeyPosition,
             b.primaryKeyPosition, object);
    if (a.classification.compare(b.classification, Qt::CaseInsensitive) != 0) {
        const auto x = classificationRank(a.classification);
        const auto y = classificationRank(b.classification);
        const Rule rule = !x || !y || *x == *y ? Rule::ClassificationChanged
                          : *y > *x            ? Rule::ClassificationRaised
                                               : Rule::ClassificationLowered;
        text(rule, at("classification"), a.classification, b.classification, object);
    }
    text(Rule::BusinessNameChanged, at("businessName"), a.businessName, b.businessName, object);
    text(Rule::DescriptionChanged, at("description"), a.description, b.description, object);
    set(Rule::TagsChanged, at("tags"), a.tags, b.tags, object);
    set(Rule::ExamplesChanged, at("examples"), a.examples, b.examples, object);
    constraints(path, a.constraints, b.constraints, object);
    quality(at("quality"), a.quality, b.quality, object);
    const bool isArray = a.logicalType.compare(QLatin1String("array"), Qt::CaseInsensitive) == 0
        || b.logicalType.compare(QLatin1String("array"), Qt::CaseInsensitive) == 0;
    properties(path, isArray, a.properties, b.properties, object);
    extensions(path, a.custom, b.custom, object);
}

void Walker::constraints(const QString &path, const QJsonObject &a, const QJsonObject &b, const QString &object)
{
    if (a == b)
        return;
    QStringList keys = a.keys() + b.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        const QJsonValue x = a.value(key);
        const QJsonValue y = b.value(key);
        if (x == y)
            continue;
        const Tightening t = compareConstraint(key, x, y);
        if (t == Tightening::Same)
            continue;
        const ChangeKind kind = x.isUndefined() ? ChangeKind::Added : y.isUndefined() ? ChangeKind::Removed
                                                                                     : ChangeKind::Changed;
        record(t == Tightening::Looser ? Rule::ConstraintLoosened : Rule::ConstraintTightened, kind,
             join(path, key), x, y, object, key == u"enum" ? enumDetail(x, y) : QString());
    }
}

void Walker::relationships(const QString &path, const QList<Relationship> &a, const QList<Relationship> &b,
                           const QString &object)
{
    const auto key = [](const Relationship &r) {
        return r.from.join(QLatin1Char(',')) + QStringLiteral("->") + r.to.join(QLatin1Char(','));
    };
    const auto value = [](const Relationship &r) {
        return QJsonObject{{QStringLiteral("type"), r.type},
                           {QStringLiteral("from"), QJsonArray::fromStringList(r.from)},
                           {QStringLiteral("to"), QJsonArray::fromStringList(r.to)}};
    };
    for (const Matched<Relationship> &m : matchByKey(a, b, key)) {
        const QString at = join(path, m.key);
        if (!m.newItem)
            record(Rule::RelationshipChanged, ChangeKind::Removed, at, value(*m.oldItem), {}, object);
        else if (!m.oldItem)
            record(Rule::RelationshipChanged, ChangeKind::Added, at, {}, value(*m.newItem), object);
        else
            text(Rule::RelationshipChanged, at + QStringLiteral(".type"), m.oldItem->type, m.newItem->type, object);
    }
}

void Walker::quality(const QString &prefix, const QList<QualityRule> &a, const QList<QualityRule> &b,
                     const QString &object)
{
    // Rules without id or name are matched by what they check, so a changed threshold reads as a change
    // of that rule, not as one rule removed and another added.
    const auto key = [](const QualityRule &q) {
        if (!q.id.isEmpty())
            return QStringLiteral("id:") + q.id;
        if (!q.name.isEmpty())
            return QStringLiteral("name:") + q.name;
        return QStringLiteral("content:") + q.type + QLatin1Char('|') + q.metric + QLatin1Char('|')
            + q.query.simplified();
    };
    const auto label = [](const QualityRule &q, const QString &matchKey) {
        const qsizetype hash = matchKey.lastIndexOf(QLatin1Char('#'));
        const QString suffix = hash > 0 && matchKey.mid(hash + 1).toInt() > 1 ? matchKey.mid(hash) : QString();
        const QString base = !q.id.isEmpty()       ? q.id
                             : !q.name.isEmpty()   ? q.name
                             : !q.metric.isEmpty() ? q.metric
                             : !q.type.isEmpty()   ? q.type
                                                   : QStringLiteral("rule");
        return base + suffix;
    };
    // Content-keyed rules sharing a label (two sql rules) are told apart in the path by their position
    // among those with that label.
    QHash<QString, int> labelUses;
    std::vector<std::pair<QString, Matched<QualityRule>>> labelled;
    const auto same = [](const QualityRule &x, const QualityRule &y) {
        return x.id == y.id && x.name == y.name && x.type == y.type && x.metric == y.metric
            && x.dimension == y.dimension && x.severity == y.severity && x.description == y.description
            && x.query == y.query && x.schedule == y.schedule && x.thresholds == y.thresholds && x.custom == y.custom;
    };
    for (const Matched<QualityRule> &m : matchByKey(a, b, key, same)) {
        const QualityRule &q = m.newItem ? *m.newItem : *m.oldItem;
        QString l = label(q, m.key);
        const int n = ++labelUses[l];
        if (n > 1)
            l += QLatin1Char('#') + QString::number(n);
        labelled.emplace_back(l, m);
    }
    for (const auto &[l, m] : labelled) {
        const QString path = join(prefix, l);
        if (!m.newItem)
            record(Rule::QualityRuleRemoved, ChangeKind::Removed, path, qualityValue(*m.oldItem), {}, object);
        else if (!m.oldItem)
            record(Rule::QualityRuleAdded, ChangeKind::Added, path, {}, qualityValue(*m.newItem), object);
        else
            qualityRule(path, *m.oldItem, *m.newItem, object);
    }
}

void Walker::qualityRule(const QString &path, const QualityRule &a, const QualityRule &b, const QString &object)
{
    const auto at = [&path](const char *field) { return path + QLatin1Char('.') + QLatin1String(field); };
    text(Rule::OtherFieldChanged, at("name"), a.name, b.name, object);
    text(Rule::DescriptionChanged, at("description"), a.description, b.description, object);
    text(Rule::QualityRuleChanged, at("type"), a.type, b.type, object);
    text(Rule::QualityRuleChanged, at("metric"), a.metric, b.metric, object);
    text(Rule::QualityRuleChanged, at("dimension"), a.dimension, b.dimension, object);
    text(Rule::QualityRuleChanged, at("severity"), a.severity, b.severity, object);
    text(Rule::QualityRuleChanged, at("query"), a.query, b.query, object);
    text(Rule::QualityRuleChanged, at("schedule"), a.schedule, b.schedule, object);
    extensions(path, a.thresholds, b.thresholds, object, Rule::QualityRuleChanged);
    extensions(path, a.custom, b.custom, object, Rule::QualityRuleChanged);
}

} // namespace meshscope::diff::detail
