pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// The selected agenda item: why it is here, the evidence, the council's decision on it and the action
// items added under it (who attends and the notes are the meeting's, in MeetingPanel). Every change is
// saved at once.
ScrollView {
    id: panel

    required property CouncilController controller
    readonly property var item: controller.currentItem

    contentWidth: availableWidth
    clip: true

    ColumnLayout {
        width: panel.availableWidth
        spacing: Theme.spacing * 1.5

        Label {
            text: (panel.item.kindLabel || "") + (panel.item.domain ? " · " + qsTr("domain %1").arg(panel.item.domain) : "")
            color: Theme.textMuted
            font.bold: true
        }
        Label {
            Layout.fillWidth: true
            text: panel.item.title || ""
            color: Theme.text
            font.pointSize: Theme.fontTitle
            font.bold: true
            wrapMode: Text.WordWrap
        }
        Label {
            Layout.fillWidth: true
            text: panel.item.reason || ""
            color: Theme.text
            wrapMode: Text.WordWrap
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: evidence.implicitHeight + Theme.spacing * 2
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            ColumnLayout {
                id: evidence
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: 4
                Label {
                    text: qsTr("Evidence")
                    color: Theme.textMuted
                    font.pointSize: Theme.fontSmall
                    font.bold: true
                }
                Repeater {
                    model: panel.item.evidence || []
                    delegate: Label {
                        required property string modelData
                        Layout.fillWidth: true
                        text: "• " + modelData
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                }
            }
        }

        Label { text: qsTr("Decision"); color: Theme.text; font.bold: true }
        TextField {
            id: note
            Layout.fillWidth: true
            placeholderText: qsTr("Conditions, reasons or follow-ups (optional)")
            text: panel.item.decisionNote || ""
        }
        RowLayout {
            spacing: Theme.spacing
            Repeater {
                model: [["approve", qsTr("Approve")], ["reject", qsTr("Reject")], ["defer", qsTr("Defer")],
                        ["action", qsTr("Action item")]]
                delegate: Button {
                    required property var modelData
                    objectName: "decide-" + modelData[0]
                    text: modelData[1]
                    highlighted: panel.item.decision === modelData[0]
                    onClicked: panel.controller.decide(panel.controller.current, modelData[0], note.text)
                }
            }
            DecisionBadge { decision: panel.item.decision || "" }
        }

        Label { text: qsTr("Action items on this item"); color: Theme.text; font.bold: true }
        Repeater {
            // This item's actions, each with its place in the meeting's list (what removeAction takes).
            model: panel.controller.actions.map((a, i) => ({ text: a.text, owner: a.owner, due: a.due, item: a.item, at: i }))
                                           .filter((a) => a.item === (panel.item.key || ""))
            delegate: RowLayout {
                id: actionRow
                objectName: "itemAction"
                required property var modelData
                Layout.fillWidth: true
                Label {
                    Layout.fillWidth: true
                    text: actionRow.modelData.text + " — " + (actionRow.modelData.owner || qsTr("no owner"))
                          + (actionRow.modelData.due ? " · " + qsTr("due %1").arg(actionRow.modelData.due) : "")
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
                ToolButton {
                    text: "✕"
                    onClicked: panel.controller.removeAction(actionRow.modelData.at)
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Remove this action item")
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            TextField { id: actionText; objectName: "actionText"; Layout.fillWidth: true; placeholderText: qsTr("Action") }
            TextField { id: actionOwner; Layout.preferredWidth: 160; placeholderText: qsTr("Owner") }
            TextField {
                id: actionDue
                Layout.preferredWidth: 150
                objectName: "actionDue"
                // A date or words ("next week", "friday"): the controller says what it cannot read.
                placeholderText: qsTr("Due: date, next week…")
            }
            Button {
                objectName: "addActionItem"
                text: qsTr("Add")
                enabled: actionText.text.trim() !== ""
                onClicked: {
                    if (panel.controller.addAction(panel.controller.current, actionText.text, actionOwner.text, actionDue.text)) {
                        actionText.clear(); actionOwner.clear(); actionDue.clear()
                    }
                }
            }
        }
    }
}
