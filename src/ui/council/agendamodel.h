#pragma once

#include "council/meeting.h"

#include <QAbstractListModel>
#include <QQmlEngine>

/// @brief The agenda of the meeting in progress, in the order the council takes it, with each item's
/// decision. Rows move (reordering) and time boxes change; everything else comes from the cache.
class AgendaModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the council controller owns the agenda")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int totalMinutes READ totalMinutes NOTIFY totalMinutesChanged)

public:
    enum Roles {
        KeyRole = Qt::UserRole + 1,
        KindRole,      ///< "proposal", "governance", "slo", "new-product"
        KindLabelRole, ///< "Contract proposal", ...
        SubjectRole,   ///< contract ref or product id
        TitleRole,
        ReasonRole,
        DomainRole,
        EvidenceRole,  ///< QStringList
        MinutesRole,
        DecisionRole,     ///< "approve", "reject", "defer", "action" or "" when undecided
        DecisionNoteRole,
    };
    Q_ENUM(Roles)

    explicit AgendaModel(QObject *parent = nullptr) : QAbstractListModel(parent) {}

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Shows `meeting`. The same meeting refreshed (a sync rebuilt the agenda) keeps the rows it had — their
    /// data updated, new items appended — instead of a reset, which destroyed every delegate, also one
    /// under a click in progress; anything else (another meeting, items gone or reordered) resets.
    void setMeeting(meshscope::council::Meeting *meeting);
    /// Moves one item; false when either row is out of range.
    bool moveItem(int from, int to);
    bool setMinutes(int row, int minutes);
    /// Call after the meeting's decisions changed for `row`.
    void decisionChanged(int row);
    int totalMinutes() const;

Q_SIGNALS:
    void countChanged();
    void totalMinutesChanged();

private:
    meshscope::council::Meeting *m_meeting = nullptr;
    /// The keys of the rows as the views know them (the meeting may change under the model before
    /// setMeeting is called again).
    QStringList m_keys;
};
