#include "reviewsigning.h"

#include "importers/importer.h"
#include "reviewstore.h"
#include "sync/sourcewalker.h"
#include "util/parallelfor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryFile>

namespace meshscope::review {

namespace {

std::optional<QString> run(const QString &program, const QStringList &arguments, const QString &folder,
                           const QByteArray &input, QString *error, int timeoutMs = 30000)
{
    QProcess p;
    if (!folder.isEmpty())
        p.setWorkingDirectory(folder);
    p.start(program, arguments);
    if (!p.waitForStarted(5000)) {
        if (error)
            *error = QStringLiteral("cannot run %1: %2").arg(program, p.errorString());
        return std::nullopt;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(3000);
        }
        if (error) {
            const QString message = QString::fromUtf8(p.readAllStandardError()).trimmed();
            *error = QStringLiteral("%1 failed%2").arg(program, message.isEmpty() ? QString() : QStringLiteral(": ") + message);
        }
        return std::nullopt;
    }
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString gitConfigValue(const QString &folder, const QString &key)
{
    const std::optional<QString> v = run(QStringLiteral("git"), {QStringLiteral("config"), QStringLiteral("--get"), key}, folder, {}, nullptr, 5000);
    return v ? v->trimmed() : QString();
}

QString expandHome(const QString &path)
{
    if (path == u"~" || path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    return path;
}

const QString kKeyLiteral = QStringLiteral("key::");

} // namespace

QString signatureStatusName(SignatureStatus status)
{
    switch (status) {
    case SignatureStatus::Unsigned: return QStringLiteral("unsigned");
    case SignatureStatus::Good: return QStringLiteral("good");
    case SignatureStatus::UnknownKey: return QStringLiteral("unknown-key");
    case SignatureStatus::Bad: return QStringLiteral("bad");
    }
    return {};
}

bool SignatureChecks::counts(const QString &eventHash) const
{
    const SignatureStatus s = of(eventHash).status;
    return s != SignatureStatus::Bad && (!required || s == SignatureStatus::Good);
}

SignatureCheck SigningContext::check(const ReviewEvent &event) const
{
    SignatureCheck c;
    if (event.signature.isEmpty()) {
        c.reason = QStringLiteral("not signed");
        return c;
    }
    QString error;
    const std::optional<sshsig::Signature> sig = sshsig::parseArmored(event.signature.toLatin1(), &error);
    if (!sig) {
        c.status = SignatureStatus::Bad;
        c.reason = error;
        return c;
    }
    c.fingerprint = sig->key.fingerprint();
    if (!sshsig::verify(*sig, event.canonicalBytes(), QLatin1String(kSignatureNamespace), &error)) {
        c.status = SignatureStatus::Bad;
        c.reason = error;
        return c;
    }
    if (signers.allows(event.author, QLatin1String(kSignatureNamespace), sig->key, event.time)) {
        c.status = SignatureStatus::Good;
        return c;
    }
    c.status = SignatureStatus::UnknownKey;
    const QStringList principals = signers.principalsOf(sig->key);
    if (!hasSignersFile)
        c.reason = QStringLiteral("signed by %1, but the mesh has no %2/allowed_signers").arg(c.fingerprint, ReviewStore::reviewsFolderName());
    else if (principals.isEmpty())
        c.reason = QStringLiteral("signed by %1, a key allowed_signers does not list").arg(c.fingerprint);
    else if (!principals.contains(event.author, Qt::CaseInsensitive))
        c.reason = QStringLiteral("signed by %1, which allowed_signers lists for %2, not for %3")
                       .arg(c.fingerprint, principals.join(QStringLiteral(", ")), event.author);
    else
        c.reason = QStringLiteral("signed by %1, which allowed_signers lists for %2 but not for namespace %3 at %4")
                       .arg(c.fingerprint, event.author, QLatin1String(kSignatureNamespace), formatTime(event.time));
    return c;
}

SignatureChecks SigningContext::checkAll(const std::vector<ReviewEvent> &events) const
{
    // Ed25519 verification is most of the cost of loading a signed history: spread it over the cores
    // (check() only reads; each index writes its own slot).
    std::vector<SignatureCheck> checks(events.size());
    parallelFor(events.size(), [&](size_t i) { checks[i] = check(events[i]); }, 32);
    SignatureChecks out;
    out.required = required;
    out.byHash.reserve(qsizetype(events.size()));
    for (size_t i = 0; i < events.size(); ++i)
        out.byHash.insert(events[i].hash, checks[i]);
    return out;
}

QString allowedSignersPath(const QString &root)
{
    return QDir(root).filePath(ReviewStore::reviewsFolderName() + QStringLiteral("/allowed_signers"));
}

bool signaturesRequired(const QString &root, QString *by)
{
    std::vector<SourceFile> files;
    QString error;
    if (!walkSource(root, files, &error))
        return false;
    for (const SourceFile &file : files) {
        const QString suffix = QFileInfo(file.relativePath).suffix().toLower();
        if (suffix != u"yaml" && suffix != u"yml")
            continue;
        QFile f(file.absolutePath);
        if (!f.open(QIODevice::ReadOnly) || !f.peek(64 * 1024).contains("GovernancePolicy"))
            continue;
        // Policies only tighten: any policy of the mesh that requires signatures requires them.
        for (const GovernancePolicy &p : importDocument(file.relativePath, f.readAll()).policies) {
            const QJsonValue v = p.spec.value(QStringLiteral("reviews")).toObject().value(QStringLiteral("require_signatures"));
            if (v.toBool() || v.toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0) {
                if (by)
                    *by = file.relativePath;
                return true;
            }
        }
    }
    return false;
}

SigningContext loadSigningContext(const QString &root)
{
    SigningContext c;
    c.required = signaturesRequired(root, &c.requiredBy);
    const QString name = ReviewStore::reviewsFolderName() + QStringLiteral("/allowed_signers");
    QFile f(allowedSignersPath(root));
    c.signers.file = name;
    if (f.exists()) {
        c.hasSignersFile = true;
        if (!f.open(QIODevice::ReadOnly))
            c.signers.errors << QStringLiteral("%1: cannot be read: %2").arg(name, f.errorString());
        else
            c.signers = parseAllowedSigners(f.readAll(), name);
    }
    return c;
}

QString configuredSigningKey(const QString &folder, const QString &explicitKey)
{
    if (!explicitKey.isEmpty())
        return explicitKey.startsWith(kKeyLiteral) ? explicitKey : expandHome(explicitKey);
    if (gitConfigValue(folder, QStringLiteral("gpg.format")).compare(QLatin1String("ssh"), Qt::CaseInsensitive) != 0)
        return {};
    const QString key = gitConfigValue(folder, QStringLiteral("user.signingkey"));
    // git also takes a bare public key line ("ssh-ed25519 AAAA..."), deprecated in favour of key::.
    if (key.startsWith(QLatin1String("ssh-")))
        return kKeyLiteral + key;
    return key.startsWith(kKeyLiteral) ? key : expandHome(key);
}

std::optional<sshsig::PublicKey> publicKeyOf(const QString &keyFile, QString *error)
{
    if (keyFile.startsWith(kKeyLiteral))
        return sshsig::parsePublicKeyLine(keyFile.mid(kKeyLiteral.size()), error);
    for (const QString &candidate : {keyFile, keyFile + QStringLiteral(".pub")}) {
        QFile f(candidate);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = f.read(64 * 1024).trimmed();
        if (text.startsWith("ssh-") || text.startsWith("ecdsa-") || text.startsWith("sk-")) {
            const std::optional<sshsig::PublicKey> key = sshsig::parsePublicKeyLine(QString::fromLatin1(text), error);
            if (error && !key)
                *error = candidate + QStringLiteral(": ") + *error;
            return key;
        }
    }
    if (!QFileInfo::exists(keyFile)) {
        if (error)
            *error = QStringLiteral("%1: no such key file").arg(keyFile);
        return std::nullopt;
    }
    const std::optional<QString> line = run(QStringLiteral("ssh-keygen"), {QStringLiteral("-y"), QStringLiteral("-f"), keyFile}, {}, {}, error);
    if (!line)
        return std::nullopt;
    return sshsig::parsePublicKeyLine(*line, error);
}

std::optional<QString> signBytes(const QByteArray &bytes, const QString &keyFile, QString *error)
{
    // A key:: literal becomes a temporary .pub file, as git does: ssh-keygen then asks ssh-agent.
    QTemporaryFile literal(QDir::tempPath() + QStringLiteral("/meshscope-key-XXXXXX.pub"));
    QString file = keyFile;
    if (keyFile.startsWith(kKeyLiteral)) {
        if (!literal.open()) {
            *error = QStringLiteral("cannot write a temporary key file: ") + literal.errorString();
            return std::nullopt;
        }
        literal.write(keyFile.mid(kKeyLiteral.size()).toUtf8() + '\n');
        literal.flush();
        file = literal.fileName();
    }
    if (const std::optional<sshsig::PublicKey> key = publicKeyOf(file, nullptr); key && key->type != QLatin1String(sshsig::kEd25519)) {
        *error = QStringLiteral("%1 is an %2 key; only ssh-ed25519 keys are supported").arg(keyFile, key->type);
        return std::nullopt;
    }
    const std::optional<QString> armored = run(QStringLiteral("ssh-keygen"),
                                               {QStringLiteral("-Y"), QStringLiteral("sign"), QStringLiteral("-n"),
                                                QLatin1String(kSignatureNamespace), QStringLiteral("-f"), file},
                                               {}, bytes, error);
    if (!armored)
        return std::nullopt;
    QString parseError;
    const std::optional<sshsig::Signature> sig = sshsig::parseArmored(armored->toLatin1(), &parseError);
    if (!sig) {
        *error = QStringLiteral("ssh-keygen wrote no signature we can read: ") + parseError;
        return std::nullopt;
    }
    // A signature we could not verify ourselves is refused before it is written anywhere.
    if (!sshsig::verify(*sig, bytes, QLatin1String(kSignatureNamespace), &parseError)) {
        *error = QStringLiteral("%1: %2").arg(keyFile, parseError);
        return std::nullopt;
    }
    return armored->trimmed();
}

QString SignersChange::toString() const
{
    return QStringLiteral("%1 %2 %3: %4").arg(commit, date, author, subject);
}

std::optional<std::vector<SignersChange>> allowedSignersHistory(const QString &root)
{
    const std::optional<QString> log = run(QStringLiteral("git"),
                                           {QStringLiteral("log"), QStringLiteral("--format=%h%x09%ad%x09%an%x09%s"),
                                            QStringLiteral("--date=short"), QStringLiteral("--"),
                                            ReviewStore::reviewsFolderName() + QStringLiteral("/allowed_signers")},
                                           root, {}, nullptr);
    if (!log)
        return std::nullopt;
    std::vector<SignersChange> out;
    for (const QString &line : log->split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.split(QLatin1Char('\t'));
        if (f.size() >= 4)
            out.push_back({f.at(0), f.at(1), f.at(2), f.mid(3).join(QLatin1Char('\t'))});
    }
    return out;
}

} // namespace meshscope::review
