import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope

// Before sources are removed or switched: what the next sync drops from the cache (what only those
// sources hold, their proposals and reviews) and that their files stay on disk. Nothing changes
// until the user confirms. `drop` is AppController.previewSources().
Dialog {
    id: dialog
    objectName: "sourceDropDialog"

    property var drop: ({})
    property var pending: null
    /// What the user asked for, in a line ("Adding /path …"); empty for a removal.
    property string intro: ""
    property string confirmText: qsTr("Remove and sync")

    /// Shows what `preview` drops and runs `apply` once confirmed; `source` is being added, when not empty.
    function ask(preview, apply, source) {
        drop = preview
        pending = apply
        intro = source ? qsTr("Adding %1 replaces what the cache shows now; what it holds as well comes back with the sync.").arg(source) + "\n" : ""
        confirmText = source ? qsTr("Add and sync") : qsTr("Remove and sync")
        open()
    }

    function names(list) { return (list || []).map(s => "  • " + s).join("\n") }

    anchors.centerIn: parent
    modal: true
    width: Math.min(640, parent ? parent.width - 2 * Theme.margin : 640)
    title: intro !== "" ? qsTr("Switch sources?") : qsTr("Remove from the cache?")
    standardButtons: Dialog.Ok | Dialog.Cancel
    // The button exists once the dialog's footer is made: set its text when the dialog opens.
    onAboutToShow: {
        const ok = standardButton(Dialog.Ok)
        if (ok)
            ok.text = confirmText
    }

    ColumnLayout {
        width: dialog.availableWidth
        spacing: Theme.spacing

        Label {
            objectName: "sourceDropSummary"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            font.pointSize: Theme.fontBody
            color: Theme.text
            text: dialog.intro
                  + qsTr("The next sync drops %n source(s) from the cache:", "", (dialog.drop.sources || []).length)
                  + "\n" + dialog.names(dialog.drop.sources) + "\n\n"
                  + qsTr("What only they hold goes: %1 domain(s), %2 data product(s), %3 contract(s).")
                    .arg(dialog.drop.domains || 0).arg(dialog.drop.products || 0).arg(dialog.drop.contracts || 0)
        }
        Label {
            objectName: "sourceDropProposals"
            Layout.fillWidth: true
            visible: (dialog.drop.proposals || []).length > 0
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            font.pointSize: Theme.fontBody
            color: Theme.warning
            text: qsTr("Proposals that leave the app:") + "\n" + dialog.names(dialog.drop.proposals)
        }
        Label {
            objectName: "sourceDropReviews"
            Layout.fillWidth: true
            visible: (dialog.drop.reviews || []).length > 0
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            font.pointSize: Theme.fontBody
            color: Theme.warning
            text: qsTr("Reviews that leave the app (%1 open):").arg(dialog.drop.openReviews || 0)
                  + "\n" + dialog.names(dialog.drop.reviews)
        }
        Label {
            Layout.fillWidth: true
            visible: (dialog.drop.folders || []).length > 0
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            font.pointSize: Theme.fontSmall
            color: Theme.textMuted
            text: qsTr("Nothing is deleted on disk: the files stay in %1. Add the folder again to see them.")
                  .arg((dialog.drop.folders || []).join(", "))
        }
    }

    onAccepted: {
        if (pending)
            pending()
        pending = null
    }
    onRejected: pending = null
}
