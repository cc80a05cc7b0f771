pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope

// What an area shows when it has nothing real to show yet: says why, and what to do.
Item {
    id: empty

    required property string icon
    required property string heading
    required property string body
    property string actionText
    signal actionTriggered()

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 560)
        spacing: Theme.spacing * 1.5

        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: 72
            implicitHeight: 72
            radius: 36
            color: Theme.rail
            Image {
                anchors.centerIn: parent
                source: "qrc:/qt/qml/Meshscope/icons/" + empty.icon + ".svg"
                sourceSize: Qt.size(36, 36)
            }
        }
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: empty.heading
            color: Theme.text
            font.pointSize: Theme.fontHeading
            font.bold: true
            wrapMode: Text.WordWrap
        }
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: empty.body
            color: Theme.textMuted
            font.pointSize: Theme.fontBody
            wrapMode: Text.WordWrap
            lineHeight: 1.2
        }
        Button {
            Layout.alignment: Qt.AlignHCenter
            visible: empty.actionText.length > 0
            text: empty.actionText
            onClicked: empty.actionTriggered()
        }
    }
}
