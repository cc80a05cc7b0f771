pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// Governance violations with their remediation; a contract or field target opens the contract.
ListView {
    id: list

    property bool showProduct: false
    signal productClicked(string id)

    clip: true
    spacing: 4
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}

    Label {
        anchors.centerIn: parent
        visible: list.count === 0
        text: qsTr("No violations: every policy rule passes")
        color: Theme.ok
    }

    delegate: Rectangle {
        id: row
        required property var modelData
        width: ListView.view.width - 12
        height: col.implicitHeight + 8
        radius: 4
        color: Theme.surfaceAlt

        ColumnLayout {
            id: col
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: 4
            spacing: 1
            RowLayout {
                Layout.fillWidth: true
                spacing: 6
                StatusBadge {
                    text: row.modelData.severity
                    tone: row.modelData.severity === "error" ? "error" : "warning"
                }
                Label {
                    text: row.modelData.rule
                    color: Theme.textMuted
                    font.pointSize: Theme.fontSmall
                }
                Label {
                    visible: list.showProduct
                    text: row.modelData.product
                    color: Theme.accent
                    font.pointSize: Theme.fontSmall
                    font.underline: productMouse.containsMouse
                    MouseArea {
                        id: productMouse
                        anchors.fill: parent
                        hoverEnabled: true
                        cursorShape: Qt.PointingHandCursor
                        onClicked: list.productClicked(row.modelData.product)
                    }
                }
                Label {
                    Layout.fillWidth: true
                    text: row.modelData.target
                    color: targetMouse.containsMouse ? Theme.accent : Theme.textMuted
                    font.pointSize: Theme.fontSmall
                    elide: Text.ElideMiddle
                    MouseArea {
                        id: targetMouse
                        anchors.fill: parent
                        hoverEnabled: row.modelData.targetKind === "contract" || row.modelData.targetKind === "field"
                        enabled: hoverEnabled
                        cursorShape: Qt.PointingHandCursor
                        // A field target is "contract.object.field": the contract id is everything up to the object.
                        onClicked: AppController.open("contracts", row.modelData.targetKind === "contract"
                                                      ? row.modelData.target.split(".").slice(0, 2).join(".")
                                                      : row.modelData.target.split(".").slice(0, 2).join("."))
                    }
                }
                Label {
                    text: row.modelData.policy
                    color: Theme.textMuted
                    font.pointSize: Theme.fontSmall
                }
            }
            Label {
                Layout.fillWidth: true
                text: row.modelData.message
                color: Theme.text
                font.pointSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                text: "→ " + row.modelData.remediation
                color: Theme.textMuted
                font.pointSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }
        }
    }
}
