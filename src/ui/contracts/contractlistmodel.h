#pragma once

#include "contracts/cachedcontract.h"

#include <QAbstractListModel>
#include <QQmlEngine>

/// @brief The contracts in the cache, one row per contract id with its versions and their status,
/// filtered by a text typed over the list (id, name, domain or status).
class ContractListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    /// Contracts in the cache before filtering.
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged)

public:
    enum Roles {
        ContractIdRole = Qt::UserRole + 1, ///< e.g. "orders.order_events"
        NameRole,                          ///< its name, else the id
        DomainRole,                        ///< domain id
        VersionsRole,                      ///< QStringList, oldest first
        StatusesRole,                      ///< QStringList, parallel to versions
        VersionSummaryRole,                ///< "1.3.0 active · 2.0.0 proposed"
        HasProposalRole,                   ///< a version is proposed or draft
    };
    Q_ENUM(Roles)

    explicit ContractListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString filter() const { return m_filter; }
    void setFilter(const QString &filter);
    int totalCount() const { return int(m_all.size()); }

    /// Reads the list from the cache at `cachePath` (an unreadable cache gives an empty list).
    Q_INVOKABLE void reload(const QString &cachePath);
    /// Replaces the list (tests, and reload()).
    void setVersions(const std::vector<meshscope::diff::CachedVersion> &versions);
    /// Row of a contract id among the filtered rows, or -1.
    Q_INVOKABLE int indexOf(const QString &contractId) const;
    /// The first contract with a proposal and another version to compare it with (else the first with two
    /// versions, else the first), for opening on something useful.
    Q_INVOKABLE QString firstProposal() const;
    /// The versions of one contract (whether or not it passes the filter).
    std::vector<meshscope::diff::CachedVersion> versionsOf(const QString &contractId) const;

Q_SIGNALS:
    void filterChanged();
    void totalCountChanged();

private:
    struct Entry {
        QString id;
        QString name;
        QString domain;
        std::vector<meshscope::diff::CachedVersion> versions;
        bool hasProposal = false;
    };
    void applyFilter();
    bool matches(const Entry &entry) const;

    std::vector<Entry> m_all;
    std::vector<int> m_visible; ///< indexes into m_all
    QString m_filter;
};
