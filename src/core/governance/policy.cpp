#include "policy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace meshscope::governance {

QString EffectivePolicy::policyFor(const QString &section) const
{
    const QString id = sourceOf.value(section);
    if (!id.isEmpty())
        return id;
    return policyIds.isEmpty() ? QStringLiteral("meshscope-default") : policyIds.constLast();
}

GovernancePolicy defaultPolicy()
{
    // Kept in step with docs/governance.md ("The default policy set").
    static const char *kSpec = R"JSON({
      "naming_conventions": {"tables": "snake_case", "columns": "snake_case",
                             "topics": "{domain}.{product-name}.v{version}"},
      "required_metadata": ["owner", "description", "classification", "retention"],
      "classification_levels": ["public", "internal", "confidential", "restricted"],
      "pii_handling": {"detection": "declared", "require_tagging": true,
                       "default_classification": "restricted",
                       "actions": [{"field_type": "email", "action": "hash_sha256"},
                                   {"field_type": "phone", "action": "mask_last_4"},
                                   {"field_type": "ssn", "action": "redact"}]},
      "quality_requirements": {"required_checks": ["null_rate_below_threshold", "no_duplicate_primary_keys",
                                                   "freshness_within_slo"]},
      "slo_requirements": {"freshness_required": true, "min_availability": 99.0},
      "contracts": {"required_on_output_ports": true},
      "documentation": {"required": true}
    })JSON";
    GovernancePolicy p;
    p.id = QStringLiteral("meshscope-default");
    p.name = QStringLiteral("Meshscope default standards");
    p.spec = QJsonDocument::fromJson(kSpec).object();
    return p;
}

namespace {

QJsonArray mergeActions(const QJsonArray &base, const QJsonArray &over)
{
    QJsonArray out;
    QSet<QString> overridden;
    for (const QJsonValue &v : over)
        overridden.insert(v.toObject().value(QLatin1String("field_type")).toString());
    for (const QJsonValue &v : base) {
        if (!overridden.contains(v.toObject().value(QLatin1String("field_type")).toString()))
            out.append(v);
    }
    for (const QJsonValue &v : over)
        out.append(v);
    return out;
}

QJsonObject mergeObjects(const QJsonObject &base, const QJsonObject &over, const QString &path)
{
    QJsonObject out = base;
    for (auto it = over.begin(); it != over.end(); ++it) {
        const QString key = it.key();
        const QString childPath = path.isEmpty() ? key : path + QLatin1Char('.') + key;
        const QJsonValue old = out.value(key);
        if (old.isObject() && it.value().isObject())
            out.insert(key, mergeObjects(old.toObject(), it.value().toObject(), childPath));
        else if (childPath == u"pii_handling.actions" && old.isArray() && it.value().isArray())
            out.insert(key, mergeActions(old.toArray(), it.value().toArray()));
        else
            out.insert(key, it.value());
    }
    return out;
}

QString text(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isString())
        return v.toString().trimmed();
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

QStringList list(const QJsonObject &o, const char *key)
{
    QStringList out;
    for (const QJsonValue &v : o.value(QLatin1String(key)).toArray()) {
        if (v.isString())
            out << v.toString().trimmed();
        else if (v.isObject()) // `- name: not_null` style entries
            out << v.toObject().value(QLatin1String("name")).toString().trimmed();
    }
    out.removeAll(QString());
    return out;
}

bool flag(const QJsonObject &o, const char *key, bool fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isBool())
        return v.toBool();
    if (v.isString()) {
        const QString s = v.toString().trimmed().toLower();
        if (s == u"true" || s == u"yes")
            return true;
        if (s == u"false" || s == u"no")
            return false;
    }
    return fallback;
}

/// "99.9", "99.9%", 99.9, "0.999" (a share) -> percent.
double percent(const QJsonValue &v)
{
    bool ok = false;
    double d = v.isDouble() ? v.toDouble() : v.toString().remove(QLatin1Char('%')).trimmed().toDouble(&ok);
    if (!v.isDouble() && !ok)
        return -1;
    if (d > 0 && d <= 1)
        d *= 100;
    return d;
}

void readTyped(EffectivePolicy &p)
{
    const QJsonObject naming = p.spec.value(QLatin1String("naming_conventions")).toObject();
    p.tableCase = text(naming, "tables");
    p.columnCase = text(naming, "columns");
    p.productCase = text(naming, "products");
    p.topicPattern = text(naming, "topics");

    p.requiredMetadata = list(p.spec, "required_metadata");
    p.classificationLevels = list(p.spec, "classification_levels");
    if (p.classificationLevels.isEmpty())
        p.classificationLevels = {QStringLiteral("public"), QStringLiteral("internal"), QStringLiteral("confidential"),
                                  QStringLiteral("restricted")};

    const QJsonObject pii = p.spec.value(QLatin1String("pii_handling")).toObject();
    if (!pii.isEmpty()) {
        // Declared detection means producers flag PII themselves, so every field must say yes or no.
        p.piiTaggingRequired = flag(pii, "require_tagging", text(pii, "detection").toLower() == u"declared");
        p.piiClassification = text(pii, "default_classification");
        if (p.piiClassification.isEmpty())
            p.piiClassification = QStringLiteral("restricted");
        for (const QJsonValue &v : pii.value(QLatin1String("actions")).toArray()) {
            const QJsonObject a = v.toObject();
            const QString type = text(a, "field_type").toLower();
            if (!type.isEmpty())
                p.piiActions.insert(type, text(a, "action"));
        }
    }

    const QJsonObject quality = p.spec.value(QLatin1String("quality_requirements")).toObject();
    p.requiredChecks = list(quality, "required_checks");

    const QJsonObject slo = p.spec.value(QLatin1String("slo_requirements")).toObject();
    p.freshnessRequired = flag(slo, "freshness_required", false);
    if (slo.contains(QLatin1String("min_availability")))
        p.minAvailability = percent(slo.value(QLatin1String("min_availability")));

    const QJsonObject contracts = p.spec.value(QLatin1String("contracts")).toObject();
    p.contractRequiredOnOutputPorts = flag(contracts, "required_on_output_ports", false);

    const QJsonValue docs = p.spec.value(QLatin1String("documentation"));
    p.documentationRequired = docs.isObject() ? flag(docs.toObject(), "required", true)
                                              : docs.isBool() ? docs.toBool()
                                                              : !p.requiredMetadata.isEmpty();
}

const GovernancePolicy *findById(const std::vector<GovernancePolicy> &policies, const QString &id)
{
    for (const GovernancePolicy &p : policies) {
        if (p.id == id || p.name == id)
            return &p;
    }
    return nullptr;
}

void apply(EffectivePolicy &out, const std::vector<GovernancePolicy> &policies, const GovernancePolicy &p,
           QSet<QString> &applied)
{
    if (applied.contains(p.id))
        return;
    applied.insert(p.id);
    if (!p.extends.isEmpty()) {
        if (const GovernancePolicy *base = findById(policies, p.extends))
            apply(out, policies, *base, applied);
    }
    out.spec = mergeObjects(out.spec, p.spec, {});
    for (auto it = p.spec.begin(); it != p.spec.end(); ++it)
        out.sourceOf.insert(it.key(), p.id);
    out.policyIds << p.id;
}

} // namespace

EffectivePolicy resolvePolicy(const std::vector<GovernancePolicy> &policies, const QString &domainId,
                              const QHash<QString, QString> &domainParent)
{
    EffectivePolicy out;
    out.domainId = domainId;
    QSet<QString> applied;
    if (policies.empty()) {
        out.builtIn = true;
        apply(out, {}, defaultPolicy(), applied);
        readTyped(out);
        return out;
    }
    for (const GovernancePolicy &p : policies) {
        if (p.domainId.isEmpty())
            apply(out, policies, p, applied);
    }
    QStringList chain; // the domain, its parent, ... (bounded against cycles)
    for (QString d = domainId; !d.isEmpty() && !chain.contains(d) && chain.size() < 16; d = domainParent.value(d))
        chain.prepend(d);
    for (const QString &d : chain) {
        for (const GovernancePolicy &p : policies) {
            if (p.domainId == d)
                apply(out, policies, p, applied);
        }
    }
    readTyped(out);
    return out;
}

} // namespace meshscope::governance
