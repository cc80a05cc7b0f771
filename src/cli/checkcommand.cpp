#include "commands.h"
#include "commonoptions.h"
#include "jsonout.h"

#include "cache/cachefile.h"
#include "cache/metricreader.h"
#include "governance/governance.h"
#include "governance/metricrules.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTextStream>

namespace meshscope::cli {

namespace {

using namespace governance;

/// The report as JSON, written as it goes: a whole-mesh report has tens of thousands of violations,
/// and building it as a QJsonDocument first costs more than the check itself.
void printJson(QTextStream &out, const GovernanceReport &r, const std::vector<Violation> &metricViolations)
{
    const auto field = [&out](const char *key, const QString &value, bool last = false) {
        out << '"' << key << "\": " << jsonQuoted(value) << (last ? "" : ", ");
    };
    // A product's violations name their policy and product; the metric registry's are about metrics.
    const auto violation = [&field](const Violation &v, bool ofProduct) {
        if (ofProduct)
            field("policy", v.policyId);
        field("rule", v.rule);
        field("severity", severityName(v.severity));
        if (ofProduct)
            field("product", v.productId);
        field("domain", v.domainId);
        field("targetKind", v.targetKind);
        field("target", v.target);
        field("message", v.message);
        field("remediation", v.remediation, true);
    };
    out << "{\n  \"policies\": " << QJsonDocument(QJsonArray::fromStringList(r.policyIds)).toJson(QJsonDocument::Compact)
        << ",\n  \"builtInPolicy\": " << (r.builtInPolicy ? "true" : "false") << ",\n  \"mesh\": {\"score\": " << r.meshScore
        << ", \"products\": " << r.products.size() << ", \"errors\": " << r.errors << ", \"warnings\": " << r.warnings
        << "},\n  \"domains\": [";
    for (size_t i = 0; i < r.domains.size(); ++i) {
        const DomainGovernance &d = r.domains[i];
        out << (i ? ",\n    {" : "\n    {");
        field("id", d.domainId);
        out << "\"score\": " << d.score << ", \"products\": " << d.products << ", \"passing\": " << d.passing
            << ", \"errors\": " << d.errors << ", \"warnings\": " << d.warnings << "}";
    }
    out << "\n  ],\n  \"products\": [";
    for (size_t i = 0; i < r.products.size(); ++i) {
        const ProductGovernance &p = r.products[i];
        out << (i ? ",\n    {" : "\n    {");
        field("id", p.productId);
        field("name", p.name);
        field("domain", p.domainId);
        out << "\"score\": " << p.score << ", \"errors\": " << p.errors << ", \"warnings\": " << p.warnings
            << ", \"passes\": " << (p.passes() ? "true" : "false") << ", \"violations\": [";
        for (size_t k = 0; k < p.violations.size(); ++k) {
            out << (k ? ",\n      {" : "\n      {");
            violation(p.violations[k], /*ofProduct=*/true);
            out << "}";
        }
        out << (p.violations.empty() ? "]}" : "\n    ]}");
    }
    // The metric registry's rules (metrics.consistency): about metrics, outside the product scores.
    out << "\n  ],\n  \"metrics\": [";
    for (size_t k = 0; k < metricViolations.size(); ++k) {
        out << (k ? ",\n    {" : "\n    {");
        violation(metricViolations[k], /*ofProduct=*/false);
        out << "}";
    }
    out << (metricViolations.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

void printText(QTextStream &out, const GovernanceReport &r, const std::vector<Violation> &metricViolations)
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
    if (!metricViolations.empty()) {
        out << "Metrics  (" << metricViolations.size() << " warnings, outside the product scores)\n";
        for (const Violation &v : metricViolations) {
            out << "  " << qSetFieldWidth(8) << Qt::left << severityName(v.severity) << qSetFieldWidth(0) << v.rule
                << "  " << v.target << ": " << v.message << "\n";
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
    if (const std::optional<int> ended = parseOptionsOnly(parser, arguments, "check"))
        return *ended;
    QTextStream err(stderr);
    GovernanceReport report;
    std::vector<Violation> metricViolations;
    try {
        sql::Connection db = cache::openCache(common.cachePath(parser), /*readOnly=*/true);
        const MeshData mesh = loadMeshData(db, parser.value(domain));
        if (mesh.products.empty()) {
            err << "meshscope check: no data products "
                << (parser.isSet(domain) ? QStringLiteral("in domain '%1' ").arg(parser.value(domain)) : QString())
                << "in " << common.cachePath(parser) << "; run 'meshscope sync' first" << Qt::endl;
            return BadUsage;
        }
        report = evaluateGovernance(mesh);
        // With --domain: the business names the domain defines, with their definitions in every domain.
        std::vector<cache::MetricRecord> records = cache::MetricReader(db).metrics();
        QSet<QString> names;
        for (const cache::MetricRecord &m : records) {
            if (!parser.isSet(domain) || m.metric.domainId == parser.value(domain))
                names.insert(metricNameKey(m.metric.name));
        }
        std::vector<MetricDefinition> metrics;
        for (cache::MetricRecord &m : records) {
            if (names.contains(metricNameKey(m.metric.name)))
                metrics.push_back({std::move(m.metric), m.path});
        }
        metricViolations = checkMetricConsistency(metrics);
    } catch (const sql::SqlError &e) {
        err << "meshscope check: " << e.message() << Qt::endl;
        return BadUsage;
    }
    QTextStream out(stdout);
    if (parser.isSet(common.json))
        printJson(out, report, metricViolations);
    else
        printText(out, report, metricViolations);
    return report.errors > 0 ? Found : Success;
}

} // namespace meshscope::cli
