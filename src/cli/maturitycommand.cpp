#include "commands.h"
#include "commonoptions.h"
#include "jsonout.h"

#include "cache/cachefile.h"
#include "maturity/maturity.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace meshscope::cli {

namespace {

using namespace maturity;

/// The report as JSON, written as it goes (the same document as maturity::toJson(report), which the
/// product page uses): 10,000 products have 140,000 criteria, and a QJsonDocument of them costs
/// several times the assessment.
void printJson(QTextStream &out, const MaturityReport &report)
{
    const auto list = [&out](const QStringList &items) {
        out << '[';
        for (qsizetype i = 0; i < items.size(); ++i)
            out << (i ? ", " : "") << jsonQuoted(items[i]);
        out << ']';
    };
    const auto str = [&out](const char *key, const QString &value) { out << '"' << key << "\": " << jsonQuoted(value); };
    const auto criterion = [&](const CriterionResult &r) {
        out << '{';
        str("id", r.criterion.id);
        out << ", \"level\": " << r.level << ", ";
        str("check", r.criterion.check);
        out << ", ";
        str("description", r.criterion.description);
        out << ", ";
        str("outcome", outcomeName(r.outcome));
        out << ", ";
        str("evidence", r.evidence);
        out << ", ";
        str("fix", r.criterion.fix);
        out << '}';
    };
    out << "{\n  \"lighthouse\": ";
    list(report.lighthouse);
    out << ",\n  \"problems\": ";
    list(report.problems);
    out << ",\n  \"domains\": [";
    for (size_t i = 0; i < report.domains.size(); ++i) {
        const DomainMaturity &d = report.domains[i];
        out << (i ? ",\n    {" : "\n    {");
        str("id", d.domainId);
        out << ", \"lighthouse\": " << (d.lighthouse ? "true" : "false") << ", \"products\": " << d.products
            << ", \"perLevel\": [";
        for (size_t l = 0; l < d.perLevel.size(); ++l)
            out << (l ? ", " : "") << d.perLevel[l];
        out << "], \"averageLevel\": " << QString::number(d.average, 'g', 17) << '}';
    }
    out << "\n  ],\n  \"products\": [";
    for (size_t i = 0; i < report.products.size(); ++i) {
        const ProductMaturity &p = report.products[i];
        out << (i ? ",\n    {" : "\n    {");
        str("id", p.productId);
        out << ", ";
        str("name", p.name);
        out << ", ";
        str("domain", p.domainId);
        out << ", \"level\": " << p.level << ", ";
        str("levelName", p.levelName);
        out << ", \"maxLevel\": " << p.maxLevel << ", ";
        str("nextLevelName", p.nextLevelName);
        out << ", ";
        str("cappedBy", p.cappedBy);
        out << ", ";
        str("policy", p.policyId);
        QStringList met, missing;
        for (const CriterionResult &r : p.results) {
            if (r.outcome == Outcome::Met)
                met << r.criterion.id;
        }
        for (const CriterionResult *r : p.nextSteps())
            missing << r->criterion.id;
        out << ", \"met\": ";
        list(met);
        out << ", \"missing\": ";
        list(missing);
        out << ",\n      \"next\": [";
        bool first = true;
        for (const CriterionResult &r : p.results) {
            if (r.level != p.level + 1)
                continue;
            out << (first ? "" : ", ");
            first = false;
            criterion(r);
        }
        out << "],\n      \"criteria\": [";
        for (size_t k = 0; k < p.results.size(); ++k) {
            out << (k ? ",\n        " : "\n        ");
            criterion(p.results[k]);
        }
        out << "]}";
    }
    out << "\n  ]\n}\n";
}

void printText(QTextStream &out, const MaturityReport &report)
{
    for (const ProductMaturity &p : report.products) {
        out << p.domainId << " / " << p.productId << "  level " << p.level << " " << p.levelName << "  (";
        for (int l = 1; l <= p.maxLevel; ++l)
            out << (l > 1 ? ", " : "") << "L" << l << " " << p.met(l) << "/" << p.total(l);
        out << ")" << (p.cappedBy.isEmpty() ? QString() : QStringLiteral("  capped: ") + p.cappedBy) << "\n";
        const auto next = p.nextSteps();
        if (next.empty())
            continue;
        out << "  next steps to level " << (p.level + 1) << ":\n";
        for (const CriterionResult *r : next) {
            out << "    " << qSetFieldWidth(15) << Qt::left << QStringLiteral("[%1]").arg(outcomeName(r->outcome))
                << qSetFieldWidth(0) << r->criterion.id << "  " << r->criterion.description << ": " << r->evidence << "\n";
            if (!r->criterion.fix.isEmpty())
                out << "                   fix: " << r->criterion.fix << "\n";
        }
    }
    out << "\nDomains\n";
    for (const DomainMaturity &d : report.domains) {
        out << "  " << qSetFieldWidth(14) << Qt::left << d.domainId << qSetFieldWidth(0) << "average "
            << QString::number(d.average, 'f', 2) << "  by level:";
        for (size_t l = 0; l < d.perLevel.size(); ++l)
            out << " L" << l << "=" << d.perLevel[l];
        out << (d.lighthouse ? "  (lighthouse)" : "") << "\n";
    }
    out << "\nLighthouse domains: "
        << (report.lighthouse.isEmpty() ? QStringLiteral("none named (spec.maturity.lighthouse)") : report.lighthouse.join(QStringLiteral(", ")))
        << "\n";
    for (const QString &p : report.problems)
        out << "policy problem: " << p << "\n";
}

} // namespace

int maturityCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Each data product's maturity level (the highest whose criteria all hold; docs/maturity.md), the "
        "criteria met and the next level's missing ones with evidence and a fix."));
    parser.addHelpOption();
    CommonOptions common;
    common.addTo(parser, /*withSource=*/false);
    const QCommandLineOption domain(QStringLiteral("domain"), QStringLiteral("Only products of domain D (and its sub-domains)."),
                                    QStringLiteral("D"));
    parser.addOption(domain);
    if (const std::optional<int> ended = parseOptionsOnly(parser, arguments, "maturity"))
        return *ended;
    QTextStream err(stderr);
    MaturityReport report;
    try {
        sql::Connection db = cache::openCache(common.cachePath(parser), /*readOnly=*/true);
        report = evaluateMaturity(db, parser.value(domain));
    } catch (const sql::SqlError &e) {
        err << "meshscope maturity: " << e.message() << Qt::endl;
        return BadUsage;
    }
    if (report.products.empty()) {
        err << "meshscope maturity: no data products "
            << (parser.isSet(domain) ? QStringLiteral("in domain '%1' ").arg(parser.value(domain)) : QString()) << "in "
            << common.cachePath(parser) << "; run 'meshscope sync' first" << Qt::endl;
        return BadUsage;
    }
    QTextStream out(stdout);
    if (parser.isSet(common.json))
        printJson(out, report);
    else
        printText(out, report);
    return Success;
}

} // namespace meshscope::cli
