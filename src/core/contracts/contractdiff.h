#pragma once

#include "diffrules.h"
#include "model/entities.h"

#include <QJsonValue>
#include <QString>

#include <optional>
#include <vector>

/// The semantic diff of two data contracts in the internal model, so ODCS v3.0/v3.1 and DCS inputs
/// compare alike. List items are matched by natural key, never by position: schema objects and
/// properties by name, SLA items by property, servers by server, roles by role, team members by
/// username, quality rules by id or name (else by their content), relationships by from -> to.
/// Reordering is not a change. Paths use ODCS names whatever the input format.
namespace meshscope::diff {

struct ContractChange {
    QString path; ///< e.g. "schema.orders.properties.customer_id.logicalType"
    ChangeKind kind = ChangeKind::Changed;
    Rule rule = Rule::OtherFieldChanged;
    Severity severity = Severity::Info;
    QJsonValue oldValue; ///< null when added
    QJsonValue newValue; ///< null when removed
    QString detail;      ///< what exactly moved, when the values alone do not say (e.g. "enum values removed: x")
    QString object;      ///< the old contract's schema object the change is in; empty for contract-wide changes

    QString ruleId() const { return QLatin1String(ruleFor(rule).id); }
    bool countsForVersion() const { return ruleFor(rule).countsForVersion; }
};

struct DiffSummary {
    int breaking = 0;
    int nonBreaking = 0;
    int info = 0;
};

struct ContractDiff {
    std::vector<ContractChange> changes; ///< sorted by path, then rule

    /// Counts of the changes that count (the version field itself is bookkeeping and left out).
    DiffSummary summary() const;
    /// The highest severity among the changes that count; nullopt when nothing changed.
    std::optional<Severity> highest() const;
    bool isEmpty() const { return changes.empty(); }
};

/// Compares `oldContract` with `newContract`. Never fails: anything either side lacks is simply absent.
ContractDiff diffContracts(const Contract &oldContract, const Contract &newContract);

/// A path segment as written in change paths: the name itself, or `[name]` when it holds a dot,
/// a space or a bracket (e.g. team.members[maria.keller@northwind.example]).
QString pathSegment(const QString &name);

} // namespace meshscope::diff
