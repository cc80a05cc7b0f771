pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope

// One number from the cache with its label; hovering it says where the number comes from.
Rectangle {
    id: card

    required property string label
    required property var value
    /// What the number rests on (documents, formats, sources); shown on hover.
    property string hint

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
            // Nothing counted is not zero counted.
            text: card.value === undefined || card.value === null ? qsTr("no data") : String(card.value)
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

    HoverHandler { id: hover }
    ToolTip.visible: hover.hovered && card.hint !== ""
    ToolTip.text: card.hint
    ToolTip.delay: 400
}
