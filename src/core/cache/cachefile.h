#pragma once

#include "sqlite.h"

namespace meshscope::cache {

/// Opens the cache at `path` (creating its folder and file if needed) and migrates it to the current
/// schema. Throws sql::SqlError with a message naming the file on failure.
sql::Connection openCache(const QString &path, bool readOnly = false);

} // namespace meshscope::cache
