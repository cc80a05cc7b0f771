pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// The contracts in the cache with their versions and status; typing filters by id, name, domain,
// status or version.
Rectangle {
    id: pane

    required property ContractDiffController controller

    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        TextField {
            id: filter
            objectName: "contractFilter"
            Layout.fillWidth: true
            placeholderText: qsTr("Filter contracts (id, domain, status)")
            font.pointSize: Theme.fontBody
            onTextChanged: pane.controller.contracts.filter = text
        }
        Label {
            Layout.fillWidth: true
            text: list.count === pane.controller.contracts.totalCount
                  ? qsTr("%n contract(s)", "", list.count)
                  : qsTr("%1 of %2 contracts").arg(list.count).arg(pane.controller.contracts.totalCount)
            color: Theme.textMuted
            font.pointSize: Theme.fontSmall
        }

        ListView {
            id: list
            objectName: "contractList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: pane.controller.contracts
            currentIndex: pane.controller.contracts.indexOf(pane.controller.contractId)
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            onCurrentIndexChanged: positionViewAtIndex(currentIndex, ListView.Contain)

            delegate: ItemDelegate {
                id: row
                required property int index
                required property string contractId
                required property string name
                required property string domain
                required property string versionSummary
                required property bool hasProposal

                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                onClicked: pane.controller.open(contractId)

                background: Rectangle {
                    color: row.highlighted ? Theme.accentSoft : (row.hovered ? Theme.surfaceAlt : "transparent")
                    radius: Theme.radius
                }
                contentItem: ColumnLayout {
                    spacing: 1
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 4
                        Label {
                            Layout.fillWidth: true
                            text: row.name
                            color: Theme.text
                            font.pointSize: Theme.fontBody
                            font.bold: true
                            elide: Text.ElideRight
                        }
                        Label {
                            visible: row.hasProposal
                            leftPadding: 5
                            rightPadding: 5
                            text: qsTr("proposal")
                            color: Theme.dark ? Theme.background : "#ffffff" // readable on the amber
                            font.pointSize: Theme.fontSmall
                            background: Rectangle {
                                radius: height / 2
                                color: Theme.warning
                            }
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: row.contractId
                        color: Theme.textMuted
                        font.pointSize: Theme.fontSmall
                        elide: Text.ElideMiddle
                    }
                    Label {
                        Layout.fillWidth: true
                        text: row.versionSummary
                        color: Theme.textMuted
                        font.pointSize: Theme.fontSmall
                        elide: Text.ElideRight
                    }
                }
            }
        }
    }
}
