#include "badges.h"

#include "contracts/cachedcontract.h"
#include "contracts/contractdiff.h"

#include <QHash>
#include <QSet>

#include <map>

namespace meshscope::lineage {

namespace {

struct CheckTally {
    int checks = 0;
    int failing = 0;
    void add(const CheckTally &o)
    {
        checks += o.checks;
        failing += o.failing;
    }
};

struct LoadState {
    QDateTime lastComplete;
    QDateTime lastEnded;
    bool lastFailed = false;
};

/// Everything the badges need, read once.
struct BadgeData {
    QHash<QString, CheckTally> byDataset;
    QHash<QString, CheckTally> byColumn; ///< "dataset#column"
    QHash<QString, LoadState> loads;     ///< by dataset
    QDateTime newestRun;
    QHash<QString, QString> productOfDataset;
    QHash<QString, QStringList> datasetsOfProduct;
    QHash<QString, QStringList> outputContracts; ///< by product; "" for an output port without contract
    QHash<QString, QString> contractStatus;      ///< by contract id: the active version's, else the newest's
    QHash<QString, int> breaking;                ///< by contract id: breaking proposed versions
};

QDateTime parseTime(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

void readQuality(sql::Connection &db, BadgeData &d)
{
    // The latest result of each check decides; results are few per dataset, so sort in SQL.
    std::map<std::tuple<QString, QString, QString>, bool> latest;
    sql::Statement s = db.prepare(
        "SELECT dataset_id, IFNULL(column_name, ''), check_name, success FROM quality_results ORDER BY time, rowid");
    while (s.step())
        latest[{s.text(0), s.text(1), s.text(2)}] = s.int64(3) != 0;
    for (const auto &[key, success] : latest) {
        const auto &[dataset, column, check] = key;
        const CheckTally t{1, success ? 0 : 1};
        d.byDataset[dataset].add(t);
        if (!column.isEmpty())
            d.byColumn[dataset + QLatin1Char('#') + column].add(t);
    }
}

void readRuns(sql::Connection &db, BadgeData &d)
{
    sql::Statement s = db.prepare("SELECT state, event_time, outputs FROM runs WHERE outputs IS NOT NULL "
                                  "AND state IN ('COMPLETE', 'FAIL', 'ABORT') ORDER BY event_time");
    while (s.step()) {
        const QString state = s.text(0);
        const QDateTime at = parseTime(s.text(1));
        if (!at.isValid())
            continue;
        if (!d.newestRun.isValid() || at > d.newestRun)
            d.newestRun = at;
        const QStringList outputs = s.text(2).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &dataset : outputs) {
            LoadState &l = d.loads[dataset];
            l.lastEnded = at;
            l.lastFailed = state != u"COMPLETE";
            if (!l.lastFailed)
                l.lastComplete = at;
        }
    }
}

void readProductsAndContracts(sql::Connection &db, BadgeData &d, bool diffProposals)
{
    sql::Statement ds = db.prepare("SELECT DISTINCT id, product_id FROM datasets WHERE product_id IS NOT NULL "
                                   "AND product_id <> ''");
    while (ds.step()) {
        d.productOfDataset.insert(ds.text(0), ds.text(1));
        d.datasetsOfProduct[ds.text(1)].append(ds.text(0));
    }
    sql::Statement ports = db.prepare("SELECT product_id, IFNULL(contract_id, '') FROM ports WHERE direction = 'output'");
    while (ports.step())
        d.outputContracts[ports.text(0)].append(ports.text(1));

    QHash<QString, QStringList> proposals;
    sql::Statement c = db.prepare("SELECT id, version, IFNULL(status, '') FROM contracts ORDER BY id, version");
    while (c.step()) {
        const QString id = c.text(0);
        const QString status = c.text(2).toLower();
        if (status == u"proposed" || status == u"draft")
            proposals[id].append(c.text(1));
        QString &current = d.contractStatus[id];
        if (current != u"active")
            current = status.isEmpty() ? QStringLiteral("unknown") : status;
    }
    if (!diffProposals)
        return;
    for (auto it = proposals.cbegin(); it != proposals.cend(); ++it) {
        if (d.contractStatus.value(it.key()) != u"active")
            continue;
        const std::optional<Contract> active = diff::loadCachedContract(db, {it.key(), {}});
        if (!active)
            continue;
        for (const QString &version : it.value()) {
            const std::optional<Contract> proposed = diff::loadCachedContract(db, {it.key(), version});
            if (proposed && diff::diffContracts(*active, *proposed).summary().breaking > 0)
                ++d.breaking[it.key()];
        }
    }
}

/// The contract a dataset is published under: its product's output contract named after it, else the
/// product's only output contract.
QString contractOfDataset(const BadgeData &d, const QString &dataset, const QString &label)
{
    const QStringList contracts = d.outputContracts.value(d.productOfDataset.value(dataset));
    for (const QString &c : contracts) {
        if (!c.isEmpty() && (c == label || c.endsWith(QLatin1Char('.') + label)))
            return c;
    }
    return contracts.size() == 1 ? contracts.first() : QString();
}

QString combinedStatus(const BadgeData &d, const QStringList &contracts)
{
    QStringList statuses;
    for (const QString &c : contracts) {
        const QString s = c.isEmpty() ? QStringLiteral("missing") : d.contractStatus.value(c, QStringLiteral("unknown"));
        if (!statuses.contains(s))
            statuses.append(s);
    }
    if (statuses.contains(u"missing"))
        return QStringLiteral("missing");
    statuses.sort();
    return statuses.join(QLatin1Char('/'));
}

void addLoad(const BadgeData &d, const QString &dataset, qint64 window, NodeBadges &b)
{
    const auto l = d.loads.constFind(dataset);
    if (l == d.loads.constEnd())
        return;
    if (l->lastComplete.isValid() && (!b.lastLoaded.isValid() || l->lastComplete > b.lastLoaded))
        b.lastLoaded = l->lastComplete;
    const bool old = !l->lastComplete.isValid() || l->lastComplete.secsTo(d.newestRun) > window;
    b.stale = b.stale || l->lastFailed || old;
}

} // namespace

std::vector<NodeBadges> loadBadges(sql::Connection &db, const LineageGraph &graph, const std::vector<int> &nodes,
                                   const BadgeOptions &options)
{
    BadgeData d;
    readQuality(db, d);
    readRuns(db, d);
    readProductsAndContracts(db, d, options.diffProposals);

    std::vector<NodeBadges> result;
    result.reserve(nodes.size());
    for (int i : nodes) {
        NodeBadges b;
        const GraphNode &n = graph.nodes.at(size_t(i));
        QStringList contracts;
        CheckTally checks;
        switch (graph.level) {
        case Level::Product:
            contracts = d.outputContracts.value(n.id);
            for (const QString &dataset : d.datasetsOfProduct.value(n.id)) {
                checks.add(d.byDataset.value(dataset));
                addLoad(d, dataset, options.staleAfterSeconds, b);
            }
            break;
        case Level::Dataset:
        case Level::Metric: // datasets keep their badges; metric nodes have no checks of their own
            checks = d.byDataset.value(n.id);
            addLoad(d, n.id, options.staleAfterSeconds, b);
            if (const QString c = contractOfDataset(d, n.id, n.label); !c.isEmpty())
                contracts.append(c);
            break;
        case Level::Column:
            checks = d.byColumn.value(n.id);
            addLoad(d, n.parent, options.staleAfterSeconds, b);
            if (const QString c = contractOfDataset(d, n.parent, graph.nodes.at(size_t(i)).parent.section(
                                                                      QLatin1Char('.'), -1));
                !c.isEmpty())
                contracts.append(c);
            break;
        }
        b.checks = checks.checks;
        b.failingChecks = checks.failing;
        if (!contracts.isEmpty())
            b.contractStatus = combinedStatus(d, contracts);
        for (const QString &c : contracts)
            b.breakingProposals += d.breaking.value(c);
        result.push_back(b);
    }
    return result;
}

} // namespace meshscope::lineage
