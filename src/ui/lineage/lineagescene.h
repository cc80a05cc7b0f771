#pragma once

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <memory>
#include <vector>

/// @brief A laid-out lineage picture in scene units, ready to draw: what the canvas and the exporters
/// share. Plain data; the controller builds it, the scene-graph builder and the painter read it.
struct LineageScene {
    struct Node {
        QString id;
        QRectF rect;
        QString label;
        QString detail;    ///< second line: kind · domain
        QColor accent;     ///< domain colour (left stripe)
        bool seed = false; ///< a start node
        bool dimmed = false;
        bool highlighted = false; ///< on the selected node's paths
        bool selected = false;
        bool failing = false; ///< failing quality checks
        bool stale = false;
        bool breaking = false;        ///< a breaking contract proposal
        bool contractMissing = false; ///< an output without contract
        QString moreUp;   ///< e.g. "+3" when upstream neighbours are hidden
        QString moreDown;
    };
    struct Edge {
        std::vector<QPointF> points; ///< polyline from source to target
        int source = -1;             ///< index into nodes
        int target = -1;
        bool dimmed = false;
        bool highlighted = false;
    };
    struct Group {
        QRectF rect;
        QString label;
        QColor colour;
    };
    struct Colours {
        QColor background{0xf4, 0xf5, 0xf8};
        QColor nodeFill{0xff, 0xff, 0xff};
        QColor nodeBorder{0xb8, 0xc0, 0xcc};
        QColor text{0x1b, 0x22, 0x30};
        QColor textMuted{0x58, 0x62, 0x74};
        QColor edge{0x8a, 0x94, 0xa6};
        QColor highlight{0x24, 0x59, 0xd6};
        QColor failing{0xc5, 0x30, 0x30};
        QColor stale{0xb0, 0x7d, 0x00};
        QColor breaking{0x8e, 0x3c, 0xc8};
    };

    std::vector<Node> nodes;
    std::vector<Edge> edges;
    std::vector<Group> groups;
    Colours colours;
    QRectF bounds;
    /// Bumped on every change, so the canvas knows its geometry is out of date.
    quint64 revision = 0;

    /// Index of the node at `p` (scene units), -1 for none. Linear: the canvas keeps a grid for speed.
    int nodeAt(QPointF p) const;
    int indexOf(const QString &id) const;
    /// For keyboard navigation from node `from`: "upstream"/"downstream" give the neighbour across an
    /// edge nearest in height, "above"/"below" the next node in the same column. -1 when there is none.
    int neighbour(int from, const QString &direction) const;
};

using LineageScenePtr = std::shared_ptr<const LineageScene>;
