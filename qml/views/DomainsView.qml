pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// The Domains area: the domain map with the focused domain's side panel, and data product pages.
// Whatever AppController.open("domains", id) names (domain, product, owner, tag) is remembered by the
// controller until the map has loaded, so `--select` works before the first sync has finished.
AreaPage {
    id: view

    readonly property bool pageOpen: controller.productId !== ""
    readonly property bool domainFocused: controller.focusedDomain !== ""

    title: pageOpen ? (controller.productPage.name || controller.productId)
                    : domainFocused ? controller.domainInfo.name : qsTr("Domains")
    subtitle: pageOpen
              ? qsTr("Data product · %1 · %2").arg(controller.productId).arg(controller.productPage.domainName || "")
              : domainFocused
                ? qsTr("%1 domain · %n data product(s)", "", controller.domainInfo.productCount).arg(controller.domainInfo.typeLabel)
                : qsTr("Which domains exist, what each publishes, who owns it and how healthy it is")
    icon: "domains"
    stats: pageOpen || domainFocused ? []
                                     : [["domains", qsTr("Domains")], ["products", qsTr("Data products")], ["contractIds", qsTr("Contracts")]]
    emptyHeading: qsTr("The domain map is not built yet")
    emptyBody: qsTr("Press Ctrl+K to search the mesh by name, owner or tag.")

    DomainMapController { id: controller }

    // Screenshots wait while the map loads and until its health is in.
    Binding {
        target: view.ApplicationWindow.window
        property: "busy"
        value: controller.loading || controller.healthPending
        when: view.ApplicationWindow.window !== null && (controller.loading || controller.healthPending)
        restoreMode: Binding.RestoreBindingOrValue
    }

    /// AppController.open("domains", id): a domain focused on the map, or a product's page.
    function openItem(id: string) { controller.select(id) }

    Connections {
        target: AppController
        function onSyncFinished() { controller.reload() }
    }
    Component.onCompleted: controller.reload()

    Shortcut {
        sequences: [StandardKey.Back, "Alt+Left"]
        enabled: view.visible && view.pageOpen
        onActivated: controller.closeProduct()
    }

    StackLayout {
        anchors.fill: parent
        visible: !view.cacheEmpty
        currentIndex: view.pageOpen ? 1 : 0

        RowLayout {
            spacing: Theme.margin
            DomainMapPane {
                Layout.fillWidth: true
                Layout.fillHeight: true
                controller: controller
            }
            DomainSidePanel {
                Layout.preferredWidth: Math.min(440, view.width * 0.32)
                Layout.fillHeight: true
                controller: controller
            }
        }
        ProductPage {
            controller: controller
        }
    }
}
