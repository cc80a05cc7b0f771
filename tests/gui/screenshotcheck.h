#pragma once

#include <QImage>
#include <QJsonObject>
#include <QRect>
#include <QStringList>

/// Runs `meshscope gui ... --screenshot` in a scratch home and checks the picture it saved.
namespace screenshotcheck {

struct Shot {
    int exitCode = -1;
    QString stderrText;
    QJsonObject info; ///< the JSON line the app prints: width, height, title, titleRect
    QImage image;
};

/// `extraArgs` follow `gui`; the cache and the XDG folders live in `home`.
Shot take(const QString &home, const QStringList &extraArgs, const QString &out);

/// The device-pixel rect the app reported for the visible item named `name` (objectName); null when
/// it was not drawn.
QRect namedRect(const Shot &shot, const QString &name);

/// Number of distinct colours (a blank or single-colour picture has very few).
int distinctColours(const QImage &image);

/// Pixels in `rect` that differ clearly from the rect's most common colour: drawn text or shapes.
int inkPixels(const QImage &image, const QRect &rect);

} // namespace screenshotcheck
