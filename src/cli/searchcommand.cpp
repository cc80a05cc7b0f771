#include "commands.h"
#include "commonoptions.h"

#include "cache/cachefile.h"
#include "cache/search.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace meshscope::cli {

int searchCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Full-text search over products, contracts, datasets, columns, domains, owners and tags in the cache."));
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
            array.append(QJsonObject{{QStringLiteral("kind"), h.kind}, {QStringLiteral("id"), h.id},
                                     {QStringLiteral("title"), h.title}, {QStringLiteral("snippet"), h.snippet}});
        }
        out << QJsonDocument(QJsonObject{{QStringLiteral("hits"), array}}).toJson(QJsonDocument::Indented);
    } else {
        for (const cache::SearchHit &h : hits)
            out << qSetFieldWidth(9) << Qt::left << h.kind << qSetFieldWidth(0) << h.id << "  " << h.snippet << "\n";
        if (hits.empty())
            out << "no matches for '" << text << "'\n";
    }
    return Success;
}

} // namespace meshscope::cli
