#include "paging.h"

#include "catalogerror.h"
#include "catalogjson.h"

#include <QSet>
#include <QUrlQuery>

namespace meshscope::catalogs {

QUrl nextLink(const QByteArray &linkHeader, const QUrl &base)
{
    // Link: <https://host/api/x?p=2>; rel="next", <...>; rel="prev"
    const QString header = QString::fromUtf8(linkHeader);
    qsizetype pos = 0;
    while (pos < header.size()) {
        const qsizetype open = header.indexOf(QLatin1Char('<'), pos);
        if (open < 0)
            break;
        const qsizetype close = header.indexOf(QLatin1Char('>'), open);
        if (close < 0)
            break;
        qsizetype end = header.indexOf(QLatin1Char('<'), close);
        if (end < 0)
            end = header.size();
        const QString target = header.mid(open + 1, close - open - 1).trimmed();
        const QStringList params = header.mid(close + 1, end - close - 1).split(QLatin1Char(';'));
        for (QString param : params) {
            param = param.trimmed();
            if (!param.startsWith(QLatin1String("rel"), Qt::CaseInsensitive))
                continue;
            QString value = param.section(QLatin1Char('='), 1).trimmed();
            value.remove(QLatin1Char('"'));
            value.remove(QLatin1Char(','));
            if (value.split(QLatin1Char(' '), Qt::SkipEmptyParts).contains(QLatin1String("next"), Qt::CaseInsensitive))
                return base.resolved(QUrl(target));
        }
        pos = close + 1;
    }
    return {};
}

QJsonArray readAllPages(CatalogContext &context, const QUrl &first, const QString &pageParam, const QString &what,
                        const std::function<QString(const QJsonObject &)> &idOf, const char *itemsKey)
{
    QJsonArray all;
    QSet<QString> visited;
    QSet<QString> seenIds;
    QUrl url = first;
    int page = 0;
    bool usesLinks = false;
    for (;;) {
        if (visited.contains(url.toString()))
            throw CatalogError{QStringLiteral("%1: paging loop: %2 was already read").arg(context.http.sourceName(), url.toDisplayString())};
        visited.insert(url.toString());
        const HttpResponse response = context.http.get(url);
        const QJsonDocument doc = parseJsonBody(context.http.sourceName(), url, response.body);
        QJsonArray items;
        if (doc.isArray())
            items = doc.array();
        else if (itemsKey && doc.isObject() && doc.object().value(QLatin1String(itemsKey)).isArray())
            items = doc.object().value(QLatin1String(itemsKey)).toArray();
        else
            throw CatalogError{QStringLiteral("%1: %2: expected a JSON array of %3").arg(context.http.sourceName(), url.toDisplayString(), what)};
        int fresh = 0;
        for (const QJsonValue &item : std::as_const(items)) {
            const QString id = idOf(item.toObject());
            if (!id.isEmpty() && seenIds.contains(id))
                continue; // a page boundary that moved while reading: keep the first copy
            seenIds.insert(id);
            all.append(item);
            ++fresh;
        }
        if (context.progress)
            context.progress(what, int(all.size()));
        const QByteArray link = response.header("Link");
        // A server that links its pages sends no link on the last one: that is the end, not a cue to guess.
        usesLinks = usesLinks || !link.isEmpty();
        if (usesLinks) {
            url = nextLink(link, url);
            if (url.isEmpty())
                break;
            continue;
        }
        // No Link headers: ask for the next page number until one comes back empty (or repeats).
        if (items.isEmpty() || fresh == 0)
            break;
        QUrlQuery query(first);
        query.removeAllQueryItems(pageParam);
        query.addQueryItem(pageParam, QString::number(++page));
        url = first;
        url.setQuery(query);
    }
    return all;
}

void readCursorPages(CatalogContext &context, QUrl first, const QString &what,
                     const std::function<void(const QJsonArray &)> &visit)
{
    QSet<QString> cursors;
    QUrl url = first;
    int items = 0;
    for (;;) {
        const QJsonObject page = context.http.getJson(url).object();
        if (!page.value(QLatin1String("data")).isArray())
            throw CatalogError{QStringLiteral("%1: %2: expected an object with a 'data' array of %3")
                                   .arg(context.http.sourceName(), url.toDisplayString(), what)};
        const QJsonArray data = cj::arr(page, "data");
        visit(data);
        items += int(data.size());
        if (context.progress)
            context.progress(what, items);
        const QString after = cj::at(page, {"paging", "after"});
        if (after.isEmpty() || data.isEmpty())
            break;
        if (cursors.contains(after))
            throw CatalogError{QStringLiteral("%1: paging loop: cursor '%2' of %3 came back twice")
                                   .arg(context.http.sourceName(), after, url.toDisplayString())};
        cursors.insert(after);
        QUrlQuery query(first);
        query.removeAllQueryItems(QStringLiteral("after"));
        query.addQueryItem(QStringLiteral("after"), after);
        url = first;
        url.setQuery(query);
    }
}

} // namespace meshscope::catalogs
