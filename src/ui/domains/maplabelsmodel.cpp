#include "maplabelsmodel.h"

void MapLabelsModel::setLabels(std::vector<Label> labels)
{
    if (labels == m_labels)
        return;
    beginResetModel();
    m_labels = std::move(labels);
    endResetModel();
}

int MapLabelsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_labels.size());
}

QVariant MapLabelsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Label &l = m_labels[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TextRole: return l.text;
    case RectRole: return l.rect;
    case KindRole: return int(l.kind);
    case DimmedRole: return l.dimmed;
    case OnDarkRole: return l.onDark;
    }
    return {};
}

QHash<int, QByteArray> MapLabelsModel::roleNames() const
{
    return {{TextRole, "label"}, {RectRole, "area"}, {KindRole, "kind"}, {DimmedRole, "dimmed"}, {OnDarkRole, "onDark"}};
}
