#include "searchworker.h"

#include "cache/cachefile.h"

void SearchWorker::search(quint64 generation, const QString &cachePath, const QString &query)
{
    std::vector<meshscope::cache::SearchHit> hits;
    try {
        if (!m_db.isOpen() || m_openPath != cachePath) {
            m_db = meshscope::cache::openCache(cachePath);
            m_openPath = cachePath;
        }
        hits = meshscope::cache::search(m_db, query, 40);
    } catch (const meshscope::sql::SqlError &) {
        m_db.close();
    }
    Q_EMIT results(generation, hits);
}
