#pragma once

#include "sqlite.h"

namespace meshscope::cache {

/// The schema version this build writes. A cache file with a higher PRAGMA user_version was written by a
/// newer Meshscope and is refused rather than damaged.
constexpr int kSchemaVersion = 5;

/// Brings the database up to kSchemaVersion: the pending numbered migrations in one IMMEDIATE transaction,
/// the version read again inside it, so that two processes creating one cache at once do not both migrate.
/// Throws sql::SqlError (naming the file) on failure and when the file is newer than this build, which
/// is then left exactly as it was.
void migrate(sql::Connection &db);

int schemaVersion(sql::Connection &db);

/// Throws the "newer Meshscope" error when the file's schema is newer than this build; changes nothing.
void checkNotNewer(sql::Connection &db);

} // namespace meshscope::cache
