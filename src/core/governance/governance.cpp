#include "governance.h"

#include "rulecontext.h"
#include "util/parallelfor.h"

#include <QJsonArray>
#include <QMap>

#include <algorithm>
#include <cmath>

namespace meshscope::governance {

QString severityName(Severity s)
{
    return s == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
}

double governanceScore(int errors, int warnings)
{
    return std::max(0.0, 100.0 - 10.0 * errors - 2.0 * warnings);
}

QString governanceScoreBasis(int errors, int warnings)
{
    const double score = governanceScore(errors, warnings);
    QString basis = QStringLiteral("%1 = 100 − 10 × %2 %3 − 2 × %4 %5")
                        .arg(score, 0, 'f', 0)
                        .arg(errors)
                        .arg(errors == 1 ? QStringLiteral("error") : QStringLiteral("errors"))
                        .arg(warnings)
                        .arg(warnings == 1 ? QStringLiteral("warning") : QStringLiteral("warnings"));
    if (100.0 - 10.0 * errors - 2.0 * warnings < 0)
        basis += QStringLiteral(" (never below 0)");
    return basis;
}

namespace rules {

void Context::add(const char *section, const char *rule, Severity severity, const QString &targetKind,
                  const QString &target, const QString &message, const QString &remediation) const
{
    Violation v;
    v.policyId = policy.policyFor(QLatin1String(section));
    v.rule = QLatin1String(rule);
    v.severity = severity;
    v.productId = product.id;
    v.domainId = product.domainId;
    v.targetKind = targetKind;
    v.target = target;
    v.message = message;
    v.remediation = remediation;
    out.push_back(std::move(v));
}

} // namespace rules

namespace {

QString customText(const QJsonObject &custom, std::initializer_list<const char *> keys)
{
    const QJsonObject props = custom.value(QLatin1String("customProperties")).toObject();
    for (const char *key : keys) {
        for (const QJsonObject &o : {custom, props}) {
            const QJsonValue v = o.value(QLatin1String(key));
            if (v.isString() && !v.toString().trimmed().isEmpty())
                return v.toString().trimmed();
        }
    }
    return {};
}

bool statesPii(const ContractProperty &p)
{
    const QJsonObject props = p.custom.value(QLatin1String("customProperties")).toObject();
    for (const char *key : {"pii", "isPii", "containsPii", "personalData", "personal_data"}) {
        if (props.contains(QLatin1String(key)) || p.custom.contains(QLatin1String(key)))
            return true;
    }
    return p.tags.contains(QStringLiteral("pii"), Qt::CaseInsensitive);
}

void collectFields(const QString &prefix, const QList<ContractProperty> &properties, std::vector<rules::FieldRef> &out)
{
    for (const ContractProperty &p : properties) {
        rules::FieldRef f;
        f.name = p.physicalName.isEmpty() ? p.name : p.physicalName;
        f.target = prefix + QLatin1Char('.') + (p.name.isEmpty() ? f.name : p.name);
        f.classification = p.classification;
        f.description = p.description;
        f.pii = p.pii;
        f.piiTagged = p.piiStated || p.pii || !p.classification.isEmpty() || statesPii(p);
        f.masking = customText(p.custom, {"maskingStrategy", "masking", "maskingPolicy", "masking_policy",
                                          "transformation", "anonymization"});
        // "none" and the like say the value is published as is.
        static const QStringList clear{QStringLiteral("none"), QStringLiteral("no"), QStringLiteral("clear"),
                                       QStringLiteral("plain"), QStringLiteral("plaintext"), QStringLiteral("false")};
        if (clear.contains(f.masking.toLower()))
            f.masking.clear();
        f.piiType = customText(p.custom, {"piiType", "pii_type", "fieldType", "field_type"});
        out.push_back(f);
        collectFields(f.target, p.properties, out);
    }
}

rules::Context makeContext(const DataProduct &product, const MeshData &mesh, const EffectivePolicy &policy,
                           std::vector<Violation> &out)
{
    rules::Context c{product, mesh, policy, {}, {}, out};
    for (const Port &port : product.outputPorts) {
        if (port.contractId.isEmpty())
            continue;
        const Contract *contract = mesh.contract(port.contractId);
        if (contract && std::find(c.contracts.begin(), c.contracts.end(), contract) == c.contracts.end())
            c.contracts.push_back(contract);
    }
    for (const Contract *contract : c.contracts) {
        for (const SchemaObject &o : contract->schema)
            collectFields(contract->id + QLatin1Char('.') + o.name, o.properties, c.fields);
    }
    for (const SchemaField &f : product.fields) {
        rules::FieldRef r;
        r.target = product.id + QLatin1Char('.') + f.name;
        r.name = f.name;
        r.classification = f.classification;
        r.description = f.description;
        r.masking = f.governance;
        r.pii = f.pii == Stated::Yes;
        // The seeds' PRIVACY-001: a manifest field classifies itself with `pii: true/false`; nothing else
        // (a classification, a tag) stands in for the key.
        r.piiTagged = f.pii != Stated::NotStated;
        r.fromContract = false;
        c.fields.push_back(r);
    }
    return c;
}

} // namespace

std::vector<Violation> checkProduct(const DataProduct &product, const MeshData &mesh, const EffectivePolicy &policy)
{
    std::vector<Violation> out;
    const rules::Context c = makeContext(product, mesh, policy, out);
    rules::checkContracts(c);
    rules::checkMetadata(c);
    rules::checkNaming(c);
    rules::checkPrivacy(c);
    rules::checkSlos(c);
    rules::checkQualityChecks(c);
    rules::checkDocumentation(c);
    return out;
}

GovernanceReport evaluateGovernance(const MeshData &mesh)
{
    GovernanceReport report;
    // Policies are resolved once per domain, then products are checked on all cores (each check only
    // reads the mesh and its policy).
    QHash<QString, EffectivePolicy> policies;
    QSet<QString> applied;
    std::vector<const EffectivePolicy *> policyOf(mesh.products.size());
    for (size_t i = 0; i < mesh.products.size(); ++i) {
        const QString &domain = mesh.products[i].domainId;
        auto it = policies.find(domain);
        if (it == policies.end()) {
            it = policies.insert(domain, resolvePolicy(mesh.policies, domain, mesh.domainParent));
            report.builtInPolicy = report.builtInPolicy || it->builtIn;
            for (const QString &id : std::as_const(it->policyIds))
                applied.insert(id);
        }
    }
    // Pointers only once every domain's policy is in (an insertion may move the others).
    for (size_t i = 0; i < mesh.products.size(); ++i)
        policyOf[i] = &*policies.constFind(mesh.products[i].domainId);

    report.products.resize(mesh.products.size());
    parallelFor(mesh.products.size(), [&](size_t i) {
        const DataProduct &product = mesh.products[i];
        ProductGovernance &g = report.products[i];
        g.productId = product.id;
        g.name = product.name;
        g.domainId = product.domainId;
        g.violations = checkProduct(product, mesh, *policyOf[i]);
        bool docsMissing = false;
        for (const Violation &v : g.violations) {
            (v.severity == Severity::Error ? g.errors : g.warnings)++;
            docsMissing = docsMissing || v.rule.startsWith(QLatin1String("documentation."));
        }
        g.documentationComplete = !docsMissing && !product.description.trimmed().isEmpty();
        g.score = governanceScore(g.errors, g.warnings);
    }, /*minItemsPerThread=*/128);

    QMap<QString, DomainGovernance> domains;
    double total = 0;
    for (const ProductGovernance &g : report.products) {
        total += g.score;
        report.errors += g.errors;
        report.warnings += g.warnings;
        DomainGovernance &d = domains[g.domainId];
        if (d.products == 0) {
            d.domainId = g.domainId;
            d.score = 0;
        }
        d.products++;
        d.passing += g.passes() ? 1 : 0;
        d.errors += g.errors;
        d.warnings += g.warnings;
        d.score += g.score; // summed here, averaged below
    }
    for (DomainGovernance &d : domains) {
        d.score /= std::max(1, d.products);
        report.domains.push_back(d);
    }
    report.meshScore = report.products.empty() ? 100 : total / double(report.products.size());
    report.policyIds = QStringList(applied.begin(), applied.end());
    report.policyIds.sort();
    return report;
}

} // namespace meshscope::governance
