// Not `pragma ComponentBehavior: Bound`: Qt 6.4 cannot create a ListView's header or section
// delegate from a bound component ("Cannot instantiate bound component outside its creation
// context"), so they silently did not appear.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// The semantic changes, breaking first, each with old and new value, why it weighs what it weighs,
// whom it breaks, and its lines; clicking one (or F8 / Shift+F8) shows its lines in the YAML below.
Rectangle {
    id: pane

    /// The diff path of the selected change (what a review comment is about), "" when none.
    readonly property string currentPath: list.currentItem?.path ?? ""

    required property ContractDiffController controller

    function severityColor(severity) {
        return severity === "breaking" ? Theme.error : severity === "non-breaking" ? Theme.warning : Theme.accent
    }

    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    // Nothing to list: both pickers on one version, or two versions that differ only in what the rules
    // ignore. A blank pane read as a fault. (A contract with a single version shows the view's message.)
    Label {
        objectName: "noChanges"
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        visible: list.count === 0 && pane.controller.hasDiff && !pane.controller.loading
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        color: Theme.textMuted
        text: pane.controller.oldVersion === pane.controller.newVersion
              ? qsTr("Both sides are version %1: pick another version above to compare.").arg(pane.controller.newVersion)
              : qsTr("No semantic differences between %1 and %2.").arg(pane.controller.oldVersion)
                    .arg(pane.controller.newVersion)
    }

    ListView {
        id: list
        objectName: "changeList"
        anchors.fill: parent
        anchors.margins: 1
        clip: true
        model: pane.controller.changes
        currentIndex: pane.controller.currentChange
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        onCurrentIndexChanged: if (currentIndex >= 0) positionViewAtIndex(currentIndex, ListView.Contain)
        // Up/Down move the selection through the controller, so the YAML below follows.
        keyNavigationEnabled: false
        Keys.onUpPressed: pane.controller.previousChange()
        Keys.onDownPressed: pane.controller.nextChange()

        section.property: "section"
        section.delegate: Rectangle {
            id: sectionRow
            required property string section
            width: ListView.view.width
            height: sectionLabel.implicitHeight + 8
            color: Theme.surfaceAlt
            Label {
                id: sectionLabel
                anchors.left: parent.left
                anchors.leftMargin: Theme.spacing
                anchors.verticalCenter: parent.verticalCenter
                text: sectionRow.section
                color: Theme.text
                font.pointSize: Theme.fontSmall
                font.bold: true
                font.capitalization: Font.AllUppercase
            }
        }

        delegate: ItemDelegate {
            id: row
            required property int index
            required property string severity
            required property string kind
            required property string path
            required property string description
            required property string oldText
            required property string newText
            required property string detail
            required property string impact
            required property string oldLines
            required property string newLines

            width: ListView.view.width
            highlighted: ListView.isCurrentItem
            onClicked: {
                pane.controller.selectChange(index)
                list.forceActiveFocus()
            }
            topPadding: 6
            bottomPadding: 6
            leftPadding: Theme.spacing + 6

            background: Rectangle {
                color: row.highlighted ? Theme.accentSoft : (row.hovered ? Theme.surfaceAlt : "transparent")
                Rectangle {
                    width: 4
                    height: parent.height
                    color: pane.severityColor(row.severity)
                }
            }

            contentItem: ColumnLayout {
                spacing: 2
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Label {
                        text: row.kind
                        color: pane.severityColor(row.severity)
                        font.pointSize: Theme.fontSmall
                        font.bold: true
                    }
                    Label {
                        Layout.fillWidth: true
                        text: row.path
                        color: Theme.text
                        font.family: "monospace"
                        font.pointSize: Theme.fontBody
                        elide: Text.ElideMiddle
                    }
                    Label {
                        text: (row.oldLines !== "" ? qsTr("L%1").arg(row.oldLines) : "–") + " → "
                              + (row.newLines !== "" ? qsTr("L%1").arg(row.newLines) : "–")
                        color: Theme.textMuted
                        font.pointSize: Theme.fontSmall
                    }
                }
                Label {
                    Layout.fillWidth: true
                    visible: row.oldText !== "" || row.newText !== ""
                    text: row.oldText === "" ? qsTr("new: %1").arg(row.newText)
                          : row.newText === "" ? qsTr("was: %1").arg(row.oldText)
                          : row.oldText + "  →  " + row.newText
                    color: Theme.text
                    font.family: "monospace"
                    font.pointSize: Theme.fontSmall
                    elide: Text.ElideRight
                    maximumLineCount: 1
                }
                Label {
                    Layout.fillWidth: true
                    text: row.detail !== "" ? row.detail + " — " + row.description : row.description
                    color: Theme.textMuted
                    font.pointSize: Theme.fontSmall
                    elide: Text.ElideRight
                }
                Label {
                    Layout.fillWidth: true
                    visible: row.impact !== ""
                    text: row.impact
                    color: Theme.error
                    font.pointSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }
            }
        }
    }
}
