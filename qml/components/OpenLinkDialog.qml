import QtQuick
import QtQuick.Controls
import Meshscope
import Meshscope.Backend

// A link from a document opens only after the user has seen where it goes, and only for http, https
// and mailto (DocumentText.linkToOpen): file:, javascript: or a custom scheme is named, never opened.
Dialog {
    id: dialog
    objectName: "openLinkDialog"
    property string link: ""
    readonly property string target: DocumentText.linkToOpen(link)

    function ask(href) {
        link = href
        open()
    }

    anchors.centerIn: parent
    modal: true
    width: Math.min(560, parent ? parent.width - 2 * Theme.margin : 560)
    title: target !== "" ? qsTr("Open this link?") : qsTr("This link is not opened")
    standardButtons: target !== "" ? (Dialog.Open | Dialog.Cancel) : Dialog.Close

    Label {
        objectName: "openLinkTarget"
        width: dialog.availableWidth
        textFormat: Text.PlainText
        wrapMode: Text.WrapAnywhere
        font.pointSize: Theme.fontBody
        text: dialog.target !== ""
              ? qsTr("The document links to\n%1\nIt opens in your browser or mail program.").arg(dialog.target)
              : qsTr("The document links to\n%1\nOnly http, https and mailto links open from a document.").arg(dialog.link)
    }

    onAccepted: {
        if (target !== "")
            Qt.openUrlExternally(target)
    }
}
