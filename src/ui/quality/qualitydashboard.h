#pragma once

#include "offguithread.h"
#include "qualityproductmodel.h"

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>


/// @brief The Quality area's state: governance scores and SLO evaluation of the whole mesh, loaded on a
/// worker thread, and the dashboard of what is selected (the mesh, a domain or a product).
/// `QualityDashboard` in QML.
class QualityDashboard : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    /// Why the last load failed; empty when it did not.
    Q_PROPERTY(QString error READ error NOTIFY dataChanged)
    /// Evaluate as of now instead of as of the newest evidence in the cache.
    Q_PROPERTY(bool asOfNow READ asOfNow WRITE setAsOfNow NOTIFY asOfNowChanged)
    /// The moment freshness and compliance are computed for.
    Q_PROPERTY(QDateTime asOf READ asOf NOTIFY dataChanged)
    Q_PROPERTY(int productCount READ productCount NOTIFY dataChanged)
    /// The seeds' KPIs: [{key, label, value, text, target, ok, trend: [numbers], hint}]
    Q_PROPERTY(QVariantList kpis READ kpis NOTIFY dataChanged)
    /// [{id, score, products, passing, errors, warnings, compliance, stale, failingChecks}]
    Q_PROPERTY(QVariantList domains READ domains NOTIFY dataChanged)
    /// Mesh SLO compliance per day: [{time (ms), value (percent or undefined)}]
    Q_PROPERTY(QVariantList complianceTrend READ complianceTrend NOTIFY dataChanged)
    /// "" for the mesh, a domain id or a product id (what openRequested("quality", id) asked for).
    Q_PROPERTY(QString selection READ selection WRITE select NOTIFY selectionChanged)
    /// "mesh", "domain", "product" or "missing" (the id is not in the cache).
    Q_PROPERTY(QString selectionKind READ selectionKind NOTIFY selectionChanged)
    /// The domain or product dashboard, see detailFor*() in the .cpp.
    Q_PROPERTY(QVariantMap detail READ detail NOTIFY selectionChanged)
    Q_PROPERTY(QualityProductModel *products READ products CONSTANT)

public:
    explicit QualityDashboard(QObject *parent = nullptr);
    ~QualityDashboard() override;

    bool loading() const { return m_work.busy(); }
    QString error() const;
    bool asOfNow() const { return m_asOfNow; }
    void setAsOfNow(bool on);
    QDateTime asOf() const;
    int productCount() const;
    QVariantList kpis() const;
    QVariantList domains() const;
    QVariantList complianceTrend() const;
    QString selection() const { return m_selection; }
    /// Shows the mesh (""), a domain or a product; kept until the data is loaded.
    Q_INVOKABLE void select(const QString &id);
    QString selectionKind() const { return m_selectionKind; }
    QVariantMap detail() const { return m_detail; }
    QualityProductModel *products() { return &m_products; }

    /// Re-reads the cache (AppController's) on a worker thread.
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void loadingChanged();
    void dataChanged();
    void asOfNowChanged();
    void selectionChanged();

private:
    void finished(std::shared_ptr<quality::Snapshot> snapshot);
    void updateDetail();
    QVariantMap productDetail(qsizetype index) const;
    QVariantMap domainDetail(const QString &domain) const;

    std::shared_ptr<const quality::Snapshot> m_snapshot;
    QualityProductModel m_products;
    bool m_asOfNow = false;
    QString m_selection;
    QString m_selectionKind = QStringLiteral("mesh");
    QVariantMap m_detail;
    /// Declared last: destroyed first, it waits for a snapshot being computed before the members it
    /// delivers to go.
    OffGuiThread m_work{this, [this] { Q_EMIT loadingChanged(); }};
};
