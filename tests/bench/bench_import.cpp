// Importer throughput per format on one core, on a generated mesh, against two references on the same
// bytes in the same process: libyaml building the importers' node tree (ytree::parseAll, the floor of the
// YAML importers) and yaml-cpp's own LoadAll() (what the importers parsed with until they moved to libyaml).
//   bench_import [--products N] [--smoke]
#include "benchsupport.h"

#include "generate/meshgenerator.h"
#include "importers/importer.h"
#include "importers/yamltree.h"
#include "sync/sourcewalker.h"

#include <QCoreApplication>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <yaml-cpp/yaml.h>

using namespace meshscope;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool smoke = bench::smoke(argc, argv);
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf("--products");
    MeshGeneratorOptions options;
    options.products = at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : (smoke ? 100 : 2000);
    options.domains = std::max(1, options.products / 200);

    QTemporaryDir dir;
    QString error;
    generateMesh(dir.path(), options, &error);
    std::vector<SourceFile> files;
    walkSource(dir.path(), files, &error);

    struct Totals {
        double importSeconds = 0, yamlSeconds = 0, treeSeconds = 0;
        qint64 bytes = 0;
        int files = 0;
    };
    QMap<QString, Totals> byFormat;
    for (const SourceFile &f : files) {
        QFile file(f.absolutePath);
        file.open(QIODevice::ReadOnly);
        const QByteArray bytes = file.readAll();
        QElapsedTimer t;
        t.start();
        const ImportResult r = importDocument(f.relativePath, bytes);
        Totals &tot = byFormat[r.format.isEmpty() ? QStringLiteral("(other)") : r.format];
        tot.importSeconds += double(t.nsecsElapsed()) / 1e9;
        tot.bytes += bytes.size();
        ++tot.files;
        if (!f.relativePath.endsWith(".json") && !f.relativePath.endsWith(".ndjson")) {
            t.restart();
            const std::vector<YAML::Node> docs = YAML::LoadAll(bytes.toStdString());
            tot.yamlSeconds += double(t.nsecsElapsed()) / 1e9;
            t.restart();
            {
                ytree::Arena arena;
                std::vector<ytree::Node> trees;
                ytree::ParseError error;
                ytree::parseAll(bytes, arena, trees, error);
            }
            tot.treeSeconds += double(t.nsecsElapsed()) / 1e9;
        }
    }
    bench::header(qPrintable(QStringLiteral("Import throughput, one core, %1 files").arg(files.size())));
    for (auto it = byFormat.cbegin(); it != byFormat.cend(); ++it) {
        const Totals &t = it.value();
        const double mib = double(t.bytes) / 1048576.0;
        bench::row(qPrintable(it.key() + QStringLiteral(": import MiB/s")), mib / t.importSeconds, "MiB/s");
        if (t.treeSeconds > 0) {
            bench::row(qPrintable(it.key() + QStringLiteral(": libyaml tree alone MiB/s")), mib / t.treeSeconds, "MiB/s");
            bench::row(qPrintable(it.key() + QStringLiteral(": import / libyaml tree time")), t.importSeconds / t.treeSeconds, "x");
        }
        if (t.yamlSeconds > 0) {
            bench::row(qPrintable(it.key() + QStringLiteral(": yaml-cpp LoadAll alone MiB/s")), mib / t.yamlSeconds, "MiB/s");
            bench::row(qPrintable(it.key() + QStringLiteral(": import / LoadAll time")), t.importSeconds / t.yamlSeconds, "x");
        }
        bench::row(qPrintable(it.key() + QStringLiteral(": ms per document")), 1000.0 * t.importSeconds / t.files, "ms");
    }
    return 0;
}
