#pragma once

#include "domainmap/domainmap.h"

#include <QAbstractTableModel>
#include <QQmlEngine>

#include <memory>

/// @brief The selected domain's products (its own and its sub-domains') for the side panel's table:
/// columns name, owner, health, consumers; sortable by any of them.
class DomainProductsModel : public QAbstractTableModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by DomainMapController")
    Q_PROPERTY(int sortColumn READ sortColumn NOTIFY sortChanged)
    Q_PROPERTY(Qt::SortOrder sortOrder READ sortOrder NOTIFY sortChanged)

public:
    enum Column { NameColumn, OwnerColumn, HealthColumn, ConsumersColumn, ColumnCount };
    Q_ENUM(Column)
    enum Roles {
        ProductIdRole = Qt::UserRole + 1, ///< the product's id, what opening its page needs
        NameRole,                         ///< display name
        OwnerRole,                        ///< owner or owning team; empty when none
        HealthRole,                       ///< "healthy", "at-risk", "unhealthy", "unknown"
        HealthScoreRole,                  ///< 0..1 for sorting; -1 no data
        ConsumersRole,                    ///< distinct consuming products (domainmap::isConsumption)
        DomainNameRole,                   ///< the (sub-)domain it belongs to
        HealthLabelRole,                  ///< "Healthy", "At risk", "Unhealthy", "No data"
    };
    Q_ENUM(Roles)

    explicit DomainProductsModel(QObject *parent = nullptr);

    /// Shows the products of `domain` and its sub-domains (-1: none), keeping the current sort.
    void setDomain(std::shared_ptr<const meshscope::domainmap::DomainMap> map, int domain);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// Sorts by `column`; the same column again reverses the order (a header click).
    Q_INVOKABLE void sortBy(int column);
    Q_INVOKABLE QString productIdAt(int row) const;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

Q_SIGNALS:
    void sortChanged();

private:
    void applySort();

    std::shared_ptr<const meshscope::domainmap::DomainMap> m_map;
    std::vector<int> m_rows; ///< product indices in display order
    int m_sortColumn = NameColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};
