#include "cachefile.h"

#include "migrations.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

#include <algorithm>

#include <sqlite3.h>

namespace meshscope::cache {

namespace {

/// Switching to WAL needs the file to itself, and SQLite answers SQLITE_BUSY at once, without its busy
/// handler, while another connection (a second sync creating the same cache) holds a lock. Wait for it the way
/// every other statement does: up to the busy timeout, then the usual "another process is writing" error.
void switchToWal(sql::Connection &db)
{
    QElapsedTimer waited;
    waited.start();
    for (int pauseMs = 1;; pauseMs = std::min(pauseMs * 2, 50)) {
        try {
            db.exec("PRAGMA journal_mode=WAL");
            return;
        } catch (const sql::SqlError &e) {
            if ((e.code() & 0xFF) != SQLITE_BUSY || waited.elapsed() >= sql::Connection::kBusyTimeoutMs)
                throw;
        }
        QThread::msleep(pauseMs);
    }
}

sql::Connection openForWriting(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    sql::Connection db;
    db.open(path);
    migrate(db); // refuses a newer file before anything below could change it
    // WAL only now: switching rewrites the file's header, which a refused (newer) cache must keep.
    switchToWal(db);
    // One read in WAL mode joins the WAL's shared memory for as long as the connection lives, which is how
    // another connection (a first sync's BulkLoadJournal) learns that this one is open.
    schemaVersion(db);
    return db;
}

} // namespace

sql::Connection openCache(const QString &path, bool readOnly)
{
    if (!readOnly)
        return openForWriting(path);
    if (!QFileInfo::exists(path))
        throw sql::SqlError(SQLITE_CANTOPEN,
                            QStringLiteral("%1: no cache there; run 'meshscope sync --cache %1' first").arg(path));
    sql::Connection db;
    db.open(path, /*readOnly=*/true);
    const int version = schemaVersion(db);
    if (version > kSchemaVersion)
        checkNotNewer(db); // throws the "newer Meshscope" error
    if (version < kSchemaVersion) {
        // An older (or empty) cache is brought up to date once, as any command did before reading it; a
        // cache that is already current is never opened for writing by a command that only reads.
        db.close();
        openForWriting(path);
        db.open(path, /*readOnly=*/true);
    }
    return db;
}

} // namespace meshscope::cache
