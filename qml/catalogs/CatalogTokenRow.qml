pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// The API token of one catalog source: typed here, kept in the system keychain (never in the
// settings file or the cache). Shows whether one is stored, without ever showing it.
RowLayout {
    id: row
    required property string source
    property string status: ""
    property bool present: false
    spacing: Theme.spacing

    Component.onCompleted: if (CatalogTokens.isCatalog(row.source)) CatalogTokens.check(row.source)

    Connections {
        target: CatalogTokens
        function onChecked(source: string, present: bool) {
            if (source === row.source)
                row.present = present
        }
        function onStored(source: string, ok: bool, message: string) {
            if (source !== row.source)
                return
            row.status = message
            if (ok)
                CatalogTokens.check(row.source)
        }
    }

    Label {
        text: row.present ? qsTr("Token stored") : qsTr("No token")
        color: row.present ? Theme.textMuted : Theme.warning
        font.pointSize: Theme.fontSmall
        Layout.preferredWidth: 90
    }
    TextField {
        id: token
        Layout.fillWidth: true
        echoMode: TextInput.Password
        placeholderText: qsTr("API token (or set %1)").arg(CatalogTokens.environmentVariable(row.source))
        onAccepted: save.clicked()
    }
    Button {
        id: save
        text: qsTr("Save token")
        enabled: token.text.length > 0
        onClicked: {
            CatalogTokens.store(row.source, token.text)
            token.text = ""
        }
    }
    Button {
        text: qsTr("Forget")
        visible: row.present
        onClicked: CatalogTokens.store(row.source, "")
    }
    Label {
        visible: row.status.length > 0
        text: row.status
        color: Theme.textMuted
        font.pointSize: Theme.fontSmall
        elide: Text.ElideRight
        Layout.maximumWidth: 220
    }
}
