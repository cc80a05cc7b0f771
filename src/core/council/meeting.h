#pragma once

#include "agenda.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <vector>

/// A council meeting as recorded while it happens: who came, the agenda as taken, what was decided.
/// Saved as JSON in the mesh folder (`council/meetings/<id>.json`) so the record travels with the mesh.
namespace meshscope::council {

enum class Outcome { Approve, Reject, Defer, Action };
QString outcomeId(Outcome outcome); ///< "approve", "reject", "defer", "action"
std::optional<Outcome> outcomeFromId(const QString &id);

struct Decision {
    QString itemKey; ///< AgendaItem::key
    Outcome outcome = Outcome::Defer;
    QString note;
    QDateTime at;
};

struct ActionItem {
    QString itemKey; ///< empty for an action not tied to one item
    QString text;
    QString owner;
    QDate due;
};

struct Meeting {
    QString id; ///< e.g. "2026-11-22-mesh-governance-council"
    QString title;
    QDateTime started;
    QStringList attendees;
    std::vector<AgendaItem> agenda; ///< in the order taken, with the time boxes as set
    std::vector<Decision> decisions;
    std::vector<ActionItem> actions;
    QString notes;

    /// The latest decision on an item, if any.
    const Decision *decisionFor(const QString &itemKey) const;
    /// Records a decision; a second one on the same item replaces the first (the council changed its mind
    /// in the meeting; the minutes show the final word).
    void decide(Decision decision);
};

/// A new meeting on today's agenda: id from the date and title.
Meeting startMeeting(const QString &title, const QDateTime &now, std::vector<AgendaItem> agenda);

/// The title of a meeting nobody has named yet.
QString defaultMeetingTitle();

/// The folder meeting records go to for these sources: `council/meetings` in the first source folder,
/// else `fallback` (the app's data folder).
QString meetingsFolder(const QStringList &sources, const QString &fallback);

/// Today's meeting as the GUI and `meshscope export --view council` both show it: the record saved in
/// `folder` for today (its decisions, actions and agenda as taken), with the items of `agenda` it does not
/// hold yet appended; a new meeting on `agenda` when none is saved. `error` is set when a saved record
/// cannot be read (the new meeting is returned then; the broken file is left as it is). `path` gets the
/// record's file.
Meeting todaysMeeting(const QString &folder, const QString &title, const QDateTime &now, std::vector<AgendaItem> agenda,
                      QString *path, QString *error);

/// The due date of an action as people write it: 2026-12-14, "today", "tomorrow", "next week", "in 3 days",
/// "in 2 weeks", or a weekday ("friday": the next one after `today`). An empty text is no due date (an
/// invalid QDate); text that is none of these gives nullopt, so it is not dropped in silence.
std::optional<QDate> parseDueDate(const QString &text, const QDate &today);

/// Decisions that settle their item (approve, reject, action); a deferral is not a decision yet.
int settledCount(const Meeting &meeting);

QJsonObject toJson(const Meeting &meeting);
/// Reads what toJson wrote; unknown keys are ignored and missing ones left empty. Error text on bad shape.
std::optional<Meeting> meetingFromJson(const QJsonObject &object, QString *error);

/// Writes the meeting atomically (temporary file, then rename): a crash leaves the old file or the new.
bool saveMeeting(const Meeting &meeting, const QString &path, QString *error);
std::optional<Meeting> loadMeeting(const QString &path, QString *error);

} // namespace meshscope::council
