// Domain map on a generated mesh: building the map from the cache (domains, products, product and
// domain edges), then its products' health (the Quality area's evaluation, after the map shows), the
// treemap layout at 1600x1000, picking, and a product page. The reference row is a plain scan of the
// products table, the least any map build must read, measured in the same run so the other rows can be
// read as ratios.
//   bench_domainmap [--products N] [--domains N] [--smoke] [--cache FILE (an already synced cache)]
#include "benchmesh.h"
#include "benchsupport.h"

#include "cache/cachefile.h"
#include "domainmap/domainmap.h"
#include "domainmap/productpage.h"
#include "domainmap/treemap.h"
#include "domains/mapgeometry.h"

#include <QCoreApplication>
#include <QRandomGenerator>

using namespace meshscope;

using bench::medianMs;
using bench::ms;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool smoke = bench::smoke(argc, argv);
    const QStringList args = app.arguments();
    const MeshGeneratorOptions options = bench::meshOptions(args, smoke ? 200 : 10000, smoke ? 8 : 50);
    const int runs = smoke ? 3 : 7;

    bench::SyncedMesh synced;
    bench::prepareSyncedMesh(args, options, synced);
    if (!synced.ok)
        return 2;
    const QString cache = synced.cache;
    const GeneratedMeshStats &stats = synced.stats;
    const bool cacheGiven = args.contains(QStringLiteral("--cache"));
    cache::openCache(cache); // brings an older --cache up to the current schema (its indexes)
    sql::Connection db = cache::openCache(cache, true);

    bench::header(qPrintable(QStringLiteral("Domain map: %1 (median of %2 runs)")
                                 .arg(cacheGiven ? cache
                                                    : QStringLiteral("generated, %1 products, %2 domains")
                                                          .arg(stats.products)
                                                          .arg(stats.domains))
                                 .arg(runs)));
    const double reference = medianMs(runs, [&] {
        sql::Statement s = db.prepare("SELECT id, name, domain_id, owner, status FROM products");
        int n = 0;
        while (s.step())
            n += int(s.text(0).size() + s.text(1).size());
        if (n < 0)
            std::abort();
    });
    bench::row("reference: scan the products table", reference, "ms");

    // What the map waits for before it shows; health follows (DomainMapController), measured next.
    domainmap::DomainMap map;
    const double build = medianMs(runs, [&] { map = domainmap::buildDomainMap(db, domainmap::HealthPass::Later); });
    bench::row("build the map (domains, edges; shown first)", build, "ms", 1000.0);
    bench::row("  build / reference", build / reference, "x");
    // Health is the Quality area's evaluation of the whole mesh (governance, SLOs, checks), in the
    // background after the map is shown; fewer runs, it takes seconds on a large mesh.
    const double health = medianMs(std::min(runs, 3), [&] {
        domainmap::DomainMap copy = map;
        domainmap::applyHealth(copy, domainmap::assessMeshHealth(db));
        if (&copy == &map)
            std::abort();
    });
    bench::row("then its health (governance, SLOs, checks)", health, "ms");
    bench::row("  health / reference", health / reference, "x");
    domainmap::applyHealth(map, domainmap::assessMeshHealth(db));

    domainmap::TreemapLayout layout;
    const double lay = medianMs(runs, [&] { layout = domainmap::layoutTreemap(map, QSizeF(1600, 1000)); });
    bench::row("treemap layout at 1600x1000", lay, "ms", 50.0);
    bench::row("  layout / reference", lay / reference, "x");

    // What a frame costs when zoom, focus or hover change: all triangles rebuilt (panning moves a matrix).
    const auto curves = domainsview::edgeCurves(map, layout);
    const auto palette = domainsview::MapPalette::make(false);
    domainsview::MapViewState view;
    size_t vertices = 0;
    int detailed = 0;
    const double geometry = medianMs(runs, [&] {
        const auto meshes = domainsview::buildMapMeshes(map, layout, curves, view, palette);
        vertices = meshes.regions.vertexCount() + meshes.tiles.vertexCount() + meshes.overlay.vertexCount();
        detailed = meshes.detailedDomains;
    });
    bench::row("map geometry, whole map (every tile drawn)", geometry, "ms", 16.0);
    bench::row("  vertices", double(vertices), "");
    bench::row("  domains drawn tile by tile", detailed, "");
    view.zoom = 0.2;
    const double far = medianMs(runs, [&] {
        const auto meshes = domainsview::buildMapMeshes(map, layout, curves, view, palette);
        vertices = meshes.regions.vertexCount() + meshes.tiles.vertexCount() + meshes.overlay.vertexCount();
    });
    bench::row("map geometry zoomed out to 0.2 (health stripes)", far, "ms", 16.0);
    bench::row("  vertices", double(vertices), "");

    QRandomGenerator random(3);
    std::vector<double> picks;
    int hits = 0;
    for (int i = 0; i < 2000; ++i) {
        const QPointF p(random.bounded(1600.0), random.bounded(1000.0));
        QElapsedTimer t;
        t.start();
        hits += layout.productAt(map, p) >= 0 ? 1 : 0;
        picks.push_back(double(t.nsecsElapsed()) / 1e3);
    }
    bench::row("pick a product under the mouse, p95", bench::percentile(picks, 95), "us", 1000.0);

    const QString busiest = [&] {
        int best = 0;
        for (size_t i = 1; i < map.products.size(); ++i) {
            if (map.products[i].consumers + map.products[i].upstream
                > map.products[size_t(best)].consumers + map.products[size_t(best)].upstream)
                best = int(i);
        }
        return map.products.empty() ? QString() : map.products[size_t(best)].id;
    }();
    const double page = medianMs(runs, [&] { domainmap::loadProductPage(db, busiest, &map); });
    bench::row("product page of the most connected product", page, "ms", 100.0);

    int tiny = 0;
    for (size_t d = 0; d < map.domains.size(); ++d)
        tiny += !map.domains[d].products.empty() && layout.tileSize[d] < 4 ? 1 : 0;
    std::printf("\n%zu domains, %zu products, %zu product edges, %zu domain edges, %d domains with tiles under "
                "4 px at 1600x1000, %d of 2000 random points on a tile\n",
                map.domains.size(), map.products.size(), map.productEdges.size(), map.domainEdges.size(), tiny,
                hits);
    return cacheGiven || map.products.size() == size_t(stats.products) ? 0 : 1;
}
