pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// The two YAML texts side by side, changed lines tinted and changed words highlighted. A ListView
// over the C++ row model, so only the rows on screen exist even for a 5,000-line contract. The
// selected semantic change's lines are marked and scrolled into view.
Rectangle {
    id: pane

    required property ContractDiffController controller
    property real offset: 0
    readonly property real charWidth: metrics.advanceWidth("x")
    readonly property real sideWidth: (pane.width - 2 - vbar.width) / 2
    readonly property real contentWidth: pane.controller.maxLineLength * charWidth + 56

    function tint(c, alpha) { return Qt.rgba(c.r, c.g, c.b, alpha) }
    /// F7 / Shift+F7: the next or previous changed block of lines, from the top of the view.
    function showBlock(forward) {
        const top = rows.indexAt(0, rows.contentY + 1)
        const row = pane.controller.lines.blockAfter(top < 0 ? -1 : top + (forward ? 2 : 0), forward)
        if (row >= 0)
            rows.positionViewAtIndex(Math.max(0, row - 2), ListView.Beginning)
    }
    /// True from a new current change until its lines are scrolled into view (screenshots wait for it).
    property bool showPending: false
    function showCurrent() {
        // A table opened from search (controller.showObject) is shown until the user picks a change.
        const focus = pane.controller.focusRow
        const row = focus >= 0 ? focus : pane.controller.currentDiffRow()
        if (row < 0) {
            showPending = false
            return
        }
        // Right after a new diff the list is reset and not laid out yet: positioning then is lost, so
        // try again shortly instead of leaving the view at the top.
        if (rows.count <= row || rows.height <= 0) {
            showPending = true
            retryShow.restart()
            return
        }
        rows.positionViewAtIndex(row, focus >= 0 ? ListView.Beginning : ListView.Center)
        showPending = false
    }

    Timer {
        id: retryShow
        interval: 30
        onTriggered: pane.showCurrent()
    }

    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    FontMetrics {
        id: metrics
        font.family: "monospace"
        font.pointSize: Theme.fontSmall + 0.5
    }

    Connections {
        target: pane.controller
        // Later: after a new diff the list has just been reset and has no delegates yet.
        function onCurrentChangeChanged() { pane.showPending = true; Qt.callLater(pane.showCurrent) }
        function onDiffChanged() { pane.offset = 0 }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 1
        spacing: 0

        // Which file is on which side, and the line counts with the change navigation. Anchored, not a
        // layout: the halves follow the list's width, which the layout itself sets.
        Item {
            Layout.fillWidth: true
            implicitHeight: navigation.implicitHeight + 4

            Label {
                anchors.left: parent.left
                anchors.leftMargin: Theme.spacing
                anchors.verticalCenter: parent.verticalCenter
                width: pane.sideWidth - 2 * Theme.spacing
                text: pane.controller.oldVersion + "  ·  " + pane.controller.oldSource.split("/").pop()
                color: Theme.text
                font.pointSize: Theme.fontSmall
                font.bold: true
                elide: Text.ElideMiddle
            }
            Label {
                anchors.left: parent.left
                anchors.leftMargin: pane.sideWidth + Theme.spacing
                anchors.right: navigation.left
                anchors.rightMargin: Theme.spacing
                anchors.verticalCenter: parent.verticalCenter
                text: pane.controller.newVersion + "  ·  " + pane.controller.newSource.split("/").pop()
                color: Theme.text
                font.pointSize: Theme.fontSmall
                font.bold: true
                elide: Text.ElideMiddle
            }
            Row {
                id: navigation
                anchors.right: parent.right
                anchors.rightMargin: Theme.spacing
                anchors.verticalCenter: parent.verticalCenter
                spacing: 2
                Label {
                    anchors.verticalCenter: parent.verticalCenter
                    rightPadding: Theme.spacing
                    text: pane.controller.lineSummary
                    color: Theme.textMuted
                    font.pointSize: Theme.fontSmall
                }
                ToolButton {
                    text: "↑"
                    font.pointSize: Theme.fontBody
                    onClicked: pane.controller.previousChange()
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Previous change (Shift+F8, Alt+Up)")
                }
                ToolButton {
                    text: "↓"
                    font.pointSize: Theme.fontBody
                    onClicked: pane.controller.nextChange()
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Next change (F8, Alt+Down)")
                }
            }
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Theme.border
        }

        ListView {
            id: rows
            objectName: "lineDiff"
            // A new diff (model reset): show the current change once the rows exist.
            onCountChanged: if (count > 0) { pane.showPending = true; Qt.callLater(pane.showCurrent) }
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: pane.controller.lines
            boundsBehavior: Flickable.StopAtBounds
            reuseItems: true
            // Keep the selected change in view when the split is resized (and once the first layout
            // has given the list its real height).
            onHeightChanged: Qt.callLater(pane.showCurrent)
            ScrollBar.vertical: ScrollBar { id: vbar }

            delegate: Item {
                id: row
                required property string kind
                required property int oldNumber
                required property int newNumber
                required property string oldText
                required property string newText
                required property var oldSpans
                required property var newSpans

                width: ListView.view.width - vbar.width
                height: metrics.height + 4

                DiffLineSide {
                    x: 0
                    width: pane.sideWidth
                    height: parent.height
                    number: row.oldNumber
                    text: row.oldText
                    spans: row.oldSpans
                    fill: row.kind === "same" ? "transparent" : pane.tint(Theme.error, 0.10)
                    spanFill: pane.tint(Theme.error, 0.32)
                    selected: row.oldNumber > 0 && row.oldNumber - 1 >= pane.controller.oldFirst
                              && row.oldNumber - 1 <= pane.controller.oldLast
                    charWidth: pane.charWidth
                    offset: pane.offset
                    codeFont: metrics.font
                }
                Rectangle {
                    x: pane.sideWidth
                    width: 1
                    height: parent.height
                    color: Theme.border
                }
                DiffLineSide {
                    x: pane.sideWidth + 1
                    width: pane.sideWidth
                    height: parent.height
                    number: row.newNumber
                    text: row.newText
                    spans: row.newSpans
                    fill: row.kind === "same" ? "transparent" : pane.tint(Theme.ok, 0.12)
                    spanFill: pane.tint(Theme.ok, 0.36)
                    selected: row.newNumber > 0 && row.newNumber - 1 >= pane.controller.newFirst
                              && row.newNumber - 1 <= pane.controller.newLast
                    charWidth: pane.charWidth
                    offset: pane.offset
                    codeFont: metrics.font
                }
            }
        }

        ScrollBar {
            id: hbar
            Layout.fillWidth: true
            orientation: Qt.Horizontal
            policy: pane.contentWidth > pane.sideWidth ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
            visible: pane.contentWidth > pane.sideWidth
            size: Math.min(1, pane.sideWidth / Math.max(1, pane.contentWidth))
            position: pane.offset / Math.max(1, pane.contentWidth)
            onPositionChanged: if (pressed) pane.offset = position * pane.contentWidth
        }
    }
}
