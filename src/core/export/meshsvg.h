#pragma once

#include "domainmap/domainmap.h"

#include <QString>

/// SVG pictures of the mesh written as text (no Qt Gui/Svg needed, so the headless CLI and the HTML
/// bundle can make them): a product's one-hop neighbourhood laid out with the layout engine, and an
/// overview of the domains with their products coloured by health.
namespace meshscope::exporting {

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
