#include "signingstatus.h"

#include "review/reviewsigning.h"

#include <QDir>
#include <QFileInfo>

using namespace meshscope::review;

SigningStatus::SigningStatus(QObject *parent) : QObject(parent) {}

void SigningStatus::setKeyFile(const QString &file)
{
    if (file == m_keyFile)
        return;
    m_keyFile = file;
    Q_EMIT inputChanged();
    refresh();
}

void SigningStatus::setEmail(const QString &email)
{
    if (email == m_email)
        return;
    m_email = email;
    Q_EMIT inputChanged();
    refresh();
}

void SigningStatus::setSources(const QStringList &sources)
{
    if (sources == m_sources)
        return;
    m_sources = sources;
    Q_EMIT inputChanged();
    refresh();
}

void SigningStatus::refresh()
{
    m_fingerprint.clear();
    m_problem.clear();
    m_listed = false;
    m_summary.clear();
    QStringList folders;
    for (const QString &s : std::as_const(m_sources)) {
        if (QFileInfo(s).isDir())
            folders << s;
    }
    m_resolvedKey = configuredSigningKey(folders.isEmpty() ? QDir::homePath() : folders.front(), m_keyFile);
    std::optional<meshscope::review::sshsig::PublicKey> key;
    if (m_resolvedKey.isEmpty()) {
        m_problem = tr("No signing key: choose your SSH public key (keys in ssh-agent work), or set git config gpg.format ssh "
                       "and user.signingkey.");
    } else {
        key = publicKeyOf(m_resolvedKey, &m_problem);
        if (key && key->type != QLatin1String(sshsig::kEd25519)) {
            m_problem = tr("%1 is an %2 key; only ssh-ed25519 keys are supported.").arg(m_resolvedKey, key->type);
            key.reset();
        }
        if (key)
            m_fingerprint = key->fingerprint();
    }
    QStringList listedIn, missingIn;
    for (const QString &folder : std::as_const(folders)) {
        const SigningContext c = loadSigningContext(folder);
        if (!c.hasSignersFile)
            continue;
        const bool ok = key && c.signers.allows(m_email, QLatin1String(kSignatureNamespace), *key, QDateTime::currentDateTimeUtc());
        (ok ? listedIn : missingIn) << QDir::toNativeSeparators(folder);
    }
    m_listed = key && !listedIn.isEmpty() && missingIn.isEmpty();
    if (!key)
        m_summary = m_problem;
    else if (listedIn.isEmpty() && missingIn.isEmpty())
        m_summary = tr("No mesh folder has a reviews/allowed_signers file yet.");
    else if (missingIn.isEmpty())
        m_summary = tr("Listed for %1 in reviews/allowed_signers of %2.").arg(m_email, listedIn.join(QStringLiteral(", ")));
    else
        m_summary = tr("Not listed for %1 in reviews/allowed_signers of %2: votes signed with it do not count there. "
                       "Ask for it to be added through a reviewed change.")
                        .arg(m_email.isEmpty() ? tr("your e-mail") : m_email, missingIn.join(QStringLiteral(", ")));
    Q_EMIT statusChanged();
}
