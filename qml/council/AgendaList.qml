pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// The agenda in the order the council takes it. Ctrl+Up/Down (or the arrows on a row) reorder;
// each row shows its kind, why it is here, its time box and the decision once taken.
ListView {
    id: list

    required property CouncilController controller

    function keyAt(row) { return controller.agenda.data(controller.agenda.index(row, 0), AgendaModel.KeyRole) }
    function subjectAt(row) { return controller.agenda.data(controller.agenda.index(row, 0), AgendaModel.SubjectRole) }

    // controller.current is the one current item: clicks and keys set it, and the list only follows it
    // (never assigned here, so the binding holds). Setting currentIndex from the list broke the binding, and
    // after presentation mode moved on, the list highlighted one item while the panel showed another.
    clip: true
    spacing: Theme.spacing
    model: controller.agenda
    currentIndex: controller.current
    keyNavigationEnabled: false
    focus: true
    ScrollBar.vertical: ScrollBar {}

    Keys.onUpPressed: (event) => {
        if (event.modifiers & Qt.ControlModifier)
            controller.moveItem(controller.current, controller.current - 1)
        else
            controller.previous()
    }
    Keys.onDownPressed: (event) => {
        if (event.modifiers & Qt.ControlModifier)
            controller.moveItem(controller.current, controller.current + 1)
        else
            controller.next()
    }

    delegate: Rectangle {
        id: row
        required property int index
        required property string kind
        required property string kindLabel
        required property string title
        required property string reason
        required property string domain
        required property int minutes
        required property string decision
        readonly property bool isCurrent: index === list.controller.current

        objectName: "agendaRow"
        width: ListView.view.width
        implicitHeight: content.implicitHeight + Theme.spacing * 2
        radius: Theme.radius
        color: row.isCurrent ? Theme.accentSoft : Theme.surface
        border.color: row.isCurrent ? Theme.accent : Theme.border

        MouseArea {
            anchors.fill: parent
            onClicked: { list.controller.current = row.index; list.forceActiveFocus() }
        }

        RowLayout {
            id: content
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.spacing

            Label {
                text: String(row.index + 1)
                font.pointSize: Theme.fontHeading
                font.bold: true
                color: Theme.textMuted
                Layout.alignment: Qt.AlignTop
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    text: row.kindLabel + (row.domain ? " · " + row.domain : "")
                    textFormat: Text.PlainText // names from documents: shown as written, never as markup
                    color: row.kind === "proposal" ? Theme.error : Theme.textMuted
                    font.pointSize: Theme.fontSmall
                    font.bold: true
                }
                Label {
                    Layout.fillWidth: true
                    text: row.title
                    textFormat: Text.PlainText // names from documents: shown as written, never as markup
                    color: Theme.text
                    font.bold: true
                    elide: Text.ElideRight
                }
                Label {
                    Layout.fillWidth: true
                    text: row.reason
                    textFormat: Text.PlainText // names from documents: shown as written, never as markup
                    color: Theme.textMuted
                    elide: Text.ElideRight
                }
            }
            DecisionBadge {
                decision: row.decision
                Layout.alignment: Qt.AlignTop
            }
            ColumnLayout {
                spacing: 0
                Layout.alignment: Qt.AlignTop
                Label {
                    Layout.alignment: Qt.AlignRight
                    text: qsTr("%1 min").arg(row.minutes)
                    color: Theme.textMuted
                    font.pointSize: Theme.fontSmall
                }
                RowLayout {
                    spacing: 0
                    ToolButton {
                        text: "▲"
                        enabled: row.index > 0
                        onClicked: list.controller.moveItem(row.index, row.index - 1)
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Earlier (Ctrl+Up)")
                    }
                    ToolButton {
                        text: "▼"
                        enabled: row.index < list.count - 1
                        onClicked: list.controller.moveItem(row.index, row.index + 1)
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Later (Ctrl+Down)")
                    }
                }
            }
        }
    }
}
