pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// Contracts: pick a contract and two of its versions (by default a proposal against the active
// version) and review the diff: a summary with the version verdict and who it breaks, the semantic
// changes grouped by severity, and the side-by-side YAML with each change linked to its lines.
AreaPage {
    id: view

    title: qsTr("Contracts")
    subtitle: qsTr("Compare contract versions: what changed, does it break anyone, and whom")
    icon: "contracts"
    emptyHeading: qsTr("No contracts in the cache")
    emptyBody: qsTr("Sync a mesh with ODCS or Data Contract Specification files to compare their versions.")

    ContractDiffController {
        id: controller
    }

    // The editor (qml/editor/): lives as long as the view, so unsaved edits survive switching areas.
    ContractEditorController {
        id: editorController
        sources: AppController.sources
        cachePath: AppController.cachePath
        identityEmail: AppSettings.identityEmail
        identityName: AppSettings.identityName
        onProposed: (id, version) => {
            view.editing = false
            editorController.close()
            controller.open(id + "@" + version) // shown with its review once the sync has read it
            AppController.syncNow()
        }
        onSaved: AppController.syncNow()
    }
    property bool editing: false
    /// "id!edit" asked for before the cache had the contract (startup --select): opened after the sync.
    property string pendingEdit: ""

    function edit(ref: string) {
        if (editorController.open(ref)) {
            view.pendingEdit = ""
            view.editing = true
        } else if (AppController.syncing || (AppController.counts.files || 0) === 0) {
            view.pendingEdit = ref
        }
    }
    function startEdit() {
        editorPage.confirmLeave(() => view.edit(controller.contractId
                                            + (controller.newVersion !== "" ? "@" + controller.newVersion : "")))
    }

    // Attached properties resolve on Items only, so the window is taken here, not inside the Binding.
    readonly property Window appWindow: ApplicationWindow.window

    // A screenshot waits while the diff is computed (only while this area is shown).
    Binding {
        target: view.appWindow
        property: "busy"
        value: view.editing || view.pendingEdit !== "" ? (editorController.validating || view.pendingEdit !== "")
                                                       : (controller.loading || lineDiff.showPending)
        when: view.visible && view.appWindow !== null
    }

    Component.onCompleted: controller.reload(AppController.cachePath)

    /// AppController.open("contracts", id): ID or ID@VERSION in the diff, "ID!edit" in the editor.
    function openItem(id: string) {
        const editing = id.endsWith("!edit")
        const ref = editing ? id.slice(0, -5) : id
        editorPage.confirmLeave(() => {
            view.editing = false
            controller.open(ref)
            if (editing)
                view.edit(ref)
        })
    }

    /// A table search hit: contract `id`, scrolled to schema object `object` (named above the diff).
    function openObject(id: string, object: string) {
        editorPage.confirmLeave(() => {
            view.editing = false
            controller.open(id)
            controller.showObject(object)
        })
    }

    Connections {
        target: AppController
        function onSyncFinished() {
            controller.reload(AppController.cachePath)
            if (view.pendingEdit !== "") {
                const ref = view.pendingEdit
                view.pendingEdit = ""
                view.edit(ref)
            }
        }
    }

    Shortcut {
        sequences: ["F8", "Alt+Down"]
        enabled: view.visible
        onActivated: controller.nextChange()
    }
    Shortcut {
        sequences: ["Shift+F8", "Alt+Up"]
        enabled: view.visible
        onActivated: controller.previousChange()
    }

    Shortcut {
        sequence: "Ctrl+E"
        enabled: view.visible && !view.editing && controller.contractId !== ""
        onActivated: view.startEdit()
    }

    Shortcut {
        sequence: "F7"
        enabled: view.visible
        onActivated: lineDiff.showBlock(true)
    }
    Shortcut {
        sequence: "Shift+F7"
        enabled: view.visible
        onActivated: lineDiff.showBlock(false)
    }

    ContractEditor {
        id: editorPage
        anchors.fill: parent
        visible: view.editing
        editor: editorController
        onClosed: {
            view.editing = false
            editorController.close()
        }
    }

    TemplatePicker {
        id: templatePicker
        editor: editorController
        onStarted: view.editing = true
    }

    RowLayout {
        anchors.fill: parent
        spacing: Theme.margin
        visible: controller.contracts.totalCount > 0 && !view.editing

        ContractListPane {
            Layout.preferredWidth: 270
            Layout.fillHeight: true
            controller: controller
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            DiffHeader {
                Layout.fillWidth: true
                controller: controller
                onEditRequested: view.startEdit()
                onNewRequested: templatePicker.open()
            }

            // The table a search hit opened: where it is in the version shown.
            Label {
                objectName: "contractFocus"
                Layout.fillWidth: true
                visible: controller.focusObject !== ""
                text: controller.focusNote
                color: Theme.text
                font.pointSize: Theme.fontBody
                font.bold: true
                elide: Text.ElideRight
            }

            // Changes and review above, the lines below; drag the handle between them to give either
            // more room. The view lives as long as the window, so a dragged split stays when the user
            // switches areas or contracts.
            SplitView {
                id: split
                objectName: "contractsSplit"
                Layout.fillWidth: true
                Layout.fillHeight: true
                orientation: Qt.Vertical
                visible: controller.hasDiff

                handle: Rectangle {
                    id: splitHandle
                    objectName: "contractsSplitHandle"
                    implicitHeight: Theme.spacing + 2
                    color: splitHandle.SplitHandle.pressed ? Theme.accentSoft
                         : splitHandle.SplitHandle.hovered ? Theme.surfaceAlt : "transparent"
                    // A grip, so the handle is seen to be one.
                    Rectangle {
                        anchors.centerIn: parent
                        width: 48
                        height: 4
                        radius: 2
                        color: splitHandle.SplitHandle.pressed || splitHandle.SplitHandle.hovered
                               ? Theme.accent : Theme.textMuted
                        opacity: splitHandle.SplitHandle.pressed || splitHandle.SplitHandle.hovered ? 1 : 0.5
                    }
                }

                RowLayout {
                    // About half the height by default: the review (state, approvers, discussion) and
                    // the changes need it as much as the lines do. Dragging the handle replaces this.
                    // On short windows it keeps ~320 px (a few approvers), leaving the lines at least 190
                    // (nine lines; at 1100x800 the header takes a row more once the title has its own).
                    SplitView.preferredHeight: Math.round(Math.max(split.height * 0.5, Math.min(320, split.height - 190)))
                    SplitView.minimumHeight: 220
                    spacing: Theme.spacing

                    ChangeList {
                        id: changeList
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        controller: controller
                    }
                    // The review of the compared proposal (state, approvers, thread, votes) beside the
                    // changes; a new comment is about the selected change.
                    ReviewPanel {
                        objectName: "contractReview"
                        Layout.preferredWidth: Math.max(320, Math.min(480, view.width * 0.33))
                        Layout.fillHeight: true
                        contractId: controller.contractId
                        version: controller.newVersion
                        field: changeList.currentPath
                    }
                }

                LineDiffView {
                    id: lineDiff
                    SplitView.fillHeight: true
                    SplitView.minimumHeight: 160
                    controller: controller
                }
            }

            Label {
                objectName: "diffMessage"
                Layout.fillWidth: true
                Layout.fillHeight: controller.singleText === ""
                visible: !controller.hasDiff
                text: controller.loading ? qsTr("Comparing…") : controller.message
                color: Theme.textMuted
                font.pointSize: Theme.fontBody
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            // A contract with one version is still read here: its document, as the cache holds it.
            ScrollView {
                objectName: "singleVersionText"
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: !controller.hasDiff && controller.singleText !== ""
                TextArea {
                    readOnly: true
                    selectByMouse: true
                    textFormat: TextEdit.PlainText // the document as written, never as markup
                    text: controller.singleText
                    font.family: "monospace"
                    font.pointSize: Theme.fontBody
                    color: Theme.text
                    background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }
                }
            }
        }
    }
}
