#include "mapgeometry.h"

#include <QLineF>

#include <cmath>

using namespace meshscope;
using namespace meshscope::domainmap;

namespace domainsview {

namespace {

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t), float(a.alphaF() * (1 - t) + b.alphaF() * t));
}

ColoredVertex vertex(const QPointF &p, const QColor &c)
{
    // The vertex colour material expects premultiplied alpha.
    const double a = c.alphaF();
    return {float(p.x()), float(p.y()), static_cast<unsigned char>(std::lround(c.red() * a)),
            static_cast<unsigned char>(std::lround(c.green() * a)), static_cast<unsigned char>(std::lround(c.blue() * a)),
            static_cast<unsigned char>(c.alpha())};
}

/// Outline of `r` as four bars `w` wide, inside the rect.
void frame(ChunkedMesh &mesh, const QRectF &r, double w, const QColor &c)
{
    mesh.rect(QRectF(r.left(), r.top(), r.width(), w), c);
    mesh.rect(QRectF(r.left(), r.bottom() - w, r.width(), w), c);
    mesh.rect(QRectF(r.left(), r.top() + w, w, r.height() - 2 * w), c);
    mesh.rect(QRectF(r.right() - w, r.top() + w, w, r.height() - 2 * w), c);
}

/// Bounding box of a domain's own product tiles.
QRectF productArea(const DomainMap &map, const TreemapLayout &layout, int d)
{
    QRectF area;
    for (int p : map.domains[size_t(d)].products)
        area = area.isNull() ? layout.productRects[size_t(p)] : area.united(layout.productRects[size_t(p)]);
    return area;
}

void stroke(ChunkedMesh &mesh, const std::vector<QPointF> &pts, double halfWidth, const QColor &c)
{
    for (size_t i = 1; i < pts.size(); ++i) {
        const QPointF d = pts[i] - pts[i - 1];
        const double len = std::hypot(d.x(), d.y());
        if (len <= 0)
            continue;
        const QPointF n(-d.y() / len * halfWidth, d.x() / len * halfWidth);
        mesh.quad(pts[i - 1] + n, pts[i] + n, pts[i] - n, pts[i - 1] - n, c);
    }
}

} // namespace

GeometryChunk &ChunkedMesh::room(size_t vertices)
{
    if (m_chunks.empty() || m_chunks.back().vertices.size() + vertices > kMaxVertices)
        m_chunks.emplace_back();
    return m_chunks.back();
}

void ChunkedMesh::rect(const QRectF &r, const QColor &c)
{
    quad(r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft(), c);
}

void ChunkedMesh::quad(const QPointF &a, const QPointF &b, const QPointF &c, const QPointF &d, const QColor &color)
{
    GeometryChunk &chunk = room(4);
    const auto base = quint16(chunk.vertices.size());
    for (const QPointF &p : {a, b, c, d})
        chunk.vertices.push_back(vertex(p, color));
    for (quint16 i : {0, 1, 2, 0, 2, 3})
        chunk.indices.push_back(quint16(base + i));
}

void ChunkedMesh::triangle(const QPointF &a, const QPointF &b, const QPointF &c, const QColor &color)
{
    GeometryChunk &chunk = room(3);
    const auto base = quint16(chunk.vertices.size());
    for (const QPointF &p : {a, b, c})
        chunk.vertices.push_back(vertex(p, color));
    for (quint16 i : {0, 1, 2})
        chunk.indices.push_back(quint16(base + i));
}

size_t ChunkedMesh::vertexCount() const
{
    size_t n = 0;
    for (const GeometryChunk &c : m_chunks)
        n += c.vertices.size();
    return n;
}

MapPalette MapPalette::make(bool dark)
{
    MapPalette p;
    if (dark) {
        p.background = QColor("#1b1e24");
        p.column = QColor("#20242b");
        p.columnText = QColor("#a3abb8");
        const char *region[] = {"#33363b", "#26334a", "#223d3f", "#352c4a"};
        const char *header[] = {"#464a51", "#33476b", "#2e5a5c", "#4a3d69"};
        const char *health[] = {"#8a93a0", "#3fb56e", "#e9b23a", "#ef6060"};
        for (int i = 0; i < 4; ++i) {
            p.region[i] = QColor(region[i]);
            p.header[i] = QColor(header[i]);
            p.health[i] = QColor(health[i]);
        }
        p.edge = QColor(220, 226, 240, 150);
        p.edgeFocused = QColor("#7aa7ff");
        p.outline = QColor("#7aa7ff");
        p.hover = QColor("#e7e9ee");
    } else {
        p.background = QColor("#f4f5f8");
        p.column = QColor("#eceef2");
        p.columnText = QColor("#586274");
        // DomainType order: Unknown, SourceAligned, ConsumerAligned, Aggregate.
        const char *region[] = {"#e4e5e8", "#dbe5f4", "#d7ecec", "#e6dff3"};
        const char *header[] = {"#c9ccd2", "#b6c9e8", "#a9d5d6", "#cbbde5"};
        const char *health[] = {"#9aa3af", "#2e9d5a", "#e3a21a", "#d64545"};
        for (int i = 0; i < 4; ++i) {
            p.region[i] = QColor(region[i]);
            p.header[i] = QColor(header[i]);
            p.health[i] = QColor(health[i]);
        }
        p.edge = QColor(35, 45, 65, 140);
        p.edgeFocused = QColor("#2459d6");
        p.outline = QColor("#2459d6");
        p.hover = QColor("#1b2230");
    }
    return p;
}

bool isWithin(const DomainMap &map, int d, int ancestor)
{
    for (int x = d; x >= 0; x = map.domains[size_t(x)].parent) {
        if (x == ancestor)
            return true;
    }
    return false;
}

double edgeWidthPixels(int count, int maxCount)
{
    return 1.5 + 6.0 * std::sqrt(double(std::max(0, count)) / double(std::max(1, maxCount)));
}

int maxEdgeCount(const DomainMap &map)
{
    int most = 1;
    for (const DomainEdge &e : map.domainEdges)
        most = std::max(most, e.count);
    return most;
}

std::vector<bool> visibleEdges(const DomainMap &map, int focused)
{
    std::vector<bool> shown(map.domainEdges.size(), false);
    std::vector<size_t> order;
    for (size_t i = 0; i < shown.size(); ++i) {
        const DomainEdge &e = map.domainEdges[i];
        if (focused < 0 || isWithin(map, e.from, focused) || isWithin(map, e.to, focused))
            order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&map](size_t a, size_t b) { return map.domainEdges[a].count > map.domainEdges[b].count; });
    for (size_t k = 0; k < order.size() && k < (focused >= 0 ? kFocusEdges : kOverviewEdges); ++k)
        shown[order[k]] = true;
    return shown;
}

std::vector<std::vector<QPointF>> edgeCurves(const DomainMap &map, const TreemapLayout &layout)
{
    constexpr int kSegments = 16;
    std::vector<std::vector<QPointF>> out;
    out.reserve(map.domainEdges.size());
    for (const DomainEdge &e : map.domainEdges) {
        const QRectF a = layout.domainRects[size_t(e.from)];
        const QRectF b = layout.domainRects[size_t(e.to)];
        const QPointF p0 = a.center();
        const QPointF p2 = b.center();
        const QPointF d = p2 - p0;
        // Bend to the left of the direction of travel, so a->b and b->a do not cover each other.
        const QPointF p1 = (p0 + p2) / 2 + QPointF(-d.y(), d.x()) * 0.18;
        auto at = [&](double t) { return (1 - t) * (1 - t) * p0 + 2 * (1 - t) * t * p1 + t * t * p2; };
        // Where the curve leaves region r (searching from `from` towards `to`): bisection on t.
        auto boundary = [&](const QRectF &r, double from, double to) {
            double inside = from, outside = to;
            for (int i = 1; i <= kSegments; ++i) {
                const double t = from + (to - from) * i / kSegments;
                if (!r.contains(at(t))) {
                    outside = t;
                    break;
                }
                inside = t;
            }
            for (int i = 0; i < 24; ++i) {
                const double mid = (inside + outside) / 2;
                (r.contains(at(mid)) ? inside : outside) = mid;
            }
            return outside;
        };
        // Start at the source's edge and end at the target's, unless one region holds the other.
        const double t0 = a.contains(b) ? 0.0 : boundary(a, 0.0, 1.0);
        const double t1 = b.contains(a) ? 1.0 : boundary(b, 1.0, 0.0);
        const double from = t0 < t1 ? t0 : 0.0, to = t0 < t1 ? t1 : 1.0;
        std::vector<QPointF> pts;
        for (int i = 0; i <= kSegments; ++i)
            pts.push_back(at(from + (to - from) * i / kSegments));
        out.push_back(std::move(pts));
    }
    return out;
}

MapMeshes buildMapMeshes(const DomainMap &map, const TreemapLayout &layout,
                         const std::vector<std::vector<QPointF>> &curves, const MapViewState &view,
                         const MapPalette &palette)
{
    MapMeshes m;
    const double px = 1.0 / view.zoom; // one screen pixel in world units
    const bool filtering = view.lit && !view.lit->isEmpty();
    auto dimmedDomain = [&](int d) { return view.focused >= 0 && !isWithin(map, d, view.focused); };
    auto fade = [&](const QColor &c, bool dim) { return dim ? mix(c, palette.background, 0.72) : c; };

    for (const TreemapGroup &g : layout.groups)
        m.regions.rect(g.rect, palette.column);
    // Parents before children (layout order: by depth), so nested regions paint over their parent.
    std::vector<int> order(map.domains.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return layout.domainDepth[size_t(a)] < layout.domainDepth[size_t(b)]; });
    for (int d : order) {
        const QRectF r = layout.domainRects[size_t(d)];
        if (r.isEmpty())
            continue;
        const int type = int(map.domains[size_t(d)].type);
        const bool dim = dimmedDomain(d);
        const QColor fill = layout.domainDepth[size_t(d)] > 0 ? mix(palette.region[type], palette.header[type], 0.25)
                                                               : palette.region[type];
        m.regions.rect(r, fade(fill, dim));
        if (!layout.domainHeaders[size_t(d)].isEmpty())
            m.regions.rect(layout.domainHeaders[size_t(d)], fade(palette.header[type], dim));
    }

    for (size_t d = 0; d < map.domains.size(); ++d) {
        const MapDomain &domain = map.domains[d];
        if (domain.products.empty())
            continue;
        const bool dim = dimmedDomain(int(d));
        const double cell = layout.tileSize[d];
        if (cell * view.zoom < kMinTilePixels) {
            // Level of detail: sub-pixel tiles become stripes in proportion to each health level.
            ++m.aggregatedDomains;
            const QRectF area = productArea(map, layout, int(d));
            double x = area.left();
            for (int h : {int(Health::Healthy), int(Health::AtRisk), int(Health::Unhealthy), int(Health::Unknown)}) {
                const double w = area.width() * domain.healthCounts[size_t(h)] / double(domain.products.size());
                if (w > 0)
                    m.tiles.rect(QRectF(x, area.top(), w, area.height()), fade(palette.health[h], dim));
                x += w;
            }
            continue;
        }
        ++m.detailedDomains;
        const double inset = std::min(cell * 0.12, 1.5 * px);
        for (int p : domain.products) {
            const MapProduct &product = map.products[size_t(p)];
            const bool off = dim || (filtering && !view.lit->contains(p));
            m.tiles.rect(layout.productRects[size_t(p)].adjusted(inset, inset, -inset, -inset),
                         fade(palette.health[int(product.health.health)], off));
        }
    }

    const std::vector<bool> shown = visibleEdges(map, view.focused);
    const int most = maxEdgeCount(map);
    for (size_t i = 0; i < map.domainEdges.size() && i < curves.size(); ++i) {
        const DomainEdge &e = map.domainEdges[i];
        const bool hovered = int(i) == view.hoveredEdge;
        if (!shown[i] && !hovered)
            continue;
        const bool touches = view.focused >= 0;
        const QColor c = hovered ? palette.hover : touches ? palette.edgeFocused : palette.edge;
        const double half = edgeWidthPixels(e.count, most) * px / 2;
        const std::vector<QPointF> &pts = curves[i];
        // Stop the line short of the arrowhead, then draw the head pointing into the target.
        const QPointF tip = pts.back();
        const QPointF before = pts[pts.size() - 2];
        const QLineF dir(before, tip);
        const double len = std::max(1e-9, dir.length());
        const QPointF unit((tip.x() - before.x()) / len, (tip.y() - before.y()) / len);
        const double head = std::max(8.0, half / px * 2.2) * px;
        std::vector<QPointF> body(pts.begin(), pts.end());
        body.back() = tip - unit * head * 0.8;
        stroke(m.overlay, body, half, c);
        const QPointF n(-unit.y(), unit.x());
        m.overlay.triangle(tip, tip - unit * head + n * head * 0.55, tip - unit * head - n * head * 0.55, c);
    }

    if (view.focused >= 0 && !layout.domainRects[size_t(view.focused)].isEmpty())
        frame(m.overlay, layout.domainRects[size_t(view.focused)], 2.5 * px, palette.outline);
    if (view.hoveredDomain >= 0 && view.hoveredDomain != view.focused
        && !layout.domainRects[size_t(view.hoveredDomain)].isEmpty())
        frame(m.overlay, layout.domainRects[size_t(view.hoveredDomain)], 1.5 * px, palette.hover);
    return m;
}

} // namespace domainsview
