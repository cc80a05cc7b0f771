#include "overviewimage.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace {

constexpr qreal kDimmedAlpha = 0.22; // as SceneGraphBuilder

/// `c` at `alpha` over `background`, opaque (the same pre-mixing as the scene-graph builder).
QColor mixed(const QColor &c, qreal alpha, const QColor &background)
{
    const qreal a = c.alphaF() * alpha;
    return QColor(int(std::lround(c.red() * a + background.red() * (1 - a))),
                  int(std::lround(c.green() * a + background.green() * (1 - a))),
                  int(std::lround(c.blue() * a + background.blue() * (1 - a))));
}

} // namespace

bool OverviewImage::wanted(const LineageScene &scene)
{
    return int(scene.nodes.size() + scene.edges.size()) >= kMinItems && !scene.bounds.isEmpty();
}

qreal OverviewImage::scaleFor(const LineageScene &scene, qreal maxScale, qreal maxSide)
{
    const qreal w = scene.bounds.width() + 8, h = scene.bounds.height() + 8;
    qreal scale = std::min(maxScale, std::sqrt(kMaxPixels / (w * h)));
    if (maxSide > 0)
        scale = std::min(scale, maxSide / std::max(w, h));
    return scale;
}

OverviewImage OverviewImage::render(const LineageScene &scene, qreal scale)
{
    OverviewImage out;
    if (scene.bounds.isEmpty() || scale <= 0)
        return out;
    // A little margin so the outermost frames and lines are not cut by the image edge.
    const qreal margin = 4 / scale;
    const QRectF area = scene.bounds.adjusted(-margin, -margin, margin, margin);
    out.scale = scale;
    const QSize size(std::max(1, int(std::ceil(area.width() * scale))), std::max(1, int(std::ceil(area.height() * scale))));
    QImage whole(size, QImage::Format_RGB32); // opaque: drawn without blending
    if (whole.isNull())
        return out; // out of memory: the canvas keeps drawing geometry
    const LineageScene::Colours &col = scene.colours;
    whole.fill(col.background);
    QPainter p(&whole);
    p.scale(scale, scale);
    p.translate(-area.topLeft());
    const qreal pixel = 1 / scale;

    for (const LineageScene::Group &g : scene.groups) {
        p.fillRect(g.rect, mixed(g.colour, 0.08, col.background));
        QPen frame(mixed(g.colour, 0.55, col.background), 1);
        frame.setCosmetic(true);
        p.setPen(frame);
        p.setBrush(Qt::NoBrush);
        p.drawRect(g.rect);
    }
    // Edges antialiased: at one pixel per few hundred scene units they are what the overview shows, and
    // aliased lines crawl when the image is scaled down (mipmaps then blend them smoothly).
    p.setRenderHint(QPainter::Antialiasing);
    auto drawEdges = [&](bool highlighted, bool dimmed, const QColor &colour, qreal width) {
        QPen pen(colour, width);
        pen.setCosmetic(true);
        p.setPen(pen);
        for (const LineageScene::Edge &e : scene.edges) {
            if (e.points.size() >= 2 && e.highlighted == highlighted && e.dimmed == dimmed)
                p.drawPolyline(e.points.data(), int(e.points.size()));
        }
    };
    // Translucent, as the far-out geometry weighs its merged lines: one edge is light, edges running
    // together add up to darker bundles (an opaque pen would turn every shared route solid grey).
    QColor edge = col.edge;
    edge.setAlphaF(0.45f);
    QColor dimmedEdge = col.edge;
    dimmedEdge.setAlphaF(float(0.45 * kDimmedAlpha));
    drawEdges(false, true, dimmedEdge, 1);
    drawEdges(false, false, edge, 1);
    p.setRenderHint(QPainter::Antialiasing, false);
    // Nodes as blocks in their domain colour, grown by half a pixel so that neighbours of a column close
    // up into one block as in the far-out geometry, and none vanishes.
    for (const LineageScene::Node &n : scene.nodes) {
        const QRectF r = n.rect.adjusted(0, -pixel / 2, 0, pixel / 2);
        p.fillRect(r, mixed(n.accent, n.dimmed ? kDimmedAlpha : 1, col.background));
    }
    p.setRenderHint(QPainter::Antialiasing);
    drawEdges(true, false, col.highlight, 2.5);
    drawEdges(true, true, col.highlight, 2.5);
    for (const LineageScene::Node &n : scene.nodes) {
        if (!n.selected)
            continue;
        QPen ring(col.highlight, 3);
        ring.setCosmetic(true);
        p.setPen(ring);
        p.setBrush(Qt::NoBrush);
        p.drawRect(n.rect.adjusted(-2 * pixel, -2 * pixel, 2 * pixel, 2 * pixel));
    }
    p.end();
    // Cut into textures of at most kMaxTileSide a side.
    for (int y = 0; y < size.height(); y += kMaxTileSide) {
        for (int x = 0; x < size.width(); x += kMaxTileSide) {
            const QRect piece(x, y, std::min(kMaxTileSide, size.width() - x), std::min(kMaxTileSide, size.height() - y));
            out.tiles.push_back({whole.copy(piece), QRectF(area.topLeft() + QPointF(piece.topLeft()) / scale,
                                                           QSizeF(piece.size()) / scale)});
        }
    }
    return out;
}
