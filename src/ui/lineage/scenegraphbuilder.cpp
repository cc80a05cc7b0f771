#include "scenegraphbuilder.h"

#include "glyphatlas.h"

#include <QSGGeometryNode>
#include <QSGOpacityNode>
#include <QSGTextureMaterial>
#include <QSGVertexColorMaterial>

#include <QMap>

#include <algorithm>
#include <unordered_map>
#include <cmath>

namespace {

constexpr qreal kDimmedAlpha = 0.22;

/// `c` at `alpha` pre-mixed over `background`, as an opaque vertex colour. Everything but text is drawn
/// opaque: opaque batches need no blending (what a software rasteriser pays most for per pixel) and are
/// drawn front to back with the depth test, so stacked shapes cost no overdraw.
QSGGeometry::ColoredPoint2D coloured(QPointF p, const QColor &c, qreal alpha, const QColor &background)
{
    const qreal a = c.alphaF() * alpha;
    QSGGeometry::ColoredPoint2D v;
    v.set(float(p.x()), float(p.y()), uchar(std::lround(c.red() * a + background.red() * (1 - a))),
          uchar(std::lround(c.green() * a + background.green() * (1 - a))),
          uchar(std::lround(c.blue() * a + background.blue() * (1 - a))), 255);
    return v;
}

/// One material for all shapes, lines and arrow heads: per-vertex colours without blending. A material
/// per colour (QSGFlatColorMaterial) would split them into a draw call per colour, and every draw call
/// costs a software rasteriser a pass over each screen tile it touches.
QSGMaterial *opaqueVertexColour()
{
    auto *material = new QSGVertexColorMaterial;
    material->setFlag(QSGMaterial::Blending, false);
    return material;
}

void appendColouredNode(QSGNode *parent, SceneGraphStats &stats, const std::vector<QSGGeometry::ColoredPoint2D> &vertices,
                        const std::vector<quint16> &indices, QSGGeometry::DrawingMode mode)
{
    auto *g = new QSGGeometry(QSGGeometry::defaultAttributes_ColoredPoint2D(), int(vertices.size()),
                              int(indices.size()), QSGGeometry::UnsignedShortType);
    g->setDrawingMode(mode);
    if (mode == QSGGeometry::DrawLines)
        g->setLineWidth(1);
    // Built once per level of detail and then only moved by the transform: let the renderer keep it.
    g->setVertexDataPattern(QSGGeometry::StaticPattern);
    g->setIndexDataPattern(QSGGeometry::StaticPattern);
    std::copy(vertices.begin(), vertices.end(), g->vertexDataAsColoredPoint2D());
    if (!indices.empty())
        std::copy(indices.begin(), indices.end(), g->indexDataAsUShort());
    auto *node = new QSGGeometryNode;
    node->setGeometry(g);
    node->setMaterial(opaqueVertexColour());
    node->setFlags(QSGNode::OwnsGeometry | QSGNode::OwnsMaterial);
    parent->appendChildNode(node);
    ++stats.geometryNodes;
    stats.vertices += int(vertices.size());
}

/// Indexed triangles (arrow heads, highlighted and bundled edges), flushed into a new geometry node
/// before 65k vertices.
class TriangleChunks {
public:
    TriangleChunks(QSGNode *parent, SceneGraphStats &stats, QColor background)
        : m_parent(parent), m_stats(stats), m_background(background)
    {
    }
    ~TriangleChunks() { flush(); }

    void triangle(QPointF a, QPointF b, QPointF c, const QColor &colour, qreal alpha = 1)
    {
        room(3);
        const auto base = quint16(m_vertices.size());
        m_vertices.push_back(coloured(a, colour, alpha, m_background));
        m_vertices.push_back(coloured(b, colour, alpha, m_background));
        m_vertices.push_back(coloured(c, colour, alpha, m_background));
        m_indices.insert(m_indices.end(), {base, quint16(base + 1), quint16(base + 2)});
    }

    /// A straight piece of width `w` from a to b.
    void segment(QPointF a, QPointF b, qreal w, const QColor &c, qreal alpha = 1)
    {
        const QPointF d = b - a;
        const qreal len = std::hypot(d.x(), d.y());
        if (len <= 0)
            return;
        const QPointF n(-d.y() / len * w / 2, d.x() / len * w / 2);
        room(4);
        const auto base = quint16(m_vertices.size());
        m_vertices.push_back(coloured(a + n, c, alpha, m_background));
        m_vertices.push_back(coloured(b + n, c, alpha, m_background));
        m_vertices.push_back(coloured(b - n, c, alpha, m_background));
        m_vertices.push_back(coloured(a - n, c, alpha, m_background));
        m_indices.insert(m_indices.end(), {base, quint16(base + 1), quint16(base + 2), base, quint16(base + 2),
                                           quint16(base + 3)});
    }

    void flush()
    {
        if (m_vertices.empty())
            return;
        appendColouredNode(m_parent, m_stats, m_vertices, m_indices, QSGGeometry::DrawTriangles);
        m_vertices.clear();
        m_indices.clear();
    }

private:
    void room(int n)
    {
        if (int(m_vertices.size()) + n > SceneGraphBuilder::kMaxVertices)
            flush();
    }

    QSGNode *m_parent;
    SceneGraphStats &m_stats;
    QColor m_background;
    std::vector<QSGGeometry::ColoredPoint2D> m_vertices;
    std::vector<quint16> m_indices;
};

/// Opaque shapes, one geometry node per layer. Translucency (group fills, dimming) is pre-mixed with
/// the background.
class FlatChunks {
public:
    FlatChunks(QSGNode *parent, SceneGraphStats &stats, QColor background)
        : m_parent(parent), m_stats(stats), m_background(background)
    {
    }
    ~FlatChunks() { flush(); }

    /// `layer` orders overlapping shapes: a higher layer is drawn in front of a lower one.
    void quad(const QRectF &r, const QColor &c, qreal alpha = 1, int layer = 0)
    {
        Chunk &k = room(layer, 4);
        const auto base = quint16(k.vertices.size());
        for (const QPointF &p : {r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft()})
            k.vertices.push_back(coloured(p, c, alpha, m_background));
        k.indices.insert(k.indices.end(), {base, quint16(base + 1), quint16(base + 2), base, quint16(base + 2),
                                           quint16(base + 3)});
    }

    void frame(const QRectF &r, qreal width, const QColor &c, qreal alpha, int layer)
    {
        quad(QRectF(r.left(), r.top(), r.width(), width), c, alpha, layer);
        quad(QRectF(r.left(), r.bottom() - width, r.width(), width), c, alpha, layer);
        quad(QRectF(r.left(), r.top() + width, width, r.height() - 2 * width), c, alpha, layer);
        quad(QRectF(r.right() - width, r.top() + width, width, r.height() - 2 * width), c, alpha, layer);
    }

    void flush()
    {
        for (auto it = m_chunks.begin(); it != m_chunks.end(); ++it)
            flushChunk(it.value());
    }

private:
    struct Chunk {
        std::vector<QSGGeometry::ColoredPoint2D> vertices;
        std::vector<quint16> indices;
    };

    Chunk &room(int layer, int n)
    {
        Chunk &k = m_chunks[layer];
        if (int(k.vertices.size()) + n > SceneGraphBuilder::kMaxVertices)
            flushChunk(k);
        return k;
    }

    void flushChunk(Chunk &k)
    {
        if (k.vertices.empty())
            return;
        appendColouredNode(m_parent, m_stats, k.vertices, k.indices, QSGGeometry::DrawTriangles);
        k.vertices.clear();
        k.indices.clear();
    }

    QSGNode *m_parent;
    SceneGraphStats &m_stats;
    QColor m_background;
    QMap<int, Chunk> m_chunks; ///< by layer: tree order is drawing order
};

/// Hairline edges: GL lines stay one pixel wide at every zoom (two-triangle quads measured slower on
/// llvmpipe). Opaque, dimming pre-mixed with the background.
class LineChunks {
public:
    LineChunks(QSGNode *parent, SceneGraphStats &stats, QColor background)
        : m_parent(parent), m_stats(stats), m_background(background)
    {
    }
    ~LineChunks() { flush(); }

    void segment(QPointF a, QPointF b, const QColor &c, qreal alpha)
    {
        if (int(m_vertices.size()) + 2 > SceneGraphBuilder::kMaxVertices)
            flush();
        m_vertices.push_back(coloured(a, c, alpha, m_background));
        m_vertices.push_back(coloured(b, c, alpha, m_background));
    }

    void flush()
    {
        if (m_vertices.empty())
            return;
        appendColouredNode(m_parent, m_stats, m_vertices, {}, QSGGeometry::DrawLines);
        m_vertices.clear();
    }

private:
    QSGNode *m_parent;
    SceneGraphStats &m_stats;
    QColor m_background;
    std::vector<QSGGeometry::ColoredPoint2D> m_vertices;
};

/// Text as textured quads from the glyph atlas.
class TextChunks {
public:
    TextChunks(QSGNode *parent, const GlyphAtlas &atlas, QSGTexture *texture, SceneGraphStats &stats)
        : m_parent(parent), m_atlas(atlas), m_texture(texture), m_stats(stats)
    {
    }
    ~TextChunks() { flush(); }

    /// Draws `text` with its baseline starting at `origin`, `size` scene units tall, elided to `maxWidth`.
    void run(const QString &text, QPointF origin, qreal size, qreal maxWidth)
    {
        const qreal s = size / m_atlas.pixelSize();
        QString shown = text;
        if (m_atlas.advance(shown) * s > maxWidth) {
            const qreal ellipsis = m_atlas.glyph(QChar(0x2026)).advance * s;
            qreal w = 0;
            qsizetype n = 0;
            while (n < text.size() && w + m_atlas.glyph(text[n]).advance * s + ellipsis <= maxWidth)
                w += m_atlas.glyph(text[n++]).advance * s;
            shown = text.left(n) + QChar(0x2026);
            if (n == 0)
                return;
        }
        ++m_stats.labelsDrawn;
        qreal x = origin.x();
        for (QChar c : std::as_const(shown)) {
            const GlyphAtlas::Glyph &g = m_atlas.glyph(c);
            if (c != QLatin1Char(' '))
                glyph(QRectF(x + g.left * s, origin.y() + g.top * s, g.width * s, g.height * s), g.uv);
            x += g.advance * s;
        }
    }

    void flush()
    {
        if (m_vertices.empty())
            return;
        auto *g = new QSGGeometry(QSGGeometry::defaultAttributes_TexturedPoint2D(), int(m_vertices.size()),
                                  int(m_indices.size()), QSGGeometry::UnsignedShortType);
        g->setDrawingMode(QSGGeometry::DrawTriangles);
        g->setVertexDataPattern(QSGGeometry::StaticPattern);
        g->setIndexDataPattern(QSGGeometry::StaticPattern);
        std::copy(m_vertices.begin(), m_vertices.end(), g->vertexDataAsTexturedPoint2D());
        std::copy(m_indices.begin(), m_indices.end(), g->indexDataAsUShort());
        auto *node = new QSGGeometryNode;
        node->setGeometry(g);
        auto *material = new QSGTextureMaterial;
        material->setTexture(m_texture);
        material->setFiltering(QSGTexture::Linear);
        material->setMipmapFiltering(QSGTexture::Linear);
        node->setMaterial(material);
        node->setFlags(QSGNode::OwnsGeometry | QSGNode::OwnsMaterial);
        m_parent->appendChildNode(node);
        ++m_stats.geometryNodes;
        m_stats.vertices += int(m_vertices.size());
        m_vertices.clear();
        m_indices.clear();
    }

private:
    void glyph(const QRectF &r, const QRectF &uv)
    {
        if (int(m_vertices.size()) + 4 > SceneGraphBuilder::kMaxVertices)
            flush();
        ++m_stats.glyphs;
        const auto base = quint16(m_vertices.size());
        QSGGeometry::TexturedPoint2D v[4];
        v[0].set(float(r.left()), float(r.top()), float(uv.left()), float(uv.top()));
        v[1].set(float(r.right()), float(r.top()), float(uv.right()), float(uv.top()));
        v[2].set(float(r.right()), float(r.bottom()), float(uv.right()), float(uv.bottom()));
        v[3].set(float(r.left()), float(r.bottom()), float(uv.left()), float(uv.bottom()));
        m_vertices.insert(m_vertices.end(), v, v + 4);
        m_indices.insert(m_indices.end(), {base, quint16(base + 1), quint16(base + 2), base, quint16(base + 2),
                                           quint16(base + 3)});
    }

    QSGNode *m_parent;
    const GlyphAtlas &m_atlas;
    QSGTexture *m_texture;
    SceneGraphStats &m_stats;
    std::vector<QSGGeometry::TexturedPoint2D> m_vertices;
    std::vector<quint16> m_indices;
};

/// Far-out edges whose ends are not both drawn blocks (an end outside the built area, or a scene without
/// edge ends): every polyline is snapped to a grid of a few pixels and each grid segment is drawn once,
/// however many edges run along it; pieces shorter than a cell vanish. A segment shared by many edges is
/// drawn darker. (On its own this saves only about a fifth of the lines of a 10,000-node overview, where
/// nodes are about one cell apart; edges between drawn blocks are bundled per block pair instead.)
class EdgeAggregator {
public:
    explicit EdgeAggregator(qreal scale) : m_cell(SceneGraphBuilder::kEdgeGridPixels / scale) {}

    void add(const LineageScene::Edge &e)
    {
        QPoint prev = snap(e.points.front());
        for (size_t k = 1; k < e.points.size(); ++k) {
            const QPoint next = snap(e.points[k]);
            if (next == prev)
                continue;
            Key key{prev, next, e.dimmed};
            if (key.b.x() < key.a.x() || (key.b.x() == key.a.x() && key.b.y() < key.a.y()))
                std::swap(key.a, key.b);
            ++m_segments[key];
            prev = next;
        }
    }

    /// Draws the merged segments; returns how many.
    int emit(LineChunks &lines, const QColor &edge) const
    {
        for (auto it = m_segments.begin(); it != m_segments.end(); ++it) {
            const int n = it->second;
            // One edge light, a bundle of 2-4 medium, more full strength; dimmed ones stay faint.
            const qreal weight = n >= 5 ? 1.0 : (n >= 2 ? 0.75 : 0.5);
            lines.segment(QPointF(it->first.a) * m_cell, QPointF(it->first.b) * m_cell, edge,
                          it->first.dimmed ? kDimmedAlpha : weight);
        }
        return int(m_segments.size());
    }

private:
    struct Key {
        QPoint a, b;
        bool dimmed;
        bool operator==(const Key &o) const { return a == o.a && b == o.b && dimmed == o.dimmed; }
    };
    struct KeyHash {
        size_t operator()(const Key &k) const
        {
            const quint64 h1 = (quint64(quint32(k.a.x())) << 32) | quint32(k.a.y());
            const quint64 h2 = (quint64(quint32(k.b.x())) << 32) | quint32(k.b.y());
            return std::hash<quint64>()(h1 * 0x9E3779B97F4A7C15ull ^ h2) ^ size_t(k.dimmed);
        }
    };

    QPoint snap(QPointF p) const { return QPoint(int(std::lround(p.x() / m_cell)), int(std::lround(p.y() / m_cell))); }

    qreal m_cell;
    std::unordered_map<Key, int, KeyHash> m_segments;
};

QRectF boundsOf(const std::vector<QPointF> &points)
{
    if (points.empty())
        return {};
    qreal l = points.front().x(), r = l, t = points.front().y(), b = t;
    for (const QPointF &p : points) {
        l = std::min(l, p.x());
        r = std::max(r, p.x());
        t = std::min(t, p.y());
        b = std::max(b, p.y());
    }
    return QRectF(QPointF(l, t), QPointF(r, b)).adjusted(-1, -1, 1, 1);
}

void arrowHead(TriangleChunks &out, QPointF from, QPointF tip, qreal size, const QColor &c, qreal alpha)
{
    const QPointF d = tip - from;
    const qreal len = std::hypot(d.x(), d.y());
    if (len <= 0)
        return;
    const QPointF u = d / len;
    const QPointF n(-u.y(), u.x());
    const QPointF base = tip - u * size;
    out.triangle(tip, base + n * (size * 0.45), base - n * (size * 0.45), c, alpha);
}

} // namespace

QSGNode *SceneGraphBuilder::build(const LineageScene &scene, const Request &request, SceneGraphStats *statsOut)
{
    SceneGraphStats stats;
    auto *root = new QSGNode;
    const LineageScene::Colours &col = scene.colours;
    const qreal scale = request.scale;
    const bool labels = request.atlas && kLabelSize * scale >= kMinTextPixels;
    const bool details = request.atlas && kDetailSize * scale >= kMinTextPixels + 1;
    // "+N" hidden-neighbour pills only with their number: an empty grey pill read as a drawing fault.
    const bool counters = request.atlas && kCounterSize * scale >= kMinTextPixels;
    const bool fine = 40 * scale >= 6; // nodes tall enough for borders, stripes and badges

    {
        FlatChunks boxes(root, stats, col.background);
        for (const LineageScene::Group &g : scene.groups) {
            if (!g.rect.intersects(request.area))
                continue;
            ++stats.groupsDrawn;
            // The faint tint only where labels are read: further out it was a whole-screen layer that cost a
            // software rasteriser a third of a frame, for a tint the node stripes and frames already give.
            if (labels)
                boxes.quad(g.rect, g.colour, 0.08, 0);
            boxes.frame(g.rect, std::max(1.0, 1.2 / scale), g.colour, 0.55, 1);
        }
    }
    // Far out, a column's neighbouring nodes of one colour touch on screen: each such run is one block,
    // drawn as one quad (level of detail: sub-pixel items merged), so a 10,000-node overview stays light.
    struct Block {
        QRectF rect;
        QColor colour;
        qreal alpha;
        int node; ///< index into scene.nodes
    };
    std::vector<Block> blocks;
    std::vector<int> blockOf; ///< per scene node: its merged block, -1 when not drawn
    if (!fine) {
        blockOf.assign(scene.nodes.size(), -1);
        std::vector<Block> items;
        for (size_t i = 0; i < scene.nodes.size(); ++i) {
            const LineageScene::Node &n = scene.nodes[i];
            if (!n.rect.intersects(request.area))
                continue;
            ++stats.nodesDrawn;
            items.push_back({n.rect, n.accent, n.dimmed ? kDimmedAlpha : 1, int(i)});
        }
        // Nodes of a layer share their centre x (their widths differ).
        std::sort(items.begin(), items.end(), [](const Block &a, const Block &b) {
            const qreal ax = a.rect.center().x(), bx = b.rect.center().x();
            return ax != bx ? ax < bx : a.rect.top() < b.rect.top();
        });
        const qreal gap = 1.5 / scale;
        for (size_t i = 0; i < items.size();) {
            Block run = items[i];
            blockOf[size_t(items[i].node)] = int(blocks.size());
            size_t j = i + 1;
            while (j < items.size() && std::abs(items[j].rect.center().x() - items[i].rect.center().x()) < 0.5 &&
                   items[j].colour == items[i].colour && items[j].alpha == items[i].alpha &&
                   items[j].rect.top() - run.rect.bottom() <= gap) {
                run.rect = run.rect.united(items[j].rect);
                blockOf[size_t(items[j].node)] = int(blocks.size());
                ++j;
            }
            blocks.push_back(run);
            i = j;
        }
    }

    {
        LineChunks lines(root, stats, col.background);
        TriangleChunks thick(root, stats, col.background);
        EdgeAggregator far(request.scale);
        QHash<quint64, int> bundles; ///< (source block, target block, dimmed) -> edges
        for (const LineageScene::Edge &e : scene.edges) {
            if (e.points.size() < 2 || !boundsOf(e.points).intersects(request.area))
                continue;
            ++stats.edgesDrawn;
            const qreal alpha = e.dimmed ? kDimmedAlpha : 1;
            const QColor &c = e.highlighted ? col.highlight : col.edge;
            if (!fine && !e.highlighted && request.mergeFarEdges) {
                const int from = e.source >= 0 && size_t(e.source) < blockOf.size() ? blockOf[size_t(e.source)] : -1;
                const int to = e.target >= 0 && size_t(e.target) < blockOf.size() ? blockOf[size_t(e.target)] : -1;
                if (from >= 0 && to >= 0 && from != to)
                    ++bundles[(quint64(quint32(from)) << 33) | (quint64(quint32(to)) << 1) | (e.dimmed ? 1 : 0)];
                else if (from < 0 || to < 0)
                    far.add(e); // an end outside the area: its own route, snapped to the grid
                continue;
            }
            for (size_t k = 1; k < e.points.size(); ++k) {
                if (e.highlighted)
                    thick.segment(e.points[k - 1], e.points[k], std::max(2.5, 2.0 / scale), c);
                else
                    lines.segment(e.points[k - 1], e.points[k], c, alpha);
            }
            stats.edgeSegments += int(e.points.size()) - 1;
            if (fine)
                arrowHead(thick, e.points[e.points.size() - 2], e.points.back(), e.highlighted ? 11 : 8, c, alpha);
        }
        stats.edgeSegments += far.emit(lines, col.edge);
        // One line per pair of blocks, from the source block's right side to the target block's left
        // side, wider and darker the more edges it stands for.
        for (auto it = bundles.cbegin(); it != bundles.cend(); ++it) {
            const Block &a = blocks[size_t(it.key() >> 33)];
            const Block &b = blocks[size_t((it.key() >> 1) & 0xffffffffu)];
            const bool dimmed = it.key() & 1;
            const bool forward = b.rect.left() > a.rect.right();
            const QPointF p(forward ? a.rect.right() : a.rect.center().x(), a.rect.center().y());
            const QPointF q(forward ? b.rect.left() : b.rect.center().x(), b.rect.center().y());
            const int n = it.value();
            const qreal alpha = dimmed ? kDimmedAlpha : (n >= 4 ? 1.0 : 0.6);
            const qreal pixels = std::min(1.0 + std::floor(std::log2(qreal(n))), 5.0);
            if (pixels <= 1)
                lines.segment(p, q, col.edge, alpha);
            else
                thick.segment(p, q, pixels / scale, col.edge, alpha);
            ++stats.edgeSegments;
        }
    }
    auto *dimmedText = new QSGOpacityNode;
    dimmedText->setOpacity(0.3);
    {
        FlatChunks shapes(root, stats, col.background);
        for (const Block &b : blocks)
            shapes.quad(b.rect, b.colour, b.alpha);
        for (const LineageScene::Node &n : scene.nodes) {
            if (!fine || !n.rect.intersects(request.area))
                continue;
            ++stats.nodesDrawn;
            const qreal alpha = n.dimmed ? kDimmedAlpha : 1;
            // At least a pixel wide: a thinner column can fall between pixel centres and leave the frame
            // open on one side (seen at fit zooms just under 1).
            const qreal border = std::max(n.selected ? 3.0 : (n.highlighted || n.seed ? 2.0 : 1.0), 1 / scale);
            const QColor &borderColour = (n.selected || n.highlighted || n.seed) ? col.highlight : col.nodeBorder;
            shapes.quad(n.rect, borderColour, alpha, 0);
            shapes.quad(n.rect.adjusted(border, border, -border, -border), col.nodeFill, alpha, 1);
            shapes.quad(QRectF(n.rect.left() + border, n.rect.top() + border, 5, n.rect.height() - 2 * border),
                        n.accent, alpha, 2);
            qreal x = n.rect.right() - 14;
            auto badge = [&](bool on, const QColor &c) {
                if (!on)
                    return;
                shapes.quad(QRectF(x, n.rect.top() + 5, 9, 9), c, alpha, 2);
                x -= 12;
            };
            badge(n.failing, col.failing);
            badge(n.stale, col.stale);
            badge(n.breaking, col.breaking);
            badge(n.contractMissing, col.textMuted);
            auto pill = [&](const QString &text, qreal cx) {
                if (counters && !text.isEmpty())
                    shapes.quad(QRectF(cx - 13, n.rect.center().y() - 8, 26, 16), col.nodeBorder, alpha, 2);
            };
            pill(n.moreUp, n.rect.left() - 15);
            pill(n.moreDown, n.rect.right() + 15);
        }
    }
    if (labels) {
        root->appendChildNode(dimmedText);
        TextChunks text(root, *request.atlas, request.glyphTexture, stats);
        TextChunks faint(dimmedText, *request.atlas, request.glyphTexture, stats);
        for (const LineageScene::Group &g : scene.groups) {
            if (g.rect.intersects(request.area))
                text.run(g.label, QPointF(g.rect.left() + 4, g.rect.top() - 5), 13, g.rect.width() - 8);
        }
        for (const LineageScene::Node &n : scene.nodes) {
            if (!n.rect.intersects(request.area))
                continue;
            TextChunks &out = n.dimmed ? faint : text;
            const qreal left = n.rect.left() + 12;
            const qreal width = n.rect.width() - 20;
            if (details && !n.detail.isEmpty()) {
                out.run(n.label, QPointF(left, n.rect.top() + 18), kLabelSize, width - 36);
                out.run(n.detail, QPointF(left, n.rect.top() + 33), kDetailSize, width);
            } else {
                out.run(n.label, QPointF(left, n.rect.center().y() + kLabelSize * 0.35), kLabelSize, width);
            }
            if (counters) {
                auto counter = [&](const QString &t, qreal cx) {
                    if (!t.isEmpty())
                        out.run(t,
                                QPointF(cx - request.atlas->advance(t) * kCounterSize / request.atlas->pixelSize() / 2,
                                        n.rect.center().y() + 3.5),
                                kCounterSize, 26);
                };
                counter(n.moreUp, n.rect.left() - 15);
                counter(n.moreDown, n.rect.right() + 15);
            }
        }
    } else {
        delete dimmedText;
    }
    if (statsOut)
        *statsOut = stats;
    return root;
}
