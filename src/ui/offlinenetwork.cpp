#include "offlinenetwork.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace meshscope::ui {

namespace {

class OfflineNetworkAccessManager : public QNetworkAccessManager {
public:
    using QNetworkAccessManager::QNetworkAccessManager;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        const QString scheme = request.url().scheme().toLower();
        if (scheme == QLatin1String("qrc") || scheme == QLatin1String("file") || scheme == QLatin1String("data"))
            return QNetworkAccessManager::createRequest(op, request, data);
        // An unknown scheme makes Qt answer with ProtocolUnknownError without touching the network.
        QNetworkRequest refused(QUrl(QStringLiteral("meshscope-offline:refused")));
        return QNetworkAccessManager::createRequest(op, refused, nullptr);
    }
};

} // namespace

QNetworkAccessManager *OfflineNetworkFactory::create(QObject *parent)
{
    return new OfflineNetworkAccessManager(parent);
}

} // namespace meshscope::ui
