#include "paths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>

namespace meshscope::paths {

QString defaultCacheFile()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
        + QStringLiteral("/meshscope");
    QDir().mkpath(dir);
    return dir + QStringLiteral("/cache.sqlite");
}

QString embeddedSampleMesh()
{
    return QStringLiteral(":/sample-mesh");
}

/// Names the embedded sample's content: the app version alone is not enough, since a build of the same
/// version can bring new sample files (a developer's or a packager's rebuild) that an old copy would lack.
QByteArray embeddedSampleFingerprint()
{
    QCryptographicHash hash(QCryptographicHash::Md5);
    hash.addData(QByteArrayLiteral(MESHSCOPE_VERSION));
    const QString root = embeddedSampleMesh();
    QStringList files;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort(); // the iteration order of resources is not specified
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        hash.addData(path.toUtf8());
        hash.addData(file.readAll());
    }
    return QByteArrayLiteral(MESHSCOPE_VERSION " ") + hash.result().toHex();
}

namespace {
/// Where the sample goes below the user's data folder.
const QString kSampleMeshSubPath = QStringLiteral("/meshscope/sample-mesh");
} // namespace

QString sampleMeshFolder()
{
    return sampleMeshFolder(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + kSampleMeshSubPath);
}

bool isSampleMeshFolder(const QString &path)
{
    return QDir::cleanPath(path).endsWith(kSampleMeshSubPath);
}

QString sampleMeshFolder(const QString &target)
{
    const QString stampPath = target + QStringLiteral("/.meshscope-sample-version");
    const QByteArray fingerprint = embeddedSampleFingerprint();

    QFile stamp(stampPath);
    if (stamp.open(QIODevice::ReadOnly) && stamp.readAll() == fingerprint)
        return target;
    stamp.close();

    // Files the user added (review events, council meetings) are kept; the sample's own files are
    // brought up to date.
    const QString root = embeddedSampleMesh();
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString from = it.next();
        const QString to = target + from.mid(root.size());
        QDir().mkpath(QFileInfo(to).absolutePath());
        QFile::remove(to);
        if (QFile::copy(from, to))
            QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    if (stamp.open(QIODevice::WriteOnly | QIODevice::Truncate))
        stamp.write(fingerprint);
    return target;
}

} // namespace meshscope::paths
