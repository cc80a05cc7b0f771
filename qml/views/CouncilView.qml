pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// The governance council's meeting: an agenda built from the cache (proposals with breaking or PII
// changes, products awaiting approval), decisions and action items recorded as the meeting goes,
// presentation mode for the shared screen (F5), and the minutes as Markdown or PDF.
AreaPage {
    id: view
    title: qsTr("Council")
    subtitle: council.loading ? qsTr("Building the agenda…")
              : qsTr("%1 items · %2 min · %3 decided").arg(council.agenda.count).arg(council.agenda.totalMinutes).arg(council.decidedCount)
    icon: "council"
    emptyHeading: qsTr("Nothing needs the council")
    emptyBody: qsTr("No proposal with a breaking or PII change and no product awaiting approval.")

    /// Which tab the right side shows: the item, or the minutes as they will be exported.
    property bool showMinutes: false

    CouncilController { id: council }

    // Screenshots wait while the agenda is built (on a large mesh it takes a moment).
    Binding {
        target: view.ApplicationWindow.window
        property: "busy"
        value: council.loading
        when: view.ApplicationWindow.window !== null && council.loading
        restoreMode: Binding.RestoreBindingOrValue
    }

    /// AppController.open("council", id): an agenda item (key or subject), "present" or "minutes".
    function openItem(id: string) {
        view.showMinutes = id === "minutes"
        if (id === "present")
            presentation.open()
        for (let row = 0; row < council.agenda.count; ++row) {
            if (agendaList.keyAt(row) === id || agendaList.subjectAt(row) === id)
                council.current = row
        }
    }

    Shortcut {
        sequence: "F5"
        enabled: view.visible && council.agenda.count > 0
        onActivated: presentation.open()
    }

    RowLayout {
        anchors.fill: parent
        spacing: Theme.margin
        visible: council.agenda.count > 0 || council.loading

        ColumnLayout {
            objectName: "agendaColumn"
            // A layout fills by default: the agenda would share the width with the panel's preference.
            Layout.fillWidth: false
            Layout.preferredWidth: Math.max(340, view.availableWidth * 0.38)
            Layout.fillHeight: true
            spacing: Theme.spacing

            RowLayout {
                Layout.fillWidth: true
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Agenda")
                    font.pointSize: Theme.fontHeading
                    font.bold: true
                    color: Theme.text
                }
                Button {
                    text: qsTr("Present (F5)")
                    enabled: council.agenda.count > 0
                    onClicked: presentation.open()
                }
                Button {
                    objectName: "exportMinutes"
                    text: qsTr("Export minutes…")
                    onClicked: exportDialog.open()
                }
            }
            AgendaList {
                id: agendaList
                Layout.fillWidth: true
                Layout.fillHeight: true
                controller: council
            }
        }

        ColumnLayout {
            objectName: "itemColumn"
            Layout.fillWidth: true
            // What is left beside the agenda; its implicit width is the unwrapped evidence text.
            Layout.preferredWidth: 400
            Layout.fillHeight: true
            spacing: Theme.spacing

            TabBar {
                id: tabs
                Layout.fillWidth: true
                // Item (its decision and actions) · Meeting (attendees, notes: once, not under every item) · Minutes
                currentIndex: view.showMinutes ? 2 : 0
                onCurrentIndexChanged: view.showMinutes = currentIndex === 2
                TabButton { text: qsTr("Item") }
                TabButton { objectName: "meetingTab"; text: qsTr("Meeting") }
                TabButton { text: qsTr("Minutes preview") }
            }
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                visible: council.loading && council.agenda.count === 0
                running: visible
            }
            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: council.agenda.count > 0 // no empty evidence box and buttons while the agenda is built
                currentIndex: tabs.currentIndex
                AgendaItemPanel { controller: council; objectName: "agendaItemPanel" }
                MeetingPanel { controller: council; objectName: "meetingPanel" }
                MinutesPreview { controller: council }
            }
            Label {
                objectName: "councilMessage"
                Layout.fillWidth: true
                visible: council.message !== ""
                text: council.message
                textFormat: Text.PlainText // names contracts from documents
                color: Theme.textMuted
                wrapMode: Text.WordWrap // whether a vote reached the review, or why not: read in full
            }
        }
    }

    SaveFileDialog {
        id: exportDialog
        objectName: "minutesSaveDialog"
        title: qsTr("Export the minutes")
        folder: AppSettings.exportFolder
        fileName: council.minutesFileName
        types: [{ label: qsTr("PDF (*.pdf)"), suffix: "pdf" }, { label: qsTr("Markdown (*.md)"), suffix: "md" }]
        onSaveRequested: (path) => {
            AppSettings.exportFolder = SavePaths.fileUrl(SavePaths.folderOf(path))
            council.exportMinutes(SavePaths.fileUrl(path))
        }
    }

    PresentationOverlay {
        id: presentation
        controller: council
    }
}
