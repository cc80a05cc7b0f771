#pragma once

#include "domainmap/domainmap.h"

#include <QRectF>
#include <QSizeF>

#include <vector>

/// A nested, squarified treemap of the domain map: one column per domain type (source-aligned,
/// aggregate, consumer-aligned, unknown: the direction data flows), domains inside as squarified
/// regions sized by their number of products, sub-domains nested in their parent, products as a grid
/// of equal tiles. Coordinates are world units; the view scales them.
namespace meshscope::domainmap {

struct TreemapStyle {
    double groupHeader = 24;  ///< band above each type column for its label
    double domainHeader = 18; ///< band at the top of a domain region for its name
    double padding = 3;       ///< between a region's edge and its content
    double gap = 4;           ///< between sibling regions
};

struct TreemapGroup {
    DomainType type = DomainType::Unknown;
    QRectF rect;   ///< the whole column
    QRectF header; ///< where its label goes
    int products = 0;
    int domains = 0;
};

struct TreemapLayout {
    QSizeF size;
    std::vector<TreemapGroup> groups;
    std::vector<QRectF> domainRects;   ///< by domain index: the region
    std::vector<QRectF> domainHeaders; ///< by domain index: its label band (empty when too small)
    std::vector<int> domainDepth;      ///< 0 for top level
    std::vector<QRectF> productRects;  ///< by product index: the tile's cell
    std::vector<double> tileSize;      ///< by domain index: side of its product cells (0 without products)

    /// Deepest domain whose region contains `p`, or -1.
    int domainAt(const QPointF &p) const;
    /// Product whose tile contains `p` (within that domain), or -1.
    int productAt(const DomainMap &map, const QPointF &p) const;
};

/// Squarified layout (Bruls, Huizing, van Wijk 2000) of `weights` (all > 0) in `rect`; rects in input order.
std::vector<QRectF> squarify(const std::vector<double> &weights, const QRectF &rect);

TreemapLayout layoutTreemap(const DomainMap &map, const QSizeF &size, const TreemapStyle &style = {});

} // namespace meshscope::domainmap
