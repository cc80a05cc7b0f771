#include "editor/problemlistmodel.h"

using meshscope::Diagnostic;

ProblemListModel::ProblemListModel(QObject *parent) : QAbstractListModel(parent) {}

QString ProblemListModel::severityName(Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Error: return QStringLiteral("error");
    case Diagnostic::Severity::Warning: return QStringLiteral("warning");
    default: return QStringLiteral("info");
    }
}

int ProblemListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_problems.size());
}

QVariant ProblemListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Problem &p = m_problems[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case MessageRole: return p.problem.message;
    case SeverityRole: return severityName(p.problem.severity);
    case LineRole: return p.problem.line;
    case PathRole: return p.problem.path;
    case FormRowRole: return p.formRow;
    }
    return {};
}

QHash<int, QByteArray> ProblemListModel::roleNames() const
{
    return {{SeverityRole, "severity"}, {LineRole, "line"}, {PathRole, "path"}, {MessageRole, "message"},
            {FormRowRole, "formRow"}};
}

void ProblemListModel::setProblems(std::vector<Problem> problems)
{
    beginResetModel();
    m_problems = std::move(problems);
    endResetModel();
}

QVariantList ProblemListModel::lines() const
{
    QVariantList out;
    for (const Problem &p : m_problems) {
        if (p.problem.line > 0 && p.problem.severity != Diagnostic::Severity::Info)
            out.append(QVariantMap{{QStringLiteral("line"), p.problem.line},
                                   {QStringLiteral("severity"), severityName(p.problem.severity)}});
    }
    return out;
}
