// Catalog sync over HTTP: an Entropy Data catalog of N data products (every 7th consuming its
// predecessor through an access agreement) served by the tests' HTTP server on 127.0.0.1, synced cold,
// again with nothing changed, and again after one product changed (the event feed). The reference is
// the same N documents synced from files by the file sync in the same run, so the rows read as ratios:
// what HTTP, paging and per-entity documents cost over reading the same text from disk.
//   bench_catalog [--products N] [--smoke]
#include "benchsupport.h"

#include "fakecatalogserver.h"

#include "catalogs/catalogsync.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace meshscope;
using testsupport::FakeCatalogServer;
using testsupport::FakeRequest;
using testsupport::FakeResponse;

namespace {

QJsonObject product(int i, const QString &title)
{
    const QString id = QStringLiteral("p%1").arg(i, 6, 10, QLatin1Char('0'));
    return QJsonObject{{QStringLiteral("dataProductSpecification"), QStringLiteral("0.0.1")},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), title},
                                                            {QStringLiteral("owner"), QStringLiteral("team-%1").arg(i % 40)},
                                                            {QStringLiteral("domain"), QStringLiteral("domain-%1").arg(i % 12)},
                                                            {QStringLiteral("status"), QStringLiteral("active")}}},
                       {QStringLiteral("outputPorts"), QJsonArray{QJsonObject{{QStringLiteral("id"), id + QStringLiteral("_v1")},
                                                                               {QStringLiteral("name"), title + QStringLiteral(" v1")},
                                                                               {QStringLiteral("type"), QStringLiteral("snowflake")}}}}};
}

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool smoke = bench::smoke(argc, argv);
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(QStringLiteral("--products"));
    const int n = at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : (smoke ? 300 : 10000);
    constexpr int pageSize = 500;

    QList<QJsonObject> products;
    QJsonArray access;
    for (int i = 0; i < n; ++i)
        products.append(product(i, QStringLiteral("Product %1").arg(i)));
    for (int i = 1; i < n; i += 7) {
        access.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("a%1").arg(i)},
                                  {QStringLiteral("info"), QJsonObject{{QStringLiteral("active"), true}}},
                                  {QStringLiteral("provider"), QJsonObject{{QStringLiteral("dataProductId"), products[i - 1].value(QStringLiteral("id"))}}},
                                  {QStringLiteral("consumer"), QJsonObject{{QStringLiteral("dataProductId"), products[i].value(QStringLiteral("id"))}}}});
    }
    QJsonArray events{QJsonObject{{QStringLiteral("id"), QStringLiteral("e1")}, {QStringLiteral("type"), QStringLiteral("DataProductCreatedEvent")},
                                  {QStringLiteral("data"), QJsonObject{{QStringLiteral("id"), products[0].value(QStringLiteral("id"))}}}}};

    FakeCatalogServer server;
    auto list = [&](const QString &path, std::function<QJsonArray(int from, int to)> slice, int count) {
        server.on("GET", path, [&server, path, slice, count](const FakeRequest &r) {
            const int page = r.param("p").toInt();
            FakeResponse response = FakeResponse::json(slice(page * pageSize, std::min(count, (page + 1) * pageSize)));
            if ((page + 1) * pageSize < count)
                response.withHeader("Link", QStringLiteral("<%1%2?p=%3>; rel=\"next\"").arg(server.url(), path).arg(page + 1).toUtf8());
            return response;
        });
    };
    list(QStringLiteral("/api/dataproducts"), [&](int from, int to) {
        QJsonArray a;
        for (int i = from; i < to; ++i)
            a.append(products[i]);
        return a;
    }, n);
    list(QStringLiteral("/api/access"), [&](int from, int to) {
        QJsonArray a;
        for (int i = from; i < to; ++i)
            a.append(access[i]);
        return a;
    }, int(access.size()));
    list(QStringLiteral("/api/teams"), [](int, int) { return QJsonArray(); }, 0);
    list(QStringLiteral("/api/datacontracts"), [](int, int) { return QJsonArray(); }, 0);
    server.on("GET", QStringLiteral("/api/events"), [&](const FakeRequest &r) {
        QJsonArray out;
        bool after = r.param("lastEventId").isEmpty();
        for (const QJsonValue &e : std::as_const(events)) {
            if (after)
                out.append(e);
            after = after || e.toObject().value(QStringLiteral("id")).toString() == r.param("lastEventId");
        }
        return FakeResponse::json(out);
    });
    server.onPrefix("GET", QStringLiteral("/api/dataproducts/"), [&](const FakeRequest &r) {
        const int i = r.path.section(QLatin1Char('/'), 3).mid(1).toInt();
        return FakeResponse::json(products.value(i));
    });

    QTemporaryDir dir;
    const QString source = QStringLiteral("entropy+") + server.url();
    catalogs::CatalogSyncOptions options;
    options.token = [](const catalogs::CatalogLocation &, QString *) { return QStringLiteral("bench"); };

    bench::header(qPrintable(QStringLiteral("Catalog sync over HTTP (loopback): %1 products, %2 access agreements, %3 per page")
                                 .arg(n).arg(access.size()).arg(pageSize)));

    // Reference: the same product documents as files (JSON text in .yaml files, read by the same importer).
    const QString folder = dir.filePath(QStringLiteral("files"));
    QDir().mkpath(folder);
    for (const QJsonObject &p : std::as_const(products)) {
        QFile f(folder + QLatin1Char('/') + p.value(QStringLiteral("id")).toString() + QStringLiteral(".yaml"));
        f.open(QIODevice::WriteOnly);
        f.write(QJsonDocument(p).toJson(QJsonDocument::Compact));
    }
    QElapsedTimer t;
    t.start();
    const SyncReport files = SyncEngine(dir.filePath(QStringLiteral("files.sqlite"))).run({folder});
    const double reference = seconds(t);
    bench::row("reference: file sync of the same documents", reference, "s");

    bench::resetPeakRss();
    t.restart();
    const SyncReport cold = catalogs::syncCatalog(dir.filePath(QStringLiteral("catalog.sqlite")), source, options);
    const double coldSeconds = seconds(t);
    if (!cold.diagnostics.empty() || cold.counts.products != n) {
        std::fprintf(stderr, "catalog sync failed: %s\n", cold.diagnostics.empty() ? "wrong count" : qPrintable(cold.diagnostics.front().toString()));
        return 1;
    }
    bench::row("cold catalog sync (fetch, map, write)", coldSeconds, "s");
    bench::row("cold catalog sync / reference", coldSeconds / reference, "x", 3.0);
    bench::row("  of which mapping (all cores)", double(cold.parseMillis) / 1000.0, "s");
    bench::row("peak RSS during the cold catalog sync", bench::peakRssMiB(), "MiB", 600.0);
    bench::row("  products in the cache", double(cold.counts.products), "items");
    Q_UNUSED(files);

    t.restart();
    const SyncReport quiet = catalogs::syncCatalog(dir.filePath(QStringLiteral("catalog.sqlite")), source, options);
    bench::row("re-sync, no new events", seconds(t), "s", 1.0);
    bench::row("  documents mapped again", quiet.filesParsed, "docs", 0);

    products[n / 2] = product(n / 2, QStringLiteral("Renamed"));
    events.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("e2")}, {QStringLiteral("type"), QStringLiteral("DataProductUpdatedEvent")},
                              {QStringLiteral("data"), QJsonObject{{QStringLiteral("id"), products[n / 2].value(QStringLiteral("id"))}}}});
    server.clearLog();
    t.restart();
    const SyncReport one = catalogs::syncCatalog(dir.filePath(QStringLiteral("catalog.sqlite")), source, options);
    bench::row("re-sync, one product changed (event feed)", seconds(t), "s", 1.0);
    bench::row("  HTTP requests", server.requests.size(), "req", 3);
    bench::row("  documents mapped again", one.filesParsed, "docs", 1);
    return one.changed == 1 ? 0 : 1;
}
