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
        signingKey: AppSettings.signingKey
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

        // Everything but the composer scrolls as one: state, approvers and the whole discussion are
        // always reachable however short the panel is, and the bar shows when there is more. (Two
        // nested lists each cut off mid-line and hid that they scrolled.)
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 60

            Flickable {
                id: scroller
                objectName: "reviewScroll"
                anchors.fill: parent
                readonly property bool overflows: contentHeight > height + 1
                clip: true
                contentWidth: width
                contentHeight: body.implicitHeight
                boundsBehavior: Flickable.StopAtBounds
                interactive: overflows
                ScrollBar.vertical: ScrollBar {
                    id: scrollBar
                    objectName: scroller.overflows ? "reviewScrollBar" : ""
                    // Shown, not just on hover, while there is something to scroll to.
                    policy: scroller.overflows ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
                    // Drawn in the theme's colours: the style's pale bar was hard to see on the surface.
                    contentItem: Rectangle {
                        implicitWidth: 6
                        radius: 3
                        color: scrollBar.pressed || scrollBar.hovered ? Theme.accent : Theme.textMuted
                        opacity: scrollBar.pressed || scrollBar.hovered ? 0.9 : 0.55
                    }
                }

                ColumnLayout {
                    id: body
                    // The bar's gutter is always kept, so text does not re-wrap when the bar appears.
                    width: scroller.width - scrollBar.implicitWidth - 4
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
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("%1, proposed by %2").arg(reviewModel.title).arg(reviewModel.author)
                              + (reviewModel.breaking > 0 ? qsTr(" · %n breaking change(s)", "", reviewModel.breaking) : "")
                        color: Theme.textMuted
                        font.pointSize: Theme.fontBody
                        elide: Text.ElideRight
                    }
                    // The count beside the bar it measures, leaving the heading room in a narrow panel.
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        ProgressBar {
                            Layout.fillWidth: true
                            from: 0
                            to: Math.max(1, reviewModel.required)
                            value: reviewModel.approvals
                        }
                        Label {
                            objectName: "approvalCount"
                            text: qsTr("%1 of %2 approvals").arg(reviewModel.approvals).arg(reviewModel.required)
                            color: Theme.textMuted
                            font.pointSize: Theme.fontBody
                        }
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
                    // Every approver, in full rows: the panel scrolls rather than cutting the list.
                    Column {
                        id: approverList
                        objectName: "approverList"
                        Layout.fillWidth: true
                        spacing: 4
                        Repeater {
                            id: approverRepeater
                            model: reviewModel.approvers
                            delegate: RowLayout {
                                id: approver
                                required property var modelData
                                required property int index
                                // The last row is named so tests can check the list is not cut short.
                                objectName: index === approverRepeater.count - 1 ? "lastApprover" : ""
                                width: approverList.width
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
                                        id: approverVote
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
                                        id: approverWhy
                                        Layout.fillWidth: true
                                        text: approver.modelData.candidates + " · " + approver.modelData.reason
                                        color: Theme.textMuted
                                        font.pointSize: Theme.fontSmall
                                        elide: Text.ElideRight
                                    }
                                }
                                // The elided lines in full on hover.
                                HoverHandler { id: approverHover }
                                ToolTip.visible: approverHover.hovered && (approverVote.truncated || approverWhy.truncated)
                                ToolTip.delay: 600
                                ToolTip.text: approverVote.text + "\n" + approverWhy.text
                            }
                        }
                    }

                    Label {
                        objectName: "discussionHeading"
                        Layout.topMargin: Theme.spacing
                        text: qsTr("Discussion")
                        color: Theme.text
                        font.bold: true
                        font.pointSize: Theme.fontBody
                    }
                    Label {
                        visible: threadRepeater.count === 0
                        text: qsTr("No comments yet.")
                        color: Theme.textMuted
                        font.pointSize: Theme.fontBody
                    }
                    Column {
                        id: thread
                        objectName: "reviewThread"
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        Repeater {
                            id: threadRepeater
                            model: reviewModel
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
                                required property bool isVote
                                required property string signature
                                required property string signatureLabel
                                required property string signatureKey
                                required property string signatureReason
                                width: thread.width - x
                                x: entry.depth * 28
                                spacing: 2
                                // Who and what, then where and when on a line of their own: on one
                                // row the time, hash and Reply were pushed out of a narrow panel.
                                RowLayout {
                                    Layout.fillWidth: true
                                    spacing: Theme.spacing
                                    Label {
                                        // A fixed share of entry.width was taken while the panel was still
                                        // narrow and kept: names were cut to ~80 px. The row shrinks both
                                        // labels only when they do not fit.
                                        Layout.preferredWidth: Math.ceil(implicitWidth)
                                        text: entry.authorName
                                        color: Theme.text
                                        font.bold: true
                                        font.pointSize: Theme.fontBody
                                        elide: Text.ElideRight
                                    }
                                    Label {
                                        Layout.fillWidth: true
                                        text: entry.kindLabel
                                        color: entry.kind === "approved" ? Theme.ok
                                             : entry.kind === "changes-requested" ? Theme.warning
                                             : entry.kind === "rejected" ? Theme.error : Theme.textMuted
                                        font.pointSize: Theme.fontBody
                                        elide: Text.ElideRight
                                    }
                                    // Who signed it: a mark per vote (and on any other event whose
                                    // signature is not right), the key's fingerprint on hover.
                                    Label {
                                        id: signatureMark
                                        objectName: "signatureMark"
                                        visible: entry.isVote || entry.signature === "bad" || entry.signature === "unknown-key"
                                        text: (entry.signature === "good" ? "\u2713 " : entry.signature === "bad" ? "\u2717 " : "") + entry.signatureLabel
                                        color: entry.signature === "good" ? Theme.ok
                                             : entry.signature === "bad" ? Theme.error
                                             : entry.signature === "unknown-key" || reviewModel.signaturesRequired ? Theme.warning
                                             : Theme.textMuted
                                        font.pointSize: Theme.fontSmall
                                        HoverHandler { id: signatureHover }
                                        ToolTip.visible: signatureHover.hovered
                                        ToolTip.delay: 300
                                        ToolTip.text: (entry.signatureKey.length > 0 ? entry.signatureKey : qsTr("not signed"))
                                                      + (entry.signatureReason.length > 0 ? "\n" + entry.signatureReason : "")
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
                                RowLayout {
                                    Layout.fillWidth: true
                                    spacing: Theme.spacing
                                    Label {
                                        text: entry.time + "  " + entry.hash
                                        color: Theme.textMuted
                                        font.pointSize: Theme.fontSmall
                                        font.family: "monospace"
                                    }
                                    Label {
                                        Layout.fillWidth: true
                                        text: entry.field.length > 0 ? qsTr("on %1").arg(entry.field) : ""
                                        color: Theme.accent
                                        font.pointSize: Theme.fontSmall
                                        elide: Text.ElideMiddle
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
                    }
                }
            }
            // A fade over the last visible line says there is more below, with the bar.
            Rectangle {
                objectName: "reviewMoreBelow"
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                anchors.rightMargin: scrollBar.implicitWidth + 4
                height: 20
                visible: scroller.overflows && !scroller.atYEnd
                gradient: Gradient {
                    GradientStop { position: 0; color: "transparent" }
                    GradientStop { position: 1; color: Theme.surface }
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
            // One line while empty, growing with what is written up to about five lines, so the
            // review above keeps most of the panel.
            Layout.preferredHeight: Math.min(Math.max(36, implicitHeight), 110)
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
                objectName: "commentButton"
                text: qsTr("Comment")
                enabled: composer.text.trim().length > 0 && reviewModel.verified
                onClicked: panel.post()
            }
            Label {
                objectName: "voteHint"
                Layout.fillWidth: true
                visible: reviewModel.voteHint !== ""
                text: reviewModel.voteHint
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
                color: Theme.textMuted
                font.pointSize: Theme.fontSmall
            }
            Item { Layout.fillWidth: true; visible: reviewModel.voteHint === "" }
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
                objectName: "approveButton"
                visible: reviewModel.canVote
                highlighted: reviewModel.myVote !== "approved"
                // One approval per revision: once given, the button says so instead of adding another.
                enabled: reviewModel.myVote !== "approved"
                text: reviewModel.myVote === "approved" ? qsTr("Approved ✓") : qsTr("Approve")
                onClicked: if (reviewModel.approve(composer.text)) composer.clear()
            }
        }
    }
}
