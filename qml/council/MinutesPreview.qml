pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Meshscope
import Meshscope.Backend

// The minutes exactly as "Export minutes…" will write them, rendered from the same Markdown.
ScrollView {
    id: preview
    required property CouncilController controller
    contentWidth: availableWidth
    clip: true

    background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }

    // A read-only TextEdit, not a Label: Text lays rich-text tables out with the wrong height, and the
    // heading after the action table was drawn over its last row. The text can be selected and copied.
    TextEdit {
        objectName: "minutesPreviewText"
        width: preview.availableWidth
        padding: Theme.margin
        readOnly: true
        selectByMouse: true
        // Names in the minutes come from documents: rendered by DocumentText, nothing is fetched.
        textFormat: TextEdit.RichText
        wrapMode: TextEdit.Wrap
        color: Theme.text
        selectionColor: Theme.accentSoft
        selectedTextColor: Theme.text
        font.pointSize: Theme.fontBody
        // Re-read whenever the meeting changes.
        text: { preview.controller.decidedCount; preview.controller.attendees; preview.controller.actions;
                preview.controller.notes; preview.controller.agenda.count
                return DocumentText.markdownToHtml(preview.controller.minutesMarkdown()) }
    }
}
