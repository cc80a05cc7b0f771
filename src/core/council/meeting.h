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

QJsonObject toJson(const Meeting &meeting);
/// Reads what toJson wrote; unknown keys are ignored and missing ones left empty. Error text on bad shape.
std::optional<Meeting> meetingFromJson(const QJsonObject &object, QString *error);

/// Writes the meeting atomically (temporary file, then rename): a crash leaves the old file or the new.
bool saveMeeting(const Meeting &meeting, const QString &path, QString *error);
std::optional<Meeting> loadMeeting(const QString &path, QString *error);

} // namespace meshscope::council
