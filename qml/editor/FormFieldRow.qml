pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// One row of the editor form: a section or group heading, or a field (text, multi-line text, choice,
// flag) bound to one YAML value, with its validation problem written under it.
Item {
    id: row
    objectName: "formRow"

    required property ContractEditorController editor
    required property int index
    required property string kind
    required property string label
    required property string path
    required property string value
    required property var options
    required property int depth
    required property string problem
    required property string problemSeverity
    required property string adds
    required property int objectIndex
    property bool current: false
    property real labelWidth: 150

    signal addRequested(string adds, int objectIndex)
    signal undoRequested()
    signal redoRequested()

    readonly property bool heading: kind === "section" || kind === "group"
    readonly property color problemColor: problemSeverity === "error" ? Theme.error : Theme.warning

    implicitHeight: heading ? headingLabel.implicitHeight + (kind === "section" ? 18 : 10)
                            : fieldLayout.implicitHeight + (problem !== "" ? problemLabel.implicitHeight + 2 : 0) + 6

    function handleKeys(event) {
        if (event.matches(StandardKey.Undo)) {
            row.undoRequested()
            event.accepted = true
        } else if (event.matches(StandardKey.Redo)) {
            row.redoRequested()
            event.accepted = true
        }
    }

    Rectangle {
        anchors.fill: parent
        visible: row.current
        color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.10)
    }
    Rectangle {
        visible: !row.heading && row.problem !== ""
        width: 3
        height: parent.height - 4
        y: 2
        color: row.problemColor
    }

    Label {
        id: headingLabel
        visible: row.heading
        x: row.kind === "section" ? 4 : 12
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 2
        width: parent.width - x - 4 - (addButton.visible ? addButton.width + Theme.spacing : 0)
        text: row.label
        elide: Text.ElideRight
        color: row.kind === "section" ? Theme.text : Theme.textMuted
        font.pointSize: row.kind === "section" ? Theme.fontHeading : Theme.fontBody
        font.bold: true
    }

    Button {
        id: addButton
        visible: row.heading && row.adds !== ""
        anchors.right: parent.right
        anchors.rightMargin: 4
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 1
        flat: true
        padding: 2
        text: row.adds === "object" ? qsTr("+ Object") : qsTr("+ Property")
        font.pointSize: Theme.fontSmall
        onClicked: row.addRequested(row.adds, row.objectIndex)
    }

    RowLayout {
        id: fieldLayout
        visible: !row.heading
        x: 8 + row.depth * 12
        y: 3
        width: parent.width - x - 8
        spacing: Theme.spacing

        Label {
            Layout.preferredWidth: row.labelWidth - row.depth * 12
            Layout.alignment: row.kind === "multiline" ? Qt.AlignTop : Qt.AlignVCenter
            Layout.topMargin: row.kind === "multiline" ? 6 : 0
            text: row.label
            elide: Text.ElideRight
            color: row.problem !== "" ? row.problemColor : Theme.textMuted
            font.pointSize: Theme.fontBody
        }

        TextField {
            objectName: "formFieldText"
            visible: row.kind === "text"
            Layout.fillWidth: true
            text: row.value
            font.pointSize: Theme.fontBody
            selectByMouse: true
            placeholderText: qsTr("not set")
            Keys.onPressed: (event) => row.handleKeys(event)
            onTextEdited: row.editor.setField(row.path, text)
        }

        TextArea {
            id: multi
            objectName: "formFieldMultiline"
            visible: row.kind === "multiline"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(110, Math.max(implicitHeight, 52))
            text: row.value
            font.pointSize: Theme.fontBody
            wrapMode: TextEdit.Wrap
            selectByMouse: true
            placeholderText: qsTr("not set")
            background: Rectangle {
                color: Theme.surface
                border.color: multi.activeFocus ? Theme.accent : Theme.border
                radius: 3
            }
            Keys.onPressed: (event) => row.handleKeys(event)
            onTextChanged: if (activeFocus && text !== row.value) row.editor.setField(row.path, text)
        }

        ComboBox {
            visible: row.kind === "choice"
            Layout.preferredWidth: 200
            model: row.options
            currentIndex: row.options.indexOf(row.value)
            displayText: currentIndex < 0 ? qsTr("not set") : currentText
            font.pointSize: Theme.fontBody
            onActivated: (i) => row.editor.setField(row.path, row.options[i])
        }

        CheckBox {
            visible: row.kind === "flag"
            checked: row.value === "true"
            font.pointSize: Theme.fontBody
            onToggled: row.editor.setField(row.path, checked ? "true" : "false")
        }
        Item {
            visible: row.kind === "choice" || row.kind === "flag"
            Layout.fillWidth: true
        }
    }

    Label {
        id: problemLabel
        objectName: row.problem === "" ? "" : row.problemSeverity === "error" ? "formError" : "formWarning"
        visible: !row.heading && row.problem !== ""
        anchors.top: fieldLayout.bottom
        anchors.topMargin: 1
        x: fieldLayout.x + row.labelWidth - row.depth * 12 + Theme.spacing
        width: parent.width - x - 8
        text: row.problem
        color: row.problemColor
        font.pointSize: Theme.fontSmall
        wrapMode: Text.Wrap
    }
}
