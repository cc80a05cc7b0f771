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
#include <limits>

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
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_clock.start();
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

qint64 HttpClient::remainingMs(qint64 requestStart) const
{
    const qint64 now = m_clock.elapsed();
    return std::min(m_options.requestDeadlineMs - (now - requestStart), m_options.totalDeadlineMs - now);
}

void HttpClient::throwDeadline(const QByteArray &method, const QUrl &url, qint64 requestStart) const
{
    const bool whole = m_options.totalDeadlineMs - m_clock.elapsed()
        <= m_options.requestDeadlineMs - (m_clock.elapsed() - requestStart);
    const QString what = whole
        ? QStringLiteral("the catalog sync ran past its bound of %1 s (MESHSCOPE_CATALOG_DEADLINE_S)")
              .arg(m_options.totalDeadlineMs / 1000.0)
        : QStringLiteral("no complete answer within %1 s (MESHSCOPE_HTTP_DEADLINE_S)")
              .arg(m_options.requestDeadlineMs / 1000.0);
    throw CatalogError{QStringLiteral("%1: %2 %3 failed: %4")
                           .arg(m_source, QString::fromLatin1(method), url.toDisplayString(), what)};
}

void HttpClient::waitMs(qint64 ms, const QString &waitLabel)
{
    // Sleep in small steps so that a cancel during a long Retry-After is honoured at once.
    QElapsedTimer elapsed;
    elapsed.start();
    qint64 lastReport = -1000;
    while (elapsed.elapsed() < ms) {
        checkCancel();
        if (m_waitReporter && elapsed.elapsed() - lastReport >= 1000) {
            lastReport = elapsed.elapsed();
            m_waitReporter(QStringLiteral("%1, retrying in %2 s").arg(waitLabel).arg((ms - lastReport + 999) / 1000));
        }
        QEventLoop loop;
        QTimer::singleShot(std::min<qint64>(50, ms - elapsed.elapsed()), &loop, &QEventLoop::quit);
        loop.exec();
    }
}

HttpResponse HttpClient::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                              const QByteArray &contentType, const QList<int> &allowed)
{
    const qint64 requestStart = m_clock.elapsed();
    int backoff = m_options.initialBackoffMs;
    QString lastProblem;
    const QString host = url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
    for (int attemptNo = 1; attemptNo <= m_options.maxAttempts; ++attemptNo) {
        checkCancel();
        if (remainingMs(requestStart) <= 0)
            throwDeadline(method, url, requestStart);
        const QString waitLabel = m_options.maxAttempts > 1
            ? QStringLiteral("waiting for %1 (attempt %2 of %3)").arg(host).arg(attemptNo).arg(m_options.maxAttempts)
            : QStringLiteral("waiting for %1").arg(host);
        HttpResponse response;
        QString failure;
        const bool answered = attemptFollowing(method, url, body, contentType, response, failure,
                                               remainingMs(requestStart), waitLabel);
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
        if (remainingMs(requestStart) <= 0)
            throwDeadline(method, url, requestStart);
        if (attemptNo == m_options.maxAttempts)
            break;
        wait = std::min<qint64>({wait, qint64(m_options.maxBackoffMs), remainingMs(requestStart)});
        qCInfo(lcHttp).noquote() << m_source << method << url.toDisplayString() << lastProblem << "- retrying in"
                                 << wait << "ms";
        waitMs(wait, QStringLiteral("%1: %2").arg(host, lastProblem));
        backoff = std::min(backoff * 2, m_options.maxBackoffMs);
    }
    throw CatalogError{QStringLiteral("%1: %2 %3 failed after %4 attempts: %5")
                           .arg(m_source, QString::fromLatin1(method), url.toDisplayString())
                           .arg(m_options.maxAttempts)
                           .arg(lastProblem)};
}

namespace {

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

/// Scheme, host and port, with the scheme's default port filled in.
bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto defaultPort = [](const QUrl &u) { return u.scheme() == QLatin1String("https") ? 443 : 80; };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && a.port(defaultPort(a)) == b.port(defaultPort(b));
}

} // namespace

bool HttpClient::attemptFollowing(const QByteArray &method, const QUrl &url, const QByteArray &body,
                                  const QByteArray &contentType, HttpResponse &response, QString &failure,
                                  qint64 deadlineMs, const QString &waitLabel)
{
    QUrl current = url;
    QByteArray currentMethod = method;
    QByteArray currentBody = body;
    QElapsedTimer spent;
    spent.start();
    for (int hop = 0;; ++hop) {
        if (!attempt(currentMethod, current, currentBody, contentType, response, failure,
                     deadlineMs - spent.elapsed(), waitLabel))
            return false;
        if (!isRedirect(response.status))
            return true;
        const QByteArray location = response.header("Location");
        const QUrl next = current.resolved(QUrl::fromEncoded(location.trimmed()));
        if (location.trimmed().isEmpty() || !next.isValid())
            return true; // a 3xx without a usable Location is answered as it is (an error below)
        if (!sameOrigin(url, next)) {
            throw CatalogError{QStringLiteral("%1: %2 %3 was redirected to %4, another origin; not followed, so no "
                                              "credentials or data went there (if the catalog has moved, change "
                                              "the source's URL)")
                                   .arg(m_source, QString::fromLatin1(method), current.toDisplayString(),
                                        next.toDisplayString()),
                               response.status};
        }
        if (hop + 1 > m_options.maxRedirects) {
            throw CatalogError{QStringLiteral("%1: %2 %3: more than %4 redirects")
                                   .arg(m_source, QString::fromLatin1(method), url.toDisplayString())
                                   .arg(m_options.maxRedirects),
                               response.status};
        }
        if (response.status == 303 && currentMethod != "GET") {
            currentMethod = "GET";
            currentBody.clear();
        }
        current = next;
        response = HttpResponse{};
    }
}

bool HttpClient::attempt(const QByteArray &method, const QUrl &url, const QByteArray &body,
                         const QByteArray &contentType, HttpResponse &response, QString &failure,
                         qint64 deadlineMs, const QString &waitLabel)
{
    ++m_requests;
    QNetworkRequest request(url);
    for (const auto &[name, value] : m_headers)
        request.setRawHeader(name, value);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // Redirects are ours to judge (attemptFollowing): Qt would carry the raw Authorization header along.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);

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
    QTimer deadline;
    deadline.setSingleShot(true);
    deadline.setInterval(int(std::clamp<qint64>(deadlineMs, 0, std::numeric_limits<int>::max())));
    QTimer poll;
    poll.setInterval(50);
    QElapsedTimer waited;
    waited.start();
    qint64 lastReport = 0;
    bool timedOut = false;
    bool pastDeadline = false;
    bool tooLarge = false;
    bool cancelled = false;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&idle, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        pastDeadline = true;
        loop.quit();
    });
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (m_cancel && m_cancel->load()) {
            cancelled = true;
            loop.quit();
        }
        if (m_waitReporter && waited.elapsed() - lastReport >= 1000) {
            lastReport = waited.elapsed();
            m_waitReporter(QStringLiteral("%1, %2 s").arg(waitLabel).arg(lastReport / 1000));
        }
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, &loop, [&](qint64 received, qint64) {
        idle.start(); // the idle timeout is for silence; the deadline bounds the whole transfer
        if (received > m_options.maxBodyBytes) {
            tooLarge = true;
            loop.quit();
        }
    });
    QObject::connect(reply, &QNetworkReply::uploadProgress, &idle, [&] { idle.start(); });
    idle.start();
    deadline.start();
    poll.start();
    if (!reply->isFinished())
        loop.exec();

    if (cancelled)
        throw CatalogCancelled{};
    if (tooLarge) {
        throw CatalogError{QStringLiteral("%1: %2 %3: the response is larger than %4 MB; refused")
                               .arg(m_source, QString::fromLatin1(method), url.toDisplayString())
                               .arg(m_options.maxBodyBytes / (1024 * 1024))};
    }
    if (pastDeadline) {
        failure = QStringLiteral("no complete answer within the deadline");
        return false;
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
