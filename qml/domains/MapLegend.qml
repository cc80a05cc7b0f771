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
        spacing: Theme.margin * 1.5
        RowLayout {
            spacing: Theme.spacing
            Label { text: qsTr("Product health"); color: Theme.textMuted; font.pointSize: Theme.fontSmall; font.bold: true }
            Swatch { swatchColor: legend.map.dark, legend.map.healthColor("healthy"); label: qsTr("Contract and owner") }
            Swatch { swatchColor: legend.map.dark, legend.map.healthColor("at-risk"); label: qsTr("One missing") }
            Swatch { swatchColor: legend.map.dark, legend.map.healthColor("unhealthy"); label: qsTr("Both missing") }
        }
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
