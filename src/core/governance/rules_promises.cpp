#include "rulecontext.h"

#include "slo/servicelevels.h"

namespace meshscope::governance::rules {

std::vector<ServiceLevel> promisedLevels(const Context &c)
{
    std::vector<ServiceLevel> out(c.product.slos.cbegin(), c.product.slos.cend());
    for (const Contract *contract : c.contracts)
        out.insert(out.end(), contract->sla.cbegin(), contract->sla.cend());
    return out;
}

void checkSlos(const Context &c)
{
    const EffectivePolicy &p = c.policy;
    bool freshness = false;
    double availability = -1;
    for (const ServiceLevel &l : promisedLevels(c)) {
        const slo::Kind kind = slo::kindOf(l.property);
        if (kind == slo::Kind::Freshness)
            freshness = true;
        else if (kind == slo::Kind::Availability && availability < 0)
            availability = slo::percentValue(l);
    }
    if (p.freshnessRequired && !freshness) {
        c.add("slo_requirements", "slo.freshness", Severity::Error, QStringLiteral("product"), c.product.id,
              QStringLiteral("no freshness SLO: consumers cannot tell how old the data may be"),
              QStringLiteral("promise a freshness or latency (e.g. 'latency: 2h' in slaProperties or 'freshness: 24h' "
                             "in the manifest's slo)"));
    }
    if (p.minAvailability > 0) {
        if (availability < 0) {
            c.add("slo_requirements", "slo.availability", Severity::Warning, QStringLiteral("product"), c.product.id,
                  QStringLiteral("no availability SLO (the policy asks for at least %1%)").arg(p.minAvailability),
                  QStringLiteral("add an availability slaProperty of at least %1%").arg(p.minAvailability));
        } else if (availability + 1e-9 < p.minAvailability) {
            c.add("slo_requirements", "slo.availability", Severity::Warning, QStringLiteral("product"), c.product.id,
                  QStringLiteral("availability SLO %1% is below the required %2%").arg(availability).arg(p.minAvailability),
                  QStringLiteral("raise the availability target to %1% or agree an exception").arg(p.minAvailability));
        }
    }
}

namespace {

struct RuleRef {
    const QualityRule *rule;
    QString object;   ///< schema object name
    QString property; ///< empty for object- and contract-level rules
};

std::vector<RuleRef> rulesOf(const Contract &contract)
{
    std::vector<RuleRef> out;
    for (const QualityRule &r : contract.quality)
        out.push_back({&r, {}, {}});
    for (const SchemaObject &o : contract.schema) {
        for (const QualityRule &r : o.quality)
            out.push_back({&r, o.name, {}});
        for (const ContractProperty &p : o.properties) {
            for (const QualityRule &r : p.quality)
                out.push_back({&r, o.name, p.name});
        }
    }
    return out;
}

QString ruleText(const QualityRule &r)
{
    return (r.metric + QLatin1Char(' ') + r.name + QLatin1Char(' ') + r.id + QLatin1Char(' ') + r.description
            + QLatin1Char(' ') + r.custom.value(QLatin1String("rule")).toString())
        .toLower();
}

bool isNullCheck(const QualityRule &r)
{
    const QString t = ruleText(r);
    return t.contains(QLatin1String("nullvalues")) || t.contains(QLatin1String("not_null"))
        || t.contains(QLatin1String("missingvalues")) || t.contains(QLatin1String("notnull"));
}

bool isDuplicateCheck(const QualityRule &r)
{
    const QString t = ruleText(r);
    return t.contains(QLatin1String("duplicatevalues")) || t.contains(QLatin1String("unique"));
}

QString normalizedCheck(const QString &name)
{
    QString n = name.toLower();
    n.replace(QLatin1Char('-'), QLatin1Char('_'));
    return n;
}

/// What kind of check a policy name asks for; the seeds' names and the short ones people write.
enum class CheckKind { NotNull, Unique, RowCount, Freshness, SchemaConformance, Named };

CheckKind checkKind(const QString &name)
{
    const QString n = normalizedCheck(name);
    if (n.contains(QLatin1String("null")))
        return CheckKind::NotNull;
    if (n.contains(QLatin1String("duplicate")) || n.contains(QLatin1String("unique")))
        return CheckKind::Unique;
    if (n.contains(QLatin1String("row_count")) || n.contains(QLatin1String("volume")))
        return CheckKind::RowCount;
    if (n.contains(QLatin1String("fresh")) || n.contains(QLatin1String("timeliness")))
        return CheckKind::Freshness;
    if (n.contains(QLatin1String("schema")))
        return CheckKind::SchemaConformance;
    return CheckKind::Named;
}

bool isKey(const ContractProperty &p)
{
    return p.primaryKey;
}

} // namespace

void checkQualityChecks(const Context &c)
{
    if (c.policy.requiredChecks.isEmpty() || c.contracts.empty())
        return;
    bool freshnessPromised = false;
    for (const ServiceLevel &l : promisedLevels(c))
        freshnessPromised = freshnessPromised || slo::kindOf(l.property) == slo::Kind::Freshness;

    for (const QString &check : c.policy.requiredChecks) {
        const CheckKind kind = checkKind(check);
        for (const Contract *contract : c.contracts) {
            const std::vector<RuleRef> rules = rulesOf(*contract);
            switch (kind) {
            case CheckKind::NotNull:
                for (const SchemaObject &o : contract->schema) {
                    for (const ContractProperty &p : o.properties) {
                        if (!isKey(p))
                            continue;
                        const bool has = std::any_of(rules.begin(), rules.end(), [&](const RuleRef &r) {
                            return isNullCheck(*r.rule) && r.object == o.name
                                && (r.property == p.name || r.rule->element.endsWith(p.name));
                        });
                        if (!has) {
                            c.add("quality_requirements", "checks.required", Severity::Error, QStringLiteral("field"),
                                  contract->id + QLatin1Char('.') + o.name + QLatin1Char('.') + p.name,
                                  QStringLiteral("key column '%1' has no %2 check").arg(p.name, check),
                                  QStringLiteral("add a quality rule 'metric: nullValues, mustBe: 0' to %1").arg(p.name));
                        }
                    }
                }
                break;
            case CheckKind::Unique:
                for (const SchemaObject &o : contract->schema) {
                    const bool hasKey = std::any_of(o.properties.begin(), o.properties.end(), isKey);
                    const bool has = std::any_of(rules.begin(), rules.end(), [&](const RuleRef &r) {
                        return isDuplicateCheck(*r.rule) && (r.object == o.name || r.object.isEmpty());
                    });
                    if (!has) {
                        c.add("quality_requirements", "checks.required", Severity::Error, QStringLiteral("contract"),
                              contract->id + QLatin1Char('.') + o.name,
                              QStringLiteral("table '%1' has no %2 check%3")
                                  .arg(o.name, check, hasKey ? QString() : QStringLiteral(" (and no primary key)")),
                              QStringLiteral("add 'metric: duplicateValues, mustBe: 0' over the primary key"));
                    }
                }
                break;
            case CheckKind::RowCount:
                for (const SchemaObject &o : contract->schema) {
                    const bool has = std::any_of(rules.begin(), rules.end(), [&](const RuleRef &r) {
                        return ruleText(*r.rule).contains(QLatin1String("rowcount")) && (r.object == o.name || r.object.isEmpty());
                    });
                    if (!has) {
                        c.add("quality_requirements", "checks.required", Severity::Warning, QStringLiteral("contract"),
                              contract->id + QLatin1Char('.') + o.name,
                              QStringLiteral("table '%1' has no %2 check").arg(o.name, check),
                              QStringLiteral("add 'metric: rowCount' with the expected range"));
                    }
                }
                break;
            case CheckKind::Freshness: {
                const bool has = freshnessPromised || std::any_of(rules.begin(), rules.end(), [](const RuleRef &r) {
                    return ruleText(*r.rule).contains(QLatin1String("fresh"));
                });
                if (!has) {
                    c.add("quality_requirements", "checks.required", Severity::Error, QStringLiteral("contract"),
                          contract->id, QStringLiteral("no %1 check: nothing measures freshness").arg(check),
                          QStringLiteral("promise a latency/freshness in slaProperties so runs can be checked against it"));
                }
                break;
            }
            case CheckKind::SchemaConformance:
                break; // every contract with a schema is checked for conformance by its own tooling
            case CheckKind::Named: {
                const QString wanted = normalizedCheck(check);
                const bool has = std::any_of(rules.begin(), rules.end(), [&](const RuleRef &r) {
                    return normalizedCheck(ruleText(*r.rule)).contains(wanted);
                });
                if (!has) {
                    c.add("quality_requirements", "checks.required", Severity::Error, QStringLiteral("contract"),
                          contract->id, QStringLiteral("required check '%1' is not defined").arg(check),
                          QStringLiteral("add a quality rule named '%1'").arg(check));
                }
                break;
            }
            }
        }
    }
}

void checkContracts(const Context &c)
{
    // Whatever the policy: an input port reading from a product the mesh does not hold is a broken
    // reference, shown as such in the product's upstream rather than dropped.
    for (const Port &port : c.product.inputPorts) {
        if (port.sourceProductId.isEmpty() || c.mesh.knowsProduct(port.sourceProductId))
            continue;
        c.add("contracts", "contracts.input_ports", Severity::Warning, QStringLiteral("port"),
              c.product.id + QLatin1Char('/') + (port.name.isEmpty() ? port.id : port.name),
              QStringLiteral("input port '%1' reads from product '%2', which is not in the mesh")
                  .arg(port.name.isEmpty() ? port.id : port.name, port.sourceProductId),
              QStringLiteral("add product '%1' to the mesh's sources or fix the port's source product id")
                  .arg(port.sourceProductId));
    }
    if (!c.policy.contractRequiredOnOutputPorts)
        return;
    for (const Port &port : c.product.outputPorts) {
        const QString target = c.product.id + QLatin1Char('/') + (port.name.isEmpty() ? port.id : port.name);
        if (port.contractId.isEmpty()) {
            c.add("contracts", "contracts.output_ports", Severity::Error, QStringLiteral("port"), target,
                  QStringLiteral("output port '%1' has no data contract").arg(port.name),
                  QStringLiteral("write a data contract (ODCS) for the port and name it in contractId"));
        } else if (!c.mesh.contract(port.contractId)) {
            c.add("contracts", "contracts.output_ports", Severity::Warning, QStringLiteral("port"), target,
                  QStringLiteral("output port '%1' names contract '%2', which is not in the mesh")
                      .arg(port.name, port.contractId),
                  QStringLiteral("publish contract '%1' with the mesh's contracts or fix the id").arg(port.contractId));
        }
    }
    if (c.product.outputPorts.isEmpty()) {
        c.add("contracts", "contracts.output_ports", Severity::Warning, QStringLiteral("product"), c.product.id,
              QStringLiteral("the product has no output ports"),
              QStringLiteral("declare how consumers read the product (an output port with its contract)"));
    }
}

void checkDocumentation(const Context &c)
{
    if (!c.policy.documentationRequired)
        return;
    if (c.product.description.trimmed().size() < 20) {
        c.add("documentation", "documentation.product", Severity::Warning, QStringLiteral("product"), c.product.id,
              c.product.description.trimmed().isEmpty()
                  ? QStringLiteral("the product has no description")
                  : QStringLiteral("the product's description is a stub ('%1')").arg(c.product.description.trimmed()),
              QStringLiteral("describe purpose, usage and limitations so consumers can judge fitness for use"));
    }
    for (const Contract *contract : c.contracts) {
        int total = 0;
        QStringList missing;
        const QString prefix = contract->id + QLatin1Char('.');
        for (const FieldRef &f : c.fields) {
            if (!f.fromContract || !f.target.startsWith(prefix))
                continue;
            ++total;
            if (f.description.trimmed().isEmpty())
                missing << f.name;
        }
        if (!missing.isEmpty()) {
            c.add("documentation", "documentation.fields", Severity::Warning, QStringLiteral("contract"), contract->id,
                  QStringLiteral("%1 of %2 fields have no description: %3")
                      .arg(missing.size())
                      .arg(total)
                      .arg(missing.mid(0, 5).join(QStringLiteral(", ")) + (missing.size() > 5 ? QStringLiteral(", …") : QString())),
                  QStringLiteral("describe every field: meaning, unit, and how it is derived"));
        }
    }
}

} // namespace meshscope::governance::rules
