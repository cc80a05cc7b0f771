#include "paths.h"

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

QString sampleMeshFolder()
{
    const QString target = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/meshscope/sample-mesh");
    const QString stampPath = target + QStringLiteral("/.meshscope-sample-version");
    const QByteArray version = QByteArrayLiteral(MESHSCOPE_VERSION);

    QFile stamp(stampPath);
    if (stamp.open(QIODevice::ReadOnly) && stamp.readAll() == version)
        return target;
    stamp.close();

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
        stamp.write(version);
    return target;
}

} // namespace meshscope::paths
