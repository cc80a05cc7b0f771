#pragma once

#include "editor/contractdocument.h"

#include <QAbstractListModel>
#include <QQmlEngine>

/// @brief The editor's validation problems for the problems list: severity, line, field and message,
/// and the form row the problem is shown beside (-1 when it is about no field of the form).
class ProblemListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by ContractEditorController")

public:
    enum Roles {
        SeverityRole = Qt::UserRole + 1, ///< "error", "warning", "info"
        LineRole,                        ///< 1-based YAML line, 0 unknown
        PathRole,                        ///< dotted field path, or ""
        MessageRole,
        FormRowRole,                     ///< row of FormModel, -1 when none
    };
    Q_ENUM(Roles)

    struct Problem {
        meshscope::editor::EditorProblem problem;
        int formRow = -1;
    };

    explicit ProblemListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setProblems(std::vector<Problem> problems);
    const std::vector<Problem> &problems() const { return m_problems; }
    /// 1-based lines with an error or a warning, for the YAML view's markers.
    QVariantList lines() const;

    static QString severityName(meshscope::Diagnostic::Severity severity);

private:
    std::vector<Problem> m_problems;
};
