#include "meshgenerator.h"

#include "io/safepath.h"
#include "meshdocuments.h"
#include "syntheticmesh.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <thread>

namespace meshscope {

namespace {

using namespace generate;

/// Left in the output folder so that a later run may replace what an earlier run wrote,
/// and never anything else.
const QString kMarkerFile = QStringLiteral(".meshscope-generated");
const QStringList kGeneratedFolders{QStringLiteral("domains"), QStringLiteral("products"),
                                    QStringLiteral("contracts"), QStringLiteral("lineage")};

/// About 4 KB of dbt manifest per product: this keeps manifest.json under the importer's JSON
/// size limit (kMaxJsonBytes), so whatever is generated can also be read back.
constexpr int kMaxProducts = 50'000;

/// Makes `root` ready: created when missing; an earlier generator output is cleared; anything
/// else that is not empty is refused rather than mixed with or deleted.
QString prepareFolder(const QString &root)
{
    QDir dir(root);
    if (QFileInfo(root).exists() && !QFileInfo(root).isDir())
        return QStringLiteral("'%1' exists and is not a folder").arg(root);
    if (dir.exists()) {
        const bool ours = QFileInfo::exists(dir.filePath(kMarkerFile));
        const bool empty = dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
        if (!empty && !ours)
            return QStringLiteral("'%1' is not empty and was not written by meshscope generate; "
                                  "give a new or empty folder")
                .arg(root);
        // Removed without following links: a planted `domains -> elsewhere` loses the link, and
        // elsewhere keeps its files.
        for (const QString &folder : kGeneratedFolders) {
            QString error;
            if (!io::removeNoFollow(dir.filePath(folder), &error))
                return QStringLiteral("cannot clear '%1': %2").arg(dir.filePath(folder), error);
        }
    } else if (!QDir().mkpath(root)) {
        return QStringLiteral("cannot create '%1'").arg(root);
    }
    return {};
}

class FileSink {
public:
    explicit FileSink(const QString &root) : m_root(root) {}

    bool write(const QString &relative, const std::string &bytes)
    {
        // Never through a link planted in the folder (the marker file, say).
        return io::writeFileNoFollow(m_root + QLatin1Char('/') + relative,
                                     QByteArray::fromRawData(bytes.data(), static_cast<qsizetype>(bytes.size())), &m_error);
    }

    bool makeFolder(const QString &relative)
    {
        if (QDir(m_root).mkpath(relative))
            return true;
        m_error = QStringLiteral("cannot create '%1/%2'").arg(m_root, relative);
        return false;
    }

    QString error() const { return m_error; }

private:
    QString m_root;
    QString m_error;
};

QString str(const std::string &s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

/// Writes the domain, product and contract documents; returns the first error, if any.
QString writeDocuments(FileSink &sink, const SyntheticMesh &mesh, GeneratedMeshStats &stats)
{
    for (const SynthDomain &d : mesh.domains) {
        if (!sink.write(QStringLiteral("domains/%1.yaml").arg(str(d.id)), domainDocument(mesh, d)))
            return sink.error();
        ++stats.domains;
    }
    for (size_t i = 0; i < mesh.products.size(); ++i) {
        const SynthProduct &p = mesh.products[i];
        const QString domain = str(mesh.domains[static_cast<size_t>(p.domain)].id);
        if (!sink.write(QStringLiteral("products/%1/%2.odps.yaml").arg(domain, str(p.id)),
                        productDocument(mesh, i)))
            return sink.error();
        ++stats.products;
        if (!sink.write(QStringLiteral("contracts/%1/%2.odcs.yaml").arg(domain, str(p.contractId)),
                        contractDocument(mesh, i)))
            return sink.error();
        ++stats.contracts;
    }
    return {};
}

} // namespace

QString validateGeneratorOptions(const MeshGeneratorOptions &options)
{
    if (options.products < 1)
        return QStringLiteral("--products must be at least 1");
    if (options.products > kMaxProducts)
        return QStringLiteral("--products must be at most %1").arg(kMaxProducts);
    if (options.domains < 1)
        return QStringLiteral("--domains must be at least 1");
    if (options.domains > options.products)
        return QStringLiteral("--domains (%1) must not exceed --products (%2): every domain gets a product")
            .arg(options.domains)
            .arg(options.products);
    if (options.eventPercent < 0 || options.eventPercent > 100)
        return QStringLiteral("--events-percent must be between 0 and 100");
    if (options.runsPerJob < 1 || options.runsPerJob > 60)
        return QStringLiteral("runs per job must be between 1 and 60");
    return {};
}

GeneratedMeshStats generateMesh(const QString &outDir, const MeshGeneratorOptions &options, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return GeneratedMeshStats{};
    };
    if (error)
        error->clear();
    if (outDir.isEmpty())
        return fail(QStringLiteral("no output folder given"));
    if (const QString problem = validateGeneratorOptions(options); !problem.isEmpty())
        return fail(problem);
    const QString root = QDir::cleanPath(QDir(outDir).absolutePath());
    if (const QString problem = prepareFolder(root); !problem.isEmpty())
        return fail(problem);

    const SyntheticMesh mesh = buildMesh(options);
    FileSink sink(root);
    GeneratedMeshStats stats;

    const std::string marker = "Written by meshscope generate (seed " + std::to_string(options.seed)
        + "). A later run may replace the domains, products, contracts and lineage folders.\n";
    if (!sink.write(kMarkerFile, marker))
        return fail(sink.error());

    for (const QString &folder : kGeneratedFolders) {
        if (!sink.makeFolder(folder))
            return fail(sink.error());
    }
    for (const SynthDomain &d : mesh.domains) {
        const QString id = str(d.id);
        if (!sink.makeFolder(QStringLiteral("products/") + id) || !sink.makeFolder(QStringLiteral("contracts/") + id))
            return fail(sink.error());
    }

    // The two lineage documents are big and depend on nothing else written here: format and
    // write them on a second thread while this one writes the many small YAML files.
    QString lineageError;
    int events = 0;
    std::thread lineage([&mesh, &root, &options, &lineageError, &events] {
        FileSink lineageSink(root);
        if (!lineageSink.write(QStringLiteral("lineage/manifest.json"), dbtManifest(mesh))
            || !lineageSink.write(QStringLiteral("lineage/events.ndjson"),
                                  openLineageEvents(mesh, options.runsPerJob, &events)))
            lineageError = lineageSink.error();
    });
    const QString documentError = writeDocuments(sink, mesh, stats);
    lineage.join();
    if (!documentError.isEmpty())
        return fail(documentError);
    if (!lineageError.isEmpty())
        return fail(lineageError);

    stats.files = stats.domains + stats.products + stats.contracts + 2;
    stats.datasets = static_cast<int>(mesh.products.size()) + mesh.rawSourceCount();
    stats.edges = mesh.edgeCount();
    stats.events = events;
    stats.metrics = generate::metricCount(mesh);
    return stats;
}

} // namespace meshscope
