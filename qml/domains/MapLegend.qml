pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// What the map's colours and lines mean.
Rectangle {
    id: legend

    required property DomainMapItem map
    required property DomainMapController controller

    implicitHeight: rows.implicitHeight + 2 * Theme.spacing
    color: "transparent"

    component Swatch: RowLayout {
        id: swatch
        required property color swatchColor
        required property string label
        spacing: 4
        Rectangle { implicitWidth: 12; implicitHeight: 12; radius: 2; color: swatch.swatchColor }
        Label { text: swatch.label; color: Theme.text; font.pointSize: Theme.fontSmall }
    }

    Flow {
        id: rows
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.leftMargin: Theme.spacing * 1.5
        anchors.rightMargin: Theme.spacing * 1.5
        // Rows close together; groups apart by their trailing spacers.
        spacing: Theme.spacing / 2
        // Product health: each verdict with what it means, in the words of its one definition
        // (domainmap/producthealth), the same the Quality area shows.
        Label {
            text: legend.controller.healthPending ? qsTr("Product health (being assessed…)") : qsTr("Product health")
            color: Theme.textMuted
            font.pointSize: Theme.fontSmall
            font.bold: true
            rightPadding: Theme.spacing
        }
        Repeater {
            model: ["healthy", "at-risk", "unhealthy", "unknown"]
            delegate: RowLayout {
                id: entry
                required property string modelData
                spacing: 4
                Rectangle {
                    implicitWidth: 12; implicitHeight: 12; radius: 2
                    color: legend.map.dark, legend.map.healthColor(entry.modelData)
                }
                Label {
                    text: legend.controller.healthLabel(entry.modelData)
                    color: Theme.text
                    font.pointSize: Theme.fontSmall
                    font.bold: true
                }
                Label {
                    text: legend.controller.healthMeaning(entry.modelData)
                    color: Theme.textMuted
                    font.pointSize: Theme.fontSmall
                }
                Item { implicitWidth: Theme.margin }
            }
        }
        Item { width: rows.width; height: 1 } // domain types on a line of their own
        RowLayout {
            spacing: Theme.spacing
            Label { text: qsTr("Domain type"); color: Theme.textMuted; font.pointSize: Theme.fontSmall; font.bold: true }
            Swatch { swatchColor: legend.map.dark, legend.map.typeColor("source-aligned"); label: qsTr("Source-aligned") }
            Swatch { swatchColor: legend.map.dark, legend.map.typeColor("aggregate"); label: qsTr("Aggregate") }
            Swatch { swatchColor: legend.map.dark, legend.map.typeColor("consumer-aligned"); label: qsTr("Consumer-aligned") }
            Label { text: qsTr("→ width: product dependencies"); color: Theme.text; font.pointSize: Theme.fontSmall }
        }
    }
}
