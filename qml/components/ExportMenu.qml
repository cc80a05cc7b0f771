pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQml.Models
import Meshscope
import Meshscope.Backend

// "Export" for a view's toolbar: a menu of what the view can write, made by ExportController from what
// the view shows now (off the GUI thread, a busy indicator meanwhile), a preview of PDF, PNG and SVG
// with Save / Cancel, then a file dialog that starts in the last export folder and remembers it.
// `meshscope gui --view AREA --export-preview FORMAT` opens the preview once the view has loaded.
RowLayout {
    id: root

    /// "domains", "lineage", "quality", "contracts": which export ExportController makes.
    required property string view
    /// What the menu offers: [{ format: "svg", label: qsTr("Map as SVG…") }, ...]
    required property var formats
    /// Returns the context for ExportController.prepare() (what the view shows at the moment).
    property var context: function() { return {} }
    /// The item a PNG is grabbed from.
    property Item grabItem
    /// File name stem of PNGs.
    property string imageName: view
    /// True once the view shows what it would export (the startup preview waits for it).
    property bool ready: true
    property bool grabbing: false

    readonly property bool working: exporter.busy || grabbing
    readonly property var appWindow: ApplicationWindow.window
    readonly property string startupPreview: appWindow && AppController.startArea === view ? appWindow.exportPreview : ""
    property bool startupDone: false

    spacing: 4

    /// Starts exporting `format` (one of formats' keys); the preview or the file dialog follows.
    function start(format: string) {
        exporter.clear()
        if (format === "png") {
            if (!root.grabItem || root.grabItem.width < 1) {
                root.showError(qsTr("Nothing to grab: the view shows no picture yet."))
                return
            }
            root.grabbing = true
            const ok = root.grabItem.grabToImage((result) => {
                root.grabbing = false
                exporter.prepareImage(result, root.imageName)
            })
            if (!ok) {
                root.grabbing = false
                root.showError(qsTr("The view could not be grabbed as a picture."))
            }
        } else {
            exporter.prepare(root.view, format, root.context())
        }
    }

    function showError(message: string) {
        errorDialog.message = message
        errorDialog.open()
        root.startupFinished()
    }

    function startupFinished() {
        if (root.startupDone && root.appWindow)
            root.appWindow.exportBusy = false
    }

    function nameFilter(format: string): string {
        return { pdf: qsTr("PDF documents (*.pdf)"), png: qsTr("PNG images (*.png)"),
                 svg: qsTr("SVG images (*.svg)"), csv: qsTr("CSV tables (*.csv)") }[format] || "*"
    }

    ExportController {
        id: exporter
        onPrepared: {
            if (exporter.hasPreview)
                preview.open()
            else
                saveDialog.open()
        }
        onFailed: (message) => root.showError(message)
        onSaved: (path) => savedTip.show(qsTr("Saved %1").arg(path), 5000)
    }

    Shortcut {
        // Ctrl+E is Edit in the Contracts area; Ctrl+Shift+E is "Export" in GIMP, Inkscape and others.
        sequence: "Ctrl+Shift+E"
        enabled: root.visible && button.enabled
        onActivated: menu.open()
    }

    BusyIndicator {
        objectName: "exportBusy"
        Layout.preferredWidth: 24
        Layout.preferredHeight: 24
        running: root.working
        visible: root.working
    }

    Button {
        id: button
        objectName: "exportButton"
        text: qsTr("Export")
        enabled: !root.working && root.formats.length > 0
        onClicked: menu.open()
        ToolTip.visible: hovered
        ToolTip.text: qsTr("Save what this view shows to a file (Ctrl+Shift+E)")

        Menu {
            id: menu
            y: button.height
            Instantiator {
                model: root.formats
                delegate: MenuItem {
                    required property var modelData
                    text: modelData.label
                    onTriggered: root.start(modelData.format)
                }
                onObjectAdded: (index, object) => menu.insertItem(index, object)
                onObjectRemoved: (index, object) => menu.removeItem(object)
            }
        }
        ToolTip {
            id: savedTip
        }
    }

    ExportPreviewDialog {
        id: preview
        exporter: exporter
        onOpened: root.startupFinished()
        onAccepted: saveDialog.open()
        onRejected: exporter.clear()
    }

    SaveFileDialog {
        id: saveDialog
        objectName: "exportSaveDialog"
        title: qsTr("Export %1").arg(exporter.suggestedName)
        folder: AppSettings.exportFolder
        fileName: exporter.suggestedName
        types: [{ label: root.nameFilter(exporter.format), suffix: exporter.format }]
        onSaveRequested: (path) => {
            AppSettings.exportFolder = SavePaths.fileUrl(SavePaths.folderOf(path))
            exporter.save(path)
        }
    }

    Dialog {
        id: errorDialog
        property string message
        objectName: "exportError"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(560, parent ? parent.width * 0.8 : 560)
        modal: true
        title: qsTr("Export failed")
        standardButtons: Dialog.Ok
        Label {
            width: parent.width
            text: errorDialog.message
            wrapMode: Text.Wrap
            color: Theme.text
        }
    }

    // `--export-preview FORMAT`: once the view is loaded and shows its data, open that export's preview.
    Timer {
        interval: 200
        repeat: true
        running: root.startupPreview !== "" && !root.startupDone
        onTriggered: {
            if (AppController.syncing || !root.ready || !root.visible)
                return
            root.startupDone = true
            if (root.formats.some((f) => f.format === root.startupPreview))
                root.start(root.startupPreview)
            else
                root.showError(qsTr("The %1 view does not export %2.").arg(root.view).arg(root.startupPreview))
        }
    }
}
