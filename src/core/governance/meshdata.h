#pragma once

#include "cache/sqlite.h"
#include "model/entities.h"

#include <QHash>
#include <QSet>

#include <vector>

namespace meshscope::governance {

/// @brief What the policy engine and the SLO evaluation read from the cache, loaded once.
/// Products and contracts come from their `data` JSON; `contracts` keeps one version per id (the
/// current one: the highest version that is not a proposal or draft).
struct MeshData {
    std::vector<Domain> domains;
    std::vector<DataProduct> products;
    std::vector<Contract> contracts;
    std::vector<GovernancePolicy> policies;
    std::vector<Team> teams;

    QHash<QString, qsizetype> contractIndex; ///< contract id -> index in `contracts`
    QHash<QString, qsizetype> teamIndex;     ///< team id -> index in `teams`
    QHash<QString, QString> domainParent;    ///< domain id -> parent domain id (sub-domains)
    /// What an input port may name as its source product and find: every product id in the cache (not
    /// only the products loaded) and every contract id an output port publishes, as the lineage
    /// resolves them (domainmap/productedges).
    QSet<QString> productRefs;

    const Contract *contract(const QString &id) const;
    const Team *team(const QString &id) const;
    bool knowsProduct(const QString &ref) const { return productRefs.contains(ref); }
    /// Fills the indexes after the vectors were filled (tests build MeshData by hand).
    void index();
};

/// Reads products, current contracts, policies, teams and domains. `domain` limits products to one
/// domain and its sub-domains (empty: all). Throws sql::SqlError.
MeshData loadMeshData(sql::Connection &db, const QString &domain = {});

/// Whether a contract status means "not in force yet" (proposed, draft, ...).
bool isProposalStatus(const QString &status);

} // namespace meshscope::governance
