pragma ComponentBehavior: Bound
import QtQuick
import Meshscope
import Meshscope.Backend

// The whole graph small, with the main view's area outlined; click or drag to move the view there.
Rectangle {
    id: map

    required property LineageController controller
    required property LineageCanvas view

    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    LineageCanvas {
        id: small
        anchors.fill: parent
        anchors.margins: 4
        controller: map.controller
        autoFit: true
        clip: true
    }
    Rectangle {
        readonly property rect area: small.zoom, small.sceneToItem(map.view.visibleArea)
        x: small.x + Math.max(0, area.x)
        y: small.y + Math.max(0, area.y)
        width: Math.min(small.width - Math.max(0, area.x), area.width + Math.min(0, area.x))
        height: Math.min(small.height - Math.max(0, area.y), area.height + Math.min(0, area.y))
        color: "transparent"
        border.color: Theme.accent
        border.width: 2
    }
    MouseArea {
        anchors.fill: parent
        function moveTo(mouse) {
            const p = small.itemToScene(mouse.x - small.x, mouse.y - small.y)
            map.view.centerOnScenePoint(p.x, p.y)
        }
        onPressed: (mouse) => moveTo(mouse)
        onPositionChanged: (mouse) => moveTo(mouse)
    }
}
