pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// Every product, worst first by default: missed SLOs, failing checks, governance errors. Filter by
// text or to problems only, sort by another column; a row opens the product's dashboard.
Rectangle {
    id: panel

    required property QualityDashboard dashboard
    readonly property QualityProductModel model: dashboard.products

    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Label {
            text: qsTr("Products, worst first")
            color: Theme.text
            font.pointSize: Theme.fontBody
            font.bold: true
        }
        TextField {
            id: filter
            Layout.fillWidth: true
            placeholderText: qsTr("Filter by product or domain")
            onTextChanged: panel.model.filterText = text
        }
        RowLayout {
            Layout.fillWidth: true
            ComboBox {
                id: sortBox
                Layout.fillWidth: true
                textRole: "label"
                valueRole: "key"
                model: [{ key: "worst", label: qsTr("Worst first") }, { key: "score", label: qsTr("Lowest score") },
                        { key: "checks", label: qsTr("Most failing checks") }, { key: "name", label: qsTr("Name") }]
                onActivated: panel.model.sortKey = currentValue
            }
            CheckBox {
                id: problems
                text: qsTr("Problems only")
                checked: panel.model.problemsOnly
                onToggled: panel.model.problemsOnly = checked
            }
        }
        Label {
            visible: panel.model.domain !== ""
            text: qsTr("In domain %1 — show all").arg(panel.model.domain)
            color: Theme.accent
            font.pointSize: Theme.fontSmall
            MouseArea {
                anchors.fill: parent
                cursorShape: Qt.PointingHandCursor
                onClicked: panel.model.domain = ""
            }
        }

        // Column captions: the number is the governance score, which says nothing about freshness or
        // checks, so a stale product can sit at the top with 100.
        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                leftPadding: 18
                text: qsTr("Product · problems")
                color: Theme.textMuted
                font.pointSize: Theme.fontSmall
            }
            Label {
                rightPadding: 6
                text: qsTr("Governance")
                color: Theme.textMuted
                font.pointSize: Theme.fontSmall
            }
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: panel.model
            spacing: 2
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            keyNavigationEnabled: true
            delegate: Rectangle {
                id: row
                required property int index
                required property string productId
                required property string name
                required property string domain
                required property real score
                required property int errors
                required property string sloStatus
                required property bool stale
                required property int failingChecks
                required property string freshness
                required property string health
                required property string healthSummary
                required property string scoreBasis

                width: ListView.view.width - 10
                height: 44
                radius: 4
                color: panel.dashboard.selection === productId ? Theme.accentSoft
                     : rowMouse.containsMouse ? Theme.surfaceAlt : "transparent"

                // Under the row's contents, so that the health dot and the score get their own hover (a
                // hover-enabled MouseArea on top takes the hover from the handlers below it).
                MouseArea {
                    id: rowMouse
                    anchors.fill: parent
                    hoverEnabled: true
                    cursorShape: Qt.PointingHandCursor
                    onClicked: {
                        list.currentIndex = row.index
                        panel.dashboard.select(row.productId)
                    }
                }
                Rectangle {
                    id: dot
                    anchors.left: parent.left
                    anchors.leftMargin: 6
                    anchors.verticalCenter: parent.verticalCenter
                    width: 10
                    height: 10
                    radius: 5
                    // The product's health, as the domain map colours it (one definition); grey: no data.
                    color: row.health === "unhealthy" ? Theme.error : row.health === "at-risk" ? Theme.warning
                         : row.health === "healthy" ? Theme.ok : Theme.border
                    HoverHandler { id: dotHover }
                    ToolTip.visible: dotHover.hovered
                    ToolTip.text: row.healthSummary
                }
                ColumnLayout {
                    anchors.left: dot.right
                    anchors.leftMargin: 8
                    anchors.right: scoreLabel.left
                    anchors.rightMargin: 6
                    anchors.verticalCenter: parent.verticalCenter
                    spacing: 0
                    Label {
                        Layout.fillWidth: true
                        text: row.name
                        color: Theme.text
                        font.pointSize: Theme.fontBody
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        text: row.domain
                              + (row.stale ? " · " + qsTr("stale %1").arg(row.freshness) : "")
                              + (row.failingChecks > 0 ? " · " + qsTr("%n failing check(s)", "", row.failingChecks) : "")
                              + (row.errors > 0 ? " · " + qsTr("%n error(s)", "", row.errors) : "")
                        color: row.stale || row.failingChecks > 0 ? Theme.error : Theme.textMuted
                        font.pointSize: Theme.fontSmall
                        elide: Text.ElideRight
                    }
                }
                Label {
                    id: scoreLabel
                    anchors.right: parent.right
                    anchors.rightMargin: 6
                    anchors.verticalCenter: parent.verticalCenter
                    text: Math.round(row.score)
                    color: row.score >= 90 ? Theme.ok : row.score >= 70 ? Theme.warning : Theme.error
                    font.pointSize: Theme.fontHeading
                    font.bold: true
                    HoverHandler { id: scoreHover }
                    ToolTip.visible: scoreHover.hovered
                    ToolTip.text: row.scoreBasis
                    ToolTip.delay: 400
                }
            }
            Keys.onReturnPressed: if (currentItem) panel.dashboard.select(currentItem.productId)
        }
        Label {
            text: qsTr("%1 of %2 products").arg(list.count).arg(panel.dashboard.productCount)
            color: Theme.textMuted
            font.pointSize: Theme.fontSmall
        }
    }
}
