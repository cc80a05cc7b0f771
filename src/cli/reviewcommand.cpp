#include "commands.h"
#include "commonoptions.h"

#include "cache/cachefile.h"
#include "review/reviewgit.h"
#include "review/reviewservice.h"
#include "sync/syncengine.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTextStream>

#include <optional>

namespace meshscope::cli {

namespace {

using namespace meshscope::review;

const char *const kDescription =
    "Reviews of data contract proposals, kept as hash-linked event files in the mesh folder\n"
    "(reviews/<contract-id>/<version>/), shared through git.\n\n"
    "  list                         proposals and their state\n"
    "  show ID@VERSION              approvers, votes and the discussion of one proposal\n"
    "  propose FILE                 propose an edited copy of an active contract\n"
    "  comment ID@VERSION TEXT      comment (--field PATH on one change, --reply-to HASH)\n"
    "  approve|reject|request-changes ID@VERSION [-m TEXT]\n"
    "  submit ID@VERSION            (author) submit a draft or a revision for review\n"
    "  add-reviewer ID@VERSION EMAIL  (author) require one more approval\n"
    "  withdraw ID@VERSION          (author) withdraw the proposal\n"
    "  apply ID@VERSION             write an approved proposal back (done by the last approval)\n"
    "  verify                       check every review's hash chain and signatures\n\n"
    "Identity: --as EMAIL (--name NAME), else git config user.email/user.name of the source folder.\n"
    "Signing: --sign-key FILE (a private key, or a .pub whose key ssh-agent holds), else git config\n"
    "user.signingkey when gpg.format is ssh. Who may sign for whom: reviews/allowed_signers.\n"
    "Exit: 0 done, 1 verify found broken events (or a vote did not count), 2 bad usage or refused.";

QString gitConfig(const QString &folder, const QString &key)
{
    QProcess git;
    git.setWorkingDirectory(folder);
    git.start(QStringLiteral("git"), {QStringLiteral("config"), QStringLiteral("--get"), key});
    if (!git.waitForFinished(3000) || git.exitCode() != 0)
        return {};
    return QString::fromUtf8(git.readAllStandardOutput()).trimmed();
}

/// "orders.order_events@2.0.0"; without a version, the one proposal of that contract.
std::optional<ProposalKey> resolve(const ReviewService &service, const QString &ref, QString *error)
{
    const qsizetype at = ref.lastIndexOf(QLatin1Char('@'));
    const QString id = at < 0 ? ref : ref.left(at);
    const QString version = at < 0 ? QString() : ref.mid(at + 1);
    std::vector<ProposalKey> matches;
    for (const ProposalKey &k : service.store().proposals()) {
        if (k.contractId == id && (version.isEmpty() || k.version == version))
            matches.push_back(k);
    }
    if (matches.size() == 1)
        return matches.front();
    if (matches.empty()) {
        *error = QStringLiteral("no proposal %1 (see 'meshscope review list')").arg(ref);
    } else {
        QStringList versions;
        for (const ProposalKey &k : matches)
            versions << k.version;
        *error = QStringLiteral("%1 has %2 proposals (%3); name one as %1@VERSION").arg(id).arg(matches.size()).arg(versions.join(QStringLiteral(", ")));
    }
    return std::nullopt;
}

QString voteText(const SlotVote &v)
{
    if (v.vote.isEmpty())
        return QStringLiteral("waiting");
    QString who = v.voterName.isEmpty() ? v.voter : v.voterName;
    QString text = QStringLiteral("%1 by %2 on %3").arg(v.vote, who, v.time.toUTC().toString(QStringLiteral("yyyy-MM-dd")));
    if (v.stale)
        text += QStringLiteral(" (earlier revision, does not count)");
    return text;
}

void printState(QTextStream &out, const ReviewState &s, bool detailed)
{
    out << s.contractId << " " << s.baseVersion << " -> " << s.version << "  " << stageLabel(s.stage).toUpper()
        << (s.applied ? QStringLiteral(" (written back)") : QString()) << "  " << s.approvals() << "/" << s.required()
        << " approvals  by " << (s.authorName.isEmpty() ? s.author : s.authorName) << "\n";
    if (!detailed)
        return;
    out << "  " << s.title << "\n  proposal: " << s.proposalFile << "  (required version " << s.requiredVersion << ", "
        << s.breaking << " breaking)\n\nRequired approvers:\n";
    for (const SlotVote &v : s.slots) {
        const QString mark = v.vote == u"approved" && !v.stale ? QStringLiteral("[x]")
                             : v.vote.isEmpty() || v.stale     ? QStringLiteral("[ ]")
                                                               : QStringLiteral("[!]");
        out << "  " << mark << " " << v.slot.label << ": " << voteText(v) << "\n      " << v.slot.candidates.join(QStringLiteral(", "))
            << " (" << v.slot.reason << ")\n";
    }
    out << "\nEvents:\n";
    for (const ReviewEvent &e : s.events) {
        const SignatureCheck check = s.signatures.of(e.hash);
        out << "  " << e.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) << "  " << e.hash.left(8) << "  "
            << kindName(e.kind) << "  " << (e.authorName.isEmpty() ? e.author : e.authorName) << "  ["
            << signatureStatusName(check.status) << (check.fingerprint.isEmpty() ? QString() : QStringLiteral(" ") + check.fingerprint) << "]";
        if (!e.field.isEmpty())
            out << "  on " << e.field;
        if (!e.replyTo.isEmpty())
            out << "  re " << e.replyTo.left(8);
        out << "\n";
        if (!e.text.isEmpty())
            out << "      " << QString(e.text).replace(QLatin1Char('\n'), QStringLiteral("\n      ")) << "\n";
        if (s.notes.contains(e.hash))
            out << "      note: " << s.notes.value(e.hash) << "\n";
    }
}

/// Syncs the source into the cache so approvers are derived from the mesh as it is now.
std::optional<sql::Connection> syncedCache(const QString &cachePath, const QString &source, QTextStream &err)
{
    SyncEngine engine(cachePath);
    const SyncReport report = engine.run({source});
    if (!report.fatalError.isEmpty()) {
        err << "meshscope review: " << report.fatalError << Qt::endl;
        return std::nullopt;
    }
    try {
        return cache::openCache(cachePath, /*readOnly=*/true);
    } catch (const sql::SqlError &e) {
        err << "meshscope review: " << e.message() << Qt::endl;
        return std::nullopt;
    }
}

/// Signature problems of one proposal's events, naming each event's file: a bad signature always, and
/// any event that is not good-signed where signatures are required.
QStringList signatureProblems(const ReviewState &s, const EventLog &log, const QString &root)
{
    QStringList out;
    const QString folder = QDir(root).relativeFilePath(log.folder);
    for (const ReviewEvent &e : s.events) {
        const SignatureCheck c = s.signatures.of(e.hash);
        if (c.status == SignatureStatus::Good || (!s.signatures.required && c.status != SignatureStatus::Bad))
            continue;
        out << QStringLiteral("%1/%2: %3 signature: %4").arg(folder, e.fileName(), signatureStatusName(c.status), c.reason);
    }
    return out;
}

int verifyAll(const ReviewService &service, bool json, QTextStream &out)
{
    QJsonArray problems;
    int events = 0;
    const std::vector<ProposalKey> keys = service.store().proposals();
    QStringList lines;
    const SigningContext &signing = service.signing();
    lines << signing.signers.errors;
    if (signing.required && !signing.hasSignersFile)
        lines << QStringLiteral("%1: signatures are required (%2) but the file is missing").arg(signing.signers.file, signing.requiredBy);
    for (const ProposalKey &k : keys) {
        EventLog log;
        const ReviewState s = service.state(k, &log);
        events += int(log.events.size());
        for (const Problem &p : log.problems)
            lines << p.toString();
        lines << signatureProblems(s, log, service.store().root());
        if (log.problems.empty() && !s.applied && !s.proposalFile.isEmpty() && service.fileHash(s.proposalFile) != s.documentHash
            && !isFinal(s.stage))
            lines << QStringLiteral("%1: warning: changed since it was last submitted; votes wait for the author to submit it again")
                         .arg(s.proposalFile);
    }
    for (const Problem &p : historyRewrites(service.store().root()))
        lines << p.toString();
    int broken = 0;
    for (const QString &l : std::as_const(lines)) {
        problems.append(l);
        broken += l.contains(QLatin1String(": warning: ")) ? 0 : 1;
    }
    // Who may sign is itself history: every change to allowed_signers, with the commit that made it.
    const std::optional<std::vector<SignersChange>> changes = allowedSignersHistory(service.store().root());
    QJsonArray changeArray;
    if (changes) {
        for (const SignersChange &c : *changes)
            changeArray.append(QJsonObject{{QStringLiteral("commit"), c.commit}, {QStringLiteral("date"), c.date},
                                           {QStringLiteral("author"), c.author}, {QStringLiteral("subject"), c.subject}});
    }
    if (json) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("proposals"), int(keys.size())},
                                         {QStringLiteral("events"), events},
                                         {QStringLiteral("ok"), broken == 0},
                                         {QStringLiteral("signaturesRequired"), signing.required},
                                         {QStringLiteral("allowedSignersChanges"), changes ? QJsonValue(changeArray) : QJsonValue()},
                                         {QStringLiteral("problems"), problems}})
                   .toJson(QJsonDocument::Indented);
    } else {
        if (changes) {
            out << signing.signers.file << " changed in " << changes->size() << (changes->size() == 1 ? " commit" : " commits")
                << (changes->empty() ? "\n" : ":\n");
            for (const SignersChange &c : *changes)
                out << "  " << c.toString() << "\n";
        }
        out << "signatures " << (signing.required ? "required by " + signing.requiredBy : QStringLiteral("not required")) << "\n";
        for (const QString &l : std::as_const(lines))
            out << l << "\n";
        out << (broken == 0 ? "ok: " : "BROKEN: ") << keys.size() << " proposals, " << events << " events verified";
        if (broken)
            out << ", " << broken << " problems";
        out << "\n";
    }
    return broken == 0 ? Success : Found;
}

} // namespace

int reviewCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromLatin1(kDescription));
    parser.addHelpOption();
    CommonOptions common;
    common.addTo(parser);
    const QCommandLineOption as(QStringLiteral("as"), QStringLiteral("Act as this e-mail (default: git config user.email)."), QStringLiteral("EMAIL"));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("Display name (default: git config user.name)."), QStringLiteral("NAME"));
    const QCommandLineOption message({QStringLiteral("m"), QStringLiteral("message")}, QStringLiteral("Text of the event."), QStringLiteral("TEXT"));
    const QCommandLineOption field(QStringLiteral("field"), QStringLiteral("Comment on one change: its diff path."), QStringLiteral("PATH"));
    const QCommandLineOption replyTo(QStringLiteral("reply-to"), QStringLiteral("Answer the event with this hash (prefix)."), QStringLiteral("HASH"));
    const QCommandLineOption draft(QStringLiteral("draft"), QStringLiteral("propose: keep it a draft until 'submit'."));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("propose: the version (raised to the required one)."), QStringLiteral("VERSION"));
    const QCommandLineOption reviewer(QStringLiteral("reviewer"), QStringLiteral("propose: one more required reviewer; repeatable."), QStringLiteral("EMAIL"));
    const QCommandLineOption at(QStringLiteral("at"), QStringLiteral("Event time, ISO 8601 UTC (default: now); for imports and tests."), QStringLiteral("TIME"));
    const QCommandLineOption noApply(QStringLiteral("no-apply"), QStringLiteral("approve: do not write the contract back when this is the last approval."));
    const QCommandLineOption signKey(QStringLiteral("sign-key"), QStringLiteral("Sign events with this SSH key (default: git config user.signingkey when gpg.format is ssh)."), QStringLiteral("FILE"));
    parser.addOptions({as, name, message, field, replyTo, draft, version, reviewer, at, noApply, signKey});
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("list, show, propose, comment, approve, reject, request-changes, submit, add-reviewer, withdraw, apply, verify"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!parser.parse(arguments.mid(1))) {
        err << "meshscope review: " << parser.errorText() << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return Success;
    }
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        err << "meshscope review: give an action; see 'meshscope review --help'" << Qt::endl;
        return BadUsage;
    }
    const QStringList sources = common.sources(parser);
    if (sources.size() != 1 || !QFileInfo(sources.front()).isDir()) {
        err << "meshscope review: give one mesh folder with --source (reviews live in its reviews/ folder)" << Qt::endl;
        return BadUsage;
    }
    const QString source = QFileInfo(sources.front()).absoluteFilePath();
    const bool json = parser.isSet(common.json);
    ReviewService service(source);
    service.setSigningKey(configuredSigningKey(source, parser.value(signKey)));
    const QString action = args.front();

    if (action == u"list") {
        QJsonArray list;
        for (const ProposalKey &k : service.store().proposals()) {
            EventLog log;
            const ReviewState s = service.state(k, &log);
            if (json) {
                QJsonObject o = s.toJson();
                o.remove(QStringLiteral("events"));
                o.insert(QStringLiteral("verified"), log.problems.empty());
                list.append(o);
            } else {
                printState(out, s, false);
                if (!log.problems.empty())
                    out << "  BROKEN: " << log.problems.front().toString() << "\n";
            }
        }
        if (json)
            out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        else if (list.isEmpty() && service.store().proposals().empty())
            out << "no proposals under " << source << "\n";
        return Success;
    }
    if (action == u"verify")
        return verifyAll(service, json, out);

    QDateTime time;
    if (parser.isSet(at)) {
        time = QDateTime::fromString(parser.value(at), Qt::ISODateWithMs);
        if (!time.isValid()) {
            err << "meshscope review: --at takes an ISO 8601 time, not '" << parser.value(at) << "'" << Qt::endl;
            return BadUsage;
        }
    }
    Identity who{parser.value(as), parser.value(name)};
    if (who.email.isEmpty())
        who.email = gitConfig(source, QStringLiteral("user.email"));
    if (who.name.isEmpty() && !parser.isSet(as))
        who.name = gitConfig(source, QStringLiteral("user.name"));
    const bool reads = action == u"show";
    if (who.email.isEmpty() && !reads) {
        err << "meshscope review: who are you? Give --as EMAIL or set git config user.email" << Qt::endl;
        return BadUsage;
    }
    if (args.size() < 2) {
        err << "meshscope review " << action << ": give " << (action == u"propose" ? "the edited contract FILE" : "ID@VERSION")
            << Qt::endl;
        return BadUsage;
    }
    QString error;
    std::optional<ReviewState> result;

    if (action == u"propose") {
        std::optional<sql::Connection> db = syncedCache(common.cachePath(parser), source, err);
        if (!db)
            return BadUsage;
        ProposeOptions options;
        options.draft = parser.isSet(draft);
        options.message = parser.value(message);
        options.version = parser.value(version);
        options.reviewers = parser.values(reviewer);
        options.time = time;
        result = service.propose(args.at(1), who, *db, options, &error);
    } else {
        const std::optional<ProposalKey> key = resolve(service, args.at(1), &error);
        if (!key) {
            err << "meshscope review: " << error << Qt::endl;
            return BadUsage;
        }
        if (action == u"show") {
            EventLog log;
            const ReviewState s = service.state(*key, &log);
            QStringList problems;
            for (const Problem &p : log.problems)
                problems << p.toString();
            problems << signatureProblems(s, log, service.store().root());
            if (json) {
                QJsonObject o = s.toJson();
                o.insert(QStringLiteral("problems"), QJsonArray::fromStringList(problems));
                out << QJsonDocument(o).toJson(QJsonDocument::Indented);
            } else {
                printState(out, s, true);
                for (const QString &p : std::as_const(problems))
                    out << "BROKEN: " << p << "\n";
            }
            return problems.empty() ? Success : Found;
        }
        const QString text = parser.isSet(message) ? parser.value(message) : args.mid(2).join(QLatin1Char(' '));
        std::optional<EventKind> kind;
        QJsonObject data;
        if (action == u"comment") {
            kind = EventKind::Commented;
            if (text.isEmpty()) {
                err << "meshscope review comment: give the TEXT" << Qt::endl;
                return BadUsage;
            }
        } else if (action == u"approve") {
            kind = EventKind::Approved;
        } else if (action == u"reject") {
            kind = EventKind::Rejected;
        } else if (action == u"request-changes") {
            kind = EventKind::ChangesRequested;
        } else if (action == u"submit") {
            kind = EventKind::Submitted;
        } else if (action == u"withdraw") {
            kind = EventKind::Withdrawn;
        } else if (action == u"add-reviewer") {
            kind = EventKind::ReviewerAdded;
            if (args.size() < 3) {
                err << "meshscope review add-reviewer: give the reviewer's EMAIL" << Qt::endl;
                return BadUsage;
            }
            data.insert(QStringLiteral("reviewer"), args.at(2));
        } else if (action != u"apply") {
            err << "meshscope review: unknown action '" << action << "'; see 'meshscope review --help'" << Qt::endl;
            return BadUsage;
        }
        std::optional<sql::Connection> db;
        const bool mayApply = (action == u"approve" && !parser.isSet(noApply)) || action == u"apply";
        if (action == u"submit" || mayApply) {
            db = syncedCache(common.cachePath(parser), source, err);
            if (!db)
                return BadUsage;
        }
        if (kind) {
            result = service.record(*key, *kind, who, kind == EventKind::ReviewerAdded ? parser.value(message) : text, &error,
                                    data, parser.value(field), parser.value(replyTo), time, db ? &*db : nullptr);
        }
        if ((kind && result && mayApply && result->stage == Stage::Approved && !result->applied) || action == u"apply") {
            // Refused before apply writes the contract files, not after (its event must be signed too).
            result = service.canSign(&error) ? service.apply(*key, who, &error, db ? &*db : nullptr, time) : std::nullopt;
        }
    }
    if (!result) {
        err << "meshscope review " << action << ": " << error << Qt::endl;
        return BadUsage;
    }
    if (json) {
        out << QJsonDocument(result->toJson()).toJson(QJsonDocument::Indented);
    } else {
        printState(out, *result, false);
        if (!result->events.empty() && result->notes.contains(result->events.back().hash))
            out << "note: " << result->notes.value(result->events.back().hash) << "\n";
        if (result->applied && (action == u"approve" || action == u"apply"))
            out << result->events.back().text << "\n";
    }
    // A vote that was kept as a comment did not do what was asked: say so in the exit code too.
    const bool voteIgnored = isVote(result->events.back().kind) && result->notes.contains(result->events.back().hash)
                             && !result->applied;
    return voteIgnored ? Found : Success;
}

} // namespace meshscope::cli
