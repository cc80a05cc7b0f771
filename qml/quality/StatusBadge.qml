pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Meshscope

// A small coloured pill: "met", "missed", "stale", "error", ...
Rectangle {
    id: badge

    required property string text
    property string tone: "neutral" // ok, warning, error, neutral

    readonly property color toneColor: tone === "ok" ? Theme.ok : tone === "warning" ? Theme.warning
                                     : tone === "error" ? Theme.error : Theme.textMuted
    implicitWidth: label.implicitWidth + 12
    implicitHeight: label.implicitHeight + 4
    radius: height / 2
    color: Qt.rgba(toneColor.r, toneColor.g, toneColor.b, 0.15)
    border.color: toneColor

    Label {
        id: label
        anchors.centerIn: parent
        text: badge.text
        color: badge.toneColor
        font.pointSize: Theme.fontSmall
        font.bold: true
    }
}
