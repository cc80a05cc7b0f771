pragma ComponentBehavior: Bound
import QtQuick
import Meshscope

// A list row that highlights on hover and reports clicks: the part of ItemDelegate the Domains panels
// need (Fusion's ItemDelegate logs "Component is not ready" for every instance on Qt 6.4 here).
Rectangle {
    id: row

    property Item contentItem
    property real leftPadding: Theme.spacing
    property real rightPadding: Theme.spacing
    property real topPadding: 4
    property real bottomPadding: 4
    signal clicked()

    implicitHeight: (contentItem ? contentItem.implicitHeight : 0) + topPadding + bottomPadding
    color: hover.hovered ? Theme.surfaceAlt : "transparent"
    radius: 3

    onContentItemChanged: {
        if (!contentItem)
            return
        contentItem.parent = row
        contentItem.x = Qt.binding(() => row.leftPadding)
        contentItem.y = Qt.binding(() => row.topPadding)
        contentItem.width = Qt.binding(() => row.width - row.leftPadding - row.rightPadding)
    }

    HoverHandler { id: hover; cursorShape: Qt.PointingHandCursor }
    TapHandler { onTapped: row.clicked() }
}
