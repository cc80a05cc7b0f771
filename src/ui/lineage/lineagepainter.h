#pragma once

#include "lineagescene.h"

class QPainter;

/// @brief Draws a LineageScene with QPainter: the PNG and SVG exports of what the canvas shows.
/// The painter's transform maps scene units to the output; `area` (scene units) is what to draw.
void paintLineageScene(QPainter &painter, const LineageScene &scene, const QRectF &area);
