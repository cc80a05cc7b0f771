#pragma once

#include "sqlite.h"

#include <QByteArray>
#include <QString>

#include <map>

/// What the cache keeps for catalog (HTTP) sources beyond their documents: the incremental cursor,
/// stored in the `settings` table under "catalog-cursor:<source uri>" so that it is written in the same
/// transaction as the documents it belongs to (a failed sync keeps both as they were).
namespace meshscope::cache {

QString catalogCursor(sql::Connection &db, const QString &uri);
void setCatalogCursor(sql::Connection &db, const QString &uri, const QString &cursor);

/// path -> stored raw text of every document of a source, for an incremental catalog sync.
std::map<QString, QByteArray> storedDocuments(sql::Connection &db, qint64 sourceId);

} // namespace meshscope::cache
