pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// Contracts: pick a contract and two of its versions (by default a proposal against the active
// version) and review the diff: a summary with the version verdict and who it breaks, the semantic
// changes grouped by severity, and the side-by-side YAML with each change linked to its lines.
AreaPage {
    id: view

    title: qsTr("Contracts")
    subtitle: qsTr("Compare contract versions: what changed, does it break anyone, and whom")
    icon: "contracts"
    emptyHeading: qsTr("No contracts in the cache")
    emptyBody: qsTr("Sync a mesh with ODCS or Data Contract Specification files to compare their versions.")

    ContractDiffController {
        id: controller
    }

    // Attached properties resolve on Items only, so the window is taken here, not inside the Binding.
    readonly property Window appWindow: ApplicationWindow.window

    // A screenshot waits while the diff is computed (only while this area is shown).
    Binding {
        target: view.appWindow
        property: "busy"
        value: controller.loading || lineDiff.showPending
        when: view.visible && view.appWindow !== null
    }

    Component.onCompleted: controller.reload(AppController.cachePath)

    Connections {
        target: AppController
        function onSyncFinished() { controller.reload(AppController.cachePath) }
        function onOpenRequested(area, id) {
            if (area === "contracts" && id !== "")
                controller.open(id)
        }
    }

    Shortcut {
        sequences: ["F8", "Alt+Down"]
        enabled: view.visible
        onActivated: controller.nextChange()
    }
    Shortcut {
        sequences: ["Shift+F8", "Alt+Up"]
        enabled: view.visible
        onActivated: controller.previousChange()
    }

    Shortcut {
        sequence: "F7"
        enabled: view.visible
        onActivated: lineDiff.showBlock(true)
    }
    Shortcut {
        sequence: "Shift+F7"
        enabled: view.visible
        onActivated: lineDiff.showBlock(false)
    }

    RowLayout {
        anchors.fill: parent
        spacing: Theme.margin
        visible: controller.contracts.totalCount > 0

        ContractListPane {
            Layout.preferredWidth: 270
            Layout.fillHeight: true
            controller: controller
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            DiffHeader {
                Layout.fillWidth: true
                controller: controller
            }

            SplitView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                orientation: Qt.Vertical
                visible: controller.hasDiff

                RowLayout {
                    SplitView.preferredHeight: 300
                    SplitView.minimumHeight: 140
                    spacing: Theme.spacing

                    ChangeList {
                        id: changeList
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        controller: controller
                    }
                    // The review of the compared proposal (state, approvers, thread, votes) beside the
                    // changes; a new comment is about the selected change.
                    ReviewPanel {
                        objectName: "contractReview"
                        Layout.preferredWidth: Math.max(320, Math.min(480, view.width * 0.33))
                        Layout.fillHeight: true
                        contractId: controller.contractId
                        version: controller.newVersion
                        field: changeList.currentPath
                    }
                }

                LineDiffView {
                    id: lineDiff
                    SplitView.fillHeight: true
                    SplitView.minimumHeight: 160
                    controller: controller
                }
            }

            Label {
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: !controller.hasDiff
                text: controller.loading ? qsTr("Comparing…") : controller.message
                color: Theme.textMuted
                font.pointSize: Theme.fontBody
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
        }
    }
}
