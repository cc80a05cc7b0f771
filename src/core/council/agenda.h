#pragma once

#include "cache/sqlite.h"

#include <QDateTime>
#include <QStringList>

#include <functional>
#include <vector>

/// The governance council's agenda: what in the mesh needs the council's decision, built from the cache.
namespace meshscope::council {

enum class AgendaKind {
    Proposal,        ///< a contract proposal with a breaking change, or one touching PII or classification
    GovernanceError, ///< a product that fails a governance policy
    MetricInconsistency, ///< one business metric defined differently in several places (metrics.consistency)
    SloBreach,       ///< a product whose SLO was breached since the last meeting
    NewProduct,      ///< a product waiting to be approved into the mesh
};

QString kindId(AgendaKind kind);    ///< "proposal", "governance", "metric", "slo", "new-product"
QString kindLabel(AgendaKind kind); ///< for people: "Contract proposal", ...
std::optional<AgendaKind> kindFromId(const QString &id);

struct AgendaItem {
    /// Stable across rebuilds and reorderings ("proposal:orders.order_events@2.0.0"), so decisions and
    /// time boxes recorded in a meeting stay attached to their item.
    QString key;
    AgendaKind kind = AgendaKind::Proposal;
    QString subjectId; ///< what the item is about: a contract ref (id@version) or a product id
    QString title;
    QString reason;        ///< one line: why it is on the agenda
    QString domainId;
    QStringList evidence;  ///< the facts a council looks at: diff summary, impact, scores, breaches
    int minutes = 5;       ///< time box
};

/// Inputs every provider may use.
struct AgendaContext {
    QDateTime now;        ///< "today" for the council (tests pin it)
    QDateTime lastMeeting; ///< breaches since then; invalid = since ever
};

/// One source of agenda items. Providers read the cache and never write it.
using AgendaProvider = std::function<std::vector<AgendaItem>(sql::Connection &, const AgendaContext &)>;

/// @brief Collects agenda items from providers, in the order a council usually takes them: proposals,
/// governance errors, SLO breaches, new products; within a kind as the provider returned them.
/// Items with the same key are kept once.
class AgendaBuilder {
public:
    /// A builder with the providers that ship with Meshscope.
    static AgendaBuilder withDefaultProviders();

    void addProvider(AgendaProvider provider) { m_providers.push_back(std::move(provider)); }
    std::vector<AgendaItem> build(sql::Connection &db, const AgendaContext &context) const;

private:
    std::vector<AgendaProvider> m_providers;
};

/// Contract versions with status proposed (or draft) whose diff against the active version is breaking
/// or touches PII or classification: these need the council, not only the contract's reviewers.
std::vector<AgendaItem> proposalsAwaitingCouncil(sql::Connection &db, const AgendaContext &context);

/// Products failing a governance policy (errors only; warnings are the domains' business).
std::vector<AgendaItem> productsWithGovernanceErrors(sql::Connection &db, const AgendaContext &context);
/// A domain with more products on the agenda for one reason than this (governance errors, SLO breaches,
/// awaiting approval) gets one agenda item for all of them.
constexpr int kMaxAgendaItemsPerDomain = 5;
/// One provider's items (one per product, in priority order), with each domain that has more than
/// kMaxAgendaItemsPerDomain of them folded into one item where its first one was: "N products of D" +
/// `what`, the evidence counted by rule ("RULE: …" lines found in two or more products) and the first
/// three products after `namedAs`. A generated 10,000-product mesh made 11,934 items, 41 days of meeting.
std::vector<AgendaItem> foldLargeDomains(std::vector<AgendaItem> items, const QString &what, const QString &namedAs);

/// Business metrics defined differently in more than one place (the rule metrics.consistency): one item per
/// business name, its evidence the differences of each pair, for the council to settle one definition.
std::vector<AgendaItem> inconsistentMetrics(sql::Connection &db, const AgendaContext &context);

/// Products that missed an SLO, as of the newest evidence in the cache (since the last meeting when known).
std::vector<AgendaItem> productsWithSloBreaches(sql::Connection &db, const AgendaContext &context);

/// Products whose status says they wait for approval (proposed, draft, in review, pending).
std::vector<AgendaItem> productsAwaitingApproval(sql::Connection &db, const AgendaContext &context);

} // namespace meshscope::council
