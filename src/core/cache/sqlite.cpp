#include "sqlite.h"

#include "guithreadguard.h"

#include <sqlite3.h>

#include <vector>

namespace meshscope::sql {

SqlError::SqlError(int code, const QString &message)
    : std::runtime_error(message.toStdString()), m_code(code)
{
}

/// Every error names the cache file: "file is not a database" alone does not say which file to delete.
/// A lock held by another process gets words of its own, since it is the one a user can act on.
static SqlError errorOf(sqlite3 *db, int rc, const QString &sqliteMessage)
{
    const char *file = db ? sqlite3_db_filename(db, "main") : nullptr;
    QString message = sqliteMessage;
    if ((rc & 0xFF) == SQLITE_BUSY)
        message = QStringLiteral("another process (another sync?) is writing the cache and did not finish within "
                                 "%1 s; try again once it has finished (%2)")
                      .arg(Connection::kBusyTimeoutMs / 1000)
                      .arg(sqliteMessage);
    if (file && *file)
        message = QString::fromUtf8(file) + QStringLiteral(": ") + message;
    return SqlError(rc, message);
}

static void check(sqlite3 *db, int rc)
{
    if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
        throw errorOf(db, rc, QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
}

Connection::~Connection()
{
    close();
}

Connection::Connection(Connection &&other) noexcept : m_db(other.m_db)
{
    other.m_db = nullptr;
}

Connection &Connection::operator=(Connection &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = other.m_db;
        other.m_db = nullptr;
    }
    return *this;
}

void Connection::open(const QString &path, bool readOnly)
{
    // Memory statistics (on by default) take a global mutex around every allocation SQLite makes, and a
    // cold sync makes millions; nothing here reads them. Only possible before SQLite initializes, which
    // the first open of the process does.
    static const bool statisticsOff = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    Q_UNUSED(statisticsOff);
    close();
    noteCacheOpen(path);
    const int flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
        close();
        throw SqlError(rc, QStringLiteral("cannot open %1: %2").arg(path, message));
    }
    sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
    // Nothing here writes to the file (WAL is set by cache::openCache once the schema version is known to
    // be one this build may touch): these pragmas only configure this connection.
    exec("PRAGMA foreign_keys=ON");
    exec("PRAGMA synchronous=NORMAL");
}

QString Connection::path() const
{
    const char *file = m_db ? sqlite3_db_filename(m_db, "main") : nullptr;
    return file ? QString::fromUtf8(file) : QString();
}

void Connection::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

void Connection::exec(const char *sql)
{
    char *error = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        const QString message = QString::fromUtf8(error ? error : sqlite3_errstr(rc));
        sqlite3_free(error);
        throw errorOf(m_db, rc, message);
    }
}

Statement Connection::prepare(const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    check(m_db, sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr));
    return Statement(m_db, stmt);
}

qint64 Connection::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Connection::changes() const
{
    return sqlite3_changes(m_db);
}

Statement::~Statement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt)
{
    other.m_stmt = nullptr;
}

namespace {

/// UTF-16 to UTF-8 into `out` (resized, capacity kept). Text with any surrogate goes through
/// QString::toUtf8(), so that unpaired ones come out exactly as they always have.
void toUtf8(const QString &value, std::vector<char> &out)
{
    const qsizetype n = value.size();
    out.resize(size_t(n) * 3);
    const char16_t *in = reinterpret_cast<const char16_t *>(value.constData());
    char *o = out.data();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = in[i];
        if (c < 0x80) {
            *o++ = char(c);
        } else if (c < 0x800) {
            *o++ = char(0xC0 | (c >> 6));
            *o++ = char(0x80 | (c & 0x3F));
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            const QByteArray utf8 = value.toUtf8();
            out.assign(utf8.constData(), utf8.constData() + utf8.size());
            return;
        } else {
            *o++ = char(0xE0 | (c >> 12));
            *o++ = char(0x80 | ((c >> 6) & 0x3F));
            *o++ = char(0x80 | (c & 0x3F));
        }
    }
    out.resize(size_t(o - out.data()));
}

} // namespace

Statement &Statement::bind(int index, const QString &value)
{
    // Converted into a buffer that keeps its capacity from row to row: SQLite copies the bytes anyway
    // (into its lookaside memory when short), so a QByteArray per bound value was a malloc and a free
    // for nothing, millions of times in a cold sync.
    thread_local std::vector<char> buffer;
    toUtf8(value, buffer);
    static const char empty = 0; // an empty text needs a non-null pointer, or SQLite binds NULL
    const char *data = buffer.empty() ? &empty : buffer.data();
    check(m_db, sqlite3_bind_text64(m_stmt, index, data, sqlite3_uint64(buffer.size()), SQLITE_TRANSIENT,
                                    SQLITE_UTF8));
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &value)
{
    check(m_db, sqlite3_bind_blob64(m_stmt, index, value.constData(), sqlite3_uint64(value.size()),
                                    SQLITE_TRANSIENT));
    return *this;
}

Statement &Statement::bindUtf8(int index, const QByteArray &utf8)
{
    check(m_db, sqlite3_bind_text64(m_stmt, index, utf8.constData(), sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT,
                                    SQLITE_UTF8));
    return *this;
}

Statement &Statement::bind(int index, qint64 value)
{
    check(m_db, sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    check(m_db, sqlite3_bind_double(m_stmt, index, value));
    return *this;
}

Statement &Statement::bindNull(int index)
{
    check(m_db, sqlite3_bind_null(m_stmt, index));
    return *this;
}

Statement &Statement::bindOptional(int index, const QString &value)
{
    return value.isEmpty() ? bindNull(index) : bind(index, value);
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const QString message = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(m_stmt);
    throw errorOf(m_db, rc, message);
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column)) : QString();
}

QByteArray Statement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return data ? QByteArray(data, sqlite3_column_bytes(m_stmt, column)) : QByteArray();
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

Transaction::Transaction(Connection &c) : m_connection(c)
{
    m_connection.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (!m_done) {
        try {
            m_connection.exec("ROLLBACK");
        } catch (...) {
        }
    }
}

void Transaction::commit()
{
    m_connection.exec("COMMIT");
    m_done = true;
}

} // namespace meshscope::sql
