pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// The app's one Save… dialog, used by every export (QtQuick.Dialogs' FileDialog falls back, without a
// platform dialog, to a QML dialog whose Save mode does not do what users expect in Qt 6.4). It starts
// with a suggested name in a folder; the name may be a bare name (saved in that folder), a relative
// or an absolute path (used as it is, `~/` too). A name without one of the types' suffixes gets the
// chosen type's. An existing file is replaced only after asking. `saveRequested(path)` gives the
// absolute local path once it may be written.
Dialog {
    id: dialog
    objectName: "saveFileDialog"

    /// Where the dialog starts (a folder URL or path); the home folder when it does not exist.
    property var folder
    /// The suggested file name (with its suffix).
    property string fileName
    /// The types offered: [{ label: "PDF documents (*.pdf)", suffix: "pdf" }, ...]; the first is chosen.
    property var types: []
    readonly property string suffix: types.length > 0 ? types[Math.max(0, typeBox.currentIndex)].suffix : ""
    readonly property var suffixes: types.map((t) => t.suffix)
    /// The absolute path the typed name resolves to ("" when none).
    readonly property string path: SavePaths.resolve(folderField.text, nameField.text, suffix, suffixes)

    signal saveRequested(string path)

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(640, parent ? parent.width * 0.9 : 640)
    modal: true
    focus: true
    title: qsTr("Save")

    function trySave() {
        const path = dialog.path
        const problem = SavePaths.problem(path)
        problemLabel.text = problem
        if (problem !== "")
            return
        if (SavePaths.exists(path)) {
            overwrite.path = path
            overwrite.open()
            return
        }
        dialog.finish(path)
    }

    function finish(path: string) {
        dialog.close()
        dialog.saveRequested(path)
    }

    onAboutToShow: {
        folderField.text = SavePaths.startFolder(dialog.folder)
        nameField.text = dialog.fileName
        typeBox.currentIndex = 0
        problemLabel.text = ""
    }
    onOpened: {
        nameField.forceActiveFocus()
        // The name without its suffix is selected, ready to be typed over.
        const dot = nameField.text.lastIndexOf(".")
        nameField.select(0, dot > 0 ? dot : nameField.text.length)
    }

    contentItem: GridLayout {
        columns: 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        Label { text: qsTr("Name"); color: Theme.text }
        TextField {
            id: nameField
            objectName: "saveFileName"
            Layout.fillWidth: true
            selectByMouse: true
            onTextEdited: problemLabel.text = ""
            onAccepted: dialog.trySave()
        }
        Label { text: qsTr("Folder"); color: Theme.text }
        TextField {
            id: folderField
            objectName: "saveFileFolder"
            Layout.fillWidth: true
            selectByMouse: true
            onTextEdited: problemLabel.text = ""
            onAccepted: dialog.trySave()
        }
        Label { text: qsTr("Type"); color: Theme.text; visible: typeBox.visible }
        ComboBox {
            id: typeBox
            objectName: "saveFileType"
            visible: dialog.types.length > 1
            Layout.fillWidth: true
            model: dialog.types.map((t) => t.label)
            onActivated: nameField.text = SavePaths.withSuffix(nameField.text, dialog.suffix, dialog.suffixes)
        }
        Label {
            objectName: "saveFilePath"
            Layout.columnSpan: 2
            Layout.fillWidth: true
            text: dialog.path !== "" ? qsTr("Saves %1").arg(dialog.path) : ""
            color: Theme.textMuted
            font.pointSize: Theme.fontSmall
            elide: Text.ElideMiddle
        }
        Label {
            id: problemLabel
            objectName: "saveFileProblem"
            Layout.columnSpan: 2
            Layout.fillWidth: true
            visible: text !== ""
            color: Theme.error
            wrapMode: Text.Wrap
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "saveFileSave"
            text: qsTr("Save")
            enabled: dialog.path !== ""
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: dialog.trySave()
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }

    Dialog {
        id: overwrite
        objectName: "saveFileOverwrite"
        property string path
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(560, parent ? parent.width * 0.8 : 560)
        modal: true
        title: qsTr("Replace the file?")
        Label {
            objectName: "saveFileOverwriteText"
            width: parent.width
            text: qsTr("%1 already exists. Replace it?").arg(overwrite.path)
            wrapMode: Text.Wrap
            color: Theme.text
        }
        footer: DialogButtonBox {
            Button {
                text: qsTr("Replace")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        // Cancel leaves the save dialog open on the same name, to pick another.
        onRejected: nameField.forceActiveFocus()
        onAccepted: dialog.finish(overwrite.path)
    }
}
