pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// What an export will write, before it is saved: page 1 of a PDF (painted from the same layout the PDF
// is written from), the grabbed picture of a PNG, the rendered SVG. Save opens the file dialog.
Dialog {
    id: dialog

    required property ExportController exporter

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: parent ? Math.round(parent.width * 0.8) : 800
    height: parent ? Math.round(parent.height * 0.85) : 600
    modal: true
    focus: true
    title: qsTr("Export preview: %1").arg(exporter.suggestedName)

    contentItem: ColumnLayout {
        objectName: "exportPreview" // screenshots report where the dialog's content was drawn
        spacing: Theme.spacing
        Label {
            objectName: "exportSummary"
            Layout.fillWidth: true
            text: dialog.exporter.summary
            color: Theme.textMuted
            font.pointSize: Theme.fontBody
            elide: Text.ElideRight
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surfaceAlt
            radius: Theme.radius
            ExportPreviewItem {
                objectName: "exportPreviewImage"
                anchors.fill: parent
                anchors.margins: Theme.spacing
                controller: dialog.exporter
                frameColor: Theme.border
            }
        }
    }

    footer: DialogButtonBox {
        objectName: "exportPreviewButtons"
        Button {
            text: qsTr("Save…")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
