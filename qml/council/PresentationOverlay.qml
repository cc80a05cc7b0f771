pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// Presentation mode for the meeting room: full screen, high contrast, type readable from across the
// room, one agenda item at a time with a visible timer against its time box. Keys: Right/Space/PgDn next,
// Left/PgUp previous, 1 approve, 2 reject, 3 defer, Esc leave.
Popup {
    id: overlay
    objectName: "presentation"

    required property CouncilController controller
    readonly property var item: controller.currentItem
    readonly property int limitSeconds: (item.minutes || 5) * 60
    readonly property bool overrun: controller.itemSeconds > limitSeconds
    property int previousVisibility: Window.Windowed

    // Sizes follow the screen, not the desktop's font setting: the room reads a projected screen.
    readonly property real unit: Math.max(12, height / 48)

    parent: Overlay.overlay
    x: 0
    y: 0
    width: parent ? parent.width : 0
    height: parent ? parent.height : 0
    modal: true
    focus: true
    padding: unit * 2.5
    closePolicy: Popup.CloseOnEscape
    background: Rectangle { color: "#000000" }

    function clock(seconds) {
        const m = Math.floor(seconds / 60), s = seconds % 60
        return (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s
    }

    onOpened: {
        const window = overlay.parent ? overlay.parent.Window.window : null
        if (window) {
            previousVisibility = window.visibility
            window.showFullScreen()
        }
        controller.presenting = true
        content.forceActiveFocus()
    }
    onClosed: {
        controller.presenting = false
        const window = overlay.parent ? overlay.parent.Window.window : null
        if (window && window.visibility === Window.FullScreen)
            window.visibility = previousVisibility === Window.FullScreen ? Window.Windowed : previousVisibility
    }

    contentItem: Item {
        id: content
        focus: true
        Keys.onPressed: (event) => {
            switch (event.key) {
            case Qt.Key_Right: case Qt.Key_Space: case Qt.Key_PageDown: case Qt.Key_Down:
                overlay.controller.next(); break
            case Qt.Key_Left: case Qt.Key_PageUp: case Qt.Key_Up: case Qt.Key_Backspace:
                overlay.controller.previous(); break
            case Qt.Key_1: overlay.controller.decide(overlay.controller.current, "approve", overlay.item.decisionNote || ""); break
            case Qt.Key_2: overlay.controller.decide(overlay.controller.current, "reject", overlay.item.decisionNote || ""); break
            case Qt.Key_3: overlay.controller.decide(overlay.controller.current, "defer", overlay.item.decisionNote || ""); break
            default: return
            }
            event.accepted = true
        }

        ColumnLayout {
            anchors.fill: parent
            spacing: overlay.unit

            RowLayout {
                Layout.fillWidth: true
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Item %1 of %2").arg(overlay.controller.current + 1).arg(overlay.controller.agenda.count)
                          + "  ·  " + (overlay.item.kindLabel || "")
                          + (overlay.item.domain ? "  ·  " + qsTr("domain %1").arg(overlay.item.domain) : "")
                    color: "#ffd166"
                    font.pixelSize: overlay.unit * 1.2
                    font.bold: true
                    elide: Text.ElideRight
                }
                Label {
                    text: overlay.clock(overlay.controller.itemSeconds) + " / " + overlay.clock(overlay.limitSeconds)
                    color: overlay.overrun ? "#ff6b6b" : "#ffffff"
                    font.pixelSize: overlay.unit * 1.6
                    font.bold: true
                    font.family: "monospace"
                }
            }
            Label {
                Layout.fillWidth: true
                text: overlay.item.title || ""
                color: "#ffffff"
                font.pixelSize: overlay.unit * 2.6
                font.bold: true
                wrapMode: Text.WordWrap
            }
            Label {
                Layout.fillWidth: true
                text: overlay.item.reason || ""
                color: "#ffffff"
                font.pixelSize: overlay.unit * 1.6
                wrapMode: Text.WordWrap
            }
            Repeater {
                model: overlay.item.evidence || []
                delegate: Label {
                    required property string modelData
                    Layout.fillWidth: true
                    text: "•  " + modelData
                    color: "#e6e6e6"
                    font.pixelSize: overlay.unit * 1.25
                    wrapMode: Text.WordWrap
                    maximumLineCount: 3
                    elide: Text.ElideRight
                }
            }
            Item { Layout.fillHeight: true }
            DecisionBadge {
                decision: overlay.item.decision || ""
                fontSize: overlay.unit * 1.2
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("→ / Space next   ← previous   1 approve   2 reject   3 defer   Esc leave")
                color: "#bdbdbd"
                font.pixelSize: overlay.unit * 0.9
                elide: Text.ElideRight
            }
        }
    }
}
