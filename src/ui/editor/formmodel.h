#pragma once

#include "editor/contractform.h"

#include <QAbstractListModel>
#include <QHash>
#include <QQmlEngine>

/// @brief The editor form's rows for QML: section and group headings and the fields, each with the
/// YAML path it edits and the first validation problem about it. Rows keep their identity while the
/// text only changes values, so a field being typed in keeps its focus.
class FormModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by ContractEditorController")

public:
    enum Roles {
        KindRole = Qt::UserRole + 1, ///< "section", "group", "text", "multiline", "choice", "flag"
        LabelRole,                   ///< "Logical type", or the heading
        PathRole,                    ///< dotted YAML path, e.g. "schema.0.properties.1.logicalType"
        ValueRole,                   ///< the value as the text says ("" when absent)
        OptionsRole,                 ///< QStringList for choices
        PresentRole,                 ///< the key is written in the text
        LineRole,                    ///< 1-based line of the value in the YAML
        DepthRole,                   ///< 0 section, 1 group or top-level field, 2 field of a group
        SectionRole,                 ///< the section heading the row is under
        ProblemRole,                 ///< the first problem about this field, or ""
        ProblemSeverityRole,         ///< "error", "warning" or ""
        AddsRole,                    ///< headings: "object" or "property" when the form can add one
        ObjectIndexRole,             ///< the schema object a "property" heading adds to
    };
    Q_ENUM(Roles)

    explicit FormModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Takes the rows of a new text: values change in place when the rows are the same fields,
    /// else the model resets.
    void setRows(std::vector<meshscope::editor::FormRow> rows);
    /// Problems by dotted path ("severity", "message"); rows not named keep none.
    void setProblems(const QHash<QString, QPair<QString, QString>> &byPath);

    const meshscope::editor::FormRow *row(int index) const;
    /// Row of the field with the dotted `path`, -1 when none.
    Q_INVOKABLE int rowOfPath(const QString &path) const;
    /// Row of the field whose value sits on `line` (else the last row starting before it), -1 when none.
    Q_INVOKABLE int rowOfLine(int line) const;

private:
    std::vector<meshscope::editor::FormRow> m_rows;
    std::vector<QPair<QString, QString>> m_problems; ///< parallel to m_rows
    QHash<QString, int> m_byPath;
};
