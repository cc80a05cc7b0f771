#include "lineagecontroller.h"

#include "cache/cachefile.h"
#include "cache/cachereader.h"
#include "cache/guithreadguard.h"
#include "export/tables.h"
#include "export/viewexport.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QPromise>
#include <QLoggingCategory>
#include <QUrl>

#include <algorithm>

using namespace meshscope;

Q_LOGGING_CATEGORY(lcLineage, "meshscope.lineage", QtInfoMsg)

namespace {

constexpr double kNodeWidth = 210;
constexpr double kNodeHeight = 44;

/// A stable colour per domain, distinguishable in both themes.
QColor domainColour(const QString &domain)
{
    static const QColor palette[] = {QColor(0x2f, 0x6f, 0xde), QColor(0x1f, 0x9d, 0x74), QColor(0xd9, 0x7b, 0x1c),
                                     QColor(0xb8, 0x3b, 0x8f), QColor(0x6b, 0x55, 0xd6), QColor(0x17, 0x9c, 0xb8),
                                     QColor(0xc4, 0x45, 0x3a), QColor(0x7a, 0x8b, 0x1e), QColor(0x8c, 0x5a, 0x32),
                                     QColor(0x4d, 0x7e, 0xa8)};
    if (domain.isEmpty())
        return QColor(0x8a, 0x94, 0xa6);
    // FNV-1a, not qHash: Qt 6 seeds qHash per process, so a domain's colour changed from run to run.
    quint32 h = 2166136261u;
    for (QChar c : domain) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    return palette[h % std::size(palette)];
}

LineageScene::Colours coloursFor(bool dark)
{
    LineageScene::Colours c;
    if (dark) {
        c.background = QColor(0x1b, 0x1e, 0x24);
        c.nodeFill = QColor(0x24, 0x28, 0x30);
        c.nodeBorder = QColor(0x4a, 0x51, 0x5e);
        c.text = QColor(0xe7, 0xe9, 0xee);
        c.textMuted = QColor(0xa3, 0xab, 0xb8);
        c.edge = QColor(0x6c, 0x75, 0x85);
        c.highlight = QColor(0x7a, 0xa7, 0xff);
        c.failing = QColor(0xff, 0x7b, 0x7b);
        c.stale = QColor(0xe9, 0xb9, 0x49);
        c.breaking = QColor(0xc0, 0x8b, 0xff);
    }
    return c;
}

/// The node with the most edges (the first of equals), empty for an empty graph.
QString mostConnected(const lineage::LineageGraph &g)
{
    int best = -1;
    size_t degree = 0;
    for (size_t i = 0; i < g.nodes.size(); ++i) {
        const size_t d = g.in[i].size() + g.out[i].size();
        if (d > degree) {
            degree = d;
            best = int(i);
        }
    }
    return best >= 0 ? g.nodes[size_t(best)].id : QString();
}

} // namespace

LineageController::LineageController(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

void LineageController::setCachePath(const QString &path)
{
    if (m_cachePath == path)
        return;
    m_cachePath = path;
    m_graphLoaded = false;
    Q_EMIT cachePathChanged();
    if (!m_rootId.isEmpty())
        relayout();
}

void LineageController::setLevel(const QString &text)
{
    const auto level = lineage::parseLevel(text);
    if (!level || *level == m_level)
        return;
    m_level = *level;
    m_graphLoaded = false;
    // The graph follows what the user looks at: a selected dataset becomes the root, so switching to
    // columns shows its columns (the root's own id stands for its columns or its product otherwise).
    if (!m_selectedId.isEmpty())
        m_rootId = m_selectedId;
    m_selectedId.clear();
    m_pathTargetId.clear();
    m_expandedUp.clear();
    m_expandedDown.clear();
    m_collapsedUp.clear();
    m_collapsedDown.clear();
    m_previous.clear();
    m_fitRequest = true;
    Q_EMIT rootChanged();
    relayout();
    Q_EMIT selectionChanged();
}

void LineageController::setUp(int hops)
{
    if (m_up == hops)
        return;
    m_up = hops;
    Q_EMIT rootChanged();
    relayout();
}

void LineageController::setDown(int hops)
{
    if (m_down == hops)
        return;
    m_down = hops;
    Q_EMIT rootChanged();
    relayout();
}

void LineageController::setGroupByDomain(bool on)
{
    if (m_groupByDomain == on)
        return;
    m_groupByDomain = on;
    m_previous.clear();
    Q_EMIT rootChanged();
    relayout();
}

void LineageController::setDomainFilter(const QString &domain)
{
    if (m_domainFilter == domain)
        return;
    m_domainFilter = domain;
    Q_EMIT rootChanged();
    relayout();
}

void LineageController::setKindFilter(const QString &kind)
{
    if (m_kindFilter == kind)
        return;
    m_kindFilter = kind;
    Q_EMIT rootChanged();
    relayout();
}

void LineageController::setTagFilter(const QString &tag)
{
    if (m_tagFilter == tag)
        return;
    m_tagFilter = tag;
    Q_EMIT rootChanged();
    relayout();
}

void LineageController::setOwnerFilter(const QString &owner)
{
    if (m_ownerFilter == owner)
        return;
    m_ownerFilter = owner;
    Q_EMIT rootChanged();
    relayout();
}

void LineageController::setDark(bool dark)
{
    if (m_dark == dark)
        return;
    m_dark = dark;
    Q_EMIT darkChanged();
    restyle();
}

void LineageController::selectNode(const QString &id)
{
    if (m_selectedId == id)
        return;
    m_selectedId = id;
    m_pathTargetId.clear();
    restyle();
    Q_EMIT selectionChanged();
}

void LineageController::setPathTarget(const QString &id)
{
    if (m_pathTargetId == id)
        return;
    m_pathTargetId = id;
    restyle();
    Q_EMIT selectionChanged();
}

bool LineageController::takeFitRequest()
{
    return std::exchange(m_fitRequest, false);
}

void LineageController::openNode(const QString &id)
{
    // Debt (issue 19): still reads the cache on the GUI thread; to move onto OffGuiThread.
    const meshscope::sql::GuiThreadRead onGuiThread("LineageController::openNode: product, metric or dataset");
    const QString wanted = id.trimmed();
    if (wanted.isEmpty())
        return;
    // The level follows what was asked for: a product at product level, a column at column level, a metric
    // at metric level.
    lineage::Level level = wanted.contains(QLatin1Char('#')) ? lineage::Level::Column : lineage::Level::Dataset;
    if (level == lineage::Level::Dataset && !m_cachePath.isEmpty()) {
        try {
            sql::Connection db = cache::openCache(m_cachePath, /*readOnly=*/true);
            cache::CacheReader reader(db);
            if (reader.hasProduct(wanted))
                level = lineage::Level::Product;
            else if (reader.hasMetric(wanted))
                level = lineage::Level::Metric; // a search hit of kind metric: its inputs, down to the datasets
        } catch (const sql::SqlError &e) {
            qCWarning(lcLineage) << e.message();
        }
    }
    if (level != m_level) {
        m_level = level;
        m_graphLoaded = false;
    }
    m_rootId = wanted;
    resetForNewRoot();
    Q_EMIT rootChanged();
    relayout();
    Q_EMIT selectionChanged();
}

void LineageController::resetForNewRoot()
{
    m_expandedUp.clear();
    m_expandedDown.clear();
    m_collapsedUp.clear();
    m_collapsedDown.clear();
    m_previous.clear();
    m_domainFilter.clear();
    m_kindFilter.clear();
    m_tagFilter.clear();
    m_ownerFilter.clear();
    m_selectedId.clear();
    m_pathTargetId.clear();
    m_fitRequest = true;
}

void LineageController::openSuggested()
{
    if (m_level != lineage::Level::Dataset) {
        m_level = lineage::Level::Dataset;
        m_graphLoaded = false;
    }
    m_rootId.clear();
    resetForNewRoot();
    Q_EMIT rootChanged();
    relayout(true);
    Q_EMIT selectionChanged();
}

QString LineageController::suggestedStart()
{
    // Debt (issue 19): still reads the cache on the GUI thread; to move onto OffGuiThread.
    const meshscope::sql::GuiThreadRead onGuiThread("LineageController::suggestedStart");
    if (m_cachePath.isEmpty())
        return {};
    try {
        sql::Connection db = cache::openCache(m_cachePath);
        return mostConnected(lineage::loadGraph(db, lineage::Level::Dataset));
    } catch (const sql::SqlError &e) {
        qCWarning(lcLineage) << e.message();
        return {};
    }
}

void LineageController::reload()
{
    m_graphLoaded = false;
    if (!m_rootId.isEmpty())
        relayout();
}

void LineageController::traceNode(const QString &id)
{
    const int i = graph().indexOf(id);
    if (i < 0) {
        selectNode(id);
        return;
    }
    // Every node on the way up is expanded upstream and every node on the way down downstream, so the
    // whole trace is shown whatever the depth; collapsing on the way is undone.
    bool grew = false;
    auto open = [&](QSet<QString> &expanded, QSet<QString> &collapsed, int node) {
        const QString &nodeId = graph().nodes[size_t(node)].id;
        collapsed.remove(nodeId);
        if (!expanded.contains(nodeId)) {
            expanded.insert(nodeId);
            grew = true;
        }
    };
    open(m_expandedUp, m_collapsedUp, i);
    open(m_expandedDown, m_collapsedDown, i);
    for (const auto &r : lineage::upstreamOf(graph(), {i}, lineage::kAllHops))
        open(m_expandedUp, m_collapsedUp, r.node);
    for (const auto &r : lineage::downstreamOf(graph(), {i}, lineage::kAllHops))
        open(m_expandedDown, m_collapsedDown, r.node);
    m_selectedId = id;
    m_pathTargetId.clear();
    if (grew)
        relayout();
    else
        restyle();
    Q_EMIT selectionChanged();
}

void LineageController::expandUpstream(const QString &id)
{
    m_collapsedUp.remove(id);
    m_expandedUp.insert(id);
    relayout();
}

void LineageController::expandDownstream(const QString &id)
{
    m_collapsedDown.remove(id);
    m_expandedDown.insert(id);
    relayout();
}

void LineageController::collapseUpstream(const QString &id)
{
    m_expandedUp.remove(id);
    m_collapsedUp.insert(id);
    relayout();
}

void LineageController::collapseDownstream(const QString &id)
{
    m_expandedDown.remove(id);
    m_collapsedDown.insert(id);
    relayout();
}

/// @brief What a layout job reads: a copy of the controller's state, so the worker shares nothing mutable.
struct LineageLayoutInput {
    quint64 generation = 0;
    QString cachePath;
    lineage::Level level = lineage::Level::Dataset;
    std::shared_ptr<const LineageGraphData> data; ///< null: the worker loads the graph first
    QString rootId;
    bool suggestRoot = false; ///< pick the most connected node as rootId first (openSuggested)
    int up = 1;
    int down = 1;
    QSet<QString> expandedUp, expandedDown, collapsedUp, collapsedDown;
    QString domainFilter, kindFilter, tagFilter, ownerFilter;
    bool groupByDomain = true;
    QHash<QString, layout::Point> previous;
};

/// @brief What a layout job made, handed back to the GUI thread.
struct LineageLayoutOutput {
    quint64 generation = 0;
    std::shared_ptr<const LineageGraphData> data;
    QString rootId; ///< the start node the job used (picked by it when suggestRoot)
    bool suggestedRoot = false;
    QString message;
    std::vector<int> shown;
    std::vector<std::pair<int, int>> edges;
    std::vector<lineage::NeighbourCounts> counts;
    layout::LayoutResult layout;
    QHash<QString, layout::Point> previous;
    QStringList domains, kinds, tags, owners;
};

namespace {

/// Reads one level's graph and badges with a connection of its own (read-only: the GUI thread and a
/// sync may use the cache at the same time).
std::shared_ptr<const LineageGraphData> loadGraphData(const QString &cachePath, lineage::Level level)
{
    auto data = std::make_shared<LineageGraphData>();
    data->graph.level = level;
    if (cachePath.isEmpty())
        return data;
    try {
        sql::Connection db = cache::openCache(cachePath, true);
        data->graph = lineage::loadGraph(db, level);
        std::vector<int> all(data->graph.nodes.size());
        for (size_t i = 0; i < all.size(); ++i)
            all[i] = int(i);
        data->badges = lineage::loadBadges(db, data->graph, all);
    } catch (const sql::SqlError &e) {
        data->error = e.message();
        qCWarning(lcLineage) << e.message();
    }
    return data;
}

/// Why a start with no edge at all shows lone boxes: at column level, that its sources record lineage
/// between datasets only (dbt and OpenLineage give columns only when asked to).
QString noEdgesExplained(const lineage::LineageGraph &graph, const std::vector<int> &seeds)
{
    for (int seed : seeds) {
        if (!graph.out[size_t(seed)].empty() || !graph.in[size_t(seed)].empty())
            return {};
    }
    const QString what = seeds.size() == 1 ? graph.nodes[size_t(seeds.front())].label
                                           : QObject::tr("these %n node(s)", nullptr, int(seeds.size()));
    if (graph.level == lineage::Level::Column)
        return QObject::tr("No column-level lineage is recorded for %1: its sources describe lineage between "
                           "datasets only. Switch the level to Datasets to see where it comes from.").arg(what);
    return QObject::tr("No lineage is recorded for %1 at this level.").arg(what);
}

/// Neighbourhood, filters and layout: everything slow between a state change and a new picture. Runs on
/// a worker thread (or inline when the controller is not threaded); touches nothing but its input.
LineageLayoutOutput runLayoutJob(const LineageLayoutInput &in)
{
    QElapsedTimer timer;
    timer.start();
    LineageLayoutOutput out;
    out.generation = in.generation;
    out.data = in.data ? in.data : loadGraphData(in.cachePath, in.level);
    const lineage::LineageGraph &graph = out.data->graph;
    out.message = out.data->error;
    out.suggestedRoot = in.suggestRoot;
    out.rootId = in.suggestRoot ? mostConnected(graph) : in.rootId;
    QString error;
    const std::vector<int> seeds = lineage::resolveNodes(graph, out.rootId, &error);
    if (seeds.empty()) {
        if (out.message.isEmpty())
            out.message = out.rootId.isEmpty() ? QString() : error;
        return out;
    }
    if (out.message.isEmpty())
        out.message = noEdgesExplained(graph, seeds);
    lineage::NeighbourhoodRequest request;
    request.seeds = seeds;
    request.up = in.up < 0 ? lineage::kAllHops : in.up;
    request.down = in.down < 0 ? lineage::kAllHops : in.down;
    auto indices = [&](const QSet<QString> &ids) {
        QSet<int> result;
        for (const QString &id : ids) {
            if (const int i = graph.indexOf(id); i >= 0)
                result.insert(i);
        }
        return result;
    };
    request.expandedUp = indices(in.expandedUp);
    request.expandedDown = indices(in.expandedDown);
    request.collapsedUp = indices(in.collapsedUp);
    request.collapsedDown = indices(in.collapsedDown);
    const lineage::Neighbourhood hood = lineage::neighbourhood(graph, request);

    // Filters hide nodes but never the start nodes.
    QSet<QString> domains;
    QSet<QString> kinds;
    QSet<QString> tags;
    QSet<QString> owners;
    std::vector<char> keep(graph.nodes.size(), 0);
    for (size_t k = 0; k < hood.nodes.size(); ++k) {
        const lineage::GraphNode &n = graph.nodes[size_t(hood.nodes[k])];
        domains.insert(n.domain);
        kinds.insert(n.kind);
        for (const QString &t : n.tags)
            tags.insert(t);
        owners.insert(n.owner);
        const bool seed = std::find(seeds.begin(), seeds.end(), hood.nodes[k]) != seeds.end();
        const bool match = (in.domainFilter.isEmpty() || n.domain == in.domainFilter) &&
                           (in.kindFilter.isEmpty() || n.kind == in.kindFilter) &&
                           (in.tagFilter.isEmpty() || n.tags.contains(in.tagFilter)) &&
                           (in.ownerFilter.isEmpty() || n.owner == in.ownerFilter);
        if (seed || match) {
            keep[size_t(hood.nodes[k])] = 1;
            out.shown.push_back(hood.nodes[k]);
            out.counts.push_back(hood.counts[k]);
        }
    }
    for (const auto &e : hood.edges) {
        if (keep[size_t(e.first)] && keep[size_t(e.second)])
            out.edges.push_back(e);
    }
    auto sorted = [](const QSet<QString> &set) {
        QStringList list(set.begin(), set.end());
        list.removeAll(QString());
        list.sort();
        return list;
    };
    out.domains = sorted(domains);
    out.kinds = QStringList(kinds.begin(), kinds.end());
    out.kinds.sort();
    out.tags = sorted(tags);
    out.owners = sorted(owners);

    layout::LayoutGraph g;
    QHash<int, int> position;
    for (int i : out.shown) {
        const lineage::GraphNode &n = graph.nodes[size_t(i)];
        position.insert(i, int(g.nodes.size()));
        g.nodes.push_back({n.id, kNodeWidth, kNodeHeight, in.groupByDomain ? n.domain : QString()});
    }
    for (const auto &[s, t] : out.edges)
        g.edges.push_back({position.value(s), position.value(t)});
    layout::LayoutOptions options;
    options.focus = graph.nodes[size_t(seeds.front())].id;
    options.previous = in.previous;
    options.groupSpacing = 40; // room for the domain titles above the boxes
    out.layout = layout::computeLayout(g, options);
    for (size_t k = 0; k < g.nodes.size(); ++k)
        out.previous.insert(g.nodes[k].id, out.layout.centres[k]);
    qCDebug(lcLineage) << "laid out" << out.shown.size() << "nodes in" << timer.elapsed() << "ms";
    return out;
}

} // namespace

const lineage::LineageGraph &LineageController::graph() const
{
    static const lineage::LineageGraph none;
    return m_data ? m_data->graph : none;
}

const std::vector<lineage::NodeBadges> &LineageController::badges() const
{
    static const std::vector<lineage::NodeBadges> none;
    return m_data ? m_data->badges : none;
}

std::vector<int> LineageController::seedIndices() const
{
    return lineage::resolveNodes(graph(), m_rootId);
}

void LineageController::setThreaded(bool on)
{
    if (m_threaded == on)
        return;
    m_threaded = on;
    Q_EMIT threadedChanged();
}

void LineageController::relayout(bool suggestRoot)
{
    LineageLayoutInput in;
    in.generation = ++m_jobGeneration;
    in.cachePath = m_cachePath;
    in.level = m_level;
    if (m_graphLoaded)
        in.data = m_data;
    in.rootId = m_rootId;
    in.suggestRoot = suggestRoot;
    in.up = m_up;
    in.down = m_down;
    in.expandedUp = m_expandedUp;
    in.expandedDown = m_expandedDown;
    in.collapsedUp = m_collapsedUp;
    in.collapsedDown = m_collapsedDown;
    in.domainFilter = m_domainFilter;
    in.kindFilter = m_kindFilter;
    in.tagFilter = m_tagFilter;
    in.ownerFilter = m_ownerFilter;
    in.groupByDomain = m_groupByDomain;
    in.previous = m_previous;
    if (!m_threaded) {
        applyLayout(runLayoutJob(in));
        return;
    }
    setBusy(true);
    // The watcher is a child: if the controller goes first, the result is simply dropped.
    auto *watcher = new QFutureWatcher<LineageLayoutOutput>(this);
    connect(watcher, &QFutureWatcher<LineageLayoutOutput>::finished, this, [this, watcher] {
        watcher->deleteLater();
        applyLayout(watcher->future().takeResult());
    });
    auto promise = std::make_shared<QPromise<LineageLayoutOutput>>();
    watcher->setFuture(promise->future());
    promise->start();
    m_pool.start([promise, in = std::move(in)] {
        promise->addResult(runLayoutJob(in));
        promise->finish();
    });
}

void LineageController::applyLayout(LineageLayoutOutput &&out)
{
    const bool newest = out.generation == m_jobGeneration;
    if (!newest) {
        // A newer job is on its way; keep a freshly loaded graph for it only if it matches.
        return;
    }
    setBusy(false);
    const bool newRoot = out.suggestedRoot && out.rootId != m_rootId;
    if (out.suggestedRoot)
        m_rootId = out.rootId;
    m_data = std::move(out.data);
    m_graphLoaded = true;
    m_message = out.message;
    m_shown = std::move(out.shown);
    m_edges = std::move(out.edges);
    m_counts = std::move(out.counts);
    m_layout = std::move(out.layout);
    m_previous = std::move(out.previous);
    m_domains = std::move(out.domains);
    m_kinds = std::move(out.kinds);
    m_tags = std::move(out.tags);
    m_owners = std::move(out.owners);
    restyle();
    if (newRoot)
        Q_EMIT rootChanged();
    // The selected node's counts are the new picture's: the details panel re-reads them (it showed the old
    // "0 of 0" after a level switch and "6 of 6" after Full downstream).
    Q_EMIT selectionChanged();
}

void LineageController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void LineageController::restyle()
{
    auto scene = std::make_shared<LineageScene>();
    scene->colours = coloursFor(m_dark);
    scene->revision = ++m_revision;
    const int selected = graph().indexOf(m_selectedId);
    const std::vector<int> seeds = seedIndices();

    // Highlight: the selected node's up- and downstream among what is shown, or the paths to the target.
    QSet<int> lit;
    if (selected >= 0 && std::find(m_shown.begin(), m_shown.end(), selected) != m_shown.end()) {
        QSet<int> shown(m_shown.begin(), m_shown.end());
        const int target = graph().indexOf(m_pathTargetId);
        if (target >= 0) {
            for (int i : lineage::pathNodes(graph(), selected, target))
                lit.insert(i);
        } else {
            lit.insert(selected);
            for (const auto &r : lineage::upstreamOf(graph(), {selected}, lineage::kAllHops))
                if (shown.contains(r.node))
                    lit.insert(r.node);
            for (const auto &r : lineage::downstreamOf(graph(), {selected}, lineage::kAllHops))
                if (shown.contains(r.node))
                    lit.insert(r.node);
        }
    }
    const bool dimming = !lit.isEmpty();

    QRectF bounds;
    for (size_t k = 0; k < m_shown.size() && k < m_layout.centres.size(); ++k) {
        const int i = m_shown[k];
        const lineage::GraphNode &n = graph().nodes[size_t(i)];
        LineageScene::Node s;
        s.id = n.id;
        const layout::Point c = m_layout.centres[k];
        s.rect = QRectF(c.x - kNodeWidth / 2, c.y - kNodeHeight / 2, kNodeWidth, kNodeHeight);
        bounds = bounds.united(s.rect);
        s.label = n.label;
        QString second = n.kind;
        if (m_level == lineage::Level::Column)
            second = n.parent.section(QLatin1Char('.'), -1);
        if (!n.domain.isEmpty())
            second += QStringLiteral(" · ") + n.domain;
        s.detail = second;
        s.accent = domainColour(n.domain);
        s.seed = std::find(seeds.begin(), seeds.end(), i) != seeds.end();
        s.selected = i == selected;
        s.highlighted = lit.contains(i);
        s.dimmed = dimming && !s.highlighted;
        if (size_t(i) < badges().size()) {
            const lineage::NodeBadges &b = badges()[size_t(i)];
            s.failing = b.failingChecks > 0;
            s.stale = b.stale;
            s.breaking = b.breakingProposals > 0;
            s.contractMissing = b.contractStatus == u"missing";
        }
        const lineage::NeighbourCounts &counts = m_counts[k];
        if (counts.moreUpstream())
            s.moreUp = QStringLiteral("+%1").arg(counts.upstreamTotal - counts.upstreamShown);
        if (counts.moreDownstream())
            s.moreDown = QStringLiteral("+%1").arg(counts.downstreamTotal - counts.downstreamShown);
        scene->nodes.push_back(std::move(s));
    }
    QHash<int, int> sceneIndex; // graph index -> scene node
    for (size_t k = 0; k < m_shown.size(); ++k)
        sceneIndex.insert(m_shown[k], int(k));
    for (size_t k = 0; k < m_edges.size() && k < m_layout.routes.size(); ++k) {
        LineageScene::Edge e;
        e.source = sceneIndex.value(m_edges[k].first, -1);
        e.target = sceneIndex.value(m_edges[k].second, -1);
        for (const layout::Point &p : m_layout.routes[k])
            e.points.emplace_back(p.x, p.y);
        e.highlighted = lit.contains(m_edges[k].first) && lit.contains(m_edges[k].second);
        e.dimmed = dimming && !e.highlighted;
        scene->edges.push_back(std::move(e));
    }
    if (m_groupByDomain) {
        for (const layout::GroupBox &g : m_layout.groups) {
            const QRectF r(g.x - g.width / 2, g.y - g.height / 2, g.width, g.height);
            scene->groups.push_back({r, g.group, domainColour(g.group)});
            bounds = bounds.united(r.adjusted(0, -24, 0, 0));
        }
    }
    scene->bounds = bounds;
    m_scene = std::move(scene);
    Q_EMIT sceneChanged();
}

QVariantMap LineageController::selected() const
{
    const int i = graph().indexOf(m_selectedId);
    if (i < 0)
        return {};
    const lineage::GraphNode &n = graph().nodes[size_t(i)];
    QVariantMap m{{QStringLiteral("id"), n.id},         {QStringLiteral("label"), n.label},
                  {QStringLiteral("kind"), n.kind},     {QStringLiteral("domain"), n.domain},
                  {QStringLiteral("parent"), n.parent}, {QStringLiteral("owner"), n.owner}};
    const auto it = std::find(m_shown.begin(), m_shown.end(), i);
    if (it != m_shown.end()) {
        const lineage::NeighbourCounts &c = m_counts[size_t(it - m_shown.begin())];
        m.insert(QStringLiteral("upstreamShown"), c.upstreamShown);
        m.insert(QStringLiteral("upstreamTotal"), c.upstreamTotal);
        m.insert(QStringLiteral("downstreamShown"), c.downstreamShown);
        m.insert(QStringLiteral("downstreamTotal"), c.downstreamTotal);
    }
    if (size_t(i) < badges().size()) {
        const lineage::NodeBadges &b = badges()[size_t(i)];
        m.insert(QStringLiteral("checks"), b.checks);
        m.insert(QStringLiteral("failingChecks"), b.failingChecks);
        m.insert(QStringLiteral("stale"), b.stale);
        m.insert(QStringLiteral("lastLoaded"), b.lastLoaded.isValid() ? b.lastLoaded.toUTC().toString(Qt::ISODate) : QString());
        m.insert(QStringLiteral("contractStatus"), b.contractStatus);
        m.insert(QStringLiteral("breakingProposals"), b.breakingProposals);
    }
    m.insert(QStringLiteral("impactedCount"), int(lineage::downstreamOf(graph(), {i}).size()));
    m.insert(QStringLiteral("upstreamAll"), int(lineage::upstreamOf(graph(), {i}).size()));
    return m;
}

QString LineageController::findNode(const QString &text, const QString &after) const
{
    if (!m_scene || text.trimmed().isEmpty())
        return {};
    const QString t = text.trimmed();
    const int start = m_scene->indexOf(after) + 1;
    const int n = int(m_scene->nodes.size());
    for (int k = 0; k < n; ++k) {
        const LineageScene::Node &node = m_scene->nodes[size_t((start + k) % n)];
        if (node.label.contains(t, Qt::CaseInsensitive) || node.id.contains(t, Qt::CaseInsensitive))
            return node.id;
    }
    return {};
}

int LineageController::countMatches(const QString &text) const
{
    const QString t = text.trimmed();
    if (!m_scene || t.isEmpty())
        return 0;
    return int(std::count_if(m_scene->nodes.begin(), m_scene->nodes.end(), [&](const LineageScene::Node &n) {
        return n.label.contains(t, Qt::CaseInsensitive) || n.id.contains(t, Qt::CaseInsensitive);
    }));
}

QString LineageController::nodeHint(const QString &id) const
{
    const int i = m_scene ? m_scene->indexOf(id) : -1;
    if (i < 0)
        return {};
    const LineageScene::Node &n = m_scene->nodes[size_t(i)];
    QStringList lines{n.label + QStringLiteral(" — ") + n.detail};
    if (n.failing)
        lines << tr("quality checks failing");
    if (n.stale)
        lines << tr("data is stale");
    if (n.breaking)
        lines << tr("a breaking contract proposal is open");
    if (n.contractMissing)
        lines << tr("an output without a contract");
    if (!n.moreUp.isEmpty())
        lines << tr("%1 upstream: neighbours not shown (select it and Expand upstream)").arg(n.moreUp);
    if (!n.moreDown.isEmpty())
        lines << tr("%1 downstream: neighbours not shown (select it and Expand downstream)").arg(n.moreDown);
    return lines.join(u'\n');
}

QString LineageController::neighbourOf(const QString &id, const QString &direction) const
{
    if (!m_scene)
        return {};
    const int from = m_scene->indexOf(id);
    if (from < 0)
        return m_scene->nodes.empty() ? QString() : m_scene->nodes.front().id;
    const int to = m_scene->neighbour(from, direction);
    return to >= 0 ? m_scene->nodes[size_t(to)].id : QString();
}

std::vector<int> LineageController::impactedSeeds() const
{
    const int selected = graph().indexOf(m_selectedId);
    return selected >= 0 ? std::vector<int>{selected} : seedIndices();
}

QString LineageController::impactedCsv() const
{
    const std::vector<int> seeds = impactedSeeds();
    if (seeds.empty())
        return {};
    return exporting::impactedCsv(graph(), lineage::impactedDownstream(graph(), seeds), badges());
}

int LineageController::impactedTotal() const
{
    const std::vector<int> seeds = impactedSeeds();
    return seeds.empty() ? 0 : int(lineage::impactedDownstream(graph(), seeds).size());
}

QString LineageController::impactedFromLabel() const
{
    const std::vector<int> seeds = impactedSeeds();
    if (seeds.empty())
        return {};
    return seeds.size() == 1 ? graph().nodes[size_t(seeds.front())].label : tr("%n nodes", nullptr, int(seeds.size()));
}

bool LineageController::exportImpactedCsv(const QString &path) const
{
    const QString csv = impactedCsv();
    if (csv.isEmpty())
        return false;
    try {
        exporting::writeExportFile(path, csv.toUtf8());
    } catch (const exporting::ExportError &e) {
        qCWarning(lcLineage) << e.message;
        return false;
    }
    return true;
}

QString LineageController::localPath(const QVariant &urlOrPath)
{
    const QUrl url = urlOrPath.toUrl();
    if (url.isLocalFile())
        return url.toLocalFile();
    return urlOrPath.toString();
}
