#include "dbtmanifestreader.h"
#include "formats.h"

#include <QRegularExpression>

#include <unordered_set>

namespace meshscope::importers {

using namespace jsonsupport;

namespace dbt {

namespace {

std::string stdString(const Json &value)
{
    return value.is_string() ? value.get_ref<const std::string &>() : std::string();
}

/// Name of a dbt test as a check: "not_null(customer_id)", "dbt_utils.expression_is_true",
/// or the node name for a singular test (a SQL file with no test_metadata).
QString testLabel(const Json &test)
{
    QString name;
    QString column = str(test, "column_name");
    if (const Json *meta = objectMember(test, "test_metadata")) {
        name = str(*meta, "name");
        const QString ns = str(*meta, "namespace");
        if (!ns.isEmpty() && !name.isEmpty())
            name = ns + QLatin1Char('.') + name;
        if (column.isEmpty()) {
            if (const Json *kwargs = objectMember(*meta, "kwargs"))
                column = str(*kwargs, "column_name");
        }
    }
    if (name.isEmpty())
        name = str(test, "name");
    return checkLabel(name, column);
}

} // namespace

bool skipUnread(size_t depth, std::string_view key)
{
    if (depth == 1) {
        return !(key == "metadata" || key == "nodes" || key == "sources" || key == "exposures"
                 || key == "groups" || key == "parent_map" || key == "metrics" || key == "semantic_models");
    }
    // Fields of a node, source, exposure or group that nothing here reads. The SQL alone is most
    // of a real manifest.
    if (depth == 3) {
        static const std::unordered_set<std::string_view> unread{
            "raw_code", "compiled_code", "raw_sql", "compiled_sql", "unrendered_config", "checksum",
            "fqn", "refs", "extra_ctes", "extra_ctes_injected", "compiled_path", "build_path",
            "patch_path", "path", "original_file_path", "root_path", "docs", "deferred", "created_at",
            "language", "contract", "constraints", "quoting", "freshness", "external", "loaded_at_field",
            "source_meta", "sources", "metrics", "access", "latest_version", "deprecation_date",
            "compiled", "defer_relation", "primary_key", "time_spine", "functions"};
        return unread.count(key) > 0;
    }
    return false;
}

bool isDatasetResource(const QString &resourceType)
{
    return resourceType == u"model" || resourceType == u"seed" || resourceType == u"snapshot"
        || resourceType == u"source";
}

ManifestReader::ManifestReader(const QByteArray &bytes, const QString &file, ImportResult &result,
                               const KeyOrder &columnOrder)
    : m_bytes(bytes)
    , m_file(file)
    , m_result(result)
    , m_columnOrder(columnOrder)
    , m_collector(result)
{
}

void ManifestReader::read(const Json &root)
{
    if (!root.is_object()) {
        m_result.error(m_file, 1, 1,
                       QStringLiteral("a dbt manifest must be a JSON object, found %1").arg(typeName(root)));
        return;
    }
    readMetadata(root);
    readGroups(root);

    const Json *nodes = section(root, "nodes");
    const Json *sources = section(root, "sources");
    const Json *exposures = section(root, "exposures");
    size_t expected = (nodes ? nodes->size() : 0) + (sources ? sources->size() : 0)
        + (exposures ? exposures->size() : 0);
    m_nodes.reserve(expected);
    m_result.datasets.reserve(m_result.datasets.size() + expected);

    // Nodes before sources: when a source names a table that a seed or model builds, the
    // builder's name and kind win (the source only declares it).
    if (nodes)
        readNodes(*nodes, "nodes");
    if (sources)
        readNodes(*sources, "sources");
    if (exposures)
        readExposures(*exposures);
    if (nodes)
        readTests(*nodes);
    readEdges(root);
    if (const Json *semanticModels = section(root, "semantic_models"))
        readSemanticModels(*semanticModels);
    if (const Json *metrics = section(root, "metrics"))
        readMetrics(*metrics);
    placeNotes();
}

const Json *ManifestReader::section(const Json &root, const char *key)
{
    const Json *value = member(root, key);
    if (!value)
        return nullptr;
    if (!value->is_object()) {
        note(Diagnostic::Severity::Warning, {key, {}, 1},
             QStringLiteral("'%1' is %2, expected an object of entries; skipped").arg(QLatin1String(key), typeName(*value)));
        return nullptr;
    }
    return value;
}

void ManifestReader::readMetadata(const Json &root)
{
    const Json *metadata = objectMember(root, "metadata");
    if (!metadata) {
        m_result.warning(m_file, 1, 1, QStringLiteral("dbt manifest without 'metadata'; schema version unknown"));
    } else {
        m_adapter = str(*metadata, "adapter_type").toLower();
        m_project = str(*metadata, "project_name");
        const QString schema = str(*metadata, "dbt_schema_version");
        static const QRegularExpression versionPattern(QStringLiteral("/manifest/v(\\d+)\\.json"));
        const QRegularExpressionMatch match = versionPattern.match(schema);
        const int version = match.hasMatch() ? match.captured(1).toInt() : 0;
        if (version < 9 || version > 12) {
            note(Diagnostic::Severity::Warning, {"dbt_schema_version", "metadata", 2},
                 QStringLiteral("dbt manifest schema '%1' is not one of v9 to v12; "
                                "reading it anyway, some fields may be missed")
                     .arg(schema));
        }
    }
    if (m_adapter.isEmpty())
        m_adapter = QStringLiteral("dbt");
}

void ManifestReader::readGroups(const Json &root)
{
    const Json *groups = objectMember(root, "groups");
    if (!groups)
        return;
    for (auto it = groups->begin(); it != groups->end(); ++it) {
        const Json &group = it.value();
        const QString name = str(group, "name");
        if (name.isEmpty())
            continue;
        const QString owner = ownerOf(group, nullptr);
        if (!owner.isEmpty())
            m_groupOwners.insert(name, owner);
    }
}

void ManifestReader::readTests(const Json &nodes)
{
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        const Json &test = it.value();
        const Json *type = member(test, "resource_type");
        if (!type || stdString(*type) != "test")
            continue;
        const QString label = testLabel(test);
        if (label.isEmpty())
            continue;

        std::vector<const NodeRef *> targets;
        if (const Json *attached = member(test, "attached_node"); attached && attached->is_string()) {
            const auto found = m_nodes.find(attached->get_ref<const std::string &>());
            if (found != m_nodes.end())
                targets.push_back(&found->second);
        }
        if (targets.empty()) {
            if (const Json *dependsOn = path(test, {"depends_on", "nodes"}); dependsOn && dependsOn->is_array()) {
                for (const Json &id : *dependsOn) {
                    const auto found = m_nodes.find(stdString(id));
                    if (found != m_nodes.end())
                        targets.push_back(&found->second);
                }
            }
        }
        // A test node's checks are tests, each counted once: two tests with the same label
        // (relationships to two parents on one column) stay two entries.
        for (const NodeRef *target : targets)
            m_result.datasets[target->dataset].checks.append(label);
    }
}

void ManifestReader::readEdges(const Json &root)
{
    const Json *parentMap = member(root, "parent_map");
    if (!parentMap || !parentMap->is_object()) {
        if (parentMap)
            note(Diagnostic::Severity::Warning, {"parent_map", {}, 1},
                 QStringLiteral("'parent_map' is %1, expected an object; using depends_on").arg(typeName(*parentMap)));
        readDependsOn();
        return;
    }
    for (auto it = parentMap->begin(); it != parentMap->end(); ++it) {
        const auto child = m_nodes.find(it.key());
        if (child == m_nodes.end())
            continue;
        const Json &parents = it.value();
        if (!parents.is_array()) {
            warnAbout("parent_map", it.key(), QStringLiteral("parent_map entry is %1, expected a list; its edges are skipped")
                                    .arg(typeName(parents)));
            continue;
        }
        std::unordered_set<std::string> seen;
        addParentEdges(parents, parentMap, child->second, seen);
    }
}

void ManifestReader::readDependsOn()
{
    for (const auto &[uniqueId, ref] : m_nodes) {
        const Json *parents = ref.json ? path(*ref.json, {"depends_on", "nodes"}) : nullptr;
        if (!parents || !parents->is_array())
            continue;
        std::unordered_set<std::string> seen;
        addParentEdges(*parents, nullptr, ref, seen);
    }
}

void ManifestReader::addParentEdges(const Json &parents, const Json *parentMap, const NodeRef &child,
                                    std::unordered_set<std::string> &seen)
{
    const QString &childId = m_result.datasets[child.dataset].id;
    // Depth first without recursion (a hostile chain of ephemeral models cannot exhaust the stack), and
    // within a budget per document (collapsing edges multiplies them: parents x children per step).
    std::vector<const Json *> lists{&parents};
    while (!lists.empty()) {
        const Json &list = *lists.back();
        lists.pop_back();
        for (const Json &parentId : list) {
            const std::string id = stdString(parentId);
            if (const auto parent = m_nodes.find(id); parent != m_nodes.end()) {
                m_collector.addEdge(m_result.datasets[parent->second.dataset].id, childId, child.jobId);
                continue;
            }
            const auto ephemeral = m_ephemeral.find(id);
            if (ephemeral == m_ephemeral.end() || !seen.insert(id).second)
                continue; // macros, metrics, tests, analyses: not datasets; `seen` ends a cycle
            if (++m_ephemeralSteps > kMaxEphemeralSteps) {
                if (m_ephemeralSteps == kMaxEphemeralSteps + 1)
                    warnAbout(parentMap ? "parent_map" : "nodes", id,
                              QStringLiteral("lineage through ephemeral models stops here (more than %1 steps in "
                                             "this manifest); some edges are left out")
                                  .arg(kMaxEphemeralSteps));
                return;
            }
            // What the ephemeral model reads: its parent_map entry, else its own depends_on.
            const Json *upstream = nullptr;
            if (parentMap) {
                const auto entry = parentMap->find(id);
                if (entry != parentMap->end() && entry->is_array())
                    upstream = &*entry;
            }
            if (!upstream)
                upstream = path(*ephemeral->second, {"depends_on", "nodes"});
            if (upstream && upstream->is_array())
                lists.push_back(upstream);
        }
    }
}

void ManifestReader::note(Diagnostic::Severity severity, KeyQuery where, const QString &message)
{
    m_unplaced.emplace_back(m_result.diagnostics.size(), std::move(where));
    m_result.diagnostics.push_back({m_file, 0, 0, severity, message});
}

void ManifestReader::warnAbout(const char *section, const std::string &uniqueId, const QString &message)
{
    note(Diagnostic::Severity::Warning, {uniqueId, section, 2}, toQString(uniqueId) + QStringLiteral(": ") + message);
}

void ManifestReader::infoAbout(const char *section, const std::string &uniqueId, const QString &message)
{
    note(Diagnostic::Severity::Info, {uniqueId, section, 2}, toQString(uniqueId) + QStringLiteral(": ") + message);
}

void ManifestReader::placeNotes()
{
    if (m_unplaced.empty())
        return;
    std::vector<KeyQuery> queries;
    queries.reserve(m_unplaced.size());
    for (const auto &[index, where] : m_unplaced)
        queries.push_back(where);
    const std::vector<TextPosition> places = positionsOf(m_bytes, findKeys(m_bytes, queries));
    for (size_t i = 0; i < m_unplaced.size(); ++i) {
        Diagnostic &d = m_result.diagnostics[m_unplaced[i].first];
        d.line = places[i].line;
        d.column = places[i].column;
    }
    m_unplaced.clear();
}

} // namespace dbt

void importDbtManifest(const QByteArray &bytes, const QString &file, ImportResult &result)
{
    Json root;
    KeyOrder columnOrder{"columns", {}};
    ParseOptions options;
    options.keyOrder = &columnOrder;
    options.skip = dbt::skipUnread;
    if (!parse(bytes, file, result, root, options))
        return;
    try {
        dbt::ManifestReader reader(bytes, file, result, columnOrder);
        reader.read(root);
    } catch (const std::exception &e) {
        // The reader checks every type before use; this is the last line against a missed one.
        result.error(file, 0, 0, QStringLiteral("dbt manifest could not be read: ") + QString::fromUtf8(e.what()));
    }
}

} // namespace meshscope::importers
