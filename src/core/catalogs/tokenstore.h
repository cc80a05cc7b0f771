#pragma once

#include "catalogsource.h"

#include <QString>

namespace meshscope::catalogs {

/// The environment variable consulted for a source's token: MESHSCOPE_TOKEN_<HOST> with the host
/// upper-cased and every character other than A-Z and 0-9 replaced by '_' (127.0.0.1 ->
/// MESHSCOPE_TOKEN_127_0_0_1); MESHSCOPE_TOKEN_<HOST>_<PORT> is tried first when a port is given.
QStringList tokenVariables(const CatalogLocation &location);

/// @brief Finds the API token of a catalog source: the environment (CI, tests, headless servers where no
/// keychain daemon runs) first, then the system keychain (service "Meshscope", key = the source URI).
/// Returns an empty string when there is none; `lookedIn` then says where it was looked for.
/// Tokens are never written to the cache or to the settings file. Set MESHSCOPE_NO_KEYCHAIN=1 to skip
/// the keychain (it can take a D-Bus timeout to fail where no secret service runs).
QString findToken(const CatalogLocation &location, QString *lookedIn = nullptr);

/// The keychain service name tokens are stored under; the key is the source URI as configured.
QString keychainService();

/// Stores (or with an empty token deletes) a source's token in the system keychain. Blocks until the
/// keychain answers; returns false with a message when it cannot.
bool storeToken(const QString &sourceUri, const QString &token, QString *error);
/// Whether the keychain holds a token for the source (never returns the token itself).
bool hasStoredToken(const QString &sourceUri);

} // namespace meshscope::catalogs
