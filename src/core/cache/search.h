#pragma once

#include "sqlite.h"

#include <QList>
#include <QString>

#include <utility>
#include <vector>

namespace meshscope::cache {

struct SearchHit {
    QString kind;   ///< product, contract, table, dataset, column, domain, owner, tag
    QString id;     ///< what opening the hit needs; a table's is its contract's id
    QString object; ///< a table hit's schema object (opened inside contract `id`); empty otherwise
    QString title;
    QString snippet; ///< plain text around the match (no Markdown, no markers)
    QList<std::pair<int, int>> matches; ///< the matched words in snippet: (start, length) in UTF-16 units
    double score = 0; ///< lower is better
    /// Where it comes from: the documents (paths inside their source) that define it, at most
    /// kMaxHitDocuments of them, and how many there are in all (a tag or an owner is often in several).
    QStringList documents;
    int documentCount = 0;
};

inline constexpr int kMaxHitDocuments = 5;

/// Turns what a user typed into an FTS5 query: every word must match, the last as a prefix
/// (so "ord ev" finds "order_events" while typing). Returns empty when nothing searchable remains.
QString ftsQuery(const QString &text);

/// Rank of a hit kind among equal matches, lower first: data products and contracts, then domains,
/// tables, owners and tags, datasets, columns.
int kindRank(const QString &kind);

/// @brief Ranked full-text search: an exact id first, then name and id matches (names starting with
/// what was typed first, then by kind (kindRank), shorter first), then matches in descriptions, fields,
/// owners, tags and details (servers, ports, SLAs, quality rules), by kind, then by bm25.
std::vector<SearchHit> search(sql::Connection &db, const QString &text, int limit = 20);

} // namespace meshscope::cache
