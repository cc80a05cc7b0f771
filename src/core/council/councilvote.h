#pragma once

#include "agenda.h"
#include "meeting.h"
#include "cache/sqlite.h"
#include "review/reviewservice.h"

/// A council decision on a contract proposal is the council's vote in that proposal's review.
///
/// The vote is cast as the council's identity (the governance policy's council, the same identity the
/// review's "Governance council" approval slot waits for) and signed with the chair's key. Where the mesh
/// checks signatures, only a key that reviews/allowed_signers lists for the council may sign it: the chair's
/// own approval cannot be passed off as the council's, and nobody outside the council can cast it.
namespace meshscope::council {

struct CouncilVote {
    bool recorded = false; ///< a review event was written
    QString message;       ///< for people: what was recorded, or why not (empty when the decision is no vote)
};

/// The review event kind a decision stands for: approve → approved, reject → rejected; none for defer and
/// action (the proposal stays where it is).
std::optional<review::EventKind> voteKindOf(Outcome outcome);

/// Records `decision` on proposal item `item` in the review of the mesh folder `meshRoot`, by the council,
/// chaired by `chair`, signed with `signingKey` (may be empty where the mesh does not require signatures).
/// An approval that completes the required approvals writes the proposal back, as any last approval does.
/// A decision the review already holds (the council's latest vote is the same) is not recorded twice.
CouncilVote recordCouncilVote(const QString &meshRoot, const AgendaItem &item, const Decision &decision,
                              const QString &meetingTitle, const review::Identity &chair, const QString &signingKey,
                              sql::Connection &db);

} // namespace meshscope::council
