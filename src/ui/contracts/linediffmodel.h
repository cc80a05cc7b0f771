#pragma once

#include "contracts/linediff.h"

#include <QAbstractListModel>
#include <QQmlEngine>

#include <memory>

/// @brief The side-by-side line diff of two YAML texts, one row per ListView delegate, so a
/// 5,000-line contract only ever creates the rows on screen.
class LineDiffModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by ContractDiffController")

public:
    enum Roles {
        KindRole = Qt::UserRole + 1, ///< "same", "changed", "removed", "added"
        OldNumberRole,               ///< 1-based old line number, 0 when the row has no old line
        NewNumberRole,
        OldTextRole,                 ///< the old line ("" when none)
        NewTextRole,
        OldSpansRole,                ///< changed characters in the old line: [start, length, start, length, ...]
        NewSpansRole,
        BlockRole,                   ///< change block index, -1 for unchanged rows
    };
    Q_ENUM(Roles)

    explicit LineDiffModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The first row of the change block after (or, with `forward` false, before) `row`; -1 when none.
    /// Next/previous block walks every textual change, also those no semantic change covers (comments).
    Q_INVOKABLE int blockAfter(int row, bool forward = true) const;

    /// Shows `diff` (shared with the controller's VersionDiff; may be null to clear).
    void setDiff(std::shared_ptr<const meshscope::diff::LineDiff> diff);
    const meshscope::diff::LineDiff *diff() const { return m_diff.get(); }

private:
    std::shared_ptr<const meshscope::diff::LineDiff> m_diff;
};
