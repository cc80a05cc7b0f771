pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope

// The place the review workflow (reviewers, comments, votes, decision) will take beside the changes.
// It says so, rather than leaving a blank hole.
Rectangle {
    id: slot

    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 1.5
        spacing: Theme.spacing

        Label {
            text: qsTr("Reviewers")
            color: Theme.text
            font.pointSize: Theme.fontBody
            font.bold: true
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Reviews of this proposal (comments, votes, decisions) will show here. Meanwhile use 'meshscope review'.")
            color: Theme.textMuted
            font.pointSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
        Item { Layout.fillHeight: true }
    }
}
