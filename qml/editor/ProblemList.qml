pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// The validation problems of the text being edited; a click shows the place in the form and the YAML.
Rectangle {
    id: list

    required property ContractEditorController editor
    signal problemClicked(int formRow, int line)

    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 6
        spacing: 2

        Label {
            Layout.fillWidth: true
            text: list.editor.validating ? qsTr("Checking…")
                  : list.editor.errorCount + list.editor.warningCount === 0 ? qsTr("No problems: the contract is valid ODCS")
                  : qsTr("%1 error(s), %2 warning(s) — click one to show it").arg(list.editor.errorCount).arg(list.editor.warningCount)
            color: list.editor.errorCount > 0 ? Theme.error : list.editor.warningCount > 0 ? Theme.warning : Theme.ok
            font.pointSize: Theme.fontBody
            font.bold: true
            elide: Text.ElideRight
        }

        ListView {
            id: view
            objectName: "problemList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: list.editor.problems
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: entry
                required property string severity
                required property int line
                required property string path
                required property string message
                required property int formRow
                width: ListView.view.width - 10
                height: 24
                padding: 2
                contentItem: RowLayout {
                    spacing: Theme.spacing
                    Rectangle {
                        Layout.preferredWidth: 8
                        Layout.preferredHeight: 8
                        radius: 4
                        color: entry.severity === "error" ? Theme.error : entry.severity === "warning" ? Theme.warning : Theme.textMuted
                    }
                    Label {
                        Layout.preferredWidth: 64
                        text: entry.line > 0 ? qsTr("line %1").arg(entry.line) : ""
                        color: Theme.textMuted
                        font.pointSize: Theme.fontSmall
                    }
                    Label {
                        Layout.fillWidth: true
                        text: entry.message + (entry.path !== "" ? "  ·  " + entry.path : "")
                        color: Theme.text
                        font.pointSize: Theme.fontBody
                        elide: Text.ElideRight
                    }
                }
                onClicked: list.problemClicked(entry.formRow, entry.line)
            }
        }
    }
}
