pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope

// Quality checks (rows) × runs (columns): green passed, red failed, grey not run. A cell's tooltip is
// the evidence: run, time and the failure message.
Item {
    id: heatmap

    property var columns: []
    property var rows: []
    readonly property int labelWidth: 190
    readonly property int cell: Math.max(10, Math.min(26, Math.floor((width - labelWidth - 8) / Math.max(1, columns.length)) - 2))

    Label {
        anchors.centerIn: parent
        visible: heatmap.rows.length === 0
        text: qsTr("No check results for this product's tables")
        color: Theme.textMuted
    }

    Flickable {
        anchors.fill: parent
        contentHeight: grid.implicitHeight
        clip: true
        visible: heatmap.rows.length > 0
        ScrollBar.vertical: ScrollBar {}

        Column {
            id: grid
            spacing: 2
            Repeater {
                model: heatmap.rows
                delegate: Row {
                    id: checkRow
                    required property var modelData
                    spacing: 2
                    Label {
                        width: heatmap.labelWidth
                        height: heatmap.cell
                        verticalAlignment: Text.AlignVCenter
                        text: checkRow.modelData.label
                        color: checkRow.modelData.lastSuccess ? Theme.text : Theme.error
                        font.pointSize: Theme.fontSmall
                        font.bold: !checkRow.modelData.lastSuccess
                        elide: Text.ElideMiddle
                    }
                    Repeater {
                        model: checkRow.modelData.cells
                        delegate: Rectangle {
                            id: cellRect
                            required property int index
                            required property var modelData
                            width: heatmap.cell
                            height: heatmap.cell
                            radius: 2
                            color: modelData === 1 ? Theme.ok : modelData === 0 ? Theme.error : Theme.surfaceAlt
                            border.color: Theme.border
                            MouseArea {
                                id: cellMouse
                                anchors.fill: parent
                                hoverEnabled: true
                                ToolTip.visible: containsMouse
                                ToolTip.text: {
                                    const col = heatmap.columns[cellRect.index]
                                    const state = cellRect.modelData === 1 ? qsTr("passed") : cellRect.modelData === 0 ? qsTr("FAILED") : qsTr("not run")
                                    return checkRow.modelData.label + " — " + state + "\n" + col.label + "  run " + col.run
                                           + "\n" + checkRow.modelData.dataset
                                           + (cellRect.modelData === 0 && checkRow.modelData.message ? "\n" + checkRow.modelData.message : "")
                                }
                            }
                        }
                    }
                }
            }
            Row {
                spacing: 2
                Item { width: heatmap.labelWidth; height: 1 }
                Label {
                    text: heatmap.columns.length > 0
                          ? qsTr("%1 runs, %2 → %3").arg(heatmap.columns.length).arg(heatmap.columns[0].label).arg(heatmap.columns[heatmap.columns.length - 1].label)
                          : ""
                    color: Theme.textMuted
                    font.pointSize: Theme.fontSmall
                }
            }
        }
    }
}
