#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace meshscope::catalogs {

/// Limits of one catalog conversation. Tests shorten them; the defaults suit a real server.
struct HttpOptions {
    int timeoutMs = 20000;       ///< no byte for this long (connect or transfer) aborts the attempt
    int maxAttempts = 5;         ///< per request, counting the first
    int initialBackoffMs = 500;  ///< doubled after every failed attempt
    int maxBackoffMs = 30000;    ///< cap for back-off and for a server's Retry-After
    qint64 maxBodyBytes = 256ll * 1024 * 1024;
    /// One request, all its attempts and waits included: a server that trickles a byte now and then
    /// (which the silence timeout never catches) or never answers fails after this long.
    qint64 requestDeadlineMs = 90000;
    /// The whole conversation with one catalog (one client): a sync never runs longer than this.
    qint64 totalDeadlineMs = 30ll * 60 * 1000;
    int maxRedirects = 5;        ///< same-origin redirects followed per request
};

struct HttpResponse {
    QUrl url;
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    /// First header of that name (case-insensitive), empty when absent.
    QByteArray header(const QByteArray &name) const;
};

/// @brief A blocking HTTP client for the sync thread: each call runs a local event loop over its own
/// QNetworkAccessManager until the reply is complete, so adapters read like straight-line code and never
/// touch the GUI thread. Retries 429 and 5xx (honouring Retry-After) and network failures with
/// exponential back-off; anything else throws CatalogError naming the source, method, URL and status.
/// TLS certificates are verified (Qt's default; SSL errors are never ignored).
///
/// Redirects are followed only within the origin (scheme, host and port) of the request. A redirect to
/// another origin is refused with an error naming both URLs: the headers (the API token among them)
/// would otherwise go to a server the user never configured, and its data would be imported as the
/// catalog's. Following it without credentials would still import a stranger's data, so it is not done.
class HttpClient {
public:
    HttpClient(QString sourceName, HttpOptions options = {}, const std::atomic_bool *cancel = nullptr);
    ~HttpClient();

    /// Sent with every request (authentication, Accept).
    void setHeader(const QByteArray &name, const QByteArray &value);
    /// Text added to a 401/403 error, e.g. where the token was looked for.
    void setAuthHint(const QString &hint) { m_authHint = hint; }
    /// Called about once a second while a request waits (for an answer or a retry), with a line such as
    /// "waiting for 127.0.0.1:5000 (attempt 2 of 5), 12 s", so progress shows what the sync waits on.
    void setWaitReporter(std::function<void(const QString &)> reporter) { m_waitReporter = std::move(reporter); }

    HttpResponse get(const QUrl &url);
    HttpResponse post(const QUrl &url, const QByteArray &body, const QByteArray &contentType = "application/json");
    /// get()/post() and parse the body as JSON; a body that is not JSON throws CatalogError with the offset.
    QJsonDocument getJson(const QUrl &url);
    QJsonDocument postJson(const QUrl &url, const QByteArray &body);
    /// GET that returns a 404 instead of throwing (an entity deleted between event and fetch).
    HttpResponse getAllowingNotFound(const QUrl &url) { return getAllowing(url, {404}); }
    /// GET that returns these statuses instead of throwing.
    HttpResponse getAllowing(const QUrl &url, const QList<int> &statuses);

    int requestCount() const { return m_requests; }
    const QString &sourceName() const { return m_source; }

private:
    HttpResponse send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                      const QByteArray &contentType, const QList<int> &allowed);
    /// One attempt; returns false with `failure` set when the network failed (no HTTP status).
    bool attempt(const QByteArray &method, const QUrl &url, const QByteArray &body,
                 const QByteArray &contentType, HttpResponse &response, QString &failure,
                 qint64 deadlineMs, const QString &waitLabel);
    /// One attempt with same-origin redirects followed; throws on a redirect to another origin.
    bool attemptFollowing(const QByteArray &method, const QUrl &url, const QByteArray &body,
                          const QByteArray &contentType, HttpResponse &response, QString &failure,
                          qint64 deadlineMs, const QString &waitLabel);
    void waitMs(qint64 ms, const QString &waitLabel);
    void checkCancel() const;
    /// Milliseconds left before the request (started at `requestStart` on m_clock) or the whole
    /// conversation runs out, whichever is first.
    qint64 remainingMs(qint64 requestStart) const;
    [[noreturn]] void throwDeadline(const QByteArray &method, const QUrl &url, qint64 requestStart) const;

    QString m_source;
    HttpOptions m_options;
    const std::atomic_bool *m_cancel;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QString m_authHint;
    std::function<void(const QString &)> m_waitReporter;
    QElapsedTimer m_clock; ///< started with the client: the conversation's deadline counts from here
    int m_requests = 0;
};

/// Parses JSON, throwing CatalogError "<source>: <url>: malformed JSON at offset N: ..." when it is not.
QJsonDocument parseJsonBody(const QString &source, const QUrl &url, const QByteArray &body);

} // namespace meshscope::catalogs
