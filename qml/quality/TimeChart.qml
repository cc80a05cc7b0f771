pragma ComponentBehavior: Bound
import QtQuick
import QtCharts
import Meshscope

// A line over days (points {time: ms, value}) with an optional dashed target line; gaps stay gaps.
ChartView {
    id: chart

    property var points: []
    property real target: -1
    property string targetLabel
    property string valueLabel
    property real minValue: 0
    property real maxValue: 100
    property color lineColor: Theme.accent

    antialiasing: true
    legend.visible: target >= 0
    legend.alignment: Qt.AlignBottom
    legend.labelColor: Theme.textMuted
    legend.font.pointSize: Theme.fontSmall
    backgroundColor: "transparent"
    plotAreaColor: "transparent"
    margins { left: 2; right: 2; top: 2; bottom: 2 }
    backgroundRoundness: 0

    DateTimeAxis {
        id: xAxis
        format: "MM-dd"
        tickCount: 8
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

    function rebuild() {
        valueSeries.clear()
        targetSeries.clear()
        // A page that is not shown may be handed another page's detail: only a list of points draws.
        if (!points || typeof points.length !== "number" || points.length === 0)
            return
        let first = points[0].time, last = points[points.length - 1].time
        if (last <= first) last = first + 86400000
        xAxis.min = new Date(first - 3600000 * 6)
        xAxis.max = new Date(last + 3600000 * 6)
        for (const p of points)
            if (p.value !== undefined && p.value !== null)
                valueSeries.append(p.time, p.value)
        if (target >= 0) {
            targetSeries.append(first - 3600000 * 6, target)
            targetSeries.append(last + 3600000 * 6, target)
        }
    }
    onPointsChanged: rebuild()
    onTargetChanged: rebuild()
    Component.onCompleted: rebuild()
}
