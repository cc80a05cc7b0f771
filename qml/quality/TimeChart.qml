pragma ComponentBehavior: Bound
import QtQuick
import QtCharts
import QtQuick.Controls
import Meshscope

// A line over days (points {time: ms, value}) with an optional dashed target line. A day without a value
// has no evidence: the line breaks there (one series per run of days with values), a lone day is a dot,
// and hovering a day says its value or that nothing ran or was checked that day.
ChartView {
    id: chart

    property var points: []
    property real target: -1
    property string targetLabel
    property string valueLabel
    property real minValue: 0
    property real maxValue: 100
    property color lineColor: Theme.accent

    property var segments: [] // series added for the second and later runs of days with values
    property int gapDays: 0    // days shown without a value (no evidence)

    antialiasing: true
    // Our own legend below: the built-in one would list every segment.
    legend.visible: false
    backgroundColor: "transparent"
    plotAreaColor: "transparent"
    margins { left: 2; right: 2; top: 2; bottom: legendRow.visible ? legendRow.height + 4 : 2 }
    backgroundRoundness: 0

    DateTimeAxis {
        id: xAxis
        format: "MM-dd"
        // As many dates as fit: a fixed 8 on a product's narrow chart cut every label to "11-…".
        tickCount: Math.max(2, Math.min(8, Math.floor((chart.width - 40) / 60)))
        labelsColor: Theme.textMuted
        labelsFont.pointSize: Theme.fontSmall
        gridLineColor: Theme.border
        lineVisible: false
    }
    ValueAxis {
        id: yAxis
        min: chart.minValue
        max: chart.maxValue
        tickCount: 5
        labelFormat: chart.maxValue - chart.minValue < 8 ? "%.1f" : "%.0f"
        labelsColor: Theme.textMuted
        labelsFont.pointSize: Theme.fontSmall
        gridLineColor: Theme.border
        lineVisible: false
    }
    LineSeries {
        id: valueSeries
        name: chart.valueLabel
        axisX: xAxis
        axisY: yAxis
        color: chart.lineColor
        width: 2.5
        pointsVisible: true
    }
    onLineColorChanged: {
        for (const extra of segments)
            extra.color = lineColor
    }
    LineSeries {
        id: targetSeries
        name: chart.targetLabel
        axisX: xAxis
        axisY: yAxis
        color: Theme.warning
        width: 1.5
        style: Qt.DashLine
        visible: chart.target >= 0
    }

    function styleSeries(series) {
        series.color = chart.lineColor
        series.width = 2.5
        series.pointsVisible = true
    }

    function rebuild() {
        valueSeries.clear()
        targetSeries.clear()
        for (const extra of segments)
            chart.removeSeries(extra)
        segments = []
        gapDays = 0
        // A page that is not shown may be handed another page's detail: only a list of points draws.
        if (!points || typeof points.length !== "number" || points.length === 0)
            return
        let first = points[0].time, last = points[points.length - 1].time
        if (last <= first) last = first + 86400000
        xAxis.min = new Date(first - 3600000 * 6)
        xAxis.max = new Date(last + 3600000 * 6)
        let current = valueSeries
        let used = false
        const added = []
        for (const p of points) {
            if (p.value === undefined || p.value === null) {
                ++gapDays
                if (used) {
                    current = null // the next value starts a new segment
                    used = false
                }
                continue
            }
            if (current === null) {
                current = chart.createSeries(ChartView.SeriesTypeLine, "", xAxis, yAxis)
                styleSeries(current)
                added.push(current)
            }
            current.append(p.time, p.value)
            used = true
        }
        segments = added
        if (target >= 0) {
            targetSeries.append(first - 3600000 * 6, target)
            targetSeries.append(last + 3600000 * 6, target)
        }
    }

    /// The point of the day under `x` (chart coordinates), or null.
    function pointAt(x) {
        if (!points || points.length === 0)
            return null
        const t = chart.mapToValue(Qt.point(x, chart.plotArea.y + 1), valueSeries).x
        let best = null
        for (const p of points) {
            if (best === null || Math.abs(p.time - t) < Math.abs(best.time - t))
                best = p
        }
        return best !== null && Math.abs(best.time - t) <= 12 * 3600000 ? best : null
    }

    Row {
        id: legendRow
        visible: chart.target >= 0 || chart.gapDays > 0
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        spacing: Theme.spacing * 2
        Row {
            spacing: 4
            Rectangle { width: 12; height: 12; color: chart.lineColor; anchors.verticalCenter: parent.verticalCenter }
            Label { text: chart.valueLabel; color: Theme.textMuted; font.pointSize: Theme.fontSmall }
        }
        Row {
            visible: chart.target >= 0
            spacing: 4
            Rectangle { width: 12; height: 12; color: Theme.warning; anchors.verticalCenter: parent.verticalCenter }
            Label { text: chart.targetLabel; color: Theme.textMuted; font.pointSize: Theme.fontSmall }
        }
        Label {
            objectName: "timeChartGaps"
            visible: chart.gapDays > 0
            text: qsTr("gaps: %n day(s) without runs or checks", "", chart.gapDays)
            color: Theme.textMuted
            font.pointSize: Theme.fontSmall
        }
    }

    MouseArea {
        id: hover
        x: chart.plotArea.x
        y: chart.plotArea.y
        width: chart.plotArea.width
        height: chart.plotArea.height
        hoverEnabled: true
        acceptedButtons: Qt.NoButton
        property var day: containsMouse ? chart.pointAt(mouseX + x) : null
        // Beside the pointer, not above the plot: there it covered the card's title.
        ToolTip {
            id: dayTip
            visible: hover.day !== null
            delay: 200
            x: Math.min(hover.mouseX + 14, hover.width - width)
            y: Math.max(hover.mouseY - height - 10, 0)
            text: hover.day === null ? ""
                  : Qt.formatDate(new Date(hover.day.time), "yyyy-MM-dd") + ": "
                    + (hover.day.value === undefined || hover.day.value === null
                       ? qsTr("no runs or checks that day")
                       : (chart.valueLabel + " " + Number(hover.day.value).toFixed(chart.maxValue - chart.minValue < 8 ? 1 : 0)))
        }
    }

    onPointsChanged: rebuild()
    onTargetChanged: rebuild()
    Component.onCompleted: rebuild()
}
