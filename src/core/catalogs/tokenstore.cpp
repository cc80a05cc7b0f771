#include "tokenstore.h"

#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace meshscope::catalogs {

namespace {

const QString kService = QStringLiteral("Meshscope");
constexpr int kKeychainTimeoutMs = 10000;

QString envName(const QString &text)
{
    QString out;
    for (const QChar c : text.toUpper())
        out += (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ? c : QLatin1Char('_');
    return out;
}

bool keychainDisabled()
{
    return qEnvironmentVariableIntValue("MESHSCOPE_NO_KEYCHAIN") != 0;
}

/// Runs a keychain job to completion in a local event loop (the caller may be the sync thread).
bool runJob(QKeychain::Job &job, QString *error)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    bool timedOut = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kKeychainTimeoutMs, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    job.start();
    loop.exec();
    if (timedOut) {
        if (error)
            *error = QStringLiteral("the system keychain did not answer");
        return false;
    }
    if (job.error() != QKeychain::NoError) {
        if (error)
            *error = job.errorString();
        return false;
    }
    return true;
}

} // namespace

QString keychainService()
{
    return kService;
}

QStringList tokenVariables(const CatalogLocation &location)
{
    QStringList names;
    const QString host = envName(location.baseUrl.host());
    if (location.baseUrl.port() > 0)
        names << QStringLiteral("MESHSCOPE_TOKEN_%1_%2").arg(host).arg(location.baseUrl.port());
    names << QStringLiteral("MESHSCOPE_TOKEN_") + host;
    return names;
}

QString findToken(const CatalogLocation &location, QString *lookedIn)
{
    const QStringList variables = tokenVariables(location);
    for (const QString &name : variables) {
        const QString value = qEnvironmentVariable(name.toLatin1().constData()).trimmed();
        if (!value.isEmpty())
            return value;
    }
    QString keychainNote = QStringLiteral("the system keychain");
    if (!keychainDisabled()) {
        QKeychain::ReadPasswordJob job(kService);
        job.setKey(location.uri);
        QString error;
        if (runJob(job, &error) && !job.textData().isEmpty())
            return job.textData();
        if (!error.isEmpty() && job.error() != QKeychain::EntryNotFound)
            keychainNote += QStringLiteral(" (%1)").arg(error);
    } else {
        keychainNote += QStringLiteral(" (skipped: MESHSCOPE_NO_KEYCHAIN)");
    }
    if (lookedIn) {
        *lookedIn = QStringLiteral("looked in %1 and in the environment variable %2; add the token in "
                                   "Settings or set %3")
                        .arg(keychainNote, variables.join(QStringLiteral(", ")), variables.last());
    }
    return {};
}

bool storeToken(const QString &sourceUri, const QString &token, QString *error)
{
    if (token.isEmpty()) {
        QKeychain::DeletePasswordJob job(kService);
        job.setKey(sourceUri);
        QString message;
        if (runJob(job, &message) || job.error() == QKeychain::EntryNotFound)
            return true;
        if (error)
            *error = message;
        return false;
    }
    QKeychain::WritePasswordJob job(kService);
    job.setKey(sourceUri);
    job.setTextData(token);
    return runJob(job, error);
}

bool hasStoredToken(const QString &sourceUri)
{
    if (keychainDisabled())
        return false;
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(sourceUri);
    return runJob(job, nullptr) && !job.textData().isEmpty();
}

} // namespace meshscope::catalogs
