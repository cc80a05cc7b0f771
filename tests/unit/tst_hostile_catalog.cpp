// A catalog server that misbehaves on purpose, on 127.0.0.1: redirects to another origin (where the API
// token must not follow), bodies trickled a byte at a time (which no idle timeout catches), silence.
// Issue 16, classes 1 and 10.
#include "catalogtestsupport.h"
#include "fakecatalogserver.h"

#include "catalogs/catalogerror.h"
#include "catalogs/httpclient.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace meshscope;
using namespace meshscope::catalogs;
using namespace testsupport;

namespace {

HttpOptions quickOptions()
{
    HttpOptions options;
    options.timeoutMs = 1000;
    options.maxAttempts = 3;
    options.initialBackoffMs = 20;
    options.maxBackoffMs = 200;
    return options;
}

FakeResponse redirectTo(const QString &location, int status = 302)
{
    return FakeResponse::raw(status).withHeader("Location", location.toUtf8());
}

/// Runs `call` and returns the CatalogError it threw; fails the test when it threw nothing.
template<typename Call>
QString errorOf(Call call)
{
    try {
        call();
    } catch (const CatalogError &e) {
        return e.message;
    }
    return {};
}

} // namespace

class HostileCatalogTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void redirectToAnotherOriginIsRefusedAndNothingGoesThere()
    {
        FakeCatalogServer home;
        FakeCatalogServer stranger;
        stranger.onPrefix("GET", QStringLiteral("/"), [](const FakeRequest &) {
            return FakeResponse::json(QJsonObject{{QStringLiteral("namespaces"), QJsonArray{}}});
        });
        home.onPrefix("GET", QStringLiteral("/"), [&](const FakeRequest &r) {
            return redirectTo(stranger.url() + r.path);
        });

        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache.sqlite"));
        const QString source = QStringLiteral("marquez+") + home.url();
        const SyncReport report = syncCatalog(cache, source, catalogOptions(QStringLiteral("s3cret")));

        QVERIFY2(stranger.requests.isEmpty(), "a request (and the token) reached the other origin");
        QVERIFY(!home.requests.isEmpty());
        QCOMPARE(home.requests.first().headers.value("authorization"), QByteArray("Bearer s3cret"));
        QString error;
        for (const Diagnostic &d : report.diagnostics) {
            if (d.severity == Diagnostic::Severity::Error)
                error = d.message;
        }
        QVERIFY2(error.contains(home.url()) && error.contains(stranger.url()), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("another origin")), qPrintable(error));
        QCOMPARE(queryInt(cache, "SELECT count(*) FROM datasets"), 0);
    }

    void redirectToAnotherPortOrSchemeOfTheSameHostIsRefusedToo()
    {
        FakeCatalogServer home;
        home.on("GET", QStringLiteral("/port"), [](const FakeRequest &) {
            return redirectTo(QStringLiteral("http://127.0.0.1:1/x"));
        });
        home.on("GET", QStringLiteral("/scheme"), [&](const FakeRequest &) {
            return redirectTo(QStringLiteral("https://127.0.0.1:%1/x").arg(home.port()), 308);
        });
        HttpClient client(QStringLiteral("test"), quickOptions());
        client.setHeader("Authorization", "Bearer s3cret");
        for (const char *path : {"/port", "/scheme"}) {
            const QString error = errorOf([&] { client.get(QUrl(home.url() + QLatin1String(path))); });
            QVERIFY2(error.contains(QStringLiteral("another origin")), qPrintable(path + (": " + error)));
        }
    }

    void redirectWithinTheOriginIsFollowedWithTheHeaders()
    {
        FakeCatalogServer home;
        home.requireHeader("Authorization", "Bearer s3cret");
        home.on("GET", QStringLiteral("/old"), [](const FakeRequest &) { return redirectTo(QStringLiteral("/new"), 301); });
        home.on("GET", QStringLiteral("/new"), [](const FakeRequest &) {
            return FakeResponse::json(QJsonObject{{QStringLiteral("ok"), true}});
        });
        HttpClient client(QStringLiteral("test"), quickOptions());
        client.setHeader("Authorization", "Bearer s3cret");
        const QJsonDocument doc = client.getJson(QUrl(home.url() + QStringLiteral("/old")));
        QCOMPARE(doc.object().value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(home.count(QStringLiteral("/new")), 1);
    }

    void redirectLoopEndsWithAnError()
    {
        FakeCatalogServer home;
        home.on("GET", QStringLiteral("/a"), [](const FakeRequest &) { return redirectTo(QStringLiteral("/b")); });
        home.on("GET", QStringLiteral("/b"), [](const FakeRequest &) { return redirectTo(QStringLiteral("/a")); });
        HttpClient client(QStringLiteral("test"), quickOptions());
        const QString error = errorOf([&] { client.get(QUrl(home.url() + QStringLiteral("/a"))); });
        QVERIFY2(error.contains(QStringLiteral("redirects")), qPrintable(error));
        QVERIFY(home.requests.size() <= 2 * (quickOptions().maxRedirects + 1));
    }

    void tricklingBodyHitsTheRequestDeadline()
    {
        // 200 bytes at one per 50 ms would take 10 s; every byte resets the 1 s idle timeout.
        FakeCatalogServer server;
        server.on("GET", QStringLiteral("/slow"), [](const FakeRequest &) {
            return FakeResponse::trickle(QByteArray(200, ' ') + "{}", 50);
        });
        HttpOptions options = quickOptions();
        options.requestDeadlineMs = 1500;
        HttpClient client(QStringLiteral("test"), options);
        const QString error = errorOf([&] { client.get(QUrl(server.url() + QStringLiteral("/slow"))); });
        QVERIFY2(error.contains(QStringLiteral("within 1.5 s")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("MESHSCOPE_HTTP_DEADLINE_S")), qPrintable(error));
    }

    void silentServerFailsAtTheDeadlineNotAfterEveryAttempt()
    {
        FakeCatalogServer server;
        server.on("GET", QStringLiteral("/never"), [](const FakeRequest &) { return FakeResponse::hang(); });
        HttpOptions options = quickOptions();
        options.timeoutMs = 1200;
        options.maxAttempts = 10;
        options.requestDeadlineMs = 2500;
        HttpClient client(QStringLiteral("test"), options);
        QStringList waits;
        client.setWaitReporter([&](const QString &line) { waits << line; });
        const QString error = errorOf([&] { client.get(QUrl(server.url() + QStringLiteral("/never"))); });
        QVERIFY2(error.contains(QStringLiteral("MESHSCOPE_HTTP_DEADLINE_S")), qPrintable(error));
        QVERIFY2(server.count(QStringLiteral("/never")) < 10, "every attempt ran although the deadline had passed");
        // Progress says what the sync waits on, once a wait has lasted a second.
        const QString expected = QStringLiteral("waiting for 127.0.0.1:%1 (attempt 1 of 10), 1 s").arg(server.port());
        QVERIFY2(!waits.isEmpty() && waits.first().startsWith(expected), qPrintable(waits.join(u'|')));
    }

    void wholeConversationHasABound()
    {
        FakeCatalogServer server;
        server.on("GET", QStringLiteral("/fast"), [](const FakeRequest &) {
            return FakeResponse::json(QJsonObject{{QStringLiteral("ok"), true}});
        });
        server.on("GET", QStringLiteral("/slow"), [](const FakeRequest &) {
            return FakeResponse::trickle(QByteArray(200, ' ') + "{}", 50);
        });
        HttpOptions options = quickOptions();
        options.totalDeadlineMs = 800;
        HttpClient client(QStringLiteral("test"), options);
        client.getJson(QUrl(server.url() + QStringLiteral("/fast")));
        const QString error = errorOf([&] { client.get(QUrl(server.url() + QStringLiteral("/slow"))); });
        QVERIFY2(error.contains(QStringLiteral("MESHSCOPE_CATALOG_DEADLINE_S")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(HostileCatalogTest)
#include "tst_hostile_catalog.moc"
