#pragma once

#include "model/importresult.h"
#include "yamlsupport.h"

#include <QJsonObject>
#include <QJsonValue>
#include <initializer_list>
#include "yamltree.h"

/// Helpers shared by the data product importers (ODPS, DPS, manifest, DataHub YAML) and the small
/// Domain and GovernancePolicy readers: typed field access that reports wrong shapes with a line,
/// ports, descriptions, owners and teams.
namespace meshscope::importers::products {

/// @brief One document's reading state: where problems go and the node budget for JSON copies.
class Reader {
public:
    /// Nodes of free-form JSON (custom fields, port details, a policy's spec) kept per document.
    /// Real products and policies have a few hundred; the cap stops alias bombs within a second.
    static constexpr qint64 kBudget = 250'000;

    Reader(const QString &file, ImportResult &result);

    const QString &file() const { return m_file; }
    ImportResult &result() { return m_result; }

    void error(const ytree::Node &where, const QString &message);
    void warning(const ytree::Node &where, const QString &message);

    /// Trimmed scalar text of map[key]. Warns (at the value) when the key holds a list or mapping.
    QString text(const ytree::Node &map, const char *key);
    /// The first non-empty text among several spellings of one field.
    QString text(const ytree::Node &map, std::initializer_list<const char *> keys);
    /// map[key] as a boolean; warns and returns `fallback` when it is something else.
    bool flag(const ytree::Node &map, const char *key, bool fallback = false);
    /// The same, keeping "not said" apart: NotStated when the key is absent or null, or (with a
    /// warning) holds something other than true or false.
    Stated statedFlag(const ytree::Node &map, const char *key);
    /// A list of scalar tags (a single scalar is a one-tag list); warns on a mapping or nested items.
    QStringList tags(const ytree::Node &map, const char *key);

    /// map[key] when it is a mapping; an error and an undefined node when it has another shape.
    ytree::Node mapChild(const ytree::Node &map, const char *key);
    /// map[key] when it is a list; an error and an undefined node when it has another shape.
    ytree::Node listChild(const ytree::Node &map, const char *key);
    /// The first of several spellings that is present (e.g. `output_ports` / `outputPorts`).
    const char *firstPresent(const ytree::Node &map, std::initializer_list<const char *> keys) const;

    /// JSON copy of any node, spending the document's node budget; warns once when it runs out.
    QJsonValue json(const ytree::Node &node);
    /// JSON copy of a mapping without the listed keys (the ones already read into typed fields).
    QJsonObject jsonExcept(const ytree::Node &map, std::initializer_list<const char *> skip);

private:
    QString m_file;
    ImportResult &m_result;
    qint64 m_budget = kBudget;
    bool m_budgetReported = false;
};

/// map[key], or a valid Undefined node when the key is missing or `map` is not a mapping.
/// Unlike yamlsupport::child (whose missing keys are yaml-cpp "zombie" nodes that throw on
/// IsMap(), Type() or Mark()), every query on the result is safe.
ytree::Node at(const ytree::Node &map, const char *key);

/// A short name for a node's shape in messages: "a list", "a mapping", "a string".
QString shapeName(const ytree::Node &node);

/// Which port list is being read; decides the fallback id and the message wording.
enum class PortDirection { Input, Output };

/// Reads parent[key] (the first present of `keys`) as a list of ports into `product`
/// (productimporter_ports.cpp).
/// Each port's fields come from the spellings the formats use (contractId / contract /
/// dataContractId, location / topic / table / endpoint, ...). A port without an id gets
/// name@version, or its name, or type-N. Keys not mapped to a field are kept in
/// product.custom["ports"][portId]. A non-list or a non-mapping item is an error at its line.
void readPorts(Reader &r, const ytree::Node &parent, std::initializer_list<const char *> keys, PortDirection direction,
    DataProduct &product);

/// `description` as Markdown: a string as is, or ODPS's {purpose, limitations, usage} mapping as
/// "## Purpose" sections. Other keys of such a mapping go to `extras`.
QString readDescription(Reader &r, const ytree::Node &parent, const char *key, QJsonObject *extras = nullptr);

/// ODPS/ODCS `customProperties` ([{property, value}] or a plain mapping) as one JSON object.
QJsonObject readCustomProperties(Reader &r, const ytree::Node &parent, const char *key);

/// An ODPS-style team ({name, description, members: [...]}, or a bare member list) into a Team
/// entity in the result; sets product.teamId and, when empty, product.owner (the member whose
/// role is owner, else the team name).
void readTeam(Reader &r, const ytree::Node &teamNode, DataProduct &product);

/// A manifest owner: a string (e-mail or team handle) or {team, email, slack, name}.
/// Sets product.owner and product.teamId, adds a Team when a team is named, keeps contacts in custom.
void readOwner(Reader &r, const ytree::Node &ownerNode, DataProduct &product);

/// Adds the team, or fills the blanks of the one with the same id already in the result.
void noteTeam(ImportResult &result, const Team &team);

/// Parses the domain type text; warns at `where` when the text is present but not a known type.
DomainType readDomainType(Reader &r, const ytree::Node &where, const QString &text);

/// Checks the product's id (deriving one from the name with a warning when only that is given) and
/// adds it to the result. Returns false (with an error at `where`) when neither id nor name is there.
bool addProduct(Reader &r, const ytree::Node &where, DataProduct product);

/// The parts of a DataHub dataset urn "urn:li:dataset:(urn:li:dataPlatform:hive,Name,PROD)".
struct DatasetUrn {
    QString platform;
    QString name;
    QString env;
    bool valid = false;
};
DatasetUrn parseDatasetUrn(const QString &urn);
/// "urn:li:corpuser:jdoe" -> "jdoe"; text without the urn prefix is returned unchanged.
QString stripUrn(const QString &urn);

} // namespace meshscope::importers::products
