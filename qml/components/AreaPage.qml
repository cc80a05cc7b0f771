pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// The frame every area shares: header, a row of what the cache holds for this area, and the area's
// content (by default an honest empty state until the area's view exists).
Pane {
    id: page

    required property string title
    property string subtitle
    required property string icon
    property string emptyHeading
    property string emptyBody
    /// Keys of AppController.counts to show, with their labels: [["products", "Data products"], ...]
    property var stats: []
    default property alias content: contentArea.data

    readonly property bool cacheEmpty: (AppController.counts.files || 0) === 0

    padding: Theme.margin * 1.5
    background: Rectangle { color: Theme.background }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.margin

        ViewHeader {
            Layout.fillWidth: true
            title: page.title
            subtitle: page.subtitle
        }

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            visible: !page.cacheEmpty && page.stats.length > 0
            Repeater {
                model: page.stats
                delegate: StatCard {
                    required property var modelData
                    objectName: "statCard_" + modelData[0]
                    label: modelData[1]
                    value: AppController.counts[modelData[0]]
                    hint: AppController.countHints[modelData[0]] || ""
                }
            }
        }

        Item {
            id: contentArea
            Layout.fillWidth: true
            Layout.fillHeight: true

            EmptyState {
                anchors.fill: parent
                visible: contentArea.children.length === 1
                icon: page.icon
                heading: page.cacheEmpty
                         ? (AppController.syncing ? qsTr("Reading the mesh…") : qsTr("Nothing in the cache yet"))
                         : page.emptyHeading
                body: page.cacheEmpty
                      ? qsTr("Meshscope reads data products, contracts, lineage and quality results from your sources into a local cache. Add a folder in Settings, or sync the bundled sample mesh.")
                      : page.emptyBody
                actionText: page.cacheEmpty && !AppController.syncing ? qsTr("Sync now") : ""
                onActionTriggered: AppController.syncNow()
            }
        }
    }
}
