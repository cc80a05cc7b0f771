#pragma once

#include "domainmap/treemap.h"
#include "domains/domainmapcontroller.h"
#include "domains/maplabelsmodel.h"
#include "domains/mapgeometry.h"

#include <QPointer>
#include <QQuickItem>
#include <QTimer>

#include <memory>


/// @brief The domain map: type columns, domain regions, product tiles coloured by health and the
/// cross-domain dependency edges, drawn as a few batched scene-graph geometry nodes under one
/// transform (pan and zoom move a matrix; geometry is rebuilt only when data, focus, hover or zoom
/// change). Level of detail: sub-pixel tiles become health stripes; labels appear as they fit.
/// Mouse drag, wheel, trackpad and keys (arrows, +, -, 0) zoom and pan; picking is done here.
class DomainMapItem : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(DomainMapController *controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY darkChanged)
    Q_PROPERTY(qreal zoom READ zoom NOTIFY viewChanged)
    Q_PROPERTY(qreal panX READ panX NOTIFY viewChanged)
    Q_PROPERTY(qreal panY READ panY NOTIFY viewChanged)
    /// Tooltip text for what is under the mouse ("" when nothing), and where the mouse is.
    Q_PROPERTY(QString hoverText READ hoverText NOTIFY hoverChanged)
    Q_PROPERTY(QPointF hoverPos READ hoverPos NOTIFY hoverChanged)
    Q_PROPERTY(MapLabelsModel *labels READ labels CONSTANT)
    /// Vertices in the last built geometry and how many domains were drawn tile by tile (for tests).
    Q_PROPERTY(int vertexCount READ vertexCount NOTIFY geometryBuilt)
    Q_PROPERTY(int detailedDomains READ detailedDomains NOTIFY geometryBuilt)

public:
    explicit DomainMapItem(QQuickItem *parent = nullptr);
    ~DomainMapItem() override;

    DomainMapController *controller() const { return m_controller; }
    void setController(DomainMapController *controller);
    bool dark() const { return m_dark; }
    void setDark(bool dark);
    qreal zoom() const { return m_zoom; }
    qreal panX() const { return m_pan.x(); }
    qreal panY() const { return m_pan.y(); }
    QString hoverText() const { return m_hoverText; }
    QPointF hoverPos() const { return m_hoverPos; }
    MapLabelsModel *labels() const { return m_labels; }
    int vertexCount() const { return m_vertexCount; }
    int detailedDomains() const { return m_detailedDomains; }

    /// Zooms by `factor` keeping the point `at` (item coordinates) still; the centre when omitted.
    Q_INVOKABLE void zoomBy(qreal factor, QPointF at = QPointF(-1, -1));
    Q_INVOKABLE void panBy(qreal dx, qreal dy);
    /// Shows the whole map.
    Q_INVOKABLE void fit();
    /// Shows domain `id` filling the view.
    Q_INVOKABLE void zoomToDomain(const QString &id);
    /// What is at `pos`: {kind: "product"|"domain"|"edge"|"", id, domainId}.
    Q_INVOKABLE QVariantMap itemAt(QPointF pos) const;
    /// Legend colours: health "healthy", "at-risk", "unhealthy", "unknown"; domain type names.
    Q_INVOKABLE QColor healthColor(const QString &health) const;
    Q_INVOKABLE QColor typeColor(const QString &typeName) const;

Q_SIGNALS:
    void controllerChanged();
    void darkChanged();
    void viewChanged();
    void hoverChanged();
    void geometryBuilt();
    /// A click on a domain region (or on a product outside the focused domain).
    void domainClicked(const QString &id);
    /// A click on a product tile of the focused domain, or a double click on any product.
    void productClicked(const QString &id);
    /// A click on empty space, or Escape.
    void cleared();

protected:
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *) override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void hoverMoveEvent(QHoverEvent *event) override;
    void hoverLeaveEvent(QHoverEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    void onMapChanged();
    void onHealthChanged();
    void onFocusChanged();
    void relayout();
    void setView(qreal zoom, QPointF pan);
    void clampView();
    void updateHover(const QPointF &pos);
    int edgeAt(const QPointF &pos) const;
    void rebuildLabels();
    QPointF toWorld(const QPointF &p) const { return (p - m_pan) / m_zoom; }
    /// A map and a layout made for it (a hidden item has a map but no size, so no layout yet).
    bool ready() const
    {
        return m_map && m_layout.domainRects.size() == m_map->domains.size()
            && m_layout.productRects.size() == m_map->products.size() && m_curves.size() == m_map->domainEdges.size();
    }

    QPointer<DomainMapController> m_controller;
    std::shared_ptr<const meshscope::domainmap::DomainMap> m_map;
    meshscope::domainmap::TreemapLayout m_layout;
    std::vector<std::vector<QPointF>> m_curves;
    MapLabelsModel *m_labels;
    QTimer m_labelTimer;
    bool m_dark = false;
    qreal m_zoom = 1;
    QPointF m_pan;
    double m_builtZoom = -1;  ///< zoom the geometry was built for
    bool m_geometryDirty = true;
    int m_hoveredDomain = -1;
    int m_hoveredEdge = -1;
    QString m_hoverText;
    QPointF m_hoverPos;
    QPointF m_pressPos;
    QPointF m_lastDrag;
    bool m_dragging = false;
    bool m_pointerMoved = false;
    int m_vertexCount = 0;
    int m_detailedDomains = 0;
};
