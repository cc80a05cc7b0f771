#include "commands.h"
#include "commonoptions.h"

#include "importers/importer.h"
#include "io/regularfile.h"
#include "sync/sourcewalker.h"
#include "validation/lint.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTextStream>
#include <QUrl>

namespace meshscope::cli {

namespace {

using validation::LintProblem;
using validation::LintReport;

QString severityWord(Diagnostic::Severity s)
{
    return Diagnostic::severityName(s);
}

/// A file that could not be read: named like a problem, but it makes the exit code 2.
struct Unreadable {
    QString file;
    QString message;
};

QJsonObject problemJson(const LintProblem &p)
{
    return QJsonObject{{QStringLiteral("severity"), severityWord(p.severity)},
                       {QStringLiteral("line"), p.line},
                       {QStringLiteral("column"), p.column},
                       {QStringLiteral("pointer"), p.pointer},
                       {QStringLiteral("rule"), p.rule},
                       {QStringLiteral("message"), p.message}};
}

void printText(QTextStream &out, const std::vector<LintReport> &reports, const std::vector<Unreadable> &unreadable)
{
    int errors = 0, warnings = 0;
    for (const LintReport &r : reports) {
        for (const LintProblem &p : r.problems) {
            out << r.file;
            if (p.line > 0)
                out << ':' << p.line << ':' << p.column;
            out << ": " << severityWord(p.severity) << ": " << p.message;
            if (!p.rule.isEmpty() || !p.pointer.isEmpty())
                out << "  [" << p.rule << (p.pointer.isEmpty() ? QString() : QLatin1Char(' ') + p.pointer) << ']';
            out << '\n';
        }
        errors += r.count(Diagnostic::Severity::Error);
        warnings += r.count(Diagnostic::Severity::Warning);
    }
    for (const Unreadable &u : unreadable)
        out << u.file << ": error: " << u.message << "  [unreadable]\n";
    out << reports.size() << (reports.size() == 1 ? " file" : " files") << " checked: " << errors << " errors, "
        << warnings << " warnings";
    if (!unreadable.empty())
        out << ", " << unreadable.size() << " could not be read";
    out << Qt::endl;
}

void printJson(QTextStream &out, const std::vector<LintReport> &reports, const std::vector<Unreadable> &unreadable)
{
    QJsonArray files;
    int errors = 0, warnings = 0;
    for (const LintReport &r : reports) {
        QJsonArray problems;
        for (const LintProblem &p : r.problems)
            problems.append(problemJson(p));
        files.append(QJsonObject{{QStringLiteral("file"), r.file},
                                 {QStringLiteral("schemas"), QJsonArray::fromStringList(r.schemas)},
                                 {QStringLiteral("errors"), r.count(Diagnostic::Severity::Error)},
                                 {QStringLiteral("warnings"), r.count(Diagnostic::Severity::Warning)},
                                 {QStringLiteral("problems"), problems}});
        errors += r.count(Diagnostic::Severity::Error);
        warnings += r.count(Diagnostic::Severity::Warning);
    }
    QJsonArray unread;
    for (const Unreadable &u : unreadable)
        unread.append(QJsonObject{{QStringLiteral("file"), u.file}, {QStringLiteral("message"), u.message}});
    const QJsonObject root{{QStringLiteral("files"), files},
                           {QStringLiteral("unreadable"), unread},
                           {QStringLiteral("errors"), errors},
                           {QStringLiteral("warnings"), warnings}};
    out << QJsonDocument(root).toJson(QJsonDocument::Indented);
}

/// A path as given, as a SARIF artifact URI (a relative reference; spaces and the like percent-encoded).
QString artifactUri(const QString &path)
{
    return QString::fromUtf8(QUrl::toPercentEncoding(QDir::fromNativeSeparators(path), "/"));
}

/// SARIF 2.1.0: one run, the rules met, one result per problem with its region.
void printSarif(QTextStream &out, const std::vector<LintReport> &reports, const std::vector<Unreadable> &unreadable)
{
    QMap<QString, int> ruleIndex;
    QJsonArray rules;
    const auto ruleOf = [&](const QString &id) {
        const QString key = id.isEmpty() ? QStringLiteral("meshscope") : id;
        auto it = ruleIndex.find(key);
        if (it == ruleIndex.end()) {
            it = ruleIndex.insert(key, int(rules.size()));
            rules.append(QJsonObject{{QStringLiteral("id"), key},
                                     {QStringLiteral("shortDescription"),
                                      QJsonObject{{QStringLiteral("text"), QStringLiteral("Meshscope lint: %1").arg(key)}}}});
        }
        return std::make_pair(key, *it);
    };
    QJsonArray results;
    const auto result = [&](const QString &file, const QString &rule, const QString &level, const QString &message,
                            int line, int column) {
        const auto [id, index] = ruleOf(rule);
        QJsonObject physical{{QStringLiteral("artifactLocation"), QJsonObject{{QStringLiteral("uri"), artifactUri(file)}}}};
        if (line > 0) {
            QJsonObject region{{QStringLiteral("startLine"), line}};
            if (column > 0)
                region.insert(QStringLiteral("startColumn"), column);
            physical.insert(QStringLiteral("region"), region);
        }
        results.append(QJsonObject{
            {QStringLiteral("ruleId"), id},
            {QStringLiteral("ruleIndex"), index},
            {QStringLiteral("level"), level},
            {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), message}}},
            {QStringLiteral("locations"), QJsonArray{QJsonObject{{QStringLiteral("physicalLocation"), physical}}}}});
    };
    for (const LintReport &r : reports) {
        for (const LintProblem &p : r.problems) {
            const QString level = p.severity == Diagnostic::Severity::Error     ? QStringLiteral("error")
                                  : p.severity == Diagnostic::Severity::Warning ? QStringLiteral("warning")
                                                                                : QStringLiteral("note");
            result(r.file, p.rule, level,
                   p.pointer.isEmpty() ? p.message : QStringLiteral("%1 (at %2)").arg(p.message, p.pointer), p.line,
                   p.column);
        }
    }
    for (const Unreadable &u : unreadable)
        result(u.file, QStringLiteral("unreadable"), QStringLiteral("error"), u.message, 0, 0);
    const QJsonObject driver{{QStringLiteral("name"), QStringLiteral("meshscope")},
                             {QStringLiteral("version"), QStringLiteral(MESHSCOPE_VERSION)},
                             {QStringLiteral("informationUri"), QStringLiteral("https://github.com/bitol-io/open-data-contract-standard")},
                             {QStringLiteral("rules"), rules}};
    const QJsonObject run{{QStringLiteral("tool"), QJsonObject{{QStringLiteral("driver"), driver}}},
                          {QStringLiteral("results"), results}};
    const QJsonObject root{{QStringLiteral("$schema"), QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json")},
                           {QStringLiteral("version"), QStringLiteral("2.1.0")},
                           {QStringLiteral("runs"), QJsonArray{run}}};
    out << QJsonDocument(root).toJson(QJsonDocument::Indented);
}

/// Lints one file by the name the user gave it (or the folder given joined with its place inside).
void lintFile(const QString &shown, const QString &path, std::vector<LintReport> &reports,
              std::vector<Unreadable> &unreadable)
{
    QByteArray bytes;
    const io::ReadResult read = io::readRegularFile(path, maxDocumentBytes(path), bytes);
    if (!read.ok()) {
        unreadable.push_back({shown, read.status == io::ReadStatus::TooLarge
                                         ? oversizeDiagnostic(shown, read.size).message
                                         : QStringLiteral("cannot be read: %1").arg(read.error)});
        return;
    }
    reports.push_back(validation::lintBytes(shown, bytes));
}

} // namespace

int lintCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Check contracts and products against the official JSON Schemas of their standard (pinned in Meshscope) "
        "and the rules a schema cannot express; every problem at once, with file, line and column. "
        "Exits 0 when there are no errors (warnings allowed), 1 on errors, 2 when a file cannot be read."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Files or folders to check (default: .)."),
                                 QStringLiteral("[PATH...]"));
    const QCommandLineOption source(QStringLiteral("source"), QStringLiteral("A folder to check, as sync reads it; repeatable."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("Output: text (default), json or sarif (SARIF 2.1.0)."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Same as --format json."));
    parser.addOptions({source, format, json});
    QTextStream err(stderr);
    if (!parser.parse(arguments.mid(1))) {
        err << "meshscope lint: " << parser.errorText() << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Success;
    }
    QString fmt = parser.isSet(json) ? QStringLiteral("json") : parser.value(format).toLower();
    if (fmt != u"text" && fmt != u"json" && fmt != u"sarif") {
        err << "meshscope lint: unknown --format '" << parser.value(format) << "'; use text, json or sarif" << Qt::endl;
        return BadUsage;
    }
    QStringList paths = parser.positionalArguments() + parser.values(source);
    if (paths.isEmpty())
        paths << QStringLiteral(".");

    std::vector<LintReport> reports;
    std::vector<Unreadable> unreadable;
    for (const QString &given : paths) {
        const QFileInfo info(given);
        if (!info.isDir()) {
            lintFile(given, given, reports, unreadable);
            continue;
        }
        // A folder: its documents as a sync reads them (no link out of the folder, no FIFO or device).
        std::vector<SourceFile> files;
        QString error;
        SourceWalkNotes notes;
        if (!walkSource(given, files, &error, &notes)) {
            unreadable.push_back({given, error});
            continue;
        }
        const QString prefix = given.endsWith(QLatin1Char('/')) ? given : given + QLatin1Char('/');
        for (const SourceFile &f : files)
            lintFile(prefix + f.relativePath, f.absolutePath, reports, unreadable);
        for (const QString &folder : notes.unreadableFolders)
            unreadable.push_back({prefix + folder, QStringLiteral("folder cannot be listed")});
    }

    QTextStream out(stdout);
    if (fmt == u"json")
        printJson(out, reports, unreadable);
    else if (fmt == u"sarif")
        printSarif(out, reports, unreadable);
    else
        printText(out, reports, unreadable);
    if (!unreadable.empty())
        return BadUsage;
    const bool errors = std::any_of(reports.begin(), reports.end(),
                                    [](const LintReport &r) { return r.count(Diagnostic::Severity::Error) > 0; });
    return errors ? Found : Success;
}

} // namespace meshscope::cli
