pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope

// A titled panel for a chart or a table.
Rectangle {
    id: panel

    required property string title
    property string note
    default property alias content: body.data

    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: panel.title
                color: Theme.text
                font.pointSize: Theme.fontBody
                font.bold: true
            }
            Label {
                Layout.fillWidth: true
                text: panel.note
                color: Theme.textMuted
                font.pointSize: Theme.fontSmall
                elide: Text.ElideRight
                horizontalAlignment: Text.AlignRight
            }
        }
        Item {
            id: body
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}
