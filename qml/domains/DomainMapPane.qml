pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// The map with its toolbar (where you are, zoom buttons), labels, tooltip and legend.
Rectangle {
    id: pane

    required property DomainMapController controller

    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 1
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spacing
            spacing: Theme.spacing

            // Where you are: "All domains › Payments", the first part a link back to the whole mesh.
            Label {
                textFormat: Text.StyledText
                text: pane.controller.focusedDomain === ""
                      ? qsTr("All domains")
                      : "<a href=\"all\">" + qsTr("All domains") + "</a>  ›  <b>"
                        + (pane.controller.domainInfo.name || "") + "</b>"
                linkColor: Theme.accent
                color: Theme.text
                font.pointSize: Theme.fontBody
                onLinkActivated: pane.controller.clearFocus()
                HoverHandler { cursorShape: parent.hoveredLink !== "" ? Qt.PointingHandCursor : Qt.ArrowCursor }
            }
            Label {
                visible: pane.controller.filterLabel !== ""
                text: "· " + pane.controller.filterLabel
                color: Theme.accent
                font.pointSize: Theme.fontBody
            }
            Item { Layout.fillWidth: true }
            Label {
                text: qsTr("%1 domains · %2 products · %3 cross-domain dependencies")
                      .arg(pane.controller.domainCount).arg(pane.controller.productCount).arg(pane.controller.dependencyCount)
                      + (pane.controller.dependencyCount > 40 ? qsTr(" · strongest drawn") : "")
                color: Theme.textMuted
                font.pointSize: Theme.fontSmall
                HoverHandler { id: countsHover }
                ToolTip.visible: countsHover.hovered
                ToolTip.text: pane.controller.countsHint
                ToolTip.delay: 400
            }
            ToolButton { text: "−"; onClicked: map.zoomBy(0.8); ToolTip.visible: hovered; ToolTip.text: qsTr("Zoom out (-)") }
            ToolButton { text: qsTr("Fit"); onClicked: map.fit(); ToolTip.visible: hovered; ToolTip.text: qsTr("Whole map (0)") }
            ToolButton { text: "+"; onClicked: map.zoomBy(1.25); ToolTip.visible: hovered; ToolTip.text: qsTr("Zoom in (+)") }
            ExportMenu {
                view: "domains"
                formats: [{ format: "png", label: qsTr("Map as PNG (as shown)…") },
                          { format: "svg", label: pane.controller.focusedDomain !== "" ? qsTr("Domain as SVG…") : qsTr("Map as SVG…") },
                          { format: "csv", label: pane.controller.focusedDomain !== "" ? qsTr("Domain's products as CSV…") : qsTr("Products as CSV…") }]
                context: () => ({ domain: pane.controller.focusedDomain })
                grabItem: mapArea
                imageName: pane.controller.focusedDomain !== "" ? "domains-" + pane.controller.focusedDomain : "domains"
                ready: !pane.controller.loading && !pane.controller.healthPending && pane.controller.domainCount > 0
            }
        }
        Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: Theme.border }

        Item {
            id: mapArea
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true

            DomainMapItem {
                id: map
                anchors.fill: parent
                controller: pane.controller
                dark: Theme.dark
                focus: true
                onDomainClicked: (id) => pane.controller.focusDomain(id)
                onProductClicked: (id) => pane.controller.openProduct(id)
                onCleared: pane.controller.clearFocus()
            }

            // Labels: the map item decides which fit at this zoom; they follow its pan and zoom here.
            Repeater {
                model: map.labels
                delegate: Label {
                    id: tag
                    required property string label
                    required property rect area
                    required property int kind
                    required property bool dimmed
                    required property bool onDark
                    readonly property real boxHeight: kind === MapLabelsModel.ProductLabel ? area.height * map.zoom
                                                                                           : Math.min(area.height * map.zoom, 22)
                    x: map.panX + area.x * map.zoom + 5
                    y: map.panY + area.y * map.zoom
                    width: Math.max(0, area.width * map.zoom - 10)
                    height: boxHeight
                    visible: width > 14 && height > 9
                    text: label
                    elide: Text.ElideRight
                    wrapMode: kind === MapLabelsModel.ProductLabel && boxHeight > 34 ? Text.WordWrap : Text.NoWrap
                    maximumLineCount: 2
                    verticalAlignment: Text.AlignVCenter
                    horizontalAlignment: kind === MapLabelsModel.ProductLabel ? Text.AlignHCenter : Text.AlignLeft
                    font.pixelSize: kind === MapLabelsModel.GroupLabel ? 12 : kind === MapLabelsModel.DomainLabel ? 11 : 10
                    font.bold: kind !== MapLabelsModel.ProductLabel
                    color: onDark ? "#ffffff" : (kind === MapLabelsModel.GroupLabel ? Theme.textMuted : "#1b2230")
                    opacity: dimmed ? 0.35 : 1
                }
            }

            Rectangle {
                id: tip
                visible: map.hoverText !== ""
                x: Math.min(map.hoverPos.x + 16, parent.width - width - 4)
                y: map.hoverPos.y + 18 + height > parent.height ? map.hoverPos.y - height - 8 : map.hoverPos.y + 18
                width: Math.min(tipText.implicitWidth + 16, 420)
                height: tipText.implicitHeight + 12
                color: Theme.surface
                border.color: Theme.border
                radius: 4
                Label {
                    id: tipText
                    anchors.fill: parent
                    anchors.margins: 6
                    anchors.leftMargin: 8
                    text: map.hoverText
                    color: Theme.text
                    wrapMode: Text.Wrap
                    font.pointSize: Theme.fontSmall
                }
            }

        }
        Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: Theme.border }
        MapLegend {
            Layout.fillWidth: true
            map: map
            controller: pane.controller
        }
    }
}
