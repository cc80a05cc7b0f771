#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <deque>
#include <functional>
#include <map>
#include <memory>

/// @brief A small HTTP/1.1 server on 127.0.0.1 for the catalog tests: routes by method and path to
/// handlers that build replies from corpus files, records every request, and can inject faults (an
/// error status, a Retry-After, silence, a connection closed halfway through the body).
/// It lives in the test's thread; the catalog client's blocking calls run a local event loop, which
/// serves the server's sockets too, so adapters talk to it over a real TCP socket.
namespace testsupport {

struct FakeRequest {
    QByteArray method;
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; ///< lower-case names
    QByteArray body;
    QString param(const char *name) const { return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded); }
};

struct FakeResponse {
    enum class Mode { Normal, Hang, CloseMidway, Trickle };
    int status = 200;
    int trickleIntervalMs = 0; ///< Trickle: the body goes out one byte per interval
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    Mode mode = Mode::Normal;

    static FakeResponse json(const QJsonValue &value, int status = 200)
    {
        FakeResponse r;
        r.status = status;
        r.body = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
        r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return r;
    }
    static FakeResponse raw(int status, const QByteArray &body = {})
    {
        FakeResponse r;
        r.status = status;
        r.body = body;
        return r;
    }
    /// Headers at once, then the body one byte every `intervalMs`: never silent long enough for an
    /// idle timeout, yet never done in reasonable time.
    static FakeResponse trickle(const QByteArray &body, int intervalMs)
    {
        FakeResponse r;
        r.body = body;
        r.mode = Mode::Trickle;
        r.trickleIntervalMs = intervalMs;
        return r;
    }
    static FakeResponse hang()
    {
        FakeResponse r;
        r.mode = Mode::Hang;
        return r;
    }
    FakeResponse &withHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append(qMakePair(name, value));
        return *this;
    }
};

class FakeCatalogServer {
public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;

    FakeCatalogServer()
        : m_server(std::make_unique<QTcpServer>())
    {
        if (!m_server->listen(QHostAddress::LocalHost, 0))
            qFatal("cannot listen on 127.0.0.1: %s", qPrintable(m_server->errorString()));
        QObject::connect(m_server.get(), &QTcpServer::newConnection, m_server.get(), [this] { accept(); });
    }
    ~FakeCatalogServer()
    {
        for (const QPointer<QTcpSocket> &s : std::as_const(m_held)) {
            if (s)
                s->abort();
        }
    }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort()); }
    quint16 port() const { return m_server->serverPort(); }

    /// Handles method + exact path.
    void on(const QByteArray &method, const QString &path, Handler handler) { m_exact[method + ' ' + path.toUtf8()] = std::move(handler); }
    /// Handles method + any path starting with `prefix` (longest prefix wins).
    void onPrefix(const QByteArray &method, const QString &prefix, Handler handler) { m_prefix[method + ' ' + prefix.toUtf8()] = std::move(handler); }
    /// The next `times` requests to `path` (any method) get `response` instead of the handler's.
    void failNext(const QString &path, const FakeResponse &response, int times = 1)
    {
        for (int i = 0; i < times; ++i)
            m_faults[path].push_back(response);
    }
    /// Every request must carry this header value, else 401.
    void requireHeader(const QByteArray &name, const QByteArray &value)
    {
        m_requiredName = name.toLower();
        m_requiredValue = value;
    }

    QList<FakeRequest> requests;
    int count(const QString &path) const
    {
        int n = 0;
        for (const FakeRequest &r : requests)
            n += r.path == path;
        return n;
    }
    void clearLog() { requests.clear(); }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                buffer->append(socket->readAll());
                FakeRequest request;
                if (parse(*buffer, request)) {
                    buffer->clear();
                    respond(socket, request);
                }
            });
        }
    }

    static bool parse(const QByteArray &data, FakeRequest &request)
    {
        const qsizetype end = data.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = data.left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        const QUrl url(QString::fromUtf8(first.value(1)));
        request.path = url.path();
        request.query = QUrlQuery(url);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers[lines[i].left(colon).trimmed().toLower()] = lines[i].mid(colon + 1).trimmed();
        }
        const qsizetype length = request.headers.value("content-length").toLongLong();
        if (data.size() - end - 4 < length)
            return false;
        request.body = data.mid(end + 4, length);
        return true;
    }

    Handler find(const FakeRequest &request) const
    {
        const QByteArray key = request.method + ' ' + request.path.toUtf8();
        if (auto it = m_exact.find(key); it != m_exact.end())
            return it->second;
        Handler best;
        qsizetype bestLength = -1;
        for (const auto &[prefix, handler] : m_prefix) {
            if (key.startsWith(prefix) && prefix.size() > bestLength) {
                best = handler;
                bestLength = prefix.size();
            }
        }
        return best;
    }

    void respond(QTcpSocket *socket, const FakeRequest &request)
    {
        requests.append(request);
        FakeResponse response;
        auto fault = m_faults.find(request.path);
        if (fault != m_faults.end() && !fault->second.empty()) {
            response = fault->second.front();
            fault->second.pop_front();
        } else if (!m_requiredName.isEmpty() && request.headers.value(m_requiredName) != m_requiredValue) {
            response = FakeResponse::json(QJsonObject{{QStringLiteral("error"), QStringLiteral("unauthorized")}}, 401);
        } else if (Handler handler = find(request)) {
            response = handler(request);
        } else {
            response = FakeResponse::json(QJsonObject{{QStringLiteral("error"), QStringLiteral("no route")}}, 404);
        }
        if (response.mode == FakeResponse::Mode::Hang) {
            m_held.append(socket);
            return;
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " Status\r\n";
        for (const auto &[name, value] : response.headers)
            out += name + ": " + value + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\nConnection: close\r\n\r\n";
        if (response.mode == FakeResponse::Mode::CloseMidway) {
            out += response.body.left(response.body.size() / 2);
            socket->write(out);
            socket->flush();
            socket->waitForBytesWritten(1000);
            socket->abort();
            return;
        }
        if (response.mode == FakeResponse::Mode::Trickle) {
            socket->write(out);
            auto *timer = new QTimer(socket);
            auto sent = std::make_shared<qsizetype>(0);
            QObject::connect(timer, &QTimer::timeout, socket, [socket, timer, sent, body = response.body] {
                if (*sent >= body.size()) {
                    timer->stop();
                    socket->disconnectFromHost();
                    return;
                }
                socket->write(body.mid((*sent)++, 1));
            });
            timer->start(response.trickleIntervalMs);
            m_held.append(socket);
            return;
        }
        out += response.body;
        socket->write(out);
        socket->disconnectFromHost();
    }

    std::unique_ptr<QTcpServer> m_server;
    std::map<QByteArray, Handler> m_exact;
    std::map<QByteArray, Handler> m_prefix;
    std::map<QString, std::deque<FakeResponse>> m_faults;
    QByteArray m_requiredName;
    QByteArray m_requiredValue;
    QList<QPointer<QTcpSocket>> m_held;
};

} // namespace testsupport
