#include "domainmapitem.h"

#include "domains/domainmapcontroller.h"
#include "domains/maplabelsmodel.h"

#include <QNativeGestureEvent>
#include <QSGFlatColorMaterial>
#include <QSGGeometryNode>
#include <QSGTransformNode>
#include <QSGVertexColorMaterial>

#include <cmath>

using namespace meshscope::domainmap;
using namespace domainsview;

namespace {
constexpr qreal kMinZoom = 0.5;
constexpr double kDomainLabelMinWidth = 36;   ///< px a domain needs before its name shows
constexpr double kProductLabelMinWidth = 60;  ///< px a tile needs before its product name shows
constexpr double kProductLabelMinHeight = 15;
constexpr size_t kMaxLabels = 900;

void addMesh(QSGNode *parent, const ChunkedMesh &mesh)
{
    for (const GeometryChunk &chunk : mesh.chunks()) {
        auto *geometry = new QSGGeometry(QSGGeometry::defaultAttributes_ColoredPoint2D(), int(chunk.vertices.size()),
                                         int(chunk.indices.size()), QSGGeometry::UnsignedShortType);
        geometry->setDrawingMode(QSGGeometry::DrawTriangles);
        static_assert(sizeof(ColoredVertex) == sizeof(QSGGeometry::ColoredPoint2D));
        std::memcpy(geometry->vertexData(), chunk.vertices.data(), chunk.vertices.size() * sizeof(ColoredVertex));
        std::memcpy(geometry->indexData(), chunk.indices.data(), chunk.indices.size() * sizeof(quint16));
        auto *node = new QSGGeometryNode;
        node->setGeometry(geometry);
        node->setFlag(QSGNode::OwnsGeometry);
        node->setMaterial(new QSGVertexColorMaterial);
        node->setFlag(QSGNode::OwnsMaterial);
        parent->appendChildNode(node);
    }
}

bool darkFill(const QColor &c)
{
    return 0.299 * c.redF() + 0.587 * c.greenF() + 0.114 * c.blueF() < 0.6;
}
} // namespace

DomainMapItem::DomainMapItem(QQuickItem *parent) : QQuickItem(parent), m_labels(new MapLabelsModel(this))
{
    setFlag(ItemHasContents);
    setFlag(ItemIsFocusScope);
    setActiveFocusOnTab(true);
    setAcceptedMouseButtons(Qt::LeftButton);
    setAcceptHoverEvents(true);
    m_labelTimer.setSingleShot(true);
    m_labelTimer.setInterval(30);
    connect(&m_labelTimer, &QTimer::timeout, this, &DomainMapItem::rebuildLabels);
}

DomainMapItem::~DomainMapItem() = default;

void DomainMapItem::setController(DomainMapController *controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller) {
        connect(m_controller, &DomainMapController::mapChanged, this, &DomainMapItem::onMapChanged);
        connect(m_controller, &DomainMapController::focusChanged, this, &DomainMapItem::onFocusChanged);
        connect(m_controller, &DomainMapController::healthChanged, this, &DomainMapItem::onHealthChanged);
    }
    onMapChanged();
    Q_EMIT controllerChanged();
}

void DomainMapItem::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    m_geometryDirty = true;
    update();
    m_labelTimer.start();
    Q_EMIT darkChanged();
}

void DomainMapItem::onMapChanged()
{
    m_map = m_controller ? m_controller->map() : nullptr;
    m_hoveredDomain = m_hoveredEdge = -1;
    relayout();
    onFocusChanged();
}

void DomainMapItem::onHealthChanged()
{
    // Only the colours change: the same products at the same places, so zoom, pan and layout stay.
    m_map = m_controller ? m_controller->map() : nullptr;
    m_geometryDirty = true;
    update();
    // The labels' colours follow the tiles' in the same frame: through the timer, the labels model was
    // reset a frame later and the map was drawn (and screenshotted) once without any label.
    m_labelTimer.stop();
    rebuildLabels();
}

void DomainMapItem::onFocusChanged()
{
    m_geometryDirty = true;
    const int focused = m_controller ? m_controller->focusedIndex() : -1;
    if (m_map && focused >= 0)
        zoomToDomain(m_map->domains[size_t(focused)].id);
    else
        fit();
    update();
    m_labelTimer.start();
}

void DomainMapItem::relayout()
{
    m_layout = {};
    m_curves.clear();
    if (m_map && width() > 0 && height() > 0) {
        m_layout = layoutTreemap(*m_map, QSizeF(width(), height()));
        m_curves = edgeCurves(*m_map, m_layout);
    }
    m_geometryDirty = true;
    update();
    m_labelTimer.start();
}

void DomainMapItem::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() != oldGeometry.size()) {
        relayout();
        onFocusChanged();
    }
}

void DomainMapItem::setView(qreal zoom, QPointF pan)
{
    const qreal maxZoom = [this] {
        double smallest = 1e9;
        for (double t : m_layout.tileSize) {
            if (t > 0)
                smallest = std::min(smallest, t);
        }
        return smallest < 1e9 ? std::max<qreal>(8, 260 / smallest) : 8;
    }();
    m_zoom = std::clamp(zoom, kMinZoom, maxZoom);
    m_pan = pan;
    clampView();
    update();
    m_labelTimer.start();
    Q_EMIT viewChanged();
}

void DomainMapItem::clampView()
{
    // A map larger than the view always fills it (no empty band beside a zoomed-in map); a smaller one
    // (zoomed out) may move, but keeps at least a fifth of the view covered.
    const double w = width(), h = height();
    const double mapW = m_layout.size.width() * m_zoom, mapH = m_layout.size.height() * m_zoom;
    auto clampAxis = [](double pan, double view, double map) {
        return map >= view ? std::clamp(pan, view - map, 0.0) : std::clamp(pan, 0.2 * view - map, 0.8 * view);
    };
    m_pan.setX(clampAxis(m_pan.x(), w, mapW));
    m_pan.setY(clampAxis(m_pan.y(), h, mapH));
}

void DomainMapItem::zoomBy(qreal factor, QPointF at)
{
    if (at.x() < 0 || at.y() < 0)
        at = QPointF(width() / 2, height() / 2);
    const QPointF world = toWorld(at);
    const qreal before = m_zoom;
    setView(m_zoom * factor, m_pan);
    if (m_zoom != before)
        setView(m_zoom, at - world * m_zoom);
}

void DomainMapItem::panBy(qreal dx, qreal dy)
{
    setView(m_zoom, m_pan + QPointF(dx, dy));
}

void DomainMapItem::fit()
{
    setView(1, QPointF(0, 0));
}

void DomainMapItem::zoomToDomain(const QString &id)
{
    const int d = ready() ? m_map->domainOf(id) : -1;
    if (d < 0 || size_t(d) >= m_layout.domainRects.size() || m_layout.domainRects[size_t(d)].isEmpty())
        return fit();
    const QRectF r = m_layout.domainRects[size_t(d)];
    // Fill about 80% of the view. A domain that already fills much of the whole map is shown in it
    // (the outline and the dimmed rest mark it): zooming in a little only crops its neighbours.
    const qreal z = 0.8 * std::min(width() / r.width(), height() / r.height());
    if (z < 1.5)
        return fit();
    setView(z, QPointF(width() / 2, height() / 2) - r.center() * z);
}

QVariantMap DomainMapItem::itemAt(QPointF pos) const
{
    if (!ready())
        return {{"kind", QString()}};
    const QPointF w = toWorld(pos);
    const int p = m_layout.productAt(*m_map, w);
    if (p >= 0) {
        const MapProduct &product = m_map->products[size_t(p)];
        return {{"kind", "product"}, {"id", product.id}, {"domainId", m_map->domains[size_t(product.domain)].id}};
    }
    const int e = edgeAt(pos);
    if (e >= 0)
        return {{"kind", "edge"}, {"id", QString::number(e)}};
    const int d = m_layout.domainAt(w);
    if (d >= 0)
        return {{"kind", "domain"}, {"id", m_map->domains[size_t(d)].id}, {"domainId", m_map->domains[size_t(d)].id}};
    return {{"kind", QString()}};
}

QColor DomainMapItem::healthColor(const QString &health) const
{
    const MapPalette palette = MapPalette::make(m_dark);
    for (Health h : {Health::Healthy, Health::AtRisk, Health::Unhealthy, Health::Unknown}) {
        if (healthName(h) == health)
            return palette.health[int(h)];
    }
    return palette.health[0];
}

QColor DomainMapItem::typeColor(const QString &typeName) const
{
    return MapPalette::make(m_dark).header[int(meshscope::parseDomainType(typeName))];
}

int DomainMapItem::edgeAt(const QPointF &pos) const
{
    if (!ready())
        return -1;
    const int focused = m_controller ? m_controller->focusedIndex() : -1;
    const std::vector<bool> shown = visibleEdges(*m_map, focused);
    const int most = maxEdgeCount(*m_map);
    int best = -1;
    double bestDistance = 1e9;
    for (size_t i = 0; i < m_curves.size(); ++i) {
        const DomainEdge &e = m_map->domainEdges[i];
        if (!shown[i])
            continue; // not drawn
        const double tolerance = edgeWidthPixels(e.count, most) / 2 + 3;
        const auto &pts = m_curves[i];
        for (size_t k = 1; k < pts.size(); ++k) {
            const QPointF a = pts[k - 1] * m_zoom + m_pan, b = pts[k] * m_zoom + m_pan;
            const QPointF ab = b - a;
            const double len2 = QPointF::dotProduct(ab, ab);
            const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(pos - a, ab) / len2, 0.0, 1.0) : 0.0;
            const QPointF q = a + ab * t;
            const double dist = std::hypot(pos.x() - q.x(), pos.y() - q.y());
            if (dist <= tolerance && dist < bestDistance) {
                bestDistance = dist;
                best = int(i);
            }
        }
    }
    return best;
}

void DomainMapItem::updateHover(const QPointF &pos)
{
    QString text;
    int domain = -1, edge = -1;
    if (ready() && contains(pos)) {
        const QPointF w = toWorld(pos);
        const int p = m_layout.productAt(*m_map, w);
        edge = p >= 0 ? -1 : edgeAt(pos);
        domain = m_layout.domainAt(w);
        if (p >= 0) {
            const MapProduct &product = m_map->products[size_t(p)];
            text = tr("%1\n%2 · owner: %3\nHealth: %4\nConsumers: %5")
                       .arg(product.name, m_map->domains[size_t(product.domain)].name,
                            product.owner.isEmpty() ? tr("none") : product.owner,
                            m_map->healthAssessed ? product.health.summary() : tr("being assessed…"))
                       .arg(product.consumers);
        } else if (edge >= 0) {
            const DomainEdge &e = m_map->domainEdges[size_t(edge)];
            QStringList top;
            for (const auto &[product, n] : e.topProducts)
                top << tr("%1 (%2)").arg(m_map->products[size_t(product)].name).arg(n);
            text = tr("%1 → %2\n%n product dependencies\nTop products: %3", nullptr, e.count)
                       .arg(m_map->domains[size_t(e.from)].name, m_map->domains[size_t(e.to)].name,
                            top.join(QStringLiteral(", ")));
        } else if (domain >= 0) {
            const MapDomain &d = m_map->domains[size_t(domain)];
            const auto &h = d.healthCounts;
            text = tr("%1 (%2)\n%n product(s): ", nullptr, d.totalProducts)
                       .arg(d.name, DomainMapController::typeLabel(meshscope::domainTypeName(d.type)))
                + tr("%1 healthy, %2 at risk, %3 unhealthy, %4 no data")
                      .arg(h[size_t(Health::Healthy)])
                      .arg(h[size_t(Health::AtRisk)])
                      .arg(h[size_t(Health::Unhealthy)])
                      .arg(h[size_t(Health::Unknown)])
                + (d.owner.isEmpty() ? QString() : tr("\nOwner: %1").arg(d.owner));
        }
    }
    if (domain != m_hoveredDomain || edge != m_hoveredEdge) {
        m_hoveredDomain = domain;
        m_hoveredEdge = edge;
        m_geometryDirty = true;
        update();
    }
    if (text != m_hoverText || pos != m_hoverPos) {
        m_hoverText = text;
        m_hoverPos = pos;
        Q_EMIT hoverChanged();
    }
}

void DomainMapItem::rebuildLabels()
{
    std::vector<MapLabelsModel::Label> out;
    if (!ready()) {
        m_labels->setLabels({});
        return;
    }
    const MapPalette palette = MapPalette::make(m_dark);
    const int focused = m_controller ? m_controller->focusedIndex() : -1;
    const QRectF visible = QRectF(toWorld(QPointF(0, 0)), toWorld(QPointF(width(), height())));
    for (const TreemapGroup &g : m_layout.groups) {
        if (g.header.intersects(visible))
            out.push_back({tr("%1 (%2)").arg(DomainMapController::typeLabel(meshscope::domainTypeName(g.type))).arg(g.products),
                           g.header, MapLabelsModel::GroupLabel, false, false});
    }
    for (size_t d = 0; d < m_map->domains.size(); ++d) {
        const QRectF header = m_layout.domainHeaders[d];
        if (header.isEmpty() || !header.intersects(visible) || header.width() * m_zoom < kDomainLabelMinWidth)
            continue;
        const bool dim = focused >= 0 && !isWithin(*m_map, int(d), focused);
        out.push_back({m_map->domains[d].name, header, MapLabelsModel::DomainLabel, dim,
                       darkFill(palette.header[int(m_map->domains[d].type)])});
    }
    for (size_t d = 0; d < m_map->domains.size() && out.size() < kMaxLabels; ++d) {
        const double cell = m_layout.tileSize[d] * m_zoom;
        if (cell < kProductLabelMinHeight || !m_layout.domainRects[d].intersects(visible))
            continue;
        const bool dim = focused >= 0 && !isWithin(*m_map, int(d), focused);
        for (int p : m_map->domains[d].products) {
            const QRectF r = m_layout.productRects[size_t(p)];
            if (r.width() * m_zoom < kProductLabelMinWidth || r.height() * m_zoom < kProductLabelMinHeight
                || !r.intersects(visible))
                continue;
            const MapProduct &product = m_map->products[size_t(p)];
            out.push_back({product.name, r, MapLabelsModel::ProductLabel, dim,
                           darkFill(palette.health[int(product.health.health)])});
            if (out.size() >= kMaxLabels)
                break;
        }
    }
    m_labels->setLabels(std::move(out));
}

QSGNode *DomainMapItem::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    auto *root = static_cast<QSGTransformNode *>(old);
    if (!root)
        root = new QSGTransformNode;
    QMatrix4x4 matrix;
    matrix.translate(float(m_pan.x()), float(m_pan.y()));
    matrix.scale(float(m_zoom));
    root->setMatrix(matrix);
    // Zoom changes the level of detail and the pixel widths of gaps, edges and outlines; within 15% of
    // the zoom the geometry was built for the matrix alone is enough (10k tiles cost ~10 ms to rebuild).
    const bool zoomMoved = m_builtZoom <= 0 || std::abs(std::log(m_zoom / m_builtZoom)) > std::log(1.15);
    if (m_geometryDirty || zoomMoved) {
        while (QSGNode *child = root->firstChild()) {
            root->removeChildNode(child);
            delete child;
        }
        if (ready()) {
            MapViewState view;
            view.zoom = m_zoom;
            view.focused = m_controller ? m_controller->focusedIndex() : -1;
            view.lit = m_controller ? &m_controller->highlighted() : nullptr;
            view.hoveredDomain = m_hoveredDomain;
            view.hoveredEdge = m_hoveredEdge;
            const MapMeshes meshes = buildMapMeshes(*m_map, m_layout, m_curves, view, MapPalette::make(m_dark));
            addMesh(root, meshes.regions);
            addMesh(root, meshes.tiles);
            addMesh(root, meshes.overlay);
            const int vertices = int(meshes.regions.vertexCount() + meshes.tiles.vertexCount()
                                     + meshes.overlay.vertexCount());
            if (vertices != m_vertexCount || meshes.detailedDomains != m_detailedDomains) {
                m_vertexCount = vertices;
                m_detailedDomains = meshes.detailedDomains;
                QMetaObject::invokeMethod(this, &DomainMapItem::geometryBuilt, Qt::QueuedConnection);
            }
        }
        m_geometryDirty = false;
        m_builtZoom = m_zoom;
    }
    root->markDirty(QSGNode::DirtyMatrix);
    return root;
}

void DomainMapItem::mousePressEvent(QMouseEvent *event)
{
    forceActiveFocus(Qt::MouseFocusReason);
    m_pressPos = m_lastDrag = event->position();
    m_dragging = false;
    event->accept();
}

void DomainMapItem::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (!m_dragging && QLineF(pos, m_pressPos).length() > 4)
        m_dragging = true;
    if (m_dragging) {
        panBy(pos.x() - m_lastDrag.x(), pos.y() - m_lastDrag.y());
        m_lastDrag = pos;
    }
}

void DomainMapItem::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging) {
        m_dragging = false;
        return;
    }
    const QVariantMap hit = itemAt(event->position());
    const QString kind = hit.value("kind").toString();
    const int focused = m_controller ? m_controller->focusedIndex() : -1;
    if (kind == u"product") {
        const int d = m_map->domainOf(hit.value("domainId").toString());
        // First click focuses the domain; inside the focused domain a click opens the product.
        if (focused >= 0 && isWithin(*m_map, d, focused))
            Q_EMIT productClicked(hit.value("id").toString());
        else
            Q_EMIT domainClicked(hit.value("domainId").toString());
    } else if (kind == u"domain") {
        Q_EMIT domainClicked(hit.value("id").toString());
    } else if (kind == u"edge") {
        const DomainEdge &e = m_map->domainEdges[size_t(hit.value("id").toInt())];
        // An edge leads to the domain at its other end from the focused one.
        const int target = focused >= 0 && isWithin(*m_map, e.to, focused) ? e.from : e.to;
        Q_EMIT domainClicked(m_map->domains[size_t(target)].id);
    } else {
        Q_EMIT cleared();
    }
}

void DomainMapItem::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QVariantMap hit = itemAt(event->position());
    if (hit.value("kind").toString() == u"product")
        Q_EMIT productClicked(hit.value("id").toString());
}

void DomainMapItem::hoverMoveEvent(QHoverEvent *event)
{
    // A window opening under a resting pointer gets one synthetic hover; wait for a real movement.
    if (!m_pointerMoved && event->position() == event->oldPosF())
        return;
    m_pointerMoved = true;
    updateHover(event->position());
}

void DomainMapItem::hoverLeaveEvent(QHoverEvent *)
{
    updateHover(QPointF(-1, -1));
}

void DomainMapItem::wheelEvent(QWheelEvent *event)
{
    const QPoint pixels = event->pixelDelta();
    const QPoint angle = event->angleDelta();
    // Trackpads scroll by pixels: two-finger movement pans, with Ctrl (pinch on most systems) it zooms.
    // A mouse wheel (angle steps only) zooms around the pointer.
    if (!pixels.isNull() && !(event->modifiers() & Qt::ControlModifier))
        panBy(pixels.x(), pixels.y());
    else
        zoomBy(std::pow(1.0015, angle.y() != 0 ? angle.y() : pixels.y() * 4), event->position());
    updateHover(event->position());
    event->accept();
}

bool DomainMapItem::event(QEvent *event)
{
    if (event->type() == QEvent::NativeGesture) {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomBy(1.0 + gesture->value(), gesture->position());
            return true;
        }
    }
    return QQuickItem::event(event);
}

void DomainMapItem::keyPressEvent(QKeyEvent *event)
{
    constexpr qreal step = 80;
    switch (event->key()) {
    case Qt::Key_Left: panBy(step, 0); break;
    case Qt::Key_Right: panBy(-step, 0); break;
    case Qt::Key_Up: panBy(0, step); break;
    case Qt::Key_Down: panBy(0, -step); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(1.25); break;
    case Qt::Key_Minus: zoomBy(0.8); break;
    case Qt::Key_0:
    case Qt::Key_Home: fit(); break;
    case Qt::Key_Escape: Q_EMIT cleared(); break;
    default: QQuickItem::keyPressEvent(event); return;
    }
    event->accept();
}
