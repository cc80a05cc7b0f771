// Not `pragma ComponentBehavior: Bound`: Qt 6.4 cannot create a ListView's header or section
// delegate from a bound component ("Cannot instantiate bound component outside its creation
// context"), so they silently did not appear.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// Ctrl+K: results as you type, grouped by kind; arrows move, Enter opens, Esc closes.
Popup {
    id: popup

    /// `object`: a table hit's schema object, opened inside contract `entityId`; "" for other kinds.
    signal openItem(string kind, string entityId, string object)

    parent: Overlay.overlay
    x: (parent.width - width) / 2
    y: parent.height * 0.12
    width: Math.min(parent.width - 80, 720)
    height: Math.min(parent.height * 0.7, 560)
    modal: true
    focus: true
    padding: 0
    onOpened: { field.text = ""; field.forceActiveFocus() }

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
    }

    SearchModel {
        id: results
        query: field.text
    }

    function activate(index) {
        if (index < 0 || index >= list.count)
            return
        const item = list.itemAtIndex(index)
        popup.openItem(item.kind, item.entityId, item.object)
        popup.close()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TextField {
            id: field
            objectName: "searchField"
            Layout.fillWidth: true
            Layout.margins: Theme.spacing
            placeholderText: qsTr("Search products, contracts, tables, datasets, columns, domains, owners, tags")
            font.pointSize: Theme.fontHeading
            Keys.onDownPressed: list.incrementCurrentIndex()
            Keys.onUpPressed: list.decrementCurrentIndex()
            Keys.onReturnPressed: popup.activate(list.currentIndex)
            Keys.onEnterPressed: popup.activate(list.currentIndex)
        }
        Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: Theme.border }

        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: results
            currentIndex: count > 0 ? 0 : -1
            section.property: "kindLabel"
            section.delegate: Label {
                required property string section
                width: ListView.view.width
                leftPadding: Theme.margin
                topPadding: Theme.spacing
                bottomPadding: 2
                text: section
                color: Theme.textMuted
                font.pointSize: Theme.fontSmall
                font.bold: true
                font.capitalization: Font.AllUppercase
            }
            delegate: ItemDelegate {
                id: hit
                objectName: "searchHit"
                required property int index
                required property string kind
                required property string entityId
                required property string title
                required property string snippet
                required property string snippetMarkup
                required property string object
                required property string origin
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                // Where the hit comes from: the documents that define it, and how many.
                ToolTip.visible: hovered && origin !== ""
                ToolTip.text: origin
                ToolTip.delay: 500
                onClicked: popup.activate(index)
                contentItem: ColumnLayout {
                    spacing: 1
                    RowLayout {
                        Label {
                            text: hit.title
                            color: Theme.text
                            font.pointSize: Theme.fontBody
                            font.bold: true
                            elide: Text.ElideRight
                            Layout.maximumWidth: hit.width * 0.55
                        }
                        Label {
                            Layout.fillWidth: true
                            // A table names the contract it is in.
                            text: hit.object !== "" ? qsTr("in %1").arg(hit.entityId)
                                                    : hit.entityId !== hit.title ? hit.entityId : ""
                            color: Theme.textMuted
                            font.pointSize: Theme.fontSmall
                            elide: Text.ElideMiddle
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        // Plain text with the matched words in bold (escaped by SearchModel).
                        text: hit.snippetMarkup
                        textFormat: Text.StyledText
                        color: Theme.textMuted
                        font.pointSize: Theme.fontSmall
                        elide: Text.ElideRight
                        visible: hit.snippet.length > 0
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                text: field.text.trim().length === 0 ? qsTr("Type to search the cache")
                                                      : (results.searching ? "" : qsTr("No matches"))
                color: Theme.textMuted
            }
        }
    }
}
