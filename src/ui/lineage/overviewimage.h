#pragma once

#include "lineagescene.h"

#include <QImage>

/// @brief The far-out picture of a whole big LineageScene as one image, drawn with QPainter off the GUI
/// thread. At overview zoom the canvas shows it as one textured quad instead of ~15,000 edge lines and
/// thousands of node blocks: a software rasteriser (llvmpipe, what CI and many VMs have) pays per
/// primitive and per pixel touched, so one quad keeps panning and zooming at the overview under 16 ms
/// whatever the graph's size. Same level of detail as SceneGraphBuilder far out: group boxes, node blocks
/// in their domain colour, one-pixel edges, highlighted paths on top; no text.
struct OverviewImage {
    /// A piece of the image: textures stay below kMaxTileSide on a side (lineage graphs are often
    /// much taller than wide: few hops, many nodes per hop).
    struct Tile {
        QImage image; ///< opaque RGB32
        QRectF area;  ///< scene rectangle it covers
    };
    std::vector<Tile> tiles; ///< empty when the scene is too small to need an image
    qreal scale = 0;         ///< image pixels per scene unit

    bool isNull() const { return tiles.empty(); }

    /// Most pixels of the whole image: memory (4 bytes a pixel, plus mipmaps on the GPU) against how far
    /// in the image stays sharp.
    static constexpr qreal kMaxPixels = 6e6;
    static constexpr int kMaxTileSide = 4096;
    /// Below this many nodes plus edges the geometry is cheap enough and sharper: no image.
    static constexpr int kMinItems = 2000;

    /// True when `scene` is big enough for an overview image.
    static bool wanted(const LineageScene &scene);
    /// Pixels per scene unit the image of `scene` is drawn at: as sharp as kMaxSide allows, but never
    /// finer than the zoom at which the canvas leaves the far-out level of detail (`maxScale`) and, when
    /// `maxSide` > 0, no side longer than that (a minimap).
    static qreal scaleFor(const LineageScene &scene, qreal maxScale, qreal maxSide = 0);
    /// Draws the whole scene at `scale`; thread-safe (reads only `scene`).
    static OverviewImage render(const LineageScene &scene, qreal scale);
};
