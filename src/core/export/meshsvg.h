#pragma once

#include "domainmap/domainmap.h"

#include <QPointF>
#include <QRectF>
#include <QString>

#include <vector>

/// SVG pictures of the mesh written as text (no Qt Gui/Svg needed, so the headless CLI and the HTML
/// bundle can make them): a product's one-hop neighbourhood laid out with the layout engine, and an
/// overview of the domains with their products coloured by health.
namespace meshscope::exporting {

/// One box of a graph picture: a node with a coloured dot, its label and an optional second line.
struct SvgNode {
    QString id; ///< the element's <title> (a tooltip in browsers)
    QRectF rect;
    QString label;
    QString detail;
    QString dot;                      ///< colour of the dot before the label
    QString fill = QStringLiteral("#ffffff");
    QString stroke = QStringLiteral("#9ca3af");
    double strokeWidth = 1;
    bool bold = false;
    QString link; ///< when not empty, the node is a link there
};

/// The building blocks of graph pictures, shared by the product neighbourhood below and the lineage
/// view's export of what it shows: the document start (close it with "</svg>\n"), a domain box, an
/// edge with an arrow head, a node (class="node", so readers can count them).
QString svgStart(double width, double height);
QString svgGroup(const QRectF &rect, const QString &label);
QString svgEdge(const std::vector<QPointF> &points, const QString &colour = QStringLiteral("#6b7280"),
                double width = 1.5);
QString svgNode(const SvgNode &node);

/// Fill colour used for a product of this health (the same in SVG and CSS).
QString healthColour(domainmap::Health health);

/// The product `product` (index into map.products) with its direct upstream and downstream products,
/// left to right, grouped by domain. `linkPrefix`, when not empty, makes every node a link to
/// `linkPrefix + safeFileStem(id) + ".html"` (for the HTML bundle).
QString productNeighbourhoodSvg(const domainmap::DomainMap &map, int product, const QString &linkPrefix = {});

/// Every domain as a box listing its own products (a dot per product in its health colour), in
/// columns; `domain` >= 0 limits it to that domain and its sub-domains.
QString domainMapSvg(const domainmap::DomainMap &map, int domain = -1);

} // namespace meshscope::exporting
