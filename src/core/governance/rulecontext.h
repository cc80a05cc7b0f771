#pragma once

#include "governance.h"

/// Shared by the rule files (rules_*.cpp): what a rule sees and how it reports.
namespace meshscope::governance::rules {

/// A field of a product's data, from a contract property (nested ones too) or a manifest's schema.
struct FieldRef {
    QString target;  ///< "contract.object.field" or "product.field"
    QString name;
    QString classification;
    QString description;
    QString masking; ///< maskingStrategy / governance action as written; empty when none
    QString piiType; ///< piiType / fieldType custom property when given
    bool pii = false;
    bool piiTagged = false; ///< the field states whether it is personal data (flag, tag or classification)
    bool fromContract = true;
};

struct Context {
    const DataProduct &product;
    const MeshData &mesh;
    const EffectivePolicy &policy;
    std::vector<const Contract *> contracts; ///< the contracts of its output ports found in the cache
    std::vector<FieldRef> fields;
    std::vector<Violation> &out;

    void add(const char *section, const char *rule, Severity severity, const QString &targetKind,
             const QString &target, const QString &message, const QString &remediation) const;
};

void checkNaming(const Context &c);
void checkMetadata(const Context &c);
void checkPrivacy(const Context &c);
void checkSlos(const Context &c);
void checkQualityChecks(const Context &c);
void checkContracts(const Context &c);
void checkDocumentation(const Context &c);

/// Whether `name` follows a convention named as the policies name them ("snake_case", "kebab-case",
/// "camelCase", "PascalCase", "UPPER_CASE"); unknown conventions accept everything.
bool followsCase(const QString &name, const QString &convention);
/// A policy's topic pattern ("{domain}.{product-name}.v{version}") filled for a product, as a regex.
QString topicRegex(const QString &pattern, const DataProduct &product);

/// The service levels a product promises: its own `slo` entries, then those of its contracts.
std::vector<ServiceLevel> promisedLevels(const Context &c);

} // namespace meshscope::governance::rules
