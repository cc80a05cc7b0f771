#pragma once

#include "cache/cachefile.h"
#include "cache/catalogstore.h"
#include "catalogs/catalogsync.h"

#include <QString>
#include <QTemporaryDir>

/// Shared pieces of the catalog tests: quick HTTP limits, a fixed token, and a fingerprint of the
/// whole cache to prove that a failed sync changed nothing.
namespace testsupport {

inline meshscope::catalogs::CatalogSyncOptions catalogOptions(const QString &token = QStringLiteral("secret-token"))
{
    meshscope::catalogs::CatalogSyncOptions options;
    options.http.timeoutMs = 2000;
    options.http.maxAttempts = 3;
    options.http.initialBackoffMs = 20;
    options.http.maxBackoffMs = 3000;
    options.token = [token](const meshscope::catalogs::CatalogLocation &, QString *lookedIn) {
        if (token.isEmpty() && lookedIn)
            *lookedIn = QStringLiteral("test: no token");
        return token;
    };
    return options;
}

/// Everything a sync may write, as one string: documents and their hashes, entity ids, the change
/// feed, syncs and the stored cursors.
inline QString cacheFingerprint(const QString &cachePath)
{
    meshscope::sql::Connection db = meshscope::cache::openCache(cachePath);
    QString out;
    const char *queries[] = {
        "SELECT group_concat(path || ':' || hash, ',') FROM (SELECT path, hash FROM documents ORDER BY path)",
        "SELECT group_concat(id, ',') FROM (SELECT id FROM products ORDER BY id)",
        "SELECT group_concat(id || '@' || version, ',') FROM (SELECT id, version FROM contracts ORDER BY id)",
        "SELECT group_concat(id, ',') FROM (SELECT id FROM datasets ORDER BY id)",
        "SELECT count(*) FROM lineage_edges", "SELECT count(*) FROM ports",
        "SELECT count(*) FROM change_feed", "SELECT count(*) FROM syncs",
        "SELECT group_concat(key || '=' || value, ',') FROM (SELECT key, value FROM settings ORDER BY key)",
    };
    for (const char *q : queries) {
        meshscope::sql::Statement s = db.prepare(q);
        out += (s.step() ? s.text(0) : QString()) + QLatin1Char('\n');
    }
    return out;
}

inline QString queryText(const QString &cachePath, const QByteArray &sql)
{
    meshscope::sql::Connection db = meshscope::cache::openCache(cachePath);
    meshscope::sql::Statement s = db.prepare(sql.constData());
    return s.step() ? s.text(0) : QString();
}

inline qint64 queryInt(const QString &cachePath, const QByteArray &sql)
{
    meshscope::sql::Connection db = meshscope::cache::openCache(cachePath);
    meshscope::sql::Statement s = db.prepare(sql.constData());
    return s.step() ? s.int64(0) : -1;
}

/// The error diagnostics of a report joined, for QVERIFY2 messages and contains() checks.
inline QString errors(const meshscope::SyncReport &report)
{
    QStringList out;
    for (const meshscope::Diagnostic &d : report.diagnostics) {
        if (d.severity == meshscope::Diagnostic::Severity::Error)
            out << d.toString();
    }
    if (!report.fatalError.isEmpty())
        out << report.fatalError;
    return out.join(QLatin1Char('\n'));
}

} // namespace testsupport
