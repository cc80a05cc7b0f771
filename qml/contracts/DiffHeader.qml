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
    /// The version pickers give up width first in a narrow window, so the buttons stay inside it.
    readonly property real pickerWidth: Math.max(120, Math.min(170, (width - 540) / 2))

    spacing: 4

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing

        Label {
            objectName: "contractTitle"
            Layout.fillWidth: true
            text: header.controller.contractName
                  + (header.controller.contractName !== header.controller.contractId
                     ? "  ·  " + header.controller.contractId : "")
            color: Theme.text
            font.pointSize: Theme.fontHeading
            font.bold: true
            elide: Text.ElideRight
        }
        Label {
            text: qsTr("Compare")
            color: Theme.textMuted
            font.pointSize: Theme.fontBody
        }
        ComboBox {
            id: oldPicker
            objectName: "oldVersionPicker"
            implicitWidth: header.pickerWidth
            font.pointSize: Theme.fontBody
            model: header.controller.versionLabels
            enabled: header.controller.versions.length > 1
            currentIndex: header.controller.versionIndex(header.controller.oldVersion)
            onActivated: (i) => header.controller.compare(header.controller.versions[i], header.controller.newVersion)
        }
        Label {
            text: "→"
            color: Theme.textMuted
            font.pointSize: Theme.fontBody
        }
        ComboBox {
            id: newPicker
            objectName: "newVersionPicker"
            implicitWidth: header.pickerWidth
            font.pointSize: Theme.fontBody
            model: header.controller.versionLabels
            enabled: header.controller.versions.length > 1
            currentIndex: header.controller.versionIndex(header.controller.newVersion)
            onActivated: (i) => header.controller.compare(header.controller.oldVersion, header.controller.versions[i])
        }
        Button {
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
            text: qsTr("New…")
            font.pointSize: Theme.fontBody
            ToolTip.visible: hovered
            ToolTip.text: qsTr("New contract from a data product's output port")
            onClicked: header.newRequested()
        }
        ExportMenu {
            view: "contracts"
            formats: [{ format: "pdf", label: qsTr("Diff as PDF…") }]
            context: () => ({ contract: header.controller.contractId, oldVersion: header.controller.oldVersion,
                              newVersion: header.controller.newVersion })
            ready: header.controller.hasDiff && !header.controller.loading
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
        Label {
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
