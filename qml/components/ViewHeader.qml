pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope

// Title and one line of context at the top of every area. The title's objectName lets the
// screenshot command report where it was drawn.
ColumnLayout {
    id: header

    required property string title
    property string subtitle

    spacing: 2

    Label {
        objectName: "viewTitle"
        text: header.title
        color: Theme.text
        font.pointSize: Theme.fontTitle
        font.bold: true
    }
    Label {
        visible: header.subtitle.length > 0
        Layout.fillWidth: true
        text: header.subtitle
        color: Theme.textMuted
        font.pointSize: Theme.fontBody
        elide: Text.ElideRight
    }
}
