#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

/// One event of a contract proposal's review: a file of its own in the mesh folder, never edited.
///
/// Events form a hash-linked DAG rather than a single chain: each names the hashes of every event its
/// author had seen last (the heads), so two reviewers voting offline in two clones each add one file
/// with a distinct name, git merges them without conflict, and the next event joins both branches.
/// The hash covers everything in the event, parents included, so editing, deleting (of an event with a
/// successor) or re-ordering history breaks a link that `verify` reports.
namespace meshscope::review {

/// The file format tag written in every event.
inline constexpr const char *kEventFormat = "meshscope-review/1";

enum class EventKind {
    Proposed,         ///< the root: author, files, derived required approvers
    Submitted,        ///< draft or changes-requested -> in review; may carry a revised document hash
    ReviewerAdded,    ///< the author adds a reviewer (a required approver of their own)
    Commented,        ///< a comment, on the proposal or one change (field), possibly a reply
    Approved,
    ChangesRequested,
    Rejected,
    Withdrawn,
    Applied,          ///< the approved version was written back (active / deprecated)
};

/// "proposed", "submitted", "reviewer-added", "commented", "approved", "changes-requested",
/// "rejected", "withdrawn", "applied".
QString kindName(EventKind kind);
std::optional<EventKind> parseKind(const QString &name);
bool isVote(EventKind kind);

struct ReviewEvent {
    QString contractId;
    QString version;      ///< the proposed version
    int seq = 1;          ///< 1 + the highest parent's seq: its depth in the DAG
    QStringList parents;  ///< hashes of the heads when written, sorted
    QDateTime time;       ///< UTC, milliseconds
    QString author;       ///< e-mail
    QString authorName;
    EventKind kind = EventKind::Commented;
    QString text;
    QString field;   ///< comments on one change: its diff path, e.g. schema.order_events.properties.order_id
    QString replyTo; ///< hash of the event a comment answers
    QJsonObject data; ///< kind-specific: see reviewservice.h

    QString hash; ///< SHA-256 hex of canonicalBytes(); set by seal() or when read
    /// OpenSSH SSHSIG (armored) over canonicalBytes(), namespace "meshscope-review"; empty when unsigned.
    /// Like the hash it sits beside the signed content, not in it (see reviewsigning.h).
    QString signature;
    QJsonObject read; ///< the object as read from its file (hash and signature left out); what a read event's hash covers
    QByteArray readBytes; ///< canonicalBytes() of `read`, computed once when read (hash and signature check both use them)

    /// Everything but the hash, as compact JSON with sorted keys: the bytes that are hashed. For an
    /// event read from a file these are the file's own keys, so an added key changes the hash too.
    QJsonObject toJson() const;
    QByteArray canonicalBytes() const;
    /// Computes and sets `hash`.
    void seal();
    /// The name its file must have: NNNN-<kind>-<first 12 hex of the hash>.json
    QString fileName() const;
    /// The file's text: the JSON with the hash, indented for people.
    QByteArray fileText() const;
};

/// Reads an event file's text. Returns nullopt with `error` set when it is not an event; `hash` is the
/// hash the file states (verify compares it with the recomputed one).
std::optional<ReviewEvent> parseEvent(const QByteArray &text, QString *error);

/// The hash of `event` recomputed from its content.
QString computeHash(const ReviewEvent &event);

/// Time as written in events: 2026-11-14T09:30:00.000Z.
QString formatTime(const QDateTime &time);

} // namespace meshscope::review
