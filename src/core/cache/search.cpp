#include "search.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace meshscope::cache {

namespace {

/// Candidates fetched per tier. FTS5 stops after this many matches when the query has no
/// ORDER BY, which is what keeps a two-letter prefix fast on a large mesh: ranking every match
/// with bm25 costs milliseconds per thousand rows.
constexpr int kNameCandidates = 400;
constexpr int kOtherCandidates = 150;

/// Cheap relevance for a name match, lower is better: whole-name equality, then a name that starts
/// with what was typed, then a word in it that does; shorter names first within a tier.
double nameScore(const QString &name, const QString &id, const QString &typed)
{
    const QString n = name.toLower();
    const QString t = typed.toLower();
    double tier = 3;
    if (n == t || id.toLower() == t)
        tier = 0;
    else if (n.startsWith(t) || id.toLower().startsWith(t))
        tier = 1;
    else if (n.contains(t))
        tier = 2;
    return tier * 1000.0 + std::min<qsizetype>(name.size(), 999);
}

} // namespace

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
    const QString typed = text.trimmed();
    QSet<QString> seen; // kind + '\n' + id: several documents add rows for one domain, owner or tag
    auto add = [&](SearchHit hit) {
        if (seen.contains(hit.kind + QLatin1Char('\n') + hit.id))
            return;
        seen.insert(hit.kind + QLatin1Char('\n') + hit.id);
        hits.push_back(std::move(hit));
    };

    // Tier 0: the exact id, whatever its case.
    sql::Statement exact = db.prepare("SELECT r.kind, r.entity_id, s.name FROM search_rows r "
                                      "JOIN search s ON s.rowid = r.rowid WHERE r.entity_id = ? COLLATE NOCASE");
    exact.bind(1, typed);
    while (exact.step())
        add({exact.text(0), exact.text(1), exact.text(2), exact.text(2), -1.0});

    // Tier 1: every word found in the id or the name.
    std::vector<SearchHit> names;
    sql::Statement byName = db.prepare("SELECT r.kind, r.entity_id, s.name FROM search s "
                                       "JOIN search_rows r ON r.rowid = s.rowid WHERE search MATCH ? LIMIT ?");
    byName.bind(1, QStringLiteral("{entity_id name} : (") + query + QLatin1Char(')')).bind(2, kNameCandidates);
    while (byName.step()) {
        const QString name = byName.text(2);
        names.push_back({byName.text(0), byName.text(1), name, name, nameScore(name, byName.text(1), typed)});
    }
    std::stable_sort(names.begin(), names.end(), [](const SearchHit &a, const SearchHit &b) { return a.score < b.score; });
    for (SearchHit &h : names)
        add(std::move(h));

    // Tier 2: matches in descriptions, fields, owners and tags, in bm25 order among a bounded set.
    if (int(hits.size()) < limit) {
        sql::Statement other = db.prepare(
            "SELECT kind, entity_id, name, snip FROM (SELECT r.kind AS kind, r.entity_id AS entity_id, s.name AS name, "
            "snippet(search, -1, '[', ']', '…', 10) AS snip, bm25(search) AS score FROM search s "
            "JOIN search_rows r ON r.rowid = s.rowid WHERE search MATCH ? LIMIT ?) ORDER BY score");
        other.bind(1, QStringLiteral("{description fields owners tags} : (") + query + QLatin1Char(')'));
        other.bind(2, kOtherCandidates);
        while (other.step())
            add({other.text(0), other.text(1), other.text(2), other.text(3), 10000.0});
    }
    if (int(hits.size()) > limit)
        hits.resize(size_t(limit));
    return hits;
}

} // namespace meshscope::cache
