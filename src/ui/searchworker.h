#pragma once

#include "cache/search.h"
#include "cache/sqlite.h"

#include <QObject>

/// Runs searches on SearchModel's thread, keeping one connection open per cache file.
class SearchWorker : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    void search(quint64 generation, const QString &cachePath, const QString &query);

Q_SIGNALS:
    void results(quint64 generation, const std::vector<meshscope::cache::SearchHit> &hits);

private:
    meshscope::sql::Connection m_db;
    QString m_openPath;
};
