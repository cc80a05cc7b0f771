#include "lineagecanvas.h"

#include "lineagecontroller.h"
#include "scenegraphbuilder.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QSGImageNode>
#include <QThreadPool>
#include <QQuickWindow>
#include <QSGTexture>
#include <QSGTransformNode>
#include <QtMath>

#include <cmath>

namespace {
constexpr qreal kMinZoom = 0.02;
constexpr qreal kMaxZoom = 4;
constexpr qreal kDragThreshold = 4;
/// m_builtLod while the transform holds the overview image instead of geometry.
constexpr int kImageLod = -2;
/// Far-out level of detail (lodLevel() 0) ends here: the overview image is never finer than that.
constexpr qreal kFarZoom = 6.0 / 40;
/// How much wider or taller than the view a new neighbourhood may be shown to keep its labels readable.
constexpr qreal kReadableFitOverflow = 1.25;
} // namespace

LineageCanvas::LineageCanvas(QQuickItem *parent) : QQuickItem(parent)
{
    setFlag(ItemHasContents);
    setAcceptedMouseButtons(Qt::LeftButton);
    setActiveFocusOnTab(true);
}

LineageCanvas::~LineageCanvas()
{
    if (m_texture)
        m_texture->deleteLater();
    dropOverviewTextures(true);
}

void LineageCanvas::dropOverviewTextures(bool later)
{
    for (QSGTexture *t : m_overviewTextures) {
        if (later)
            t->deleteLater(); // not on the render thread: as m_texture
        else
            delete t;
    }
    m_overviewTextures.clear();
    m_overviewTexturesGeneration = 0;
}

void LineageCanvas::setController(LineageController *controller)
{
    if (m_controller == controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller) {
        connect(m_controller, &LineageController::sceneChanged, this, &LineageCanvas::onControllerScene);
        onControllerScene();
    }
    Q_EMIT controllerChanged();
}

void LineageCanvas::setAutoFit(bool on)
{
    if (m_autoFit == on)
        return;
    m_autoFit = on;
    setAcceptedMouseButtons(on ? Qt::NoButton : Qt::LeftButton);
    fitToView();
    startOverviewImage(); // a minimap's image is smaller
}

void LineageCanvas::setMergeFarEdges(bool on)
{
    m_mergeFarEdges = on;
    m_sceneDirty = true;
    update();
}

void LineageCanvas::setOverviewImageEnabled(bool on)
{
    if (m_overviewEnabled == on)
        return;
    m_overviewEnabled = on;
    startOverviewImage();
    update();
}

void LineageCanvas::startOverviewImage()
{
    const quint64 generation = ++m_overviewGeneration;
    m_overview = {};
    if (!m_overviewEnabled || !m_scene || !OverviewImage::wanted(*m_scene))
        return;
    // A minimap needs no more than twice its own size.
    const bool minimap = m_autoFit && width() > 0 && height() > 0;
    const qreal scale = OverviewImage::scaleFor(*m_scene, kFarZoom, minimap ? 2 * std::max(width(), height()) : 0);
    // Painted on a worker (a few hundred ms for 10,000 nodes); meanwhile the geometry is drawn. The
    // watcher is a child: if the canvas goes first, the result is dropped.
    auto *watcher = new QFutureWatcher<OverviewImage>(this);
    connect(watcher, &QFutureWatcher<OverviewImage>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_overviewGeneration)
            return; // a newer scene is on its way
        m_overview = watcher->future().takeResult();
        Q_EMIT overviewImageChanged();
        update();
    });
    auto promise = std::make_shared<QPromise<OverviewImage>>();
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, scene = m_scene, scale] {
        promise->addResult(OverviewImage::render(*scene, scale));
        promise->finish();
    });
}

bool LineageCanvas::showsOverviewImage() const
{
    // Only while the image has at least one pixel per screen pixel, so it never looks blurred.
    return m_overviewEnabled && !m_overview.isNull() && m_zoom <= m_overview.scale * 1.0001;
}

QRectF LineageCanvas::sceneToItem(const QRectF &r) const
{
    return QRectF(r.topLeft() * m_zoom + m_offset, r.size() * m_zoom);
}

void LineageCanvas::onControllerScene()
{
    const bool first = !m_scene || m_scene->nodes.empty();
    const bool refit = m_controller->takeFitRequest();
    setScene(m_controller->scene());
    if (first || refit || m_autoFit)
        m_fitPending = true;
    if (m_fitPending && width() > 0)
        fit(!m_autoFit);
}

void LineageCanvas::setScene(LineageScenePtr scene)
{
    m_scene = std::move(scene);
    m_sceneDirty = true;
    startOverviewImage();
    if (m_scene && m_atlas && m_atlas->colour() == m_scene->colours.text) {
        for (const LineageScene::Node &n : m_scene->nodes) {
            m_atlas->ensure(n.label);
            m_atlas->ensure(n.detail);
        }
    } else {
        m_atlas.reset(); // another text colour (theme): a new atlas, so a new texture too
        m_textureGeneration = 0;
    }
    Q_EMIT sceneChanged();
    update();
}

QRectF LineageCanvas::visibleArea() const
{
    return QRectF(toScene(QPointF(0, 0)), toScene(QPointF(width(), height())));
}

QPointF LineageCanvas::toScene(QPointF itemPoint) const
{
    return (itemPoint - m_offset) / m_zoom;
}

int LineageCanvas::lodLevel() const
{
    // The same thresholds as SceneGraphBuilder: nodes as blocks, framed nodes, labels, labels and details.
    if (SceneGraphBuilder::kDetailSize * m_zoom >= SceneGraphBuilder::kMinTextPixels + 1)
        return 3 + int(std::floor(std::log2(m_zoom))); // thick edges scale with the zoom
    if (SceneGraphBuilder::kLabelSize * m_zoom >= SceneGraphBuilder::kMinTextPixels)
        return 2;
    return 40 * m_zoom >= 6 ? 1 : 0;
}

void LineageCanvas::viewMoved()
{
    Q_EMIT viewChanged();
    update();
}

void LineageCanvas::fitToView()
{
    fit(false);
}

void LineageCanvas::fit(bool preferReadable)
{
    if (!m_scene || m_scene->bounds.isEmpty() || width() <= 0 || height() <= 0) {
        m_fitPending = true;
        return;
    }
    m_fitPending = false;
    const QRectF b = m_scene->bounds.adjusted(-30, -30, 30, 30);
    // A minimap (autoFit) shows the whole graph however small: the user's zoom floor made a tall graph
    // overflow its minimap.
    m_zoom = std::clamp(std::min(width() / b.width(), height() / b.height()), m_autoFit ? 1e-4 : kMinZoom, 1.2);
    if (preferReadable) {
        // A new neighbourhood a little too big to fit with readable labels (a 1024 px window) opens with
        // its labels and a sliver cut at the sides, not as blank boxes; Fit (0) still shows all of it.
        const qreal readable = SceneGraphBuilder::kMinTextPixels / SceneGraphBuilder::kLabelSize * 1.01;
        if (m_zoom < readable && b.width() * readable <= width() * kReadableFitOverflow
            && b.height() * readable <= height() * kReadableFitOverflow)
            m_zoom = readable;
    }
    m_offset = QPointF(width() / 2, height() / 2) - b.center() * m_zoom;
    viewMoved();
}

void LineageCanvas::zoomAt(qreal factor, qreal x, qreal y)
{
    const qreal zoom = std::clamp(m_zoom * factor, kMinZoom, kMaxZoom);
    const QPointF anchor(x, y);
    const QPointF scenePoint = toScene(anchor);
    m_zoom = zoom;
    m_offset = anchor - scenePoint * m_zoom;
    viewMoved();
}

void LineageCanvas::panBy(qreal dx, qreal dy)
{
    m_offset += QPointF(dx, dy);
    viewMoved();
}

bool LineageCanvas::centerOn(const QString &id)
{
    if (!m_scene)
        return false;
    const int i = m_scene->indexOf(id);
    if (i < 0)
        return false;
    m_zoom = std::max(m_zoom, 0.9);
    m_offset = QPointF(width() / 2, height() / 2) - m_scene->nodes[size_t(i)].rect.center() * m_zoom;
    m_fitPending = false;
    viewMoved();
    return true;
}

void LineageCanvas::centerOnScenePoint(qreal x, qreal y)
{
    m_offset = QPointF(width() / 2, height() / 2) - QPointF(x, y) * m_zoom;
    viewMoved();
}

QString LineageCanvas::nodeAt(qreal x, qreal y) const
{
    if (!m_scene)
        return {};
    const int i = m_scene->nodeAt(toScene(QPointF(x, y)));
    return i >= 0 ? m_scene->nodes[size_t(i)].id : QString();
}

void LineageCanvas::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (m_fitPending || m_autoFit)
        fit(!m_autoFit);
    update();
}

QSGNode *LineageCanvas::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    auto *transform = static_cast<QSGTransformNode *>(old);
    if (!m_scene || !window()) {
        delete transform;
        m_builtLod = -1;
        return nullptr;
    }
    if (!transform)
        transform = new QSGTransformNode;

    if (!m_atlas) {
        m_atlas = std::make_unique<GlyphAtlas>(m_scene->colours.text);
        for (const LineageScene::Node &n : m_scene->nodes) {
            m_atlas->ensure(n.label);
            m_atlas->ensure(n.detail);
        }
        for (const LineageScene::Group &g : m_scene->groups)
            m_atlas->ensure(g.label);
    }
    const bool newTexture = !m_texture || m_textureGeneration != m_atlas->generation();

    QMatrix4x4 matrix;
    matrix.translate(float(m_offset.x()), float(m_offset.y()));
    matrix.scale(float(m_zoom));
    transform->setMatrix(matrix);

    if (showsOverviewImage()) {
        // Far out: one textured quad for the whole scene (opaque: no blending), kept while panning and
        // zooming; the geometry is dropped and built again when the zoom leaves the image's range.
        if (m_builtLod != kImageLod || m_overviewShown != m_overviewGeneration) {
            while (QSGNode *child = transform->firstChild()) {
                transform->removeChildNode(child);
                delete child;
            }
            if (m_overviewTexturesGeneration != m_overviewGeneration) {
                dropOverviewTextures(false);
                for (const OverviewImage::Tile &tile : m_overview.tiles)
                    m_overviewTextures.push_back(window()->createTextureFromImage(
                        tile.image, QQuickWindow::CreateTextureOptions(QQuickWindow::TextureHasMipmaps)));
                m_overviewTexturesGeneration = m_overviewGeneration;
            }
            for (size_t i = 0; i < m_overview.tiles.size(); ++i) {
                const OverviewImage::Tile &tile = m_overview.tiles[i];
                QSGImageNode *image = window()->createImageNode();
                image->setTexture(m_overviewTextures[i]);
                image->setOwnsTexture(false);
                image->setFiltering(QSGTexture::Linear);
                image->setMipmapFiltering(QSGTexture::Linear);
                image->setRect(tile.area);
                transform->appendChildNode(image);
            }
            m_builtLod = kImageLod;
            m_overviewShown = m_overviewGeneration;
            ++m_rebuilds;
        }
        return transform;
    }

    const QRectF visible = visibleArea();
    const int lod = lodLevel();
    if (m_sceneDirty || newTexture || lod != m_builtLod || !m_builtArea.contains(visible)) {
        while (QSGNode *child = transform->firstChild()) {
            transform->removeChildNode(child);
            delete child;
        }
        if (m_overviewTexturesGeneration != 0 && m_overviewTexturesGeneration != m_overviewGeneration)
            dropOverviewTextures(false); // the scene changed: its image is out of date
        if (newTexture) {
            delete m_texture;
            m_texture = window()->createTextureFromImage(
                m_atlas->image(), QQuickWindow::CreateTextureOptions(QQuickWindow::TextureHasMipmaps) |
                                      QQuickWindow::TextureHasAlphaChannel);
            m_textureGeneration = m_atlas->generation();
        }
        // Build a margin of a viewport on every side, so panning and zooming out a little rebuild nothing.
        m_builtArea = visible.adjusted(-visible.width(), -visible.height(), visible.width(), visible.height());
        m_builtLod = lod;
        m_sceneDirty = false;
        ++m_rebuilds;
        SceneGraphBuilder::Request request{m_builtArea, m_zoom, m_atlas.get(), m_texture, m_mergeFarEdges};
        transform->appendChildNode(SceneGraphBuilder::build(*m_scene, request));
    }
    return transform;
}

void LineageCanvas::releaseResources()
{
    if (m_texture) {
        m_texture->deleteLater();
        m_texture = nullptr;
    }
    dropOverviewTextures(true);
    m_builtLod = -1;
}

void LineageCanvas::mousePressEvent(QMouseEvent *event)
{
    forceActiveFocus(Qt::MouseFocusReason);
    m_pressPos = m_lastPos = event->position();
    m_dragging = false;
    event->accept();
}

void LineageCanvas::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF p = event->position();
    if (!m_dragging && (p - m_pressPos).manhattanLength() > kDragThreshold)
        m_dragging = true;
    if (m_dragging) {
        panBy(p.x() - m_lastPos.x(), p.y() - m_lastPos.y());
        m_lastPos = p;
    }
}

void LineageCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging)
        Q_EMIT nodeClicked(nodeAt(event->position().x(), event->position().y()));
    m_dragging = false;
}

void LineageCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QString id = nodeAt(event->position().x(), event->position().y());
    if (!id.isEmpty())
        Q_EMIT nodeDoubleClicked(id);
}

void LineageCanvas::wheelEvent(QWheelEvent *event)
{
    if (m_autoFit) {
        event->ignore();
        return;
    }
    const qreal steps = event->angleDelta().y() / 120.0;
    zoomAt(std::pow(1.2, steps), event->position().x(), event->position().y());
    event->accept();
}

void LineageCanvas::keyPressEvent(QKeyEvent *event)
{
    const qreal step = 60;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomAt(1.25, width() / 2, height() / 2);
        break;
    case Qt::Key_Minus:
        zoomAt(0.8, width() / 2, height() / 2);
        break;
    case Qt::Key_0:
        fitToView();
        break;
    case Qt::Key_Left:
        panBy(step, 0);
        break;
    case Qt::Key_Right:
        panBy(-step, 0);
        break;
    case Qt::Key_Up:
        panBy(0, step);
        break;
    case Qt::Key_Down:
        panBy(0, -step);
        break;
    default:
        QQuickItem::keyPressEvent(event);
        return;
    }
    event->accept();
}
