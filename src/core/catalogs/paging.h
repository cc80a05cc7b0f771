#pragma once

#include "catalogadapter.h"

#include <QJsonArray>

namespace meshscope::catalogs {

/// The URL named rel="next" in an RFC 8288 Link header, resolved against `base`; empty when none.
QUrl nextLink(const QByteArray &linkHeader, const QUrl &base);

/// @brief Reads every page of a list endpoint: follows `Link: <...>; rel="next"` when the server sends
/// Link headers, otherwise asks for page p+1 (`pageParam`) until a page is empty. A next link already
/// visited, or a page repeating only items already seen, ends with an error rather than looping.
/// Items are the response array, or the array under `itemsKey` when the response is an object.
/// `idOf` gives an item's identity for the repeat check.
QJsonArray readAllPages(CatalogContext &context, const QUrl &first, const QString &pageParam, const QString &what,
                        const std::function<QString(const QJsonObject &)> &idOf, const char *itemsKey = nullptr);

/// Cursor paging of OpenMetadata: `limit` and `after`, the next cursor in paging.after of each page.
/// `visit` receives each page's `data` array. Stops with an error when a cursor repeats.
void readCursorPages(CatalogContext &context, QUrl first, const QString &what,
                     const std::function<void(const QJsonArray &)> &visit);

} // namespace meshscope::catalogs
