#include "contracts/changelistmodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace meshscope::diff;

ChangeListModel::ChangeListModel(QObject *parent) : QAbstractListModel(parent) {}

int ChangeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QString ChangeListModel::valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: return {};
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(value.toDouble());
    case QJsonValue::String: return value.toString();
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QString ChangeListModel::linesText(const LineRange &range)
{
    if (!range.isValid())
        return {};
    if (range.first == range.last)
        return QString::number(range.first + 1);
    return QStringLiteral("%1–%2").arg(range.first + 1).arg(range.last + 1);
}

QVariant ChangeListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_diff)
        return {};
    const Item &item = m_items[size_t(index.row())];
    const ContractChange &c = m_diff->report.diff.changes[size_t(item.change)];
    const ChangeLocation &at = m_diff->locations[size_t(item.change)];
    switch (role) {
    case Qt::DisplayRole:
    case PathRole: return c.path;
    case SeverityRole: return severityName(c.severity);
    case SectionRole: {
        const int n = m_counts[int(c.severity)];
        switch (c.severity) {
        case Severity::Breaking: return tr("Breaking (%1)").arg(n);
        case Severity::NonBreaking: return tr("Non-breaking (%1)").arg(n);
        case Severity::Info: return tr("Info (%1)").arg(n);
        }
        return {};
    }
    case KindRole: return changeKindName(c.kind);
    case RuleRole: return c.ruleId();
    case DescriptionRole: return QString::fromUtf8(ruleFor(c.rule).description);
    case OldTextRole: return valueText(c.oldValue);
    case NewTextRole: return valueText(c.newValue);
    case DetailRole: return c.detail;
    case ImpactRole: return m_impact[size_t(index.row())];
    case OldLinesRole: return at.oldLines.exact ? linesText(at.oldLines) : QString();
    case NewLinesRole: return at.newLines.exact ? linesText(at.newLines) : QString();
    case DiffRowRole: return item.diffRow;
    default: return {};
    }
}

QHash<int, QByteArray> ChangeListModel::roleNames() const
{
    return {{SeverityRole, "severity"},   {SectionRole, "section"},   {KindRole, "kind"},
            {PathRole, "path"},           {RuleRole, "rule"},         {DescriptionRole, "description"},
            {OldTextRole, "oldText"},     {NewTextRole, "newText"},   {DetailRole, "detail"},
            {ImpactRole, "impact"},       {OldLinesRole, "oldLines"}, {NewLinesRole, "newLines"},
            {DiffRowRole, "diffRow"}};
}

void ChangeListModel::setDiff(std::shared_ptr<const VersionDiff> diff)
{
    beginResetModel();
    m_diff = std::move(diff);
    m_items.clear();
    m_impact.clear();
    m_counts[0] = m_counts[1] = m_counts[2] = 0;
    if (m_diff) {
        const auto &changes = m_diff->report.diff.changes;
        for (Severity s : {Severity::Breaking, Severity::NonBreaking, Severity::Info}) {
            for (size_t i = 0; i < changes.size(); ++i) {
                if (changes[i].severity != s || !changes[i].countsForVersion())
                    continue;
                const ChangeLocation &at = m_diff->locations[i];
                // Jump to the old side's lines when the change exists there, else the new side's.
                const int row = at.oldLines.exact || !at.newLines.isValid()
                                    ? m_diff->lines.rowFor(at.oldLines.first, at.newLines.first)
                                    : m_diff->lines.rowFor(-1, at.newLines.first);
                m_items.push_back({int(i), row});
                ++m_counts[int(s)];
                QString impact;
                for (const ChangeImpact &ci : m_diff->report.impact) {
                    // "breaks no known products" once in the header is enough; here only real consumers.
                    if (ci.path == changes[i].path && ci.rule == changes[i].ruleId()
                        && (!ci.impact.products.empty() || !ci.impact.datasets.empty()))
                        impact = summarizeImpact({ci}).text;
                }
                m_impact.push_back(impact);
            }
        }
    }
    endResetModel();
}

const ChangeLocation *ChangeListModel::locationAt(int row) const
{
    if (!m_diff || row < 0 || size_t(row) >= m_items.size())
        return nullptr;
    return &m_diff->locations[size_t(m_items[size_t(row)].change)];
}

int ChangeListModel::diffRowAt(int row) const
{
    return row < 0 || size_t(row) >= m_items.size() ? -1 : m_items[size_t(row)].diffRow;
}
