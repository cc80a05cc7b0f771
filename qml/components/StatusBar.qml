pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// Cache file, last sync, sync progress and problems found in the sources.
Rectangle {
    id: bar

    implicitHeight: 30
    color: Theme.surface
    Rectangle { width: parent.width; height: 1; color: Theme.border }

    function relativeTime(date) {
        if (!date || isNaN(date.getTime()))
            return qsTr("never")
        const seconds = Math.round((Date.now() - date.getTime()) / 1000)
        if (seconds < 60) return qsTr("just now")
        if (seconds < 3600) return qsTr("%1 min ago").arg(Math.round(seconds / 60))
        if (seconds < 86400) return qsTr("%1 h ago").arg(Math.round(seconds / 3600))
        return date.toLocaleString(Qt.locale(), Locale.ShortFormat)
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing * 1.5
        anchors.rightMargin: Theme.spacing
        spacing: Theme.margin

        Label {
            Layout.maximumWidth: bar.width * 0.35
            text: qsTr("Cache: %1").arg(AppController.cachePath)
            color: Theme.textMuted
            font.pointSize: Theme.fontSmall
            elide: Text.ElideMiddle
        }
        Label {
            text: qsTr("Last sync: %1").arg(bar.relativeTime(AppController.lastSync))
            color: Theme.textMuted
            font.pointSize: Theme.fontSmall
        }
        Label {
            Layout.fillWidth: true
            text: AppController.syncMessage
            color: AppController.diagnostics.length > 0 ? Theme.warning : Theme.textMuted
            font.pointSize: Theme.fontSmall
            elide: Text.ElideRight
        }
        ToolButton {
            objectName: "problemsButton"
            readonly property int count: AppController.diagnostics.length - AppController.notRecognised
            visible: count > 0
            text: count === 1 ? qsTr("1 problem") : qsTr("%1 problems").arg(count)
            font.pointSize: Theme.fontSmall
            onClicked: problems.open()
        }
        // Files in a source that are no mesh document: skipped, listed with the problems.
        ToolButton {
            objectName: "notRecognisedButton"
            visible: AppController.notRecognised > 0
            text: AppController.notRecognised === 1 ? qsTr("1 file not recognised")
                                                    : qsTr("%1 files not recognised").arg(AppController.notRecognised)
            font.pointSize: Theme.fontSmall
            onClicked: problems.open()
        }
        ProgressBar {
            visible: AppController.syncing
            Layout.preferredWidth: 140
            from: 0
            to: Math.max(1, AppController.syncTotal)
            value: AppController.syncDone
            indeterminate: AppController.syncTotal === 0
        }
        Label {
            visible: AppController.syncing
            text: qsTr("%1 / %2 files").arg(AppController.syncDone).arg(AppController.syncTotal)
            color: Theme.textMuted
            font.pointSize: Theme.fontSmall
        }
        Label {
            // A catalog source reports what it is reading ("entropy+https://…: dataproducts (1200)").
            visible: AppController.syncing && AppController.syncActivity.indexOf("://") > 0
            text: AppController.syncActivity
            color: Theme.textMuted
            font.pointSize: Theme.fontSmall
            elide: Text.ElideMiddle
            Layout.maximumWidth: 320
        }
        Button {
            text: AppController.syncing ? qsTr("Cancel") : qsTr("Sync")
            font.pointSize: Theme.fontSmall
            implicitHeight: 24
            ToolTip.visible: hovered
            ToolTip.text: AppController.syncing ? qsTr("Stop; the cache stays as it was") : qsTr("Sync all sources (Ctrl+R)")
            onClicked: AppController.syncing ? AppController.cancelSync() : AppController.syncNow()
        }
    }

    Popup {
        id: problems
        parent: Overlay.overlay
        x: (parent.width - width) / 2
        y: (parent.height - height) / 2
        width: Math.min(parent.width - 80, 900)
        height: Math.min(parent.height - 80, 480)
        modal: true
        padding: Theme.margin
        ColumnLayout {
            anchors.fill: parent
            Label {
                text: qsTr("Problems found in the sources")
                font.pointSize: Theme.fontHeading
                font.bold: true
                color: Theme.text
            }
            ListView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: AppController.diagnostics
                delegate: Label {
                    required property string modelData
                    width: ListView.view.width
                    text: modelData
                    wrapMode: Text.WrapAnywhere
                    font.family: "monospace"
                    font.pointSize: Theme.fontSmall
                    color: modelData.indexOf(": error: ") >= 0 ? Theme.error : Theme.text
                    bottomPadding: 4
                }
            }
        }
    }
}
