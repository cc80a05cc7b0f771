#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QRectF>

/// @brief The labels the domain map shows at the current zoom (type columns, domains, products whose
/// tiles are big enough), in world coordinates; QML places them with the map's zoom and pan.
class MapLabelsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by DomainMapItem")

public:
    enum Kind { GroupLabel, DomainLabel, ProductLabel };
    Q_ENUM(Kind)
    enum Roles {
        TextRole = Qt::UserRole + 1, ///< what to print
        RectRole,                    ///< where (world coordinates, QRectF)
        KindRole,                    ///< Kind
        DimmedRole,                  ///< outside the focused domain
        OnDarkRole,                  ///< drawn on a dark fill: use light text
    };
    Q_ENUM(Roles)

    struct Label {
        QString text;
        QRectF rect;
        Kind kind = DomainLabel;
        bool dimmed = false;
        bool onDark = false;
        bool operator==(const Label &o) const
        {
            return text == o.text && rect == o.rect && kind == o.kind && dimmed == o.dimmed && onDark == o.onDark;
        }
    };

    using QAbstractListModel::QAbstractListModel;

    /// Replaces the labels; nothing happens when they are the same (panning inside one screen).
    void setLabels(std::vector<Label> labels);
    const std::vector<Label> &labels() const { return m_labels; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    std::vector<Label> m_labels;
};
