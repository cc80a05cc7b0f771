#pragma once

#include "cache/cachereader.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QQmlEngine>

/// @brief "What changed since I last looked": the change feed after the moment the user last marked it
/// seen (kept in QSettings under domains/lastLooked), grouped by domain (section role `domainName`),
/// newest first within a domain.
class ChangesModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by DomainMapController")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QDateTime lastLooked READ lastLooked NOTIFY lastLookedChanged)
    /// Domains of the mesh the changes touch: an entity without a domain (datasets) or whose domain the
    /// mesh no longer has is not one more domain, it counts in `noDomainCount`.
    Q_PROPERTY(int domainCount READ domainCount NOTIFY countChanged)
    /// Changes of entities with no domain of the mesh.
    Q_PROPERTY(int noDomainCount READ noDomainCount NOTIFY countChanged)

public:
    enum Roles {
        DomainIdRole = Qt::UserRole + 1, ///< domain the change belongs to ("" when none)
        DomainNameRole,                  ///< its display name, the section heading
        KindRole,                        ///< product, contract, dataset, domain, policy, ...
        EntityIdRole,                    ///< what changed (contracts as id@version)
        ChangeRole,                      ///< added, changed, removed
        AtRole,                          ///< when the sync recorded it
        FieldsRole,                      ///< changed fields, comma separated (for "changed")
    };
    Q_ENUM(Roles)

    explicit ChangesModel(QObject *parent = nullptr);

    /// The feed after `since` in the cache at `cachePath`, newest first (on any thread; empty on error).
    static std::vector<meshscope::cache::Change> readFeed(const QString &cachePath, const QDateTime &since);
    /// Reads the feed after lastLooked() and shows it (tests; the domain map reads it on its worker).
    void load(const QString &cachePath, const QHash<QString, QString> &domainNames);
    /// Entries as given (for tests and callers that already hold them).
    void setChanges(std::vector<meshscope::cache::Change> changes, const QHash<QString, QString> &domainNames);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_rows.size()); }
    int domainCount() const;
    int noDomainCount() const;
    QDateTime lastLooked() const { return m_lastLooked; }
    /// Remembers now as "last looked" and empties the list.
    Q_INVOKABLE void markAllSeen();

Q_SIGNALS:
    void countChanged();
    void lastLookedChanged();

private:
    struct Row {
        meshscope::cache::Change change;
        QString domainName;
    };
    std::vector<Row> m_rows;
    QDateTime m_lastLooked;
    QHash<QString, QString> m_domainNames;
};
