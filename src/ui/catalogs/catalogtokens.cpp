#include "catalogs/catalogtokens.h"

#include "catalogs/catalogsource.h"
#include "catalogs/tokenstore.h"
#include "sync/sourcewalker.h"

#include <qt6keychain/keychain.h>

bool CatalogTokens::isCatalog(const QString &source) const
{
    return meshscope::isRemoteSource(source.trimmed());
}

QString CatalogTokens::problem(const QString &source) const
{
    if (!isCatalog(source))
        return {};
    meshscope::catalogs::CatalogLocation location;
    QString error;
    return meshscope::catalogs::parseCatalogSource(source.trimmed(), location, &error) ? QString() : error;
}

QString CatalogTokens::environmentVariable(const QString &source) const
{
    meshscope::catalogs::CatalogLocation location;
    QString error;
    if (!meshscope::catalogs::parseCatalogSource(source.trimmed(), location, &error))
        return {};
    return meshscope::catalogs::tokenVariables(location).last();
}

void CatalogTokens::store(const QString &source, const QString &token)
{
    const QString service = meshscope::catalogs::keychainService();
    QKeychain::Job *job = nullptr;
    if (token.isEmpty()) {
        auto *remove = new QKeychain::DeletePasswordJob(service, this);
        remove->setKey(source);
        job = remove;
    } else {
        auto *write = new QKeychain::WritePasswordJob(service, this);
        write->setKey(source);
        write->setTextData(token);
        job = write;
    }
    connect(job, &QKeychain::Job::finished, this, [this, source, removing = token.isEmpty()](QKeychain::Job *done) {
        const bool ok = done->error() == QKeychain::NoError || (removing && done->error() == QKeychain::EntryNotFound);
        Q_EMIT stored(source, ok,
                      ok ? (removing ? tr("Token removed from the system keychain") : tr("Token saved in the system keychain"))
                         : tr("The system keychain refused: %1").arg(done->errorString()));
    });
    job->start();
}

void CatalogTokens::check(const QString &source)
{
    auto *read = new QKeychain::ReadPasswordJob(meshscope::catalogs::keychainService(), this);
    read->setKey(source);
    connect(read, &QKeychain::Job::finished, this, [this, source](QKeychain::Job *done) {
        const auto *job = static_cast<QKeychain::ReadPasswordJob *>(done);
        Q_EMIT checked(source, job->error() == QKeychain::NoError && !job->textData().isEmpty());
    });
    read->start();
}
