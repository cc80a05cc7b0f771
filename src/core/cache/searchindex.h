#pragma once

#include "model/entities.h"
#include "sqlite.h"

#include <vector>

namespace meshscope::cache {

/// @brief One row of the full-text index: what a search hit is (kind, id, and for a table its schema
/// object) and the text it is found by, column by column. Text is plain (see plainText()).
struct SearchRow {
    QString kind;   ///< product, contract, table, dataset, column, domain, owner, tag, metric
    QString id;     ///< the entity's id; a table's is its contract's
    QString object; ///< a table's schema object name; empty for every other kind
    QString name;
    QString description; ///< descriptions at every level the entity has
    QString fields;      ///< names of its tables, properties, fields, columns and ports
    QString owners;
    QString tags;
    QString details; ///< servers (host, database, schema …), port locations, SLA and quality rule names
};

/// The rows an entity is found by. A contract gives its own row, one per schema object (kind "table"),
/// and one per tag; a product its own, its owner's and one per tag; a dataset its own and one per column.
std::vector<SearchRow> searchRows(const Contract &c);
std::vector<SearchRow> searchRows(const DataProduct &p);
std::vector<SearchRow> searchRows(const Dataset &d);
SearchRow searchRow(const Domain &d);
/// A metric is found by its name, label, description, expression, dimensions and inputs (kind "metric").
SearchRow searchRow(const Metric &m);

/// Appends one row to the index for `documentId` (search_rows and the FTS table).
void insertSearchRow(sql::Statement &rowInsert, sql::Statement &ftsInsert, sql::Connection &db, qint64 documentId,
                     const SearchRow &row);
/// The statements insertSearchRow() takes, for callers that prepare them once.
inline constexpr const char *kInsertSearchRowSql =
    "INSERT INTO search_rows(document_id, kind, entity_id, object) VALUES (?,?,?,?)";
inline constexpr const char *kInsertSearchFtsSql =
    "INSERT INTO search(rowid, entity_id, name, description, fields, owners, tags, details) VALUES (?,?,?,?,?,?,?,?)";

/// Empties the index and builds it again from the entities the cache holds (a migration that changes
/// what is indexed calls this, so an existing cache finds what a fresh sync would).
void rebuildSearchIndex(sql::Connection &db);

} // namespace meshscope::cache
