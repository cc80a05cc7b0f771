#pragma once

#include "lineagescene.h"

#include <QRectF>

class GlyphAtlas;
class QSGNode;
class QSGTexture;

/// @brief What a build produced, for tests and the benchmark.
struct SceneGraphStats {
    int geometryNodes = 0;
    int vertices = 0;
    int nodesDrawn = 0;  ///< lineage nodes inside the area
    int edgesDrawn = 0;
    int edgeSegments = 0; ///< lines drawn for edges; far out, one per bundle (block pair) or grid segment
    int groupsDrawn = 0;
    int labelsDrawn = 0; ///< text runs (node labels, details, counters, group titles)
    int glyphs = 0;
};

/// @brief Turns a LineageScene into a few batched QSGGeometryNodes, without a window: the canvas calls
/// it from updatePaintNode, tests call it directly and count what it made.
///
/// Culling: only items meeting `area` (scene units, the viewport plus a margin) are built. Level of detail
/// by `scale` (pixels per scene unit): labels only where the text would be readable, node borders and
/// badges only where a node is a few pixels tall; below that, touching nodes of a column merge into blocks
/// and edges between blocks into one line per block pair, wider the more edges it stands for. Geometry is chunked below 65,535 vertices so that
/// 16-bit indices and batching hold. Drawing order: group boxes, edges, highlighted edges, nodes, text.
class SceneGraphBuilder {
public:
    struct Request {
        QRectF area;
        qreal scale = 1;
        const GlyphAtlas *atlas = nullptr; ///< no text without one
        QSGTexture *glyphTexture = nullptr; ///< the atlas uploaded; may be null in tests
        bool mergeFarEdges = true; ///< off only to measure what merging saves (benchmark)
    };

    static constexpr int kMaxVertices = 65000;
    /// Text smaller than this many pixels is not drawn.
    static constexpr qreal kMinTextPixels = 6.5;
    static constexpr qreal kLabelSize = 14;  ///< label text height in scene units
    static constexpr qreal kDetailSize = 11;
    static constexpr qreal kCounterSize = 10; ///< the "+N" of a node's hidden neighbours
    /// Far out, edges with an end outside the drawn blocks are snapped to a grid this many pixels wide.
    static constexpr qreal kEdgeGridPixels = 3;

    /// A new node tree (the caller owns it) with everything of `scene` that meets the area.
    static QSGNode *build(const LineageScene &scene, const Request &request, SceneGraphStats *stats = nullptr);
};
