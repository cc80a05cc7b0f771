#pragma once

#include "cache/search.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QThread>

class SearchWorker;

/// @brief Results of the global search (Ctrl+K) as the user types, grouped by kind.
/// Queries run on a worker thread with its own SQLite connection; an answer to an older query
/// than the newest is dropped.
class SearchModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(bool searching READ searching NOTIFY searchingChanged)

public:
    enum Roles {
        KindRole = Qt::UserRole + 1, ///< product, contract, table, dataset, column, domain, owner, tag
        KindLabelRole,               ///< the kind as a section heading ("Data products")
        EntityIdRole,                ///< the entity's id, what opening it needs (a table's contract)
        TitleRole,                   ///< its name
        SnippetRole,                 ///< matching text, plain
        ObjectRole,                  ///< a table's schema object name, "" for other kinds
        SnippetMarkupRole,           ///< the snippet as StyledText: escaped, the matches in <b>
        OriginRole,                  ///< where it comes from: "From contracts/x.odcs.yaml", "From 3 documents: …"
    };
    Q_ENUM(Roles)

    explicit SearchModel(QObject *parent = nullptr);
    ~SearchModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString query() const { return m_query; }
    void setQuery(const QString &query);
    bool searching() const { return m_pending > 0; }

    static QString kindLabel(const QString &kind);
    /// The hit's snippet for a StyledText label: the text escaped, each match in bold.
    static QString snippetMarkup(const meshscope::cache::SearchHit &hit);
    /// The documents the hit comes from, as the hover says it.
    static QString origin(const meshscope::cache::SearchHit &hit);

Q_SIGNALS:
    void queryChanged();
    void searchingChanged();
    void requestSearch(quint64 generation, const QString &cachePath, const QString &query);

private:
    void onResults(quint64 generation, const std::vector<meshscope::cache::SearchHit> &hits);

    QString m_query;
    std::vector<meshscope::cache::SearchHit> m_hits;
    QThread m_thread;
    SearchWorker *m_worker = nullptr;
    quint64 m_generation = 0;
    int m_pending = 0;
};
