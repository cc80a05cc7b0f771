#include "formats.h"
#include "productimporter_common.h"

namespace meshscope::importers {

using namespace yamlsupport;
using products::at;

/// `kind: GovernancePolicy`: identity from `metadata`, and `spec` kept whole as JSON for the
/// policy engine to interpret (rules evolve faster than a typed model would).
void importPolicy(const ytree::Node &doc, const QString &file, ImportResult &result)
{
    products::Reader r(file, result);
    const ytree::Node metadata = r.mapChild(doc, "metadata");

    GovernancePolicy policy;
    policy.apiVersion = r.text(doc, "apiVersion");
    policy.id = r.text(metadata, "name");
    if (policy.id.isEmpty()) {
        r.error(metadata.IsDefined() ? metadata : doc,
            QStringLiteral("`metadata.name` is missing: a GovernancePolicy needs a name; skipped"));
        return;
    }
    policy.name = r.text(metadata, { "displayName", "title" });
    if (policy.name.isEmpty())
        policy.name = policy.id;
    const QString domain = r.text(metadata, "domain");
    policy.domainId = slugify(domain);
    policy.extends = r.text(metadata, "extends");

    const ytree::Node spec = at(doc, "spec");
    if (!spec.IsDefined() || spec.IsNull()) {
        r.warning(doc, QStringLiteral("policy '%1' has no `spec`: it enforces nothing").arg(policy.id));
    } else if (!spec.IsMap()) {
        r.error(spec,
            QStringLiteral("`spec` must be a mapping, not %1; policy '%2' skipped")
                .arg(products::shapeName(spec), policy.id));
        return;
    } else {
        policy.spec = r.json(spec).toObject();
    }

    result.noteDomain(policy.domainId, DomainType::Unknown, domain);
    result.policies.push_back(policy);
}

} // namespace meshscope::importers
