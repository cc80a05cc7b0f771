#pragma once

#include "sqlite.h"

namespace meshscope::cache {

/// The schema version this build writes. A cache file with a higher PRAGMA user_version was written by a
/// newer Meshscope and is refused rather than damaged.
constexpr int kSchemaVersion = 2;

/// Brings the database up to kSchemaVersion, one numbered migration per transaction.
/// Throws sql::SqlError on failure and when the file is newer than this build.
void migrate(sql::Connection &db);

int schemaVersion(sql::Connection &db);

} // namespace meshscope::cache
