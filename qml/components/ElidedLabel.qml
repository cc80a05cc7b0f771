import QtQuick
import QtQuick.Controls

// A one-line label that may be cut to fit: when it is, hovering shows the whole text. A cut line with no
// way to read it (the contract's impact, the editor's title) hides exactly the part a reviewer needs.
Label {
    id: label
    elide: Text.ElideRight
    maximumLineCount: 1
    // Ids and names come from documents: shown as written, never as markup.
    textFormat: Text.PlainText

    HoverHandler { id: hover }
    ToolTip.visible: hover.hovered && label.truncated
    ToolTip.text: label.text
    ToolTip.delay: 400
}
