#pragma once

#include "reviewevent.h"
#include "signaturecheck.h"

#include <QHash>
#include <QJsonArray>

#include <vector>

/// The workflow state of a proposal, computed from its ordered events alone, so every clone that
/// holds the same files agrees on it:
///
///   draft --submit--> in review --changes requested--> changes requested --submit--> in review
///   in review --all required approvals--> approved      any --required reviewer rejects--> rejected
///   draft / in review / changes requested --author withdraws--> withdrawn
///
/// Approved, rejected and withdrawn are final: later votes are kept as comments.
namespace meshscope::review {

enum class Stage { Draft, InReview, ChangesRequested, Approved, Rejected, Withdrawn };

/// "draft", "in-review", "changes-requested", "approved", "rejected", "withdrawn".
QString stageName(Stage stage);
/// For people: "in review", "changes requested", ...
QString stageLabel(Stage stage);
bool isFinal(Stage stage);

/// One required approval: satisfied by an approving vote of any of its candidates.
struct ApproverSlot {
    QString id;     ///< "producer", "producer-second-level", "consumer:<product-id>", "governance", "added:<email>"
    QString label;  ///< "Producer (orders-team)", "Consumer fraud-scores (fraud)", ...
    QString reason; ///< why this approval is required
    QStringList candidates; ///< e-mails (or team handles) whose vote fills the slot

    QJsonObject toJson() const;
    static ApproverSlot fromJson(const QJsonObject &o);
};

/// The latest vote that fills (or blocks) a slot.
struct SlotVote {
    ApproverSlot slot;
    QString vote;  ///< "approved", "changes-requested", "rejected" or empty when nobody voted yet
    QString voter;
    QString voterName;
    QDateTime time;
    QString eventHash;
    bool stale = false; ///< cast on an earlier revision of the proposal: does not count
};

struct ReviewState {
    QString contractId;
    QString version;
    QString baseVersion;
    QString author;
    QString authorName;
    QString title;        ///< the proposal's first line of text
    QString proposalFile; ///< relative to the source root
    QString baseFile;
    QString requiredVersion;
    QString documentHash; ///< SHA-1 of the proposal file of the current revision
    int breaking = 0;
    bool breakingOrSensitive = false;
    Stage stage = Stage::Draft;
    bool applied = false;
    QJsonObject appliedData;
    std::vector<SlotVote> slots;
    std::vector<ReviewEvent> events; ///< in order
    /// Events that did not do what their kind says, and why: "x@y is not a listed reviewer; their
    /// approval is kept as a comment". By event hash.
    QHash<QString, QString> notes;
    /// The signature of every event, and whether the mesh requires them (empty when not checked).
    SignatureChecks signatures;
    /// Why the proposal itself cannot be trusted (its proposal event is not good-signed by its author
    /// where signatures are required, or badly signed); it then never reaches approved.
    QString untrusted;

    int approvals() const; ///< slots with a counting approval
    int required() const { return int(slots.size()); }
    /// Whether `email` is a candidate of any slot (their vote would count).
    bool isReviewer(const QString &email) const;
    QJsonObject toJson() const;
};

/// Replays `events` (already in order, as EventLog gives them) through the state machine. With
/// `signatures`, an act whose signature does not count (SignatureChecks::counts) is kept as a comment.
ReviewState computeState(const std::vector<ReviewEvent> &events, const SignatureChecks *signatures = nullptr);

/// Whether two identities are the same person: e-mails compare case-insensitively.
bool sameIdentity(const QString &a, const QString &b);

} // namespace meshscope::review
