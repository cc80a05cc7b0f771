pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope

// One KPI of the seeds: its value, its target and a sparkline of its trend (when there is history).
Rectangle {
    id: card

    required property var kpi
    signal clicked()

    implicitWidth: 200
    implicitHeight: 96
    radius: Theme.radius
    color: mouse.containsMouse ? Theme.surfaceAlt : Theme.surface
    border.color: Theme.border

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 0
        Label {
            Layout.fillWidth: true
            text: card.kpi.label
            color: Theme.textMuted
            font.pointSize: Theme.fontSmall
            elide: Text.ElideRight
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                objectName: "kpiValue"
                text: card.kpi.text
                // "no data" is neither met nor missed.
                color: card.kpi.hasData === false ? Theme.textMuted : card.kpi.ok ? Theme.ok : Theme.error
                font.pointSize: Theme.fontTitle
                font.bold: true
            }
            Sparkline {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: 26
                values: card.kpi.trend
                lineColor: card.kpi.hasData === false ? Theme.textMuted : card.kpi.ok ? Theme.ok : Theme.error
            }
        }
        Label {
            Layout.fillWidth: true
            text: card.kpi.target + (card.kpi.trend.length === 0 ? " · " + qsTr("no trend yet") : "")
            color: Theme.textMuted
            font.pointSize: Theme.fontSmall
            elide: Text.ElideRight
        }
    }
    MouseArea {
        id: mouse
        anchors.fill: parent
        hoverEnabled: true
        cursorShape: Qt.PointingHandCursor
        onClicked: card.clicked()
        ToolTip.visible: containsMouse
        ToolTip.text: card.kpi.hint
        ToolTip.delay: 400
    }
}
