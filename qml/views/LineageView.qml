pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// The lineage graph around one node: depth, level, filters and expansion in the toolbar and the details
// panel, the picture in one LineageCanvas (scene graph, not an item per node), a minimap in its corner.
AreaPage {
    id: page

    /// The id asked for by AppController.open / --select, kept until the cache can show it.
    property string requestedId
    /// While on, a click on a node highlights the paths between it and the selected node.
    property bool pathMode: false
    property string lastHit

    title: qsTr("Lineage")
    subtitle: qsTr("Where data comes from and what breaks if it changes, at product, dataset, column and metric level")
    icon: "lineage"
    emptyHeading: qsTr("The lineage graph is not built yet")
    emptyBody: qsTr("The datasets and edges come from dbt manifests and OpenLineage events. Search finds datasets and columns with Ctrl+K.")

    function start() {
        if (AppController.syncing && (AppController.counts.files || 0) === 0)
            return
        if (page.requestedId !== "")
            lineage.openNode(page.requestedId)
        else if (lineage.rootId === "")
            lineage.openSuggested() // picked on the worker thread: the GUI never reads the whole graph
        else
            lineage.reload()
    }

    function exportTo(kind) { toolbar.exportAs(kind) }

    LineageController {
        id: lineage
        objectName: "lineageController"
        cachePath: AppController.cachePath
        dark: Theme.dark
    }

    // Screenshots wait while the graph is loaded and laid out on the worker thread.
    Binding {
        target: page.ApplicationWindow.window
        property: "lineageBusy"
        value: lineage.busy
        when: page.ApplicationWindow.window !== null && lineage.busy
        restoreMode: Binding.RestoreBindingOrValue
    }

    /// AppController.open("lineage", id): the graph around that node.
    function openItem(id: string) {
        page.requestedId = id
        lineage.openNode(id)
    }

    Connections {
        target: AppController
        function onSyncFinished() {
            lineage.forgetGraph()
            page.start()
        }
    }
    // Later, so that an id handed over as the view is created (AreaLoader.onLoaded) is opened instead of
    // a suggested start node being loaded first.
    Component.onCompleted: Qt.callLater(() => { if (page.requestedId === "") page.start() })

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        visible: !page.cacheEmpty

        LineageToolbar {
            id: toolbar
            Layout.fillWidth: true
            controller: lineage
            canvas: canvas
            onFitRequested: canvas.fitToView()
            onSearchRequested: (text) => {
                const id = lineage.findNode(text, page.lastHit)
                page.lastHit = id
                if (id !== "") {
                    lineage.selectedId = id
                    canvas.centerOn(id)
                }
                status.text = id !== "" ? "" : qsTr("No node matching \"%1\" in view").arg(text)
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: Theme.surface
                border.color: Theme.border
                radius: Theme.radius

                LineageCanvas {
                    id: canvas
                    objectName: "viewContent"
                    anchors.fill: parent
                    anchors.margins: 1
                    clip: true // a panned graph stays inside its frame (a scissor: costs nothing per pixel)
                    controller: lineage
                    focus: true
                    onNodeClicked: (id) => {
                        if (page.pathMode && id !== "" && lineage.selectedId !== "") {
                            lineage.pathTargetId = id
                            page.pathMode = false
                        } else if (lineage.level === "column" && id !== "") {
                            lineage.traceNode(id) // a column's whole trace, the rest dimmed
                        } else {
                            lineage.selectedId = id
                        }
                    }
                    onNodeDoubleClicked: (id) => lineage.openNode(id)
                    // The node under the pointer in words: its badges and what its "+N" pills mean.
                    HoverHandler { id: canvasHover }
                    ToolTip.visible: canvasHover.hovered && canvas.hoverHint !== ""
                    ToolTip.delay: 500
                    ToolTip.text: canvas.hoverHint
                    readonly property string hoverHint: {
                        lineage.selectedId // re-read when the picture's styles change
                        const p = canvasHover.point.position
                        return canvasHover.hovered ? lineage.nodeHint(canvas.nodeAt(p.x, p.y)) : ""
                    }
                    Keys.onEscapePressed: { page.pathMode = false; lineage.selectedId = "" }
                    // Alt+arrows walk the graph: left/right to an upstream/downstream neighbour, up/down in the column.
                    Keys.onPressed: (event) => {
                        if (!(event.modifiers & Qt.AltModifier))
                            return
                        const direction = { [Qt.Key_Left]: "upstream", [Qt.Key_Right]: "downstream",
                                            [Qt.Key_Up]: "above", [Qt.Key_Down]: "below" }[event.key]
                        if (direction === undefined)
                            return
                        const id = lineage.neighbourOf(lineage.selectedId, direction)
                        if (id !== "") {
                            lineage.selectedId = id
                            canvas.centerOn(id)
                        }
                        event.accepted = true
                    }
                    Keys.onReturnPressed: if (lineage.selectedId !== "") lineage.openNode(lineage.selectedId)
                }

                Label {
                    anchors.centerIn: parent
                    width: parent.width * 0.6
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    visible: lineage.nodeCount === 0 && !lineage.busy
                    color: Theme.textMuted
                    text: lineage.message !== "" ? lineage.message
                                                 : qsTr("Open a dataset or product from search (Ctrl+K) to see its lineage.")
                }

                // Loading and laying out run on a worker; the old picture stays usable meanwhile.
                Row {
                    anchors.top: parent.top
                    anchors.right: parent.right
                    anchors.margins: Theme.spacing
                    spacing: Theme.spacing / 2
                    visible: lineage.busy
                    BusyIndicator {
                        running: lineage.busy
                        width: 28
                        height: 28
                    }
                    Label {
                        anchors.verticalCenter: parent.verticalCenter
                        color: Theme.textMuted
                        text: qsTr("Laying out the graph…")
                    }
                }

                LineageLegend {
                    anchors.left: parent.left
                    anchors.bottom: parent.bottom
                    anchors.margins: Theme.spacing
                    visible: lineage.nodeCount > 0
                    shown: lineage.nodeCount
                    edges: lineage.edgeCount
                    total: lineage.totalNodes
                    level: lineage.level
                }

                LineageMinimap {
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    anchors.margins: Theme.spacing
                    width: 220
                    height: 140
                    visible: lineage.nodeCount > 8
                    controller: lineage
                    view: canvas
                }

                Label {
                    id: status
                    anchors.top: parent.top
                    anchors.horizontalCenter: parent.horizontalCenter
                    anchors.topMargin: Theme.spacing
                    visible: text !== "" || page.pathMode
                    width: Math.min(implicitWidth, parent.width - 2 * Theme.spacing)
                    wrapMode: Text.WordWrap
                    horizontalAlignment: Text.AlignHCenter
                    textFormat: Text.PlainText // node names come from documents
                    color: Theme.textMuted
                    // With boxes drawn, the controller's message explains them (e.g. a column with no column
                    // lineage); without, the centred label above says it.
                    text: page.pathMode ? qsTr("Click a second node to highlight the paths between them (Esc cancels)")
                                        : (lineage.nodeCount > 0 ? lineage.message : "")
                }
            }

            LineageDetails {
                Layout.preferredWidth: 300
                Layout.fillHeight: true
                controller: lineage
                pathMode: page.pathMode
                onPathModeRequested: page.pathMode = true
                onCenterRequested: (id) => canvas.centerOn(id)
                onExportImpactedRequested: page.exportTo("csv")
            }
        }
    }
}
