pragma ComponentBehavior: Bound
import QtQuick
import Meshscope

// One side of a line diff row: the line number and the text, with the changed words highlighted.
// Monospaced, so a highlight is placed by character column; `offset` scrolls it sideways.
Item {
    id: side

    required property int number       // 1-based; 0 when this side has no line
    required property string text
    required property var spans         // [start, length, start, length, ...]
    required property color fill        // row background ("transparent" for unchanged)
    required property color spanFill
    required property bool selected     // part of the selected change
    required property real charWidth
    required property real offset
    required property font codeFont
    property int numberWidth: 48

    Rectangle {
        anchors.fill: parent
        color: side.number > 0 ? side.fill : Theme.surfaceAlt
    }
    Rectangle {
        visible: side.selected
        anchors.fill: parent
        color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.16)
        Rectangle {
            width: 3
            height: parent.height
            color: Theme.accent
        }
    }
    Text {
        width: side.numberWidth - 8
        anchors.verticalCenter: parent.verticalCenter
        horizontalAlignment: Text.AlignRight
        text: side.number > 0 ? side.number : ""
        color: Theme.textMuted
        font: side.codeFont
    }
    Item {
        id: code
        x: side.numberWidth
        width: parent.width - side.numberWidth
        height: parent.height
        clip: true

        Repeater {
            model: side.spans.length / 2
            delegate: Rectangle {
                required property int index
                x: side.spans[2 * index] * side.charWidth - side.offset
                width: Math.max(2, side.spans[2 * index + 1] * side.charWidth)
                height: code.height
                color: side.spanFill
            }
        }
        Text {
            x: -side.offset
            anchors.verticalCenter: parent.verticalCenter
            text: side.text
            color: Theme.text
            font: side.codeFont
            textFormat: Text.PlainText
        }
    }
}
