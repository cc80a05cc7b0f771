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

    Label {
        width: preview.availableWidth
        padding: Theme.margin
        // Names in the minutes come from documents: rendered by DocumentText, nothing is fetched.
        textFormat: Text.RichText
        wrapMode: Text.WordWrap
        color: Theme.text
        // Re-read whenever the meeting changes.
        text: { preview.controller.decidedCount; preview.controller.attendees; preview.controller.actions;
                preview.controller.notes; preview.controller.agenda.count
                return DocumentText.markdownToHtml(preview.controller.minutesMarkdown()) }
    }
}
