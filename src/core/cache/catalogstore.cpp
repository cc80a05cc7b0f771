#include "catalogstore.h"

namespace meshscope::cache {

namespace {
QString cursorKey(const QString &uri)
{
    return QStringLiteral("catalog-cursor:") + uri;
}
} // namespace

QString catalogCursor(sql::Connection &db, const QString &uri)
{
    sql::Statement s = db.prepare("SELECT value FROM settings WHERE key = ?1");
    s.bind(1, cursorKey(uri));
    return s.step() ? s.text(0) : QString();
}

void setCatalogCursor(sql::Connection &db, const QString &uri, const QString &cursor)
{
    if (cursor.isEmpty()) {
        sql::Statement s = db.prepare("DELETE FROM settings WHERE key = ?1");
        s.bind(1, cursorKey(uri));
        s.run();
        return;
    }
    sql::Statement s = db.prepare("INSERT INTO settings(key, value) VALUES (?1, ?2) "
                                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    s.bind(1, cursorKey(uri)).bind(2, cursor);
    s.run();
}

std::map<QString, QByteArray> storedDocuments(sql::Connection &db, qint64 sourceId)
{
    std::map<QString, QByteArray> out;
    sql::Statement s = db.prepare("SELECT path, content FROM documents WHERE source_id = ?1");
    s.bind(1, sourceId);
    while (s.step())
        out.emplace(s.text(0), s.blob(1));
    return out;
}

} // namespace meshscope::cache
