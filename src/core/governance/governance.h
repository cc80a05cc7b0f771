#pragma once

#include "meshdata.h"
#include "policy.h"

#include <vector>

/// The governance policy engine: policies are data (GovernancePolicy documents), each product is
/// checked against the policy in force for its domain, and violations become a score.
namespace meshscope::governance {

enum class Severity { Error, Warning };
QString severityName(Severity s); ///< "error", "warning"

/// One broken rule, with what to do about it.
struct Violation {
    QString policyId;  ///< the GovernancePolicy document that asks for it
    QString rule;      ///< e.g. "naming.columns", "pii.masking", "slo.freshness"
    Severity severity = Severity::Warning;
    QString productId;
    QString domainId;
    QString targetKind; ///< "product", "contract", "port", "field"
    QString target;     ///< product id, contract id, "contract.object.field", port name
    QString message;
    QString remediation;
};

struct ProductGovernance {
    QString productId;
    QString name;
    QString domainId;
    std::vector<Violation> violations;
    int errors = 0;
    int warnings = 0;
    double score = 100;
    bool documentationComplete = false; ///< description and every contract field described
    bool passes() const { return errors == 0; }
};

struct DomainGovernance {
    QString domainId;
    int products = 0;
    int passing = 0;
    int errors = 0;
    int warnings = 0;
    double score = 100; ///< average of its products' scores
};

struct GovernanceReport {
    std::vector<ProductGovernance> products; ///< in product id order
    std::vector<DomainGovernance> domains;   ///< in domain id order
    double meshScore = 100;                   ///< average of the products' scores
    int errors = 0;
    int warnings = 0;
    QStringList policyIds; ///< every policy document that was applied
    bool builtInPolicy = false;
};

/// The seeds' formula: 100 − 10 × errors − 2 × warnings, floored at 0.
double governanceScore(int errors, int warnings);
/// How governanceScore() came to its value, for a hover: "46 = 100 − 10 × 5 errors − 2 × 2 warnings".
QString governanceScoreBasis(int errors, int warnings);

/// Checks one product against a policy; the violations in rule order.
std::vector<Violation> checkProduct(const DataProduct &product, const MeshData &mesh, const EffectivePolicy &policy);

/// Checks every product of `mesh` with its domain's policy; scores per product, domain and mesh.
GovernanceReport evaluateGovernance(const MeshData &mesh);

} // namespace meshscope::governance
