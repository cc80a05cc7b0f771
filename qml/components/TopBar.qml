pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope

// The bar above every area: where you are, and the search field (Ctrl+K).
Rectangle {
    id: top

    required property string areaLabel
    signal searchRequested()

    implicitHeight: Theme.barHeight
    color: Theme.surface
    Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        spacing: Theme.margin

        Label {
            text: top.areaLabel
            color: Theme.textMuted
            font.pointSize: Theme.fontBody
        }
        Item { Layout.fillWidth: true }
        AbstractButton {
            id: searchField
            Layout.preferredWidth: 420
            Layout.preferredHeight: 30
            hoverEnabled: true
            Accessible.name: qsTr("Search the mesh")
            onClicked: top.searchRequested()
            background: Rectangle {
                radius: Theme.radius
                color: Theme.surfaceAlt
                border.color: searchField.hovered ? Theme.accent : Theme.border
            }
            contentItem: RowLayout {
                spacing: Theme.spacing
                Label {
                    Layout.leftMargin: Theme.spacing
                    Layout.fillWidth: true
                    text: qsTr("Search products, contracts, datasets, owners…")
                    color: Theme.textMuted
                    font.pointSize: Theme.fontBody
                    elide: Text.ElideRight
                }
                Label {
                    Layout.rightMargin: Theme.spacing
                    text: "Ctrl+K"
                    color: Theme.textMuted
                    font.pointSize: Theme.fontSmall
                }
            }
        }
    }
}
