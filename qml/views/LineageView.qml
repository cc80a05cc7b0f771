pragma ComponentBehavior: Bound
import QtQuick
import Meshscope

AreaPage {
    title: qsTr("Lineage")
    subtitle: qsTr("Where data comes from and what breaks if it changes, at product, dataset and column level")
    icon: "lineage"
    stats: [["datasets", qsTr("Datasets")], ["columns", qsTr("Columns")], ["lineageEdges", qsTr("Lineage edges")],
            ["columnEdges", qsTr("Column edges")]]
    emptyHeading: qsTr("The lineage graph is not built yet")
    emptyBody: qsTr("The datasets and edges above come from dbt manifests and OpenLineage events. Search finds datasets and columns with Ctrl+K.")
}
