#include "reviewstate.h"

#include <QJsonArray>

namespace meshscope::review {

namespace {

QString dataText(const ReviewEvent &e, const char *key)
{
    return e.data.value(QLatin1String(key)).toString();
}

/// Re-evaluates the stage after a vote or a submission. Final stages never change.
void evaluate(ReviewState &s)
{
    if (isFinal(s.stage) || s.stage == Stage::Draft)
        return;
    bool rejected = false;
    bool changesRequested = false;
    bool allApproved = !s.slots.empty();
    for (const SlotVote &v : s.slots) {
        const bool counts = !v.vote.isEmpty() && !v.stale;
        rejected = rejected || (counts && v.vote == u"rejected");
        changesRequested = changesRequested || (counts && v.vote == u"changes-requested");
        allApproved = allApproved && counts && v.vote == u"approved";
    }
    // A proposal nobody can show its author made is not approved, whatever its votes say.
    allApproved = allApproved && s.untrusted.isEmpty();
    s.stage = rejected ? Stage::Rejected
              : changesRequested ? Stage::ChangesRequested
              : allApproved ? Stage::Approved
                            : Stage::InReview;
}

/// Why an event's act does not count for its signature; empty when it counts.
QString signatureObjection(const ReviewState &s, const ReviewEvent &e)
{
    if (s.signatures.counts(e.hash))
        return {};
    const SignatureCheck c = s.signatures.of(e.hash);
    if (c.status == SignatureStatus::Bad)
        return QStringLiteral("its signature is bad (%1); it does not count").arg(c.reason);
    return QStringLiteral("signatures are required and it is %1 (%2); it does not count")
        .arg(signatureStatusName(c.status), c.reason);
}

/// Replaces the required approvers by a submission's: a revision is diffed again and may need others.
/// Votes already cast stay on slots that remain (the revision made them stale), and reviewers the
/// author added stay required.
void reviseApprovers(ReviewState &s, const ReviewEvent &e)
{
    const QJsonValue approvers = e.data.value(QStringLiteral("approvers"));
    if (approvers.isArray()) {
        std::vector<SlotVote> slots;
        for (const QJsonValue &slot : approvers.toArray()) {
            SlotVote v{ApproverSlot::fromJson(slot.toObject()), {}, {}, {}, {}, {}, false};
            for (const SlotVote &old : std::as_const(s.slots)) {
                if (old.slot.id == v.slot.id) {
                    const ApproverSlot slotNow = v.slot;
                    v = old;
                    v.slot = slotNow;
                }
            }
            slots.push_back(v);
        }
        for (const SlotVote &old : std::as_const(s.slots)) {
            bool kept = false;
            for (const SlotVote &v : slots)
                kept = kept || v.slot.id == old.slot.id;
            if (!kept && old.slot.id.startsWith(QLatin1String("added:")))
                slots.push_back(old);
        }
        s.slots = std::move(slots);
    }
    if (e.data.contains(QStringLiteral("breaking")))
        s.breaking = e.data.value(QStringLiteral("breaking")).toInt();
    if (e.data.contains(QStringLiteral("needsGovernance")))
        s.breakingOrSensitive = e.data.value(QStringLiteral("needsGovernance")).toBool();
    else if (e.data.contains(QStringLiteral("breaking")))
        s.breakingOrSensitive = s.breakingOrSensitive || s.breaking > 0;
}

void vote(ReviewState &s, const ReviewEvent &e)
{
    const QString kind = kindName(e.kind);
    if (isFinal(s.stage)) {
        s.notes.insert(e.hash, QStringLiteral("cast after the proposal was %1; kept as a comment").arg(stageLabel(s.stage)));
        return;
    }
    if (s.stage == Stage::Draft) {
        s.notes.insert(e.hash, QStringLiteral("cast on a draft; kept as a comment"));
        return;
    }
    if (!s.isReviewer(e.author)) {
        s.notes.insert(e.hash, QStringLiteral("%1 is not a listed reviewer; kept as a comment").arg(e.author));
        return;
    }
    if (const QString objection = signatureObjection(s, e); !objection.isEmpty()) {
        s.notes.insert(e.hash, objection);
        return;
    }
    const QString votedOn = dataText(e, "documentHash");
    for (SlotVote &v : s.slots) {
        bool candidate = false;
        for (const QString &c : std::as_const(v.slot.candidates))
            candidate = candidate || sameIdentity(c, e.author);
        if (!candidate)
            continue;
        v.vote = kind;
        v.voter = e.author;
        v.voterName = e.authorName;
        v.time = e.time;
        v.eventHash = e.hash;
        v.stale = !votedOn.isEmpty() && votedOn != s.documentHash;
    }
    if (!votedOn.isEmpty() && votedOn != s.documentHash)
        s.notes.insert(e.hash, QStringLiteral("cast on an earlier revision; it does not count"));
    evaluate(s);
}

} // namespace

QString stageName(Stage stage)
{
    switch (stage) {
    case Stage::Draft: return QStringLiteral("draft");
    case Stage::InReview: return QStringLiteral("in-review");
    case Stage::ChangesRequested: return QStringLiteral("changes-requested");
    case Stage::Approved: return QStringLiteral("approved");
    case Stage::Rejected: return QStringLiteral("rejected");
    case Stage::Withdrawn: return QStringLiteral("withdrawn");
    }
    return {};
}

QString stageLabel(Stage stage)
{
    return stageName(stage).replace(QLatin1Char('-'), QLatin1Char(' '));
}

bool isFinal(Stage stage)
{
    return stage == Stage::Approved || stage == Stage::Rejected || stage == Stage::Withdrawn;
}

bool sameIdentity(const QString &a, const QString &b)
{
    return !a.isEmpty() && a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

QJsonObject ApproverSlot::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("label"), label},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("candidates"), QJsonArray::fromStringList(candidates)}};
}

ApproverSlot ApproverSlot::fromJson(const QJsonObject &o)
{
    ApproverSlot s;
    s.id = o.value(QStringLiteral("id")).toString();
    s.label = o.value(QStringLiteral("label")).toString();
    s.reason = o.value(QStringLiteral("reason")).toString();
    for (const QJsonValue &c : o.value(QStringLiteral("candidates")).toArray())
        s.candidates << c.toString();
    return s;
}

int ReviewState::approvals() const
{
    int n = 0;
    for (const SlotVote &v : slots)
        n += (v.vote == u"approved" && !v.stale) ? 1 : 0;
    return n;
}

bool ReviewState::isReviewer(const QString &email) const
{
    for (const SlotVote &v : slots) {
        for (const QString &c : v.slot.candidates) {
            if (sameIdentity(c, email))
                return true;
        }
    }
    return false;
}

ReviewState computeState(const std::vector<ReviewEvent> &events, const SignatureChecks *signatures)
{
    ReviewState s;
    s.events = events;
    if (signatures)
        s.signatures = *signatures;
    for (const ReviewEvent &e : events) {
        const bool byAuthor = sameIdentity(e.author, s.author);
        // Acts only the author may do count only when the author signed them (where that is required).
        const QString objection = signatureObjection(s, e);
        const bool authorAct = e.kind == EventKind::Submitted || e.kind == EventKind::ReviewerAdded || e.kind == EventKind::Withdrawn;
        if (authorAct && byAuthor && !objection.isEmpty()) {
            s.notes.insert(e.hash, objection);
            continue;
        }
        switch (e.kind) {
        case EventKind::Proposed:
            s.contractId = e.contractId;
            s.version = e.version;
            s.author = e.author;
            s.authorName = e.authorName;
            s.title = e.text.section(QLatin1Char('\n'), 0, 0);
            s.baseVersion = dataText(e, "baseVersion");
            s.baseFile = dataText(e, "baseFile");
            s.proposalFile = dataText(e, "proposalFile");
            s.requiredVersion = dataText(e, "requiredVersion");
            s.documentHash = dataText(e, "documentHash");
            s.breaking = e.data.value(QStringLiteral("breaking")).toInt();
            s.breakingOrSensitive = e.data.value(QStringLiteral("needsGovernance")).toBool();
            for (const QJsonValue &slot : e.data.value(QStringLiteral("approvers")).toArray())
                s.slots.push_back({ApproverSlot::fromJson(slot.toObject()), {}, {}, {}, {}, {}, false});
            s.stage = e.data.value(QStringLiteral("draft")).toBool() ? Stage::Draft : Stage::InReview;
            if (!objection.isEmpty()) {
                s.untrusted = QStringLiteral("the proposal: ") + objection;
                s.notes.insert(e.hash, objection);
            }
            break;
        case EventKind::Submitted: {
            if (!byAuthor) {
                s.notes.insert(e.hash, QStringLiteral("only the author submits a proposal; kept as a comment"));
                break;
            }
            if (isFinal(s.stage)) {
                s.notes.insert(e.hash, QStringLiteral("the proposal is already %1").arg(stageLabel(s.stage)));
                break;
            }
            const QString revision = dataText(e, "documentHash");
            const bool revised = !revision.isEmpty() && revision != s.documentHash;
            if (revised)
                s.documentHash = revision;
            reviseApprovers(s, e);
            // Requested changes are answered by a submission: their authors review again. Approvals
            // stay unless the document itself changed.
            for (SlotVote &v : s.slots) {
                if (v.vote == u"changes-requested" || (revised && !v.vote.isEmpty()))
                    v.stale = true;
            }
            s.stage = Stage::InReview;
            evaluate(s);
            break;
        }
        case EventKind::ReviewerAdded: {
            const QString reviewer = dataText(e, "reviewer");
            if (!byAuthor || isFinal(s.stage) || reviewer.isEmpty()) {
                s.notes.insert(e.hash, !byAuthor ? QStringLiteral("only the author adds reviewers; kept as a comment")
                                                 : QStringLiteral("no reviewer added"));
                break;
            }
            if (s.isReviewer(reviewer)) {
                s.notes.insert(e.hash, QStringLiteral("%1 is already a required reviewer").arg(reviewer));
                break;
            }
            const QString name = dataText(e, "name");
            ApproverSlot slot{QStringLiteral("added:") + reviewer.toLower(),
                              QStringLiteral("Reviewer %1").arg(name.isEmpty() ? reviewer : name),
                              QStringLiteral("added by the author"),
                              {reviewer}};
            s.slots.push_back({slot, {}, {}, {}, {}, {}, false});
            evaluate(s); // a new, empty slot takes an approved-looking state back to in review
            break;
        }
        case EventKind::Commented:
            if (!objection.isEmpty() && s.signatures.of(e.hash).status == SignatureStatus::Bad)
                s.notes.insert(e.hash, objection);
            break;
        case EventKind::Approved:
        case EventKind::ChangesRequested:
        case EventKind::Rejected:
            vote(s, e);
            break;
        case EventKind::Withdrawn:
            if (!byAuthor)
                s.notes.insert(e.hash, QStringLiteral("only the author withdraws a proposal; kept as a comment"));
            else if (isFinal(s.stage))
                s.notes.insert(e.hash, QStringLiteral("the proposal is already %1").arg(stageLabel(s.stage)));
            else
                s.stage = Stage::Withdrawn;
            break;
        case EventKind::Applied:
            if (s.stage != Stage::Approved) {
                s.notes.insert(e.hash, QStringLiteral("written back although the proposal is %1").arg(stageLabel(s.stage)));
            } else if (!objection.isEmpty()) {
                s.notes.insert(e.hash, objection);
            }
            s.applied = true;
            s.appliedData = e.data;
            break;
        }
    }
    return s;
}

QJsonObject ReviewState::toJson() const
{
    QJsonArray slotArray;
    for (const SlotVote &v : slots) {
        QJsonObject o = v.slot.toJson();
        o.insert(QStringLiteral("vote"), v.vote.isEmpty() ? QJsonValue() : QJsonValue(v.vote));
        if (!v.vote.isEmpty()) {
            o.insert(QStringLiteral("voter"), v.voter);
            o.insert(QStringLiteral("time"), formatTime(v.time));
            o.insert(QStringLiteral("stale"), v.stale);
            o.insert(QStringLiteral("event"), v.eventHash);
        }
        o.insert(QStringLiteral("satisfied"), v.vote == u"approved" && !v.stale);
        slotArray.append(o);
    }
    QJsonArray eventArray;
    for (const ReviewEvent &e : events) {
        QJsonObject o = e.toJson();
        o.remove(QStringLiteral("format"));
        o.insert(QStringLiteral("hash"), e.hash);
        o.insert(QStringLiteral("file"), e.fileName());
        if (notes.contains(e.hash))
            o.insert(QStringLiteral("note"), notes.value(e.hash));
        const SignatureCheck check = signatures.of(e.hash);
        QJsonObject signature{{QStringLiteral("status"), signatureStatusName(check.status)}};
        if (!check.fingerprint.isEmpty())
            signature.insert(QStringLiteral("key"), check.fingerprint);
        if (check.status != SignatureStatus::Good && !check.reason.isEmpty())
            signature.insert(QStringLiteral("reason"), check.reason);
        o.insert(QStringLiteral("signature"), signature);
        eventArray.append(o);
    }
    return {{QStringLiteral("contract"), contractId},
            {QStringLiteral("version"), version},
            {QStringLiteral("baseVersion"), baseVersion},
            {QStringLiteral("title"), title},
            {QStringLiteral("author"), author},
            {QStringLiteral("state"), stageName(stage)},
            {QStringLiteral("applied"), applied},
            {QStringLiteral("proposalFile"), proposalFile},
            {QStringLiteral("baseFile"), baseFile},
            {QStringLiteral("requiredVersion"), requiredVersion},
            {QStringLiteral("breaking"), breaking},
            {QStringLiteral("approvals"), approvals()},
            {QStringLiteral("signaturesRequired"), signatures.required},
            {QStringLiteral("untrusted"), untrusted.isEmpty() ? QJsonValue() : QJsonValue(untrusted)},
            {QStringLiteral("required"), required()},
            {QStringLiteral("approvers"), slotArray},
            {QStringLiteral("events"), eventArray}};
}

} // namespace meshscope::review
