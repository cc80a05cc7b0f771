#include "reviewservice.h"

#include "approvers.h"
#include "contracttext.h"
#include "contracts/diffreport.h"
#include "contracts/versiondiff.h"
#include "contracts/yamllocator.h"
#include "importers/importer.h"
#include "io/atomicfile.h"
#include "io/regularfile.h"
#include "io/safepath.h"
#include "model/serialization.h"
#include "sync/sourcewalker.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace meshscope::review {

namespace {

QJsonArray slotsJson(const std::vector<ApproverSlot> &slots)
{
    QJsonArray out;
    for (const ApproverSlot &s : slots)
        out.append(s.toJson());
    return out;
}

std::optional<QByteArray> readFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    return f.readAll();
}

std::optional<Contract> onlyContract(const QString &file, const QByteArray &bytes, QString *error)
{
    const ImportResult r = importDocument(file, bytes);
    for (const Diagnostic &d : r.diagnostics) {
        if (d.severity == Diagnostic::Severity::Error) {
            *error = d.toString();
            return std::nullopt;
        }
    }
    if (r.contracts.size() != 1) {
        *error = QStringLiteral("%1: holds %2 data contracts; a proposal is one").arg(file).arg(r.contracts.size());
        return std::nullopt;
    }
    return r.contracts.front();
}

/// Refuses an id or version that cannot be part of a file name (a proposal file is named after
/// both), naming the document and the line of the key.
bool checkNamePart(const QString &file, const QByteArray &text, const char *key, const QString &value, QString *error)
{
    const QString problem = io::fileNameProblem(value);
    if (problem.isEmpty())
        return true;
    const diff::LineRange at = diff::YamlLocator(QString::fromUtf8(text)).locate(QLatin1String(key));
    *error = QStringLiteral("%1%2: the %3 '%4' cannot be used in a file name: it %5")
                 .arg(file, at.isValid() ? QStringLiteral(":%1").arg(at.first + 1) : QString(), QLatin1String(key),
                      io::shownName(value), problem);
    return false;
}

} // namespace

std::optional<int> policyNoticeDays(sql::Connection &db)
{
    sql::Statement s = db.prepare("SELECT data FROM policies ORDER BY (domain_id IS NULL OR domain_id = '') DESC, id");
    while (s.step()) {
        const QJsonObject spec = json::parseObject(s.text(0).toUtf8()).value(QStringLiteral("spec")).toObject();
        const QString notice = spec.value(QStringLiteral("contracts")).toObject().value(QStringLiteral("breaking_changes"))
                                   .toObject().value(QStringLiteral("notice_period")).toString();
        if (const std::optional<int> days = durationDays(notice))
            return days;
    }
    return std::nullopt;
}

struct ReviewService::Signing {
    QString root;
    QString keyFile;
    std::optional<SigningContext> context;

    const SigningContext &get()
    {
        if (!context)
            context = loadSigningContext(root);
        return *context;
    }

    /// Signs a sealed event before it is written; refuses what a mesh that requires signatures would
    /// not count, so nobody records a vote that silently does nothing.
    bool sign(ReviewEvent &e, QString *error)
    {
        if (!canSign(error))
            return false;
        const SigningContext &c = get();
        if (keyFile.isEmpty())
            return true; // unsigned, where that is allowed
        const std::optional<QString> signature = signBytes(e.canonicalBytes(), keyFile, error);
        if (!signature)
            return false;
        e.signature = *signature;
        const SignatureCheck check = c.check(e);
        if (c.required && check.status != SignatureStatus::Good) {
            *error = QStringLiteral("signatures are required and this one would not count: %1; the mesh's %2 must list the key "
                                    "for %3 (changed through a reviewed proposal)")
                         .arg(check.reason, c.signers.file, e.author);
            return false;
        }
        return true;
    }

    bool canSign(QString *error)
    {
        const SigningContext &c = get();
        if (keyFile.isEmpty() && c.required) {
            *error = QStringLiteral("signatures are required (%1: spec.reviews.require_signatures) and no signing key is set; "
                                    "give --sign-key ~/.ssh/id_ed25519.pub, or run 'git config gpg.format ssh' and "
                                    "'git config user.signingkey ~/.ssh/id_ed25519.pub' (ssh-agent keys work)")
                         .arg(c.requiredBy);
            return false;
        }
        return true;
    }
};

ReviewService::ReviewService(QString sourceRoot)
    : m_store(sourceRoot), m_root(m_store.root()), m_signing(std::make_shared<Signing>())
{
    m_signing->root = m_root;
    m_store.setSealHook([signing = m_signing](ReviewEvent &e, QString *error) { return signing->sign(e, error); });
}

void ReviewService::setSigningKey(const QString &keyFile)
{
    m_signing->keyFile = keyFile;
}

const SigningContext &ReviewService::signing() const
{
    return m_signing->get();
}

bool ReviewService::canSign(QString *error) const
{
    return m_signing->canSign(error);
}

QString ReviewService::absolute(const QString &relativePath) const
{
    return QDir(m_root).filePath(relativePath);
}

std::optional<QString> ReviewService::inside(const QString &relativePath, QString *error) const
{
    return io::pathInside(m_root, relativePath, error);
}

QString ReviewService::fileHash(const QString &relativePath) const
{
    const std::optional<QString> path = inside(relativePath, nullptr);
    if (!path)
        return {};
    QFile f(*path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha1).toHex());
}

std::optional<QByteArray> ReviewService::readInside(const QString &relativePath, QString *error) const
{
    const std::optional<QString> path = inside(relativePath, error);
    return path ? readFile(*path, error) : std::nullopt;
}

std::vector<ContractFile> ReviewService::contractFiles() const
{
    // The same documents a sync of this folder reads (hidden folders and reviews/ skipped), sorted by path.
    std::vector<SourceFile> files;
    QString error;
    if (!walkSource(m_root, files, &error))
        return {};
    std::vector<ContractFile> out;
    for (const SourceFile &file : files) {
        const QString suffix = QFileInfo(file.relativePath).suffix().toLower();
        if (suffix != u"yaml" && suffix != u"yml")
            continue;
        QByteArray bytes; // read as a sync reads (io/regularfile.h): a regular file, bounded
        if (!io::readRegularFile(file.absolutePath, maxDocumentBytes(file.relativePath), bytes).ok())
            continue;
        const QByteArray head = QByteArray::fromRawData(bytes.constData(), std::min<qsizetype>(bytes.size(), 64 * 1024));
        if (!head.contains("DataContract") && !head.contains("dataContractSpecification"))
            continue;
        const ImportResult r = importDocument(file.relativePath, bytes);
        for (const Contract &c : r.contracts)
            out.push_back({file.relativePath, c});
    }
    return out;
}

std::optional<ContractFile> ReviewService::activeContract(const QString &contractId) const
{
    std::optional<ContractFile> best;
    for (ContractFile &f : contractFiles()) {
        if (f.contract.id != contractId)
            continue;
        if (!best || (diff::isReleasedStatus(f.contract.status) && !diff::isReleasedStatus(best->contract.status)))
            best = std::move(f);
        else if (diff::isReleasedStatus(f.contract.status) == diff::isReleasedStatus(best->contract.status)) {
            const auto a = diff::SemVer::parse(f.contract.version), b = diff::SemVer::parse(best->contract.version);
            if (a && b && diff::compareCore(*a, *b) > 0)
                best = std::move(f);
        }
    }
    return best;
}

ReviewState ReviewService::state(const ProposalKey &key, EventLog *log) const
{
    EventLog loaded = m_store.load(key.contractId, key.version);
    const SignatureChecks checks = signing().checkAll(loaded.events);
    ReviewState s = computeState(loaded.events, &checks);
    if (log)
        *log = std::move(loaded);
    return s;
}

std::optional<ReviewState> ReviewService::propose(const QString &editedFile, const Identity &who, sql::Connection &db,
                                                  const ProposeOptions &options, QString *error)
{
    const std::optional<QByteArray> edited = readFile(editedFile, error);
    if (!edited)
        return std::nullopt;
    const std::optional<Contract> proposal = onlyContract(editedFile, *edited, error);
    if (!proposal)
        return std::nullopt;
    const std::optional<ContractFile> base = activeContract(proposal->id);
    if (!base) {
        *error = QStringLiteral("%1: no contract %2 in %3 to propose a change of").arg(editedFile, proposal->id, m_root);
        return std::nullopt;
    }
    const diff::DiffReport report = diff::makeReport(base->contract, *proposal);
    if (report.diff.highest() == std::nullopt) {
        *error = QStringLiteral("%1: nothing changed against %2 %3").arg(editedFile, base->contract.id, base->contract.version);
        return std::nullopt;
    }
    // The version: what the author asked for, but never below what the changes require.
    QString version = options.version.isEmpty() ? proposal->version : options.version;
    const auto wanted = diff::SemVer::parse(version);
    const auto required = diff::SemVer::parse(report.version.required);
    const auto current = diff::SemVer::parse(base->contract.version);
    if (required && (!wanted || diff::compareCore(*wanted, *required) < 0 || (current && diff::compareCore(*wanted, *current) <= 0)))
        version = report.version.required;
    if (m_store.load(proposal->id, version).events.size() > 0) {
        *error = QStringLiteral("%1 %2 is already proposed; see 'meshscope review show %1@%2'").arg(proposal->id, version);
        return std::nullopt;
    }
    // The proposal file is named after both: neither may step out of its folder or be cut short.
    if (!checkNamePart(editedFile, *edited, "id", proposal->id, error) || !checkNamePart(editedFile, *edited, "version", version, error))
        return std::nullopt;
    ContractTextEdit edit;
    edit.status = options.draft ? QStringLiteral("draft") : QStringLiteral("proposed");
    edit.version = version;
    const std::optional<QByteArray> text = editContractText(editedFile, *edited, edit, error);
    if (!text)
        return std::nullopt;

    const QFileInfo baseInfo(absolute(base->relativePath));
    const QFileInfo editedInfo(editedFile);
    if (editedInfo == baseInfo) {
        *error = QStringLiteral("%1 is the active contract itself; save the edit as a copy (the proposal is written "
                                "beside the active version)").arg(editedFile);
        return std::nullopt;
    }
    // An edited copy already inside the mesh folder becomes the proposal where it is; one from elsewhere
    // is written beside the active version.
    const bool inside = editedInfo.absoluteFilePath().startsWith(m_root + QLatin1Char('/'))
                        && !QDir(m_root).relativeFilePath(editedInfo.absoluteFilePath()).startsWith(ReviewStore::reviewsFolderName() + QLatin1Char('/'));
    const QString fileName = QStringLiteral("%1.v%2.proposed.%3.yaml")
                                 .arg(proposal->id, version, proposal->specFormat == u"dcs" ? QStringLiteral("dcs") : QStringLiteral("odcs"));
    const std::optional<QString> proposalTarget =
        this->inside(QDir(m_root).relativeFilePath(inside ? editedInfo.absoluteFilePath() : baseInfo.absolutePath() + u'/' + fileName), error);
    if (!proposalTarget) {
        *error = QStringLiteral("%1: the proposal cannot be written: %2").arg(editedFile, *error);
        return std::nullopt;
    }
    const QString proposalPath = *proposalTarget;
    if (QFileInfo::exists(proposalPath) && QFileInfo(proposalPath) != editedInfo) {
        *error = QStringLiteral("%1 exists already; edit it and submit it, or remove it first").arg(proposalPath);
        return std::nullopt;
    }
    std::vector<ApproverSlot> approvers;
    try {
        approvers = deriveApprovers(db, base->contract, report.diff);
    } catch (const sql::SqlError &e) {
        *error = QStringLiteral("cannot read the cache for the approvers: ") + e.message();
        return std::nullopt;
    }
    for (const QString &reviewer : options.reviewers) {
        bool listed = false;
        for (const ApproverSlot &s : approvers)
            listed = listed || s.candidates.contains(reviewer, Qt::CaseInsensitive);
        if (!listed)
            approvers.push_back({QStringLiteral("added:") + reviewer.toLower(), QStringLiteral("Reviewer %1").arg(reviewer),
                                 QStringLiteral("added by the author"), {reviewer}});
    }
    if (!io::writeFileAtomically(proposalPath, *text, error))
        return std::nullopt;

    const QString relativeProposal = QDir(m_root).relativeFilePath(proposalPath);
    ReviewEvent e;
    e.contractId = proposal->id;
    e.version = version;
    e.kind = EventKind::Proposed;
    e.author = who.email;
    e.authorName = who.name;
    e.time = options.time;
    e.text = options.message.isEmpty()
                 ? QStringLiteral("%1 %2 -> %3").arg(proposal->id, base->contract.version, version)
                 : options.message;
    e.data = {{QStringLiteral("baseVersion"), base->contract.version},
              {QStringLiteral("baseFile"), base->relativePath},
              {QStringLiteral("proposalFile"), relativeProposal},
              {QStringLiteral("documentHash"), fileHash(relativeProposal)},
              {QStringLiteral("requiredVersion"), report.version.required},
              {QStringLiteral("breaking"), breakingChanges(report.diff)},
              {QStringLiteral("needsGovernance"), breakingChanges(report.diff) > 0 || changesSensitiveData(report.diff)},
              {QStringLiteral("draft"), options.draft},
              {QStringLiteral("approvers"), slotsJson(approvers)}};
    if (!m_store.append(e, error))
        return std::nullopt;
    return state({proposal->id, version});
}

std::optional<ReviewState> ReviewService::record(const ProposalKey &key, EventKind kind, const Identity &who,
                                                 const QString &text, QString *error, const QJsonObject &givenData,
                                                 const QString &field, const QString &replyTo, const QDateTime &time,
                                                 sql::Connection *db)
{
    EventLog log;
    const ReviewState before = state(key, &log);
    if (!log.problems.empty()) {
        *error = QStringLiteral("the review history does not verify: ") + log.problems.front().toString();
        return std::nullopt;
    }
    if (log.events.empty()) {
        *error = QStringLiteral("no proposal %1 %2 (see 'meshscope review list')").arg(key.contractId, key.version);
        return std::nullopt;
    }
    const bool byAuthor = sameIdentity(who.email, before.author);
    const bool authorOnly = kind == EventKind::Submitted || kind == EventKind::Withdrawn || kind == EventKind::ReviewerAdded;
    if (authorOnly && !byAuthor) {
        *error = QStringLiteral("only the author (%1) can %2 this proposal").arg(before.author, kindName(kind));
        return std::nullopt;
    }
    if (kind != EventKind::Commented && isFinal(before.stage)) {
        *error = QStringLiteral("%1 %2 is %3; only comments can be added").arg(key.contractId, key.version, stageLabel(before.stage));
        return std::nullopt;
    }
    if (isVote(kind) && before.stage == Stage::Draft) {
        *error = QStringLiteral("%1 %2 is still a draft; the author submits it for review first").arg(key.contractId, key.version);
        return std::nullopt;
    }
    if (!replyTo.isEmpty()) {
        bool found = false;
        for (const ReviewEvent &e : log.events)
            found = found || e.hash.startsWith(replyTo);
        if (!found) {
            *error = QStringLiteral("no event %1 to answer").arg(replyTo);
            return std::nullopt;
        }
    }

    QJsonObject data = givenData;
    const QString currentHash = fileHash(before.proposalFile);
    if (isVote(kind)) {
        if (currentHash != before.documentHash) {
            *error = QStringLiteral("%1 changed since it was last submitted; the author submits it again before votes count")
                         .arg(before.proposalFile);
            return std::nullopt;
        }
        // The same vote twice on one revision is one vote: a second click must not read as a second approver.
        for (const SlotVote &v : before.slots) {
            if (!v.stale && v.vote == kindName(kind) && sameIdentity(v.voter, who.email)) {
                *error = QStringLiteral("%1 already %2 this revision of %3 %4").arg(who.email, kindName(kind), key.contractId, key.version);
                return std::nullopt;
            }
        }
        data.insert(QStringLiteral("documentHash"), currentHash);
    }
    if (kind == EventKind::Submitted) {
        if (currentHash.isEmpty()) {
            *error = QStringLiteral("%1 cannot be read").arg(before.proposalFile);
            return std::nullopt;
        }
        data.insert(QStringLiteral("documentHash"), currentHash);
        if (currentHash != before.documentHash && db) {
            // A revised proposal is diffed again: it may now break more, or less, and need other approvers.
            QString readError;
            const std::optional<QByteArray> bytes = readInside(before.proposalFile, &readError);
            const std::optional<QByteArray> baseBytes = readInside(before.baseFile, &readError);
            std::optional<Contract> proposal, base;
            if (bytes && baseBytes) {
                proposal = onlyContract(before.proposalFile, *bytes, &readError);
                base = onlyContract(before.baseFile, *baseBytes, &readError);
            }
            if (!proposal || !base) {
                *error = readError;
                return std::nullopt;
            }
            if (proposal->version != key.version) {
                *error = QStringLiteral("%1 now says version %2; a review is of one version (%3)")
                             .arg(before.proposalFile, proposal->version, key.version);
                return std::nullopt;
            }
            const diff::DiffReport report = diff::makeReport(*base, *proposal);
            if (!report.version.ok) {
                *error = QStringLiteral("%1: %2").arg(before.proposalFile, report.version.reason);
                return std::nullopt;
            }
            try {
                data.insert(QStringLiteral("approvers"), slotsJson(deriveApprovers(*db, *base, report.diff)));
            } catch (const sql::SqlError &e) {
                *error = e.message();
                return std::nullopt;
            }
            data.insert(QStringLiteral("breaking"), breakingChanges(report.diff));
            data.insert(QStringLiteral("needsGovernance"), breakingChanges(report.diff) > 0 || changesSensitiveData(report.diff));
        }
    }

    ReviewEvent e;
    e.contractId = key.contractId;
    e.version = key.version;
    e.kind = kind;
    e.author = who.email;
    e.authorName = who.name;
    e.text = text;
    e.field = field;
    if (!replyTo.isEmpty()) {
        for (const ReviewEvent &x : log.events) {
            if (x.hash.startsWith(replyTo))
                e.replyTo = x.hash;
        }
    }
    e.time = time;
    e.data = data;
    if (!m_store.append(e, error))
        return std::nullopt;
    return state(key);
}

std::optional<ReviewState> ReviewService::apply(const ProposalKey &key, const Identity &who, QString *error,
                                                sql::Connection *db, const QDateTime &time)
{
    EventLog log;
    const ReviewState s = state(key, &log);
    if (!log.problems.empty()) {
        *error = QStringLiteral("the review history does not verify: ") + log.problems.front().toString();
        return std::nullopt;
    }
    if (s.stage != Stage::Approved) {
        *error = QStringLiteral("%1 %2 is %3, not approved (%4 of %5 approvals)")
                     .arg(key.contractId, key.version, stageLabel(s.stage))
                     .arg(s.approvals())
                     .arg(s.required());
        return std::nullopt;
    }
    if (s.applied)
        return s;

    QString readError;
    // Both files were checked when the history was verified; checked again here, where they are
    // written, so no path from an event reaches outside the mesh however the state was obtained.
    const std::optional<QString> proposalPath = inside(s.proposalFile, error);
    const std::optional<QString> basePath = proposalPath ? inside(s.baseFile, error) : std::nullopt;
    if (!proposalPath || !basePath)
        return std::nullopt;
    const std::optional<QByteArray> proposalBytes = readFile(*proposalPath, error);
    if (!proposalBytes)
        return std::nullopt;
    const std::optional<Contract> proposal = onlyContract(s.proposalFile, *proposalBytes, error);
    if (!proposal)
        return std::nullopt;
    const bool alreadyActive = diff::isReleasedStatus(proposal->status);
    if (!alreadyActive && fileHash(s.proposalFile) != s.documentHash) {
        *error = QStringLiteral("%1 changed after it was approved; nothing written").arg(s.proposalFile);
        return std::nullopt;
    }
    const std::optional<QByteArray> baseBytes = readFile(*basePath, error);
    if (!baseBytes)
        return std::nullopt;
    const std::optional<Contract> base = onlyContract(s.baseFile, *baseBytes, error);
    if (!base)
        return std::nullopt;

    const QDateTime now = time.isValid() ? time : QDateTime::currentDateTimeUtc();
    QJsonObject data;
    ContractTextEdit deprecate;
    deprecate.status = QStringLiteral("deprecated");
    if (s.breaking > 0) {
        std::optional<int> days = durationDays(base->noticePeriod);
        QString from = QStringLiteral("the contract");
        if (!days && db) {
            try {
                days = policyNoticeDays(*db);
                from = QStringLiteral("the governance policy");
            } catch (const sql::SqlError &) {
            }
        }
        if (!days) {
            days = kDefaultNoticeDays;
            from = QStringLiteral("the default");
        }
        const QString sunset = now.date().addDays(*days).toString(Qt::ISODate);
        deprecate.properties = {{QStringLiteral("sunsetDate"), sunset}, {QStringLiteral("supersededBy"), key.version}};
        data.insert(QStringLiteral("sunsetDate"), sunset);
        data.insert(QStringLiteral("noticeDays"), *days);
        data.insert(QStringLiteral("noticeFrom"), from);
    }

    // New version first: a crash between the two writes leaves two active versions, which the next
    // apply finishes; never a moment with none.
    if (!alreadyActive) {
        ContractTextEdit activate;
        activate.status = QStringLiteral("active");
        const std::optional<QByteArray> text = editContractText(s.proposalFile, *proposalBytes, activate, error);
        if (!text || !io::writeFileAtomically(*proposalPath, *text, error))
            return std::nullopt;
    }
    if (base->status != u"deprecated" || !deprecate.properties.empty()) {
        const std::optional<QByteArray> text = editContractText(s.baseFile, *baseBytes, deprecate, error);
        if (!text)
            return std::nullopt;
        if (*text != *baseBytes && !io::writeFileAtomically(*basePath, *text, error))
            return std::nullopt;
    }
    data.insert(QStringLiteral("outcome"), QStringLiteral("approved"));
    data.insert(QStringLiteral("proposalHash"), fileHash(s.proposalFile));
    data.insert(QStringLiteral("baseHash"), fileHash(s.baseFile));

    ReviewEvent e;
    e.contractId = key.contractId;
    e.version = key.version;
    e.kind = EventKind::Applied;
    e.author = who.email;
    e.authorName = who.name;
    e.time = now;
    e.text = QStringLiteral("%1 is active; %2 is deprecated%3")
                 .arg(key.version, s.baseVersion,
                      data.contains(QStringLiteral("sunsetDate"))
                          ? QStringLiteral(" until %1").arg(data.value(QStringLiteral("sunsetDate")).toString())
                          : QString());
    e.data = data;
    if (!m_store.append(e, error))
        return std::nullopt;
    return state(key);
}

} // namespace meshscope::review
