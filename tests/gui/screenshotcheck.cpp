#include "screenshotcheck.h"

#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>

namespace screenshotcheck {

Shot take(const QString &home, const QStringList &extraArgs, const QString &out)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *dir : {"XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_RUNTIME_DIR"}) {
        const QString path = home + QLatin1Char('/') + QString::fromLatin1(dir).toLower();
        QDir().mkpath(path);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        env.insert(QLatin1String(dir), path);
    }
    env.insert(QStringLiteral("HOME"), home);
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // a real (Xvfb) window, never offscreen

    QString program = QStringLiteral(MESHSCOPE_BINARY);
    QStringList args{QStringLiteral("gui")};
    args << extraArgs << QStringLiteral("--screenshot") << out;
    if (env.value(QStringLiteral("DISPLAY")).isEmpty()) {
        args.prepend(program);
        args.prepend(QStringLiteral("-a"));
        program = QStringLiteral("xvfb-run");
    }
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    Shot shot;
    if (!p.waitForFinished(180000)) {
        p.kill();
        shot.stderrText = QStringLiteral("timed out");
        return shot;
    }
    shot.exitCode = p.exitCode();
    shot.stderrText = QString::fromUtf8(p.readAllStandardError());
    const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            shot.info = doc.object();
    }
    shot.image.load(out);
    return shot;
}

Shot takeView(const QString &home, const QString &view, const QString &select, const QString &size,
              const QString &name)
{
    QStringList args{QStringLiteral("--cache"), home + QStringLiteral("/cache.sqlite"), QStringLiteral("--view"), view,
                     QStringLiteral("--size"), size};
    if (!select.isEmpty())
        args << QStringLiteral("--select") << select;
    return take(home, args, home + QLatin1Char('/') + name);
}

QRect namedRect(const Shot &shot, const QString &name)
{
    const QJsonArray r = shot.info.value(QStringLiteral("rects")).toObject().value(name).toArray();
    return r.size() == 4 ? QRect(r.at(0).toInt(), r.at(1).toInt(), r.at(2).toInt(), r.at(3).toInt()) : QRect();
}

int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < img.height(); y += 2) {
        const auto *row = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); x += 2)
            colours.insert(row[x]);
    }
    return int(colours.size());
}

int inkPixels(const QImage &image, const QRect &rect)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32).copy(rect);
    QHash<QRgb, int> histogram;
    for (int y = 0; y < img.height(); ++y) {
        const auto *row = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x)
            ++histogram[row[x]];
    }
    QRgb background = 0;
    int best = -1;
    for (auto it = histogram.cbegin(); it != histogram.cend(); ++it) {
        if (it.value() > best) {
            best = it.value();
            background = it.key();
        }
    }
    int ink = 0;
    for (int y = 0; y < img.height(); ++y) {
        const auto *row = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x) {
            const QRgb c = row[x];
            const int diff = qAbs(qRed(c) - qRed(background)) + qAbs(qGreen(c) - qGreen(background))
                + qAbs(qBlue(c) - qBlue(background));
            if (diff > 150)
                ++ink;
        }
    }
    return ink;
}

} // namespace screenshotcheck
