pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// The review of one contract proposal: state, required approvers and their votes, the discussion,
// and the reviewer's actions. Self-contained: give it a contractId (and a version when the contract
// has several proposals); it reads the review files of the app's sources and signs with the identity
// from Settings. Ctrl+Return posts the comment being written.
Pane {
    id: panel

    required property string contractId
    property string version
    /// The change a new comment is about (a diff path), e.g. set when the user picks a change.
    property string field
    readonly property alias model: reviewModel
    /// The event the comment being written answers (its short hash), set by an entry's Reply link.
    property string replyTo
    property string replyToAuthor

    function post() {
        if (reviewModel.comment(composer.text, panel.field, panel.replyTo)) {
            composer.clear()
            panel.replyTo = ""
        }
    }

    padding: Theme.margin
    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius
    }

    ReviewModel {
        id: reviewModel
        sources: AppController.sources
        cachePath: AppController.cachePath
        contractId: panel.contractId
        version: panel.version
        identityEmail: AppSettings.identityEmail
        identityName: AppSettings.identityName
    }

    Connections {
        target: AppController
        function onSyncFinished() { reviewModel.reload() }
    }

    function stageColor(stage: string): color {
        switch (stage) {
        case "approved": return Theme.ok
        case "rejected": return Theme.error
        case "changes-requested": return Theme.warning
        case "withdrawn": return Theme.textMuted
        default: return Theme.accent
        }
    }

    EmptyState {
        anchors.fill: parent
        visible: !reviewModel.available
        icon: "contracts"
        heading: qsTr("No proposal under review")
        body: qsTr("%1 has no proposal in the mesh folder. Saving an edit of the active contract proposes one.")
              .arg(panel.contractId)
    }

    ColumnLayout {
        anchors.fill: parent
        visible: reviewModel.available
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                // Elides rather than pushing the chip and the count out of a narrow panel.
                Layout.fillWidth: true
                Layout.minimumWidth: 40
                elide: Text.ElideRight
                text: qsTr("Review of %1 → %2").arg(reviewModel.baseVersion).arg(reviewModel.resolvedVersion)
                color: Theme.text
                font.pointSize: Theme.fontHeading
                font.bold: true
            }
            Rectangle {
                objectName: "stageChip"
                implicitWidth: stageText.implicitWidth + 2 * Theme.spacing
                implicitHeight: stageText.implicitHeight + 4
                radius: height / 2
                color: panel.stageColor(reviewModel.stage)
                Label {
                    id: stageText
                    anchors.centerIn: parent
                    text: reviewModel.stageLabel + (reviewModel.applied ? qsTr(", written back") : "")
                    color: Theme.accentText
                    font.pointSize: Theme.fontSmall
                    font.bold: true
                }
            }
            Label {
                text: qsTr("%1 of %2 approvals").arg(reviewModel.approvals).arg(reviewModel.required)
                color: Theme.textMuted
                font.pointSize: Theme.fontBody
            }
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("%1, proposed by %2").arg(reviewModel.title).arg(reviewModel.author)
                  + (reviewModel.breaking > 0 ? qsTr(" · %n breaking change(s)", "", reviewModel.breaking) : "")
            color: Theme.textMuted
            font.pointSize: Theme.fontBody
            elide: Text.ElideRight
        }
        ProgressBar {
            Layout.fillWidth: true
            from: 0
            to: Math.max(1, reviewModel.required)
            value: reviewModel.approvals
        }

        Rectangle {
            Layout.fillWidth: true
            visible: !reviewModel.verified
            implicitHeight: problemText.implicitHeight + 2 * Theme.spacing
            color: "transparent"
            border.color: Theme.error
            radius: Theme.radius
            Label {
                id: problemText
                anchors.fill: parent
                anchors.margins: Theme.spacing
                text: qsTr("The review history does not verify; nothing can be added until it is repaired:\n")
                      + reviewModel.problems.join("\n")
                color: Theme.error
                wrapMode: Text.Wrap
                font.pointSize: Theme.fontSmall
            }
        }

        Label {
            text: qsTr("Required approvers")
            color: Theme.text
            font.bold: true
            font.pointSize: Theme.fontBody
        }
        // At most 40% of the panel, so the discussion and the composer always fit; scrolls beyond.
        ListView {
            id: approverList
            objectName: "approverList"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, panel.availableHeight * 0.4)
            clip: true
            spacing: 4
            interactive: contentHeight > height
            model: reviewModel.approvers
            ScrollBar.vertical: ScrollBar {}
            delegate: RowLayout {
                id: approver
                required property var modelData
                width: ListView.view.width - 12
                spacing: Theme.spacing
                Rectangle {
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: 2
                    implicitWidth: 18
                    implicitHeight: 18
                    radius: 9
                    color: approver.modelData.satisfied ? Theme.ok
                         : (approver.modelData.vote === "" || approver.modelData.stale) ? "transparent"
                         : approver.modelData.vote === "rejected" ? Theme.error : Theme.warning
                    border.color: approver.modelData.satisfied ? Theme.ok : Theme.border
                    Label {
                        anchors.centerIn: parent
                        text: approver.modelData.satisfied ? "✓" : (approver.modelData.vote === "" || approver.modelData.stale) ? "" : "!"
                        color: Theme.accentText
                        font.pointSize: Theme.fontSmall
                        font.bold: true
                    }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        Layout.fillWidth: true
                        text: approver.modelData.label + " — "
                              + (approver.modelData.vote === "" ? qsTr("waiting")
                                 : qsTr("%1 by %2 on %3").arg(approver.modelData.vote).arg(approver.modelData.voter).arg(approver.modelData.time)
                                   + (approver.modelData.stale ? qsTr(" (earlier revision)") : ""))
                        color: Theme.text
                        font.pointSize: Theme.fontBody
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        text: approver.modelData.candidates + " · " + approver.modelData.reason
                        color: Theme.textMuted
                        font.pointSize: Theme.fontSmall
                        elide: Text.ElideRight
                    }
                }
            }
        }

        Label {
            Layout.topMargin: Theme.spacing
            text: qsTr("Discussion")
            color: Theme.text
            font.bold: true
            font.pointSize: Theme.fontBody
        }
        ListView {
            id: thread
            objectName: "reviewThread"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 100
            clip: true
            spacing: Theme.spacing
            model: reviewModel
            ScrollBar.vertical: ScrollBar {}
            delegate: ColumnLayout {
                id: entry
                required property string kind
                required property string kindLabel
                required property string authorName
                required property string time
                required property string text
                required property string field
                required property string hash
                required property string note
                required property int depth
                width: ListView.view.width - 12 - x
                x: entry.depth * 28
                spacing: 2
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Label {
                        text: entry.authorName
                        color: Theme.text
                        font.bold: true
                        font.pointSize: Theme.fontBody
                    }
                    Label {
                        text: entry.kindLabel
                        color: entry.kind === "approved" ? Theme.ok
                             : entry.kind === "changes-requested" ? Theme.warning
                             : entry.kind === "rejected" ? Theme.error : Theme.textMuted
                        font.pointSize: Theme.fontBody
                    }
                    Label {
                        visible: entry.field.length > 0
                        Layout.fillWidth: true
                        text: qsTr("on %1").arg(entry.field)
                        color: Theme.accent
                        font.pointSize: Theme.fontSmall
                        elide: Text.ElideMiddle
                    }
                    Item { visible: entry.field.length === 0; Layout.fillWidth: true }
                    Label {
                        text: entry.time + "  " + entry.hash
                        color: Theme.textMuted
                        font.pointSize: Theme.fontSmall
                        font.family: "monospace"
                    }
                    Label {
                        visible: entry.depth === 0 && reviewModel.verified
                        text: qsTr("Reply")
                        color: Theme.accent
                        font.pointSize: Theme.fontSmall
                        font.underline: replyArea.containsMouse
                        MouseArea {
                            id: replyArea
                            anchors.fill: parent
                            hoverEnabled: true
                            cursorShape: Qt.PointingHandCursor
                            onClicked: {
                                panel.replyTo = entry.hash
                                panel.replyToAuthor = entry.authorName
                                composer.forceActiveFocus()
                            }
                        }
                    }
                }
                Label {
                    visible: entry.text.length > 0
                    Layout.fillWidth: true
                    text: entry.text
                    color: Theme.text
                    wrapMode: Text.Wrap
                    font.pointSize: Theme.fontBody
                }
                Label {
                    visible: entry.note.length > 0
                    Layout.fillWidth: true
                    text: entry.note
                    color: Theme.textMuted
                    font.italic: true
                    wrapMode: Text.Wrap
                    font.pointSize: Theme.fontSmall
                }
            }
        }

        Label {
            Layout.fillWidth: true
            visible: reviewModel.lastError.length > 0
            text: reviewModel.lastError
            color: Theme.error
            wrapMode: Text.Wrap
            font.pointSize: Theme.fontSmall
        }
        RowLayout {
            Layout.fillWidth: true
            visible: panel.replyTo.length > 0
            Label {
                text: qsTr("Replying to %1 (%2)").arg(panel.replyToAuthor).arg(panel.replyTo)
                color: Theme.textMuted
                font.pointSize: Theme.fontSmall
            }
            Label {
                text: qsTr("cancel")
                color: Theme.accent
                font.pointSize: Theme.fontSmall
                MouseArea {
                    anchors.fill: parent
                    cursorShape: Qt.PointingHandCursor
                    onClicked: panel.replyTo = ""
                }
            }
        }
        TextArea {
            id: composer
            objectName: "reviewComposer"
            Layout.fillWidth: true
            Layout.preferredHeight: 56
            enabled: reviewModel.verified
            placeholderText: panel.field.length > 0
                             ? qsTr("Comment on %1 as %2 (Ctrl+Return)").arg(panel.field).arg(AppSettings.identityEmail)
                             : qsTr("Comment as %1 (Ctrl+Return)").arg(AppSettings.identityEmail || qsTr("nobody: set your e-mail in Settings"))
            wrapMode: TextArea.Wrap
            color: Theme.text
            background: Rectangle {
                color: Theme.background
                border.color: composer.activeFocus ? Theme.accent : Theme.border
                radius: Theme.radius
            }
            Keys.onEscapePressed: panel.replyTo = ""
            Keys.onPressed: (event) => {
                if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter) && (event.modifiers & Qt.ControlModifier)) {
                    panel.post()
                    event.accepted = true
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Button {
                text: qsTr("Comment")
                enabled: composer.text.trim().length > 0 && reviewModel.verified
                onClicked: panel.post()
            }
            Item { Layout.fillWidth: true }
            Button {
                visible: reviewModel.isAuthor && (reviewModel.stage === "draft" || reviewModel.stage === "changes-requested")
                text: qsTr("Submit for review")
                onClicked: if (reviewModel.submit(composer.text)) composer.clear()
            }
            Button {
                visible: reviewModel.isAuthor && !["approved", "rejected", "withdrawn"].includes(reviewModel.stage)
                text: qsTr("Withdraw")
                onClicked: if (reviewModel.withdraw(composer.text)) composer.clear()
            }
            Button {
                visible: reviewModel.canVote
                text: qsTr("Request changes")
                enabled: composer.text.trim().length > 0
                ToolTip.visible: hovered && !enabled
                ToolTip.text: qsTr("Say what should change first")
                onClicked: if (reviewModel.requestChanges(composer.text)) composer.clear()
            }
            Button {
                visible: reviewModel.canVote
                text: qsTr("Reject")
                enabled: composer.text.trim().length > 0
                onClicked: if (reviewModel.reject(composer.text)) composer.clear()
            }
            Button {
                visible: reviewModel.canVote
                highlighted: true
                text: qsTr("Approve")
                onClicked: if (reviewModel.approve(composer.text)) composer.clear()
            }
        }
    }
}
