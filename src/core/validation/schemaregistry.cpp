#include "schemaregistry.h"

#include "importers/yamlsupport.h"

#include <QFile>

#include <map>
#include <memory>
#include <mutex>

namespace meshscope::validation {

namespace {

using yamlsupport::has;
using yamlsupport::str;

struct Pinned {
    const char *version;
    const char *resource;
};

// Versions with a schema of their own, oldest first. ODCS 3.1.0 is the dated snapshot of 2026-05-05.
const Pinned kOdcs[] = {
    {"3.0.0", ":/schemas/odcs/odcs-json-schema-v3.0.0.json"},
    {"3.0.1", ":/schemas/odcs/odcs-json-schema-v3.0.1.json"},
    {"3.0.2", ":/schemas/odcs/odcs-json-schema-v3.0.2.json"},
    {"3.1.0", ":/schemas/odcs/odcs-json-schema-v3.1.0-20260505.json"},
};
const Pinned kDcs[] = {
    {"0.9.0", ":/schemas/dcs/datacontract-0.9.0.schema.json"},
    {"0.9.1", ":/schemas/dcs/datacontract-0.9.1.schema.json"},
    {"0.9.2", ":/schemas/dcs/datacontract-0.9.2.schema.json"},
    {"0.9.3", ":/schemas/dcs/datacontract-0.9.3.schema.json"},
    {"1.1.0", ":/schemas/dcs/datacontract-1.1.0.schema.json"},
    {"1.2.0", ":/schemas/dcs/datacontract-1.2.0.schema.json"},
    {"1.2.1", ":/schemas/dcs/datacontract-1.2.1.schema.json"},
};
const Pinned kOdps[] = {
    {"0.9.0", ":/schemas/odps/odps-json-schema-v0.9.0.json"},
    {"1.0.0", ":/schemas/odps/odps-json-schema-v1.0.0.json"},
};

/// "v3.0.1" -> {3, 0, 1}; anything not numeric counts as 0.
std::vector<int> versionParts(QString v)
{
    if (v.startsWith(QLatin1Char('v')) || v.startsWith(QLatin1Char('V')))
        v.remove(0, 1);
    std::vector<int> parts;
    for (const QString &p : v.split(QLatin1Char('.')))
        parts.push_back(p.toInt());
    parts.resize(3, 0);
    return parts;
}

/// The exact version, else the newest pinned one not newer than `wanted` (same major), else `fallback`.
template <size_t N>
SchemaChoice choose(const char *standard, const Pinned (&pinned)[N], const QString &wanted, size_t fallback)
{
    SchemaChoice c;
    c.standard = QString::fromLatin1(standard);
    const std::vector<int> w = versionParts(wanted);
    size_t pick = N;
    for (size_t i = 0; i < N; ++i) {
        const std::vector<int> p = versionParts(QString::fromLatin1(pinned[i].version));
        if (p[0] == w[0] && p <= w)
            pick = i;
    }
    if (pick == N)
        pick = fallback;
    c.version = QString::fromLatin1(pinned[pick].version);
    c.resource = QString::fromLatin1(pinned[pick].resource);
    if (versionParts(c.version) != w)
        c.note = QStringLiteral("no %1 schema for version `%2`; checked against v%3").arg(c.standard, wanted, c.version);
    return c;
}

} // namespace

SchemaChoice schemaFor(const ytree::Node &doc, bool strict)
{
    if (!doc.IsMap())
        return {};
    const QString kind = str(doc, "kind");
    const QString apiVersion = str(doc, "apiVersion");
    if (has(doc, "dataContractSpecification"))
        return choose("DCS", kDcs, str(doc, "dataContractSpecification"), std::size(kDcs) - 1);
    if (has(doc, "dataProductSpecification"))
        return {}; // the Data Product Specification publishes no JSON Schema we pin
    if (kind == u"DataProduct") {
        if (apiVersion.contains(QLatin1Char('/')))
            return {}; // a manifest `group/v1`, our own format
        if (strict || apiVersion.startsWith(QLatin1String("v0.9")) || apiVersion.startsWith(QLatin1String("v1")))
            return choose("ODPS", kOdps, apiVersion, std::size(kOdps) - 1);
        return {};
    }
    const bool odcsKind = kind == u"DataContract";
    const bool odcsShape = apiVersion.startsWith(QLatin1String("v3")) && kind != u"Domain" && kind != u"GovernancePolicy";
    if (strict ? (odcsKind || odcsShape) : (odcsKind && apiVersion.startsWith(QLatin1String("v3"))))
        return choose("ODCS", kOdcs, apiVersion, std::size(kOdcs) - 1);
    return {};
}

const JsonSchema *pinnedSchema(const QString &resource, QString *error)
{
    struct Entry {
        std::once_flag once;
        std::unique_ptr<JsonSchema> schema;
        QString error;
    };
    static std::mutex mutex;
    static std::map<QString, std::unique_ptr<Entry>> entries;
    Entry *entry;
    {
        std::lock_guard<std::mutex> lock(mutex);
        std::unique_ptr<Entry> &slot = entries[resource];
        if (!slot)
            slot = std::make_unique<Entry>();
        entry = slot.get();
    }
    std::call_once(entry->once, [&] {
        QFile f(resource);
        if (!f.open(QIODevice::ReadOnly)) {
            entry->error = QStringLiteral("schema %1 is not in this build").arg(resource);
            return;
        }
        entry->schema = JsonSchema::compile(f.readAll(), &entry->error);
    });
    if (error)
        *error = entry->error;
    return entry->schema.get();
}

} // namespace meshscope::validation
