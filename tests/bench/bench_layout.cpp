// Layered layout of generated lineage DAGs: our engine's time and crossings, and Graphviz dot's on
// the same graph when `dot` is on PATH (`dot -Tplain`, rankdir=LR, the same node sizes, no
// clusters, killed after two minutes).
//
// Both drawings' crossings are counted by the same code, layout::countDrawingCrossings(): the
// ranks are the distinct x of the node centres (dot centres a rank's nodes on one vertical line,
// as we do); each edge is cut where its path crosses the line of every rank it spans, which gives
// its bend points; every rank is ordered by y and crossings are counted between consecutive ranks
// with the accumulator tree. Our paths are the returned polylines; dot's are its B-splines,
// sampled at 8 points per cubic piece. Our own count of the drawing must equal the count the
// engine reports (a mismatch is printed to stderr).
//
// Usage: bench_layout [--smoke] [--no-dot] [--sizes 1000,3000] [--dot-limit SECONDS] [--save-dot DIR]
//                     [--sizes N --dot-plain FILE]  (dot's -Tplain output for size N, made by hand)
#include "benchsupport.h"

#include "layout/crossings.h"
#include "layout/layoutgraph.h"
#include "layout/samplegraphs.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <ctime>
#include <map>
#include <set>
#include <optional>

using namespace meshscope;

namespace {

/// dot's time limit; --dot-limit SECONDS changes it (dot needs several minutes at 10,000 nodes).
int dotTimeLimitMs = 120000;

struct Measured {
    double seconds = 0;
    double cpuSeconds = -1; ///< CPU time of this process (ours only): steadier on a busy machine
    qint64 crossings = 0;
    int layers = 0;  ///< ours only
    int dummies = 0; ///< ours only: bend points of edges spanning several layers
};

layout::detail::EdgeList edgeList(const layout::LayoutGraph &graph)
{
    layout::detail::EdgeList edges;
    for (const layout::LayoutEdge &e : graph.edges)
        edges.emplace_back(e.source, e.target);
    return edges;
}

Measured runOurs(const layout::LayoutGraph &graph)
{
    QElapsedTimer timer;
    const std::clock_t cpuStart = std::clock();
    timer.start();
    const layout::LayoutResult result = layout::computeLayout(graph);
    Measured m;
    m.seconds = double(timer.nsecsElapsed()) / 1e9;
    m.cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    m.crossings = layout::countDrawingCrossings(result.centres, edgeList(graph), result.routes);
    m.layers = result.layerCount;
    m.dummies = result.dummyCount;
    if (m.crossings != result.crossings)
        std::fprintf(stderr, "note: the drawing shows %lld crossings, the engine counted %lld\n",
                     qlonglong(m.crossings), qlonglong(result.crossings));
    return m;
}

/// The graph in dot's language: same sizes (points / 72 = inches), no clusters, no labels.
QByteArray dotSource(const layout::LayoutGraph &graph)
{
    QByteArray text = "digraph G {\n rankdir=LR;\n node [shape=box, fixedsize=true, label=\"\"];\n";
    for (size_t v = 0; v < graph.nodes.size(); ++v)
        text += " n" + QByteArray::number(qulonglong(v)) + " [width=" + QByteArray::number(graph.nodes[v].width / 72)
            + ", height=" + QByteArray::number(graph.nodes[v].height / 72) + "];\n";
    for (const layout::LayoutEdge &e : graph.edges)
        text += " n" + QByteArray::number(e.source) + " -> n" + QByteArray::number(e.target) + ";\n";
    return text + "}\n";
}

/// Reads `dot -Tplain`: "node NAME X Y ..." and "edge TAIL HEAD N X1 Y1 ... XN YN ..." where the
/// points are B-spline control points (cubic Bezier pieces), sampled here into polylines.
std::optional<Measured> parseDotPlain(const QByteArray &plain, const layout::LayoutGraph &graph, double seconds)
{
    std::vector<layout::Point> centres(graph.nodes.size());
    layout::detail::EdgeList edges;
    std::vector<std::vector<layout::Point>> paths;
    for (const QByteArray &line : plain.split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() >= 4 && f[0] == "node") {
            const int v = f[1].mid(1).toInt();
            if (v >= 0 && size_t(v) < centres.size())
                centres[size_t(v)] = {f[2].toDouble(), f[3].toDouble()};
        } else if (f.size() >= 4 && f[0] == "edge") {
            const int count = f[3].toInt();
            if (f.size() < 4 + 2 * count)
                return std::nullopt;
            std::vector<layout::Point> control;
            for (int i = 0; i < count; ++i)
                control.push_back({f[4 + 2 * i].toDouble(), f[5 + 2 * i].toDouble()});
            std::vector<layout::Point> path;
            for (size_t s = 0; s + 3 < control.size(); s += 3) {
                for (int k = (s == 0 ? 0 : 1); k <= 8; ++k) {
                    const double t = k / 8.0;
                    const double a = (1 - t) * (1 - t) * (1 - t), b = 3 * t * (1 - t) * (1 - t),
                                 c = 3 * t * t * (1 - t), d = t * t * t;
                    path.push_back({a * control[s].x + b * control[s + 1].x + c * control[s + 2].x + d * control[s + 3].x,
                                    a * control[s].y + b * control[s + 1].y + c * control[s + 2].y + d * control[s + 3].y});
                }
            }
            edges.emplace_back(f[1].mid(1).toInt(), f[2].mid(1).toInt());
            paths.push_back(std::move(path));
        }
    }
    Measured m;
    m.seconds = seconds;
    m.crossings = layout::countDrawingCrossings(centres, edges, paths);
    return m;
}

/// nullopt when dot timed out or failed.
std::optional<Measured> runDot(const QString &dot, const layout::LayoutGraph &graph, QString &failure)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("graph.dot")));
    if (!file.open(QIODevice::WriteOnly) || file.write(dotSource(graph)) < 0) {
        failure = QStringLiteral("cannot write");
        return std::nullopt;
    }
    file.close();
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(dot, {QStringLiteral("-Tplain"), file.fileName()});
    if (!process.waitForFinished(dotTimeLimitMs)) {
        process.kill();
        process.waitForFinished();
        failure = QStringLiteral("timeout");
        return std::nullopt;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        failure = QStringLiteral("failed");
        return std::nullopt;
    }
    auto m = parseDotPlain(process.readAllStandardOutput(), graph, seconds);
    if (!m)
        failure = QStringLiteral("unreadable output");
    return m;
}

/// Node indices within `hops` steps of `centre`, edges taken either way.
std::set<int> neighbourhood(const std::vector<std::vector<int>> &neighbours, int centre, int hops)
{
    std::set<int> shown{centre};
    for (int step = 0; step < hops; ++step) {
        for (const int v : std::set<int>(shown))
            shown.insert(neighbours[size_t(v)].begin(), neighbours[size_t(v)].end());
    }
    return shown;
}

layout::LayoutGraph induced(const layout::LayoutGraph &full, const std::set<int> &keep)
{
    layout::LayoutGraph g;
    std::map<int, int> index;
    for (const int v : keep) {
        index[v] = int(g.nodes.size());
        g.nodes.push_back(full.nodes[size_t(v)]);
    }
    for (const layout::LayoutEdge &e : full.edges) {
        if (keep.count(e.source) && keep.count(e.target))
            g.edges.push_back({index[e.source], index[e.target]});
    }
    return g;
}

struct Expansion {
    int before = 0, after = 0;  ///< nodes shown
    double meanMove = 0;        ///< incremental layout: mean distance the old nodes moved
    double meanMoveFresh = 0;   ///< a fresh layout, shifted so the focus matches
    double seconds = 0;         ///< the incremental layout's time
};

/// The lineage view's "expand": the `hops`-step neighbourhood of a node is shown, then the rim
/// node with the most hidden neighbours is expanded. Old nodes' movement is measured for the
/// incremental layout (previous positions + focus) and, for reference, for a fresh layout.
Expansion measureExpansion(const layout::LayoutGraph &full, int centre, int hops)
{
    std::vector<std::vector<int>> neighbours(full.nodes.size());
    for (const layout::LayoutEdge &e : full.edges) {
        neighbours[size_t(e.source)].push_back(e.target);
        neighbours[size_t(e.target)].push_back(e.source);
    }
    const std::set<int> shown = neighbourhood(neighbours, centre, hops);
    int expanded = centre;
    size_t hidden = 0;
    for (const int v : shown) {
        size_t count = 0;
        for (const int w : neighbours[size_t(v)])
            count += shown.count(w) ? 0 : 1;
        if (count > hidden) {
            hidden = count;
            expanded = v;
        }
    }
    std::set<int> grownSet = shown;
    grownSet.insert(neighbours[size_t(expanded)].begin(), neighbours[size_t(expanded)].end());
    const layout::LayoutGraph before = induced(full, shown);
    const layout::LayoutGraph grown = induced(full, grownSet);
    const layout::LayoutResult first = layout::computeLayout(before);
    layout::LayoutOptions options;
    for (size_t v = 0; v < before.nodes.size(); ++v)
        options.previous.insert(before.nodes[v].id, first.centres[v]);
    options.focus = full.nodes[size_t(expanded)].id;
    QElapsedTimer timer;
    timer.start();
    const layout::LayoutResult incremental = layout::computeLayout(grown, options);
    Expansion result;
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    const layout::LayoutResult fresh = layout::computeLayout(grown);
    int focus = 0;
    for (size_t v = 0; v < grown.nodes.size(); ++v) {
        if (grown.nodes[v].id == options.focus)
            focus = int(v);
    }
    const layout::Point anchor = options.previous.value(options.focus);
    const double dx = anchor.x - fresh.centres[size_t(focus)].x, dy = anchor.y - fresh.centres[size_t(focus)].y;
    for (size_t v = 0; v < grown.nodes.size(); ++v) {
        const auto old = options.previous.constFind(grown.nodes[v].id);
        if (old == options.previous.constEnd())
            continue;
        result.meanMove += std::hypot(incremental.centres[v].x - old->x, incremental.centres[v].y - old->y);
        result.meanMoveFresh += std::hypot(fresh.centres[v].x + dx - old->x, fresh.centres[v].y + dy - old->y);
    }
    result.before = int(before.nodes.size());
    result.after = int(grown.nodes.size());
    result.meanMove /= std::max(1, result.before);
    result.meanMoveFresh /= std::max(1, result.before);
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool smoke = bench::smoke(argc, argv);
    std::vector<int> sizes = smoke ? std::vector<int>{200} : std::vector<int>{1000, 3000, 10000};
    bool withDot = true;
    QString saveDotDir;
    QString dotPlainFile; // with one size: dot's -Tplain output for it, e.g. from a run without a time limit
    for (int i = 1; i < argc; ++i) {
        withDot = withDot && QByteArray(argv[i]) != "--no-dot";
        if (QByteArray(argv[i]) == "--sizes" && i + 1 < argc) { // --sizes N,M,... replaces the sizes
            sizes.clear();
            for (const QByteArray &size : QByteArray(argv[i + 1]).split(','))
                sizes.push_back(size.toInt());
        }
        if (QByteArray(argv[i]) == "--save-dot" && i + 1 < argc) // --save-dot DIR: the dot inputs, to rerun by hand
            saveDotDir = QString::fromLocal8Bit(argv[i + 1]);
        if (QByteArray(argv[i]) == "--dot-plain" && i + 1 < argc) // --dot-plain FILE: dot's output, made earlier
            dotPlainFile = QString::fromLocal8Bit(argv[i + 1]);
        if (QByteArray(argv[i]) == "--dot-limit" && i + 1 < argc)
            dotTimeLimitMs = QByteArray(argv[i + 1]).toInt() * 1000;
    }
    const QString dot = withDot ? QStandardPaths::findExecutable(QStringLiteral("dot")) : QString();
    std::vector<layout::LayoutGraph> graphs;
    QByteArray shapes;
    for (const int n : sizes) {
        graphs.push_back(layout::lineageGraph(n));
        shapes += (shapes.isEmpty() ? "" : ", ") + QByteArray::number(n) + " nodes/"
            + QByteArray::number(qulonglong(graphs.back().edges.size())) + " edges";
    }
    std::printf("Generated lineage DAGs (seed 42): %s. dot: %s (limit %d s).\n"
                "\"grouped\": nodes grouped by domain (contiguous bands); dot gets the graph without groups.\n",
                shapes.constData(), dot.isEmpty() ? "skipped (not on PATH, or --no-dot)" : qPrintable(dot),
                dotTimeLimitMs / 1000);
    bench::header("Layered layout: time and crossings, ours and Graphviz dot's");
    for (size_t i = 0; i < sizes.size(); ++i) {
        const int n = sizes[i];
        const layout::LayoutGraph &grouped = graphs[i];
        layout::LayoutGraph plain = grouped;
        for (layout::LayoutNode &node : plain.nodes)
            node.group.clear();
        if (!saveDotDir.isEmpty()) {
            QFile out(saveDotDir + QStringLiteral("/lineage-%1.dot").arg(n));
            if (!out.open(QIODevice::WriteOnly) || out.write(dotSource(plain)) < 0)
                std::fprintf(stderr, "cannot write %s\n", qPrintable(out.fileName()));
        }
        std::optional<Measured> dotResult;
        QString failure;
        if (!dotPlainFile.isEmpty()) {
            QFile in(dotPlainFile);
            if (in.open(QIODevice::ReadOnly))
                dotResult = parseDotPlain(in.readAll(), plain, -1);
            if (!dotResult)
                failure = QStringLiteral("unreadable ") + dotPlainFile;
        } else if (!dot.isEmpty()) {
            dotResult = runDot(dot, plain, failure);
        }
        const double timeTarget = n < 1000 ? -1 : (n <= 3000 ? 0.3 : 1.5);
        const double crossingTarget = dotResult ? double(dotResult->crossings) : -1;
        const QByteArray name = QByteArray::number(n) + " nodes: ";
        const Measured ours = runOurs(plain);
        const Measured oursGrouped = runOurs(grouped);
        bench::row(QByteArray(name + "ours, time").constData(), ours.seconds, "s", timeTarget);
        bench::row(QByteArray(name + "ours, CPU time").constData(), ours.cpuSeconds, "s", timeTarget);
        // Above 1 the machine is shared: the process waited for a core that long.
        if (ours.cpuSeconds > 0)
            bench::row(QByteArray(name + "ours, wall / CPU time").constData(), ours.seconds / ours.cpuSeconds, "x");
        bench::row(QByteArray(name + "ours, crossings").constData(), double(ours.crossings), "", crossingTarget);
        bench::row(QByteArray(name + "ours grouped, time").constData(), oursGrouped.seconds, "s", timeTarget);
        bench::row(QByteArray(name + "ours grouped, crossings").constData(), double(oursGrouped.crossings), "");
        bench::row(QByteArray(name + "ours, layers").constData(), ours.layers, "");
        bench::row(QByteArray(name + "ours, bend points (dummies)").constData(), ours.dummies, "");
        if (dotResult) {
            if (dotResult->seconds >= 0)
                bench::row(QByteArray(name + "dot, time").constData(), dotResult->seconds, "s");
            else
                std::printf("| %-44s | %10s | %-5s | %10s | %-6s |\n", QByteArray(name + "dot, time").constData(),
                            "see file", "", "", "");
            bench::row(QByteArray(name + "dot, crossings").constData(), double(dotResult->crossings), "");
            // Ratios hold up better than times on a shared machine: both ran in this process's run.
            bench::row(QByteArray(name + "crossings ours / dot").constData(),
                       double(ours.crossings) / double(std::max<qint64>(1, dotResult->crossings)), "", 1.0);
            if (dotResult->seconds > 0 && ours.seconds > 0)
                bench::row(QByteArray(name + "time dot / ours (speed-up)").constData(), dotResult->seconds / ours.seconds, "x");
        } else if (!dot.isEmpty()) {
            std::printf("| %-44s | %10s | %-5s | %10s | %-6s |\n", QByteArray(name + "dot").constData(),
                        qPrintable(failure), "", "", "");
        }
    }

    // Incremental layout: expanding one node of a lineage view should move the others little.
    bench::header("Expanding one node: mean move of the nodes already shown (ours, incremental vs fresh)");
    for (size_t i = 0; i < sizes.size(); ++i) {
        const int hops = smoke ? 2 : 3;
        const Expansion e = measureExpansion(graphs[i], sizes[i] / 2, hops);
        const QByteArray name = QByteArray::number(sizes[i]) + " graph, " + QByteArray::number(e.before) + " -> "
            + QByteArray::number(e.after) + " shown: ";
        bench::row(QByteArray(name + "incremental").constData(), e.meanMove, "px");
        bench::row(QByteArray(name + "fresh layout").constData(), e.meanMoveFresh, "px");
        bench::row(QByteArray(name + "incr. time").constData(), e.seconds, "s");
    }
    std::printf("peak RSS %.1f MiB\n", bench::peakRssMiB());
    return 0;
}
