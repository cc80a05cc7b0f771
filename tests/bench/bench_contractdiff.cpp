// Semantic diff of the 5,000-line adventureworks contract (ODCS examples in the corpus) against a copy
// with 20 edits spread over the contract: p50/p95 of the diff alone, of the diff plus its JSON report,
// and the one-off cost of reading both documents. Exits 1 if the diff does not find exactly the 20 edits.
//   bench_contractdiff [--runs N] [--smoke]
#include "benchsupport.h"
#include "testsupport.h"

#include "contracts/contractdiff.h"
#include "contracts/diffreport.h"
#include "importers/importer.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace meshscope;

namespace {

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

/// Twenty edits, each of which the diff must report as exactly one change, across objects, properties,
/// constraints, quality, SLA, servers and metadata.
Contract edited(Contract c)
{
    auto prop = [&c](int object, int property) -> ContractProperty & {
        SchemaObject &o = c.schema[object % c.schema.size()];
        return o.properties[property % o.properties.size()];
    };
    ContractProperty added;
    added.name = QStringLiteral("bench_note");
    added.logicalType = QStringLiteral("string");

    c.schema[0].properties.removeLast();                                    // 1 property removed
    c.schema[1].properties << added;                                         // 2 optional property added
    added.required = true;
    c.schema[2].properties << added;                                         // 3 required property added
    ContractProperty &typed = prop(3, 0);
    typed.logicalType = typed.logicalType == u"string" ? QStringLiteral("integer") : QStringLiteral("string"); // 4
    prop(4, 0).physicalType += QStringLiteral("_v2");                        // 5 physical type changed
    prop(5, 1).required = !prop(5, 1).required;                              // 6 required toggled
    prop(6, 0).description += QStringLiteral(" (edited)");                   // 7 description
    prop(7, 0).tags << QStringLiteral("bench");                              // 8 tags
    prop(8, 0).classification = QStringLiteral("restricted");                // 9 classification
    prop(9, 0).constraints.insert(QStringLiteral("maxLength"), 64);          // 10 constraint added
    c.schema.removeLast();                                                   // 11 object removed
    SchemaObject extra;
    extra.name = QStringLiteral("bench_extra");
    extra.properties << added;
    c.schema << extra;                                                       // 12 object added
    c.schema[10].description += QStringLiteral(" (edited)");                 // 13 object description
    prop(11, 1).primaryKey = !prop(11, 1).primaryKey;                        // 14 primary key toggled
    prop(12, 1).unique = !prop(12, 1).unique;                                // 15 unique toggled
    c.sla << ServiceLevel{QStringLiteral("latency"), QStringLiteral("4"), QStringLiteral("h"), QString()}; // 16
    c.servers << Server{QStringLiteral("bench"), QStringLiteral("postgres"), {}, {}, {}};                  // 17
    QualityRule rule;
    rule.metric = QStringLiteral("rowCount");
    rule.thresholds.insert(QStringLiteral("mustBeGreaterThan"), 0);
    c.schema[13].quality << rule;                                            // 18 quality rule added
    prop(14, 0).custom.insert(QStringLiteral("partitioned"), true);          // 19 extension field
    c.status = QStringLiteral("deprecated");                                 // 20 metadata
    return c;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool smoke = bench::smoke(argc, argv);
    const QStringList args = app.arguments();
    const int runs = bench::intArg(args, QStringLiteral("--runs"), smoke ? 5 : 200);

    const QString path = testsupport::corpus(
        QStringLiteral("bitol-io/open-data-contract-standard/docs/examples/all/postgresql-adventureworks-contract.odcs.yaml"));
    const QByteArray bytes = testsupport::readAll(path);
    QElapsedTimer t;
    t.start();
    const ImportResult imported = importDocument(path, bytes);
    const double importMs = ms(t);
    if (imported.contracts.empty()) {
        std::fprintf(stderr, "no contract in %s\n", qPrintable(path));
        return 2;
    }
    const Contract before = imported.contracts.front();
    const Contract after = edited(before);
    int properties = 0;
    for (const SchemaObject &o : before.schema)
        properties += int(o.properties.size());

    bench::header("Contract diff: adventureworks against a copy with 20 edits");
    bench::row("contract size (lines)", double(bytes.count('\n')), "lines");
    bench::row("  schema objects", double(before.schema.size()), "obj");
    bench::row("  properties", double(properties), "props");
    bench::row("read the YAML into the model (once)", importMs, "ms");

    std::vector<double> diffTimes, reportTimes;
    size_t found = 0;
    for (int i = 0; i < runs; ++i) {
        t.restart();
        const diff::ContractDiff d = diff::diffContracts(before, after);
        diffTimes.push_back(ms(t));
        found = d.changes.size();
        t.restart();
        const QJsonObject json = diff::reportJson(diff::makeReport(before, after));
        reportTimes.push_back(ms(t));
        Q_UNUSED(json);
    }
    bench::row("changes found (20 edits)", double(found), "chg");
    bench::row("diff p50", bench::percentile(diffTimes, 50), "ms");
    bench::row("diff p95", bench::percentile(diffTimes, 95), "ms", 50.0);
    bench::row("diff + version check + JSON report p95", bench::percentile(reportTimes, 95), "ms", 50.0);
    bench::row("diff of the contract with itself p50", [&] {
        std::vector<double> same;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer s;
            s.start();
            diff::diffContracts(before, before);
            same.push_back(ms(s));
        }
        return bench::percentile(same, 50);
    }(), "ms");
    std::printf("\n%d runs\n", runs);

    if (found != 20) {
        const diff::ContractDiff d = diff::diffContracts(before, after);
        for (const diff::ContractChange &c : d.changes)
            std::fprintf(stderr, "  %s %s\n", qPrintable(c.ruleId()), qPrintable(c.path));
        std::fprintf(stderr, "expected 20 changes, found %zu\n", found);
        return 1;
    }
    return 0;
}
