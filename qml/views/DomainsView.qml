pragma ComponentBehavior: Bound
import QtQuick
import Meshscope

AreaPage {
    title: qsTr("Domains")
    subtitle: qsTr("Which domains exist, what each publishes, who owns it and how healthy it is")
    icon: "domains"
    stats: [["domains", qsTr("Domains")], ["products", qsTr("Data products")], ["contracts", qsTr("Contracts")]]
    emptyHeading: qsTr("The domain map is not built yet")
    emptyBody: qsTr("The domains and products above are in the cache. Press Ctrl+K to search them by name, owner or tag.")
}
