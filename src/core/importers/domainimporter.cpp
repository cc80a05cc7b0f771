#include "formats.h"
#include "productimporter_common.h"

namespace meshscope::importers {

using namespace yamlsupport;
using products::at;

/// Meshscope's own `kind: Domain` document (see docs/formats/domain.md). It is the authoritative
/// description of a domain, so it replaces a stub noted earlier from a product in the same file.
void importDomainManifest(const ytree::Node &doc, const QString &file, ImportResult &result)
{
    products::Reader r(file, result);
    const ytree::Node metadata = r.mapChild(doc, "metadata");
    const ytree::Node spec = r.mapChild(doc, "spec");

    Domain domain;
    const QString name = r.text(metadata, "name");
    domain.id = slugify(name);
    if (domain.id.isEmpty()) {
        r.error(metadata.IsDefined() ? metadata : doc,
            QStringLiteral("`metadata.name` is missing: a Domain needs a name; skipped"));
        return;
    }
    domain.name = r.text(spec, "displayName");
    if (domain.name.isEmpty())
        domain.name = name;
    const QString parent = r.text(metadata, "parent");
    domain.parentId = slugify(parent);
    if (domain.parentId == domain.id) {
        r.warning(at(metadata, "parent"), QStringLiteral("domain '%1' names itself as its parent; ignored").arg(name));
        domain.parentId.clear();
    }
    domain.type = products::readDomainType(r, at(spec, "type"), r.text(spec, "type"));
    domain.description = products::readDescription(r, spec, "description");
    domain.owner = r.text(spec, "owner");
    if (domain.owner.isEmpty())
        domain.owner = r.text(metadata, "owner");

    bool replaced = false;
    for (Domain &existing : result.domains) {
        if (existing.id == domain.id) {
            existing = domain;
            replaced = true;
        }
    }
    if (!replaced)
        result.domains.push_back(domain);
    // The parent may be described in another file; note it so the hierarchy resolves either way.
    result.noteDomain(domain.parentId, DomainType::Unknown, parent);
}

} // namespace meshscope::importers
