#include "commands.h"
#include "commonoptions.h"

#include "cache/cachefile.h"
#include "contracts/cachedcontract.h"
#include "contracts/diffreport.h"
#include "importers/importer.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>

#include <optional>

namespace meshscope::cli {

namespace {

/// The cache, opened read-only on first use. An explicitly named cache that cannot be opened is an
/// error; the default one may simply not exist yet.
class LazyCache {
public:
    LazyCache(QString path, bool explicitlyGiven) : m_path(std::move(path)), m_explicit(explicitlyGiven) {}

    sql::Connection *get(QString *error)
    {
        if (!m_tried) {
            m_tried = true;
            if (!m_explicit && !QFileInfo::exists(m_path)) {
                m_error = QStringLiteral("no cache at %1; run 'meshscope sync' or pass --cache").arg(m_path);
            } else {
                try {
                    m_db = cache::openCache(m_path, /*readOnly=*/true);
                } catch (const sql::SqlError &e) {
                    m_error = e.message();
                }
            }
        }
        if (error)
            *error = m_error;
        return m_db.isOpen() ? &m_db : nullptr;
    }
    bool explicitlyGiven() const { return m_explicit; }
    const QString &path() const { return m_path; }

private:
    QString m_path;
    bool m_explicit;
    bool m_tried = false;
    QString m_error;
    sql::Connection m_db;
};

/// OLD or NEW: a contract file, else a contract id (with @version) in the cache. Errors go to `err`.
std::optional<Contract> loadContract(const QString &argument, LazyCache &cache, QString *source, QTextStream &err)
{
    if (QFileInfo(argument).isFile()) {
        QFile file(argument);
        if (!file.open(QIODevice::ReadOnly)) {
            err << "meshscope diff: cannot read " << argument << ": " << file.errorString() << Qt::endl;
            return std::nullopt;
        }
        const ImportResult result = importDocument(argument, file.readAll());
        bool failed = false;
        for (const Diagnostic &d : result.diagnostics) {
            if (d.severity == Diagnostic::Severity::Error) {
                err << d.toString() << Qt::endl;
                failed = true;
            }
        }
        if (failed)
            return std::nullopt;
        if (result.contracts.empty()) {
            err << "meshscope diff: " << argument << " holds no data contract"
                << (result.format.isEmpty() ? QString() : QStringLiteral(" (it reads as %1)").arg(result.format))
                << Qt::endl;
            return std::nullopt;
        }
        *source = argument;
        return result.contracts.front();
    }
    const diff::ContractRef ref = diff::parseContractRef(argument);
    QString error;
    sql::Connection *db = cache.get(&error);
    if (!db) {
        err << "meshscope diff: '" << argument << "' is not a file, and the cache cannot be read: " << error
            << Qt::endl;
        return std::nullopt;
    }
    try {
        std::optional<Contract> c = diff::loadCachedContract(*db, ref, source);
        if (!c) {
            const QStringList versions = diff::cachedVersions(*db, ref.id);
            err << "meshscope diff: '" << argument << "' is neither a file nor a contract in " << cache.path();
            if (!versions.isEmpty())
                err << " (versions of " << ref.id << ": " << versions.join(QStringLiteral(", ")) << ")";
            err << Qt::endl;
        }
        return c;
    } catch (const sql::SqlError &e) {
        err << "meshscope diff: " << e.message() << Qt::endl;
        return std::nullopt;
    }
}

} // namespace

int diffCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Compares two data contracts (ODCS v3, DCS) and rates every change breaking, non-breaking or info.\n"
        "OLD and NEW are contract files, or contract ids in the cache with an optional @version\n"
        "(e.g. orders.order_events@1.3.0). With a cache, breaking changes list the products they break.\n"
        "Exit: 0 no change at or above --fail-on, 1 some (or a version too low with --check-version),\n"
        "2 bad usage or unreadable input."));
    parser.addHelpOption();
    CommonOptions common;
    common.addTo(parser, /*withSource=*/false);
    const QCommandLineOption failOn(QStringLiteral("fail-on"),
                                    QStringLiteral("Exit 1 on a change of this severity or higher: breaking "
                                                   "(default), non-breaking or info."),
                                    QStringLiteral("SEVERITY"), QStringLiteral("breaking"));
    const QCommandLineOption checkVersion(QStringLiteral("check-version"),
                                          QStringLiteral("Also exit 1 when NEW's version is below the required one."));
    const QCommandLineOption noImpact(QStringLiteral("no-impact"), QStringLiteral("Do not look up consumers."));
    parser.addOptions({failOn, checkVersion, noImpact});
    parser.addPositionalArgument(QStringLiteral("OLD"), QStringLiteral("The contract as it is (file or id[@version])."));
    parser.addPositionalArgument(QStringLiteral("NEW"), QStringLiteral("The contract as proposed."));
    QTextStream err(stderr);
    if (!parser.parse(arguments.mid(1))) {
        err << "meshscope diff: " << parser.errorText() << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        err << "meshscope diff: give OLD and NEW (two contract files or ids); see 'meshscope diff --help'" << Qt::endl;
        return BadUsage;
    }
    const std::optional<diff::Severity> threshold = diff::parseSeverity(parser.value(failOn));
    if (!threshold) {
        err << "meshscope diff: --fail-on takes breaking, non-breaking or info, not '" << parser.value(failOn) << "'"
            << Qt::endl;
        return BadUsage;
    }

    LazyCache cache(common.cachePath(parser), parser.isSet(common.cache));
    QString oldSource, newSource;
    const std::optional<Contract> oldContract = loadContract(positional.at(0), cache, &oldSource, err);
    if (!oldContract)
        return BadUsage;
    const std::optional<Contract> newContract = loadContract(positional.at(1), cache, &newSource, err);
    if (!newContract)
        return BadUsage;

    diff::DiffReport report = diff::makeReport(*oldContract, *newContract);
    report.oldSource = oldSource;
    report.newSource = newSource;
    const bool anyBreaking = report.diff.highest() == diff::Severity::Breaking;
    if (parser.isSet(noImpact)) {
        report.impactNote = QStringLiteral("--no-impact was given");
    } else if (anyBreaking) {
        QString error;
        sql::Connection *db = cache.get(&error);
        if (!db && cache.explicitlyGiven()) {
            err << "meshscope diff: " << error << Qt::endl;
            return BadUsage;
        }
        if (db) {
            try {
                diff::ImpactAnalyzer analyzer(*db);
                report.impact = analyzer.breakingImpact(*oldContract, report.diff);
                report.impactKnown = true;
            } catch (const sql::SqlError &e) {
                report.impactNote = e.message();
            }
        } else {
            report.impactNote = error;
        }
    } else {
        report.impactKnown = true; // nothing breaks, so nobody is broken
    }

    QTextStream out(stdout);
    if (parser.isSet(common.json))
        out << QJsonDocument(diff::reportJson(report)).toJson(QJsonDocument::Indented);
    else
        out << diff::reportText(report);
    out.flush();

    const std::optional<diff::Severity> highest = report.diff.highest();
    if (highest && *highest >= *threshold)
        return Found;
    if (parser.isSet(checkVersion) && !report.version.ok)
        return Found;
    return Success;
}

} // namespace meshscope::cli
