pragma ComponentBehavior: Bound
import QtQuick
import Meshscope

AreaPage {
    title: qsTr("Council")
    subtitle: qsTr("The governance council's agenda, decisions and minutes")
    icon: "council"
    stats: [["policies", qsTr("Policies")], ["contracts", qsTr("Contracts")]]
    emptyHeading: qsTr("The council agenda is not built yet")
    emptyBody: qsTr("Proposals awaiting the council, governance errors and SLO breaches will be listed here.")
}
