pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// What belongs to the whole meeting, shown once: who attends and the notes (the action items belong to
// the agenda item they were added under, in AgendaItemPanel). Every change is saved at once.
ScrollView {
    id: panel

    required property CouncilController controller

    contentWidth: availableWidth
    clip: true

    ColumnLayout {
        width: panel.availableWidth
        spacing: Theme.spacing * 1.5

        Label { text: qsTr("Attendees"); color: Theme.text; font.bold: true }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Repeater {
                model: panel.controller.attendees
                delegate: Button {
                    required property string modelData
                    required property int index
                    text: modelData + "  ✕"
                    flat: true
                    onClicked: panel.controller.removeAttendee(index)
                }
            }
            TextField {
                objectName: "attendeeField"
                width: 220
                placeholderText: qsTr("Add attendee, Enter")
                onAccepted: { panel.controller.addAttendee(text); clear() }
            }
        }

        Label { text: qsTr("Notes"); color: Theme.text; font.bold: true }
        TextArea {
            objectName: "meetingNotes"
            Layout.fillWidth: true
            Layout.preferredHeight: 160
            wrapMode: TextEdit.Wrap
            placeholderText: qsTr("Meeting notes (saved as you type)")
            text: panel.controller.notes
            onTextChanged: if (text !== panel.controller.notes) panel.controller.notes = text
            background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }
        }
    }
}
