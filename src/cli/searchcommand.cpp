#include "commands.h"
#include "commonoptions.h"

#include "cache/cachefile.h"
#include "cache/search.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace meshscope::cli {

namespace {

QString withBoldMatches(const cache::SearchHit &h)
{
    QString out;
    int at = 0;
    for (const auto &[start, length] : h.matches) {
        if (start < at || start + length > h.snippet.size())
            continue;
        out += h.snippet.mid(at, start - at) + QStringLiteral("\x1b[1m") + h.snippet.mid(start, length)
            + QStringLiteral("\x1b[0m");
        at = start + length;
    }
    return out + h.snippet.mid(at);
}

} // namespace

int searchCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Full-text search over products, contracts and their tables, datasets, columns, domains, owners and tags "
        "in the cache: names, descriptions at every level, servers (host, database, schema), port names and "
        "locations, SLA and quality rule names."));
    parser.addHelpOption();
    CommonOptions common;
    common.addTo(parser, /*withSource=*/false);
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most N hits (default 20)."),
                                   QStringLiteral("N"), QStringLiteral("20"));
    parser.addOption(limit);
    parser.addPositionalArgument(QStringLiteral("TEXT"), QStringLiteral("What to look for."));
    QTextStream err(stderr);
    if (!parser.parse(arguments.mid(1))) {
        err << "meshscope search: " << parser.errorText() << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Success;
    }
    bool ok = false;
    const int max = parser.value(limit).toInt(&ok);
    if (!ok || max < 1) {
        err << "meshscope search: --limit takes a positive number, not '" << parser.value(limit) << "'" << Qt::endl;
        return BadUsage;
    }
    const QString text = parser.positionalArguments().join(QLatin1Char(' '));
    if (text.trimmed().isEmpty()) {
        err << "meshscope search: give the TEXT to search for" << Qt::endl;
        return BadUsage;
    }
    std::vector<cache::SearchHit> hits;
    try {
        sql::Connection db = cache::openCache(common.cachePath(parser), /*readOnly=*/true);
        hits = cache::search(db, text, max);
    } catch (const sql::SqlError &e) {
        err << "meshscope search: " << e.message() << Qt::endl;
        return BadUsage;
    }
    QTextStream out(stdout);
    if (parser.isSet(common.json)) {
        QJsonArray array;
        for (const cache::SearchHit &h : hits) {
            QJsonObject hit{{QStringLiteral("kind"), h.kind}, {QStringLiteral("id"), h.id},
                            {QStringLiteral("title"), h.title}, {QStringLiteral("snippet"), h.snippet}};
            if (!h.object.isEmpty())
                hit.insert(QStringLiteral("object"), h.object);
            QJsonArray matches; // [start, length] in UTF-16 code units of snippet
            for (const auto &[start, length] : h.matches)
                matches.append(QJsonArray{start, length});
            hit.insert(QStringLiteral("matches"), matches);
            // Where it comes from: the defining documents (at most 5) and how many there are.
            hit.insert(QStringLiteral("documents"), QJsonArray::fromStringList(h.documents));
            hit.insert(QStringLiteral("documentCount"), h.documentCount);
            array.append(hit);
        }
        out << QJsonDocument(QJsonObject{{QStringLiteral("hits"), array}}).toJson(QJsonDocument::Indented);
    } else {
        // Matches in bold on a terminal (unless NO_COLOR is set); plain text into a pipe or file.
        const bool bold = isatty(fileno(stdout)) && qEnvironmentVariableIsEmpty("NO_COLOR");
        for (const cache::SearchHit &h : hits) {
            out << qSetFieldWidth(9) << Qt::left << h.kind << qSetFieldWidth(0);
            if (h.object.isEmpty())
                out << h.id;
            else
                out << h.object << " in " << h.id;
            out << "  " << (bold ? withBoldMatches(h) : h.snippet) << "\n";
        }
        if (hits.empty())
            out << "no matches for '" << text << "'\n";
    }
    return Success;
}

} // namespace meshscope::cli
