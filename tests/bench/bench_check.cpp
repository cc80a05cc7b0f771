// `meshscope check` on a generated mesh: the governance engine over every product and its contracts.
// Rows: the reference (reading every product and contract row's JSON text from the cache, the I/O a
// check cannot avoid), loading them into entities, evaluating every policy rule, SLO evaluation over
// the run events, and the real `meshscope check --json` process end to end (the ≤ 2 s target); then
// the maturity assessment of the same mesh (docs/maturity.md) in process and as `meshscope maturity
// --json` (the ≤ 1 s target), beside check's own time in the same run.
// The machine may be shared: CPU seconds (user + system) are printed next to wall times.
//   bench_check [--products N] [--domains N] [--smoke] [--cache FILE (an already synced cache: no generate)]
#include "benchmesh.h"
#include "benchsupport.h"

#include "cache/cachefile.h"
#include "governance/governance.h"
#include "maturity/maturity.h"
#include "slo/sloevaluation.h"

#include <QCoreApplication>
#include <QProcess>

using namespace meshscope;

using bench::cpuSeconds;
using bench::seconds;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool smoke = bench::smoke(argc, argv);
    const QStringList args = app.arguments();
    const MeshGeneratorOptions options = bench::meshOptions(args, smoke ? 200 : 10000, smoke ? 8 : 50);

    bench::SyncedMesh synced;
    bench::prepareSyncedMesh(args, options, synced);
    if (!synced.ok)
        return 2;
    const QString cache = synced.cache;
    sql::Connection db = cache::openCache(cache);
    qint64 productCount = 0, contractCount = 0;
    {
        sql::Statement s = db.prepare("SELECT (SELECT COUNT(*) FROM products), (SELECT COUNT(*) FROM contracts)");
        s.step();
        productCount = s.int64(0);
        contractCount = s.int64(1);
    }
    bench::header(qPrintable(QStringLiteral("Governance check: %1 products, %2 contracts (CPU s = user + system)")
                                 .arg(productCount)
                                 .arg(contractCount)));
    QElapsedTimer t;

    t.start();
    qint64 bytes = 0;
    for (const char *sql : {"SELECT data FROM products", "SELECT data FROM contracts"}) {
        sql::Statement s = db.prepare(sql);
        while (s.step())
            bytes += s.blob(0).size();
    }
    const double reference = seconds(t);
    bench::row("reference: read product + contract JSON", reference, "s");
    bench::row("  bytes read", double(bytes) / (1024.0 * 1024.0), "MiB");

    t.restart();
    double cpu = cpuSeconds();
    const governance::MeshData data = governance::loadMeshData(db);
    const double load = seconds(t);
    bench::row("load products, contracts, policies", load, "s");
    bench::row("  CPU", cpuSeconds() - cpu, "s");

    t.restart();
    cpu = cpuSeconds();
    const governance::GovernanceReport report = governance::evaluateGovernance(data);
    const double evaluate = seconds(t);
    bench::row("evaluate every rule for every product", evaluate, "s");
    bench::row("  CPU", cpuSeconds() - cpu, "s");
    bench::row("  violations found", double(report.errors + report.warnings), "");
    bench::row("  per product", evaluate * 1e6 / std::max<size_t>(1, data.products.size()), "us");
    bench::row("load + evaluate / reference", (load + evaluate) / reference, "x");

    t.restart();
    const slo::Evidence evidence = slo::loadEvidence(db);
    const slo::SloReport slos = slo::evaluateSlos(data, evidence);
    bench::row("SLO evaluation (load evidence + evaluate)", seconds(t), "s");
    bench::row("  run events", double(evidence.runs.size()), "");
    bench::row("  products with evidence", double(slos.met + slos.missed), "");

    // The real command, as CI would run it: process start, cache open, check, JSON out.
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    t.restart();
    const double childCpu = cpuSeconds(RUSAGE_CHILDREN);
    process.start(QStringLiteral(MESHSCOPE_BINARY), {QStringLiteral("check"), QStringLiteral("--cache"), cache, QStringLiteral("--json")});
    process.waitForFinished(120000);
    const double endToEnd = seconds(t);
    if (process.exitStatus() != QProcess::NormalExit || (process.exitCode() != 0 && process.exitCode() != 1)) {
        std::fprintf(stderr, "meshscope check failed (%d): %s\n", process.exitCode(), process.readAllStandardError().constData());
        return 1;
    }
    bench::row("meshscope check --json (process, end to end)", endToEnd, "s", 2.0);
    bench::row("  CPU of the process", cpuSeconds(RUSAGE_CHILDREN) - childCpu, "s");
    bench::row("  end to end / reference", endToEnd / reference, "x");

    // Maturity: the facts only it reads (all contract versions, consumers), then every criterion of
    // every level for every product, over the MeshData loaded above.
    t.restart();
    cpu = cpuSeconds();
    const cache::MaturityFacts facts = cache::readMaturityFacts(db);
    const double factsTime = seconds(t);
    const maturity::MaturityReport maturityReport = maturity::evaluateMaturity(data, facts);
    const double maturityTime = seconds(t);
    bench::row("maturity: read facts (versions, consumers)", factsTime, "s");
    bench::row("maturity: facts + assess every product", maturityTime, "s", 1.0);
    bench::row("  CPU", cpuSeconds() - cpu, "s");
    bench::row("  / check's evaluate in this run", maturityTime / std::max(1e-9, evaluate), "x");

    QProcess maturityProcess;
    maturityProcess.setStandardOutputFile(QProcess::nullDevice());
    t.restart();
    maturityProcess.start(QStringLiteral(MESHSCOPE_BINARY),
                          {QStringLiteral("maturity"), QStringLiteral("--cache"), cache, QStringLiteral("--json")});
    maturityProcess.waitForFinished(120000);
    const double maturityEndToEnd = seconds(t);
    if (maturityProcess.exitStatus() != QProcess::NormalExit || maturityProcess.exitCode() != 0) {
        std::fprintf(stderr, "meshscope maturity failed (%d): %s\n", maturityProcess.exitCode(),
                     maturityProcess.readAllStandardError().constData());
        return 1;
    }
    bench::row("meshscope maturity --json (end to end)", maturityEndToEnd, "s");
    bench::row("  / check --json in this run", maturityEndToEnd / std::max(1e-9, endToEnd), "x");
    if (report.products.size() != data.products.size() || data.products.empty()
        || maturityReport.products.size() != data.products.size())
        return 1;
    return 0;
}
