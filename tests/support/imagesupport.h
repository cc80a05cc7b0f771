#pragma once

#include <QImage>

/// Picture checks shared by the export tests.
namespace testsupport {

/// Pixels clearly darker than white: text and lines on a page.
inline int darkPixels(const QImage &image)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = 0; y < img.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x)
            n += qGray(line[x]) < 128;
    }
    return n;
}

} // namespace testsupport
