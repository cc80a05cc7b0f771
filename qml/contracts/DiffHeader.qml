pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// The contract compared, the two versions (pickers), and the verdict: the counts by severity with
// the version the changes need, and who the breaking changes hit.
ColumnLayout {
    id: header

    required property ContractDiffController controller
    /// The Edit button (Ctrl+E) and "New from template…" were pressed.
    signal editRequested()
    signal newRequested()
    /// Width of the controls beside the title, without the two version pickers (120-170 px each).
    readonly property real fixedControlsWidth: compareLabel.implicitWidth + arrowLabel.implicitWidth
                                               + editButton.implicitWidth + newButton.implicitWidth
                                               + exportMenu.implicitWidth + 6 * controls.spacing
    /// The title keeps at least this much beside the controls, or the controls go under it.
    readonly property real titleMinimum: 200
    readonly property bool controlsBesideTitle: width >= titleMinimum + fixedControlsWidth + 2 * 120 + Theme.spacing

    spacing: 4

    // Title and controls side by side, or the controls under the title when both do not fit (a
    // 1024 px window squeezed the title to nothing and pushed Export out of the window).
    GridLayout {
        Layout.fillWidth: true
        columns: header.controlsBesideTitle ? 2 : 1
        columnSpacing: Theme.spacing
        rowSpacing: 4

        Label {
            objectName: "contractTitle"
            Layout.fillWidth: true
            Layout.minimumWidth: header.controlsBesideTitle ? header.titleMinimum : 0
            Layout.preferredWidth: header.titleMinimum // the rest of the row, after the pickers' 170 px
            text: header.controller.contractName
                  + (header.controller.contractName !== header.controller.contractId
                     ? "  ·  " + header.controller.contractId : "")
            color: Theme.text
            font.pointSize: Theme.fontHeading
            font.bold: true
            elide: Text.ElideRight
        }
        RowLayout {
            id: controls
            spacing: Theme.spacing
            Layout.fillWidth: true
            Label {
                id: compareLabel
                text: qsTr("Compare")
                color: Theme.textMuted
                font.pointSize: Theme.fontBody
            }
            ComboBox {
                id: oldPicker
                objectName: "oldVersionPicker"
                // The pickers give up width first, so the buttons stay inside a narrow window.
                Layout.preferredWidth: 170
                Layout.minimumWidth: 120
                Layout.maximumWidth: 170
                Layout.fillWidth: true
                font.pointSize: Theme.fontBody
                model: header.controller.versionLabels
                enabled: header.controller.versions.length > 1
                currentIndex: header.controller.versionIndex(header.controller.oldVersion)
                onActivated: (i) => header.controller.compare(header.controller.versions[i], header.controller.newVersion)
            }
            Label {
                id: arrowLabel
                text: "→"
                color: Theme.textMuted
                font.pointSize: Theme.fontBody
            }
            ComboBox {
                id: newPicker
                objectName: "newVersionPicker"
                // The pickers give up width first, so the buttons stay inside a narrow window.
                Layout.preferredWidth: 170
                Layout.minimumWidth: 120
                Layout.maximumWidth: 170
                Layout.fillWidth: true
                font.pointSize: Theme.fontBody
                model: header.controller.versionLabels
                enabled: header.controller.versions.length > 1
                currentIndex: header.controller.versionIndex(header.controller.newVersion)
                onActivated: (i) => header.controller.compare(header.controller.oldVersion, header.controller.versions[i])
            }
            Button {
                id: editButton
                objectName: "editContract"
                text: qsTr("Edit")
                enabled: header.controller.contractId !== ""
                font.pointSize: Theme.fontBody
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Edit %1 (Ctrl+E)").arg(header.controller.newVersion !== "" ? header.controller.newVersion
                                                                                               : qsTr("the active version"))
                onClicked: header.editRequested()
            }
            Button {
                id: newButton
                text: qsTr("New…")
                font.pointSize: Theme.fontBody
                ToolTip.visible: hovered
                ToolTip.text: qsTr("New contract from a data product's output port")
                onClicked: header.newRequested()
            }
            ExportMenu {
                id: exportMenu
                view: "contracts"
                formats: [{ format: "pdf", label: qsTr("Diff as PDF…") }]
                context: () => ({ contract: header.controller.contractId, oldVersion: header.controller.oldVersion,
                                  newVersion: header.controller.newVersion })
                ready: header.controller.hasDiff && !header.controller.loading
            }
        }
    }

    Label {
        objectName: "diffSummary"
        Layout.fillWidth: true
        visible: header.controller.hasDiff
        text: header.controller.summary
        color: header.controller.breaking > 0 ? Theme.error : Theme.ok
        font.pointSize: Theme.fontHeading
        font.bold: true
        elide: Text.ElideRight
    }
    RowLayout {
        Layout.fillWidth: true
        visible: header.controller.hasDiff
        spacing: Theme.margin
        ElidedLabel {
            objectName: "impactSummary"
            Layout.fillWidth: true
            text: header.controller.impact !== "" ? header.controller.impact
                  : (header.controller.breaking > 0 ? qsTr("breaks no known products") : qsTr("nothing breaks"))
            color: Theme.text
            font.pointSize: Theme.fontBody
            elide: Text.ElideRight
        }
        Label {
            text: header.controller.versionOk ? qsTr("version OK") : qsTr("version too low")
            color: header.controller.versionOk ? Theme.ok : Theme.error
            font.pointSize: Theme.fontBody
            font.bold: true
        }
    }
}
