#pragma once

#include "model/entities.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace meshscope::governance {

/// @brief The rules in force for one domain: the global policies with the domain's own (and its parent
/// domains') merged over them, read into typed settings. Every setting remembers which policy document
/// set it, so a violation names the policy a producer has to read.
struct EffectivePolicy {
    QString domainId;
    QJsonObject spec;                 ///< the merged spec
    QHash<QString, QString> sourceOf; ///< top-level spec section -> id of the policy that set it last
    QStringList policyIds;            ///< the documents merged, global first
    bool builtIn = false;             ///< the mesh has no policies: the documented default set

    // naming_conventions
    QString tableCase;   ///< "snake_case", "camelCase", "kebab-case", ... or empty (no rule)
    QString columnCase;
    QString productCase;
    QString topicPattern; ///< "{domain}.{product-name}.v{version}"
    // required_metadata
    QStringList requiredMetadata;
    // pii_handling
    bool piiTaggingRequired = false;      ///< every field states whether it is personal data
    QString piiClassification;            ///< the classification a PII field needs ("restricted")
    QHash<QString, QString> piiActions;   ///< field_type -> action
    QStringList classificationLevels;     ///< lowest to highest
    // quality_requirements
    QStringList requiredChecks;
    // slo_requirements
    bool freshnessRequired = false;
    double minAvailability = -1; ///< percent; < 0 when not required
    // contracts
    bool contractRequiredOnOutputPorts = false;
    // documentation
    bool documentationRequired = false;

    /// The policy id to cite for a section ("naming_conventions", "pii_handling", ...).
    QString policyFor(const QString &section) const;
};

/// The built-in policy used when a mesh has no GovernancePolicy at all (documented in
/// docs/governance.md): the seeds' global standards.
GovernancePolicy defaultPolicy();

/// Resolves the policies for a domain: every global policy (no domain) in id order, then the policies
/// of the domain's ancestors, then the domain's own; a policy's `extends` is merged before it.
/// Maps merge key by key, lists are replaced, except `pii_handling.actions`, merged by field_type.
/// With no policies at all the built-in default applies.
EffectivePolicy resolvePolicy(const std::vector<GovernancePolicy> &policies, const QString &domainId,
                              const QHash<QString, QString> &domainParent);

} // namespace meshscope::governance
