pragma ComponentBehavior: Bound
import QtQuick
import Meshscope

AreaPage {
    title: qsTr("Quality")
    subtitle: qsTr("Whether the mesh keeps its promises: freshness, availability, quality checks and governance")
    icon: "quality"
    stats: [["qualityResults", qsTr("Quality results")], ["runs", qsTr("Pipeline runs")], ["policies", qsTr("Policies")]]
    emptyHeading: qsTr("The dashboards are not built yet")
    emptyBody: qsTr("The results, runs and policies above are in the cache; SLO and governance dashboards will read them.")
}
