// Not `pragma ComponentBehavior: Bound`: Qt 6.4 cannot create a ListView's header or section
// delegate from a bound component ("Cannot instantiate bound component outside its creation
// context"), so they silently did not appear.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// Beside the map: the focused domain (owners, counts, dependencies, products table) or, with nothing
// focused, every domain to pick from; and the "what changed since I last looked" list.
Rectangle {
    id: panel

    required property DomainMapController controller
    readonly property var info: controller.domainInfo

    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 1
        spacing: 0

        TabBar {
            id: tabs
            Layout.fillWidth: true
            TabButton { text: panel.controller.focusedDomain !== "" ? qsTr("Domain") : qsTr("All domains") }
            TabButton { text: qsTr("What changed (%1)").arg(panel.controller.changes.count >= 2000 ? "2000+" : panel.controller.changes.count) }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            // Tab 1: the focused domain, or the list of domains.
            Item {
                ListView {
                    id: domainPicker
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    visible: panel.controller.focusedDomain === ""
                    clip: true
                    model: panel.controller.domainList
                    header: Label {
                        width: ListView.view.width
                        bottomPadding: Theme.spacing
                        text: qsTr("Click a domain on the map or here to see its owners, products and dependencies.")
                        wrapMode: Text.Wrap
                        color: Theme.textMuted
                        font.pointSize: Theme.fontSmall
                    }
                    delegate: ClickRow {
                        id: pick
                        required property var modelData
                        width: ListView.view.width
                        leftPadding: Theme.spacing + pick.modelData.depth * 18
                        onClicked: panel.controller.focusDomain(pick.modelData.id)
                        contentItem: RowLayout {
                            Rectangle {
                                implicitWidth: 10; implicitHeight: 10; radius: 2
                                color: Theme.dark ? "#33476b" : "#b6c9e8"
                                visible: pick.modelData.typeName === "source-aligned"
                            }
                            Rectangle {
                                implicitWidth: 10; implicitHeight: 10; radius: 2
                                color: Theme.dark ? "#4a3d69" : "#cbbde5"
                                visible: pick.modelData.typeName === "aggregate"
                            }
                            Rectangle {
                                implicitWidth: 10; implicitHeight: 10; radius: 2
                                color: Theme.dark ? "#2e5a5c" : "#a9d5d6"
                                visible: pick.modelData.typeName === "consumer-aligned"
                            }
                            Label {
                                Layout.fillWidth: true
                                text: pick.modelData.name
                                elide: Text.ElideRight
                                color: Theme.text
                                font.pointSize: Theme.fontBody
                            }
                            Label {
                                text: pick.modelData.productCount
                                color: Theme.textMuted
                                font.pointSize: Theme.fontSmall
                                HoverHandler { id: countHover }
                                ToolTip.visible: countHover.hovered
                                ToolTip.text: pick.modelData.countHint
                                ToolTip.delay: 400
                            }
                        }
                    }
                }

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.margin
                    visible: panel.controller.focusedDomain !== ""
                    spacing: Theme.spacing

                    Label {
                        Layout.fillWidth: true
                        text: panel.info.name || ""
                        color: Theme.text
                        font.pointSize: Theme.fontHeading
                        font.bold: true
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        text: (panel.info.typeLabel || "")
                              + (panel.info.parent && panel.info.parent.name ? qsTr(" · sub-domain of %1").arg(panel.info.parent.name) : "")
                              + (panel.info.subdomains && panel.info.subdomains.length > 0
                                 ? qsTr(" · sub-domains: %1").arg(panel.info.subdomains.map(s => s.name).join(", ")) : "")
                        color: Theme.textMuted
                        font.pointSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: panel.info.description || ""
                        color: Theme.text
                        wrapMode: Text.Wrap
                        maximumLineCount: 3
                        elide: Text.ElideRight
                        font.pointSize: Theme.fontSmall
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Owners: %1").arg(panel.info.owners && panel.info.owners.length > 0
                                                      ? panel.info.owners.join(", ") : qsTr("none named"))
                        color: Theme.text
                        wrapMode: Text.Wrap
                        maximumLineCount: 3
                        elide: Text.ElideRight
                        font.pointSize: Theme.fontSmall
                    }
                    Label {
                        Layout.fillWidth: true
                        text: !panel.info.health ? ""
                              : qsTr("%n product(s): ", "", panel.info.productCount)
                                + (panel.info.health.pending
                                   ? qsTr("health being assessed…")
                                   : qsTr("%1 healthy, %2 at risk, %3 unhealthy, %4 no data").arg(panel.info.health.healthy)
                                     .arg(panel.info.health.atRisk).arg(panel.info.health.unhealthy).arg(panel.info.health.unknown))
                        color: Theme.text
                        font.pointSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                    }

                    DependencyList {
                        Layout.fillWidth: true
                        heading: qsTr("Incoming: reads from")
                        edges: panel.info.incoming || []
                        onPicked: (id) => panel.controller.focusDomain(id)
                    }
                    DependencyList {
                        Layout.fillWidth: true
                        heading: qsTr("Outgoing: read by")
                        edges: panel.info.outgoing || []
                        onPicked: (id) => panel.controller.focusDomain(id)
                    }

                    Label {
                        text: qsTr("Products")
                        color: Theme.textMuted
                        font.pointSize: Theme.fontSmall
                        font.bold: true
                        font.capitalization: Font.AllUppercase
                    }
                    ProductsTable {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        model: panel.controller.products
                        onOpenProduct: (id) => panel.controller.openProduct(id)
                    }
                }
            }

            ChangesList {
                controller: panel.controller
            }
        }
    }
}
