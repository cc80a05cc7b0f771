pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// The Quality area: whether the mesh keeps its promises (SLOs against run events and check results)
// and how it scores against its governance policies; the mesh, a domain or a product.
Pane {
    id: view

    padding: Theme.margin * 1.5
    background: Rectangle { color: Theme.background }

    // While a sync runs the cache is half written: the first load waits for it (syncFinished). The app
    // starts its sync right after loading the QML, so the check runs once the event loop is up.
    QualityDashboard {
        id: board
    }
    Timer {
        interval: 100
        running: true
        onTriggered: if (!AppController.syncing && board.productCount === 0 && !board.loading) board.reload()
    }

    // `--select ID` and links reach this view before the first load may be done: the dashboard keeps
    // the id and resolves it once the data is there.
    /// AppController.open("quality", id): the dashboard of a product or domain.
    function openItem(id: string) { board.select(id) }

    Connections {
        target: AppController
        function onSyncFinished() { board.reload() }
    }
    // QtCharts renders a ChartView's scene on a later frame than the one its series changed in, so
    // the view stays busy a moment after new data arrives: a screenshot then shows the charts drawn.
    Timer {
        id: settle
        interval: 600
    }
    Connections {
        target: board
        function onDataChanged() { settle.restart() }
        function onSelectionChanged() { settle.restart() }
    }
    // Set by hand, not by a Binding: the attached ApplicationWindow.window is still null while the view
    // is created, and a Binding on a null target never applies.
    readonly property bool working: board.loading || settle.running
                                    || (AppController.syncing && board.productCount === 0)
    onWorkingChanged: markBusy()
    Component.onCompleted: markBusy()
    function markBusy() {
        const w = view.ApplicationWindow.window
        if (w)
            w.busy = view.working
    }

    Shortcut { sequence: "Ctrl+Backspace"; enabled: view.visible; onActivated: view.up() }
    Shortcut { sequence: "Ctrl+Shift+N"; enabled: view.visible; onActivated: board.asOfNow = !board.asOfNow }

    function up() {
        if (board.selectionKind === "product")
            board.select(board.detail.domain || "")
        else
            board.select("")
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.margin

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.margin
            ViewHeader {
                Layout.fillWidth: true
                title: qsTr("Quality")
                subtitle: qsTr("Whether the mesh keeps its promises: freshness, availability, quality checks and governance")
            }
            ColumnLayout {
                spacing: 0
                Switch {
                    id: nowSwitch
                    Layout.alignment: Qt.AlignRight
                    text: qsTr("Evaluate as of now")
                    checked: board.asOfNow
                    onToggled: board.asOfNow = checked
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Off: as of the newest evidence in the cache (how things stood at sync time). Ctrl+Shift+N")
                }
                Label {
                    Layout.alignment: Qt.AlignRight
                    text: board.asOf.getTime ? qsTr("as of %1 UTC").arg(Qt.formatDateTime(board.asOf, "yyyy-MM-dd hh:mm")) : ""
                    color: Theme.textMuted
                    font.pointSize: Theme.fontSmall
                }
            }
        }

        // Where we are: Mesh › domain › product.
        RowLayout {
            Layout.fillWidth: true
            spacing: 4
            Repeater {
                model: {
                    const crumbs = [{ label: qsTr("Mesh"), id: "" }]
                    if (board.selectionKind === "domain")
                        crumbs.push({ label: board.detail.name, id: board.selection })
                    if (board.selectionKind === "product") {
                        crumbs.push({ label: board.detail.domain, id: board.detail.domain })
                        crumbs.push({ label: board.detail.name, id: board.selection })
                    }
                    return crumbs
                }
                delegate: Label {
                    id: crumb
                    required property var modelData
                    required property int index
                    text: (index > 0 ? "›  " : "") + modelData.label
                    color: crumbMouse.containsMouse ? Theme.accent : Theme.text
                    font.pointSize: Theme.fontBody
                    font.bold: modelData.id === board.selection
                    MouseArea {
                        id: crumbMouse
                        anchors.fill: parent
                        hoverEnabled: true
                        cursorShape: Qt.PointingHandCursor
                        onClicked: board.select(crumb.modelData.id)
                    }
                }
            }
            Item { Layout.fillWidth: true }
            Label {
                visible: board.error !== ""
                text: board.error
                color: Theme.error
                font.pointSize: Theme.fontSmall
            }
            ExportMenu {
                view: "quality"
                formats: [{ format: "pdf", label: qsTr("Dashboard as PDF…") },
                          { format: "csv", label: qsTr("Violations as CSV…") }]
                context: () => ({ scope: board.selectionKind === "mesh" ? "" : board.selection })
                ready: !view.working && ["mesh", "domain", "product"].indexOf(board.selectionKind) >= 0
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.margin

            OffenderList {
                Layout.preferredWidth: 330
                Layout.fillHeight: true
                dashboard: board
            }

            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: ["mesh", "domain", "product"].indexOf(board.selectionKind) >= 0
                              ? ["mesh", "domain", "product"].indexOf(board.selectionKind) : 3

                MeshOverview {
                    dashboard: board
                    onKpiClicked: (key) => {
                        const products = board.products
                        products.problemsOnly = key !== "domains" && key !== "perDomain" && key !== "consumers" && key !== "crossDomain"
                        products.sortKey = key === "governance" ? "score" : key === "failing" || key === "quality" ? "checks" : "worst"
                    }
                }
                DomainDashboard { dashboard: board }
                ProductDashboard { dashboard: board }
                EmptyState {
                    icon: "quality"
                    heading: board.selectionKind === "loading" ? qsTr("Loading…") : qsTr("Not in the cache")
                    body: qsTr("'%1' is neither a domain nor a data product in the cache.").arg(board.selection)
                    actionText: qsTr("Show the mesh")
                    onActionTriggered: board.select("")
                }
            }
        }
    }
}
