// Sync and search on a generated mesh: cold sync, unchanged re-sync, 1% changed re-sync, peak memory,
// and FTS latency per query. The reference row reads and hashes every file (the I/O floor a sync
// cannot beat) in the same process, so the sync rows can be read as ratios to it.
//   bench_sync [--products N] [--domains N] [--smoke]
#include "benchmesh.h"
#include "benchsupport.h"

#include "cache/cachefile.h"
#include "cache/search.h"
#include "generate/meshgenerator.h"
#include "sync/sourcewalker.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace meshscope;

using bench::cpuSeconds;
using bench::seconds;

namespace {

/// Words that occur in product and contract names, to build realistic queries from.
QStringList vocabulary(sql::Connection &db)
{
    QStringList words;
    sql::Statement s = db.prepare("SELECT name FROM products UNION ALL SELECT name FROM contracts LIMIT 20000");
    static const QRegularExpression split(QStringLiteral("[^\\p{L}\\p{N}]+"));
    while (s.step()) {
        for (const QString &w : s.text(0).split(split, Qt::SkipEmptyParts)) {
            if (w.size() >= 3)
                words << w.toLower();
        }
    }
    words.removeDuplicates();
    return words;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool smoke = bench::smoke(argc, argv);
    const QStringList args = app.arguments();
    const MeshGeneratorOptions options = bench::meshOptions(args, smoke ? 200 : 10000, smoke ? 8 : 50);

    QTemporaryDir dir;
    const QString mesh = dir.filePath("mesh");
    const QString cache = dir.filePath("cache.sqlite");
    QElapsedTimer t;

    t.start();
    QString error;
    const GeneratedMeshStats stats = generateMesh(mesh, options, &error);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "generate failed: %s\n", qPrintable(error));
        return 2;
    }
    const double generateSeconds = seconds(t);

    bench::header(qPrintable(QStringLiteral("Sync and search: %1 products, %2 contracts, %3 files, %4 domains")
                                 .arg(stats.products)
                                 .arg(stats.contracts)
                                 .arg(stats.files)
                                 .arg(stats.domains)));
    bench::row("generate the mesh (not part of sync)", generateSeconds, "s");

    // Reference: walk, read and hash every file once, as a sync must at least do.
    t.restart();
    const double floorCpuStart = cpuSeconds();
    std::vector<SourceFile> files;
    walkSource(mesh, files, &error);
    qint64 bytes = 0;
    for (const SourceFile &f : files) {
        QFile file(f.absolutePath);
        file.open(QIODevice::ReadOnly);
        const QByteArray content = file.readAll();
        bytes += content.size();
        QCryptographicHash::hash(content, QCryptographicHash::Sha1);
    }
    const double floorSeconds = seconds(t);
    const double floorCpu = cpuSeconds() - floorCpuStart;
    bench::row("reference: walk + read + hash all files", floorSeconds, "s");
    bench::row("  reference CPU time", floorCpu, "s");

    bench::resetPeakRss();
    const double rssBefore = bench::peakRssMiB();
    t.restart();
    const double coldCpuStart = cpuSeconds();
    const SyncReport cold = SyncEngine(cache).run({mesh});
    const double coldSeconds = seconds(t);
    const double coldCpu = cpuSeconds() - coldCpuStart;
    const double peak = bench::peakRssMiB();
    if (!cold.fatalError.isEmpty() || cold.hasDocumentErrors()) {
        std::fprintf(stderr, "cold sync reported problems: %s %s\n", qPrintable(cold.fatalError),
                     cold.diagnostics.empty() ? "" : qPrintable(cold.diagnostics.front().toString()));
        return 1;
    }
    bench::row("cold sync", coldSeconds, "s", 10.0);
    bench::row("cold sync / reference", coldSeconds / floorSeconds, "x");
    bench::row("cold sync CPU time (user+sys, all threads)", coldCpu, "s", 20.0);
    bench::row("cold sync CPU / reference CPU", coldCpu / floorCpu, "x");
    bench::row("  reading and importing (parse threads)", double(cold.parseMillis) / 1000.0, "s");
    bench::row("  writing the cache (overlaps reading)", double(cold.writeMillis) / 1000.0, "s");
    bench::row("peak RSS during cold sync (process)", peak, "MiB", 400.0);
    bench::row("  of which before the sync began", rssBefore, "MiB");

    t.restart();
    const SyncReport unchanged = SyncEngine(cache).run({mesh});
    const double unchangedSeconds = seconds(t);
    bench::row("re-sync, nothing changed", unchangedSeconds, "s", 0.5);
    bench::row("  documents parsed again", unchanged.filesParsed, "files", 0);

    // Change 1% of the YAML documents (a comment line changes their hash, not their meaning).
    int changed = 0;
    const int want = std::max(1, int(files.size() / 100));
    for (size_t i = 0; i < files.size() && changed < want; i += 97) {
        if (!files[i].absolutePath.endsWith(".yaml"))
            continue;
        QFile f(files[i].absolutePath);
        f.open(QIODevice::Append);
        f.write("\n# edited by bench_sync\n");
        ++changed;
    }
    t.restart();
    const SyncReport onePercent = SyncEngine(cache).run({mesh});
    bench::row("re-sync, 1% of files changed", seconds(t), "s");
    bench::row("  documents parsed again", onePercent.filesParsed, "files");

    sql::Connection db = cache::openCache(cache);
    const QStringList words = vocabulary(db);
    QRandomGenerator random(7);
    std::vector<double> latencies;
    const int queries = smoke ? 100 : 1000;
    int hits = 0;
    for (int i = 0; i < queries; ++i) {
        // Like typing: a prefix of 2..full length of one word, sometimes two words.
        const QString w = words.at(int(random.bounded(quint32(words.size()))));
        QString q = w.left(2 + int(random.bounded(quint32(std::max<qsizetype>(1, w.size() - 1)))));
        if (random.bounded(4) == 0)
            q = words.at(int(random.bounded(quint32(words.size())))) + QLatin1Char(' ') + q;
        QElapsedTimer qt;
        qt.start();
        hits += int(cache::search(db, q, 20).size());
        latencies.push_back(double(qt.nsecsElapsed()) / 1e6);
    }
    bench::row("search p50 (ms per query)", bench::percentile(latencies, 50), "ms");
    bench::row("search p95 (ms per query)", bench::percentile(latencies, 95), "ms", 10.0);
    bench::row("search max (ms per query)", bench::percentile(latencies, 100), "ms");
    bench::row("  average hits per query", double(hits) / queries, "hits");
    std::printf("\nfiles %lld, %.1f MiB; cache counts: %lld products, %lld contracts, %lld datasets, %lld edges\n",
                qlonglong(files.size()), double(bytes) / 1048576.0, cold.counts.products, cold.counts.contracts,
                cold.counts.datasets, cold.counts.lineageEdges);
    return 0;
}
