#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <stdexcept>

struct sqlite3;
struct sqlite3_stmt;

/// A thin RAII layer over the SQLite C API. Errors throw SqlError carrying SQLite's message;
/// the Cache class catches them at its boundary. One Connection per thread (SQLite's rule).
namespace meshscope::sql {

class SqlError : public std::runtime_error {
public:
    SqlError(int code, const QString &message);
    int code() const { return m_code; }
    QString message() const { return QString::fromUtf8(what()); }

private:
    int m_code;
};

class Statement;

class Connection {
public:
    /// How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
    static constexpr int kBusyTimeoutMs = 5000;

    Connection() = default;
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;
    Connection(Connection &&other) noexcept;
    Connection &operator=(Connection &&other) noexcept;

    /// Opens (creating if needed) with foreign keys on and a busy timeout, so a second process reading
    /// while a sync writes waits instead of failing. Writes nothing to the file: the journal mode (WAL) is
    /// cache::openCache's to set, once it knows the file is one it may change. Every SqlError from this
    /// connection names its file.
    void open(const QString &path, bool readOnly = false);
    /// The file as SQLite resolved it (absolute), empty when not open.
    QString path() const;
    bool isOpen() const { return m_db != nullptr; }
    void close();

    void exec(const char *sql);
    Statement prepare(const char *sql);
    qint64 lastInsertRowId() const;
    int changes() const;
    sqlite3 *handle() const { return m_db; }

private:
    sqlite3 *m_db = nullptr;
};

/// A prepared statement; bind by 1-based index, step, read columns by 0-based index.
class Statement {
public:
    Statement(sqlite3 *db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) {}
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;

    Statement &bind(int index, const QString &value);
    Statement &bind(int index, const QByteArray &value); ///< as a BLOB
    Statement &bindUtf8(int index, const QByteArray &utf8); ///< as TEXT, without a QString round trip
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, bool value) { return bind(index, qint64(value ? 1 : 0)); }
    Statement &bind(int index, double value);
    Statement &bindNull(int index);
    /// Binds an empty QString as NULL (for optional text columns).
    Statement &bindOptional(int index, const QString &value);

    /// Advances; true while a row is available.
    bool step();
    /// Runs to completion (INSERT/UPDATE/DELETE) and resets for reuse.
    void run();
    void reset();

    QString text(int column) const;
    QByteArray blob(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    bool isNull(int column) const;

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt;
};

/// Begins IMMEDIATE on construction and rolls back on destruction unless commit() was called:
/// an exception or a killed process leaves the database exactly as before.
class Transaction {
public:
    explicit Transaction(Connection &c);
    ~Transaction();
    void commit();

private:
    Connection &m_connection;
    bool m_done = false;
};

} // namespace meshscope::sql
