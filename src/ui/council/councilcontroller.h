#pragma once

#include "agendamodel.h"
#include "council/meeting.h"

#include <QObject>
#include <QQmlEngine>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>

/// @brief The Council area: builds today's agenda from the cache (off the GUI thread), records the meeting
/// as it happens (attendees, decisions, action items, notes) and saves it after every change, so a crash
/// loses nothing. Exports the minutes as Markdown or PDF. `CouncilController` in QML.
class CouncilController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AgendaModel *agenda READ agenda CONSTANT)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY meetingChanged)
    Q_PROPERTY(QStringList attendees READ attendees NOTIFY meetingChanged)
    Q_PROPERTY(QString notes READ notes WRITE setNotes NOTIFY meetingChanged)
    /// Action items as [{item, text, owner, due}].
    Q_PROPERTY(QVariantList actions READ actions NOTIFY meetingChanged)
    Q_PROPERTY(int decidedCount READ decidedCount NOTIFY meetingChanged)
    /// Where the meeting record is saved (in the mesh folder, so it is shared with the mesh).
    Q_PROPERTY(QString meetingFile READ meetingFile NOTIFY meetingChanged)
    /// The suggested name of the minutes' file: `council-minutes-YYYY-MM-DD.pdf` for the meeting's day.
    Q_PROPERTY(QString minutesFileName READ minutesFileName NOTIFY meetingChanged)
    /// The last thing that happened that the user should know: saved, exported, or an error.
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(int current READ current WRITE setCurrent NOTIFY currentChanged)
    /// The current item's fields (the AgendaModel role names), {} when the agenda is empty.
    Q_PROPERTY(QVariantMap currentItem READ currentItem NOTIFY currentItemChanged)
    /// Seconds spent on the current item since it was shown (counts while presenting).
    Q_PROPERTY(int itemSeconds READ itemSeconds NOTIFY itemSecondsChanged)
    Q_PROPERTY(bool presenting READ presenting WRITE setPresenting NOTIFY presentingChanged)

public:
    explicit CouncilController(QObject *parent = nullptr);
    ~CouncilController() override;

    AgendaModel *agenda() { return &m_agenda; }
    bool loading() const { return m_loading; }
    QString title() const { return m_meeting.title; }
    void setTitle(const QString &title);
    QStringList attendees() const { return m_meeting.attendees; }
    QString notes() const { return m_meeting.notes; }
    void setNotes(const QString &notes);
    QVariantList actions() const;
    int decidedCount() const { return meshscope::council::settledCount(m_meeting); } ///< deferrals are not decided
    QString meetingFile() const { return m_meetingFile; }
    QString minutesFileName() const;
    QString message() const { return m_message; }
    int current() const { return m_current; }
    void setCurrent(int row);
    QVariantMap currentItem() const;
    int itemSeconds() const { return m_itemSeconds; }
    bool presenting() const { return m_presenting; }
    void setPresenting(bool presenting);

    /// Rebuilds the agenda from the cache; today's meeting record, if one exists, keeps its order,
    /// time boxes and decisions, and new items are appended.
    Q_INVOKABLE void reload();
    Q_INVOKABLE bool moveItem(int from, int to);
    Q_INVOKABLE bool setMinutes(int row, int minutes);
    /// outcome: "approve", "reject", "defer" or "action".
    Q_INVOKABLE bool decide(int row, const QString &outcome, const QString &note);
    Q_INVOKABLE bool addAction(int row, const QString &text, const QString &owner, const QString &dueIso);
    Q_INVOKABLE void removeAction(int index);
    Q_INVOKABLE void addAttendee(const QString &name);
    Q_INVOKABLE void removeAttendee(int index);
    Q_INVOKABLE void next();
    Q_INVOKABLE void previous();
    /// Writes the minutes; the format follows the file's suffix (.md or .pdf).
    Q_INVOKABLE bool exportMinutes(const QUrl &file);
    Q_INVOKABLE QString minutesMarkdown() const;

    /// The folder meeting records go to for these sources: `council/meetings` in the first source folder,
    /// else in the app's data folder.
    static QString meetingsFolder(const QStringList &sources);

Q_SIGNALS:
    void loadingChanged();
    void meetingChanged();
    void messageChanged();
    void currentChanged();
    void currentItemChanged();
    void itemSecondsChanged();
    void presentingChanged();
    /// A decision's vote reached the proposal's review (or was refused: see message).
    void voteFinished(bool recorded);

private:
    /// Records a decision on a proposal as the council's vote in its review, off the GUI thread.
    void castVote(const meshscope::council::AgendaItem &item, const meshscope::council::Decision &decision);
    void agendaBuilt(quint64 generation, std::vector<meshscope::council::AgendaItem> items);
    void changed(); ///< saves and notifies
    void setMessage(const QString &message);

    AgendaModel m_agenda;
    meshscope::council::Meeting m_meeting;
    QString m_meetingFile;
    QString m_message;
    bool m_loading = false;
    quint64 m_generation = 0;
    int m_current = 0;
    int m_itemSeconds = 0;
    bool m_presenting = false;
    QTimer m_clock;
    /// The agenda builds and the votes: joined when the controller goes, so none still uses the cache or
    /// writes a review event at exit (a parentless QThread per sync was never waited for).
    QThreadPool m_pool;
};
