// Not `pragma ComponentBehavior: Bound`: Qt 6.4 cannot create a ListView's header or section
// delegate from a bound component ("Cannot instantiate bound component outside its creation
// context"), so they silently did not appear.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// "What changed since I last looked": the change feed after the moment the user last marked it seen,
// grouped by domain. A click opens what changed.
ColumnLayout {
    id: root

    required property DomainMapController controller
    readonly property ChangesModel changes: controller.changes

    spacing: Theme.spacing

    RowLayout {
        Layout.fillWidth: true
        Layout.margins: Theme.spacing
        Label {
            Layout.fillWidth: true
            text: (root.changes.lastLooked.getTime() > 0
                   ? qsTr("Since %1").arg(root.changes.lastLooked.toLocaleString(Qt.locale(), Locale.ShortFormat))
                   : qsTr("Since you first synced"))
                  + qsTr(": %1 changes in %2 domains").arg(root.changes.count).arg(root.changes.domainCount)
                  + (root.changes.noDomainCount > 0 ? qsTr(" (%1 with no domain)").arg(root.changes.noDomainCount) : "")
            wrapMode: Text.Wrap
            color: Theme.text
            font.pointSize: Theme.fontSmall
        }
        Button {
            text: qsTr("Mark all seen")
            enabled: root.changes.count > 0
            onClicked: root.changes.markAllSeen()
        }
    }

    ListView {
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: root.changes
        section.property: "domainName"
        section.delegate: Label {
            required property string section
            width: ListView.view.width
            leftPadding: Theme.spacing
            topPadding: Theme.spacing
            bottomPadding: 2
            text: section
            color: Theme.textMuted
            font.pointSize: Theme.fontSmall
            font.bold: true
            font.capitalization: Font.AllUppercase
        }
        delegate: ClickRow {
            id: entry
            required property string kind
            required property string entityId
            required property string change
            required property string fields
            width: ListView.view.width
            topPadding: 3
            bottomPadding: 3
            onClicked: {
                if (entry.kind === "product")
                    root.controller.openProduct(entry.entityId)
                else if (entry.kind === "domain")
                    root.controller.focusDomain(entry.entityId)
                else if (entry.kind === "contract")
                    AppController.open("contracts", entry.entityId.split("@")[0])
                else if (entry.kind === "dataset")
                    AppController.open("lineage", entry.entityId)
            }
            contentItem: RowLayout {
                spacing: Theme.spacing
                Rectangle {
                    implicitWidth: 62
                    implicitHeight: 18
                    radius: 9
                    color: entry.change === "added" ? Theme.ok : entry.change === "removed" ? Theme.error : Theme.warning
                    Label {
                        anchors.centerIn: parent
                        text: entry.change
                        color: "#ffffff"
                        font.pointSize: Theme.fontSmall - 0.5
                    }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        Layout.fillWidth: true
                        text: entry.entityId
                        elide: Text.ElideMiddle
                        color: Theme.text
                        font.pointSize: Theme.fontSmall
                    }
                    Label {
                        Layout.fillWidth: true
                        text: entry.kind + (entry.fields !== "" ? " · " + entry.fields : "")
                        elide: Text.ElideRight
                        color: Theme.textMuted
                        font.pointSize: Theme.fontSmall - 0.5
                    }
                }
            }
        }
        Label {
            anchors.centerIn: parent
            visible: root.changes.count === 0
            text: qsTr("Nothing changed since you last looked")
            color: Theme.textMuted
        }
    }
}
