#pragma once

#include "exportcontroller.h"

#include <QPointer>
#include <QQuickPaintedItem>

/// @brief Shows an ExportController's preview picture scaled to fit, centred, with a thin frame: what
/// the preview dialog shows before saving. `ExportPreviewItem` in QML.
class ExportPreviewItem : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ExportController *controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(QColor frameColor READ frameColor WRITE setFrameColor NOTIFY frameColorChanged)

public:
    explicit ExportPreviewItem(QQuickItem *parent = nullptr);

    ExportController *controller() const { return m_controller; }
    void setController(ExportController *controller);
    QColor frameColor() const { return m_frame; }
    void setFrameColor(const QColor &colour);

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void controllerChanged();
    void frameColorChanged();

private:
    QPointer<ExportController> m_controller;
    QColor m_frame{0xb8, 0xc0, 0xcc};
};
