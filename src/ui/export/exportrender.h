#pragma once

#include "export/textpdf.h"
#include "lineage/lineagescene.h"

#include <QByteArray>
#include <QImage>
#include <QString>

/// Pictures of what an export will write, for the preview dialog, and the lineage view's graph as SVG.
/// Plain functions on QImage (no window), so they run on a worker thread and in unit tests.
namespace exportrender {

/// Page `page` of a text PDF painted from its layout (the lines textPdf() writes, at the same places),
/// `width` pixels wide on white paper.
QImage pdfPage(const meshscope::exporting::PdfLayout &layout, int page, int width);

/// The SVG rendered with QSvgRenderer into at most `maxSize`, keeping its aspect; null when the SVG
/// does not parse.
QImage svgImage(const QByteArray &svg, const QSize &maxSize);

/// Every node, edge and domain group of `scene` (what the lineage canvas holds now) as SVG, with the
/// same building blocks as `meshscope export`'s SVGs; each node a <g class="node">.
QString lineageSceneSvg(const LineageScene &scene);

} // namespace exportrender
