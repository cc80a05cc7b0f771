#include "bulkloadjournal.h"

#include <QLoggingCategory>

#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcBulkLoad, "meshscope.cache.bulkload")

namespace meshscope::cache {

namespace {

/// Sets the journal mode and returns the one in effect afterwards ("wal", "delete", ...).
QString setJournalMode(sql::Connection &db, const char *pragma)
{
    sql::Statement s = db.prepare(pragma);
    return s.step() ? s.text(0).toLower() : QString();
}

} // namespace

BulkLoadJournal::BulkLoadJournal(sql::Connection &db) : m_db(db)
{
    // Another connection would make SQLite wait out the busy timeout before refusing: ask once instead.
    sqlite3_busy_timeout(m_db.handle(), 0);
    try {
        m_active = setJournalMode(m_db, "PRAGMA journal_mode=DELETE") == u"delete";
    } catch (const sql::SqlError &e) {
        qCDebug(lcBulkLoad) << "staying in WAL:" << e.message();
    }
    sqlite3_busy_timeout(m_db.handle(), sql::Connection::kBusyTimeoutMs);
}

BulkLoadJournal::~BulkLoadJournal()
{
    if (!m_active)
        return;
    try {
        if (setJournalMode(m_db, "PRAGMA journal_mode=WAL") != u"wal")
            qCWarning(lcBulkLoad) << "the cache could not go back to WAL after a first sync";
    } catch (const sql::SqlError &e) {
        qCWarning(lcBulkLoad) << "the cache could not go back to WAL after a first sync:" << e.message();
    }
}

} // namespace meshscope::cache
