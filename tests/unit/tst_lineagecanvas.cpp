#include "cache/cachefile.h"
#include "lineage/glyphatlas.h"
#include "lineage/lineagegraph.h"
#include "lineage/lineagecanvas.h"
#include "lineage/lineagecontroller.h"
#include "lineage/lineagescene.h"
#include "lineage/overviewimage.h"
#include "lineage/scenegraphbuilder.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QFile>
#include <QImage>
#include <QSet>
#include <QSGFlatColorMaterial>
#include <QSGGeometryNode>
#include <QSGTextureMaterial>
#include <QSGVertexColorMaterial>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <functional>
#include <memory>

using namespace meshscope;

namespace {

LineageScene::Node node(const QString &id, qreal x, qreal y)
{
    LineageScene::Node n;
    n.id = id;
    n.rect = QRectF(x, y, 200, 40);
    n.label = id;
    n.detail = QStringLiteral("model");
    n.accent = Qt::blue;
    return n;
}

/// Three nodes in a row, two edges, one group box around the first two.
LineageScene smallScene()
{
    LineageScene s;
    s.nodes = {node("ab", 0, 0), node("cd", 300, 0), node("ef", 600, 0)};
    s.edges.push_back({{QPointF(200, 20), QPointF(300, 20)}});
    s.edges.push_back({{QPointF(500, 20), QPointF(600, 20)}});
    s.groups.push_back({QRectF(-10, -10, 520, 60), QStringLiteral("g"), Qt::red});
    s.bounds = QRectF(-10, -10, 820, 60);
    return s;
}

struct Walk {
    int geometryNodes = 0;
    int vertices = 0;
    int maxVertices = 0;
    int textured = 0;
    int coloured = 0;
    int flat = 0;
    int blendedColoured = 0; ///< vertex-colour materials that blend (should be none)
    bool allShortIndices = true;
};

Walk walk(QSGNode *root)
{
    Walk w;
    std::function<void(QSGNode *)> visit = [&](QSGNode *n) {
        if (n->type() == QSGNode::GeometryNodeType) {
            auto *g = static_cast<QSGGeometryNode *>(n);
            ++w.geometryNodes;
            w.vertices += g->geometry()->vertexCount();
            w.maxVertices = std::max(w.maxVertices, g->geometry()->vertexCount());
            if (g->geometry()->indexCount() > 0 && g->geometry()->indexType() != QSGGeometry::UnsignedShortType)
                w.allShortIndices = false;
            if (dynamic_cast<QSGTextureMaterial *>(g->material()))
                ++w.textured;
            if (dynamic_cast<QSGVertexColorMaterial *>(g->material())) {
                ++w.coloured;
                if (g->material()->flags() & QSGMaterial::Blending)
                    ++w.blendedColoured;
            }
            if (dynamic_cast<QSGFlatColorMaterial *>(g->material()))
                ++w.flat;
        }
        for (QSGNode *c = n->firstChild(); c; c = c->nextSibling())
            visit(c);
    };
    visit(root);
    return w;
}

} // namespace

/// The scene-graph builder counted without rendering, and the lineage controller on the sample mesh.
class TestLineageCanvas : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cache;

private Q_SLOTS:
    void initTestCase()
    {
        m_cache = m_dir.filePath(QStringLiteral("cache.sqlite"));
        const SyncReport r = SyncEngine(m_cache).run({testsupport::source(QStringLiteral("resources/sample-mesh"))});
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
    }

    void buildsFewBatchedNodesWithExactVertexCounts()
    {
        const LineageScene scene = smallScene();
        GlyphAtlas atlas;
        SceneGraphStats stats;
        std::unique_ptr<QSGNode> root(SceneGraphBuilder::build(scene, {QRectF(-100, -100, 1000, 300), 1.0, &atlas, nullptr}, &stats));
        QCOMPARE(stats.nodesDrawn, 3);
        QCOMPARE(stats.edgesDrawn, 2);
        QCOMPARE(stats.groupsDrawn, 1);
        // Group: fill + 4 frame sides = 5 quads. Edges: one line each, one arrow head each.
        // Nodes: border, fill and domain stripe = 3 quads each. Text: "ab", "cd", "ef", 3 x "model", "g".
        const int glyphs = 3 * 2 + 3 * 5 + 1;
        QCOMPARE(stats.glyphs, glyphs);
        QCOMPARE(stats.labelsDrawn, 7);
        QCOMPARE(stats.vertices, 5 * 4 + 2 * 2 + 2 * 3 + 3 * 3 * 4 + glyphs * 4);
        const Walk w = walk(root.get());
        QCOMPARE(w.geometryNodes, stats.geometryNodes);
        // Batched by material, not one per item: one node per layer (group fill, group frame; node border,
        // fill, domain stripe), the edge lines, the arrow heads, the text. Every shape shares one opaque
        // per-vertex-colour material, so the renderer merges them into few draw calls without blending.
        QCOMPARE(w.geometryNodes, 8);
        QCOMPARE(w.flat, 0);
        QCOMPARE(w.coloured, 7);
        QCOMPARE(w.blendedColoured, 0);
        QCOMPARE(w.textured, 1);
        QCOMPARE(w.vertices, stats.vertices);
    }

    void badgesAndHiddenNeighbourPillsAddQuads()
    {
        LineageScene scene = smallScene();
        GlyphAtlas atlas;
        SceneGraphStats plain;
        delete SceneGraphBuilder::build(scene, {QRectF(-100, -100, 1000, 300), 1.0, &atlas, nullptr}, &plain);
        scene.nodes[0].failing = true;
        scene.nodes[0].stale = true;
        scene.nodes[1].moreUp = QStringLiteral("+3");
        SceneGraphStats marked;
        delete SceneGraphBuilder::build(scene, {QRectF(-100, -100, 1000, 300), 1.0, &atlas, nullptr}, &marked);
        // Two badge squares and one pill (4 vertices each), plus the two glyphs of "+3".
        QCOMPARE(marked.vertices - plain.vertices, 3 * 4 + 2 * 4);

        // Zoomed out so far that the labels still read but "+3" would be under 6.5 px: no empty pill.
        const qreal noCounters = 6.4 / SceneGraphBuilder::kCounterSize;
        QVERIFY(SceneGraphBuilder::kLabelSize * noCounters >= SceneGraphBuilder::kMinTextPixels);
        SceneGraphStats plainFar, markedFar;
        delete SceneGraphBuilder::build(scene, {QRectF(-100, -100, 1000, 300), noCounters, &atlas, nullptr}, &markedFar);
        scene.nodes[1].moreUp.clear();
        delete SceneGraphBuilder::build(scene, {QRectF(-100, -100, 1000, 300), noCounters, &atlas, nullptr}, &plainFar);
        QVERIFY(markedFar.labelsDrawn > 0);
        QCOMPARE(markedFar.vertices, plainFar.vertices);
        // Where the number reads, pill and number are drawn even without the detail line (kind, domain).
        scene.nodes[1].moreUp = QStringLiteral("+3");
        const qreal countersOnly = SceneGraphBuilder::kMinTextPixels / SceneGraphBuilder::kCounterSize;
        QVERIFY(SceneGraphBuilder::kDetailSize * countersOnly < SceneGraphBuilder::kMinTextPixels + 1);
        SceneGraphStats near, nearPlain;
        delete SceneGraphBuilder::build(scene, {QRectF(-100, -100, 1000, 300), countersOnly, &atlas, nullptr}, &near);
        scene.nodes[1].moreUp.clear();
        delete SceneGraphBuilder::build(scene, {QRectF(-100, -100, 1000, 300), countersOnly, &atlas, nullptr}, &nearPlain);
        QCOMPARE(near.vertices - nearPlain.vertices, 4 + 2 * 4);
    }

    void nodeFramesStayAPixelWideWhenZoomedOut()
    {
        // The fill is inset by the frame: at least 1 unit, and at least a pixel (1/scale units) zoomed out,
        // or the frame falls between pixel centres and a side of the node is drawn open.
        const LineageScene scene = smallScene();
        const QColor fill = scene.colours.nodeFill;
        auto fillInset = [&](qreal scale) {
            std::unique_ptr<QSGNode> root(SceneGraphBuilder::build(scene, {QRectF(-100, -100, 1000, 300), scale}));
            const QRectF first = scene.nodes[0].rect;
            QRectF fillRect;
            std::function<void(QSGNode *)> visit = [&](QSGNode *n) {
                if (n->type() == QSGNode::GeometryNodeType) {
                    const QSGGeometry *g = static_cast<QSGGeometryNode *>(n)->geometry();
                    if (g->attributeCount() == 2 && g->sizeOfVertex() == int(sizeof(QSGGeometry::ColoredPoint2D))) {
                        const QSGGeometry::ColoredPoint2D *v = g->vertexDataAsColoredPoint2D();
                        for (int i = 0; i < g->vertexCount(); ++i) {
                            const QPointF p(v[i].x, v[i].y);
                            if (QColor(v[i].r, v[i].g, v[i].b) == fill && first.contains(p))
                                fillRect = fillRect.united(QRectF(p, QSizeF(0.001, 0.001)));
                        }
                    }
                }
                for (QSGNode *c = n->firstChild(); c; c = c->nextSibling())
                    visit(c);
            };
            visit(root.get());
            return std::min({fillRect.left() - first.left(), first.right() - fillRect.right() - 0.001,
                             fillRect.top() - first.top(), first.bottom() - fillRect.bottom() - 0.001});
        };
        QCOMPARE(qRound(fillInset(1.0) * 100), 100);  // 1 unit = 1 pixel
        QCOMPARE(qRound(fillInset(2.0) * 100), 100);  // zoomed in: still 1 unit
        QCOMPARE(qRound(fillInset(0.5) * 100), 200);  // zoomed out: 2 units = 1 pixel
        QCOMPARE(qRound(fillInset(0.25) * 100), 400); // 4 units = 1 pixel
    }

    void culledToTheArea()
    {
        const LineageScene scene = smallScene();
        GlyphAtlas atlas;
        SceneGraphStats stats;
        delete SceneGraphBuilder::build(scene, {QRectF(550, -50, 300, 100), 1.0, &atlas, nullptr}, &stats);
        QCOMPARE(stats.nodesDrawn, 1);
        QCOMPARE(stats.edgesDrawn, 1);
        QCOMPARE(stats.groupsDrawn, 0);
    }

    void labelsOnlyWhenReadable()
    {
        const LineageScene scene = smallScene();
        GlyphAtlas atlas;
        SceneGraphStats far;
        delete SceneGraphBuilder::build(scene, {QRectF(-100, -100, 1000, 300), 0.3, &atlas, nullptr}, &far);
        QCOMPARE(far.labelsDrawn, 0);
        QCOMPARE(far.glyphs, 0);
        QCOMPARE(far.nodesDrawn, 3);
        SceneGraphStats tiny;
        delete SceneGraphBuilder::build(scene, {QRectF(-100, -100, 1000, 300), 0.05, &atlas, nullptr}, &tiny);
        // Far out a node is one quad: no border, stripe, arrow heads or text; a group is its frame (4 sides)
        // without the tint, which costs a software rasteriser a whole-screen layer where nobody reads labels.
        QCOMPARE(tiny.vertices, 4 * 4 + 2 * 2 + 3 * 4);
        // (Where labels are read the tint is drawn: fill + 4 sides in buildsFewBatchedNodesWithExactVertexCounts.)
    }

    void farOutTouchingNodesOfAColumnMergeIntoOneQuad()
    {
        LineageScene scene;
        for (int i = 0; i < 100; ++i)
            scene.nodes.push_back(node(QStringLiteral("n%1").arg(i), 0, i * 60)); // one column, 20 apart
        scene.nodes.push_back(node(QStringLiteral("other"), 300, 0));
        scene.nodes.back().accent = Qt::red;
        GlyphAtlas atlas;
        SceneGraphStats stats;
        // At scale 0.05 the 20-unit gaps are one pixel: the column is one quad, the other node another.
        delete SceneGraphBuilder::build(scene, {QRectF(-100, -100, 1000, 7000), 0.05, &atlas, nullptr}, &stats);
        QCOMPARE(stats.nodesDrawn, 101);
        QCOMPARE(stats.vertices, 2 * 4);
        // Closer in, every node is drawn on its own.
        delete SceneGraphBuilder::build(scene, {QRectF(-100, -100, 1000, 7000), 0.3, &atlas, nullptr}, &stats);
        QCOMPARE(stats.vertices, 101 * 3 * 4);
    }

    void farOutEdgesMergeIntoOneLinePerGridSegment()
    {
        // 200 edges from a column of 100 nodes (60 apart) to one node 1000 to the right, each with a
        // bend point half way, and 100 more edges between the same points again (duplicates).
        LineageScene scene;
        for (int i = 0; i < 100; ++i) {
            scene.nodes.push_back(node(QStringLiteral("n%1").arg(i), 0, i * 60));
            for (int copy = 0; copy < 2; ++copy)
                scene.edges.push_back({{QPointF(200, i * 60 + 20), QPointF(600, 3000), QPointF(1000, 3000)}});
        }
        scene.nodes.push_back(node(QStringLiteral("sink"), 1000, 2980));
        GlyphAtlas atlas;
        SceneGraphStats close;
        delete SceneGraphBuilder::build(scene, {QRectF(-100, -100, 1400, 7000), 0.3, &atlas, nullptr}, &close);
        QCOMPARE(close.edgesDrawn, 200);
        QCOMPARE(close.edgeSegments, 400); // every piece of every edge
        SceneGraphStats far;
        delete SceneGraphBuilder::build(scene, {QRectF(-100, -100, 1400, 7000), 0.02, &atlas, nullptr}, &far);
        QCOMPARE(far.edgesDrawn, 200);
        // At 0.02 a grid cell is 150 units: the 100 sources snap to 40 distinct cells, all fan in to one
        // bend cell, and the shared last piece is drawn once.
        const qreal cell = SceneGraphBuilder::kEdgeGridPixels / 0.02;
        QSet<int> sourceCells;
        for (int i = 0; i < 100; ++i)
            sourceCells.insert(int(std::lround((i * 60 + 20) / cell)));
        QCOMPARE(far.edgeSegments, int(sourceCells.size()) + 1);
        QVERIFY(far.edgeSegments < 50);
        // Nodes merge into 2 quads; each merged line is 2 vertices.
        QCOMPARE(far.vertices, 2 * 4 + 2 * far.edgeSegments);
    }

    void farOutEdgesBundleIntoOneLinePerPairOfBlocks()
    {
        // A column of 100 touching nodes (one block far out) with two edges each into one sink node.
        LineageScene scene;
        for (int i = 0; i < 100; ++i)
            scene.nodes.push_back(node(QStringLiteral("n%1").arg(i), 0, i * 60));
        scene.nodes.push_back(node(QStringLiteral("sink"), 1000, 2980));
        for (int i = 0; i < 200; ++i) {
            LineageScene::Edge e{{QPointF(200, (i / 2) * 60 + 20), QPointF(600, 3000), QPointF(1000, 3000)}};
            e.source = i / 2;
            e.target = 100;
            scene.edges.push_back(e);
        }
        GlyphAtlas atlas;
        SceneGraphStats far;
        std::unique_ptr<QSGNode> root(
            SceneGraphBuilder::build(scene, {QRectF(-100, -100, 1400, 7000), 0.02, &atlas, nullptr}, &far));
        QCOMPARE(far.edgesDrawn, 200);
        QCOMPARE(far.edgeSegments, 1); // 200 edges, one bundle
        // Two block quads, and the bundle as one wide quad (200 edges: the widest, 5 pixels).
        QCOMPARE(far.vertices, 2 * 4 + 4);
        const Walk w = walk(root.get());
        QCOMPARE(w.coloured, 2); // the blocks' layer and the bundle, both opaque vertex colour
        QCOMPARE(w.blendedColoured, 0);
        // Dimmed edges bundle apart from the others.
        for (int i = 0; i < 10; ++i)
            scene.edges[size_t(i)].dimmed = true;
        delete SceneGraphBuilder::build(scene, {QRectF(-100, -100, 1400, 7000), 0.02, &atlas, nullptr}, &far);
        QCOMPARE(far.edgeSegments, 2);
        // Closer in, every edge is drawn along its route again.
        delete SceneGraphBuilder::build(scene, {QRectF(-100, -100, 1400, 7000), 0.3, &atlas, nullptr}, &far);
        QCOMPARE(far.edgeSegments, 400);
    }

    void farOutEdgesShorterThanACellVanish()
    {
        LineageScene scene; // two edges 90 units long: under half a pixel at scale 0.005
        scene.edges.push_back({{QPointF(10, 10), QPointF(100, 10)}});
        scene.edges.push_back({{QPointF(1000, 10), QPointF(1090, 10)}});
        GlyphAtlas atlas;
        SceneGraphStats stats;
        delete SceneGraphBuilder::build(scene, {QRectF(-100, -100, 2000, 300), 0.005, &atlas, nullptr}, &stats);
        QCOMPARE(stats.edgesDrawn, 2);
        QCOMPARE(stats.edgeSegments, 0); // half a pixel long: nothing to see
    }

    void bigScenesAreChunkedBelowSixteenBitIndices()
    {
        LineageScene scene;
        for (int i = 0; i < 20000; ++i) {
            scene.nodes.push_back(node(QStringLiteral("n%1").arg(i), (i % 100) * 300, (i / 100) * 60));
            if (i % 100)
                scene.edges.push_back({{QPointF((i % 100) * 300 - 100, (i / 100) * 60 + 20),
                                        QPointF((i % 100) * 300, (i / 100) * 60 + 20)}});
        }
        GlyphAtlas atlas;
        SceneGraphStats stats;
        std::unique_ptr<QSGNode> root(SceneGraphBuilder::build(scene, {QRectF(-1e6, -1e6, 2e6, 2e6), 1.0, &atlas, nullptr}, &stats));
        const Walk w = walk(root.get());
        QCOMPARE(stats.nodesDrawn, 20000);
        QVERIFY(w.maxVertices <= SceneGraphBuilder::kMaxVertices);
        QVERIFY(w.allShortIndices);
        QVERIFY(w.geometryNodes > 5);
        QVERIFY(w.geometryNodes < 60); // a few dozen batches for 20,000 nodes, not one per node
    }

    void bigScenesGetATiledOverviewImageOffTheGuiThread()
    {
        // A tall scene as lineage graphs are (few hops, many nodes per hop): 3 columns of 1,000 nodes.
        auto scene = std::make_shared<LineageScene>();
        for (int col = 0; col < 3; ++col) {
            for (int i = 0; i < 1000; ++i) {
                LineageScene::Node n = node(QStringLiteral("n%1_%2").arg(col).arg(i), col * 400, i * 60);
                n.accent = QColor(0x2f, 0x6f, 0xde);
                scene->nodes.push_back(n);
            }
        }
        for (int i = 0; i < 999; ++i)
            scene->edges.push_back({{QPointF(200, i * 60 + 20), QPointF(400, i * 60 + 80)}, i, 1000 + i + 1});
        scene->bounds = QRectF(0, 0, 1000, 60000);
        QVERIFY(OverviewImage::wanted(*scene));
        LineageScene tiny = smallScene();
        QVERIFY(!OverviewImage::wanted(tiny));

        const qreal scale = OverviewImage::scaleFor(*scene, 0.15);
        QVERIFY(scale > 0 && scale <= 0.15);
        const OverviewImage image = OverviewImage::render(*scene, scale);
        QVERIFY(image.tiles.size() >= 2); // 60,000 units tall: more than one 4096-pixel texture
        qreal pixels = 0;
        QRectF covered;
        for (const OverviewImage::Tile &t : image.tiles) {
            QVERIFY(t.image.width() <= OverviewImage::kMaxTileSide);
            QVERIFY(t.image.height() <= OverviewImage::kMaxTileSide);
            QVERIFY(!t.image.hasAlphaChannel()); // opaque: drawn without blending
            pixels += qreal(t.image.width()) * t.image.height();
            covered = covered.united(t.area);
        }
        QVERIFY(pixels <= OverviewImage::kMaxPixels * 1.01);
        QVERIFY(covered.contains(scene->bounds));
        // A node's centre shows its domain colour, the gap between columns the background.
        auto pixelAt = [&](QPointF p) {
            for (const OverviewImage::Tile &t : image.tiles) {
                if (t.area.contains(p)) {
                    const QPointF local = (p - t.area.topLeft()) * image.scale;
                    return t.image.pixelColor(int(local.x()), int(local.y()));
                }
            }
            return QColor();
        };
        QCOMPARE(pixelAt(scene->nodes[500].rect.center()), QColor(0x2f, 0x6f, 0xde));
        QCOMPARE(pixelAt(QPointF(300, 30010)), scene->colours.background);

        // The canvas paints it on a worker thread; small scenes get none.
        LineageCanvas canvas;
        QSignalSpy ready(&canvas, &LineageCanvas::overviewImageChanged);
        canvas.setScene(scene);
        QVERIFY(!canvas.overviewImageReady()); // not on the calling thread
        QTRY_VERIFY_WITH_TIMEOUT(canvas.overviewImageReady(), 30000);
        QCOMPARE(ready.count(), 1);
        QCOMPARE(canvas.overviewImageScale(), scale);
        canvas.setScene(std::make_shared<LineageScene>(tiny));
        QVERIFY(!canvas.overviewImageReady());
        QTest::qWait(200);
        QVERIFY(!canvas.overviewImageReady());
        QCOMPARE(ready.count(), 1);
    }

    void controllerShowsOneHopAroundAProduct()
    {
        LineageController c;
        c.setThreaded(false);
        c.setCachePath(m_cache);
        QSignalSpy scenes(&c, &LineageController::sceneChanged);
        c.openNode(QStringLiteral("order-events"));
        QCOMPARE(c.level(), QStringLiteral("product"));
        QVERIFY(scenes.count() >= 1);
        QCOMPARE(c.nodeCount(), 9);
        QCOMPARE(c.edgeCount(), 9);
        QCOMPARE(c.totalNodes(), 34);
        const LineageScenePtr scene = c.scene();
        const LineageScene::Node &root = scene->nodes[size_t(scene->indexOf(QStringLiteral("order-events")))];
        QVERIFY(root.seed);
        QVERIFY(root.breaking);
        QVERIFY(scene->nodes[size_t(scene->indexOf(QStringLiteral("order-status-stream")))].contractMissing);
        QVERIFY(!scene->groups.empty());
        // Nodes do not overlap.
        for (size_t a = 0; a < scene->nodes.size(); ++a)
            for (size_t b = a + 1; b < scene->nodes.size(); ++b)
                QVERIFY(!scene->nodes[a].rect.intersects(scene->nodes[b].rect));
        // customer-segments has hidden upstream; expanding it shows them and keeps the others in place.
        const int seg = scene->indexOf(QStringLiteral("customer-segments"));
        QVERIFY(!scene->nodes[size_t(seg)].moreUp.isEmpty());
        const QPointF before = scene->nodes[size_t(scene->indexOf(QStringLiteral("order-events")))].rect.center();
        c.expandUpstream(QStringLiteral("customer-segments"));
        QVERIFY(c.nodeCount() > 9);
        QCOMPARE(c.scene()->nodes[size_t(c.scene()->indexOf(QStringLiteral("order-events")))].rect.center(), before);
        QVERIFY(c.scene()->nodes[size_t(c.scene()->indexOf(QStringLiteral("customer-segments")))].moreUp.isEmpty());
    }

    void selectingDimsWhatIsNotOnItsPaths()
    {
        LineageController c;
        c.setThreaded(false);
        c.setCachePath(m_cache);
        c.openNode(QStringLiteral("order-events"));
        c.selectNode(QStringLiteral("fraud-scores"));
        const LineageScenePtr s = c.scene();
        QVERIFY(s->nodes[size_t(s->indexOf(QStringLiteral("fraud-scores")))].selected);
        QVERIFY(s->nodes[size_t(s->indexOf(QStringLiteral("order-events")))].highlighted);
        QVERIFY(s->nodes[size_t(s->indexOf(QStringLiteral("returns")))].dimmed);
        QCOMPARE(c.selected().value("label").toString(), QStringLiteral("Fraud Scores"));
        QCOMPARE(c.findNode(QStringLiteral("ledger")), QStringLiteral("loyalty-points-ledger"));
    }

    void filtersKeepTheStartNode()
    {
        LineageController c;
        c.setThreaded(false);
        c.setCachePath(m_cache);
        c.openNode(QStringLiteral("order-events"));
        QVERIFY(c.domains().contains(QStringLiteral("marketing")));
        c.setDomainFilter(QStringLiteral("marketing"));
        QCOMPARE(c.nodeCount(), 3); // the start node and the two marketing products
        QVERIFY(c.scene()->indexOf(QStringLiteral("order-events")) >= 0);
    }

    void picksTheSuggestedStartOnTheWorkerThread()
    {
        LineageController c;
        c.setCachePath(m_cache);
        const QString expected = c.suggestedStart(); // the synchronous pick, for comparison
        QVERIFY(!expected.isEmpty());
        QSignalSpy roots(&c, &LineageController::rootChanged);
        c.openSuggested();
        // The call returns before anything is read: the start node is not known yet.
        QVERIFY(c.busy());
        QVERIFY(c.rootId().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!c.busy(), 30000);
        QCOMPARE(c.rootId(), expected);
        QCOMPARE(c.level(), QStringLiteral("dataset"));
        QVERIFY(c.nodeCount() > 1);
        QVERIFY(c.scene()->nodes[size_t(c.scene()->indexOf(expected))].seed);
        QCOMPARE(roots.count(), 2); // cleared on the call, set when the picture arrives
    }

    void laysOutOnAWorkerThreadAndShowsOnlyTheNewestResult()
    {
        LineageController c;
        QVERIFY(c.threaded());
        c.setCachePath(m_cache);
        QSignalSpy busy(&c, &LineageController::busyChanged);
        c.openNode(QStringLiteral("order-events"));
        // The call returns before the graph is loaded and laid out.
        QVERIFY(c.busy());
        QCOMPARE(c.nodeCount(), 0);
        // Two more changes while the first job runs: only the last state is shown in the end.
        c.setDomainFilter(QStringLiteral("fraud"));
        c.setDomainFilter(QStringLiteral("marketing"));
        QTRY_VERIFY_WITH_TIMEOUT(!c.busy(), 30000);
        QCOMPARE(busy.count(), 2); // on once, off once: the handshake screenshots wait for
        QCOMPARE(c.nodeCount(), 3); // the start node and the two marketing products
        QVERIFY(c.scene()->indexOf(QStringLiteral("customer-segments")) >= 0);
        c.setDomainFilter({});
        QVERIFY(c.busy());
        QTRY_VERIFY_WITH_TIMEOUT(!c.busy(), 30000);
        QCOMPARE(c.nodeCount(), 9);
    }

    void filtersByTagAndOwnerKeepTheStartNode()
    {
        LineageController c;
        c.setThreaded(false);
        c.setCachePath(m_cache);
        c.openNode(QStringLiteral("order-events"));
        QCOMPARE(c.nodeCount(), 9);
        QVERIFY(c.tags().contains(QStringLiteral("orders")));
        QVERIFY(c.tags().contains(QStringLiteral("ml")));
        c.setTagFilter(QStringLiteral("ml"));
        QCOMPARE(c.nodeCount(), 2); // the start node and fraud-scores, the only product tagged ml
        QVERIFY(c.scene()->indexOf(QStringLiteral("order-events")) >= 0);
        QVERIFY(c.scene()->indexOf(QStringLiteral("fraud-scores")) >= 0);
        c.setTagFilter(QStringLiteral("orders"));
        QVERIFY(c.scene()->indexOf(QStringLiteral("returns")) >= 0);
        QVERIFY(c.scene()->indexOf(QStringLiteral("order-status-stream")) >= 0);
        QVERIFY(c.scene()->indexOf(QStringLiteral("fraud-scores")) < 0);
        c.setTagFilter({});
        QCOMPARE(c.nodeCount(), 9);

        QVERIFY2(c.owners().contains(QStringLiteral("orders-team@northwind.example")), qPrintable(c.owners().join(u',')));
        c.setOwnerFilter(QStringLiteral("orders-team@northwind.example"));
        // The start node and orders-facts, the only neighbour owned by orders-team@ (its dbt manifest).
        QCOMPARE(c.nodeCount(), 2);
        QVERIFY(c.scene()->indexOf(QStringLiteral("order-events")) >= 0);
        QVERIFY(c.scene()->indexOf(QStringLiteral("orders-facts")) >= 0);
        QVERIFY(c.scene()->indexOf(QStringLiteral("returns")) < 0);
        // Opening another node clears the filters.
        c.openNode(QStringLiteral("returns"));
        QVERIFY(c.ownerFilter().isEmpty());
        QVERIFY(c.tagFilter().isEmpty());
    }

    /// Switching levels stays on what is shown: a product's graph switched to columns shows its columns (it
    /// said "no column 'customer-profiles'"), a selected dataset becomes the start, and back at product level
    /// a column stands for its product (it said "no product '…#recency_score'").
    /// A metric (what a search hit of kind metric opens) starts the graph at metric level, on the metric.
    void aMetricOpensAtMetricLevel()
    {
        LineageController c;
        c.setThreaded(false);
        c.setCachePath(m_cache);
        c.openNode(QStringLiteral("finance.net_revenue"));
        QCOMPARE(c.level(), QStringLiteral("metric"));
        QVERIFY2(c.nodeCount() > 1, qPrintable(c.message())); // the metric and what it is built on
        const auto scene = c.scene();
        QVERIFY(std::any_of(scene->nodes.begin(), scene->nodes.end(),
                            [](const auto &n) { return n.seed && n.id == QStringLiteral("finance.net_revenue"); }));
    }

    void switchingLevelsKeepsTheStartAcrossLevels()
    {
        LineageController c;
        c.setThreaded(false);
        c.setCachePath(m_cache);
        c.openNode(QStringLiteral("customer-profiles"));
        QCOMPARE(c.level(), QStringLiteral("product"));
        QVERIFY(c.nodeCount() > 0);

        c.setLevel(QStringLiteral("column"));
        QVERIFY2(c.nodeCount() > 0, qPrintable(c.message()));
        for (const auto &n : c.scene()->nodes)
            QVERIFY2(!n.seed || n.id.contains(u'#'), qPrintable(n.id));

        c.setLevel(QStringLiteral("dataset"));
        QVERIFY2(c.nodeCount() > 0, qPrintable(c.message()));
        QString dataset;
        for (const auto &n : c.scene()->nodes) {
            if (n.seed)
                dataset = n.id;
        }
        QVERIFY(!dataset.isEmpty());
        c.selectNode(dataset);
        c.setLevel(QStringLiteral("column"));
        QCOMPARE(c.rootId(), dataset);
        QVERIFY(c.selectedId().isEmpty());
        int seeds = 0;
        for (const auto &n : c.scene()->nodes) {
            if (n.seed) {
                ++seeds;
                QVERIFY2(n.id.startsWith(dataset + u'#'), qPrintable(n.id));
            }
        }
        QVERIFY(seeds > 0);

        const QString column = c.scene()->nodes.front().id;
        c.selectNode(column);
        c.setLevel(QStringLiteral("product"));
        QVERIFY2(c.nodeCount() > 0, qPrintable(c.message()));
        QVERIFY(c.scene()->indexOf(QStringLiteral("customer-profiles")) >= 0);
    }

    /// The details panel reads `selected` on selectionChanged: a new picture (Full downstream, a level switch)
    /// announces it, with the counts of that picture.
    void aNewPictureRefreshesTheSelectedNodesCounts()
    {
        LineageController c;
        c.setThreaded(false);
        c.setCachePath(m_cache);
        c.openNode(QStringLiteral("order-events"));
        c.setDown(0);
        c.selectNode(QStringLiteral("order-events"));
        QCOMPARE(c.selected().value("downstreamShown").toInt(), 0);
        const int total = c.selected().value("downstreamTotal").toInt();
        QVERIFY(total > 0);
        QSignalSpy selection(&c, &LineageController::selectionChanged);
        c.showFullDownstream();
        QVERIFY(selection.count() >= 1);
        QCOMPARE(c.selected().value("downstreamShown").toInt(), total);
        QVERIFY(c.selected().value("impactedCount").toInt() >= total);
    }

    /// The find bar counts matches as the user types; hovering a node says what its "+N" pills mean.
    void findCountsMatchesAndHoverExplainsThePills()
    {
        LineageController c;
        c.setThreaded(false);
        c.setCachePath(m_cache);
        c.openNode(QStringLiteral("order-events"));
        QCOMPARE(c.countMatches(QStringLiteral("zzz-no-such")), 0);
        QCOMPARE(c.countMatches(QStringLiteral("order-events")), 1);
        QVERIFY(c.countMatches(QStringLiteral("order")) >= 2);
        const LineageScenePtr scene = c.scene();
        const LineageScene::Node &seg = scene->nodes[size_t(scene->indexOf(QStringLiteral("customer-segments")))];
        QVERIFY(!seg.moreUp.isEmpty());
        const QString hint = c.nodeHint(QStringLiteral("customer-segments"));
        QVERIFY2(hint.startsWith(seg.label) && hint.contains(seg.moreUp + QStringLiteral(" upstream")) && hint.contains(QStringLiteral("Expand")),
                 qPrintable(hint));
        QVERIFY(c.nodeHint(QStringLiteral("not-shown")).isEmpty());
    }

    /// A column with no column-level edges says why it stands alone instead of showing one box in silence.
    void aColumnWithoutColumnLineageSaysWhy()
    {
        sql::Connection db = cache::openCache(m_cache, true);
        const lineage::LineageGraph g = lineage::loadGraph(db, lineage::Level::Column);
        QString lonely;
        for (size_t i = 0; i < g.nodes.size() && lonely.isEmpty(); ++i) {
            if (g.out[i].empty() && g.in[i].empty())
                lonely = g.nodes[i].id;
        }
        QVERIFY2(!lonely.isEmpty(), "the sample has columns without column lineage");
        LineageController c;
        c.setThreaded(false);
        c.setCachePath(m_cache);
        c.openNode(lonely);
        QCOMPARE(c.nodeCount(), 1);
        QVERIFY2(c.message().contains(QStringLiteral("No column-level lineage")), qPrintable(c.message()));
        c.openNode(QStringLiteral("postgres://northwind.orders.fct_orders#order_id"));
        QVERIFY2(c.message().isEmpty(), qPrintable(c.message()));
    }

    void tracingAColumnShowsItsWholeLineageAndDimsTheRest()
    {
        LineageController c;
        c.setThreaded(false);
        c.setCachePath(m_cache);
        c.openNode(QStringLiteral("postgres://northwind.orders.fct_orders#order_id"));
        QCOMPARE(c.level(), QStringLiteral("column"));
        // Depth 0: only the column itself, its neighbours hidden.
        c.setUp(0);
        c.setDown(0);
        QCOMPARE(c.nodeCount(), 1);
        const QString traced = c.scene()->nodes.front().id;
        QVERIFY(!c.scene()->nodes.front().moreUp.isEmpty() || !c.scene()->nodes.front().moreDown.isEmpty());
        const int shownBefore = c.nodeCount();
        c.traceNode(traced);
        QCOMPARE(c.selectedId(), traced);
        QVERIFY(c.nodeCount() > shownBefore);
        const LineageScenePtr after = c.scene();
        const LineageScene::Node &t = after->nodes[size_t(after->indexOf(traced))];
        QVERIFY(t.selected);
        QVERIFY(t.moreUp.isEmpty());   // its whole upstream is shown
        QVERIFY(t.moreDown.isEmpty()); // and its whole downstream
        int lit = 0;
        for (const LineageScene::Node &n : after->nodes) {
            QVERIFY(n.highlighted != n.dimmed); // on the trace, or dimmed
            lit += n.highlighted ? 1 : 0;
        }
        QVERIFY(lit >= 2);
        // Tracing it again changes nothing but keeps it selected.
        const int shownAfter = c.nodeCount();
        c.traceNode(traced);
        QCOMPARE(c.nodeCount(), shownAfter);
    }

    void fitsTheStartNeighbourhoodAndPicksItsNodes()
    {
        LineageController c;
        c.setThreaded(false);
        c.setCachePath(m_cache);
        c.openNode(QStringLiteral("order-events"));
        LineageCanvas canvas;
        canvas.setSize(QSizeF(1200, 800));
        canvas.setController(&c);
        QVERIFY(canvas.zoom() > 0.3); // fitted: nine nodes fill the view
        // Picking: the start node is under its own centre after the fit.
        const QRectF r = canvas.sceneToItem(c.scene()->nodes[size_t(c.scene()->indexOf(QStringLiteral("order-events")))].rect);
        QCOMPARE(canvas.nodeAt(r.center().x(), r.center().y()), QStringLiteral("order-events"));
        QCOMPARE(canvas.nodeAt(-50, -50), QString());
    }

    void aNewNeighbourhoodOpensReadableWhenItNearlyFits()
    {
        auto scene = std::make_shared<LineageScene>(smallScene());
        const QRectF b = scene->bounds.adjusted(-30, -30, 30, 30);
        const qreal readable = SceneGraphBuilder::kMinTextPixels / SceneGraphBuilder::kLabelSize;
        // 10% too small to fit at a readable zoom: opened at the readable zoom, labels drawn.
        LineageCanvas nearly;
        nearly.setScene(scene);
        nearly.setSize(QSizeF(b.width() * readable / 1.1, b.height() * readable / 1.1));
        QVERIFY(nearly.zoom() >= readable);
        QVERIFY(SceneGraphBuilder::kLabelSize * nearly.zoom() >= SceneGraphBuilder::kMinTextPixels);
        // Fit (0) shows all of it, below the readable zoom.
        nearly.fitToView();
        QVERIFY(nearly.zoom() < readable);
        QVERIFY(nearly.sceneToItem(b).width() <= nearly.width() + 0.5);
        // Half again too small: fitted whole, as before.
        LineageCanvas far;
        far.setScene(scene);
        far.setSize(QSizeF(b.width() * readable / 1.5, b.height() * readable / 1.5));
        QVERIFY(far.zoom() < readable);
        QVERIFY(far.sceneToItem(b).width() <= far.width() + 0.5);
    }

    /// A minimap (autoFit) shows the whole graph however tall: the user's zoom floor (0.02) made a hub's
    /// 191-node column overflow the minimap, drawn below it and past the window.
    void aMinimapFitsAGraphTallerThanTheZoomFloorAllows()
    {
        auto scene = std::make_shared<LineageScene>(smallScene());
        scene->bounds = QRectF(0, 0, 900, 100000); // 140 px at 0.02 would be 2,000 px
        LineageCanvas minimap;
        minimap.setScene(scene);
        minimap.setAutoFit(true);
        minimap.setSize(QSizeF(220, 140));
        const QRectF shown = minimap.sceneToItem(scene->bounds);
        QVERIFY2(shown.height() <= 140.5 && shown.top() >= -0.5, qPrintable(QStringLiteral("%1 px tall").arg(shown.height())));
        // The main view keeps its floor: fitting the same graph stops at the smallest zoom a user can reach.
        LineageCanvas view;
        view.setScene(scene);
        view.setSize(QSizeF(220, 140));
        view.fitToView();
        QVERIFY(view.zoom() > minimap.zoom());
    }

    void impactedCsvListsEverythingDownstream()
    {
        LineageController c;
        c.setThreaded(false);
        c.setCachePath(m_cache);
        c.openNode(QStringLiteral("warehouses"));
        QVERIFY2(c.message().isEmpty(), qPrintable(c.message()));
        const QString path = m_dir.filePath(QStringLiteral("impacted.csv"));
        QVERIFY(c.exportImpactedCsv(path));
        const QStringList lines = QString::fromUtf8(testsupport::readAll(path)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("id,label,kind,domain,hops,owner,failing_checks,stale,contract_status"));
        QVERIFY(lines.size() >= 3);
        QVERIFY(lines.join(QLatin1Char('\n')).contains(QStringLiteral("slow_moving_stock,model,inventory,2")));
    }
};

QTEST_MAIN(TestLineageCanvas)
#include "tst_lineagecanvas.moc"
