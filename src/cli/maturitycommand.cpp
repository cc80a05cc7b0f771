#include "commands.h"
#include "commonoptions.h"

#include "cache/cachefile.h"
#include "maturity/maturityjson.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace meshscope::cli {

namespace {

using namespace maturity;

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
    QTextStream err(stderr);
    if (!parser.parse(arguments.mid(1))) {
        err << "meshscope maturity: " << parser.errorText() << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Success;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << "meshscope maturity: unexpected argument '" << parser.positionalArguments().first() << "'" << Qt::endl;
        return BadUsage;
    }
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
        out << QJsonDocument(toJson(report)).toJson(QJsonDocument::Indented);
    else
        printText(out, report);
    return Success;
}

} // namespace meshscope::cli
