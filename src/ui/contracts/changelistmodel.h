#pragma once

#include "contracts/versiondiff.h"

#include <QAbstractListModel>
#include <QQmlEngine>

/// @brief The semantic changes of one diff, grouped by severity (breaking first), each with its old
/// and new value, the consumers it breaks and where it sits in both YAML texts.
class ChangeListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by ContractDiffController")

public:
    enum Roles {
        SeverityRole = Qt::UserRole + 1, ///< "breaking", "non-breaking", "info" (the section)
        SectionRole,                     ///< "Breaking (3)": the group heading
        KindRole,                        ///< "added", "removed", "changed", "renamed"
        PathRole,                        ///< schema.orders.properties.customer_id.logicalType
        RuleRole,                        ///< rule id, e.g. "logical-type-changed"
        DescriptionRole,                 ///< the rule's sentence
        OldTextRole,                     ///< old value as text ("" when added)
        NewTextRole,                     ///< new value as text ("" when removed)
        DetailRole,                      ///< what exactly moved, when the values do not say
        ImpactRole,                      ///< "breaks 3 products in 2 domains: ..." (breaking changes)
        OldLinesRole,                    ///< "60" or "147–152" (1-based), "" when not found
        NewLinesRole,
        DiffRowRole,                     ///< the line diff row showing the change
    };
    Q_ENUM(Roles)

    /// One shown change: an index into the diff's changes, in display order.
    struct Item {
        int change = 0;
        int diffRow = -1;
    };

    explicit ChangeListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Takes the changes that count (the version field itself is shown in the summary), breaking first.
    void setDiff(std::shared_ptr<const meshscope::diff::VersionDiff> diff);
    const meshscope::diff::ChangeLocation *locationAt(int row) const;
    int diffRowAt(int row) const;

    /// A JSON value for people: strings as they are, lists and objects compact, null as "".
    static QString valueText(const QJsonValue &value);
    /// "60" or "147–152", 1-based; "" when invalid.
    static QString linesText(const meshscope::diff::LineRange &range);

private:
    std::shared_ptr<const meshscope::diff::VersionDiff> m_diff;
    std::vector<Item> m_items;
    std::vector<QString> m_impact; ///< per item
    int m_counts[3] = {0, 0, 0};   ///< by Severity
};
