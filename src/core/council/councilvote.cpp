#include "councilvote.h"

#include "review/reviewsigning.h"

#include <QJsonObject>

namespace meshscope::council {

namespace {

const QString kCouncilSlot = QStringLiteral("governance");

std::optional<review::ProposalKey> proposalOf(const AgendaItem &item)
{
    const qsizetype at = item.subjectId.lastIndexOf(u'@');
    if (item.kind != AgendaKind::Proposal || at <= 0 || at == item.subjectId.size() - 1)
        return std::nullopt;
    return review::ProposalKey{item.subjectId.left(at), item.subjectId.mid(at + 1)};
}

const review::SlotVote *councilSlot(const review::ReviewState &state)
{
    for (const review::SlotVote &s : state.slots) {
        if (s.slot.id == kCouncilSlot)
            return &s;
    }
    return nullptr;
}

/// Empty when `signingKey` may sign for `council` in this mesh; else why not.
QString signingProblem(const review::ReviewService &service, const QString &signingKey, const QString &council)
{
    const review::SigningContext &signing = service.signing();
    if (signingKey.isEmpty()) {
        if (!signing.required)
            return {};
        return QObject::tr("this mesh accepts only signed reviews (%1) and no signing key is set (Settings → Identity)")
            .arg(signing.requiredBy);
    }
    if (!signing.hasSignersFile)
        return signing.required ? QObject::tr("this mesh requires signatures but has no reviews/allowed_signers")
                                : QString();
    QString error;
    const auto key = review::publicKeyOf(signingKey, &error);
    if (!key)
        return QObject::tr("the signing key cannot be read: %1").arg(error);
    if (!signing.signers.principalsOf(*key).contains(council, Qt::CaseInsensitive))
        return QObject::tr("your key is not listed for %1 in reviews/allowed_signers, so it cannot sign the "
                           "council's vote")
            .arg(council);
    return {};
}

} // namespace

std::optional<review::EventKind> voteKindOf(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Approve:
        return review::EventKind::Approved;
    case Outcome::Reject:
        return review::EventKind::Rejected;
    case Outcome::Defer:
    case Outcome::Action:
        break;
    }
    return std::nullopt;
}

CouncilVote recordCouncilVote(const QString &meshRoot, const AgendaItem &item, const Decision &decision,
                              const QString &meetingTitle, const review::Identity &chair, const QString &signingKey,
                              sql::Connection &db)
{
    const auto kind = voteKindOf(decision.outcome);
    const auto key = proposalOf(item);
    if (!kind || !key)
        return {};
    const QString what = key->contractId + u' ' + key->version;
    review::ReviewService service(meshRoot);
    const review::ReviewState state = service.state(*key);
    if (state.events.empty())
        return {false, QObject::tr("%1 has no review in this mesh; the decision is kept in the minutes only.").arg(what)};
    const review::SlotVote *slot = councilSlot(state);
    if (!slot || slot->slot.candidates.isEmpty())
        return {false, QObject::tr("The review of %1 does not wait for the council; the decision is kept in the "
                                   "minutes only.").arg(what)};
    if (review::isFinal(state.stage))
        return {false, QObject::tr("The review of %1 is already %2; the decision is kept in the minutes only.")
                           .arg(what, review::stageLabel(state.stage))};
    if (slot->vote == review::kindName(*kind) && !slot->stale)
        return {false, QObject::tr("The council's vote on %1 is already in its review.").arg(what)};

    const QString council = slot->slot.candidates.constFirst();
    if (const QString problem = signingProblem(service, signingKey, council); !problem.isEmpty())
        return {false, QObject::tr("Not recorded in the review of %1: %2.").arg(what, problem)};
    service.setSigningKey(signingKey);

    const review::Identity councilIdentity{council, slot->slot.label};
    QString text = QObject::tr("Decided in the council meeting “%1”, chaired by %2 <%3>.")
                       .arg(meetingTitle, chair.name.isEmpty() ? chair.email : chair.name, chair.email);
    if (!decision.note.isEmpty())
        text += u'\n' + decision.note;
    QString error;
    auto result = service.record(*key, *kind, councilIdentity, text, &error,
                                 QJsonObject{{QStringLiteral("chair"), chair.email}});
    if (result && result->stage == review::Stage::Approved && !result->applied)
        result = service.apply(*key, councilIdentity, &error, &db);
    if (!result)
        return {false, QObject::tr("Not recorded in the review of %1: %2").arg(what, error)};
    return {true, QObject::tr("The council's %1 is recorded in the review of %2 (now %3).")
                      .arg(review::kindName(*kind), what, review::stageLabel(result->stage))};
}

} // namespace meshscope::council
