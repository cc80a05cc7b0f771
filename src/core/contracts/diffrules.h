#pragma once

#include <QString>

#include <optional>
#include <span>

/// The breaking-change rules of the contract diff, in one table (diffrules.cpp). The walker in
/// contractdiff*.cpp decides which rule a difference falls under (is a type change a widening, is a
/// constraint tighter, is an SLA weaker); the table alone decides what each rule weighs.
/// docs/contract-diff.md lists the same table for users, and a test keeps the two in step.
namespace meshscope::diff {

/// How much a change matters to the consumers of a contract. Ordered: Breaking is the highest.
enum class Severity { Info = 0, NonBreaking = 1, Breaking = 2 };

/// "breaking", "non-breaking", "info".
QString severityName(Severity severity);
/// Accepts "breaking", "non-breaking" (also "nonbreaking", "nonBreaking", "non_breaking"), "info".
std::optional<Severity> parseSeverity(const QString &text);

enum class ChangeKind { Added = 1, Removed = 2, Changed = 4, Renamed = 8 };
/// "added", "removed", "changed", "renamed".
QString changeKindName(ChangeKind kind);

/// Bit set of ChangeKind values a rule applies to.
enum KindMask : int {
    OnAdd = int(ChangeKind::Added),
    OnRemove = int(ChangeKind::Removed),
    OnChange = int(ChangeKind::Changed),
    OnRename = int(ChangeKind::Renamed),
    OnAny = OnAdd | OnRemove | OnChange,
};

/// Every rule, in table order. The enum lets the walker name rules without typos; the table row with
/// the same index carries the rule's text id, severity and description.
enum class Rule {
    // the contract as a whole
    ContractIdChanged,
    VersionChanged,
    MetadataChanged,
    DescriptionChanged,
    BusinessNameChanged,
    TagsChanged,
    ExamplesChanged,
    CustomPropertyChanged,
    AuthoritativeDefinitionsChanged,
    OtherFieldChanged,
    TeamChanged,
    SupportChanged,
    NoticePeriodShortened,
    NoticePeriodChanged,
    // schema objects
    ObjectAdded,
    ObjectRemoved,
    ObjectRenamed,
    ObjectPhysicalNameChanged,
    ObjectPhysicalTypeChanged,
    RelationshipChanged,
    // properties
    PropertyAdded,
    RequiredPropertyAdded,
    PropertyRemoved,
    PropertyRenamed,
    PropertyPhysicalNameChanged,
    LogicalTypeWidened,
    LogicalTypeChanged,
    PhysicalTypeWidened,
    PhysicalTypeChanged,
    BecameRequired,
    BecameOptional,
    BecameUnique,
    NoLongerUnique,
    BecamePrimaryKey,
    NoLongerPrimaryKey,
    PrimaryKeyPositionChanged,
    ConstraintTightened,
    ConstraintLoosened,
    ClassificationRaised,
    ClassificationLowered,
    ClassificationChanged,
    BecamePii,
    NoLongerPii,
    CriticalDataElementChanged,
    // quality rules
    QualityRuleAdded,
    QualityRuleRemoved,
    QualityRuleChanged,
    // service levels
    SlaAdded,
    SlaRemoved,
    SlaWeakened,
    SlaStrengthened,
    SlaChanged,
    // servers
    ServerAdded,
    ServerRemoved,
    ServerLocationChanged,
    ServerChanged,
    // roles
    RoleAdded,
    RoleRemoved,
    RoleChanged,
    RoleApproversChanged,
};

/// One row of the table.
struct DiffRule {
    Rule rule;
    const char *id;          ///< stable text id, e.g. "property-removed" (JSON `rule`, docs)
    const char *where;       ///< the paths it applies to, for people: "schema.<object>.properties.<property>"
    int kinds;               ///< KindMask: the change kinds it applies to
    Severity severity;
    bool countsForVersion;   ///< false for bookkeeping (the version field itself)
    const char *description; ///< why it weighs what it weighs, one sentence
};

/// The whole table, in Rule order.
std::span<const DiffRule> diffRules();
const DiffRule &ruleFor(Rule rule);
/// The row with this text id, or nullptr.
const DiffRule *findRule(const QString &id);

} // namespace meshscope::diff
