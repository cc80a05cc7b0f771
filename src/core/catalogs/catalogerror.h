#pragma once

#include <QString>

namespace meshscope::catalogs {

/// @brief Why a catalog sync stopped: the message names the source, the URL and the HTTP status (or
/// the network error), ready to show to the user. Thrown by the HTTP client and the adapters; the
/// catalog sync catches it before anything is written, so the cache stays as it was.
struct CatalogError {
    QString message;
    int httpStatus = 0; ///< 0 for network errors and bad payloads
};

/// Thrown when the user cancels while a request or a back-off wait is under way.
struct CatalogCancelled {};

} // namespace meshscope::catalogs
