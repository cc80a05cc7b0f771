#include "search.h"

#include <QRegularExpression>

namespace meshscope::cache {

QString ftsQuery(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}]+"));
    QStringList terms;
    auto it = word.globalMatch(text);
    while (it.hasNext())
        terms << it.next().captured(0);
    if (terms.isEmpty())
        return {};
    QString query;
    for (const QString &t : terms)
        query += QLatin1Char('"') + t + QStringLiteral("\"* ");
    return query.trimmed();
}

std::vector<SearchHit> search(sql::Connection &db, const QString &text, int limit)
{
    std::vector<SearchHit> hits;
    const QString query = ftsQuery(text);
    if (query.isEmpty())
        return hits;
    // `rank` is bm25 with per-column weights set in the schema (a name hit outweighs a description hit);
    // an exact id or name match ranks above all. Grouping folds the rows several documents add for one
    // entity (a domain, an owner, a tag).
    sql::Statement s = db.prepare(R"SQL(
        SELECT kind, entity_id, name, snippet, min(score) AS best,
               max(lower(entity_id) = lower(?2) OR lower(name) = lower(?2)) AS exact
        FROM (SELECT r.kind AS kind, r.entity_id AS entity_id, s.name AS name,
                     snippet(search, -1, '[', ']', '…', 10) AS snippet,
                     rank AS score
              FROM search s JOIN search_rows r ON r.rowid = s.rowid
              WHERE search MATCH ?1
              ORDER BY rank LIMIT 500)
        GROUP BY kind, entity_id
        ORDER BY exact DESC, best
        LIMIT ?3)SQL");
    s.bind(1, query).bind(2, text.trimmed()).bind(3, limit);
    while (s.step())
        hits.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.real(4)});
    return hits;
}

} // namespace meshscope::cache
