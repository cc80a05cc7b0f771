#include "exportpreviewitem.h"

#include <QPainter>

ExportPreviewItem::ExportPreviewItem(QQuickItem *parent) : QQuickPaintedItem(parent) {}

void ExportPreviewItem::setController(ExportController *controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller)
        connect(m_controller, &ExportController::preparedChanged, this, [this] { update(); });
    update();
    Q_EMIT controllerChanged();
}

void ExportPreviewItem::setFrameColor(const QColor &colour)
{
    if (colour == m_frame)
        return;
    m_frame = colour;
    update();
    Q_EMIT frameColorChanged();
}

void ExportPreviewItem::paint(QPainter *painter)
{
    if (!m_controller || !m_controller->hasPreview())
        return;
    const QImage image = m_controller->preview();
    const QSizeF fitted = QSizeF(image.size()).scaled(size() - QSizeF(2, 2), Qt::KeepAspectRatio);
    // Never enlarge a small picture beyond its pixels: it would only blur.
    const QSizeF shown = fitted.width() > image.width() ? QSizeF(image.size()) : fitted;
    const QRectF target(QPointF((width() - shown.width()) / 2, (height() - shown.height()) / 2), shown);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    painter->drawImage(target, image);
    painter->setPen(m_frame);
    painter->drawRect(target.adjusted(-0.5, -0.5, 0.5, 0.5));
}
