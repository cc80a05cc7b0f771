pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Meshscope
import Meshscope.Backend

// The structured side of the editor: every editable value of the contract as a form row, in the
// order of the sections (contract, schema, quality, SLA, servers, team, roles, support).
Rectangle {
    id: form

    required property ContractEditorController editor
    property alias currentIndex: list.currentIndex

    /// Brings the row into view and marks it.
    function showRow(row: int) {
        if (row < 0)
            return
        list.currentIndex = row
        list.positionViewAtIndex(row, ListView.Center)
    }

    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    // Another document starts at its top: the list outlives the contracts it shows, and a new contract
    // opened where the last one was scrolled to hid its id and domain.
    property string shownFile
    Connections {
        target: form.editor
        function onDocumentChanged() {
            if (form.editor.filePath === form.shownFile)
                return
            form.shownFile = form.editor.filePath
            list.currentIndex = -1
            list.positionViewAtBeginning()
        }
    }

    ListView {
        id: list
        objectName: "editorForm"
        anchors.fill: parent
        anchors.margins: 1
        clip: true
        model: form.editor.form
        currentIndex: -1
        boundsBehavior: Flickable.StopAtBounds
        cacheBuffer: 400
        ScrollBar.vertical: ScrollBar {}
        delegate: FormFieldRow {
            width: ListView.view.width - 10
            editor: form.editor
            current: ListView.isCurrentItem
            labelWidth: Math.min(170, Math.max(110, form.width * 0.28))
            onAddRequested: (adds, objectIndex) => {
                const path = adds === "object" ? form.editor.addSchemaObject() : form.editor.addProperty(objectIndex)
                if (path !== "")
                    Qt.callLater(() => form.showRow(form.editor.form.rowOfPath(path)))
            }
            onUndoRequested: form.editor.undo()
            onRedoRequested: form.editor.redo()
        }
    }
}
