pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// A data product's page: everything the cache knows about it, nothing invented. Links lead to the
// product's domain, its neighbours' pages, its contracts and its lineage.
ScrollView {
    id: page

    required property DomainMapController controller
    readonly property var p: controller.productPage
    readonly property real columnWidth: Math.min(page.availableWidth, 1280)

    contentWidth: availableWidth
    clip: true

    function yesNo(v) { return v ? qsTr("yes") : "" }
    function portRows(ports) { return ports || [] }

    ColumnLayout {
        width: page.columnWidth
        spacing: Theme.margin * 1.25

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Button {
                text: qsTr("← Back to the map")
                onClicked: page.controller.closeProduct()
            }
            Button {
                text: qsTr("Show in lineage")
                onClicked: AppController.open("lineage", page.p.id)
            }
            Item { Layout.fillWidth: true }
            Label {
                text: page.p.sourceFile ? qsTr("From %1:%2").arg(page.p.sourceFile).arg(page.p.line) : ""
                color: Theme.textMuted
                font.pointSize: Theme.fontSmall
                elide: Text.ElideLeft
                Layout.maximumWidth: page.columnWidth * 0.5
            }
        }

        // Who and what: a two-column grid of facts.
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: facts.implicitHeight + 2 * Theme.margin
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius
            GridLayout {
                id: facts
                anchors.fill: parent
                anchors.margins: Theme.margin
                columns: 4
                columnSpacing: Theme.margin
                rowSpacing: 6

                component Key: Label {
                    color: Theme.textMuted
                    font.pointSize: Theme.fontSmall
                    font.bold: true
                }
                component Value: Label {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 200
                    color: Theme.text
                    font.pointSize: Theme.fontBody
                    elide: Text.ElideRight
                }

                Key { text: qsTr("Id") }
                Value { text: page.p.id || "" }
                Key { text: qsTr("Domain") }
                Label {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 200
                    text: (page.p.domainName || page.p.domainId || "") + (page.p.domainTypeName ? "  ·  " + page.controller.typeLabel(page.p.domainTypeName) : "")
                    color: Theme.accent
                    font.pointSize: Theme.fontBody
                    elide: Text.ElideRight
                    TapHandler {
                        onTapped: { page.controller.closeProduct(); page.controller.focusDomain(page.p.domainId) }
                    }
                }
                Key { text: qsTr("Owner") }
                Value { text: page.p.owner || qsTr("none named") }
                Key { text: qsTr("Team") }
                Value {
                    text: (page.p.teamName || qsTr("none named"))
                          + (page.p.teamMembers && page.p.teamMembers.length > 0
                             ? " — " + page.p.teamMembers.map(m => m.name + (m.role ? " (" + m.role + ")" : "")).join(", ") : "")
                }
                Key { text: qsTr("Contact") }
                Value { text: page.p.contact || qsTr("none given") }
                Key { text: qsTr("Status") }
                Value { text: (page.p.status || qsTr("not stated")) + (page.p.version ? " · v" + page.p.version : "") }
                Key { text: qsTr("Format") }
                Value { text: page.p.specFormat || "" }
                Key { text: qsTr("Tags") }
                Value { text: page.p.tags && page.p.tags.length > 0 ? page.p.tags.join(", ") : qsTr("none") }
                // The map's verdict and every signal behind it (one definition, as in Quality).
                Key { text: qsTr("Health") }
                RowLayout {
                    Layout.fillWidth: true
                    Layout.columnSpan: 3
                    spacing: Theme.spacing
                    readonly property var health: page.p.health || ({})
                    Rectangle {
                        implicitWidth: 10; implicitHeight: 10; radius: 5
                        color: parent.health.health === "healthy" ? Theme.ok : parent.health.health === "at-risk" ? Theme.warning
                             : parent.health.health === "unhealthy" ? Theme.error : Theme.textMuted
                    }
                    Label {
                        objectName: "productHealth"
                        Layout.fillWidth: true
                        text: page.controller.healthPending ? qsTr("being assessed…")
                              : (parent.health.label || "") + (parent.health.signals && parent.health.signals.length > 0
                                 ? " — " + parent.health.signals.map(s => s.text).join(" · ") : "")
                        color: Theme.text
                        font.pointSize: Theme.fontBody
                        wrapMode: Text.Wrap
                    }
                }
            }
        }

        // Maturity (docs/maturity.md): the level badge and the next level's checklist, each criterion with
        // its evidence and a fix. The checklist's Repeater sits in a Column (a Layout crashes Qt 6.4
        // when a Repeater's model changes).
        Rectangle {
            id: maturityPanel
            objectName: "maturityPanel"
            readonly property var m: page.p.maturity || null
            function levelCounts() {
                if (!m)
                    return ""
                let parts = []
                for (let l = 1; l <= m.maxLevel; ++l) {
                    const of = m.criteria.filter(c => c.level === l)
                    parts.push(qsTr("L%1 %2/%3").arg(l).arg(of.filter(c => c.outcome === "met").length).arg(of.length))
                }
                return parts.join("  ·  ")
            }
            visible: m !== null
            Layout.fillWidth: true
            implicitHeight: visible ? maturityColumn.implicitHeight + 2 * Theme.margin : 0
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius
            Column {
                id: maturityColumn
                x: Theme.margin
                y: Theme.margin
                width: parent.width - 2 * Theme.margin
                spacing: 6
                Row {
                    width: parent.width
                    spacing: Theme.margin
                    Rectangle {
                        objectName: "maturityBadge"
                        readonly property int level: maturityPanel.m ? maturityPanel.m.level : 0
                        width: badgeText.implicitWidth + 20
                        height: badgeText.implicitHeight + 8
                        radius: height / 2
                        color: level >= 3 ? Theme.ok : level === 2 ? Theme.accent : level === 1 ? Theme.warning : Theme.textMuted
                        Label {
                            id: badgeText
                            anchors.centerIn: parent
                            text: maturityPanel.m ? qsTr("Maturity level %1 · %2").arg(maturityPanel.m.level).arg(maturityPanel.m.levelName) : ""
                            textFormat: Text.PlainText
                            color: Theme.accentText
                            font.pointSize: Theme.fontBody
                            font.bold: true
                        }
                    }
                    Label {
                        anchors.verticalCenter: parent.verticalCenter
                        text: maturityPanel.levelCounts()
                              + (maturityPanel.m && maturityPanel.m.lighthouse ? "  ·  " + qsTr("lighthouse domain") : "")
                              + (maturityPanel.m && maturityPanel.m.cappedBy ? "  ·  " + qsTr("capped by %1").arg(maturityPanel.m.cappedBy) : "")
                        textFormat: Text.PlainText
                        color: Theme.textMuted
                        font.pointSize: Theme.fontSmall
                    }
                }
                Label {
                    objectName: "maturityNext"
                    width: parent.width
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    text: !maturityPanel.m ? ""
                          : maturityPanel.m.nextLevelName
                            ? qsTr("Next step: level %1 · %2 — %3 of %4 criteria met")
                                  .arg(maturityPanel.m.level + 1).arg(maturityPanel.m.nextLevelName)
                                  .arg(maturityPanel.m.next.filter(c => c.outcome === "met").length).arg(maturityPanel.m.next.length)
                            : qsTr("The highest level: every criterion holds.")
                    color: Theme.text
                    font.pointSize: Theme.fontBody
                    font.bold: true
                }
                Repeater {
                    model: maturityPanel.m ? maturityPanel.m.next : []
                    delegate: Row {
                        id: item
                        required property var modelData
                        width: maturityColumn.width
                        spacing: Theme.spacing
                        Label {
                            id: mark
                            width: 18
                            text: item.modelData.outcome === "met" ? "✔" : item.modelData.outcome === "unmet" ? "✘" : "?"
                            color: item.modelData.outcome === "met" ? Theme.ok : item.modelData.outcome === "unmet" ? Theme.error : Theme.warning
                            font.pointSize: Theme.fontBody
                            font.bold: true
                        }
                        Column {
                            width: item.width - mark.width - item.spacing
                            Label {
                                width: parent.width
                                wrapMode: Text.Wrap
                                textFormat: Text.PlainText
                                text: item.modelData.id + "  " + item.modelData.description
                                      + (item.modelData.outcome === "no evidence" ? "  (" + qsTr("no evidence") + ")" : "")
                                      + " — " + item.modelData.evidence
                                color: Theme.text
                                font.pointSize: Theme.fontBody
                            }
                            Label {
                                visible: item.modelData.outcome !== "met" && item.modelData.fix !== ""
                                width: parent.width
                                wrapMode: Text.Wrap
                                textFormat: Text.PlainText
                                text: qsTr("Fix: %1").arg(item.modelData.fix)
                                color: Theme.textMuted
                                font.pointSize: Theme.fontSmall
                            }
                        }
                    }
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: description.implicitHeight + 2 * Theme.margin
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius
            Text {
                id: description
                objectName: "productDescription"
                anchors.fill: parent
                anchors.margins: Theme.margin
                // Rendered by DocumentText: raw HTML stays text, images are not fetched.
                textFormat: Text.RichText
                text: DocumentText.markdownToHtml(page.p.description || qsTr("*No description in the product's document.*"))
                wrapMode: Text.Wrap
                color: Theme.text
                linkColor: Theme.accent
                font.pointSize: Theme.fontBody
                onLinkActivated: (link) => openLink.ask(link)
                HoverHandler { cursorShape: parent.hoveredLink !== "" ? Qt.PointingHandCursor : Qt.ArrowCursor }
            }
        }

        InfoTable {
            Layout.fillWidth: true
            heading: qsTr("Output ports")
            rows: page.portRows(page.p.outputPorts)
            columns: [{ title: qsTr("Name"), key: "name", width: 0.2 }, { title: qsTr("Type"), key: "type", width: 0.1 },
                      { title: qsTr("Technology"), key: "technology", width: 0.12 },
                      { title: qsTr("Location"), key: "location", width: 0.3 },
                      { title: qsTr("Contract"), key: "contractId", width: 0.2, link: true },
                      { title: qsTr("Version"), key: "version", width: 0.08 }]
            onLinkActivated: (row, key) => AppController.open("contracts", row.contractId)
        }
        InfoTable {
            Layout.fillWidth: true
            heading: qsTr("Input ports")
            rows: page.portRows(page.p.inputPorts)
            columns: [{ title: qsTr("Name"), key: "name", width: 0.2 }, { title: qsTr("Type"), key: "type", width: 0.1 },
                      { title: qsTr("Technology"), key: "technology", width: 0.12 },
                      { title: qsTr("Location"), key: "location", width: 0.3 },
                      { title: qsTr("Contract"), key: "contractId", width: 0.2, link: true },
                      { title: qsTr("Version"), key: "version", width: 0.08 }]
            onLinkActivated: (row, key) => AppController.open("contracts", row.contractId)
        }
        InfoTable {
            Layout.fillWidth: true
            heading: qsTr("Contracts")
            rows: page.p.contracts || []
            columns: [{ title: qsTr("Contract"), key: "id", width: 0.32, link: true }, { title: qsTr("Name"), key: "name", width: 0.25 },
                      { title: qsTr("Version"), key: "version", width: 0.1 }, { title: qsTr("Status"), key: "status", width: 0.1 },
                      { title: qsTr("Relation"), key: "relation", width: 0.11 }, { title: qsTr("In use"), key: "current", width: 0.12 }]
            format: (row, key) => key === "current" ? (row.current ? qsTr("current") : "") : row[key]
            onLinkActivated: (row, key) => AppController.open("contracts", row.id)
        }
        InfoTable {
            Layout.fillWidth: true
            heading: qsTr("Schema fields")
            rows: page.p.schemaFields || []
            columns: [{ title: qsTr("Field"), key: "name", width: 0.22 }, { title: qsTr("Type"), key: "type", width: 0.12 },
                      { title: qsTr("Required"), key: "required", width: 0.09 }, { title: qsTr("PII"), key: "pii", width: 0.06 },
                      { title: qsTr("Classification"), key: "classification", width: 0.13 },
                      { title: qsTr("Object"), key: "object", width: 0.14 }, { title: qsTr("From"), key: "source", width: 0.24 }]
            // PII is yes, no, or not stated (null): a field without a `pii` key is not classified.
            format: (row, key) => key === "pii" ? (row.pii === true ? qsTr("yes") : row.pii === false ? qsTr("no") : qsTr("not stated"))
                                : key === "required" ? page.yesNo(row[key]) : row[key]
        }
        InfoTable {
            Layout.fillWidth: true
            heading: qsTr("Service levels")
            rows: page.p.serviceLevels || []
            columns: [{ title: qsTr("Property"), key: "property", width: 0.25 }, { title: qsTr("Value"), key: "value", width: 0.2 },
                      { title: qsTr("Applies to"), key: "element", width: 0.25 }, { title: qsTr("From"), key: "source", width: 0.3 }]
            format: (row, key) => key === "value" ? row.value + (row.unit ? " " + row.unit : "") : row[key]
        }
        InfoTable {
            Layout.fillWidth: true
            heading: qsTr("Quality checks")
            rows: page.p.checks || []
            columns: [{ title: qsTr("Check"), key: "name", width: 0.2 }, { title: qsTr("On"), key: "element", width: 0.3 },
                      { title: qsTr("Dimension"), key: "dimension", width: 0.13 },
                      { title: qsTr("Latest result"), key: "latest", width: 0.15 },
                      { title: qsTr("When"), key: "latestTime", width: 0.22 }]
            format: (row, key) => key === "latest" ? (row.latest === "pass" ? "✔ pass" : row.latest === "fail" ? "✘ fail" : qsTr("no result"))
                                                   : row[key]
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.margin
            Repeater {
                model: [{ heading: qsTr("Upstream (one hop)"), key: "upstream" }, { heading: qsTr("Downstream (one hop)"), key: "downstream" },
                        { heading: qsTr("Consumers"), key: "consumers" }]
                delegate: InfoTable {
                    required property var modelData
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    heading: modelData.heading
                    rows: page.p[modelData.key] || []
                    columns: [{ title: qsTr("Product"), key: "name", width: 0.6, link: true }, { title: qsTr("Domain"), key: "domainId", width: 0.4 }]
                    // A product an input port names that the mesh does not hold: shown, said so, not linked.
                    format: (row, key) => !row.unresolved ? row[key]
                                          : key === "name" ? qsTr("%1 (not in the mesh)").arg(row.name)
                                          : qsTr("input port %1").arg(row.port)
                    onLinkActivated: (row, key) => page.controller.openProduct(row.id)
                }
            }
        }
        InfoTable {
            Layout.fillWidth: true
            heading: qsTr("Lineage datasets")
            rows: (page.p.datasets || []).map(d => ({ id: d }))
            columns: [{ title: qsTr("Dataset"), key: "id", width: 1.0, link: true }]
            onLinkActivated: (row, key) => AppController.open("lineage", row.id)
        }
        Item { implicitHeight: Theme.margin }
    }

    OpenLinkDialog {
        id: openLink
        parent: Overlay.overlay
    }
}
