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

/// `take()` of one area: `--cache HOME/cache.sqlite --view VIEW [--select SELECT] --size SIZE`, the picture
/// saved as HOME/NAME (a shared cache, filled by the first test that runs).
Shot takeView(const QString &home, const QString &view, const QString &select, const QString &size,
              const QString &name);

/// The device-pixel rect the app reported for the visible item named `name` (objectName); null when
/// it was not drawn.
QRect namedRect(const Shot &shot, const QString &name);

/// Number of distinct colours (a blank or single-colour picture has very few).
int distinctColours(const QImage &image);

/// Pixels in `rect` that differ clearly from the rect's most common colour: drawn text or shapes.
int inkPixels(const QImage &image, const QRect &rect);

} // namespace screenshotcheck
