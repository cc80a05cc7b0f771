#pragma once

#include "cache/maturityreader.h"
#include "governance/meshdata.h"

#include <QJsonObject>
#include <QStringList>

#include <vector>

/// Data product maturity (docs/maturity.md): levels are policy as code (`GovernancePolicy`
/// `spec.maturity`, OMMS-shaped), each criterion a named check over what the cache knows, and a
/// product's level the highest whose criteria (and all lower levels') hold.
namespace meshscope::maturity {

/// What a check found. No evidence is never counted as met.
enum class Outcome { Met, Unmet, NoEvidence };
QString outcomeName(Outcome o); ///< "met", "unmet", "no evidence"

/// The text the scaffold puts where a person has to write something; a value containing it counts
/// as not written.
inline constexpr const char *kPlaceholder = "FILL-ME";
/// Whether `value` is written: not empty, not only blanks, no placeholder left.
bool filled(const QString &value);

struct Criterion {
    QString id;          ///< OMMS style: "L2-P03"
    QString check;       ///< the named check (docs/maturity.md): "slaAvailabilityFreshness", ...
    QString description; ///< what it asks for, for people
    QString fix;         ///< how to meet it
    QJsonObject arguments;
};

struct Level {
    int level = 0;
    QString name;
    QString description;
    std::vector<Criterion> criteria;
};

/// A maturity model: the levels, lowest first, plus OMMS policies that cap the level (statusCap).
struct Model {
    std::vector<Level> levels;
    QHash<QString, int> statusCaps; ///< product status (lower case) -> highest level it may reach
    QStringList lighthouse;         ///< domain ids the policy names as lighthouse domains
    QString policyId;               ///< the policy that set `maturity` (empty: the built-in default)
    QStringList problems;           ///< what in the policy's maturity section could not be read
    bool builtIn = true;

    QString levelName(int level) const; ///< "Foundation"; level 0: "Not yet <first level's name>"
};

/// The seeds' three levels (Foundation, Standard, Advanced) with the default criteria.
Model defaultModel();
/// Reads a `spec.maturity` section; missing parts fall back to the default (levels as a whole,
/// lighthouse, policies). Unknown checks are kept (they assess as "no evidence") and named in
/// `problems`.
Model readModel(const QJsonObject &maturity, const QString &policyId);
/// The names of the checks the engine knows.
QStringList knownChecks();

struct CriterionResult {
    int level = 0;
    Criterion criterion;
    Outcome outcome = Outcome::NoEvidence;
    QString evidence; ///< what was found, or why nothing could be
};

struct ProductMaturity {
    QString productId;
    QString name;
    QString domainId;
    int level = 0;
    QString levelName;
    int maxLevel = 0;        ///< the model's highest level
    QString nextLevelName;   ///< the name of level + 1; empty at the top
    QString cappedBy;        ///< a status cap that held the level down ("status deprecated: at most 2")
    std::vector<CriterionResult> results; ///< every criterion of every level, in level order
    QString policyId;

    /// The unmet (or unevidenced) criteria of the next level: what to do next. Empty at the top.
    std::vector<const CriterionResult *> nextSteps() const;
    int met(int level) const;   ///< criteria of `level` that are met
    int total(int level) const; ///< criteria of `level`
};

struct DomainMaturity {
    QString domainId;
    bool lighthouse = false;
    int products = 0;
    std::vector<int> perLevel; ///< products at level 0, 1, 2, ...
    double average = 0;        ///< mean level
};

struct MaturityReport {
    std::vector<ProductMaturity> products; ///< in product id order
    std::vector<DomainMaturity> domains;   ///< in domain id order
    QStringList lighthouse;
    QStringList problems; ///< policy problems, each naming its policy
    int maxLevel = 0;
};

/// Runs one check. Exposed for tests and the scaffold.
CriterionResult runCheck(const Criterion &criterion, int level, const DataProduct &product,
                         const governance::MeshData &mesh, const cache::MaturityFacts &facts);

/// Assesses one product against a model.
ProductMaturity assessProduct(const DataProduct &product, const governance::MeshData &mesh,
                              const cache::MaturityFacts &facts, const Model &model);

/// The model in force for a domain: the `maturity` section of its effective governance policy
/// (merged as docs/governance.md describes), else the default.
Model modelFor(const governance::MeshData &mesh, const QString &domainId);

/// Every product of `mesh`, with per-domain distributions.
MaturityReport evaluateMaturity(const governance::MeshData &mesh, const cache::MaturityFacts &facts);

/// Loads what it needs from the cache and evaluates (`domain` limits products as loadMeshData does).
MaturityReport evaluateMaturity(sql::Connection &db, const QString &domain = {});

} // namespace meshscope::maturity
