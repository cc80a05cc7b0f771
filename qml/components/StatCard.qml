pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope

// One number from the cache with its label.
Rectangle {
    id: card

    required property string label
    required property var value

    implicitWidth: 150
    implicitHeight: 76
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 1.5
        spacing: 2
        Label {
            text: card.value === undefined ? "0" : String(card.value)
            color: Theme.text
            font.pointSize: Theme.fontDisplay
            font.bold: true
        }
        Label {
            text: card.label
            color: Theme.textMuted
            font.pointSize: Theme.fontSmall
        }
    }
}
