pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Meshscope
import Meshscope.Backend

// One domain: its compliance over time, freshness of each product against its target, and the
// governance errors of its products with their remediation.
ColumnLayout {
    id: domainView

    required property QualityDashboard dashboard
    readonly property var detail: dashboard.detail

    spacing: Theme.spacing

    // A positioner, not a layout: it follows its children's widths as their texts arrive even while the
    // page is hidden in the StackLayout.
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Label {
            text: domainView.detail.name || ""
            color: Theme.text
            font.pointSize: Theme.fontHeading
            font.bold: true
        }
        StatusBadge {
            text: qsTr("governance %1").arg(Math.round(domainView.detail.score || 0))
            tone: (domainView.detail.score || 0) >= 90 ? "ok" : (domainView.detail.score || 0) >= 70 ? "warning" : "error"
        }
        StatusBadge {
            text: qsTr("%1/%2 products pass").arg(domainView.detail.passing || 0).arg(domainView.detail.products || 0)
            tone: domainView.detail.passing === domainView.detail.products ? "ok" : "warning"
        }
        StatusBadge {
            visible: (domainView.detail.stale || 0) > 0
            text: qsTr("%1 stale").arg(domainView.detail.stale || 0)
            tone: "error"
        }
        StatusBadge {
            visible: (domainView.detail.failingChecks || 0) > 0
            text: qsTr("%1 failing checks").arg(domainView.detail.failingChecks || 0)
            tone: "error"
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Layout.fillHeight: false
        Layout.preferredHeight: 300
        spacing: Theme.spacing
        ChartCard {
            Layout.fillWidth: true
            Layout.fillHeight: true
            title: qsTr("SLO compliance over time")
            TimeChart {
                anchors.fill: parent
                points: domainView.detail.complianceTrend || []
                target: 95
                valueLabel: qsTr("compliance %")
                targetLabel: qsTr("target 95%")
            }
        }
        ChartCard {
            Layout.fillWidth: true
            Layout.fillHeight: true
            title: qsTr("Freshness against target")
            note: qsTr("hours since the last successful load")
            ChartView {
                id: freshChart
                anchors.fill: parent
                antialiasing: true
                legend.visible: true
                legend.alignment: Qt.AlignBottom
                legend.labelColor: Theme.textMuted
                legend.font.pointSize: Theme.fontSmall
                backgroundColor: "transparent"
                plotAreaColor: "transparent"
                margins { left: 2; right: 2; top: 2; bottom: 2 }
                readonly property var products: domainView.detail.productList || []
                onProductsChanged: rebuild()
                Component.onCompleted: rebuild()
                function rebuild() {
                    age.values = []
                    target.values = []
                    const names = [], a = [], t = []
                    let hi = 1
                    for (const p of products) {
                        if (p.targetHours === undefined && p.ageHours === undefined) continue
                        names.push(p.id)
                        a.push(p.ageHours === undefined ? 0 : p.ageHours)
                        t.push(p.targetHours === undefined ? 0 : p.targetHours)
                        hi = Math.max(hi, a[a.length - 1], t[t.length - 1])
                    }
                    productAxis.categories = names
                    hoursAxis.max = Math.ceil(hi * 1.1)
                    age.values = a
                    target.values = t
                }
                HorizontalBarSeries {
                    axisY: BarCategoryAxis {
                        id: productAxis
                        labelsColor: Theme.text
                        labelsFont.pointSize: Theme.fontSmall
                        gridVisible: false
                    }
                    axisX: ValueAxis {
                        id: hoursAxis
                        min: 0
                        labelFormat: "%.0f"
                        labelsColor: Theme.textMuted
                        labelsFont.pointSize: Theme.fontSmall
                        gridLineColor: Theme.border
                    }
                    BarSet { id: age; label: qsTr("age (h)"); color: Theme.accent; borderColor: Theme.accent }
                    BarSet { id: target; label: qsTr("target (h)"); color: Theme.warning; borderColor: Theme.warning }
                    onClicked: (index, barset) => domainView.dashboard.select(productAxis.categories[index])
                }
            }
        }
    }

    ChartCard {
        Layout.fillWidth: true
        Layout.fillHeight: true
        title: qsTr("Governance errors")
        note: qsTr("%1 errors in this domain's products").arg((domainView.detail.violations || []).length)
        ViolationList {
            anchors.fill: parent
            model: domainView.detail.violations || []
            showProduct: true
            onProductClicked: (id) => domainView.dashboard.select(id)
        }
    }
}
