#include "domainmapcontroller.h"

#include "appcontroller.h"
#include "cache/cachefile.h"
#include "cache/cachereader.h"
#include "cache/guithreadguard.h"
#include "domainmap/productedges.h"
#include "domainmap/productpage.h"
#include "maturity/maturityjson.h"
#include "domains/changesmodel.h"
#include "domains/domainproductsmodel.h"

#include <QElapsedTimer>

#include <optional>
#include <QLoggingCategory>
#include <QThread>
#include <QVariantList>

using namespace meshscope;
using namespace meshscope::domainmap;

namespace {
Q_LOGGING_CATEGORY(lcDomains, "meshscope.domains")

QVariantList edgeList(const DomainMap &map, int domain, bool incoming)
{
    std::vector<const DomainEdge *> edges;
    for (const DomainEdge &e : map.domainEdges) {
        if ((incoming ? e.to : e.from) == domain)
            edges.push_back(&e);
    }
    std::sort(edges.begin(), edges.end(), [](const DomainEdge *a, const DomainEdge *b) { return a->count > b->count; });
    QVariantList out;
    for (const DomainEdge *e : edges) {
        const MapDomain &other = map.domains[size_t(incoming ? e->from : e->to)];
        QStringList top;
        for (const auto &[product, n] : e->topProducts)
            top << map.products[size_t(product)].name;
        out << QVariantMap{{"domainId", other.id}, {"name", other.name}, {"count", e->count},
                           {"topProducts", top.join(QStringLiteral(", "))}};
    }
    return out;
}
} // namespace

DomainMapController::DomainMapController(QObject *parent)
    : QObject(parent), m_products(new DomainProductsModel(this)), m_changes(new ChangesModel(this))
{
    if (AppController *app = AppController::instance())
        m_cachePath = app->cachePath();
}

DomainMapController::~DomainMapController() = default;

void DomainMapController::setCachePath(const QString &path)
{
    if (path == m_cachePath)
        return;
    m_cachePath = path;
    Q_EMIT cachePathChanged();
}

QString DomainMapController::focusedDomain() const
{
    return m_map && m_focused >= 0 ? m_map->domains[size_t(m_focused)].id : QString();
}

void DomainMapController::reload()
{
    if (m_loading || m_healthPending) {
        m_reloadAgain = true; // the cache changed while reading it: read again once this finishes
        return;
    }
    m_loading = true;
    Q_EMIT loadingChanged();
    const QString path = m_cachePath;
    // The map first (its structure is quick), then its health: that evaluates the whole mesh as the
    // Quality area does and takes many times longer on a large mesh, so the map does not wait for it.
    const QDateTime changesSince = m_changes->lastLooked();
    m_work.start([this, path, changesSince](const OffGuiThread::Job &job) {
        std::shared_ptr<const DomainMap> map;
        QString error;
        QElapsedTimer t;
        t.start();
        std::optional<sql::Connection> db;
        try {
            db.emplace(cache::openCache(path, true));
            map = std::make_shared<const DomainMap>(buildDomainMap(*db, HealthPass::Later));
        } catch (const sql::SqlError &e) {
            error = QStringLiteral("cannot read the cache %1: %2").arg(path, e.message());
        }
        auto changes = std::make_shared<std::vector<cache::Change>>(ChangesModel::readFeed(path, changesSince));
        qCDebug(lcDomains) << "domain map built in" << t.restart() << "ms";
        job.deliver([this, map, error, changes] { onLoaded(map, error, std::move(*changes)); });
        if (!map || job.cancelled())
            return;
        QHash<QString, HealthAssessment> health;
        QString healthError;
        try {
            health = assessMeshHealth(*db);
        } catch (const sql::SqlError &e) {
            healthError = QStringLiteral("cannot assess health from the cache %1: %2").arg(path, e.message());
        }
        qCDebug(lcDomains) << "health assessed in" << t.elapsed() << "ms";
        job.deliver([this, map, health, healthError] { onHealth(map, health, healthError); });
    });
}

void DomainMapController::onLoaded(std::shared_ptr<const DomainMap> map, const QString &error,
                                   std::vector<cache::Change> changes)
{
    const QString focusedId = focusedDomain();
    m_error = error;
    m_healthPending = map && error.isEmpty();
    if (!error.isEmpty())
        qCWarning(lcDomains).noquote() << error;
    m_map = map ? map : std::make_shared<const DomainMap>();
    m_focused = m_map->domainOf(focusedId);
    if (focusedId.isEmpty())
        m_focused = -1;
    Q_EMIT mapChanged();
    QHash<QString, QString> names;
    for (const MapDomain &d : m_map->domains)
        names.insert(d.id, d.name);
    m_changes->setChanges(std::move(changes), names);
    if (m_reloadAgain && !m_healthPending) {
        m_reloadAgain = false;
        m_loading = false;
        reload();
        return;
    }
    m_loading = false;
    if (!m_pendingSelect.isEmpty()) {
        const QString id = m_pendingSelect;
        m_pendingSelect.clear();
        select(id);
    } else {
        setFocus(m_focused, {}, {});
        if (!m_productId.isEmpty())
            openProduct(m_productId);
    }
    Q_EMIT loadingChanged();
    Q_EMIT healthChanged();
}

void DomainMapController::onHealth(const std::shared_ptr<const DomainMap> &forMap,
                                   const QHash<QString, HealthAssessment> &health, const QString &error)
{
    m_healthPending = false;
    if (!error.isEmpty())
        qCWarning(lcDomains).noquote() << error;
    if (forMap && forMap == m_map && error.isEmpty()) {
        auto withHealth = std::make_shared<DomainMap>(*m_map);
        applyHealth(*withHealth, health);
        m_map = std::move(withHealth);
        // Same domains and products at the same indices: focus, highlights and the view stay.
        m_domainInfo = buildDomainInfo(m_focused);
        m_products->setDomain(m_map, m_focused);
        Q_EMIT domainInfoChanged();
        if (!m_productId.isEmpty())
            openProduct(m_productId);
    }
    Q_EMIT healthChanged();
    if (m_reloadAgain) {
        m_reloadAgain = false;
        reload();
    }
}

void DomainMapController::select(const QString &id)
{
    if (!m_map || m_loading) {
        m_pendingSelect = id;
        return;
    }
    if (id.isEmpty()) {
        closeProduct();
        clearFocus();
    } else if (m_map->productOf(id) >= 0) {
        openProduct(id);
    } else if (m_map->domainOf(id) >= 0) {
        closeProduct();
        focusDomain(id);
    } else if (selectOwnerOrTag(id)) {
        closeProduct();
    } else {
        // Perhaps not synced yet (the first sync may still be running): try again after the next load.
        qCInfo(lcDomains) << "nothing in the domain map is called" << id << "(yet)";
        m_pendingSelect = id;
    }
}

bool DomainMapController::selectOwnerOrTag(const QString &id)
{
    // Debt (issue 19): still reads the cache on the GUI thread; to move onto OffGuiThread.
    const meshscope::sql::GuiThreadRead onGuiThread("DomainMapController::selectOwnerOrTag: products by tag");
    QSet<int> lit;
    for (size_t i = 0; i < m_map->products.size(); ++i) {
        if (m_map->products[i].owner == id)
            lit.insert(int(i));
    }
    QString label = tr("Owner %1").arg(id);
    if (lit.isEmpty()) {
        try {
            sql::Connection db = cache::openCache(m_cachePath, true);
            for (const QString &productId : cache::CacheReader(db).productsTagged(id)) {
                if (const int p = m_map->productOf(productId); p >= 0)
                    lit.insert(p);
            }
        } catch (const sql::SqlError &e) {
            qCWarning(lcDomains) << "cannot look up tag" << id << ":" << e.message();
        }
        label = tr("Tag %1").arg(id);
    }
    if (lit.isEmpty())
        return false;
    QHash<int, int> perDomain;
    for (int p : lit)
        ++perDomain[m_map->products[size_t(p)].domain];
    int best = -1;
    for (auto it = perDomain.cbegin(); it != perDomain.cend(); ++it) {
        if (best < 0 || it.value() > perDomain.value(best) || (it.value() == perDomain.value(best) && it.key() < best))
            best = it.key();
    }
    setFocus(best, lit, tr("%1: %n product(s)", nullptr, int(lit.size())).arg(label));
    return true;
}

void DomainMapController::focusDomain(const QString &id)
{
    if (!m_map)
        return;
    setFocus(m_map->domainOf(id), {}, {});
}

void DomainMapController::clearFocus()
{
    setFocus(-1, {}, {});
}

void DomainMapController::setFocus(int domain, QSet<int> highlighted, const QString &filterLabel)
{
    m_focused = domain;
    m_highlighted = std::move(highlighted);
    m_filterLabel = filterLabel;
    m_domainInfo = buildDomainInfo(domain);
    m_products->setDomain(m_map, domain);
    Q_EMIT focusChanged();
    Q_EMIT domainInfoChanged();
}

QVariantMap DomainMapController::buildDomainInfo(int domain) const
{
    if (!m_map || domain < 0)
        return {};
    const MapDomain &d = m_map->domains[size_t(domain)];
    QVariantList subdomains;
    for (int c : d.children)
        subdomains << QVariantMap{{"id", m_map->domains[size_t(c)].id}, {"name", m_map->domains[size_t(c)].name},
                                  {"productCount", m_map->domains[size_t(c)].totalProducts}};
    std::array<int, 4> health{};
    std::vector<int> stack{domain};
    while (!stack.empty()) {
        const MapDomain &x = m_map->domains[size_t(stack.back())];
        stack.pop_back();
        for (size_t h = 0; h < health.size(); ++h)
            health[h] += x.healthCounts[h];
        stack.insert(stack.end(), x.children.begin(), x.children.end());
    }
    QVariantMap parent;
    if (d.parent >= 0)
        parent = {{"id", m_map->domains[size_t(d.parent)].id}, {"name", m_map->domains[size_t(d.parent)].name}};
    return {{"id", d.id},
            {"name", d.name},
            {"typeName", domainTypeName(d.type)},
            {"typeLabel", typeLabel(domainTypeName(d.type))},
            {"description", d.description},
            {"declared", d.declared},
            {"owners", d.owners},
            {"productCount", d.totalProducts},
            {"ownProductCount", int(d.products.size())},
            {"parent", parent},
            {"subdomains", subdomains},
            {"health", QVariantMap{{"healthy", health[size_t(Health::Healthy)]},
                                   {"atRisk", health[size_t(Health::AtRisk)]},
                                   {"unhealthy", health[size_t(Health::Unhealthy)]},
                                   {"unknown", health[size_t(Health::Unknown)]},
                                   {"pending", !m_map->healthAssessed}}},
            {"incoming", edgeList(*m_map, domain, true)},
            {"outgoing", edgeList(*m_map, domain, false)}};
}

void DomainMapController::openProduct(const QString &id)
{
    // Debt (issue 19): still reads the cache on the GUI thread; to move onto OffGuiThread.
    const meshscope::sql::GuiThreadRead onGuiThread("DomainMapController::openProduct");
    if (!m_map || m_loading) {
        m_pendingSelect = id;
        return;
    }
    try {
        sql::Connection db = cache::openCache(m_cachePath, true);
        const ProductPage page = loadProductPage(db, id, m_map.get());
        if (!page.found) {
            qCWarning(lcDomains) << "no data product" << id << "in the cache";
            return;
        }
        m_productId = id;
        m_productPage = toJson(page).toVariantMap();
        // The maturity badge and the next level's checklist (docs/maturity.md).
        // A failure there leaves the rest of the page as it is.
        try {
            bool lighthouse = false;
            if (const auto m = maturity::assessProductInCache(db, id, page.product.domainId, &lighthouse)) {
                QVariantMap mv = maturity::toJson(*m).toVariantMap();
                mv.insert(QStringLiteral("lighthouse"), lighthouse);
                m_productPage.insert(QStringLiteral("maturity"), mv);
            }
        } catch (const sql::SqlError &e) {
            qCWarning(lcDomains) << "cannot assess the maturity of" << id << ":" << e.message();
        }
        // The map behind the page shows the product's domain, so "back" lands next to it.
        const int domain = m_map->products[size_t(m_map->productOf(id))].domain;
        if (domain != m_focused)
            setFocus(domain, {}, {});
    } catch (const sql::SqlError &e) {
        qCWarning(lcDomains) << "cannot read product" << id << ":" << e.message();
        return;
    }
    Q_EMIT productChanged();
}

void DomainMapController::closeProduct()
{
    if (m_productId.isEmpty())
        return;
    m_productId.clear();
    m_productPage.clear();
    Q_EMIT productChanged();
}

QString DomainMapController::countsHint() const
{
    if (!m_map)
        return {};
    int crossDomain = 0, byPort = 0, byLineage = 0;
    for (const ProductEdge &e : m_map->productEdges) {
        if (m_map->products[size_t(e.from)].domain == m_map->products[size_t(e.to)].domain)
            continue;
        ++crossDomain;
        byPort += (e.via & int(EdgeVia::Port)) ? 1 : 0;
        byLineage += (e.via & int(EdgeVia::Lineage)) ? 1 : 0;
    }
    int declared = 0;
    for (const MapDomain &d : m_map->domains)
        declared += d.declared ? 1 : 0;
    return tr("%1 domains (%2 described by a document, the others named only by their products); "
              "%3 cross-domain dependencies: pairs of domains joined by %4 product-to-product dependencies, "
              "%5 read from input ports and %6 from lineage (some both)")
        .arg(m_map->domains.size())
        .arg(declared)
        .arg(m_map->domainEdges.size())
        .arg(crossDomain)
        .arg(byPort)
        .arg(byLineage);
}

QVariantList DomainMapController::domainList() const
{
    QVariantList out;
    if (!m_map)
        return out;
    std::vector<std::pair<int, int>> stack; // domain, depth
    const std::vector<int> roots = m_map->roots();
    for (auto it = roots.rbegin(); it != roots.rend(); ++it)
        stack.push_back({*it, 0});
    while (!stack.empty()) {
        const auto [d, depth] = stack.back();
        stack.pop_back();
        const MapDomain &domain = m_map->domains[size_t(d)];
        // What the count rests on, for its hover: the products naming this domain, and those of its sub-domains.
        const int own = int(domain.products.size());
        QString countHint = (own == 1 ? tr("1 data product names %1 as its domain")
                                      : tr("%1 data products name %2 as their domain").arg(own))
                                .arg(domain.name);
        if (const int below = domain.totalProducts - own; below > 0)
            countHint += (below == 1 ? tr("; 1 more is in its sub-domains")
                                     : tr("; %1 more are in its sub-domains").arg(below));
        out << QVariantMap{{"id", domain.id}, {"name", domain.name}, {"depth", depth},
                           {"typeName", domainTypeName(domain.type)}, {"productCount", domain.totalProducts},
                           {"countHint", countHint + QLatin1Char('.')}};
        for (auto it = domain.children.rbegin(); it != domain.children.rend(); ++it)
            stack.push_back({*it, depth + 1});
    }
    return out;
}

namespace {
Health parseHealth(const QString &name)
{
    for (Health h : {Health::Healthy, Health::AtRisk, Health::Unhealthy})
        if (healthName(h) == name)
            return h;
    return Health::Unknown;
}
} // namespace

QString DomainMapController::healthLabel(const QString &health)
{
    return meshscope::domainmap::healthLabel(parseHealth(health));
}

QString DomainMapController::healthMeaning(const QString &health)
{
    return meshscope::domainmap::healthMeaning(parseHealth(health));
}

QString DomainMapController::typeLabel(const QString &typeName)
{
    switch (parseDomainType(typeName)) {
    case DomainType::SourceAligned: return tr("Source-aligned");
    case DomainType::ConsumerAligned: return tr("Consumer-aligned");
    case DomainType::Aggregate: return tr("Aggregate");
    case DomainType::Unknown: break;
    }
    return tr("Type not stated");
}
