#include "contracts/linediffmodel.h"

using namespace meshscope::diff;

LineDiffModel::LineDiffModel(QObject *parent) : QAbstractListModel(parent) {}

int LineDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_diff ? 0 : int(m_diff->rows.size());
}

static QVariantList flatSpans(const QList<TextSpan> &spans)
{
    QVariantList out;
    out.reserve(spans.size() * 2);
    for (const TextSpan &s : spans)
        out << s.start << s.length;
    return out;
}

QVariant LineDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DiffRow &row = m_diff->rows[size_t(index.row())];
    switch (role) {
    case KindRole:
        switch (row.kind) {
        case DiffRow::Kind::Same: return QStringLiteral("same");
        case DiffRow::Kind::Changed: return QStringLiteral("changed");
        case DiffRow::Kind::Removed: return QStringLiteral("removed");
        case DiffRow::Kind::Added: return QStringLiteral("added");
        }
        return {};
    case OldNumberRole: return row.oldLine + 1;
    case NewNumberRole: return row.newLine + 1;
    case Qt::DisplayRole:
    case OldTextRole: return row.oldLine >= 0 ? m_diff->oldLines.at(row.oldLine) : QString();
    case NewTextRole: return row.newLine >= 0 ? m_diff->newLines.at(row.newLine) : QString();
    case OldSpansRole: return flatSpans(row.oldSpans);
    case NewSpansRole: return flatSpans(row.newSpans);
    case BlockRole: return row.block;
    default: return {};
    }
}

QHash<int, QByteArray> LineDiffModel::roleNames() const
{
    return {{KindRole, "kind"},         {OldNumberRole, "oldNumber"}, {NewNumberRole, "newNumber"},
            {OldTextRole, "oldText"},   {NewTextRole, "newText"},     {OldSpansRole, "oldSpans"},
            {NewSpansRole, "newSpans"}, {BlockRole, "block"}};
}

void LineDiffModel::setDiff(std::shared_ptr<const LineDiff> diff)
{
    beginResetModel();
    m_diff = std::move(diff);
    endResetModel();
}

int LineDiffModel::blockAfter(int row, bool forward) const
{
    if (!m_diff)
        return -1;
    const std::vector<int> &starts = m_diff->blockStarts;
    if (forward) {
        for (int start : starts) {
            if (start > row)
                return start;
        }
        return -1;
    }
    for (auto it = starts.rbegin(); it != starts.rend(); ++it) {
        if (*it < row)
            return *it;
    }
    return -1;
}
