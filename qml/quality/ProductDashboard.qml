pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// One product: each SLO's target, current value and evidence; freshness against its target and
// compliance over time; its checks × runs; its governance violations with remediation.
ColumnLayout {
    id: productView

    required property QualityDashboard dashboard
    readonly property var detail: dashboard.detail
    readonly property var fresh: detail.freshness || ({})

    spacing: Theme.spacing

    // A positioner, not a layout: it follows its children's widths as their texts arrive even while the
    // page is hidden in the StackLayout.
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Label {
            text: productView.detail.name || ""
            color: Theme.text
            font.pointSize: Theme.fontHeading
            font.bold: true
        }
        Label {
            text: productView.detail.domain || ""
            color: Theme.accent
            font.pointSize: Theme.fontBody
            font.underline: domainMouse.containsMouse
            MouseArea {
                id: domainMouse
                anchors.fill: parent
                hoverEnabled: true
                cursorShape: Qt.PointingHandCursor
                onClicked: productView.dashboard.select(productView.detail.domain)
            }
        }
        // The verdict the domain map shows for this product (one definition: domainmap/producthealth).
        StatusBadge {
            readonly property var health: productView.detail.health || ({})
            text: health.label || ""
            visible: text !== ""
            tone: health.health === "healthy" ? "ok" : health.health === "at-risk" ? "warning"
                : health.health === "unhealthy" ? "error" : "neutral"
            ToolTip.visible: healthHover.hovered
            ToolTip.text: health.summary || ""
            HoverHandler { id: healthHover }
        }
        StatusBadge {
            text: qsTr("governance %1").arg(Math.round(productView.detail.score || 0))
            tone: productView.detail.passes ? "ok" : "error"
            ToolTip.visible: scoreHover.hovered
            ToolTip.text: productView.detail.scoreBasis || ""
            HoverHandler { id: scoreHover }
        }
        StatusBadge {
            text: qsTr("SLOs %1").arg(productView.detail.sloStatus || "")
            tone: productView.detail.sloStatus === "met" ? "ok" : productView.detail.sloStatus === "missed" ? "error" : "neutral"
        }
        StatusBadge {
            visible: productView.detail.stale === true
            text: qsTr("stale")
            tone: "error"
        }
        StatusBadge {
            visible: (productView.detail.failingChecks || 0) > 0
            text: qsTr("%1 failing checks").arg(productView.detail.failingChecks || 0)
            tone: "error"
        }
        Label {
            text: productView.detail.lastUpdate ? qsTr("last loaded %1").arg(productView.detail.lastUpdate) : qsTr("no successful load on record")
            color: Theme.textMuted
            font.pointSize: Theme.fontSmall
        }
        Repeater {
            model: productView.detail.contracts || []
            delegate: Button {
                required property string modelData
                text: modelData
                flat: true
                font.pointSize: Theme.fontSmall
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Open the contract")
                onClicked: AppController.open("contracts", modelData)
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Layout.fillHeight: false
        Layout.preferredHeight: 250
        spacing: Theme.spacing

        ChartCard {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            title: qsTr("Service levels")
            note: qsTr("as of %1").arg(Qt.formatDateTime(productView.dashboard.asOf, "yyyy-MM-dd hh:mm"))
            ListView {
                id: sloList
                anchors.fill: parent
                clip: true
                spacing: 4
                model: productView.detail.slos || []
                Label {
                    anchors.centerIn: parent
                    visible: sloList.count === 0
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    text: qsTr("The product and its contracts promise no freshness, availability or completeness")
                    color: Theme.textMuted
                }
                delegate: Rectangle {
                    id: sloRow
                    required property var modelData
                    width: ListView.view.width
                    height: sloCol.implicitHeight + 8
                    radius: 4
                    color: Theme.surfaceAlt
                    ColumnLayout {
                        id: sloCol
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: 4
                        spacing: 1
                        RowLayout {
                            Layout.fillWidth: true
                            Label {
                                text: sloRow.modelData.kind
                                color: Theme.text
                                font.pointSize: Theme.fontBody
                                font.bold: true
                            }
                            Label {
                                text: qsTr("target %1").arg(sloRow.modelData.target)
                                color: Theme.textMuted
                                font.pointSize: Theme.fontSmall
                            }
                            Label {
                                text: qsTr("now %1").arg(sloRow.modelData.current)
                                color: Theme.text
                                font.pointSize: Theme.fontSmall
                            }
                            Item { Layout.fillWidth: true }
                            StatusBadge {
                                text: sloRow.modelData.status
                                tone: sloRow.modelData.status === "met" ? "ok" : sloRow.modelData.status === "missed" ? "error" : "neutral"
                            }
                        }
                        Label {
                            Layout.fillWidth: true
                            text: sloRow.modelData.evidence
                            color: Theme.textMuted
                            font.pointSize: Theme.fontSmall
                            elide: Text.ElideRight
                        }
                    }
                }
            }
        }

        ChartCard {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            title: qsTr("Freshness against target")
            note: productView.fresh.targetHours !== undefined ? qsTr("hours since the last successful load, per day") : ""
            TimeChart {
                anchors.fill: parent
                visible: productView.fresh.targetHours !== undefined
                points: productView.fresh.history || []
                target: productView.fresh.targetHours !== undefined ? productView.fresh.targetHours : -1
                valueLabel: qsTr("age (h)")
                targetLabel: qsTr("target (h)")
                lineColor: productView.detail.stale ? Theme.error : Theme.accent
                maxValue: {
                    let hi = (productView.fresh.targetHours || 1) * 1.5
                    for (const p of (productView.fresh.history || []))
                        if (p.value !== undefined && p.value !== null) hi = Math.max(hi, p.value * 1.1)
                    return Math.ceil(hi)
                }
            }
            Label {
                anchors.centerIn: parent
                visible: productView.fresh.targetHours === undefined
                text: qsTr("No freshness promise")
                color: Theme.textMuted
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Layout.fillHeight: false
        Layout.preferredHeight: 240
        spacing: Theme.spacing
        ChartCard {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            title: qsTr("Quality checks × runs")
            note: qsTr("hover a cell for the run and the failure")
            CheckHeatmap {
                anchors.fill: parent
                columns: (productView.detail.heatmap || {}).columns || []
                rows: (productView.detail.heatmap || {}).rows || []
            }
        }
        ChartCard {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 2
            title: qsTr("SLO compliance over time")
            TimeChart {
                anchors.fill: parent
                points: productView.detail.compliance || []
                valueLabel: qsTr("all SLOs met (100) or not (0)")
                lineColor: productView.detail.sloStatus === "missed" ? Theme.error : Theme.ok
            }
        }
    }

    ChartCard {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 120
        title: qsTr("Governance violations")
        note: qsTr("%1 errors, %2 warnings · score = 100 − 10 × errors − 2 × warnings")
              .arg(productView.detail.errors || 0).arg(productView.detail.warnings || 0)
        ViolationList {
            anchors.fill: parent
            model: productView.detail.violations || []
        }
    }
}
