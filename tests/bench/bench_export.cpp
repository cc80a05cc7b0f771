// The offline HTML bundle on a generated mesh: `meshscope export --format html` for 1,000 products
// (a page per domain, product and contract version plus a lineage SVG per product). The reference
// row is building the domain map alone, measured in the same run, so the export reads as a ratio.
//   bench_export [--products N] [--domains N] [--smoke]
#include "benchmesh.h"
#include "benchsupport.h"

#include "cache/cachefile.h"
#include "domainmap/domainmap.h"
#include "export/htmlsite.h"
#include "generate/meshgenerator.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QTemporaryDir>

using namespace meshscope;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool smoke = bench::smoke(argc, argv);
    const QStringList args = app.arguments();
    const MeshGeneratorOptions options = bench::meshOptions(args, smoke ? 100 : 1000, smoke ? 5 : 20);

    bench::SyncedMesh synced;
    bench::prepareSyncedMesh(args, options, synced);
    if (!synced.ok)
        return 2;
    const GeneratedMeshStats &stats = synced.stats;
    const QTemporaryDir &dir = synced.dir;
    sql::Connection db = cache::openCache(synced.cache, false);

    bench::header(qPrintable(QStringLiteral("HTML export: %1 products, %2 domains, %3 contracts")
                                 .arg(stats.products)
                                 .arg(stats.domains)
                                 .arg(stats.contracts)));
    QElapsedTimer t;
    t.start();
    const domainmap::DomainMap map = domainmap::buildDomainMap(db);
    const double reference = double(t.nsecsElapsed()) / 1e6;
    bench::row("reference: build the domain map", reference, "ms");

    t.restart();
    const exporting::HtmlSiteResult r = exporting::exportHtmlSite(db, dir.filePath("site"));
    const double exportMs = double(t.nsecsElapsed()) / 1e6;
    if (!r.ok) {
        std::fprintf(stderr, "export failed: %s\n", qPrintable(r.error));
        return 2;
    }
    bench::row("export the HTML bundle", exportMs, "ms", smoke ? 60000.0 : 120000.0);
    bench::row("  export / reference", exportMs / reference, "x");
    bench::row("  per product", exportMs / std::max(1, r.products), "ms");

    qint64 bytes = 0;
    for (QDirIterator it(dir.filePath("site"), QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
        it.next();
        bytes += it.fileInfo().size();
    }
    std::printf("\n%d files, %.1f MiB, %d domains, %d products, %d contract versions\n", r.files,
                double(bytes) / (1024.0 * 1024.0), r.domains, r.products, r.contracts);
    return r.products == stats.products && map.products.size() == size_t(stats.products) ? 0 : 1;
}
