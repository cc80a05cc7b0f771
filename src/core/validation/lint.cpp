#include "lint.h"

#include "contractchecks.h"
#include "importers/importer.h"
#include "importers/yamlsupport.h"
#include "schemaregistry.h"

#include <algorithm>

namespace meshscope::validation {

int LintReport::count(Diagnostic::Severity s) const
{
    return int(std::count_if(problems.begin(), problems.end(), [s](const LintProblem &p) { return p.severity == s; }));
}

QString checkDocument(const ytree::Node &doc, bool strict, std::vector<LintProblem> &out)
{
    const SchemaChoice choice = schemaFor(doc, strict);
    if (!choice.isValid())
        return {};
    QString error;
    const JsonSchema *schema = pinnedSchema(choice.resource, &error);
    if (!schema) {
        out.push_back({Diagnostic::Severity::Warning, 0, 0, QString(), QStringLiteral("schema"),
                       QStringLiteral("not checked against %1: %2").arg(choice.label(), error)});
        return {};
    }
    if (!choice.note.isEmpty())
        out.push_back({Diagnostic::Severity::Info, yamlsupport::lineOf(doc), yamlsupport::columnOf(doc), QString(),
                       QStringLiteral("schema"), choice.note});
    std::vector<SchemaProblem> problems;
    schema->validate(doc, problems);
    for (SchemaProblem &p : problems)
        out.push_back({p.level == SchemaProblem::Level::Error ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning,
                       p.line, p.column, std::move(p.pointer), std::move(p.keyword), std::move(p.message)});
    if (choice.standard == u"ODCS") {
        const QStringList parts = choice.version.split(QLatin1Char('.'));
        checkOdcs(doc, parts.value(1).toInt(), out);
    }
    return choice.label();
}

DocumentCheck schemaWarnings(const QString &file)
{
    return [file](const ytree::Node &doc, bool recognised, ImportResult &result) {
        if (!recognised)
            return; // an unrecognised document gets its "not recognised" note, nothing more
        std::vector<LintProblem> problems;
        const QString label = checkDocument(doc, false, problems);
        for (const LintProblem &p : problems) {
            // Deprecations are for `meshscope lint` and the editor: a whole mesh written in v3.0 style
            // (this sample's `dataProduct` included) would otherwise fill every sync report.
            if (p.rule == u"deprecated")
                continue;
            const QString message = p.rule == u"schema" ? p.message : QStringLiteral("does not follow %1: %2").arg(label, p.message);
            if (p.severity == Diagnostic::Severity::Info)
                result.diagnostics.push_back({file, p.line, p.column, Diagnostic::Severity::Info, message});
            else
                result.warning(file, p.line, p.column, message);
        }
    };
}

LintReport lintBytes(const QString &file, const QByteArray &bytes)
{
    LintReport report;
    report.file = file;
    std::vector<LintProblem> checks;
    const ImportResult imported = importDocument(file, bytes, [&](const ytree::Node &doc, bool, ImportResult &) {
        const QString label = checkDocument(doc, true, checks);
        if (!label.isEmpty())
            report.schemas << label;
    });
    // What the importer says too, unless a check already speaks of that line (the same problem in other words).
    for (const Diagnostic &d : imported.diagnostics) {
        const bool said = d.line > 0 && std::any_of(checks.begin(), checks.end(), [&](const LintProblem &p) {
            return p.line == d.line && p.severity != Diagnostic::Severity::Info;
        });
        if (said)
            continue;
        if (d.severity == Diagnostic::Severity::Info && !report.schemas.isEmpty())
            continue; // "not a mesh document" of a file the schema checks did take
        report.problems.push_back({d.severity, d.line, d.column, QString(),
                                   d.message.contains(QLatin1String("syntax")) ? QStringLiteral("syntax") : QStringLiteral("import"),
                                   d.message});
    }
    report.problems.insert(report.problems.end(), std::make_move_iterator(checks.begin()), std::make_move_iterator(checks.end()));
    std::stable_sort(report.problems.begin(), report.problems.end(), [](const LintProblem &a, const LintProblem &b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return report;
}

} // namespace meshscope::validation
