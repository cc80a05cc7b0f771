pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope

// Incoming or outgoing cross-domain dependencies of the focused domain: other domain, how many
// product-level edges, the products most involved. A click focuses the other domain.
ColumnLayout {
    id: list

    required property string heading
    required property var edges
    readonly property int shown: 4
    signal picked(string domainId)

    spacing: 2

    Label {
        text: list.heading + " (" + list.edges.length + ")"
        color: Theme.textMuted
        font.pointSize: Theme.fontSmall
        font.bold: true
        font.capitalization: Font.AllUppercase
    }
    Label {
        visible: list.edges.length === 0
        text: qsTr("none")
        color: Theme.textMuted
        font.pointSize: Theme.fontSmall
    }
    Repeater {
        model: list.edges.slice(0, list.shown)
        delegate: ClickRow {
            id: row
            required property var modelData
            Layout.fillWidth: true
            topPadding: 2
            bottomPadding: 2
            onClicked: list.picked(row.modelData.domainId)
            contentItem: ColumnLayout {
                spacing: 0
                RowLayout {
                    Label {
                        Layout.fillWidth: true
                        text: row.modelData.name
                        color: Theme.accent
                        font.pointSize: Theme.fontBody
                        elide: Text.ElideRight
                    }
                    Label {
                        text: qsTr("%n edge(s)", "", row.modelData.count)
                        color: Theme.textMuted
                        font.pointSize: Theme.fontSmall
                    }
                }
                Label {
                    Layout.fillWidth: true
                    text: row.modelData.topProducts
                    color: Theme.textMuted
                    font.pointSize: Theme.fontSmall
                    elide: Text.ElideRight
                }
            }
        }
    }
    Label {
        visible: list.edges.length > list.shown
        text: qsTr("and %1 more").arg(list.edges.length - list.shown)
        color: Theme.textMuted
        font.pointSize: Theme.fontSmall
    }
}
