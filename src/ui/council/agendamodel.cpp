#include "agendamodel.h"

using namespace meshscope::council;

int AgendaModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_meeting ? 0 : int(m_keys.size());
}

QVariant AgendaModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_meeting)
        return {};
    const AgendaItem &item = m_meeting->agenda.at(size_t(index.row()));
    const Decision *decision = m_meeting->decisionFor(item.key);
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return item.title;
    case KeyRole: return item.key;
    case KindRole: return kindId(item.kind);
    case KindLabelRole: return kindLabel(item.kind);
    case SubjectRole: return item.subjectId;
    case ReasonRole: return item.reason;
    case DomainRole: return item.domainId;
    case EvidenceRole: return item.evidence;
    case MinutesRole: return item.minutes;
    case DecisionRole: return decision ? outcomeId(decision->outcome) : QString();
    case DecisionNoteRole: return decision ? decision->note : QString();
    }
    return {};
}

QHash<int, QByteArray> AgendaModel::roleNames() const
{
    return {{KeyRole, "key"},         {KindRole, "kind"},       {KindLabelRole, "kindLabel"},
            {SubjectRole, "subject"}, {TitleRole, "title"},     {ReasonRole, "reason"},
            {DomainRole, "domain"},   {EvidenceRole, "evidence"}, {MinutesRole, "minutes"},
            {DecisionRole, "decision"}, {DecisionNoteRole, "decisionNote"}};
}

namespace {
QStringList keysOf(const Meeting *meeting)
{
    QStringList keys;
    if (meeting) {
        for (const AgendaItem &item : meeting->agenda)
            keys << item.key;
    }
    return keys;
}
} // namespace

void AgendaModel::setMeeting(Meeting *meeting)
{
    const QStringList keys = keysOf(meeting);
    const int before = int(m_keys.size());
    if (meeting && meeting == m_meeting && before > 0 && keys.mid(0, before) == m_keys) {
        if (keys.size() > before) {
            beginInsertRows({}, before, int(keys.size()) - 1);
            m_keys = keys;
            endInsertRows();
        }
        Q_EMIT dataChanged(index(0), index(before - 1));
    } else {
        beginResetModel();
        m_meeting = meeting;
        m_keys = keys;
        endResetModel();
    }
    Q_EMIT countChanged();
    Q_EMIT totalMinutesChanged();
}

bool AgendaModel::moveItem(int from, int to)
{
    const int n = rowCount();
    if (!m_meeting || from < 0 || to < 0 || from >= n || to >= n || from == to)
        return false;
    // beginMoveRows wants the destination as "insert before" in the old numbering.
    if (!beginMoveRows({}, from, from, {}, to > from ? to + 1 : to))
        return false;
    auto &agenda = m_meeting->agenda;
    AgendaItem item = std::move(agenda[size_t(from)]);
    agenda.erase(agenda.begin() + from);
    agenda.insert(agenda.begin() + to, std::move(item));
    m_keys.move(from, to);
    endMoveRows();
    return true;
}

bool AgendaModel::setMinutes(int row, int minutes)
{
    if (!m_meeting || row < 0 || row >= rowCount() || minutes < 1 || minutes > 240)
        return false;
    m_meeting->agenda[size_t(row)].minutes = minutes;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, {MinutesRole});
    Q_EMIT totalMinutesChanged();
    return true;
}

void AgendaModel::decisionChanged(int row)
{
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, {DecisionRole, DecisionNoteRole});
}

int AgendaModel::totalMinutes() const
{
    int total = 0;
    if (m_meeting) {
        for (const AgendaItem &item : m_meeting->agenda)
            total += item.minutes;
    }
    return total;
}
