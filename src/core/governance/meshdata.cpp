#include "meshdata.h"

#include "cache/domainreader.h"
#include "contracts/semver.h"
#include "model/serialization.h"
#include "util/parallelfor.h"

namespace meshscope::governance {

bool isProposalStatus(const QString &status)
{
    const QString s = status.trimmed().toLower();
    return s == u"proposed" || s == u"draft" || s == u"development" || s == u"requested" || s == u"retired"
        || s == u"deprecated";
}

const Contract *MeshData::contract(const QString &id) const
{
    const auto it = contractIndex.constFind(id);
    return it == contractIndex.cend() ? nullptr : &contracts[size_t(*it)];
}

const Team *MeshData::team(const QString &id) const
{
    const auto it = teamIndex.constFind(id);
    return it == teamIndex.cend() ? nullptr : &teams[size_t(*it)];
}

void MeshData::index()
{
    contractIndex.clear();
    teamIndex.clear();
    domainParent.clear();
    for (qsizetype i = 0; i < qsizetype(contracts.size()); ++i)
        contractIndex.insert(contracts[size_t(i)].id, i);
    for (qsizetype i = 0; i < qsizetype(teams.size()); ++i)
        teamIndex.insert(teams[size_t(i)].id, i);
    for (const Domain &d : domains) {
        if (!d.parentId.isEmpty())
            domainParent.insert(d.id, d.parentId);
    }
    for (const DataProduct &p : products) {
        productRefs.insert(p.id);
        for (const Port &port : p.outputPorts) {
            if (!port.contractId.isEmpty())
                productRefs.insert(port.contractId);
        }
    }
}

namespace {

/// Which of two versions of one contract is the one in force: an active one over a proposal, then the
/// higher version.
bool preferOver(const Contract &candidate, const Contract &current)
{
    const bool candidateProposal = isProposalStatus(candidate.status);
    const bool currentProposal = isProposalStatus(current.status);
    if (candidateProposal != currentProposal)
        return !candidateProposal;
    const auto a = diff::SemVer::parse(candidate.version);
    const auto b = diff::SemVer::parse(current.version);
    if (a && b)
        return diff::compareCore(*a, *b) > 0;
    return candidate.version > current.version;
}

/// Turns `data` JSON texts into entities on all cores: parsing is most of a check's time, and each
/// text is independent of the others.
template <typename T>
std::vector<T> parseAll(const std::vector<QByteArray> &texts)
{
    std::vector<T> out(texts.size());
    parallelFor(texts.size(), [&](size_t i) { json::fromJson(json::parseObject(texts[i]), out[i]); },
                /*minItemsPerThread=*/256);
    return out;
}

} // namespace

MeshData loadMeshData(sql::Connection &db, const QString &domain)
{
    MeshData m;
    // The same domains, by the same rule, as the domain map (cache/domainreader.h).
    for (cache::DomainRecord &r : cache::readDomains(db))
        m.domains.push_back(std::move(r.domain));
    QSet<QString> domains;
    if (!domain.isEmpty()) {
        // The domain and its sub-domains, to any depth.
        domains.insert(domain);
        bool grew = true;
        while (grew) {
            grew = false;
            for (const Domain &d : m.domains) {
                if (!d.parentId.isEmpty() && domains.contains(d.parentId) && !domains.contains(d.id)) {
                    domains.insert(d.id);
                    grew = true;
                }
            }
        }
    }
    {
        sql::Statement s = db.prepare("SELECT domain_id, data FROM products ORDER BY id");
        std::vector<QByteArray> texts;
        while (s.step()) {
            if (!domains.isEmpty() && !domains.contains(s.text(0)))
                continue;
            texts.push_back(s.blob(1));
        }
        m.products = parseAll<DataProduct>(texts);
    }
    {
        // Products of other domains count as known when only one domain is loaded.
        sql::Statement s = db.prepare("SELECT id FROM products UNION SELECT contract_id FROM ports "
                                      "WHERE direction = 'output' AND contract_id IS NOT NULL");
        while (s.step())
            m.productRefs.insert(s.text(0));
    }
    {
        // Only contracts the products name (all of them for a whole-mesh check).
        QSet<QString> wanted;
        for (const DataProduct &p : m.products) {
            for (const Port &port : p.outputPorts)
                wanted.insert(port.contractId);
        }
        sql::Statement s = db.prepare("SELECT id, data FROM contracts ORDER BY id");
        std::vector<QByteArray> texts;
        while (s.step()) {
            if (!domains.isEmpty() && !wanted.contains(s.text(0)))
                continue;
            texts.push_back(s.blob(1));
        }
        std::vector<Contract> all = parseAll<Contract>(texts);
        QHash<QString, qsizetype> at;
        for (Contract &c : all) {
            const auto it = at.constFind(c.id);
            if (it == at.cend()) {
                at.insert(c.id, qsizetype(m.contracts.size()));
                m.contracts.push_back(std::move(c));
            } else if (preferOver(c, m.contracts[size_t(*it)])) {
                m.contracts[size_t(*it)] = std::move(c);
            }
        }
    }
    {
        sql::Statement s = db.prepare("SELECT data FROM policies ORDER BY id");
        while (s.step()) {
            GovernancePolicy p;
            json::fromJson(json::parseObject(s.blob(0)), p);
            m.policies.push_back(std::move(p));
        }
    }
    {
        sql::Statement s = db.prepare("SELECT data FROM teams");
        while (s.step()) {
            Team t;
            json::fromJson(json::parseObject(s.blob(0)), t);
            m.teams.push_back(std::move(t));
        }
    }
    m.index();
    return m;
}

} // namespace meshscope::governance
