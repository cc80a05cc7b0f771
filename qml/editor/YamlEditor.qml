pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Meshscope
import Meshscope.Backend

// The YAML side of the editor: the contract's text with line numbers, a marker and a tinted line for
// every validation problem, and the editor's own undo/redo (one history with the form).
Rectangle {
    id: yaml

    required property ContractEditorController editor
    /// The 1-based line the cursor is on.
    readonly property int cursorLine: editor.lineOfPosition(area.cursorPosition)
    readonly property real lineHeight: area.lineCount > 0 ? area.contentHeight / area.lineCount : 16
    readonly property int gutterWidth: 22 + numberMetrics.advanceWidth("0") * String(Math.max(area.lineCount, 10)).length

    /// Scrolls to the 1-based line and puts the cursor at its start.
    function showLine(line: int) {
        if (line <= 0)
            return
        area.cursorPosition = yaml.editor.positionOfLine(line)
        const y = area.topPadding + (line - 1) * yaml.lineHeight
        const flick = scroll.contentItem
        flick.contentY = Math.max(0, Math.min(y - scroll.height / 2, area.height - scroll.height))
    }

    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    FontMetrics {
        id: numberMetrics
        font: area.font
    }

    // Form edits, undo and redo replace the text; the cursor stays where it was.
    property bool syncing: false
    function pull() {
        if (area.text === yaml.editor.text)
            return
        const pos = area.cursorPosition
        yaml.syncing = true
        area.text = yaml.editor.text
        area.cursorPosition = Math.min(pos, area.length)
        yaml.syncing = false
    }
    Connections {
        target: yaml.editor
        function onTextChanged() { yaml.pull() }
    }
    Component.onCompleted: pull()

    ScrollView {
        id: scroll
        anchors.fill: parent
        anchors.margins: 1
        clip: true

        TextArea {
            id: area
            objectName: "yamlText"
            font.family: "monospace"
            font.pointSize: Theme.fontBody
            color: Theme.text
            leftPadding: yaml.gutterWidth + 6
            topPadding: 6
            wrapMode: TextEdit.NoWrap
            textFormat: TextEdit.PlainText
            selectByMouse: true
            persistentSelection: true
            background: Rectangle { color: Theme.surface }
            onTextChanged: if (!yaml.syncing && text !== yaml.editor.text) yaml.editor.setText(text)
            Keys.onPressed: (event) => {
                if (event.matches(StandardKey.Undo)) {
                    yaml.editor.undo()
                    event.accepted = true
                } else if (event.matches(StandardKey.Redo)) {
                    yaml.editor.redo()
                    event.accepted = true
                }
            }

            // Problem lines: a tint across the line (drawn under the text).
            Repeater {
                model: yaml.editor.problemLines
                delegate: Rectangle {
                    required property var modelData
                    z: -1
                    x: yaml.gutterWidth
                    y: area.topPadding + (modelData.line - 1) * yaml.lineHeight
                    width: Math.max(area.width, scroll.width) - yaml.gutterWidth
                    height: yaml.lineHeight
                    color: modelData.severity === "error" ? Qt.rgba(Theme.error.r, Theme.error.g, Theme.error.b, 0.16)
                                                          : Qt.rgba(Theme.warning.r, Theme.warning.g, Theme.warning.b, 0.16)
                }
            }
            // The cursor's line, faintly.
            Rectangle {
                z: -1
                x: yaml.gutterWidth
                y: area.topPadding + (yaml.cursorLine - 1) * yaml.lineHeight
                width: Math.max(area.width, scroll.width) - yaml.gutterWidth
                height: yaml.lineHeight
                color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.06)
                visible: area.activeFocus
            }

            // The gutter: line numbers and problem markers.
            Rectangle {
                x: 0
                y: 0
                width: yaml.gutterWidth
                height: Math.max(area.height, scroll.height)
                color: Theme.surfaceAlt
                Repeater {
                    model: area.lineCount
                    delegate: Text {
                        required property int index
                        x: 18
                        width: yaml.gutterWidth - 22
                        y: area.topPadding + index * yaml.lineHeight
                        height: yaml.lineHeight
                        horizontalAlignment: Text.AlignRight
                        verticalAlignment: Text.AlignVCenter
                        text: index + 1
                        color: Theme.textMuted
                        font: area.font
                    }
                }
                Repeater {
                    model: yaml.editor.problemLines
                    delegate: Rectangle {
                        required property var modelData
                        objectName: modelData.severity === "error" ? "yamlErrorMarker" : "yamlWarningMarker"
                        x: 4
                        y: area.topPadding + (modelData.line - 1) * yaml.lineHeight + (yaml.lineHeight - height) / 2
                        width: 10
                        height: 10
                        radius: 5
                        color: modelData.severity === "error" ? Theme.error : Theme.warning
                    }
                }
            }
        }
    }
}
