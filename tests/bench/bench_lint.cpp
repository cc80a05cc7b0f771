// `meshscope lint` speed: the 5,000-line adventureworks contract of the ODCS repository (shared corpus), and
// every contract of a generated mesh linted on 2 threads against importing (parsing) the same bytes on 2
// threads in the same run. The schemas are compiled once per process; the first lint pays for it and is
// shown on its own row.
//   bench_lint [--products N] [--domains N] [--smoke]
#include "benchmesh.h"
#include "benchsupport.h"

#include "importers/importer.h"
#include "sync/sourcewalker.h"
#include "util/parallelfor.h"
#include "validation/lint.h"

#include <QCoreApplication>
#include <QFile>

#include <atomic>

using namespace meshscope;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool smoke = bench::smoke(argc, argv);
    const QStringList args = app.arguments();

    const QString adventureworks = QStringLiteral(MESHSCOPE_CORPUS_DIR
                                                  "/bitol-io/open-data-contract-standard/docs/examples/all/"
                                                  "postgresql-adventureworks-contract.odcs.yaml");
    const QByteArray big = readFile(adventureworks);
    if (big.isEmpty()) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(adventureworks));
        return 2;
    }
    bench::header(qPrintable(QStringLiteral("Lint: adventureworks contract, %1 lines, %2 KiB")
                                 .arg(big.count('\n'))
                                 .arg(big.size() / 1024)));
    QElapsedTimer t;
    t.start();
    validation::LintReport first = validation::lintBytes(QStringLiteral("adventureworks.odcs.yaml"), big);
    bench::row("first lint (schema compiled on first use)", bench::ms(t), "ms");
    std::vector<double> lintMs, parseMs;
    const int rounds = smoke ? 3 : 30;
    for (int i = 0; i < rounds; ++i) {
        t.restart();
        const validation::LintReport r = validation::lintBytes(QStringLiteral("adventureworks.odcs.yaml"), big);
        lintMs.push_back(bench::ms(t));
        t.restart();
        const ImportResult imported = importDocument(QStringLiteral("adventureworks.odcs.yaml"), big);
        parseMs.push_back(bench::ms(t));
    }
    bench::row("lint, median of runs", bench::percentile(lintMs, 50), "ms", 50.0);
    bench::row("import (parse) of the same bytes, median", bench::percentile(parseMs, 50), "ms");
    bench::row("  problems found (errors + warnings)", double(first.problems.size()), "items");

    // A generated mesh: every contract, read into memory first so that both rows time work, not I/O.
    const MeshGeneratorOptions options = bench::meshOptions(args, smoke ? 200 : 10000, smoke ? 8 : 50);
    QTemporaryDir dir;
    QString error;
    generateMesh(dir.path(), options, &error);
    std::vector<SourceFile> files;
    walkSource(dir.path(), files, &error);
    std::vector<std::pair<QString, QByteArray>> contracts;
    for (const SourceFile &f : files) {
        if (f.relativePath.endsWith(QLatin1String(".odcs.yaml")))
            contracts.emplace_back(f.relativePath, readFile(f.absolutePath));
    }
    bench::header(qPrintable(QStringLiteral("Lint vs parse: %1 generated contracts on 2 threads").arg(contracts.size())));
    std::atomic<qint64> parsedEntities{0};
    t.restart();
    parallelFor(contracts.size(), [&](size_t i) {
        const ImportResult r = importDocument(contracts[i].first, contracts[i].second);
        parsedEntities += qint64(r.contracts.size());
    }, 16, 2);
    const double parseSeconds = bench::seconds(t);
    std::atomic<qint64> errors{0}, warnings{0};
    t.restart();
    parallelFor(contracts.size(), [&](size_t i) {
        const validation::LintReport r = validation::lintBytes(contracts[i].first, contracts[i].second);
        errors += r.count(Diagnostic::Severity::Error);
        warnings += r.count(Diagnostic::Severity::Warning);
    }, 16, 2);
    const double lintSeconds = bench::seconds(t);
    bench::row("parse (import) all contracts", parseSeconds, "s");
    bench::row("lint all contracts", lintSeconds, "s");
    bench::row("lint / parse", lintSeconds / std::max(parseSeconds, 1e-9), "x", 2.0);
    bench::row("  schema errors in generated contracts", double(errors), "items", 0.0);
    bench::row("  warnings in generated contracts", double(warnings), "items");
    return 0;
}
