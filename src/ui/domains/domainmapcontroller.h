#pragma once

#include "domainmap/domainmap.h"
#include "domains/changesmodel.h"
#include "domains/domainproductsmodel.h"
#include "offguithread.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QSet>
#include <QVariantMap>

#include <memory>

class QThread;

/// @brief State of the Domains area: the map built from the cache (off the GUI thread), the focused
/// domain and its side panel, the open product page, and the "what changed" list. `select(id)` takes
/// whatever AppController.open("domains", id) names: a domain, a product, an owner or a tag.
class DomainMapController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    /// Cache to read; defaults to AppController's.
    Q_PROPERTY(QString cachePath READ cachePath WRITE setCachePath NOTIFY cachePathChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY mapChanged)
    Q_PROPERTY(int domainCount READ domainCount NOTIFY mapChanged)
    Q_PROPERTY(int productCount READ productCount NOTIFY mapChanged)
    Q_PROPERTY(int dependencyCount READ dependencyCount NOTIFY mapChanged)
    /// What the header's counts rest on, for their hover: product-level edges by how they are known.
    Q_PROPERTY(QString countsHint READ countsHint NOTIFY mapChanged)
    /// Focused domain id, "" when none.
    Q_PROPERTY(QString focusedDomain READ focusedDomain NOTIFY focusChanged)
    /// The focused domain for the side panel: name, typeName, description, owners, productCount,
    /// ownProductCount, parent, subdomains, health {healthy, atRisk, unhealthy, unknown}, incoming, outgoing.
    Q_PROPERTY(QVariantMap domainInfo READ domainInfo NOTIFY domainInfoChanged)
    /// True from the map's load until its products' health is in (it evaluates the whole mesh's
    /// governance, SLOs and checks, as the Quality area does): until then every tile has no data.
    Q_PROPERTY(bool healthPending READ healthPending NOTIFY healthChanged)
    /// Products matching the owner or tag that was selected (their tiles stay lit); "" when none.
    Q_PROPERTY(QString filterLabel READ filterLabel NOTIFY focusChanged)
    /// Product whose page is open, "" when the map shows.
    Q_PROPERTY(QString productId READ productId NOTIFY productChanged)
    /// Everything the product page shows (see meshscope::domainmap::toJson(ProductPage)).
    Q_PROPERTY(QVariantMap productPage READ productPage NOTIFY productChanged)
    /// Every domain in display order (by type, sub-domains under their parent): id, name, depth,
    /// typeName, productCount.
    Q_PROPERTY(QVariantList domainList READ domainList NOTIFY mapChanged)
    Q_PROPERTY(DomainProductsModel *products READ products CONSTANT)
    Q_PROPERTY(ChangesModel *changes READ changes CONSTANT)

public:
    explicit DomainMapController(QObject *parent = nullptr);
    ~DomainMapController() override;

    QString cachePath() const { return m_cachePath; }
    void setCachePath(const QString &path);
    bool loading() const { return m_loading; }
    bool healthPending() const { return m_healthPending; }
    QString error() const { return m_error; }
    int domainCount() const { return m_map ? int(m_map->domains.size()) : 0; }
    int productCount() const { return m_map ? int(m_map->products.size()) : 0; }
    int dependencyCount() const { return m_map ? int(m_map->domainEdges.size()) : 0; }
    QString countsHint() const;
    QString focusedDomain() const;
    QVariantMap domainInfo() const { return m_domainInfo; }
    QVariantList domainList() const;
    QString filterLabel() const { return m_filterLabel; }
    QString productId() const { return m_productId; }
    QVariantMap productPage() const { return m_productPage; }
    DomainProductsModel *products() const { return m_products; }
    ChangesModel *changes() const { return m_changes; }

    std::shared_ptr<const meshscope::domainmap::DomainMap> map() const { return m_map; }
    int focusedIndex() const { return m_focused; }
    /// Product indices lit by an owner or tag selection (empty: no filter).
    const QSet<int> &highlighted() const { return m_highlighted; }

    /// Rebuilds the map from the cache in the background; a pending select() is applied when done.
    Q_INVOKABLE void reload();
    /// Shows `id`: a product opens its page, a domain is focused, an owner or tag focuses the domain
    /// holding most of its products and lights them. Remembered until the map is loaded.
    Q_INVOKABLE void select(const QString &id);
    Q_INVOKABLE void focusDomain(const QString &id);
    Q_INVOKABLE void clearFocus();
    Q_INVOKABLE void openProduct(const QString &id);
    Q_INVOKABLE void closeProduct();
    /// Display name of a domain type ("Source-aligned", ...), for the legend.
    Q_INVOKABLE static QString typeLabel(const QString &typeName);
    /// How a health verdict ("healthy", "at-risk", "unhealthy", "unknown") is shown, and what it means:
    /// the legend's text, from the one definition (domainmap/producthealth.h).
    Q_INVOKABLE static QString healthLabel(const QString &health);
    Q_INVOKABLE static QString healthMeaning(const QString &health);

Q_SIGNALS:
    void cachePathChanged();
    void loadingChanged();
    void mapChanged();
    void focusChanged();
    void domainInfoChanged();
    /// The products' health arrived (map() holds it; the layout is unchanged), or healthPending changed.
    void healthChanged();
    void productChanged();

private:
    void onLoaded(std::shared_ptr<const meshscope::domainmap::DomainMap> map, const QString &error,
                  std::vector<meshscope::cache::Change> changes);
    void onHealth(const std::shared_ptr<const meshscope::domainmap::DomainMap> &forMap,
                  const QHash<QString, meshscope::domainmap::HealthAssessment> &health, const QString &error);
    void finishLoad();
    void setFocus(int domain, QSet<int> highlighted, const QString &filterLabel);
    QVariantMap buildDomainInfo(int domain) const;
    bool selectOwnerOrTag(const QString &id);

    QString m_cachePath;
    bool m_loading = false;
    bool m_reloadAgain = false;
    bool m_healthPending = false;
    QString m_error;
    std::shared_ptr<const meshscope::domainmap::DomainMap> m_map;
    int m_focused = -1;
    QSet<int> m_highlighted;
    QString m_filterLabel;
    QVariantMap m_domainInfo;
    QString m_productId;
    QVariantMap m_productPage;
    QString m_pendingSelect;
    DomainProductsModel *m_products;
    ChangesModel *m_changes;
    /// Declared last: destroyed first, it waits for the map being built before the members it delivers to go.
    OffGuiThread m_work{this};
};
