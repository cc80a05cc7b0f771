#include "exportrender.h"

#include "export/meshsvg.h"

#include <QPainter>
#include <QSvgRenderer>

namespace exportrender {

using meshscope::exporting::PdfLine;

QImage pdfPage(const meshscope::exporting::PdfLayout &layout, int page, int width)
{
    const double scale = width / layout.pageWidth;
    QImage image(width, int(layout.pageHeight * scale), QImage::Format_RGB32);
    image.fill(Qt::white);
    if (page < 0 || size_t(page) >= layout.pages.size())
        return image;
    QPainter p(&image);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.setPen(Qt::black);
    for (const PdfLine &line : layout.pages[size_t(page)]) {
        // The PDF's standard fonts: Helvetica, Helvetica-Bold, Courier (their metric twins when installed).
        QFont font(line.font == PdfLine::Mono ? QStringLiteral("Courier") : QStringLiteral("Helvetica"));
        font.setStyleHint(line.font == PdfLine::Mono ? QFont::Monospace : QFont::SansSerif);
        font.setBold(line.font == PdfLine::Bold);
        font.setPixelSize(std::max(1, int(line.size * scale + 0.5)));
        p.setFont(font);
        p.drawText(QPointF(line.x * scale, line.baseline * scale), meshscope::exporting::pdfShownText(line.text));
    }
    return image;
}

QImage svgImage(const QByteArray &svg, const QSize &maxSize)
{
    QSvgRenderer renderer(svg);
    if (!renderer.isValid())
        return {};
    QSizeF size = renderer.defaultSize();
    if (size.isEmpty())
        size = renderer.viewBoxF().size();
    if (size.isEmpty())
        return {};
    const QSize fitted = size.scaled(QSizeF(maxSize), Qt::KeepAspectRatio).toSize().expandedTo(QSize(1, 1));
    QImage image(fitted, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    renderer.render(&p);
    return image;
}

QString lineageSceneSvg(const LineageScene &scene)
{
    using namespace meshscope::exporting;
    constexpr double margin = 24;
    // Groups carry their label above the box: leave room for it.
    const QRectF bounds = scene.bounds.adjusted(-margin, -margin - 16, margin, margin);
    const QPointF shift = -bounds.topLeft();
    QString svg = svgStart(bounds.width(), bounds.height());
    for (const LineageScene::Group &g : scene.groups)
        svg += svgGroup(g.rect.translated(shift), g.label);
    for (const LineageScene::Edge &e : scene.edges) {
        std::vector<QPointF> points;
        points.reserve(e.points.size());
        for (const QPointF &p : e.points)
            points.push_back(p + shift);
        svg += svgEdge(points, e.highlighted ? scene.colours.highlight.name() : QStringLiteral("#6b7280"),
                       e.highlighted ? 2.5 : 1.5);
    }
    for (const LineageScene::Node &n : scene.nodes) {
        SvgNode node;
        node.id = n.id;
        node.rect = n.rect.translated(shift);
        node.label = n.label;
        node.detail = n.detail;
        node.dot = n.accent.name();
        node.bold = n.seed || n.selected;
        if (n.selected || n.seed) {
            node.fill = QStringLiteral("#dbeafe");
            node.stroke = QStringLiteral("#2563eb");
            node.strokeWidth = 2.5;
        } else if (n.failing) {
            node.stroke = scene.colours.failing.name();
            node.strokeWidth = 2;
        }
        svg += svgNode(node);
    }
    return svg + QStringLiteral("</svg>\n");
}

} // namespace exportrender
