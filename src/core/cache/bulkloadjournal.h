#pragma once

#include "sqlite.h"

namespace meshscope::cache {

/// @brief While it lives, a load into an empty cache writes through a rollback journal instead of the WAL.
///
/// With WAL every page of a first sync is written twice: into the log during the transaction, then into
/// the database file by the checkpoint that follows the commit (for a 10,000-product mesh, 300 MB twice and
/// most of a second after the commit). A rollback journal never copies pages past the file's original end,
/// and an empty cache has none before them: the data is written once, and a killed sync still leaves the
/// cache as it was, empty. The destructor puts the connection back into WAL.
///
/// Leaving WAL needs the only connection to the file; when another one is open (the app's search, a second
/// process) the mode stays WAL and the load works as before, only slower.
class BulkLoadJournal {
public:
    /// Call outside any transaction.
    explicit BulkLoadJournal(sql::Connection &db);
    ~BulkLoadJournal();
    BulkLoadJournal(const BulkLoadJournal &) = delete;
    BulkLoadJournal &operator=(const BulkLoadJournal &) = delete;

    /// Whether the rollback journal is in use (false: the file stayed in WAL).
    bool active() const { return m_active; }

private:
    sql::Connection &m_db;
    bool m_active = false;
};

} // namespace meshscope::cache
