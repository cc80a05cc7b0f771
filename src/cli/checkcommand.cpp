#include "commands.h"
#include "commonoptions.h"

#include "cache/cachefile.h"
#include "governance/governance.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace meshscope::cli {

namespace {

using namespace governance;

QJsonObject toJson(const Violation &v)
{
    return {{QStringLiteral("policy"), v.policyId},      {QStringLiteral("rule"), v.rule},
            {QStringLiteral("severity"), severityName(v.severity)}, {QStringLiteral("product"), v.productId},
            {QStringLiteral("domain"), v.domainId},      {QStringLiteral("targetKind"), v.targetKind},
            {QStringLiteral("target"), v.target},        {QStringLiteral("message"), v.message},
            {QStringLiteral("remediation"), v.remediation}};
}

QJsonObject toJson(const GovernanceReport &r)
{
    QJsonArray products;
    for (const ProductGovernance &p : r.products) {
        QJsonArray violations;
        for (const Violation &v : p.violations)
            violations.append(toJson(v));
        products.append(QJsonObject{{QStringLiteral("id"), p.productId},
                                    {QStringLiteral("name"), p.name},
                                    {QStringLiteral("domain"), p.domainId},
                                    {QStringLiteral("score"), p.score},
                                    {QStringLiteral("errors"), p.errors},
                                    {QStringLiteral("warnings"), p.warnings},
                                    {QStringLiteral("passes"), p.passes()},
                                    {QStringLiteral("violations"), violations}});
    }
    QJsonArray domains;
    for (const DomainGovernance &d : r.domains) {
        domains.append(QJsonObject{{QStringLiteral("id"), d.domainId},
                                   {QStringLiteral("score"), d.score},
                                   {QStringLiteral("products"), d.products},
                                   {QStringLiteral("passing"), d.passing},
                                   {QStringLiteral("errors"), d.errors},
                                   {QStringLiteral("warnings"), d.warnings}});
    }
    return {{QStringLiteral("policies"), QJsonArray::fromStringList(r.policyIds)},
            {QStringLiteral("builtInPolicy"), r.builtInPolicy},
            {QStringLiteral("mesh"), QJsonObject{{QStringLiteral("score"), r.meshScore},
                                                 {QStringLiteral("products"), int(r.products.size())},
                                                 {QStringLiteral("errors"), r.errors},
                                                 {QStringLiteral("warnings"), r.warnings}}},
            {QStringLiteral("domains"), domains},
            {QStringLiteral("products"), products}};
}

void printText(QTextStream &out, const GovernanceReport &r)
{
    for (const ProductGovernance &p : r.products) {
        if (p.violations.empty())
            continue;
        out << p.domainId << " / " << p.productId << "  score " << p.score << "  (" << p.errors << " errors, "
            << p.warnings << " warnings)" << (p.passes() ? "" : "  FAILS") << "\n";
        for (const Violation &v : p.violations) {
            out << "  " << qSetFieldWidth(8) << Qt::left << severityName(v.severity) << qSetFieldWidth(0) << v.rule
                << "  " << v.target << ": " << v.message << "  [" << v.policyId << "]\n";
            out << "          fix: " << v.remediation << "\n";
        }
    }
    out << "\nDomains\n";
    for (const DomainGovernance &d : r.domains) {
        out << "  " << qSetFieldWidth(14) << Qt::left << d.domainId << qSetFieldWidth(0) << "score "
            << QString::number(d.score, 'f', 1) << "  " << d.passing << "/" << d.products << " products pass, "
            << d.errors << " errors, " << d.warnings << " warnings\n";
    }
    int passing = 0;
    for (const ProductGovernance &p : r.products)
        passing += p.passes() ? 1 : 0;
    out << "\nMesh score " << QString::number(r.meshScore, 'f', 1) << " over " << r.products.size() << " products ("
        << passing << " pass); " << r.errors << " errors, " << r.warnings << " warnings; policies: "
        << (r.builtInPolicy ? QStringLiteral("the built-in default (the mesh has none)") : r.policyIds.join(QStringLiteral(", ")))
        << "\n";
}

} // namespace

int checkCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Check every data product in the cache against the mesh's governance policies: violations with "
        "remediation, and scores per product, domain and mesh (100 - 10 x errors - 2 x warnings). "
        "Exits 1 when any error is found."));
    parser.addHelpOption();
    CommonOptions common;
    common.addTo(parser, /*withSource=*/false);
    const QCommandLineOption domain(QStringLiteral("domain"), QStringLiteral("Only products of domain D (and its sub-domains)."),
                                    QStringLiteral("D"));
    parser.addOption(domain);
    QTextStream err(stderr);
    if (!parser.parse(arguments.mid(1))) {
        err << "meshscope check: " << parser.errorText() << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Success;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << "meshscope check: unexpected argument '" << parser.positionalArguments().first() << "'" << Qt::endl;
        return BadUsage;
    }
    GovernanceReport report;
    try {
        sql::Connection db = cache::openCache(common.cachePath(parser));
        const MeshData mesh = loadMeshData(db, parser.value(domain));
        if (mesh.products.empty()) {
            err << "meshscope check: no data products "
                << (parser.isSet(domain) ? QStringLiteral("in domain '%1' ").arg(parser.value(domain)) : QString())
                << "in " << common.cachePath(parser) << "; run 'meshscope sync' first" << Qt::endl;
            return BadUsage;
        }
        report = evaluateGovernance(mesh);
    } catch (const sql::SqlError &e) {
        err << "meshscope check: " << e.message() << Qt::endl;
        return BadUsage;
    }
    QTextStream out(stdout);
    if (parser.isSet(common.json))
        out << QJsonDocument(toJson(report)).toJson(QJsonDocument::Indented);
    else
        printText(out, report);
    return report.errors > 0 ? Found : Success;
}

} // namespace meshscope::cli
