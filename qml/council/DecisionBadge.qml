pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Meshscope

// A decision as a small coloured label; invisible while undecided.
Rectangle {
    id: badge
    property string decision
    property real fontSize: Theme.fontSmall

    readonly property var labels: ({ approve: qsTr("Approved"), reject: qsTr("Rejected"),
                                     defer: qsTr("Deferred"), action: qsTr("Action") })
    readonly property color tone: decision === "approve" ? Theme.ok
                                  : decision === "reject" ? Theme.error
                                  : decision === "defer" ? Theme.warning : Theme.accent

    visible: decision !== ""
    implicitWidth: text.implicitWidth + 16
    implicitHeight: text.implicitHeight + 6
    radius: height / 2
    color: "transparent"
    border.color: tone
    border.width: 1.5

    Label {
        id: text
        anchors.centerIn: parent
        text: badge.labels[badge.decision] || ""
        color: badge.tone
        font.pointSize: badge.fontSize
        font.bold: true
    }
}
