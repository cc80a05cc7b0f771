#include "commands.h"
#include "commonoptions.h"

#include "cache/cachefile.h"
#include "lineage/badges.h"
#include "lineage/lineagegraph.h"
#include "lineage/neighbourhood.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace meshscope::cli {

namespace {

int badUsage(const QString &message)
{
    QTextStream(stderr) << "meshscope lineage: " << message << Qt::endl;
    return BadUsage;
}

/// "3", "all" or "full" -> hops; false for anything else.
bool parseHops(const QString &text, int &hops)
{
    if (text == u"all" || text == u"full") {
        hops = lineage::kAllHops;
        return true;
    }
    bool ok = false;
    hops = text.toInt(&ok);
    return ok && hops >= 0;
}

QJsonObject badgesJson(const lineage::NodeBadges &b)
{
    QJsonObject o{{QStringLiteral("checks"), b.checks}, {QStringLiteral("failingChecks"), b.failingChecks},
                  {QStringLiteral("stale"), b.stale}, {QStringLiteral("breakingProposals"), b.breakingProposals}};
    if (b.lastLoaded.isValid())
        o.insert(QStringLiteral("lastLoaded"), b.lastLoaded.toUTC().toString(Qt::ISODate));
    if (!b.contractStatus.isEmpty())
        o.insert(QStringLiteral("contractStatus"), b.contractStatus);
    return o;
}

QString badgeText(const lineage::NodeBadges &b)
{
    QStringList parts;
    if (b.failingChecks > 0)
        parts << QStringLiteral("%1/%2 checks failing").arg(b.failingChecks).arg(b.checks);
    if (b.stale)
        parts << QStringLiteral("stale");
    if (!b.contractStatus.isEmpty())
        parts << QStringLiteral("contract %1").arg(b.contractStatus);
    if (b.breakingProposals > 0)
        parts << QStringLiteral("%1 breaking proposal%2").arg(b.breakingProposals).arg(b.breakingProposals == 1 ? "" : "s");
    return parts.join(QStringLiteral(", "));
}

} // namespace

int lineageCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints the lineage around a node: its upstream and downstream up to some hops, at product, dataset "
        "or column level, or at metric level (metrics, their semantic models and measures), with \"N of M shown\" counts and badges (failing checks, stale data, contracts)."));
    parser.addHelpOption();
    CommonOptions common;
    common.addTo(parser, /*withSource=*/false);
    const QCommandLineOption node(QStringLiteral("node"),
                                  QStringLiteral("Start node: product id, dataset id, dataset#column, or a unique name."),
                                  QStringLiteral("ID"));
    const QCommandLineOption up(QStringLiteral("up"), QStringLiteral("Hops upstream, or 'all' (default 1)."),
                                QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption down(QStringLiteral("down"), QStringLiteral("Hops downstream, or 'all' (default 1)."),
                                  QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption level(QStringLiteral("level"),
                                   QStringLiteral("product, dataset, column or metric (default dataset)."),
                                   QStringLiteral("LEVEL"), QStringLiteral("dataset"));
    const QCommandLineOption impacted(QStringLiteral("impacted"),
                                      QStringLiteral("List everything downstream (what breaks if it changes)."));
    const QCommandLineOption path(QStringLiteral("path-to"),
                                  QStringLiteral("Print the nodes on the paths between --node and this node."),
                                  QStringLiteral("ID"));
    parser.addOptions({node, up, down, level, impacted, path});
    if (!parser.parse(arguments.mid(1)))
        return badUsage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Success;
    }
    if (!parser.isSet(node) || parser.value(node).trimmed().isEmpty())
        return badUsage(QStringLiteral("give the start node with --node ID"));
    const std::optional<lineage::Level> lvl = lineage::parseLevel(parser.value(level));
    if (!lvl)
        return badUsage(QStringLiteral("--level must be product, dataset, column or metric, not '%1'").arg(parser.value(level)));
    lineage::NeighbourhoodRequest request;
    if (!parseHops(parser.value(up), request.up))
        return badUsage(QStringLiteral("--up takes a number of hops or 'all', not '%1'").arg(parser.value(up)));
    if (!parseHops(parser.value(down), request.down))
        return badUsage(QStringLiteral("--down takes a number of hops or 'all', not '%1'").arg(parser.value(down)));

    lineage::LineageGraph graph;
    lineage::Neighbourhood hood;
    std::vector<lineage::NodeBadges> badges;
    std::vector<lineage::Reached> impactList;
    std::vector<int> pathList;
    try {
        sql::Connection db = cache::openCache(common.cachePath(parser), /*readOnly=*/true);
        graph = lineage::loadGraph(db, *lvl);
        QString error;
        request.seeds = lineage::resolveNodes(graph, parser.value(node), &error);
        if (request.seeds.empty())
            return badUsage(error);
        if (parser.isSet(path)) {
            const std::vector<int> other = lineage::resolveNodes(graph, parser.value(path), &error);
            if (other.empty())
                return badUsage(error);
            pathList = lineage::pathNodes(graph, request.seeds.front(), other.front());
        }
        hood = lineage::neighbourhood(graph, request);
        badges = lineage::loadBadges(db, graph, hood.nodes);
        if (parser.isSet(impacted))
            impactList = lineage::impactedDownstream(graph, request.seeds);
    } catch (const sql::SqlError &e) {
        return badUsage(e.message());
    }

    QTextStream out(stdout);
    if (parser.isSet(common.json)) {
        QJsonArray nodes;
        for (size_t k = 0; k < hood.nodes.size(); ++k) {
            const lineage::GraphNode &n = graph.nodes[size_t(hood.nodes[k])];
            const lineage::NeighbourCounts &c = hood.counts[k];
            QJsonObject o{{QStringLiteral("id"), n.id},
                          {QStringLiteral("label"), n.label},
                          {QStringLiteral("kind"), n.kind},
                          {QStringLiteral("domain"), n.domain},
                          {QStringLiteral("distance"), hood.distance[k]},
                          {QStringLiteral("upstream"), QJsonObject{{QStringLiteral("shown"), c.upstreamShown},
                                                                   {QStringLiteral("total"), c.upstreamTotal}}},
                          {QStringLiteral("downstream"), QJsonObject{{QStringLiteral("shown"), c.downstreamShown},
                                                                     {QStringLiteral("total"), c.downstreamTotal}}},
                          {QStringLiteral("badges"), badgesJson(badges[k])}};
            if (!n.parent.isEmpty())
                o.insert(QStringLiteral("parent"), n.parent);
            nodes.append(o);
        }
        QJsonArray edges;
        for (const auto &[s, t] : hood.edges) {
            edges.append(QJsonObject{{QStringLiteral("source"), graph.nodes[size_t(s)].id},
                                     {QStringLiteral("target"), graph.nodes[size_t(t)].id}});
        }
        QJsonArray seeds;
        for (int s : request.seeds)
            seeds.append(graph.nodes[size_t(s)].id);
        QJsonObject doc{{QStringLiteral("level"), lineage::levelName(*lvl)},
                        {QStringLiteral("seeds"), seeds},
                        {QStringLiteral("nodes"), nodes},
                        {QStringLiteral("edges"), edges}};
        if (parser.isSet(impacted)) {
            QJsonArray list;
            for (const lineage::Reached &r : impactList)
                list.append(QJsonObject{{QStringLiteral("id"), graph.nodes[size_t(r.node)].id},
                                        {QStringLiteral("hops"), r.hops}});
            doc.insert(QStringLiteral("impacted"), list);
        }
        if (parser.isSet(path)) {
            QJsonArray list;
            for (int p : pathList)
                list.append(graph.nodes[size_t(p)].id);
            doc.insert(QStringLiteral("path"), list);
        }
        out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return Success;
    }

    out << lineage::levelName(*lvl) << " lineage around";
    for (int s : request.seeds)
        out << " " << graph.nodes[size_t(s)].id;
    out << ": " << hood.nodes.size() << " nodes, " << hood.edges.size() << " edges\n";
    for (size_t k = 0; k < hood.nodes.size(); ++k) {
        const lineage::GraphNode &n = graph.nodes[size_t(hood.nodes[k])];
        const lineage::NeighbourCounts &c = hood.counts[k];
        out << qSetFieldWidth(4) << Qt::right << hood.distance[k] << qSetFieldWidth(0) << "  " << n.id;
        out << "  [" << n.kind << (n.domain.isEmpty() ? QString() : QStringLiteral(", ") + n.domain) << "]";
        out << "  up " << c.upstreamShown << " of " << c.upstreamTotal << ", down " << c.downstreamShown << " of "
            << c.downstreamTotal;
        if (const QString b = badgeText(badges[k]); !b.isEmpty())
            out << "  (" << b << ")";
        out << "\n";
    }
    out << "edges:\n";
    for (const auto &[s, t] : hood.edges)
        out << "  " << graph.nodes[size_t(s)].id << " -> " << graph.nodes[size_t(t)].id << "\n";
    if (parser.isSet(impacted)) {
        out << "impacted downstream (" << impactList.size() << "):\n";
        for (const lineage::Reached &r : impactList)
            out << "  " << r.hops << "  " << graph.nodes[size_t(r.node)].id << "\n";
    }
    if (parser.isSet(path)) {
        out << "on the paths (" << pathList.size() << "):\n";
        for (int p : pathList)
            out << "  " << graph.nodes[size_t(p)].id << "\n";
    }
    return Success;
}

} // namespace meshscope::cli
