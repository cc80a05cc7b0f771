pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// The focused domain's products: name, owner, health, consumers. Click a header to sort by it (again
// to reverse), a row to open the product page.
ColumnLayout {
    id: root

    required property DomainProductsModel model
    signal openProduct(string productId)

    // Name and owner share what the fixed health and consumer columns leave.
    readonly property var widths: [0.31, 0.26, 0.22, 0.21]

    spacing: 0

    HorizontalHeaderView {
        id: header
        Layout.fillWidth: true
        syncView: table
        clip: true
        delegate: Rectangle {
            id: cell
            required property int column
            required property string display
            implicitHeight: 26
            color: Theme.surfaceAlt
            Label {
                anchors.fill: parent
                anchors.leftMargin: 6
                verticalAlignment: Text.AlignVCenter
                elide: Text.ElideRight
                text: cell.display + (root.model.sortColumn === cell.column
                                      ? (root.model.sortOrder === Qt.AscendingOrder ? "  ▲" : "  ▼") : "")
                color: Theme.text
                font.pointSize: Theme.fontSmall
                font.bold: true
            }
            TapHandler { onTapped: root.model.sortBy(cell.column) }
        }
    }

    TableView {
        id: table
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: root.model
        boundsBehavior: Flickable.StopAtBounds
        columnWidthProvider: (column) => Math.floor(table.width * root.widths[column])
        onWidthChanged: forceLayout()
        ScrollBar.vertical: ScrollBar {}
        delegate: Rectangle {
            id: row
            required property int row
            required property int column
            required property string display
            required property string health
            required property string healthLabel
            implicitHeight: 26
            color: row.row % 2 === 0 ? Theme.surface : Theme.background
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 6
                anchors.rightMargin: 4
                spacing: 4
                Rectangle {
                    visible: row.column === DomainProductsModel.HealthColumn
                    implicitWidth: 8; implicitHeight: 8; radius: 4
                    // "No data" is grey, never a verdict's colour.
                    color: row.health === "healthy" ? Theme.ok : row.health === "at-risk" ? Theme.warning
                         : row.health === "unhealthy" ? Theme.error : Theme.textMuted
                }
                Label {
                    Layout.fillWidth: true
                    text: row.column === DomainProductsModel.OwnerColumn && row.display === "" ? qsTr("(none)")
                        : row.column === DomainProductsModel.HealthColumn ? row.healthLabel
                        : row.display
                    elide: Text.ElideRight
                    color: row.column === DomainProductsModel.NameColumn ? Theme.accent : Theme.text
                    font.pointSize: Theme.fontSmall
                    horizontalAlignment: row.column === DomainProductsModel.ConsumersColumn ? Text.AlignRight : Text.AlignLeft
                }
            }
            TapHandler { onTapped: root.openProduct(root.model.productIdAt(row.row)) }
        }
    }
}
