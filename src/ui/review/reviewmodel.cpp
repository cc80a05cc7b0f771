#include "reviewmodel.h"

#include "cache/cachefile.h"
#include "cache/guithreadguard.h"

#include <QFileInfo>

using namespace meshscope;
using namespace meshscope::review;

namespace {

QString kindLabel(EventKind kind)
{
    switch (kind) {
    case EventKind::Proposed: return QObject::tr("proposed");
    case EventKind::Submitted: return QObject::tr("submitted for review");
    case EventKind::ReviewerAdded: return QObject::tr("added a reviewer");
    case EventKind::Commented: return QObject::tr("commented");
    case EventKind::Approved: return QObject::tr("approved");
    case EventKind::ChangesRequested: return QObject::tr("requested changes");
    case EventKind::Rejected: return QObject::tr("rejected");
    case EventKind::Withdrawn: return QObject::tr("withdrew");
    case EventKind::Applied: return QObject::tr("wrote back");
    }
    return {};
}

QString signatureLabel(SignatureStatus status)
{
    switch (status) {
    case SignatureStatus::Good: return QObject::tr("verified");
    case SignatureStatus::Unsigned: return QObject::tr("unsigned");
    case SignatureStatus::UnknownKey: return QObject::tr("unknown key");
    case SignatureStatus::Bad: return QObject::tr("forged");
    }
    return {};
}

} // namespace

ReviewModel::ReviewModel(QObject *parent) : QAbstractListModel(parent) {}

int ReviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ReviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const ReviewEvent &e = *row.event;
    switch (role) {
    case Qt::DisplayRole:
    case TextRole: return e.text;
    case KindRole: return kindName(e.kind);
    case KindLabelRole: return kindLabel(e.kind);
    case AuthorRole: return e.author;
    case AuthorNameRole: return e.authorName.isEmpty() ? e.author : e.authorName;
    case TimeRole: return e.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case FieldRole: return e.field;
    case HashRole: return e.hash.left(8);
    case ReplyToRole: return e.replyTo.left(8);
    case DepthRole: return row.depth;
    case NoteRole: return m_state.notes.value(e.hash);
    case IsVoteRole: return isVote(e.kind);
    case SignatureRole: return signatureStatusName(m_state.signatures.of(e.hash).status);
    case SignatureLabelRole: return signatureLabel(m_state.signatures.of(e.hash).status);
    case SignatureKeyRole: return m_state.signatures.of(e.hash).fingerprint;
    case SignatureReasonRole: {
        const SignatureCheck c = m_state.signatures.of(e.hash);
        return c.status == SignatureStatus::Good ? QString() : c.reason;
    }
    }
    return {};
}

QHash<int, QByteArray> ReviewModel::roleNames() const
{
    return {{KindRole, "kind"},         {KindLabelRole, "kindLabel"}, {AuthorRole, "author"},
            {AuthorNameRole, "authorName"}, {TimeRole, "time"},       {TextRole, "text"},
            {FieldRole, "field"},       {HashRole, "hash"},           {ReplyToRole, "replyTo"},
            {DepthRole, "depth"},       {NoteRole, "note"},           {IsVoteRole, "isVote"},
            {SignatureRole, "signature"}, {SignatureLabelRole, "signatureLabel"}, {SignatureKeyRole, "signatureKey"},
            {SignatureReasonRole, "signatureReason"}};
}

void ReviewModel::setSources(const QStringList &sources)
{
    if (sources == m_sources)
        return;
    m_sources = sources;
    Q_EMIT inputChanged();
    reload();
}

void ReviewModel::setContractId(const QString &id)
{
    if (id == m_contractId)
        return;
    m_contractId = id;
    Q_EMIT inputChanged();
    reload();
}

void ReviewModel::setVersion(const QString &version)
{
    if (version == m_version)
        return;
    m_version = version;
    Q_EMIT inputChanged();
    reload();
}

void ReviewModel::setCachePath(const QString &path)
{
    if (path == m_cachePath)
        return;
    m_cachePath = path;
    Q_EMIT inputChanged();
}

void ReviewModel::setIdentityEmail(const QString &email)
{
    if (email == m_identity.email)
        return;
    m_identity.email = email;
    Q_EMIT identityChanged();
    Q_EMIT stateChanged(); // canVote and isAuthor depend on who is looking
}

void ReviewModel::setSigningKey(const QString &key)
{
    if (key == m_signingKey)
        return;
    m_signingKey = key;
    Q_EMIT identityChanged();
}

void ReviewModel::setIdentityName(const QString &name)
{
    if (name == m_identity.name)
        return;
    m_identity.name = name;
    Q_EMIT identityChanged();
}

QString ReviewModel::stage() const
{
    return available() ? stageName(m_state.stage) : QString();
}

QString ReviewModel::stageLabel() const
{
    return available() ? review::stageLabel(m_state.stage) : QString();
}

bool ReviewModel::isAuthor() const
{
    return available() && sameIdentity(m_identity.email, m_state.author);
}

bool ReviewModel::canVote() const
{
    return available() && verified() && (m_state.stage == Stage::InReview || m_state.stage == Stage::ChangesRequested)
           && m_state.isReviewer(m_identity.email);
}

QString ReviewModel::myVote() const
{
    for (const SlotVote &v : m_state.slots) {
        if (!v.stale && !v.vote.isEmpty() && sameIdentity(v.voter, m_identity.email))
            return v.vote;
    }
    return {};
}

QString ReviewModel::voteHint() const
{
    if (!available() || canVote() || isAuthor())
        return {};
    if (isFinal(m_state.stage))
        return tr("This proposal is %1: votes are closed, comments stay open.").arg(stageLabel());
    if (m_state.stage == Stage::Draft)
        return tr("This proposal is still a draft: votes open once its author submits it.");
    if (!verified())
        return tr("Votes are closed until the review history verifies.");
    if (m_identity.email.isEmpty())
        return tr("Set your e-mail in Settings → Identity to vote, if you are one of the required approvers.");
    QStringList who;
    for (const SlotVote &v : m_state.slots)
        who << v.slot.candidates;
    who.removeDuplicates();
    return tr("Only the required approvers vote (%1); you (%2) are not one of them. Comment instead, or ask the "
              "author to add you as a reviewer.")
        .arg(who.join(QStringLiteral(", ")), m_identity.email);
}

QVariantList ReviewModel::approvers() const
{
    QVariantList out;
    for (const SlotVote &v : m_state.slots) {
        out.append(QVariantMap{{QStringLiteral("label"), v.slot.label},
                               {QStringLiteral("reason"), v.slot.reason},
                               {QStringLiteral("candidates"), v.slot.candidates.join(QStringLiteral(", "))},
                               {QStringLiteral("vote"), v.vote},
                               {QStringLiteral("voter"), v.voterName.isEmpty() ? v.voter : v.voterName},
                               {QStringLiteral("time"), v.vote.isEmpty() ? QString() : v.time.toUTC().toString(QStringLiteral("yyyy-MM-dd"))},
                               {QStringLiteral("stale"), v.stale},
                               {QStringLiteral("satisfied"), v.vote == u"approved" && !v.stale}});
    }
    return out;
}

void ReviewModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_state = {};
    m_problems.clear();
    m_root.clear();
    if (!m_contractId.isEmpty()) {
        for (const QString &source : std::as_const(m_sources)) {
            if (!QFileInfo(source).isDir())
                continue;
            const ReviewService service(source);
            std::optional<ProposalKey> key;
            for (const ProposalKey &k : service.store().proposals()) {
                // Without a version the newest proposal (folders sort by name; later wins on ties).
                if (k.contractId == m_contractId && (m_version.isEmpty() || k.version == m_version))
                    key = k;
            }
            if (!key)
                continue;
            EventLog log;
            m_state = service.state(*key, &log);
            for (const Problem &p : log.problems)
                m_problems << p.toString();
            m_root = source;
            break;
        }
    }
    // Replies go right under what they answer; everything else in the order of the history.
    std::vector<const ReviewEvent *> pending;
    for (const ReviewEvent &e : m_state.events)
        pending.push_back(&e);
    QSet<QString> placed;
    std::function<void(const ReviewEvent *, int)> place = [&](const ReviewEvent *e, int depth) {
        m_rows.push_back({e, depth});
        placed.insert(e->hash);
        for (const ReviewEvent *r : pending) {
            if (r->replyTo == e->hash && !placed.contains(r->hash))
                place(r, 1);
        }
    };
    for (const ReviewEvent *e : pending) {
        const bool answersKnown = !e->replyTo.isEmpty() && std::any_of(pending.begin(), pending.end(), [&](const ReviewEvent *x) {
            return x->hash == e->replyTo;
        });
        if (!placed.contains(e->hash) && !answersKnown)
            place(e, 0);
    }
    endResetModel();
    Q_EMIT stateChanged();
}

void ReviewModel::setError(const QString &error)
{
    if (error == m_lastError)
        return;
    m_lastError = error;
    Q_EMIT lastErrorChanged();
}

bool ReviewModel::act(EventKind kind, const QString &text, const QString &field, const QString &replyTo)
{
    // Debt (issue 19): still reads the cache on the GUI thread; to move onto OffGuiThread.
    const meshscope::sql::GuiThreadRead onGuiThread("ReviewModel::act: a vote or comment is written");
    if (!available() || m_root.isEmpty()) {
        setError(tr("No proposal of %1 to act on.").arg(m_contractId));
        return false;
    }
    if (m_identity.email.isEmpty()) {
        setError(tr("Set your e-mail in Settings first: reviews are signed with it."));
        return false;
    }
    ReviewService service(m_root);
    const QString signingKey = configuredSigningKey(m_root, m_signingKey);
    if (signingKey.isEmpty() && service.signing().required) {
        setError(tr("This mesh accepts only signed reviews (%1) and no signing key is set. Choose your SSH key "
                    "(e.g. ~/.ssh/id_ed25519.pub; keys in ssh-agent work) in Settings → Identity, or run "
                    "'git config --global gpg.format ssh' and 'git config --global user.signingkey ~/.ssh/id_ed25519.pub'. "
                    "The mesh's reviews/allowed_signers must list it for %2.")
                     .arg(service.signing().requiredBy, m_identity.email));
        return false;
    }
    service.setSigningKey(signingKey);
    const ProposalKey key{m_state.contractId, m_state.version};
    QString error;
    std::optional<ReviewState> result = service.record(key, kind, m_identity, text, &error, {}, field, replyTo);
    if (result && isVote(kind) && result->stage == Stage::Approved && !result->applied) {
        std::optional<sql::Connection> db;
        try {
            if (!m_cachePath.isEmpty() && QFileInfo::exists(m_cachePath))
                db = cache::openCache(m_cachePath, /*readOnly=*/true);
        } catch (const sql::SqlError &) {
            // The notice period then comes from the contract or the default.
        }
        result = service.apply(key, m_identity, &error, db ? &*db : nullptr);
    }
    setError(result ? QString() : error);
    reload();
    return result.has_value();
}

bool ReviewModel::comment(const QString &text, const QString &field, const QString &replyTo)
{
    if (text.trimmed().isEmpty()) {
        setError(tr("A comment needs some text."));
        return false;
    }
    return act(EventKind::Commented, text, field, replyTo);
}

bool ReviewModel::approve(const QString &text) { return act(EventKind::Approved, text); }
bool ReviewModel::requestChanges(const QString &text) { return act(EventKind::ChangesRequested, text); }
bool ReviewModel::reject(const QString &text) { return act(EventKind::Rejected, text); }
bool ReviewModel::submit(const QString &text) { return act(EventKind::Submitted, text); }
bool ReviewModel::withdraw(const QString &text) { return act(EventKind::Withdrawn, text); }
