#include "diffrules.h"

#include <array>

namespace meshscope::diff {

namespace {

constexpr Severity B = Severity::Breaking;
constexpr Severity N = Severity::NonBreaking;
constexpr Severity I = Severity::Info;

// THE rule table. A change is breaking when a consumer, or data, that conformed to the old contract
// can fail under the new one; non-breaking when the contract grows or relaxes in a way that keeps old
// readers working; info when only documentation or bookkeeping changed. docs/contract-diff.md lists
// this table for users (tst_contractdiff_rules checks that every id here appears there).
constexpr std::array kRules = {
    DiffRule{Rule::ContractIdChanged, "contract-id-changed", "id", OnChange, B, true,
             "The contract id changed: ports and consumers naming the old id no longer find it."},
    DiffRule{Rule::VersionChanged, "version-changed", "version", OnAny, I, false,
             "The version changed; checked on its own against the required version, not counted as a change."},
    DiffRule{Rule::MetadataChanged, "metadata-changed", "name, dataProduct, domain, status, apiVersion", OnAny, I,
             true, "Contract metadata changed; the data itself is not affected."},
    DiffRule{Rule::DescriptionChanged, "description-changed", "*.description", OnAny, I, true,
             "A description changed."},
    DiffRule{Rule::BusinessNameChanged, "business-name-changed", "*.businessName", OnAny, I, true,
             "A business name changed; physical and logical names are untouched."},
    DiffRule{Rule::TagsChanged, "tags-changed", "*.tags", OnAny, I, true, "Tags were added or removed."},
    DiffRule{Rule::ExamplesChanged, "examples-changed", "schema.<object>.properties.<property>.examples", OnAny, I,
             true, "Example values changed."},
    DiffRule{Rule::CustomPropertyChanged, "custom-property-changed", "*.customProperties.<property>", OnAny, I,
             true, "A custom property changed; Meshscope does not interpret custom properties."},
    DiffRule{Rule::AuthoritativeDefinitionsChanged, "authoritative-definitions-changed",
             "*.authoritativeDefinitions", OnAny, I, true, "Authoritative links changed."},
    DiffRule{Rule::OtherFieldChanged, "other-field-changed",
             "any other field (tenant, price, contractCreatedTs, partitioned, encryptedName, ...)", OnAny, I, true,
             "A field Meshscope does not interpret changed."},
    DiffRule{Rule::TeamChanged, "team-changed", "team.name, team.members.<username>", OnAny, I, true,
             "The team changed; ownership is governance information, not part of the data's shape."},
    DiffRule{Rule::SupportChanged, "support-changed", "support.<channel>", OnAny, I, true,
             "A support channel changed."},
    DiffRule{Rule::NoticePeriodShortened, "notice-period-shortened", "terms.noticePeriod", OnChange | OnRemove, B,
             true, "The notice period before changes became shorter or was dropped: consumers get less warning."},
    DiffRule{Rule::NoticePeriodChanged, "notice-period-changed", "terms.noticePeriod", OnAny, N, true,
             "The notice period was added, lengthened or restated."},

    DiffRule{Rule::ObjectAdded, "object-added", "schema.<object>", OnAdd, N, true,
             "A schema object was added; existing readers do not see it."},
    DiffRule{Rule::ObjectRemoved, "object-removed", "schema.<object>", OnRemove, B, true,
             "A schema object was removed: consumers reading it fail."},
    DiffRule{Rule::ObjectRenamed, "object-renamed", "schema.<object>", OnRename, B, true,
             "A schema object was renamed (same id or physical name): consumers using the old name fail."},
    DiffRule{Rule::ObjectPhysicalNameChanged, "object-physical-name-changed", "schema.<object>.physicalName",
             OnChange, B, true, "The table, topic or file behind an object moved: queries on the old name fail."},
    DiffRule{Rule::ObjectPhysicalTypeChanged, "object-physical-type-changed", "schema.<object>.physicalType", OnAny,
             N, true, "The kind of physical object changed (e.g. table to view); reads keep working."},
    DiffRule{Rule::RelationshipChanged, "relationship-changed", "schema.<object>.relationships.<from>-><to>", OnAny,
             N, true, "A declared relationship (foreign key) was added, removed or retyped; the data is unchanged."},

    DiffRule{Rule::PropertyAdded, "property-added", "schema.<object>.properties.<property>", OnAdd, N, true,
             "An optional property was added; existing readers ignore it."},
    DiffRule{Rule::RequiredPropertyAdded, "required-property-added", "schema.<object>.properties.<property>",
             OnAdd, B, true, "A required property was added to an existing object: existing data and writers fail."},
    DiffRule{Rule::PropertyRemoved, "property-removed", "schema.<object>.properties.<property>", OnRemove, B, true,
             "A property was removed: consumers reading it fail."},
    DiffRule{Rule::PropertyRenamed, "property-renamed", "schema.<object>.properties.<property>", OnRename, B, true,
             "A property was renamed (same id or physical name): consumers using the old name fail."},
    DiffRule{Rule::PropertyPhysicalNameChanged, "property-physical-name-changed",
             "schema.<object>.properties.<property>.physicalName", OnChange, B, true,
             "The physical column behind a property was renamed: queries on the old column fail."},
    DiffRule{Rule::LogicalTypeWidened, "logical-type-widened", "schema.<object>.properties.<property>.logicalType",
             OnAny, N, true, "The logical type was widened (e.g. integer to number): every old value still fits."},
    DiffRule{Rule::LogicalTypeChanged, "logical-type-changed", "schema.<object>.properties.<property>.logicalType",
             OnAny, B, true, "The logical type changed incompatibly: consumers parsing the old type fail."},
    DiffRule{Rule::PhysicalTypeWidened, "physical-type-widened", "schema.<object>.properties.<property>.physicalType",
             OnAny, N, true, "The physical type was widened (e.g. int to bigint, varchar(50) to varchar(100))."},
    DiffRule{Rule::PhysicalTypeChanged, "physical-type-changed", "schema.<object>.properties.<property>.physicalType",
             OnAny, B, true, "The physical type changed incompatibly: columns and code typed for the old one fail."},
    DiffRule{Rule::BecameRequired, "property-became-required", "schema.<object>.properties.<property>.required",
             OnChange, B, true, "A property became required: existing data with nulls and writers omitting it fail."},
    DiffRule{Rule::BecameOptional, "property-became-optional", "schema.<object>.properties.<property>.required",
             OnChange, N, true, "A property is no longer required (a loosened constraint)."},
    DiffRule{Rule::BecameUnique, "property-became-unique", "schema.<object>.properties.<property>.unique", OnChange,
             B, true, "A property became unique: existing data with duplicates fails."},
    DiffRule{Rule::NoLongerUnique, "property-no-longer-unique", "schema.<object>.properties.<property>.unique",
             OnChange, N, true, "A property is no longer unique (a loosened constraint)."},
    DiffRule{Rule::BecamePrimaryKey, "property-became-primary-key",
             "schema.<object>.properties.<property>.primaryKey", OnChange, B, true,
             "A property became (part of) the primary key: the object's identity changed."},
    DiffRule{Rule::NoLongerPrimaryKey, "property-no-longer-primary-key",
             "schema.<object>.properties.<property>.primaryKey", OnChange, N, true,
             "A property left the primary key (a loosened constraint)."},
    DiffRule{Rule::PrimaryKeyPositionChanged, "primary-key-position-changed",
             "schema.<object>.properties.<property>.primaryKeyPosition", OnChange, N, true,
             "The order of a composite primary key changed."},
    DiffRule{Rule::ConstraintTightened, "constraint-tightened", "schema.<object>.properties.<property>.<constraint>",
             OnAny, B, true,
             "A value constraint was tightened (minLength, maxLength, minimum, maximum, pattern, format, enum values "
             "removed, ...): data valid before can fail."},
    DiffRule{Rule::ConstraintLoosened, "constraint-loosened", "schema.<object>.properties.<property>.<constraint>",
             OnAny, N, true, "A value constraint was loosened or dropped, or enum values were added."},
    DiffRule{Rule::ClassificationRaised, "classification-raised",
             "schema.<object>.properties.<property>.classification", OnChange, B, true,
             "The classification became more restrictive (public < internal < confidential < restricted < secret): "
             "consumers may lose access."},
    DiffRule{Rule::ClassificationLowered, "classification-lowered",
             "schema.<object>.properties.<property>.classification", OnChange, N, true,
             "The classification became less restrictive."},
    DiffRule{Rule::ClassificationChanged, "classification-changed",
             "schema.<object>.properties.<property>.classification", OnAny, I, true,
             "A classification was added, removed or changed to or from a level outside the known order; review it."},
    DiffRule{Rule::BecamePii, "property-became-pii", "schema.<object>.properties.<property>.pii", OnChange, B, true,
             "A property now holds personal data: consumers must handle it under privacy rules."},
    DiffRule{Rule::NoLongerPii, "property-no-longer-pii", "schema.<object>.properties.<property>.pii", OnChange, N,
             true, "A property is no longer marked as personal data."},
    DiffRule{Rule::CriticalDataElementChanged, "critical-data-element-changed",
             "schema.<object>.properties.<property>.criticalDataElement", OnChange, I, true,
             "The critical-data-element flag changed (governance metadata)."},

    DiffRule{Rule::QualityRuleAdded, "quality-rule-added", "*.quality.<rule>", OnAdd, N, true,
             "A quality rule was added: a stronger promise."},
    DiffRule{Rule::QualityRuleRemoved, "quality-rule-removed", "*.quality.<rule>", OnRemove, N, true,
             "A quality rule was dropped: nothing consumers read fails, but a check they may rely on is gone."},
    DiffRule{Rule::QualityRuleChanged, "quality-rule-changed", "*.quality.<rule>.<field>", OnAny, N, true,
             "A quality rule's metric, threshold, query or schedule changed."},

    DiffRule{Rule::SlaAdded, "sla-added", "slaProperties.<property>", OnAdd, N, true,
             "A service-level promise was added."},
    DiffRule{Rule::SlaRemoved, "sla-removed", "slaProperties.<property>", OnRemove, B, true,
             "A service-level promise was dropped: consumers relying on it lose it."},
    DiffRule{Rule::SlaWeakened, "sla-weakened", "slaProperties.<property>.value", OnChange, B, true,
             "A service level got weaker (lower availability, higher latency or freshness, less frequent updates, "
             "shorter retention)."},
    DiffRule{Rule::SlaStrengthened, "sla-strengthened", "slaProperties.<property>.value", OnChange, N, true,
             "A service level got stronger."},
    DiffRule{Rule::SlaChanged, "sla-changed", "slaProperties.<property>.value, .element", OnAny, N, true,
             "A service level changed in a way that cannot be ranked (other property, unit or element); review it."},

    DiffRule{Rule::ServerAdded, "server-added", "servers.<server>", OnAdd, N, true, "A server was added."},
    DiffRule{Rule::ServerRemoved, "server-removed", "servers.<server>", OnRemove, B, true,
             "A server was removed: consumers reading from it fail."},
    DiffRule{Rule::ServerLocationChanged, "server-location-changed",
             "servers.<server>.type, host, port, database, schema, location, format, ...", OnAny, B, true,
             "A server's type or location changed: consumers connecting to the old one fail."},
    DiffRule{Rule::ServerChanged, "server-changed", "servers.<server>.<other field>", OnAny, N, true,
             "Another server detail changed (environment, roles, ...)."},

    DiffRule{Rule::RoleAdded, "role-added", "roles.<role>", OnAdd, N, true, "An access role was added."},
    DiffRule{Rule::RoleRemoved, "role-removed", "roles.<role>", OnRemove, B, true,
             "An access role was removed: consumers granted through it lose access."},
    DiffRule{Rule::RoleChanged, "role-access-changed", "roles.<role>.access", OnAny, N, true,
             "The access a role grants changed."},
    DiffRule{Rule::RoleApproversChanged, "role-approvers-changed", "roles.<role>.firstLevelApprovers, ...", OnAny,
             I, true, "Who approves access requests changed."},
};

constexpr bool tableMatchesEnum()
{
    for (size_t i = 0; i < kRules.size(); ++i) {
        if (size_t(kRules[i].rule) != i)
            return false;
    }
    return kRules.size() == size_t(Rule::RoleApproversChanged) + 1;
}
static_assert(tableMatchesEnum(), "kRules must list every Rule once, in enum order");

} // namespace

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Breaking: return QStringLiteral("breaking");
    case Severity::NonBreaking: return QStringLiteral("non-breaking");
    case Severity::Info: break;
    }
    return QStringLiteral("info");
}

std::optional<Severity> parseSeverity(const QString &text)
{
    QString t = text.trimmed().toLower();
    t.remove(QLatin1Char('-')).remove(QLatin1Char('_'));
    if (t == u"breaking")
        return Severity::Breaking;
    if (t == u"nonbreaking")
        return Severity::NonBreaking;
    if (t == u"info")
        return Severity::Info;
    return std::nullopt;
}

QString changeKindName(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::Added: return QStringLiteral("added");
    case ChangeKind::Removed: return QStringLiteral("removed");
    case ChangeKind::Renamed: return QStringLiteral("renamed");
    case ChangeKind::Changed: break;
    }
    return QStringLiteral("changed");
}

std::span<const DiffRule> diffRules()
{
    return kRules;
}

const DiffRule &ruleFor(Rule rule)
{
    return kRules[size_t(rule)];
}

const DiffRule *findRule(const QString &id)
{
    for (const DiffRule &r : kRules) {
        if (id == QLatin1String(r.id))
            return &r;
    }
    return nullptr;
}

} // namespace meshscope::diff
