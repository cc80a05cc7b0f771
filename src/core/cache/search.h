#pragma once

#include "sqlite.h"

#include <QString>

#include <vector>

namespace meshscope::cache {

struct SearchHit {
    QString kind;  ///< product, contract, dataset, column, domain, owner, tag
    QString id;
    QString title;
    QString snippet; ///< matching text with the match in [brackets]
    double score = 0; ///< lower is better (bm25)
};

/// Turns what a user typed into an FTS5 query: every word must match, the last as a prefix
/// (so "ord ev" finds "order_events" while typing). Returns empty when nothing searchable remains.
QString ftsQuery(const QString &text);

/// @brief Ranked full-text search: an exact id first, then name and id matches (names starting with
/// what was typed first, shorter first), then matches in descriptions, fields, owners and tags.
std::vector<SearchHit> search(sql::Connection &db, const QString &text, int limit = 20);

} // namespace meshscope::cache
