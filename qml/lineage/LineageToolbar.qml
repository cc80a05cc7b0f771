pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// Level, depth, grouping, filters, search and export for the lineage view. Two rows when one does not
// fit (a 1280 px window): a RowLayout keeps items that do not fill at their preferred width and would
// push the whole view, details panel included, past the window's edge.
GridLayout {
    id: bar

    required property LineageController controller
    /// The canvas a PNG export grabs.
    property Item canvas

    signal fitRequested()
    signal searchRequested(string text)

    /// Starts the export of `format` ("png", "svg", "csv") as the menu would.
    function exportAs(format: string) { exportMenu.start(format) }

    columns: width >= view.implicitWidth + columnSpacing + actions.minimumWidth ? 2 : 1
    columnSpacing: Theme.spacing
    rowSpacing: Theme.spacing / 2

    // Boxes shrink from their preferred width down to 80-90 px before anything leaves the window.
    RowLayout {
        id: view
        spacing: Theme.spacing
        Layout.fillWidth: bar.columns === 1

        ComboBox {
            id: levelBox
            model: [qsTr("Products"), qsTr("Datasets"), qsTr("Columns"), qsTr("Metrics")]
            readonly property var keys: ["product", "dataset", "column", "metric"]
            currentIndex: keys.indexOf(bar.controller.level)
            onActivated: (index) => bar.controller.level = keys[index]
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Level of the graph")
            Layout.preferredWidth: implicitWidth
            Layout.maximumWidth: implicitWidth
            Layout.minimumWidth: 90
            Layout.fillWidth: true
        }

        Label { text: qsTr("Up"); color: Theme.textMuted }
        SpinBox {
            id: upBox
            from: -1; to: 20
            value: bar.controller.up
            editable: false
            textFromValue: (v) => v < 0 ? qsTr("all") : String(v)
            onValueModified: bar.controller.up = value
            Layout.preferredWidth: 110
            Layout.maximumWidth: 110
            Layout.minimumWidth: 80
            Layout.fillWidth: true
        }
        Label { text: qsTr("Down"); color: Theme.textMuted }
        SpinBox {
            from: -1; to: 20
            value: bar.controller.down
            editable: false
            textFromValue: (v) => v < 0 ? qsTr("all") : String(v)
            onValueModified: bar.controller.down = value
            Layout.preferredWidth: 110
            Layout.maximumWidth: 110
            Layout.minimumWidth: 80
            Layout.fillWidth: true
        }

        CheckBox {
            text: qsTr("Group by domain")
            checked: bar.controller.groupByDomain
            onToggled: bar.controller.groupByDomain = checked
        }

        ComboBox {
            model: [qsTr("All domains")].concat(bar.controller.domains)
            currentIndex: Math.max(0, bar.controller.domains.indexOf(bar.controller.domainFilter) + 1)
            onActivated: (index) => bar.controller.domainFilter = index === 0 ? "" : bar.controller.domains[index - 1]
            Layout.preferredWidth: 150
            Layout.maximumWidth: 150
            Layout.minimumWidth: 80
            Layout.fillWidth: true
        }
        ComboBox {
            model: [qsTr("All kinds")].concat(bar.controller.kinds)
            currentIndex: Math.max(0, bar.controller.kinds.indexOf(bar.controller.kindFilter) + 1)
            onActivated: (index) => bar.controller.kindFilter = index === 0 ? "" : bar.controller.kinds[index - 1]
            Layout.preferredWidth: 130
            Layout.maximumWidth: 130
            Layout.minimumWidth: 80
            Layout.fillWidth: true
        }
        ComboBox {
            model: [qsTr("All tags")].concat(bar.controller.tags)
            currentIndex: Math.max(0, bar.controller.tags.indexOf(bar.controller.tagFilter) + 1)
            onActivated: (index) => bar.controller.tagFilter = index === 0 ? "" : bar.controller.tags[index - 1]
            Layout.preferredWidth: 120
            Layout.maximumWidth: 120
            Layout.minimumWidth: 80
            Layout.fillWidth: true
        }
        ComboBox {
            model: [qsTr("All owners")].concat(bar.controller.owners)
            currentIndex: Math.max(0, bar.controller.owners.indexOf(bar.controller.ownerFilter) + 1)
            onActivated: (index) => bar.controller.ownerFilter = index === 0 ? "" : bar.controller.owners[index - 1]
            Layout.preferredWidth: 130
            Layout.maximumWidth: 130
            Layout.minimumWidth: 80
            Layout.fillWidth: true
        }
    }

    RowLayout {
        id: actions
        /// Room the search field needs beside the buttons before the bar wraps.
        readonly property real minimumWidth: find.Layout.minimumWidth + fitButton.implicitWidth
                                             + exportMenu.implicitWidth + 2 * spacing
        spacing: Theme.spacing
        Layout.fillWidth: true

        TextField {
            id: find
            objectName: "findInGraph"
            Layout.fillWidth: true
            Layout.minimumWidth: 120
            placeholderText: qsTr("Find in graph…")
            onAccepted: bar.searchRequested(text)
            // How many shown nodes match, as the user types: Enter steps through them.
            rightPadding: matchCount.visible ? matchCount.width + 2 * Theme.spacing : leftPadding
            Label {
                id: matchCount
                objectName: "findMatchCount"
                anchors.right: parent.right
                anchors.rightMargin: Theme.spacing
                anchors.verticalCenter: parent.verticalCenter
                visible: find.text.trim() !== ""
                readonly property int matches: { bar.controller.nodeCount; return bar.controller.countMatches(find.text) }
                text: matches === 0 ? qsTr("no match") : qsTr("%n match(es)", "", matches)
                color: matches === 0 ? Theme.error : Theme.textMuted
                font.pointSize: Theme.fontSmall
            }
        }

        Button {
            id: fitButton
            text: qsTr("Fit")
            onClicked: bar.fitRequested()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Fit the graph to the view (0)")
        }
        ExportMenu {
            id: exportMenu
            view: "lineage"
            formats: [{ format: "png", label: qsTr("Visible graph as PNG…") },
                      { format: "svg", label: qsTr("Shown graph as SVG…") },
                      { format: "csv", label: qsTr("Impacted nodes as CSV…") }]
            context: () => ({ lineage: bar.controller })
            grabItem: bar.canvas
            imageName: "lineage-" + bar.controller.rootId
            ready: !bar.controller.busy && bar.controller.nodeCount > 0
        }
    }
}
