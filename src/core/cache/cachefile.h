#pragma once

#include "sqlite.h"

namespace meshscope::cache {

/// Opens the cache at `path` (creating its folder and file if needed), migrates it to the current schema
/// and puts it in WAL mode. Throws sql::SqlError with a message naming the file on failure. A cache written
/// by a newer Meshscope is refused before anything in it is changed.
///
/// `readOnly`, for commands and views that only read: the file must exist, and is opened read-only (so a
/// read-only cache file works) once it is at the current schema; an older one is migrated first.
sql::Connection openCache(const QString &path, bool readOnly = false);

} // namespace meshscope::cache
