#pragma once

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
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

/// Writes `bytes` to `path`, creating its folder: a fixture written by the test itself.
inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        qFatal("cannot write test fixture %s", qPrintable(path));
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

/// Turns the sample mesh's `require_signatures: true` (policies/global.yaml) on or off in a copy. Tests
/// that write review events without signing keys, about something other than signatures, turn it off
/// in their copy; tst_review_signatures covers the required case.
inline void setSignaturesRequired(const QString &meshRoot, bool required)
{
    QFile f(meshRoot + QStringLiteral("/policies/global.yaml"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(f.fileName()));
    QByteArray text = f.readAll();
    f.close();
    const QByteArray on = "require_signatures: true", off = "require_signatures: false";
    if (!text.contains(required ? off : on) && !text.contains(required ? on : off))
        qFatal("%s says nothing about require_signatures", qPrintable(f.fileName()));
    text.replace(required ? off : on, required ? on : off);
    f.setPermissions(f.permissions() | QFileDevice::WriteOwner);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(f.fileName()));
}

/// A fresh passphrase-less SSH key pair `path`, `path.pub` made by ssh-keygen (Ed25519 unless `type`).
inline QString makeSshKey(const QString &path, const QString &type = QStringLiteral("ed25519"))
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QProcess p;
    p.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), type, QStringLiteral("-N"), QString(),
                                           QStringLiteral("-C"), QFileInfo(path).fileName(), QStringLiteral("-f"), path});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        qFatal("ssh-keygen failed: %s", p.readAllStandardError().constData());
    return path;
}

/// Lists the public key of `key` for `email` in the mesh's reviews/allowed_signers.
inline void listSigningKey(const QString &meshRoot, const QString &email, const QString &key)
{
    const QByteArray publicKey = readAll(key + QStringLiteral(".pub")).trimmed();
    const QList<QByteArray> parts = publicKey.split(' ');
    QFile f(meshRoot + QStringLiteral("/reviews/allowed_signers"));
    if (parts.size() < 2 || !f.open(QIODevice::WriteOnly | QIODevice::Append))
        qFatal("cannot list %s in %s", qPrintable(key), qPrintable(f.fileName()));
    f.write(email.toUtf8() + " namespaces=\"meshscope-review\" " + parts[0] + ' ' + parts[1] + " test key\n");
}

} // namespace testsupport
