pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// The contract editor: the form and the YAML side by side (tabs when the window is narrow), kept in
// sync through one text and one undo history; validation as you type with each problem beside its
// field, at its line and in the list below; saving an active contract makes a review proposal.
// Ctrl+S saves, Ctrl+Z / Ctrl+Shift+Z undo and redo; Close asks about unsaved edits.
Item {
    id: root

    required property ContractEditorController editor
    /// The editor wants to be closed (after a discard, or with nothing unsaved).
    signal closed()

    readonly property bool narrow: width < 1000

    /// Ctrl+S and the Save button: an active contract's edits become a proposal for review, which is
    /// confirmed first (it writes a new file into the mesh and starts a review signed by the user);
    /// a draft or proposal is written back at once.
    function requestSave() {
        if (root.editor.savesAsProposal && root.editor.dirty)
            proposeDialog.open()
        else
            root.editor.save()
    }

    /// Runs `action` once unsaved edits are saved or discarded (asks first when there are any).
    function confirmLeave(action) {
        if (!root.editor.dirty) {
            action()
            return
        }
        leaveDialog.pending = action
        leaveDialog.open()
    }

    function showProblem(formRow: int, line: int) {
        if (formRow >= 0)
            form.showRow(formRow)
        if (line > 0)
            yamlView.showLine(line)
        if (root.narrow)
            tabs.currentIndex = formRow >= 0 && line <= 0 ? 0 : tabs.currentIndex
    }

    // A document opened with errors shows the first one (form row and YAML line) once it is checked.
    property bool revealPending: false
    Connections {
        target: root.editor
        function onDocumentChanged() { root.revealPending = true }
        function onValidated() {
            if (!root.revealPending || root.editor.validating)
                return
            root.revealPending = false
            const first = root.editor.firstError()
            if (first.line !== undefined)
                root.showProblem(first.formRow, first.line)
        }
    }

    Shortcut {
        sequences: [StandardKey.Save]
        enabled: root.visible
        onActivated: root.requestSave()
    }
    Shortcut {
        sequences: [StandardKey.Undo]
        enabled: root.visible
        onActivated: root.editor.undo()
    }
    Shortcut {
        sequences: [StandardKey.Redo, "Ctrl+Shift+Z"]
        enabled: root.visible
        onActivated: root.editor.redo()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                ElidedLabel {
                    objectName: "editorTitle"
                    Layout.fillWidth: true
                    text: (root.editor.isNew ? qsTr("New contract %1") : qsTr("Editing %1")).arg(root.editor.contractId)
                          + (root.editor.version !== "" ? "  " + root.editor.version : "")
                          + (root.editor.dirty ? "  •" : "")
                    color: Theme.text
                    font.pointSize: Theme.fontHeading
                    font.bold: true
                    elide: Text.ElideMiddle // the id and version at both ends stay readable
                }
                ElidedLabel {
                    Layout.fillWidth: true
                    text: root.editor.savesAsProposal
                          ? (root.editor.dirty && root.editor.proposalVersion !== ""
                             ? qsTr("Active version %1: saving proposes version %2 for review (the changes need at least %3; raise the version in the form to go higher)")
                               .arg(root.editor.baseVersion).arg(root.editor.proposalVersion).arg(root.editor.requiredVersion)
                             : qsTr("Active version %1: your edits are saved as a proposal for review").arg(root.editor.baseVersion))
                          : root.editor.filePath
                    color: Theme.textMuted
                    font.pointSize: Theme.fontSmall
                    elide: Text.ElideMiddle
                }
            }
            Button {
                text: qsTr("Undo")
                enabled: root.editor.canUndo
                font.pointSize: Theme.fontBody
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Undo (Ctrl+Z)")
                onClicked: root.editor.undo()
            }
            Button {
                text: qsTr("Redo")
                enabled: root.editor.canRedo
                font.pointSize: Theme.fontBody
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Redo (Ctrl+Shift+Z)")
                onClicked: root.editor.redo()
            }
            Button {
                objectName: "editorSave"
                text: root.editor.saving ? qsTr("Saving…")
                      : root.editor.savesAsProposal ? qsTr("Save as proposal") : qsTr("Save")
                highlighted: true
                enabled: root.editor.dirty && !root.editor.saving
                font.pointSize: Theme.fontBody
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Ctrl+S")
                onClicked: root.requestSave()
            }
            Button {
                objectName: "editorClose"
                text: qsTr("Close")
                font.pointSize: Theme.fontBody
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Back to the diff")
                onClicked: root.confirmLeave(() => root.closed())
            }
        }

        // Edits of an earlier session that were never saved (the app closed or crashed).
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 36
            visible: root.editor.hasAutosave
            color: Theme.accentSoft
            radius: Theme.radius
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing
                anchors.rightMargin: 4
                Label {
                    Layout.fillWidth: true
                    text: qsTr("This contract has unsaved edits from an earlier session.")
                    color: Theme.text
                    font.pointSize: Theme.fontBody
                    elide: Text.ElideRight
                }
                Button {
                    text: qsTr("Restore them")
                    font.pointSize: Theme.fontBody
                    onClicked: root.editor.restoreAutosave()
                }
                Button {
                    text: qsTr("Discard")
                    font.pointSize: Theme.fontBody
                    onClicked: root.editor.dropAutosave()
                }
            }
        }

        Label {
            Layout.fillWidth: true
            visible: root.editor.message !== ""
            text: root.editor.message
            color: root.editor.messageIsError ? Theme.error : Theme.ok
            font.pointSize: Theme.fontBody
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
        }

        TabBar {
            id: tabs
            Layout.fillWidth: true
            visible: root.narrow
            TabButton { text: qsTr("Form"); font.pointSize: Theme.fontBody }
            TabButton { text: qsTr("YAML"); font.pointSize: Theme.fontBody }
        }

        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            orientation: Qt.Vertical

            SplitView {
                SplitView.fillHeight: true
                SplitView.minimumHeight: 200
                orientation: Qt.Horizontal

                EditorForm {
                    id: form
                    objectName: "editorFormPane"
                    visible: !root.narrow || tabs.currentIndex === 0
                    SplitView.preferredWidth: root.narrow ? root.width : root.width * 0.5
                    SplitView.minimumWidth: 320
                    SplitView.fillWidth: root.narrow
                    editor: root.editor
                }
                YamlEditor {
                    id: yamlView
                    objectName: "editorYamlPane"
                    visible: !root.narrow || tabs.currentIndex === 1
                    SplitView.fillWidth: true
                    SplitView.minimumWidth: 320
                    editor: root.editor
                }
            }

            ProblemList {
                SplitView.preferredHeight: 110
                SplitView.minimumHeight: 60
                editor: root.editor
                onProblemClicked: (formRow, line) => root.showProblem(formRow, line)
            }
        }
    }

    Dialog {
        id: proposeDialog
        objectName: "proposeDialog"
        anchors.centerIn: parent
        modal: true
        title: qsTr("Propose for review")
        standardButtons: Dialog.Ok | Dialog.Cancel
        width: 520
        // A proposal with errors would go to review broken, and one without the author's e-mail cannot be
        // written: both are said here, before OK, and OK waits for them.
        property bool askEmail: false
        readonly property bool blocked: root.editor.errorCount > 0 || (askEmail && emailField.text.trim().indexOf("@") <= 0)
        onAboutToShow: {
            askEmail = AppSettings.identityEmail.trim() === ""
            emailField.text = ""
        }
        Component.onCompleted: standardButton(Dialog.Ok).enabled = Qt.binding(() => !proposeDialog.blocked)
        ColumnLayout {
            width: proposeDialog.availableWidth
            spacing: Theme.spacing
            Label {
                objectName: "proposeDialogText"
                Layout.fillWidth: true
                // The version is known once the edits are validated (debounced); saving waits for it anyway.
                text: (root.editor.proposalVersion !== ""
                       ? qsTr("Propose version %1 of %2 for review? The changes need at least version %3 (active: %4).")
                         .arg(root.editor.proposalVersion).arg(root.editor.contractId)
                         .arg(root.editor.requiredVersion).arg(root.editor.baseVersion)
                       : qsTr("Propose the edits of %1 for review? (checking which version they need…)").arg(root.editor.contractId))
                      + "\n" + qsTr("The proposal is written next to the active contract and its review starts.")
                wrapMode: Text.Wrap
                font.pointSize: Theme.fontBody
            }
            Label {
                objectName: "proposeDialogErrors"
                Layout.fillWidth: true
                visible: root.editor.errorCount > 0
                text: qsTr("The contract has %n error(s), listed under Problems. Fix them before proposing: reviewers would be asked to approve a contract that does not validate.",
                           "", root.editor.errorCount)
                wrapMode: Text.Wrap
                color: Theme.error
                font.pointSize: Theme.fontBody
            }
            Label {
                Layout.fillWidth: true
                visible: proposeDialog.askEmail
                text: qsTr("Your e-mail names you as the proposal's author (it is kept in Settings → Identity):")
                wrapMode: Text.Wrap
                font.pointSize: Theme.fontBody
            }
            TextField {
                id: emailField
                objectName: "proposeDialogEmail"
                Layout.fillWidth: true
                visible: proposeDialog.askEmail
                placeholderText: qsTr("you@example.com")
                onAccepted: if (!proposeDialog.blocked) proposeDialog.accept()
            }
        }
        onAccepted: {
            if (askEmail)
                AppSettings.identityEmail = emailField.text.trim()
            root.editor.save()
        }
    }

    Dialog {
        id: leaveDialog
        objectName: "leaveDialog"
        property var pending: null
        anchors.centerIn: parent
        modal: true
        title: qsTr("Unsaved edits")
        standardButtons: Dialog.Save | Dialog.Discard | Dialog.Cancel
        width: 480
        Label {
            text: root.editor.savesAsProposal
                  ? qsTr("Propose the edits of %1 for review before leaving, or discard them?").arg(root.editor.contractId)
                  : qsTr("Save the edits of %1 before leaving, or discard them?").arg(root.editor.contractId)
            wrapMode: Text.Wrap
            width: leaveDialog.availableWidth
            font.pointSize: Theme.fontBody
        }
        // The save may wait for the check of the latest edits: what was pending runs once it is written.
        onAccepted: root.editor.save()
        Connections {
            target: root.editor
            function onSaveEnded(ok) {
                if (ok && leaveDialog.pending)
                    leaveDialog.pending()
                leaveDialog.pending = null
            }
        }
        onDiscarded: {
            root.editor.revert()
            close()
            if (pending)
                pending()
            pending = null
        }
        onRejected: pending = null
    }
}
