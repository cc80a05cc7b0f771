#pragma once

#include "glyphatlas.h"
#include "lineagecontroller.h"
#include "lineagescene.h"
#include "overviewimage.h"

#include <QElapsedTimer>
#include <QQuickItem>

#include <memory>

class QSGTexture;

/// @brief The lineage graph as one custom item: a transform node over a few batched geometry nodes.
///
/// Pan and zoom only change the transform's matrix; geometry is rebuilt when the scene changes, when the
/// viewport leaves the area built last time (culling keeps a margin around the viewport), or when the zoom
/// crosses a level of detail. Far out, a big scene is one pre-rendered image (OverviewImage, painted on a
/// worker thread) instead of geometry, until the zoom passes the image's own resolution. Picking runs in C++ over the scene's rectangles. Mouse: drag pans, wheel
/// zooms at the cursor, click selects, double-click opens. Keys: + and - zoom, arrows pan, 0 fits.
class LineageCanvas : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(LineageController *controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(qreal zoom READ zoom NOTIFY viewChanged)
    /// The part of the scene in view, in scene units (for the minimap).
    Q_PROPERTY(QRectF visibleArea READ visibleArea NOTIFY viewChanged)
    Q_PROPERTY(QRectF sceneBounds READ sceneBounds NOTIFY sceneChanged)
    /// Frames drawn, for tests and the benchmark.
    Q_PROPERTY(int rebuilds READ rebuilds NOTIFY viewChanged)
    /// Keep the whole scene fitted (a minimap); pan and zoom by the user are off then.
    Q_PROPERTY(bool autoFit READ autoFit WRITE setAutoFit NOTIFY viewChanged)

public:
    explicit LineageCanvas(QQuickItem *parent = nullptr);
    ~LineageCanvas() override;

    LineageController *controller() const { return m_controller; }
    void setController(LineageController *controller);
    /// Shows `scene` directly (the controller does this; the benchmark too).
    void setScene(LineageScenePtr scene);
    const LineageScene *scene() const { return m_scene.get(); }

    qreal zoom() const { return m_zoom; }
    QRectF visibleArea() const;
    QRectF sceneBounds() const { return m_scene ? m_scene->bounds : QRectF(); }
    int rebuilds() const { return m_rebuilds; }
    bool autoFit() const { return m_autoFit; }
    /// Far-out edges merged per grid segment (the default); off only for the benchmark's comparison.
    void setMergeFarEdges(bool on);
    /// The pre-rendered overview image of big scenes (the default); off only for the benchmark's comparison.
    void setOverviewImageEnabled(bool on);
    /// True once the overview image of the current scene is painted (false for small scenes).
    bool overviewImageReady() const { return !m_overview.isNull(); }
    /// Zoom up to which the overview image is shown (0 without one).
    qreal overviewImageScale() const { return m_overview.scale; }
    void setAutoFit(bool on);

    /// Scene rectangle in item coordinates, and an item point in scene units (minimap).
    Q_INVOKABLE QRectF sceneToItem(const QRectF &sceneRect) const;
    Q_INVOKABLE QPointF itemToScene(qreal x, qreal y) const { return toScene(QPointF(x, y)); }

    /// Scales and centres the whole scene into the item.
    Q_INVOKABLE void fitToView();
    /// Multiplies the zoom by `factor`, keeping the item point (x, y) fixed.
    Q_INVOKABLE void zoomAt(qreal factor, qreal x, qreal y);
    Q_INVOKABLE void panBy(qreal dx, qreal dy);
    /// Centres the node `id`, zooming in until its label is readable.
    Q_INVOKABLE bool centerOn(const QString &id);
    /// Centres the scene point (x, y) at the current zoom (minimap clicks).
    Q_INVOKABLE void centerOnScenePoint(qreal x, qreal y);
    /// Id of the node under the item point (x, y), empty for none.
    Q_INVOKABLE QString nodeAt(qreal x, qreal y) const;

Q_SIGNALS:
    void controllerChanged();
    void sceneChanged();
    void viewChanged();
    void nodeClicked(const QString &id);
    void nodeDoubleClicked(const QString &id);
    /// The overview image of the current scene is painted.
    void overviewImageChanged();

protected:
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *) override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void releaseResources() override;

private:
    /// Fits the scene to the view; `preferReadable` (a new neighbourhood shown on its own) may zoom in a
    /// little past the fit so that labels stay readable.
    void fit(bool preferReadable);
    void onControllerScene();
    void viewMoved();
    QPointF toScene(QPointF itemPoint) const;
    int lodLevel() const;
    void startOverviewImage();
    void dropOverviewTextures(bool later);
    bool showsOverviewImage() const;

    LineageController *m_controller = nullptr;
    LineageScenePtr m_scene;
    bool m_sceneDirty = true;
    qreal m_zoom = 1;
    QPointF m_offset; ///< item position of the scene origin
    bool m_fitPending = true;
    bool m_autoFit = false;
    bool m_mergeFarEdges = true;
    bool m_overviewEnabled = true;
    OverviewImage m_overview;          ///< of the current scene, once painted
    quint64 m_overviewGeneration = 0; ///< bumped per scene: results of older jobs are dropped
    quint64 m_overviewShown = 0;      ///< generation the image node shows
    /// The overview image uploaded, one texture per tile; kept while the geometry is shown so that crossing
    /// the image's zoom back and forth uploads nothing (24 MB with mipmaps: a frame of 100+ ms on llvmpipe).
    std::vector<QSGTexture *> m_overviewTextures;
    quint64 m_overviewTexturesGeneration = 0;

    QRectF m_builtArea; ///< scene area the current geometry covers
    int m_builtLod = -1;
    int m_rebuilds = 0;

    std::unique_ptr<GlyphAtlas> m_atlas;
    QSGTexture *m_texture = nullptr;
    quint64 m_textureGeneration = 0;

    QPointF m_pressPos;
    QPointF m_lastPos;
    bool m_dragging = false;
};
