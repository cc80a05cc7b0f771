#pragma once

#include <QByteArray>
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

} // namespace testsupport
