pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope

// The column of areas on the left. Ctrl+1..5 reach the same areas from the keyboard.
Rectangle {
    id: rail

    required property var areas
    required property string current
    signal selected(string key)

    implicitWidth: Theme.railWidth
    color: Theme.rail

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: Theme.margin
        spacing: 2

        Label {
            Layout.alignment: Qt.AlignHCenter
            Layout.bottomMargin: Theme.margin
            text: "Meshscope"
            color: "#ffffff"
            font.pointSize: Theme.fontSmall
            font.bold: true
        }

        Repeater {
            model: rail.areas
            delegate: RailButton {
                required property var modelData
                required property int index
                Layout.fillWidth: true
                visible: modelData.key !== "settings"
                key: modelData.key
                label: modelData.label
                shortcutHint: "Ctrl+" + (index + 1)
                checked: rail.current === modelData.key
                onClicked: rail.selected(modelData.key)
            }
        }

        Item { Layout.fillHeight: true }

        RailButton {
            Layout.fillWidth: true
            Layout.bottomMargin: Theme.spacing
            key: "settings"
            label: qsTr("Settings")
            shortcutHint: "Ctrl+,"
            checked: rail.current === "settings"
            onClicked: rail.selected("settings")
        }
    }

    component RailButton: AbstractButton {
        id: button
        required property string key
        required property string label
        property string shortcutHint
        implicitHeight: 62
        hoverEnabled: true
        Accessible.name: label
        ToolTip.visible: hovered
        ToolTip.delay: 600
        ToolTip.text: label + "  (" + shortcutHint + ")"

        background: Rectangle {
            color: button.checked ? Theme.railSelected : (button.hovered ? "#2a3757" : "transparent")
            Rectangle {
                visible: button.checked
                width: 3
                height: parent.height
                color: Theme.accent
            }
        }
        contentItem: Column {
            spacing: 4
            topPadding: 8
            Image {
                anchors.horizontalCenter: parent.horizontalCenter
                source: "qrc:/qt/qml/Meshscope/icons/" + button.key + ".svg"
                sourceSize: Qt.size(24, 24)
                opacity: button.checked ? 1.0 : 0.8
            }
            Label {
                anchors.horizontalCenter: parent.horizontalCenter
                text: button.label
                color: button.checked ? "#ffffff" : Theme.railText
                font.pointSize: Theme.fontSmall
            }
        }
    }
}
