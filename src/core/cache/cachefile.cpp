#include "cachefile.h"

#include "migrations.h"

#include <QDir>
#include <QFileInfo>

namespace meshscope::cache {

sql::Connection openCache(const QString &path, bool readOnly)
{
    if (!readOnly)
        QDir().mkpath(QFileInfo(path).absolutePath());
    sql::Connection db;
    db.open(path, readOnly);
    try {
        if (readOnly) {
            if (schemaVersion(db) > kSchemaVersion)
                migrate(db); // throws the "newer Meshscope" error
        } else {
            migrate(db);
        }
    } catch (const sql::SqlError &e) {
        throw sql::SqlError(e.code(), path + QStringLiteral(": ") + e.message());
    }
    return db;
}

} // namespace meshscope::cache
