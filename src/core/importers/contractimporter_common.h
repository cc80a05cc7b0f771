#pragma once

#include "model/importresult.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include "yamltree.h"

#include <optional>

/// Pieces shared by the ODCS and DCS contract importers (contractimporter_odcs.cpp, _dcs.cpp);
/// quality rules are read in contractimporter_quality.cpp.
namespace meshscope::importers::contracts {

/// Deepest nesting of properties (fields) read; deeper levels are reported and left out.
constexpr int kMaxNesting = 64;
/// Budget units charged per schema object, property or field read. A property costs far more
/// memory than a JSON node, so an alias bomb made of properties must stop sooner.
constexpr qint64 kEntityCost = 10;

/// @brief The state of reading one contract document: where diagnostics go and how much work is left.
/// Every accessor tolerates missing keys and wrong shapes; wrong shapes are reported with their line.
class ReadContext {
public:
    /// The budget is a multiple of the nodes `doc` really holds (each aliased node counted once),
    /// so a document can expand through aliases only a few times over before reading stops.
    ReadContext(const ytree::Node &doc, const QString &file, ImportResult &result);

    void error(const ytree::Node &at, const QString &message);
    void warning(const ytree::Node &at, const QString &message);

    /// Spends units of the document's node budget. Returns false once it is spent (and says so
    /// once): YAML aliases let a few lines name billions of nodes, so reading stops early.
    bool spend(const ytree::Node &at, qint64 units = 1);
    bool exhausted() const { return m_budget < 0; }

    /// The node as JSON, charged to the same budget.
    QJsonValue json(const ytree::Node &node);

    /// Scalar text of map[key]; a list or mapping there is reported (naming `place`) and read as "".
    QString text(const ytree::Node &map, const char *key, const QString &place);
    /// map[key] as a boolean; other values are reported and give `fallback`.
    bool flag(const ytree::Node &map, const char *key, const QString &place, bool fallback = false);
    /// map[key] as a boolean when it is one; nullopt when absent (or reported when not a boolean).
    std::optional<bool> optionalFlag(const ytree::Node &map, const char *key, const QString &place);
    /// map[key] as an integer; other values are reported and give `fallback`.
    int whole(const ytree::Node &map, const char *key, const QString &place, int fallback);
    /// A list of scalars (or one scalar) as text; non-scalar items become compact JSON. Null items
    /// are dropped, or read as "null" with `keepNulls` (an example value may well be null).
    QStringList texts(const ytree::Node &map, const char *key, const QString &place, bool keepNulls = false);
    /// map[key] when it is a sequence (or a mapping); another shape is reported and gives an
    /// undefined node. Absent or null keys give an undefined node silently.
    ytree::Node sequence(const ytree::Node &map, const char *key, const QString &place);
    ytree::Node mapping(const ytree::Node &map, const char *key, const QString &place);
    /// Reports (as an error) a required key that is missing or empty; returns whether it is there.
    bool require(const ytree::Node &map, const char *key, const QString &place);

    const QString &file() const { return m_file; }
    ImportResult &result() { return m_result; }

private:
    QString m_file;
    ImportResult &m_result;
    qint64 m_budget = 0;
    qint64 m_initialBudget = 0;
    bool m_budgetReported = false;
};

/// "list", "mapping", "null" or "text", for messages about wrong shapes.
QString shapeName(const ytree::Node &node);

/// Scalar text of a node, or compact JSON for a list or mapping, "" for null or absent.
QString displayText(const ytree::Node &node, ReadContext &ctx);

/// Every key of a mapping except those in `known` (and constraint keys when asked), as JSON.
/// An ODCS `customProperties` list becomes a {property: value} object under "customProperties".
QJsonObject remainder(const ytree::Node &map, const QStringList &known, const QString &place,
                      ReadContext &ctx, bool skipConstraints = false);

/// ODCS customProperties, [{property: k, value: v}, ...], as {k: v}; a mapping is taken as it is.
QJsonObject customProperties(const ytree::Node &list, const QString &place, ReadContext &ctx);

/// Whether `key` is one of the value constraints kept in ContractProperty::constraints.
bool isConstraintKey(const QString &key);
/// The constraint keys of a property or field (minLength, maxLength, minimum, maximum, pattern,
/// format, enum, ...) together with everything in its ODCS `logicalTypeOptions`.
QJsonObject readConstraints(const ytree::Node &node, const QString &place, ReadContext &ctx);

/// The PII rule both importers share. An explicit statement decides: a `pii` key, or a custom
/// property named pii / isPii / containsPii / personalData. Without one, a tag naming personal data
/// marks the property: pii, personal, personal-data, personaldata, sensitive, gdpr, or a tag
/// starting "pii:"/"pii-"/"pii_". The classification never does, whatever its value (`sensitive`,
/// `restricted`, even `pii`): it is a confidentiality level, compared on its own by the diff, and
/// reading it as personal data made a level change look like data becoming or leaving PII.
bool isPii(std::optional<bool> stated, const QStringList &tags);
/// The explicit part of the rule: map[`pii`], else a custom property of that meaning.
std::optional<bool> statedPii(const ytree::Node &node, const QString &place, ReadContext &ctx);

/// One quality rule (ODCS v3 or DCS 1.x list item). `element` is "object" or "object.property".
/// Thresholds hold the mustBe*/mustNotBe* operators (deprecated DCS spellings normalised) and
/// the `unit` they are measured in; everything else not mapped lands in QualityRule::custom.
QualityRule readQualityRule(const ytree::Node &node, const QString &element, const QString &place,
                            ReadContext &ctx);
/// parent["quality"]: a list of rules, or the DCS 0.9 block {type: SodaCL, specification: ...}
/// (one rule per SodaCL check, "checks for <model>" naming the element).
QList<QualityRule> readQuality(const ytree::Node &parent, const QString &element, const QString &place,
                               ReadContext &ctx);

/// Joins titled Markdown sections ("## Purpose\n\ntext"), skipping empty ones.
QString markdownSections(const QList<std::pair<QString, QString>> &sections);

/// The owner among team members: role "owner" first, then a role containing "owner"
/// (e.g. "Data Product Owner"); their username, else name, else e-mail. Empty when none.
QString ownerOf(const QList<Person> &members);

/// Adds the team unless one with the same id is there.
void noteTeam(ImportResult &result, const Team &team);

} // namespace meshscope::importers::contracts
