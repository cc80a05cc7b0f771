// Signed review events with real keys made by ssh-keygen: a vote counts only when it is signed by a key
// reviews/allowed_signers lists for the approver it names (where the mesh requires signatures), and
// `meshscope review verify` says which event file does not verify and why. The sample's proposal is at
// 4 of 9 approvals; the governance council's vote is the one each case casts or forges.
#include "review/reviewmodel.h"
#include "review/reviewservice.h"
#include "review/reviewsigning.h"
#include "review/signingstatus.h"
#include "testsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace meshscope;
using namespace meshscope::review;

namespace {

const ProposalKey kKey{QStringLiteral("orders.order_events"), QStringLiteral("2.0.0")};
const QString kCouncil = QStringLiteral("data-governance@northwind.example");
const QString kRef = QStringLiteral("orders.order_events@2.0.0");

QString folderOf(const QString &root)
{
    return root + QStringLiteral("/reviews/orders.order_events/2.0.0");
}

struct Run {
    int code = -1;
    QString output;
};

Run run(const QStringList &arguments, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
        const QString &program = QStringLiteral(MESHSCOPE_BINARY), const QString &folder = {})
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (!folder.isEmpty())
        p.setWorkingDirectory(folder);
    p.start(program, arguments);
    p.waitForFinished(60000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())};
}

bool appendText(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Append) && f.write(text) == text.size();
}

} // namespace

class TestReviewSignatures : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;

    /// A fresh Ed25519 key pair `DIR/name`, `DIR/name.pub`.
    QString makeKey(const QString &name, const QString &type = QStringLiteral("ed25519"))
    {
        return testsupport::makeSshKey(m_tmp.filePath(QStringLiteral("keys/") + name), type);
    }

    static QString publicLine(const QString &key)
    {
        return QString::fromLatin1(testsupport::readAll(key + QStringLiteral(".pub"))).section(QLatin1Char(' '), 0, 1);
    }

    static QString fingerprint(const QString &key)
    {
        QString error;
        const std::optional<sshsig::PublicKey> k = publicKeyOf(key, &error);
        return k ? k->fingerprint() : error;
    }

    /// Lists `key` for `email` in the mesh's allowed_signers.
    static void listKey(const QString &root, const QString &email, const QString &key)
    {
        testsupport::listSigningKey(root, email, key);
    }

    /// A copy of the sample mesh (signed history, its allowed_signers) with signatures required or not.
    QString mesh(const QString &name, bool required)
    {
        const QString root = m_tmp.filePath(name);
        testsupport::copyTree(testsupport::source(QStringLiteral("resources/sample-mesh")), root);
        testsupport::setSignaturesRequired(root, required);
        return root;
    }

    static int approvals(const QString &root)
    {
        return ReviewService(root).state(kKey).approvals();
    }

    static Run verify(const QString &root)
    {
        return run({QStringLiteral("review"), QStringLiteral("verify"), QStringLiteral("--source"), root});
    }

    /// The council's approval, signed with `key` (none: unsigned), through the service the CLI uses.
    static std::optional<ReviewState> councilApproves(const QString &root, const QString &key, QString *error)
    {
        ReviewService service(root);
        service.setSigningKey(key);
        return service.record(kKey, EventKind::Approved, {kCouncil, QStringLiteral("Data Governance Council")},
                              QStringLiteral("Approved by the council."), error);
    }

    /// The file of the newest event of the sample proposal.
    static QString newestEventFile(const QString &root)
    {
        const QStringList names = QDir(folderOf(root)).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        return names.isEmpty() ? QString() : names.back();
    }

    /// The events of `show --json`, by file name.
    static QHash<QString, QJsonObject> shownEvents(const QString &root)
    {
        const Run r = run({QStringLiteral("review"), QStringLiteral("show"), kRef, QStringLiteral("--source"), root, QStringLiteral("--json")});
        QHash<QString, QJsonObject> out;
        for (const QJsonValue &e : QJsonDocument::fromJson(r.output.toUtf8()).object().value(QStringLiteral("events")).toArray())
            out.insert(e.toObject().value(QStringLiteral("file")).toString(), e.toObject());
        return out;
    }

    /// An event recorded while signatures were not required, checked once they are: it does not count,
    /// and verify exits 1 naming its file and `reason`.
    void expectRefusedOnceRequired(const QString &root, const QString &reason)
    {
        const QString file = newestEventFile(root);
        testsupport::setSignaturesRequired(root, true);
        QCOMPARE(approvals(root), 4);
        const Run v = verify(root);
        QCOMPARE(v.code, 1);
        QVERIFY2(v.output.contains(file + QStringLiteral(": unknown-key signature: ")) && v.output.contains(reason), qPrintable(v.output));
        QCOMPARE(shownEvents(root).value(file).value(QStringLiteral("signature")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("unknown-key"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        qputenv("GIT_CONFIG_NOSYSTEM", "1");
        qputenv("HOME", m_tmp.path().toUtf8()); // no git config of the machine's user
        qunsetenv("SSH_AUTH_SOCK");
    }

    void sampleHistoryIsSignedAndVerifies()
    {
        const QString sample = testsupport::source(QStringLiteral("resources/sample-mesh"));
        const ReviewService service(sample);
        QVERIFY(service.signing().required);
        QVERIFY2(service.signing().signers.errors.isEmpty(), qPrintable(service.signing().signers.errors.join(u'\n')));
        const ReviewState s = service.state(kKey);
        QCOMPARE(int(s.events.size()), 11);
        for (const ReviewEvent &e : s.events)
            QVERIFY2(s.signatures.of(e.hash).status == SignatureStatus::Good, qPrintable(e.fileName() + u' ' + s.signatures.of(e.hash).reason));
        QCOMPARE(s.approvals(), 4);
        const Run v = verify(sample);
        QCOMPARE(v.code, 0);
        QVERIFY2(v.output.contains(QLatin1String("signatures required by policies/global.yaml")), qPrintable(v.output));
    }

    void goodSignatureCounts()
    {
        const QString root = mesh(QStringLiteral("good"), true);
        const QString key = makeKey(QStringLiteral("council-good"));
        listKey(root, kCouncil, key);
        // The case: approving as the council with no key is refused, and nothing changes.
        const QString cache = m_tmp.filePath(QStringLiteral("good.sqlite"));
        Run r = run({QStringLiteral("review"), QStringLiteral("approve"), kRef, QStringLiteral("--source"), root, QStringLiteral("--cache"), cache,
                     QStringLiteral("--as"), kCouncil, QStringLiteral("--no-apply")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.output.contains(QLatin1String("--sign-key")) && r.output.contains(QLatin1String("user.signingkey")), qPrintable(r.output));
        QCOMPARE(approvals(root), 4);
        // With the council's listed key it counts.
        r = run({QStringLiteral("review"), QStringLiteral("approve"), kRef, QStringLiteral("--source"), root, QStringLiteral("--cache"), cache,
                 QStringLiteral("--as"), kCouncil, QStringLiteral("--no-apply"), QStringLiteral("--sign-key"), key});
        QVERIFY2(r.code == 0, qPrintable(r.output));
        QCOMPARE(approvals(root), 5);
        QCOMPARE(verify(root).code, 0);
        const QJsonObject signature = shownEvents(root).value(newestEventFile(root)).value(QStringLiteral("signature")).toObject();
        QCOMPARE(signature.value(QStringLiteral("status")).toString(), QStringLiteral("good"));
        QCOMPARE(signature.value(QStringLiteral("key")).toString(), fingerprint(key));
    }

    void wrongKeyDoesNotCount()
    {
        const QString root = mesh(QStringLiteral("wrong"), false);
        listKey(root, kCouncil, makeKey(QStringLiteral("council-listed")));
        const QString other = makeKey(QStringLiteral("council-other"));
        QString error;
        // Where signatures are not required, a vote signed with another key still counts (as an unsigned one would).
        QVERIFY2(councilApproves(root, other, &error), qPrintable(error));
        QCOMPARE(approvals(root), 5);
        QCOMPARE(verify(root).code, 0);
        expectRefusedOnceRequired(root, QStringLiteral("a key allowed_signers does not list"));
        // And where they are required, the service does not even write it.
        QVERIFY(!councilApproves(root, other, &error));
        QVERIFY2(error.contains(QLatin1String("would not count")), qPrintable(error));
        QCOMPARE(approvals(root), 4);
    }

    void keyNotListed()
    {
        // No line for the council at all.
        const QString root = mesh(QStringLiteral("unlisted"), false);
        QString error;
        QVERIFY2(councilApproves(root, makeKey(QStringLiteral("council-unlisted")), &error), qPrintable(error));
        QCOMPARE(approvals(root), 5);
        expectRefusedOnceRequired(root, QStringLiteral("a key allowed_signers does not list"));
    }

    void keyListedForAnotherEmail()
    {
        const QString root = mesh(QStringLiteral("another"), false);
        const QString ines = makeKey(QStringLiteral("ines"));
        listKey(root, QStringLiteral("ines.costa@northwind.example"), ines);
        QString error;
        QVERIFY2(councilApproves(root, ines, &error), qPrintable(error));
        QCOMPARE(approvals(root), 5);
        expectRefusedOnceRequired(root, QStringLiteral("lists for ines.costa@northwind.example, not for ") + kCouncil);
    }

    void bytesEditedAfterSigning()
    {
        const QString root = mesh(QStringLiteral("edited"), false);
        const QString key = makeKey(QStringLiteral("council-edit"));
        listKey(root, kCouncil, key);
        QString error;
        QVERIFY2(councilApproves(root, key, &error), qPrintable(error));
        QCOMPARE(approvals(root), 5);
        // Someone edits the vote's text and recomputes its hash (and name), so the hash chain holds.
        const QString name = newestEventFile(root);
        std::optional<ReviewEvent> e = parseEvent(testsupport::readAll(folderOf(root) + u'/' + name), &error);
        QVERIFY(e);
        e->text = QStringLiteral("Approved, and the council waives the notice period.");
        e->seal();
        QVERIFY(QFile::remove(folderOf(root) + u'/' + name));
        QVERIFY(appendText(folderOf(root) + u'/' + e->fileName(), e->fileText()));
        QVERIFY(ReviewStore(root).load(kKey.contractId, kKey.version).problems.empty());
        // A bad signature never counts and is always an error, required or not.
        QCOMPARE(approvals(root), 4);
        Run v = verify(root);
        QCOMPARE(v.code, 1);
        QVERIFY2(v.output.contains(e->fileName() + QStringLiteral(": bad signature: the signature does not match")), qPrintable(v.output));
        testsupport::setSignaturesRequired(root, true);
        QCOMPARE(approvals(root), 4);
        QCOMPARE(verify(root).code, 1);
        QCOMPARE(shownEvents(root).value(e->fileName()).value(QStringLiteral("signature")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("bad"));
    }

    void reSignedWithAnotherKeyAndRehashed()
    {
        const QString root = mesh(QStringLiteral("resigned"), true);
        const QString council = makeKey(QStringLiteral("council-resign"));
        const QString mallory = makeKey(QStringLiteral("mallory"));
        listKey(root, kCouncil, council);
        listKey(root, QStringLiteral("mallory@northwind.example"), mallory);
        // Mallory, who may write to the repository and has a listed key of her own, forges the council's
        // approval: a new event in the council's name, signed with her key, its hash computed.
        const ReviewState before = ReviewService(root).state(kKey);
        ReviewEvent forged;
        forged.contractId = kKey.contractId;
        forged.version = kKey.version;
        forged.kind = EventKind::Approved;
        forged.author = kCouncil;
        forged.text = QStringLiteral("Approved by the council.");
        forged.time = before.events.back().time.addSecs(60);
        forged.parents = QStringList{before.events.back().hash};
        forged.seq = before.events.back().seq + 1;
        forged.data = {{QStringLiteral("documentHash"), before.documentHash}};
        forged.seal();
        QString error;
        const std::optional<QString> signature = signBytes(forged.canonicalBytes(), mallory, &error);
        QVERIFY2(signature, qPrintable(error));
        forged.signature = *signature;
        QVERIFY(appendText(folderOf(root) + u'/' + forged.fileName(), forged.fileText()));
        QVERIFY(ReviewStore(root).load(kKey.contractId, kKey.version).problems.empty());
        QCOMPARE(approvals(root), 4);
        const Run v = verify(root);
        QCOMPARE(v.code, 1);
        QVERIFY2(v.output.contains(forged.fileName() + QStringLiteral(": unknown-key signature: "))
                     && v.output.contains(QLatin1String("lists for mallory@northwind.example")),
                 qPrintable(v.output));
        // Swapping in the council's real signature of other bytes does not help either: it is bad.
        const std::optional<QString> councilSignature = signBytes("other bytes", council, &error);
        QVERIFY(councilSignature);
        QVERIFY(QFile::remove(folderOf(root) + u'/' + forged.fileName()));
        forged.signature = *councilSignature;
        QVERIFY(appendText(folderOf(root) + u'/' + forged.fileName(), forged.fileText()));
        QCOMPARE(approvals(root), 4);
        QVERIFY(verify(root).output.contains(forged.fileName() + QStringLiteral(": bad signature: ")));
    }

    void allowedSignersChangeIsListedAndApplies()
    {
        const QString root = mesh(QStringLiteral("gitmesh"), true);
        const QString key = makeKey(QStringLiteral("council-git"));
        const auto git = [&](const QStringList &args) {
            const Run r = run(args, QProcessEnvironment::systemEnvironment(), QStringLiteral("git"), root);
            if (r.code != 0)
                qWarning("git %s: %s", qPrintable(args.join(u' ')), qPrintable(r.output));
            return r.code == 0;
        };
        QVERIFY(git({QStringLiteral("init"), QStringLiteral("-q")}));
        QVERIFY(git({QStringLiteral("config"), QStringLiteral("user.email"), kCouncil}));
        QVERIFY(git({QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Council")}));
        QVERIFY(git({QStringLiteral("add"), QStringLiteral("-A")}));
        QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("the sample mesh")}));
        listKey(root, kCouncil, key);
        QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("list the council's key")}));
        // The key from git's own signing configuration, as git uses it for commits.
        QVERIFY(git({QStringLiteral("config"), QStringLiteral("gpg.format"), QStringLiteral("ssh")}));
        QVERIFY(git({QStringLiteral("config"), QStringLiteral("user.signingkey"), key + QStringLiteral(".pub")}));
        QCOMPARE(configuredSigningKey(root), key + QStringLiteral(".pub"));
        Run r = run({QStringLiteral("review"), QStringLiteral("approve"), kRef, QStringLiteral("--source"), root, QStringLiteral("--no-apply"),
                     QStringLiteral("-m"), QStringLiteral("ok")});
        QVERIFY2(r.code == 0, qPrintable(r.output));
        QCOMPARE(approvals(root), 5);
        QVERIFY(git({QStringLiteral("add"), QStringLiteral("-A")}));
        QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("council approves")}));
        r = verify(root);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.output.contains(QLatin1String("reviews/allowed_signers changed in 2 commits")), qPrintable(r.output));

        // Someone replaces the council's key: its past approval no longer verifies as the council's,
        // and verify lists the commit that did it.
        QFile f(allowedSignersPath(root));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray text = f.readAll();
        f.close();
        text.replace(publicLine(key).toLatin1(), publicLine(makeKey(QStringLiteral("council-new"))).toLatin1());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("rotate the council key")}));
        QCOMPARE(approvals(root), 4);
        r = verify(root);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.output.contains(QLatin1String("reviews/allowed_signers changed in 3 commits")) && r.output.contains(QLatin1String("rotate the council key"))
                     && r.output.contains(QLatin1String("Council")),
                 qPrintable(r.output));
        const QString head = run({QStringLiteral("rev-parse"), QStringLiteral("--short"), QStringLiteral("HEAD")}, QProcessEnvironment::systemEnvironment(),
                                 QStringLiteral("git"), root).output.trimmed();
        QVERIFY2(r.output.contains(head + QStringLiteral(" ")), qPrintable(r.output));
        const QJsonObject json = QJsonDocument::fromJson(run({QStringLiteral("review"), QStringLiteral("verify"), QStringLiteral("--source"), root,
                                                              QStringLiteral("--json")}).output.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("allowedSignersChanges")).toArray().size(), 3);
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(), false);
    }

    void signingAnEarlierEventIsNotAnEdit()
    {
        // A mesh that turns signatures on later: the authors sign their earlier events in place. Git
        // sees the files modified, but only their signature changed, so verify does not call it an edit.
        const QString root = mesh(QStringLiteral("signlater"), false);
        const QString key = makeKey(QStringLiteral("council-later"));
        listKey(root, kCouncil, key);
        const auto git = [&](const QStringList &args) {
            return run(args, QProcessEnvironment::systemEnvironment(), QStringLiteral("git"), root).code == 0;
        };
        QString error;
        QVERIFY2(councilApproves(root, {}, &error), qPrintable(error));
        QVERIFY(git({QStringLiteral("init"), QStringLiteral("-q")}));
        QVERIFY(git({QStringLiteral("add"), QStringLiteral("-A")}));
        QVERIFY(git({QStringLiteral("-c"), QStringLiteral("user.email=a@b"), QStringLiteral("-c"), QStringLiteral("user.name=A"), QStringLiteral("commit"),
                     QStringLiteral("-qm"), QStringLiteral("unsigned vote")}));
        const QString path = folderOf(root) + u'/' + newestEventFile(root);
        std::optional<ReviewEvent> e = parseEvent(testsupport::readAll(path), &error);
        QVERIFY(e);
        const std::optional<QString> signature = signBytes(e->canonicalBytes(), key, &error);
        QVERIFY2(signature, qPrintable(error));
        e->signature = *signature;
        QVERIFY(QFile::remove(path));
        QVERIFY(appendText(path, e->fileText()));
        testsupport::setSignaturesRequired(root, true);
        QCOMPARE(approvals(root), 5);
        Run v = verify(root);
        QVERIFY2(v.code == 0, qPrintable(v.output)); // modified in the working tree, signature only
        QVERIFY(git({QStringLiteral("-c"), QStringLiteral("user.email=a@b"), QStringLiteral("-c"), QStringLiteral("user.name=A"), QStringLiteral("commit"),
                     QStringLiteral("-qam"), QStringLiteral("sign the council's vote")}));
        v = verify(root);
        QVERIFY2(v.code == 0, qPrintable(v.output)); // and once committed
        // An edit of the content is still an edit, even with a valid-looking hash: git reports it.
        e->text = QStringLiteral("changed");
        QVERIFY(QFile::remove(path));
        QVERIFY(appendText(path, e->fileText()));
        v = verify(root);
        QCOMPARE(v.code, 1);
        QVERIFY2(v.output.contains(QLatin1String("modified in the working tree")), qPrintable(v.output));
    }

    void agentHeldKey()
    {
        const QString root = mesh(QStringLiteral("agent"), true);
        const QString key = makeKey(QStringLiteral("council-agent"));
        listKey(root, kCouncil, key);
        const QString socket = m_tmp.filePath(QStringLiteral("agent.sock"));
        QProcess agent;
        agent.start(QStringLiteral("ssh-agent"), {QStringLiteral("-D"), QStringLiteral("-a"), socket});
        QVERIFY(agent.waitForStarted());
        for (int i = 0; i < 100 && !QFileInfo::exists(socket); ++i)
            QTest::qWait(20);
        QVERIFY(QFileInfo::exists(socket));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SSH_AUTH_SOCK"), socket);
        const Run added = run({QStringLiteral("-q"), key}, env, QStringLiteral("ssh-add"));
        QVERIFY2(added.code == 0, qPrintable(added.output));
        // Only the agent holds the private half now.
        QVERIFY(QFile::rename(key, key + QStringLiteral(".away")));
        const Run r = run({QStringLiteral("review"), QStringLiteral("approve"), kRef, QStringLiteral("--source"), root, QStringLiteral("--no-apply"),
                           QStringLiteral("--as"), kCouncil, QStringLiteral("--sign-key"), key + QStringLiteral(".pub")},
                          env);
        agent.terminate();
        agent.waitForFinished(3000);
        QVERIFY2(r.code == 0, qPrintable(r.output));
        QCOMPARE(approvals(root), 5);
        QCOMPARE(verify(root).code, 0);
        QCOMPARE(shownEvents(root).value(newestEventFile(root)).value(QStringLiteral("signature")).toObject().value(QStringLiteral("key")).toString(),
                 fingerprint(key + QStringLiteral(".pub")));
    }

    void authorActsMustBeSignedByTheAuthor()
    {
        const QString root = mesh(QStringLiteral("withdraw"), false);
        const QString tom = QStringLiteral("tom.achebe@northwind.example");
        ReviewService service(root);
        QString error;
        QVERIFY2(service.record(kKey, EventKind::Withdrawn, {tom, {}}, QStringLiteral("withdrawn"), &error), qPrintable(error));
        QCOMPARE(ReviewService(root).state(kKey).stage, Stage::Withdrawn);
        QCOMPARE(verify(root).code, 0);
        testsupport::setSignaturesRequired(root, true);
        const ReviewState s = ReviewService(root).state(kKey);
        QCOMPARE(s.stage, Stage::InReview);
        QVERIFY(s.notes.value(s.events.back().hash).contains(QLatin1String("signatures are required")));
        const Run v = verify(root);
        QCOMPARE(v.code, 1);
        QVERIFY2(v.output.contains(newestEventFile(root) + QStringLiteral(": unsigned signature: ")), qPrintable(v.output));
        // And the service refuses an unsigned act outright.
        QVERIFY(!ReviewService(root).record(kKey, EventKind::Submitted, {tom, {}}, {}, &error));
        QVERIFY2(error.contains(QLatin1String("signatures are required")), qPrintable(error));
    }

    void otherKeyTypesAreRefusedByName()
    {
        const QString root = mesh(QStringLiteral("rsa"), false);
        const QString rsa = makeKey(QStringLiteral("rsa"), QStringLiteral("rsa"));
        QString error;
        QVERIFY(!councilApproves(root, rsa, &error));
        QVERIFY2(error.contains(QLatin1String("ssh-rsa")) && error.contains(QLatin1String("only ssh-ed25519 keys are supported")), qPrintable(error));
        QCOMPARE(approvals(root), 4);
        // An RSA line in allowed_signers is an error naming its line, and grants nothing.
        listKey(root, kCouncil, rsa);
        const int lines = QString::fromUtf8(testsupport::readAll(allowedSignersPath(root))).count(u'\n');
        const Run v = verify(root);
        QCOMPARE(v.code, 1);
        QVERIFY2(v.output.contains(QStringLiteral("reviews/allowed_signers:%1: a ssh-rsa key: only ssh-ed25519 keys are supported").arg(lines)),
                 qPrintable(v.output));
    }

    void appMarksVotesAndRefusesWithoutAKey()
    {
        const QString root = mesh(QStringLiteral("app"), true);
        const QString key = makeKey(QStringLiteral("council-app"));
        ReviewModel model;
        model.setSources({root});
        model.setContractId(kKey.contractId);
        QVERIFY(model.signaturesRequired());
        // Every vote of the sample is marked verified, with its key's fingerprint for the tooltip.
        int votes = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex i = model.index(row);
            if (!model.data(i, ReviewModel::IsVoteRole).toBool())
                continue;
            ++votes;
            QCOMPARE(model.data(i, ReviewModel::SignatureLabelRole).toString(), QStringLiteral("verified"));
            QVERIFY(model.data(i, ReviewModel::SignatureKeyRole).toString().startsWith(QLatin1String("SHA256:")));
        }
        QCOMPARE(votes, 6);
        // Voting with no key where signatures are required: refused, saying how to set one.
        model.setIdentityEmail(kCouncil);
        QVERIFY(!model.approve(QStringLiteral("ok")));
        QVERIFY2(model.lastError().contains(QStringLiteral("Settings → Identity")) && model.lastError().contains(QLatin1String("user.signingkey")),
                 qPrintable(model.lastError()));
        QCOMPARE(model.approvals(), 4);

        // Settings → Identity: the key's fingerprint, and whether allowed_signers lists it for the e-mail.
        SigningStatus status;
        status.setSources({root});
        status.setEmail(kCouncil);
        status.setKeyFile(key + QStringLiteral(".pub"));
        QCOMPARE(status.fingerprint(), fingerprint(key));
        QVERIFY(!status.listed());
        QVERIFY2(status.summary().contains(QLatin1String("Not listed for ") + kCouncil), qPrintable(status.summary()));
        listKey(root, kCouncil, key);
        status.refresh();
        QVERIFY2(status.listed(), qPrintable(status.summary()));

        // With the listed key the vote counts, and is marked verified.
        model.setSigningKey(key + QStringLiteral(".pub"));
        QVERIFY2(model.approve(QStringLiteral("ok")), qPrintable(model.lastError()));
        QCOMPARE(model.approvals(), 5);
        bool marked = false;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex i = model.index(row);
            marked = marked || (model.data(i, ReviewModel::AuthorRole).toString() == kCouncil
                                && model.data(i, ReviewModel::SignatureLabelRole).toString() == u"verified"
                                && model.data(i, ReviewModel::SignatureKeyRole).toString() == fingerprint(key));
        }
        QVERIFY(marked);
        // A forged vote (edited after signing) is marked so.
        const QString name = newestEventFile(root);
        QString error;
        std::optional<ReviewEvent> e = parseEvent(testsupport::readAll(folderOf(root) + u'/' + name), &error);
        QVERIFY(e);
        e->text = QStringLiteral("edited");
        e->seal();
        QVERIFY(QFile::remove(folderOf(root) + u'/' + name));
        QVERIFY(appendText(folderOf(root) + u'/' + e->fileName(), e->fileText()));
        model.reload();
        QCOMPARE(model.approvals(), 4);
        QString label;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.data(model.index(row), ReviewModel::HashRole).toString() == e->hash.left(8))
                label = model.data(model.index(row), ReviewModel::SignatureLabelRole).toString();
        }
        QCOMPARE(label, QStringLiteral("forged"));
    }

    void allowedSignersParserIsStrict()
    {
        const QString key = publicLine(makeKey(QStringLiteral("parser")));
        const AllowedSigners s = parseAllowedSigners(QStringLiteral("# comment\n\n"
                                                                    "a@x %1\n"
                                                                    "*@x %1\n"
                                                                    "b@x namespaces=\"git\" %1\n"
                                                                    "c@x cert-authority %1\n"
                                                                    "d@x valid-before=\"20000101\" %1\n"
                                                                    "e@x namespaces=\"meshscope-review\n")
                                                         .arg(key).toUtf8(),
                                                     QStringLiteral("allowed_signers"));
        QCOMPARE(s.errors.size(), 3);
        QVERIFY(s.errors.at(0).startsWith(QLatin1String("allowed_signers:4: principal '*@x'")));
        QVERIFY(s.errors.at(1).startsWith(QLatin1String("allowed_signers:6: cert-authority")));
        QVERIFY(s.errors.at(2).startsWith(QLatin1String("allowed_signers:8: an unclosed quote")));
        const sshsig::PublicKey k = *sshsig::parsePublicKeyLine(key, nullptr);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(s.allows(QStringLiteral("A@x"), QStringLiteral("meshscope-review"), k, now));
        QVERIFY(!s.allows(QStringLiteral("b@x"), QStringLiteral("meshscope-review"), k, now)); // another namespace
        QVERIFY(!s.allows(QStringLiteral("d@x"), QStringLiteral("meshscope-review"), k, now)); // expired
        QVERIFY(!s.allows(QStringLiteral("z@x"), QStringLiteral("meshscope-review"), k, now));
    }
};

QTEST_GUILESS_MAIN(TestReviewSignatures)
#include "tst_review_signatures.moc"
