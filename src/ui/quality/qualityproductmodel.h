#pragma once

#include "qualitysnapshot.h"

#include <QAbstractListModel>
#include <QQmlEngine>

/// @brief The products of the Quality area as a table: filtered by text, domain and "problems only",
/// sorted worst first (or by score, name, failing checks). `QualityProductModel` in QML.
class QualityProductModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by QualityDashboard")
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterChanged)
    Q_PROPERTY(QString domain READ domain WRITE setDomain NOTIFY filterChanged)
    Q_PROPERTY(bool problemsOnly READ problemsOnly WRITE setProblemsOnly NOTIFY filterChanged)
    /// "worst", "score", "name", "checks"
    Q_PROPERTY(QString sortKey READ sortKey WRITE setSortKey NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        ProductIdRole = Qt::UserRole + 1, ///< product id
        NameRole,                         ///< display name
        DomainRole,                       ///< domain id
        ScoreRole,                        ///< governance score 0-100
        ErrorsRole,                       ///< governance errors
        WarningsRole,                     ///< governance warnings
        SloStatusRole,                    ///< "met", "missed", "no evidence"
        StaleRole,                        ///< a freshness promise is missed
        FailingChecksRole,                ///< checks whose latest result failed
        FreshnessRole,                    ///< age of the last load ("4d 5h"), "" when unknown
        HealthRole,                       ///< the domain map's verdict: "healthy", "at-risk", "unhealthy", "unknown"
        HealthSummaryRole,                ///< "Unhealthy: SLOs missed: availability; governance 46 (...)"
        ScoreBasisRole,                   ///< how the score came about: "46 = 100 − 10 × 5 errors − 2 × 2 warnings"
    };
    Q_ENUM(Roles)

    explicit QualityProductModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setSnapshot(std::shared_ptr<const quality::Snapshot> snapshot);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    QString domain() const { return m_domain; }
    void setDomain(const QString &domain);
    bool problemsOnly() const { return m_problemsOnly; }
    void setProblemsOnly(bool on);
    QString sortKey() const { return m_sortKey; }
    void setSortKey(const QString &key);

Q_SIGNALS:
    void filterChanged();
    void countChanged();

private:
    void rebuild();

    std::shared_ptr<const quality::Snapshot> m_snapshot;
    std::vector<const quality::ProductRow *> m_rows;
    QString m_filterText;
    QString m_domain;
    bool m_problemsOnly = false;
    QString m_sortKey = QStringLiteral("worst");
};
