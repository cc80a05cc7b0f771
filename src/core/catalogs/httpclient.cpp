#include "httpclient.h"

#include "catalogerror.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcHttp, "meshscope.catalogs.http")

namespace meshscope::catalogs {

namespace {

bool retryableStatus(int status)
{
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

/// Retry-After in milliseconds: delta-seconds or an HTTP date; -1 when absent or unreadable.
qint64 retryAfterMs(const QByteArray &value)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok)
        return std::max<qint64>(0, seconds) * 1000;
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when));
}

QString snippet(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(300)).simplified();
    if (body.size() > 300)
        text += QStringLiteral("...");
    return text;
}

QString reasonPhrase(int status)
{
    switch (status) {
    case 400: return QStringLiteral("Bad Request");
    case 401: return QStringLiteral("Unauthorized");
    case 403: return QStringLiteral("Forbidden");
    case 404: return QStringLiteral("Not Found");
    case 429: return QStringLiteral("Too Many Requests");
    case 500: return QStringLiteral("Internal Server Error");
    case 502: return QStringLiteral("Bad Gateway");
    case 503: return QStringLiteral("Service Unavailable");
    case 504: return QStringLiteral("Gateway Timeout");
    default: return {};
    }
}

} // namespace

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonDocument parseJsonBody(const QString &source, const QUrl &url, const QByteArray &body)
{
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        throw CatalogError{QStringLiteral("%1: %2: malformed JSON at offset %3 of %4 bytes: %5")
                               .arg(source, url.toDisplayString())
                               .arg(error.offset)
                               .arg(body.size())
                               .arg(error.errorString())};
    }
    return doc;
}

HttpClient::HttpClient(QString sourceName, HttpOptions options, const std::atomic_bool *cancel)
    : m_source(std::move(sourceName))
    , m_options(options)
    , m_cancel(cancel)
    , m_nam(std::make_unique<QNetworkAccessManager>())
{
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    m_headers.append(qMakePair(QByteArray("Accept"), QByteArray("application/json")));
}

HttpClient::~HttpClient() = default;

void HttpClient::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : m_headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    m_headers.append(qMakePair(name, value));
}

HttpResponse HttpClient::get(const QUrl &url)
{
    return send("GET", url, {}, {}, {});
}

HttpResponse HttpClient::getAllowing(const QUrl &url, const QList<int> &statuses)
{
    return send("GET", url, {}, {}, statuses);
}

HttpResponse HttpClient::post(const QUrl &url, const QByteArray &body, const QByteArray &contentType)
{
    return send("POST", url, body, contentType, {});
}

QJsonDocument HttpClient::getJson(const QUrl &url)
{
    return parseJsonBody(m_source, url, get(url).body);
}

QJsonDocument HttpClient::postJson(const QUrl &url, const QByteArray &body)
{
    return parseJsonBody(m_source, url, post(url, body).body);
}

void HttpClient::checkCancel() const
{
    if (m_cancel && m_cancel->load())
        throw CatalogCancelled{};
}

void HttpClient::waitMs(int ms)
{
    // Sleep in small steps so that a cancel during a long Retry-After is honoured at once.
    QElapsedTimer elapsed;
    elapsed.start();
    while (elapsed.elapsed() < ms) {
        checkCancel();
        QEventLoop loop;
        QTimer::singleShot(std::min<qint64>(50, ms - elapsed.elapsed()), &loop, &QEventLoop::quit);
        loop.exec();
    }
}

HttpResponse HttpClient::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                              const QByteArray &contentType, const QList<int> &allowed)
{
    int backoff = m_options.initialBackoffMs;
    QString lastProblem;
    for (int attemptNo = 1; attemptNo <= m_options.maxAttempts; ++attemptNo) {
        checkCancel();
        HttpResponse response;
        QString failure;
        const bool answered = attempt(method, url, body, contentType, response, failure);
        qint64 wait = backoff;
        if (answered) {
            if (response.status >= 200 && response.status < 300)
                return response;
            if (allowed.contains(response.status))
                return response;
            const QString status = QStringLiteral("HTTP %1 %2").arg(response.status).arg(reasonPhrase(response.status)).trimmed();
            if (!retryableStatus(response.status)) {
                QString message = QStringLiteral("%1: %2 %3 failed: %4")
                                      .arg(m_source, QString::fromLatin1(method), url.toDisplayString(), status);
                if (response.status == 401 || response.status == 403) {
                    message += QStringLiteral(" (the server refused the API token");
                    if (!m_authHint.isEmpty())
                        message += QStringLiteral("; ") + m_authHint;
                    message += QLatin1Char(')');
                } else if (!response.body.isEmpty()) {
                    message += QStringLiteral(": ") + snippet(response.body);
                }
                throw CatalogError{message, response.status};
            }
            lastProblem = status;
            const qint64 retryAfter = retryAfterMs(response.header("Retry-After"));
            if (retryAfter >= 0)
                wait = retryAfter;
        } else {
            lastProblem = failure;
        }
        if (attemptNo == m_options.maxAttempts)
            break;
        wait = std::min<qint64>(wait, m_options.maxBackoffMs);
        qCInfo(lcHttp).noquote() << m_source << method << url.toDisplayString() << lastProblem << "- retrying in"
                                 << wait << "ms";
        waitMs(int(wait));
        backoff = std::min(backoff * 2, m_options.maxBackoffMs);
    }
    throw CatalogError{QStringLiteral("%1: %2 %3 failed after %4 attempts: %5")
                           .arg(m_source, QString::fromLatin1(method), url.toDisplayString())
                           .arg(m_options.maxAttempts)
                           .arg(lastProblem)};
}

bool HttpClient::attempt(const QByteArray &method, const QUrl &url, const QByteArray &body,
                         const QByteArray &contentType, HttpResponse &response, QString &failure)
{
    ++m_requests;
    QNetworkRequest request(url);
    for (const auto &[name, value] : m_headers)
        request.setRawHeader(name, value);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);

    QNetworkReply *reply = method == "POST" ? m_nam->post(request, body)
                                            : m_nam->sendCustomRequest(request, method, body);
    std::unique_ptr<QNetworkReply, void (*)(QNetworkReply *)> guard(reply, [](QNetworkReply *r) {
        r->disconnect();
        r->abort();
        r->deleteLater();
    });

    QEventLoop loop;
    QTimer idle;
    idle.setSingleShot(true);
    idle.setInterval(m_options.timeoutMs);
    QTimer cancelPoll;
    cancelPoll.setInterval(50);
    bool timedOut = false;
    bool tooLarge = false;
    bool cancelled = false;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&idle, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [&] {
        if (m_cancel && m_cancel->load()) {
            cancelled = true;
            loop.quit();
        }
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, &loop, [&](qint64 received, qint64) {
        idle.start(); // the timeout is for silence, not for the whole transfer
        if (received > m_options.maxBodyBytes) {
            tooLarge = true;
            loop.quit();
        }
    });
    QObject::connect(reply, &QNetworkReply::uploadProgress, &idle, [&] { idle.start(); });
    idle.start();
    cancelPoll.start();
    if (!reply->isFinished())
        loop.exec();

    if (cancelled)
        throw CatalogCancelled{};
    if (tooLarge) {
        throw CatalogError{QStringLiteral("%1: %2 %3: the response is larger than %4 MB; refused")
                               .arg(m_source, QString::fromLatin1(method), url.toDisplayString())
                               .arg(m_options.maxBodyBytes / (1024 * 1024))};
    }
    if (timedOut) {
        failure = QStringLiteral("no response for %1 s (timeout)").arg(m_options.timeoutMs / 1000.0);
        return false;
    }
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError error = reply->error();
    const bool transportError = (error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied)
        || error == QNetworkReply::ProtocolFailure;
    if (!status.isValid() || transportError) {
        // No status, or the connection broke after the headers (a server stopping mid-response).
        failure = QStringLiteral("network error: %1").arg(reply->errorString());
        if (error == QNetworkReply::SslHandshakeFailedError)
            failure += QStringLiteral(" (the server's certificate could not be verified)");
        return false;
    }
    response.url = url;
    response.status = status.toInt();
    response.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        response.headers.append(pair);
    const QByteArray declared = response.header("Content-Length");
    bool ok = false;
    const qint64 expected = declared.toLongLong(&ok);
    if (ok && response.status >= 200 && response.status < 300 && response.body.size() < expected
        && response.header("Content-Encoding").isEmpty()) {
        failure = QStringLiteral("connection closed after %1 of %2 bytes").arg(response.body.size()).arg(expected);
        return false;
    }
    return true;
}

} // namespace meshscope::catalogs
