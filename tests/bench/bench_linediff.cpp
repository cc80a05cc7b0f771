// The Contracts area's line view on the 5,000-line adventureworks contract (ODCS examples in the
// corpus) against a copy with 20 text edits made here (properties removed, added, retyped, made
// required): the line diff with intra-line highlights, the YAML locator linking every semantic change
// to its lines, and the whole pipeline the view runs off the GUI thread. Reading the two documents
// and the semantic diff alone are measured in the same run as references. Worst cases (every tenth
// line changed, all lines reversed) show how the O(ND) diff grows with the distance.
//   bench_linediff [--runs N] [--smoke]
#include "benchsupport.h"
#include "testsupport.h"

#include "contracts/changelocations.h"
#include "contracts/contractdiff.h"
#include "contracts/linediff.h"
#include "contracts/yamllocator.h"
#include "importers/importer.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cstdio>
#include <functional>

using namespace meshscope;

namespace {

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

double p95(int runs, const std::function<void()> &work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        times.push_back(ms(t));
    }
    return bench::percentile(times, 95);
}

/// Twenty edits on property items ("    - name: ..." blocks) spread evenly over the file, applied
/// from the bottom so earlier line numbers stay valid: made required, retyped, removed, or a new
/// property inserted before it.
QString edited(const QString &text)
{
    QStringList lines = diff::splitLines(text);
    static const QRegularExpression item(QStringLiteral("^    - name: "));
    std::vector<int> starts;
    for (int i = 0; i < lines.size(); ++i) {
        if (item.match(lines.at(i)).hasMatch())
            starts.push_back(i);
    }
    const auto blockEnd = [&lines](int start) {
        int end = start + 1;
        while (end < lines.size() && lines.at(end).startsWith(QStringLiteral("      ")))
            ++end;
        return end; // one past the block
    };
    for (int e = 19; e >= 0; --e) {
        const int start = starts[size_t(e) * (starts.size() - 1) / 19];
        const int end = blockEnd(start);
        switch (e % 4) {
        case 0:
            for (int i = start; i < end; ++i)
                lines[i].replace(QStringLiteral("required: false"), QStringLiteral("required: true"));
            break;
        case 1:
            for (int i = start; i < end; ++i) {
                if (lines.at(i).startsWith(QStringLiteral("      logicalType: ")))
                    lines[i] = lines.at(i).contains(u"string") ? QStringLiteral("      logicalType: \"boolean\"")
                                                              : QStringLiteral("      logicalType: \"string\"");
            }
            break;
        case 2:
            lines.remove(start, end - start);
            break;
        default:
            lines.insert(start, QStringLiteral("      logicalType: \"string\""));
            lines.insert(start, QStringLiteral("    - name: \"bench_added_%1\"").arg(e));
            break;
        }
    }
    return lines.join(u'\n') + u'\n';
}

Contract parse(const QString &text)
{
    const ImportResult r = importDocument(QStringLiteral("adventureworks.odcs.yaml"), text.toUtf8());
    return r.contracts.empty() ? Contract{} : r.contracts.front();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool smoke = bench::smoke(argc, argv);
    const QStringList args = app.arguments();
    const int runs = bench::intArg(args, QStringLiteral("--runs"), smoke ? 3 : 50);

    const QString path = testsupport::corpus(
        QStringLiteral("bitol-io/open-data-contract-standard/docs/examples/all/postgresql-adventureworks-contract.odcs.yaml"));
    const QString before = QString::fromUtf8(testsupport::readAll(path));
    const QString after = edited(before);
    const Contract oldContract = parse(before);
    const Contract newContract = parse(after);
    const diff::ContractDiff semantic = diff::diffContracts(oldContract, newContract);

    const diff::LineDiff lines = diff::diffLines(before, after);
    const std::vector<diff::ChangeLocation> at =
        diff::locateChanges(semantic, diff::YamlLocator(before), diff::YamlLocator(after));
    int exactly = 0;
    for (size_t i = 0; i < at.size(); ++i) {
        const auto kind = semantic.changes[i].kind;
        const bool ok = kind == diff::ChangeKind::Added     ? at[i].newLines.exact
                        : kind == diff::ChangeKind::Removed ? at[i].oldLines.exact
                                                            : at[i].oldLines.exact && at[i].newLines.exact;
        exactly += ok ? 1 : 0;
    }

    bench::header("Line diff and change locations: adventureworks against a copy with 20 text edits");
    bench::row("old text (lines)", double(lines.oldLines.size()), "lines");
    bench::row("new text (lines)", double(lines.newLines.size()), "lines");
    bench::row("semantic changes found", double(semantic.changes.size()), "chg");
    bench::row("  located on their side(s) exactly", double(exactly), "chg");
    bench::row("change blocks in the line diff", double(lines.blockStarts.size()), "blk");

    const double readMs = p95(std::max(3, runs / 5), [&] { parse(before); parse(after); });
    const double semanticMs = p95(runs, [&] { diff::diffContracts(oldContract, newContract); });
    const double lineMs = p95(runs, [&] { diff::diffLines(before, after); });
    const double locatorMs = p95(runs, [&] { diff::YamlLocator a(before), b(after); });
    const diff::YamlLocator oldYaml(before), newYaml(after);
    const double locateMs = p95(runs, [&] { diff::locateChanges(semantic, oldYaml, newYaml); });
    const double pipelineMs = p95(runs, [&] {
        const diff::ContractDiff d = diff::diffContracts(oldContract, newContract);
        const diff::YamlLocator a(before), b(after);
        diff::locateChanges(d, a, b);
        diff::diffLines(before, after);
    });
    bench::row("reference: read both documents p95", readMs, "ms");
    bench::row("reference: semantic diff p95", semanticMs, "ms", 50.0);
    bench::row("line diff + intra-line highlights p95", lineMs, "ms", 50.0);
    bench::row("parse both texts for locations p95", locatorMs, "ms");
    bench::row("locate every change on both sides p95", locateMs, "ms");
    bench::row("view pipeline (no import) p95", pipelineMs, "ms");
    // The view re-reads both documents anyway; its own work must cost less than that reading.
    bench::row("  pipeline / reading both documents", pipelineMs / readMs, "x", 1.0);

    QStringList tenth = diff::splitLines(before);
    for (int i = 0; i < tenth.size(); i += 10)
        tenth[i] += QStringLiteral(" # edited");
    const QString everyTenth = tenth.join(u'\n');
    QStringList reversed = diff::splitLines(before);
    std::reverse(reversed.begin(), reversed.end());
    const QString allReversed = reversed.join(u'\n');
    bench::row("worst: every 10th line changed p95", p95(std::max(3, runs / 5), [&] {
                   diff::diffLines(before, everyTenth);
               }), "ms");
    bench::row("worst: all lines reversed p95", p95(std::max(3, runs / 10), [&] {
                   diff::diffLines(before, allReversed);
               }), "ms");
    std::printf("\n%d runs\n", runs);

    if (semantic.changes.size() < 20 || exactly != int(semantic.changes.size())) {
        for (size_t i = 0; i < at.size(); ++i)
            std::fprintf(stderr, "  %s %s old %d-%d%s new %d-%d%s\n", qPrintable(semantic.changes[i].ruleId()),
                         qPrintable(semantic.changes[i].path), at[i].oldLines.first + 1, at[i].oldLines.last + 1,
                         at[i].oldLines.exact ? "" : "~", at[i].newLines.first + 1, at[i].newLines.last + 1,
                         at[i].newLines.exact ? "" : "~");
        std::fprintf(stderr, "expected >= 20 changes, each located exactly\n");
        return 1;
    }
    return 0;
}
