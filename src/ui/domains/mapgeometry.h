#pragma once

#include "domainmap/domainmap.h"
#include "domainmap/treemap.h"

#include <QColor>
#include <QPointF>
#include <QSet>

#include <vector>

/// Triangles for the domain map, in world coordinates, split into chunks small enough for 16-bit
/// indices (so the scene graph batches them). Pure data: the item turns chunks into nodes, tests
/// count vertices without rendering.
namespace domainsview {

struct ColoredVertex {
    float x, y;
    unsigned char r, g, b, a;
};

struct GeometryChunk {
    std::vector<ColoredVertex> vertices;
    std::vector<quint16> indices;
};

/// Appends quads and triangles, starting a new chunk before one would pass 65,535 vertices.
class ChunkedMesh {
public:
    static constexpr size_t kMaxVertices = 65000;
    void rect(const QRectF &r, const QColor &c);
    /// A quad from four corners in order.
    void quad(const QPointF &a, const QPointF &b, const QPointF &c, const QPointF &d, const QColor &color);
    void triangle(const QPointF &a, const QPointF &b, const QPointF &c, const QColor &color);
    const std::vector<GeometryChunk> &chunks() const { return m_chunks; }
    size_t vertexCount() const;

private:
    GeometryChunk &room(size_t vertices);
    std::vector<GeometryChunk> m_chunks;
};

struct MapPalette {
    QColor background, column, columnText;
    QColor region[4], header[4]; ///< by DomainType
    QColor health[4];            ///< by Health
    QColor edge, edgeFocused, outline, hover;
    static MapPalette make(bool dark);
};

/// What the picture depends on besides the data.
struct MapViewState {
    double zoom = 1;
    int focused = -1;              ///< domain index or -1
    const QSet<int> *lit = nullptr; ///< products lit by a filter (others dimmed) when non-empty
    int hoveredDomain = -1;
    int hoveredEdge = -1;
};

/// Screen size (px) below which a domain's products are drawn as one block of health stripes.
constexpr double kMinTilePixels = 2.5;

struct MapMeshes {
    ChunkedMesh regions; ///< type columns, domain regions and header bands
    ChunkedMesh tiles;   ///< product tiles, or health stripes where tiles would be sub-pixel
    ChunkedMesh overlay; ///< dependency edges, arrowheads, focus and hover outlines
    int detailedDomains = 0;   ///< domains drawn tile by tile
    int aggregatedDomains = 0; ///< domains drawn as health stripes
};

/// The sampled curve of each domain edge (world coordinates), shared by drawing and picking.
std::vector<std::vector<QPointF>> edgeCurves(const meshscope::domainmap::DomainMap &map,
                                              const meshscope::domainmap::TreemapLayout &layout);
/// Edge stroke width in screen pixels for `count` product dependencies, `maxCount` being the largest.
double edgeWidthPixels(int count, int maxCount);
/// Most edges the whole-mesh view draws (the strongest); a focused domain shows all of its own.
constexpr size_t kOverviewEdges = 40;
/// Most edges a focused domain shows (its strongest, in and out).
constexpr size_t kFocusEdges = 60;
/// Which domain edges are drawn (and can be picked): the kOverviewEdges strongest, or with a focused
/// domain the kFocusEdges strongest touching it, so 50 domains with hundreds of dependencies stay readable.
std::vector<bool> visibleEdges(const meshscope::domainmap::DomainMap &map, int focused);
int maxEdgeCount(const meshscope::domainmap::DomainMap &map);

MapMeshes buildMapMeshes(const meshscope::domainmap::DomainMap &map, const meshscope::domainmap::TreemapLayout &layout,
                         const std::vector<std::vector<QPointF>> &curves, const MapViewState &view,
                         const MapPalette &palette);

/// True when domain `d` is `ancestor` or nested in it.
bool isWithin(const meshscope::domainmap::DomainMap &map, int d, int ancestor);

} // namespace domainsview
