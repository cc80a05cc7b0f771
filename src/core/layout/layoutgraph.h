#pragma once

#include <QHash>
#include <QString>
#include <QtGlobal>

#include <vector>

/// A layered (Sugiyama) layout of directed graphs, left to right: lineage with thousands of nodes.
/// Plain C++ over int indices; QString ids appear only in these API types.
namespace meshscope::layout {

struct Point {
    double x = 0;
    double y = 0;
};

/// @brief One box to place. Width runs along the flow (x), height across it (y).
struct LayoutNode {
    QString id;
    double width = 180;
    double height = 40;
    /// Nodes sharing a group (e.g. a domain) stay contiguous in each layer, groups keep one order
    /// top to bottom and each gets a horizontal band of its own, so group boxes never overlap.
    /// Empty means no group (such nodes share one band, without a box).
    QString group;
};

/// @brief A directed edge by node index into LayoutGraph::nodes.
struct LayoutEdge {
    int source = -1;
    int target = -1;
};

struct LayoutGraph {
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
};

struct LayoutOptions {
    double layerSpacing = 80; ///< horizontal gap between the widest nodes of neighbouring layers
    double nodeSpacing = 24;  ///< vertical gap between two nodes of a layer
    double edgeSpacing = 8;   ///< vertical gap between edges passing through a layer
    double groupPadding = 12; ///< margin of a group's box around its members
    double groupSpacing = 24; ///< extra gap between neighbouring groups
    int maxSweeps = 24;       ///< bound on the crossing-reduction iterations

    /// The node the view is centred on, e.g. the one just expanded. With previous positions it
    /// is the fixed point: it keeps its previous position exactly and everything else follows.
    QString focus;
    /// Centres from an earlier layout, by node id. When given, layers and the order within each
    /// layer are seeded from them and kept for the nodes they name, and those nodes move as
    /// little as the new ones allow: expanding a node does not reshuffle the picture.
    QHash<QString, Point> previous;
};

/// @brief A group's bounding box, centre and size like the nodes.
struct GroupBox {
    QString group;
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
};

struct LayoutResult {
    std::vector<Point> centres;             ///< per input node
    std::vector<std::vector<Point>> routes; ///< per input edge, from its source to its target
    std::vector<GroupBox> groups;           ///< one per non-empty group name, sorted by name
    qint64 crossings = 0;                   ///< edge crossings between neighbouring layers
    int layerCount = 0;
    int dummyCount = 0;       ///< bend points added for edges spanning several layers
    int reversedEdges = 0;    ///< edges drawn against the flow to break cycles
    double width = 0;         ///< extent of the drawing
    double height = 0;
    qint64 millis = 0;
};

/// @brief Lays out `graph`. Edges with an out-of-range end are ignored (their route is empty);
/// self-loops get a small loop on the node's right side.
LayoutResult computeLayout(const LayoutGraph &graph, const LayoutOptions &options = {});

} // namespace meshscope::layout
