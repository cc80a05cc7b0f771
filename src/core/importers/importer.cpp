#include "importer.h"

#include "formats.h"
#include "yamlsupport.h"

#include <QFileInfo>

namespace meshscope {

namespace {
constexpr const char *kNotRecognised = "not a mesh document";
} // namespace

bool isNotRecognised(const Diagnostic &d)
{
    return d.severity == Diagnostic::Severity::Info && d.message.startsWith(QLatin1String(kNotRecognised));
}


namespace {

using namespace yamlsupport;

bool startsWith(const QString &s, const char *prefix)
{
    return s.startsWith(QLatin1String(prefix), Qt::CaseInsensitive);
}

/// Dispatches one YAML document by its identifying keys. Returns false when nothing matched.
bool importYamlDocument(const ytree::Node &doc, const QString &file, ImportResult &result)
{
    if (!doc.IsMap())
        return false;
    const QString kind = str(doc, "kind");
    const QString apiVersion = str(doc, "apiVersion");

    if (has(doc, "dataContractSpecification")) {
        result.format = QStringLiteral("dcs");
        importers::importDcs(doc, file, result);
        return true;
    }
    if (has(doc, "dataProductSpecification")) {
        result.format = QStringLiteral("dps");
        importers::importDps(doc, file, result);
        return true;
    }
    if (kind == u"DataContract") {
        if (startsWith(apiVersion, "v3")) {
            result.format = QStringLiteral("odcs");
            importers::importOdcs(doc, file, result);
            return true;
        }
        result.error(file, lineOf(child(doc, "apiVersion")), columnOf(child(doc, "apiVersion")),
                     QStringLiteral("DataContract with apiVersion '%1' is not supported: "
                                    "expected ODCS v3.x (e.g. 'v3.1.0')")
                         .arg(apiVersion));
        return true;
    }
    if (kind == u"DataProduct") {
        if (apiVersion.contains(QLatin1Char('/'))) {
            result.format = QStringLiteral("manifest");
            importers::importManifestProduct(doc, file, result);
            return true;
        }
        if (startsWith(apiVersion, "v0.9") || startsWith(apiVersion, "v1")) {
            result.format = QStringLiteral("odps");
            importers::importOdps(doc, file, result);
            return true;
        }
        result.error(file, lineOf(child(doc, "apiVersion")), columnOf(child(doc, "apiVersion")),
                     QStringLiteral("DataProduct with apiVersion '%1' is not supported: expected ODPS "
                                    "v0.9.x/v1.x or a manifest 'group/v1'")
                         .arg(apiVersion));
        return true;
    }
    if (kind == u"Domain") {
        result.format = QStringLiteral("domain");
        importers::importDomainManifest(doc, file, result);
        return true;
    }
    if (kind == u"Metric") {
        result.format = QStringLiteral("metric");
        importers::importMetricDocument(doc, file, result);
        return true;
    }
    if (kind == u"GovernancePolicy") {
        result.format = QStringLiteral("policy");
        importers::importPolicy(doc, file, result);
        return true;
    }
    // DataHub's own YAML: data products list `assets`, data contracts name an `entity` urn.
    if (has(doc, "assets") && has(doc, "id") && has(doc, "domain")) {
        result.format = QStringLiteral("datahub-product");
        importers::importDatahubProductYaml(doc, file, result);
        return true;
    }
    if (startsWith(str(doc, "entity"), "urn:li:dataset:")) {
        result.format = QStringLiteral("datahub-contract");
        importers::importDatahubContractYaml(doc, file, result);
        return true;
    }
    return false;
}

void importYaml(const QString &file, const QByteArray &bytes, ImportResult &result, const DocumentCheck &check)
{
    ytree::Arena arena;
    std::vector<ytree::Node> documents;
    if (!loadAll(bytes, file, arena, documents, result))
        return;
    int recognised = 0;
    for (const ytree::Node &doc : documents) {
        try {
            const bool taken = importYamlDocument(doc, file, result);
            if (taken)
                ++recognised;
            if (check)
                check(doc, taken, result);
        } catch (const std::exception &e) {
            // Nothing below should throw; if something does (bad_alloc), keep the message.
            result.error(file, lineOf(doc), columnOf(doc),
                         QStringLiteral("could not read document: ") + QString::fromUtf8(e.what()));
        }
    }
    if (recognised == 0 && !result.hasErrors()) {
        result.diagnostics.push_back({file, 1, 1, Diagnostic::Severity::Info,
                                      QLatin1String(kNotRecognised)
                                          + QStringLiteral(" (no ODCS, DCS, ODPS, DPS, "
                                                           "DataProduct or GovernancePolicy keys); skipped")});
    }
}

void importJson(const QString &file, const QByteArray &bytes, ImportResult &result)
{
    // Sniff the head: dbt artifacts carry their schema URL in metadata, OpenLineage events name
    // an eventType or run/job; the whole document is parsed only by the matching importer.
    const QByteArray head = bytes.left(64 * 1024);
    if (head.contains("\"meshscopeMeeting\"")) {
        // Council meeting records live in the mesh folder (council/meetings/) but describe no entities.
        result.format = QStringLiteral("council-meeting");
        return;
    }
    if (head.contains("dbt_schema_version")) {
        if (head.contains("/manifest/v")) {
            result.format = QStringLiteral("dbt-manifest");
            importers::importDbtManifest(bytes, file, result);
            return;
        }
        if (head.contains("/run-results/v")) {
            result.format = QStringLiteral("dbt-run-results");
            importers::importDbtRunResults(bytes, file, result);
            return;
        }
        result.diagnostics.push_back({file, 1, 1, Diagnostic::Severity::Info,
                                      QStringLiteral("dbt artifact other than manifest.json or run_results.json; skipped")});
        return;
    }
    if (head.contains("\"proposedSnapshot\"") || (head.contains("\"entityUrn\"") && head.contains("\"aspectName\""))) {
        result.format = QStringLiteral("datahub-mce");
        importers::importDatahubMce(bytes, file, result);
        return;
    }
    if (head.contains("\"eventType\"") || head.contains("openlineage.io/spec")
        || (head.contains("\"run\"") && head.contains("\"job\""))) {
        result.format = QStringLiteral("openlineage");
        importers::importOpenLineage(bytes, file, result);
        return;
    }
    if (head.contains("\"format\"") && head.contains("\"meshscope-review/")) {
        // Review events (meshscope review) live beside the contracts; sync skips a root's reviews/.
        result.format = QStringLiteral("review-event");
        result.diagnostics.push_back({file, 1, 1, Diagnostic::Severity::Info,
                                      QStringLiteral("a contract review event, read by 'meshscope review'; no entities")});
        return;
    }
    result.diagnostics.push_back({file, 1, 1, Diagnostic::Severity::Info,
                                  QStringLiteral("not a recognised JSON mesh document (dbt manifest, "
                                                 "OpenLineage events or DataHub MCE/MCP); skipped")});
}

} // namespace

bool isCandidateDocument(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"yaml" || suffix == u"yml" || suffix == u"json" || suffix == u"ndjson"
        || suffix == u"jsonl";
}

static bool isJsonName(const QString &file)
{
    const QString suffix = QFileInfo(file).suffix().toLower();
    return suffix == u"json" || suffix == u"ndjson" || suffix == u"jsonl";
}

qint64 maxDocumentBytes(const QString &file)
{
    return isJsonName(file) ? kMaxJsonBytes : kMaxYamlBytes;
}

Diagnostic oversizeDiagnostic(const QString &file, qint64 size)
{
    return {file, 0, 0, Diagnostic::Severity::Error,
            QStringLiteral("file is %1 MB, over the %2 MB limit for %3 documents; not read")
                .arg(size / (1024 * 1024))
                .arg(maxDocumentBytes(file) / (1024 * 1024))
                .arg(isJsonName(file) ? QStringLiteral("JSON") : QStringLiteral("YAML"))};
}

ImportResult importDocument(const QString &file, const QByteArray &bytes, const DocumentCheck &check)
{
    ImportResult result;
    const bool json = isJsonName(file);
    if (bytes.size() > maxDocumentBytes(file)) {
        result.diagnostics.push_back(oversizeDiagnostic(file, bytes.size()));
        return result;
    }
    if (json)
        importJson(file, bytes, result);
    else
        importYaml(file, bytes, result, check);
    return result;
}

} // namespace meshscope
