pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// "New contract from template": pick a data product's output port; the new draft is pre-filled from
// the product (id, name, domain, team) and the port's dataset (schema) as the cache knows them.
Dialog {
    id: picker
    objectName: "templatePicker"

    required property ContractEditorController editor
    /// A port was picked and the editor holds the new draft.
    signal started()

    property var ports: []
    property string filter: ""

    title: qsTr("New contract from a data product's output port")
    modal: true
    standardButtons: Dialog.Cancel
    width: Math.min(640, parent ? parent.width - 40 : 640)
    height: Math.min(560, parent ? parent.height - 40 : 560)
    anchors.centerIn: parent

    onAboutToShow: {
        ports = editor.outputPorts()
        filter = ""
        search.text = ""
        search.forceActiveFocus()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        TextField {
            id: search
            objectName: "templateFilter"
            Layout.fillWidth: true
            placeholderText: qsTr("Filter by product, port or domain")
            font.pointSize: Theme.fontBody
            onTextChanged: picker.filter = text.toLowerCase()
        }
        ListView {
            objectName: "templatePorts"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: picker.ports.filter(p => picker.filter === ""
                                       || (p.label + " " + p.domainId).toLowerCase().indexOf(picker.filter) >= 0)
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: entry
                objectName: "templatePort"
                required property var modelData
                width: ListView.view.width - 10
                contentItem: ColumnLayout {
                    spacing: 0
                    Label {
                        Layout.fillWidth: true
                        text: entry.modelData.label
                        color: Theme.text
                        font.pointSize: Theme.fontBody
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        text: entry.modelData.domainId
                              + (entry.modelData.contractId !== "" ? qsTr("  ·  port names contract %1").arg(entry.modelData.contractId)
                                                                   : qsTr("  ·  no contract yet"))
                        color: Theme.textMuted
                        font.pointSize: Theme.fontSmall
                        elide: Text.ElideRight
                    }
                }
                onClicked: {
                    if (picker.editor.newFromTemplate(entry.modelData.productId, entry.modelData.portName)) {
                        picker.close()
                        picker.started()
                    }
                }
            }
        }
    }
}
