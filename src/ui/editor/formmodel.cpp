#include "editor/formmodel.h"

using meshscope::editor::FormRow;

namespace {

QString kindName(FormRow::Kind kind)
{
    switch (kind) {
    case FormRow::Kind::Section: return QStringLiteral("section");
    case FormRow::Kind::Group: return QStringLiteral("group");
    case FormRow::Kind::Text: return QStringLiteral("text");
    case FormRow::Kind::Multiline: return QStringLiteral("multiline");
    case FormRow::Kind::Choice: return QStringLiteral("choice");
    case FormRow::Kind::Flag: return QStringLiteral("flag");
    }
    return {};
}

/// Rows of the same shape keep their delegates. A heading's label is not part of the shape: it repeats a
/// value (a property's group is titled by its name), so renaming must not recreate the form while typing.
bool sameShape(const FormRow &a, const FormRow &b)
{
    return a.kind == b.kind && a.path == b.path && a.depth == b.depth && a.adds == b.adds
           && a.objectIndex == b.objectIndex;
}

} // namespace

FormModel::FormModel(QObject *parent) : QAbstractListModel(parent) {}

int FormModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant FormModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FormRow &r = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole: return r.label;
    case KindRole: return kindName(r.kind);
    case PathRole: return r.path.join(u'.');
    case ValueRole: return r.value;
    case OptionsRole: return r.options;
    case PresentRole: return r.present;
    case LineRole: return r.line;
    case DepthRole: return r.depth;
    case SectionRole: return r.section;
    case ProblemRole: return m_problems[size_t(index.row())].second;
    case ProblemSeverityRole: return m_problems[size_t(index.row())].first;
    case AddsRole: return r.adds;
    case ObjectIndexRole: return r.objectIndex;
    }
    return {};
}

QHash<int, QByteArray> FormModel::roleNames() const
{
    return {{KindRole, "kind"},     {LabelRole, "label"},     {PathRole, "path"},
            {ValueRole, "value"},   {OptionsRole, "options"}, {PresentRole, "present"},
            {LineRole, "line"},     {DepthRole, "depth"},     {SectionRole, "section"},
            {ProblemRole, "problem"}, {ProblemSeverityRole, "problemSeverity"},
            {AddsRole, "adds"},       {ObjectIndexRole, "objectIndex"}};
}

void FormModel::setRows(std::vector<FormRow> rows)
{
    bool same = rows.size() == m_rows.size();
    for (size_t i = 0; same && i < rows.size(); ++i)
        same = sameShape(rows[i], m_rows[i]);
    if (same) {
        for (size_t i = 0; i < rows.size(); ++i) {
            const bool changed = rows[i].value != m_rows[i].value || rows[i].options != m_rows[i].options
                                 || rows[i].present != m_rows[i].present || rows[i].line != m_rows[i].line
                                 || rows[i].label != m_rows[i].label || rows[i].section != m_rows[i].section;
            m_rows[i] = std::move(rows[i]);
            if (changed)
                Q_EMIT dataChanged(index(int(i)), index(int(i)),
                                   {ValueRole, OptionsRole, PresentRole, LineRole, LabelRole, Qt::DisplayRole, SectionRole});
        }
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    m_problems.assign(m_rows.size(), {});
    m_byPath.clear();
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (!m_rows[i].path.isEmpty())
            m_byPath.insert(m_rows[i].path.join(u'.'), int(i));
    }
    endResetModel();
}

void FormModel::setProblems(const QHash<QString, QPair<QString, QString>> &byPath)
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const QPair<QString, QString> p = m_rows[i].path.isEmpty() ? QPair<QString, QString>{}
                                                                    : byPath.value(m_rows[i].path.join(u'.'));
        if (p != m_problems[i]) {
            m_problems[i] = p;
            Q_EMIT dataChanged(index(int(i)), index(int(i)), {ProblemRole, ProblemSeverityRole});
        }
    }
}

const FormRow *FormModel::row(int index) const
{
    return index >= 0 && index < int(m_rows.size()) ? &m_rows[size_t(index)] : nullptr;
}

int FormModel::rowOfPath(const QString &path) const
{
    return m_byPath.value(path, -1);
}

int FormModel::rowOfLine(int line) const
{
    int best = -1;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].path.isEmpty() || !m_rows[i].present)
            continue;
        if (m_rows[i].line == line)
            return int(i);
        if (m_rows[i].line < line && (best < 0 || m_rows[size_t(best)].line < m_rows[i].line))
            best = int(i);
    }
    return best;
}
