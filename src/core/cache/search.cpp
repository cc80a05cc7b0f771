#include "search.h"

#include "plaintext.h"

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
/// with what was typed, then a word in it that does; within a tier by kind, then shorter names first.
double nameScore(const QString &kind, const QString &name, const QString &id, const QString &typed)
{
    const QString n = name.toLower();
    const QString t = typed.toLower();
    const QString i = id.toLower();
    double tier = 3;
    if (n == t || i == t)
        tier = 0;
    else if (n.startsWith(t) || i.startsWith(t))
        tier = 1;
    else if (n.contains(t))
        tier = 2;
    return tier * 100000.0 + kindRank(kind) * 1000.0 + std::min<qsizetype>(name.size(), 999);
}

/// Fills the hit's snippet and match ranges from FTS5 text marked with kMatchStart/kMatchEnd.
void setSnippet(SearchHit &hit, const QString &marked)
{
    hit.snippet.clear();
    hit.matches.clear();
    hit.snippet.reserve(marked.size());
    int start = -1;
    for (const QChar c : marked) {
        if (c == kMatchStart) {
            start = int(hit.snippet.size());
        } else if (c == kMatchEnd) {
            if (start >= 0 && hit.snippet.size() > start)
                hit.matches.append({start, int(hit.snippet.size()) - start});
            start = -1;
        } else {
            hit.snippet += c;
        }
    }
}

/// Fills each hit's documents: the files whose rows made it (the same kind, id and object).
void addDocuments(sql::Connection &db, std::vector<SearchHit> &hits)
{
    sql::Statement s = db.prepare(
        "SELECT r.entity_id, d.path FROM search_rows r JOIN documents d ON d.id = r.document_id "
        "WHERE r.entity_id = ? COLLATE NOCASE AND r.kind = ? AND coalesce(r.object, '') = ? ORDER BY d.path");
    for (SearchHit &hit : hits) {
        s.reset();
        s.bind(1, hit.id).bind(2, hit.kind).bind(3, hit.object.isNull() ? QStringLiteral("") : hit.object);
        QSet<QString> seen;
        while (s.step()) {
            const QString path = s.text(1);
            if (s.text(0) != hit.id || seen.contains(path))
                continue; // another case of the id, or a second row of one document
            seen.insert(path);
            if (hit.documents.size() < kMaxHitDocuments)
                hit.documents << path;
        }
        hit.documentCount = int(seen.size());
    }
}

} // namespace

int kindRank(const QString &kind)
{
    if (kind == u"product" || kind == u"contract")
        return 0;
    if (kind == u"domain")
        return 1;
    if (kind == u"table")
        return 2;
    if (kind == u"owner" || kind == u"tag")
        return 3;
    if (kind == u"dataset")
        return 4;
    if (kind == u"column")
        return 5;
    return 6;
}

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
    // kind + id + object: several documents add rows for one domain, owner or tag
    QSet<QString> seen;
    auto add = [&](SearchHit hit) {
        const QString key = hit.kind + QLatin1Char('\n') + hit.id + QLatin1Char('\n') + hit.object;
        if (seen.contains(key))
            return;
        seen.insert(key);
        hits.push_back(std::move(hit));
    };
    auto hitFrom = [](sql::Statement &s) {
        SearchHit h;
        h.kind = s.text(0);
        h.id = s.text(1);
        h.object = s.text(2);
        h.title = s.text(3);
        return h;
    };
    const QString open(kMatchStart), close(kMatchEnd);

    // Tier 0: the exact id, whatever its case (a table shares its contract's id and is not that).
    std::vector<SearchHit> exactHits;
    sql::Statement exact = db.prepare("SELECT r.kind, r.entity_id, r.object, s.name FROM search_rows r "
                                      "JOIN search s ON s.rowid = r.rowid "
                                      "WHERE r.entity_id = ? COLLATE NOCASE AND r.object IS NULL");
    exact.bind(1, typed);
    while (exact.step()) {
        SearchHit h = hitFrom(exact);
        h.snippet = h.title;
        h.score = -1.0 + kindRank(h.kind) * 0.01;
        exactHits.push_back(std::move(h));
    }
    std::stable_sort(exactHits.begin(), exactHits.end(), [](const SearchHit &a, const SearchHit &b) { return a.score < b.score; });
    for (SearchHit &h : exactHits)
        add(std::move(h));

    // Tier 1: every word found in the id or the name.
    std::vector<SearchHit> names;
    sql::Statement byName = db.prepare("SELECT r.kind, r.entity_id, r.object, s.name, highlight(search, 1, ?, ?) "
                                       "FROM search s JOIN search_rows r ON r.rowid = s.rowid "
                                       "WHERE search MATCH ? LIMIT ?");
    byName.bind(1, open).bind(2, close);
    byName.bind(3, QStringLiteral("{entity_id name} : (") + query + QLatin1Char(')')).bind(4, kNameCandidates);
    while (byName.step()) {
        SearchHit h = hitFrom(byName);
        setSnippet(h, byName.text(4));
        h.score = nameScore(h.kind, h.title, h.object.isEmpty() ? h.id : h.object, typed);
        names.push_back(std::move(h));
    }
    std::stable_sort(names.begin(), names.end(), [](const SearchHit &a, const SearchHit &b) { return a.score < b.score; });
    for (SearchHit &h : names)
        add(std::move(h));

    // Tier 2: matches in descriptions, fields, owners, tags and details among a bounded set; for an
    // equal kind of match the more general kind first (a product before its datasets' columns), then bm25.
    if (int(hits.size()) < limit) {
        std::vector<SearchHit> others;
        sql::Statement other = db.prepare(
            "SELECT r.kind, r.entity_id, r.object, s.name, snippet(search, -1, ?, ?, '…', 12), bm25(search) "
            "FROM search s JOIN search_rows r ON r.rowid = s.rowid WHERE search MATCH ? LIMIT ?");
        other.bind(1, open).bind(2, close);
        other.bind(3, QStringLiteral("{description fields owners tags details} : (") + query + QLatin1Char(')'));
        other.bind(4, kOtherCandidates);
        while (other.step()) {
            SearchHit h = hitFrom(other);
            setSnippet(h, other.text(4));
            h.score = 10000.0 + kindRank(h.kind) * 1000.0 + other.real(5);
            others.push_back(std::move(h));
        }
        std::stable_sort(others.begin(), others.end(), [](const SearchHit &a, const SearchHit &b) { return a.score < b.score; });
        for (SearchHit &h : others)
            add(std::move(h));
    }
    if (int(hits.size()) > limit)
        hits.resize(size_t(limit));
    addDocuments(db, hits);
    return hits;
}

} // namespace meshscope::cache
