pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope

// What is shown out of what exists, and what the badge colours mean.
Rectangle {
    id: legend

    property int shown
    property int edges
    property int total
    property string level

    implicitWidth: row.implicitWidth + 2 * Theme.spacing
    implicitHeight: row.implicitHeight + Theme.spacing
    radius: Theme.radius
    color: Theme.surfaceAlt
    opacity: 0.95

    RowLayout {
        id: row
        anchors.centerIn: parent
        spacing: Theme.spacing
        Label {
            color: Theme.textMuted
            font.pointSize: Theme.fontSmall
            text: qsTr("%1 of %2 %3 nodes, %4 edges").arg(legend.shown).arg(legend.total).arg(legend.level).arg(legend.edges)
        }
        Repeater {
            model: [[Theme.error, qsTr("failing checks")], [Theme.warning, qsTr("stale")],
                    ["#8e3cc8", qsTr("breaking proposal")], [Theme.textMuted, qsTr("no contract")]]
            delegate: RowLayout {
                required property var modelData
                spacing: 3
                Rectangle { width: 9; height: 9; color: parent.modelData[0] }
                Label { text: parent.modelData[1]; color: Theme.textMuted; font.pointSize: Theme.fontSmall }
            }
        }
    }
}
