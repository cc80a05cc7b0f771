#include "domainproductsmodel.h"

using namespace meshscope::domainmap;

DomainProductsModel::DomainProductsModel(QObject *parent) : QAbstractTableModel(parent) {}

void DomainProductsModel::setDomain(std::shared_ptr<const DomainMap> map, int domain)
{
    beginResetModel();
    m_map = std::move(map);
    m_rows.clear();
    if (m_map && domain >= 0 && domain < int(m_map->domains.size())) {
        std::vector<int> stack{domain};
        while (!stack.empty()) {
            const MapDomain &d = m_map->domains[size_t(stack.back())];
            stack.pop_back();
            m_rows.insert(m_rows.end(), d.products.begin(), d.products.end());
            stack.insert(stack.end(), d.children.begin(), d.children.end());
        }
    }
    applySort();
    endResetModel();
}

int DomainProductsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DomainProductsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DomainProductsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MapProduct &p = m_map->products[size_t(m_rows[size_t(index.row())])];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return p.name;
        case OwnerColumn: return p.owner;
        case HealthColumn: return healthName(p.health.health);
        case ConsumersColumn: return p.consumers;
        }
        return {};
    case Qt::ToolTipRole:
        return m_map->healthAssessed ? p.id + QStringLiteral(" — ") + p.health.summary() : p.id;
    case ProductIdRole: return p.id;
    case NameRole: return p.name;
    case OwnerRole: return p.owner;
    case HealthRole: return healthName(p.health.health);
    case HealthScoreRole: return p.health.score;
    case ConsumersRole: return p.consumers;
    case DomainNameRole: return m_map->domains[size_t(p.domain)].name;
    case HealthLabelRole: return healthLabel(p.health.health);
    }
    return {};
}

QVariant DomainProductsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const names[] = {QT_TR_NOOP("Name"), QT_TR_NOOP("Owner"), QT_TR_NOOP("Health"),
                                        QT_TR_NOOP("Consumers")};
    return tr(names[section]);
}

QHash<int, QByteArray> DomainProductsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{ProductIdRole, "productId"}, {NameRole, "name"}, {OwnerRole, "owner"}, {HealthRole, "health"},
                  {HealthScoreRole, "healthScore"}, {ConsumersRole, "consumers"}, {DomainNameRole, "domainName"},
                  {HealthLabelRole, "healthLabel"}});
    return names;
}

void DomainProductsModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> oldRows;
    for (const QModelIndex &i : before)
        oldRows.push_back(m_rows[size_t(i.row())]);
    m_sortColumn = column;
    m_sortOrder = order;
    applySort();
    // Persistent indexes follow their product to its new row.
    QModelIndexList after;
    for (size_t k = 0; k < oldRows.size(); ++k) {
        const auto it = std::find(m_rows.begin(), m_rows.end(), oldRows[k]);
        after << index(int(it - m_rows.begin()), before[qsizetype(k)].column());
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    Q_EMIT sortChanged();
}

void DomainProductsModel::sortBy(int column)
{
    const Qt::SortOrder order = column == m_sortColumn && m_sortOrder == Qt::AscendingOrder ? Qt::DescendingOrder
                                                                                             : Qt::AscendingOrder;
    sort(column, order);
}

QString DomainProductsModel::productIdAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_map->products[size_t(m_rows[size_t(row)])].id : QString();
}

void DomainProductsModel::applySort()
{
    if (!m_map)
        return;
    const auto &products = m_map->products;
    const int column = m_sortColumn;
    auto key = [&](int a, int b) -> int { // <0 when a sorts before b ascending
        const MapProduct &x = products[size_t(a)];
        const MapProduct &y = products[size_t(b)];
        switch (column) {
        case OwnerColumn:
            // Products without an owner go last when ascending: they are what needs attention.
            if (x.owner.isEmpty() != y.owner.isEmpty())
                return x.owner.isEmpty() ? 1 : -1;
            return x.owner.compare(y.owner, Qt::CaseInsensitive);
        case HealthColumn:
            return x.health.score < y.health.score ? -1 : x.health.score > y.health.score ? 1 : 0;
        case ConsumersColumn:
            return x.consumers - y.consumers;
        default:
            return 0;
        }
    };
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](int a, int b) {
        int c = key(a, b);
        if (descending)
            c = -c;
        if (c != 0)
            return c < 0;
        // Ties (and the name column) by name, always A to Z within equal keys unless sorting by name.
        const int byName = products[size_t(a)].name.compare(products[size_t(b)].name, Qt::CaseInsensitive);
        if (byName != 0)
            return column == NameColumn && descending ? byName > 0 : byName < 0;
        return a < b;
    });
}
