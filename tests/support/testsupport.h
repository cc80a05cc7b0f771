#pragma once

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QString>

/// Paths and file helpers shared by the tests.
namespace testsupport {

/// Absolute path of a file in ../shared/corpus, e.g. corpus("dbt-labs/dbt-docs/data/manifest.json").
inline QString corpus(const QString &relative)
{
    return QStringLiteral(MESHSCOPE_CORPUS_DIR "/") + relative;
}

/// Absolute path of a file in the source tree, e.g. source("resources/sample-mesh").
inline QString source(const QString &relative)
{
    return QStringLiteral(MESHSCOPE_SOURCE_DIR "/") + relative;
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open test fixture %s", qPrintable(path));
    return f.readAll();
}

/// Copies the folder `from` into `to` (created), hidden files included: tests that write into a mesh
/// (reviews, edits) work on a copy of the sample.
inline void copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    const QDir base(from);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + QLatin1Char('/') + base.relativeFilePath(path);
        if (it.fileInfo().isDir())
            QDir().mkpath(target);
        else
            QFile::copy(path, target);
    }
}

} // namespace testsupport
