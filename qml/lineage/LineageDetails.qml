pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// The selected node: what it is, its badges, how much of its neighbourhood is shown, and what to do next.
Pane {
    id: panel

    required property LineageController controller
    property bool pathMode: false
    readonly property var node: controller.selected
    readonly property bool hasNode: node.id !== undefined

    signal pathModeRequested()
    signal centerRequested(string id)
    signal exportImpactedRequested()

    padding: Theme.margin
    background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            visible: !panel.hasNode
            wrapMode: Text.WordWrap
            color: Theme.textMuted
            text: qsTr("Click a node to see its details, expand its neighbours or trace its impact. Double-click opens the graph from it. Drag to pan, wheel or +/− to zoom, 0 fits, Alt+arrows walk to neighbours, Enter opens.")
        }

        Label {
            Layout.fillWidth: true
            visible: panel.hasNode
            text: panel.node.label || ""
            font.pointSize: Theme.fontHeading
            font.bold: true
            color: Theme.text
            wrapMode: Text.WrapAnywhere
        }
        Label {
            Layout.fillWidth: true
            visible: panel.hasNode
            text: (panel.node.kind || "") + (panel.node.domain ? " · " + panel.node.domain : "")
                  + (panel.node.owner ? " · " + panel.node.owner : "")
            color: Theme.textMuted
            wrapMode: Text.WordWrap
        }
        TextEdit {
            Layout.fillWidth: true
            visible: panel.hasNode
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.WrapAnywhere
            text: panel.node.id || ""
            color: Theme.textMuted
            font.pointSize: Theme.fontSmall
        }

        Flow {
            Layout.fillWidth: true
            visible: panel.hasNode
            spacing: 4
            Repeater {
                model: {
                    const n = panel.node
                    const out = []
                    if (n.failingChecks > 0)
                        out.push([Theme.error, qsTr("%1 of %2 checks failing").arg(n.failingChecks).arg(n.checks)])
                    else if (n.checks > 0)
                        out.push([Theme.ok, qsTr("%1 checks passing").arg(n.checks)])
                    if (n.stale)
                        out.push([Theme.warning, n.lastLoaded ? qsTr("stale since %1").arg(n.lastLoaded) : qsTr("stale")])
                    if (n.contractStatus)
                        out.push([n.contractStatus === "missing" ? Theme.textMuted : Theme.accent,
                                  n.contractStatus === "missing" ? qsTr("no contract") : qsTr("contract %1").arg(n.contractStatus)])
                    if (n.breakingProposals > 0)
                        out.push(["#8e3cc8", qsTr("breaking proposal")])
                    return out
                }
                delegate: Rectangle {
                    required property var modelData
                    radius: 3
                    color: modelData[0]
                    implicitWidth: badge.implicitWidth + 10
                    implicitHeight: badge.implicitHeight + 4
                    Label { id: badge; anchors.centerIn: parent; text: parent.modelData[1]; color: "white"; font.pointSize: Theme.fontSmall }
                }
            }
        }

        GridLayout {
            Layout.fillWidth: true
            visible: panel.hasNode && panel.node.upstreamTotal !== undefined
            columns: 3
            columnSpacing: Theme.spacing
            // Direct neighbours shown of all direct neighbours; everything reachable is "in all".
            Label { text: qsTr("Upstream"); color: Theme.text }
            Label {
                objectName: "upstreamCount"
                Layout.fillWidth: true
                color: Theme.textMuted
                wrapMode: Text.WordWrap
                text: qsTr("%1 of %2 direct shown · %3 in all").arg(panel.node.upstreamShown).arg(panel.node.upstreamTotal)
                      .arg(panel.node.upstreamAll)
            }
            Button {
                text: panel.node.upstreamShown < panel.node.upstreamTotal ? qsTr("Expand") : qsTr("Collapse")
                enabled: panel.node.upstreamTotal > 0
                onClicked: panel.node.upstreamShown < panel.node.upstreamTotal
                           ? panel.controller.expandUpstream(panel.node.id) : panel.controller.collapseUpstream(panel.node.id)
            }
            Label { text: qsTr("Downstream"); color: Theme.text }
            Label {
                objectName: "downstreamCount"
                Layout.fillWidth: true
                color: Theme.textMuted
                wrapMode: Text.WordWrap
                text: qsTr("%1 of %2 direct shown · %3 in all").arg(panel.node.downstreamShown).arg(panel.node.downstreamTotal)
                      .arg(panel.node.impactedCount)
            }
            Button {
                text: panel.node.downstreamShown < panel.node.downstreamTotal ? qsTr("Expand") : qsTr("Collapse")
                enabled: panel.node.downstreamTotal > 0
                onClicked: panel.node.downstreamShown < panel.node.downstreamTotal
                           ? panel.controller.expandDownstream(panel.node.id) : panel.controller.collapseDownstream(panel.node.id)
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Button { text: qsTr("Full upstream"); onClicked: panel.controller.showFullUpstream() }
            Button { text: qsTr("Full downstream"); onClicked: panel.controller.showFullDownstream() }
        }

        Button {
            Layout.fillWidth: true
            visible: panel.hasNode
            text: qsTr("Open the graph from here")
            onClicked: panel.controller.openNode(panel.node.id)
        }
        Button {
            Layout.fillWidth: true
            visible: panel.hasNode
            checkable: true
            checked: panel.pathMode
            text: panel.controller.pathTargetId !== "" ? qsTr("Path to another node…") : qsTr("Highlight path to…")
            onClicked: panel.pathModeRequested()
        }
        Label {
            Layout.fillWidth: true
            visible: panel.hasNode
            wrapMode: Text.WordWrap
            color: Theme.text
            text: qsTr("%1 nodes downstream would be impacted by a change, %2 upstream feed it.")
                    .arg(panel.node.impactedCount || 0).arg(panel.node.upstreamAll || 0)
        }
        Button {
            Layout.fillWidth: true
            text: qsTr("Export impacted nodes (CSV)…")
            enabled: panel.controller.nodeCount > 0
            onClicked: panel.exportImpactedRequested()
        }
        Item { Layout.fillHeight: true }
    }
}
