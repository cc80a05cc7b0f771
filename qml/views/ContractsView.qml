pragma ComponentBehavior: Bound
import QtQuick
import Meshscope

AreaPage {
    title: qsTr("Contracts")
    subtitle: qsTr("Review, compare and negotiate data contracts")
    icon: "contracts"
    stats: [["contracts", qsTr("Contracts")], ["products", qsTr("Data products")]]
    emptyHeading: qsTr("The contract editor is not built yet")
    emptyBody: qsTr("The contracts above are in the cache with their original text. Press Ctrl+K to find one by id, field or owner.")
}
