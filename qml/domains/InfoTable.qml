pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope

// A small read-only table for the product page: a heading, column titles and rows of objects.
// `columns`: [{title, key, width (share of the width)}]; a column with `link: true` is clickable,
// except in a row with `unresolved: true` (a reference to something the mesh does not hold), drawn in
// the warning colour instead.
ColumnLayout {
    id: table

    required property string heading
    required property var columns
    required property var rows
    property string emptyText: qsTr("None in the cache")
    /// Optional: cell text for (row, key); defaults to row[key].
    property var format: null
    signal linkActivated(var row, string key)

    spacing: 0

    Label {
        Layout.bottomMargin: 4
        text: table.heading + (table.rows.length > 0 ? "  (" + table.rows.length + ")" : "")
        color: Theme.text
        font.pointSize: Theme.fontHeading
        font.bold: true
    }
    Label {
        visible: table.rows.length === 0
        text: table.emptyText
        color: Theme.textMuted
        font.pointSize: Theme.fontSmall
    }
    Rectangle {
        visible: table.rows.length > 0
        Layout.fillWidth: true
        implicitHeight: 24
        color: Theme.surfaceAlt
        Row {
            anchors.fill: parent
            Repeater {
                model: table.columns
                delegate: Label {
                    required property var modelData
                    width: table.width * modelData.width
                    height: 24
                    leftPadding: 6
                    verticalAlignment: Text.AlignVCenter
                    text: modelData.title
                    elide: Text.ElideRight
                    color: Theme.textMuted
                    font.pointSize: Theme.fontSmall
                    font.bold: true
                }
            }
        }
    }
    Repeater {
        model: table.rows
        delegate: Rectangle {
            id: line
            required property var modelData
            required property int index
            Layout.fillWidth: true
            implicitHeight: 24
            color: index % 2 === 0 ? Theme.surface : Theme.background
            Row {
                anchors.fill: parent
                Repeater {
                    model: table.columns
                    delegate: Label {
                        id: cell
                        required property var modelData
                        readonly property bool isLink: modelData.link === true && line.modelData.unresolved !== true
                        readonly property string value: {
                            const v = table.format ? table.format(line.modelData, modelData.key) : line.modelData[modelData.key]
                            return v === undefined || v === null ? "" : String(v)
                        }
                        width: table.width * modelData.width
                        height: 24
                        leftPadding: 6
                        rightPadding: 4
                        verticalAlignment: Text.AlignVCenter
                        text: value
                        elide: Text.ElideRight
                        color: line.modelData.unresolved === true ? Theme.warning
                             : isLink && value !== "" ? Theme.accent : Theme.text
                        font.pointSize: Theme.fontSmall
                        font.underline: isLink && linkHover.hovered
                        HoverHandler { id: linkHover; enabled: cell.isLink }
                        TapHandler {
                            enabled: cell.isLink && cell.value !== ""
                            onTapped: table.linkActivated(line.modelData, cell.modelData.key)
                        }
                        ToolTip.visible: cellHover.hovered && truncated
                        ToolTip.text: value
                        HoverHandler { id: cellHover }
                    }
                }
            }
        }
    }
}
