pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Meshscope
import Meshscope.Backend

// The whole mesh: the seeds' KPIs with their trends, SLO compliance over time against the 95% target,
// and the governance score of each domain (a bar opens the domain).
ColumnLayout {
    id: overview

    required property QualityDashboard dashboard
    signal kpiClicked(string key)

    spacing: Theme.spacing

    GridLayout {
        Layout.fillWidth: true
        columns: 5
        rowSpacing: Theme.spacing
        columnSpacing: Theme.spacing
        // A count, not the list, as the model: a refresh (every sync) then updates the cards in place instead of
        // destroying them inside the layout, which Qt 6.4 may rearrange before its next polish (the crash
        // class of 6270c55).
        Repeater {
            model: overview.dashboard.kpis.length
            delegate: KpiCard {
                required property int index
                Layout.fillWidth: true
                Layout.preferredWidth: 100
                kpi: overview.dashboard.kpis[index] || ({})
                onClicked: overview.kpiClicked(kpi.key)
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        spacing: Theme.spacing

        ChartCard {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            title: qsTr("SLO compliance over time")
            note: qsTr("share of products with evidence meeting every SLO, per day")
            TimeChart {
                anchors.fill: parent
                points: overview.dashboard.complianceTrend
                target: 95
                valueLabel: qsTr("SLO compliance %")
                targetLabel: qsTr("target 95%")
            }
        }

        ChartCard {
            id: domainCard
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 2
            title: qsTr("Governance score by domain")
            note: domainChart.shown < domainChart.domainList.length
                  ? qsTr("lowest %1 of %2 · click a bar to open the domain").arg(domainChart.shown).arg(domainChart.domainList.length)
                  : qsTr("click a bar to open the domain")
            ChartView {
                id: domainChart
                objectName: "domainScoreChart"
                anchors.fill: parent
                antialiasing: true
                legend.visible: false
                backgroundColor: "transparent"
                plotAreaColor: "transparent"
                margins { left: 2; right: 2; top: 2; bottom: 2 }

                readonly property var domainList: overview.dashboard.domains
                /// Bars that fit with readable labels, ~28 px each: 50 domains in 430 px overlapped their scores,
                /// and in a band much under 28 px QtCharts cuts every name to "…".
                readonly property int capacity: Math.max(3, Math.floor((height - 50) / 28))
                property int shown: 0
                onDomainListChanged: rebuild()
                onCapacityChanged: rebuild()
                Component.onCompleted: rebuild()

                function rebuild() {
                    let list = domainList.slice()
                    if (list.length > capacity) {
                        // Too many to show: the ones that need attention, lowest score first (at the top).
                        list.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
                        list = list.slice(0, capacity).reverse() // a bar chart lists its first category at the bottom
                    }
                    const ids = []
                    const values = []
                    for (const d of list) {
                        ids.push(d.id)
                        values.push(Math.round(d.score))
                    }
                    domainAxis.categories = ids
                    scores.values = values
                    shown = list.length
                }

                HorizontalBarSeries {
                    id: bars
                    barWidth: 0.7
                    axisY: BarCategoryAxis {
                        id: domainAxis
                        labelsColor: Theme.text
                        labelsFont.pointSize: Theme.fontSmall
                        gridVisible: false
                    }
                    axisX: ValueAxis {
                        min: 0
                        max: 100
                        tickCount: 6
                        labelFormat: "%.0f"
                        labelsColor: Theme.textMuted
                        labelsFont.pointSize: Theme.fontSmall
                        gridLineColor: Theme.border
                    }
                    labelsVisible: true
                    labelsFormat: "@value"
                    labelsPosition: AbstractBarSeries.LabelsInsideEnd
                    BarSet {
                        id: scores
                        color: Theme.accent
                        borderColor: Theme.accent
                        labelColor: Theme.accentText
                    }
                    onClicked: (index, barset) => overview.dashboard.select(domainAxis.categories[index])
                    // What a bar's number rests on: how many products, their errors and warnings.
                    onHovered: (status, index, barset) => {
                        const d = status ? domainChart.domainList.find(x => x.id === domainAxis.categories[index]) : null
                        domainChart.hoveredBasis = d ? d.scoreBasis : ""
                    }
                }
                property string hoveredBasis
                ToolTip.visible: hoveredBasis !== ""
                ToolTip.text: hoveredBasis
            }
        }
    }
}
