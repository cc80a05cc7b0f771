pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

// Sources to sync, who you are in reviews, and the look.
Pane {
    id: settings
    padding: Theme.margin * 1.5
    background: Rectangle { color: Theme.background }

    /// Configures `list` as the sources, by `apply`, once the user has seen what the next sync drops from
    /// the cache (right away when it drops nothing).
    function changeSources(list, apply, added) {
        const drop = AppController.previewSources(list)
        if (drop.sources.length === 0)
            apply()
        else
            dropDialog.ask(drop, apply, added)
    }
    function addSource(source) {
        const list = AppSettings.sources.concat([source])
        settings.changeSources(list, () => {
            AppSettings.sources = list
            newSource.text = ""
            AppController.syncNow()
        }, source)
    }
    function removeSource(source) {
        // AppController.removeSource: out of the configuration and, at the sync it starts, the cache.
        settings.changeSources(AppSettings.sources.filter(s => s !== source), () => AppController.removeSource(source), "")
    }

    // `meshscope gui --view settings --select add:PATH` (or remove:SOURCE) asks as the buttons do, once the
    // sync under way is done (the question is about what the cache holds).
    property string pendingAction: ""
    function openItem(id: string) {
        settings.pendingAction = id
        // Later, not now: at start-up the window opens before the first sync starts.
        Qt.callLater(() => {
            if (!AppController.syncing && settings.pendingAction !== "")
                settings.runPendingAction()
        })
    }
    function runPendingAction() {
        const action = settings.pendingAction
        settings.pendingAction = ""
        if (action.startsWith("add:"))
            settings.addSource(action.slice(4))
        else if (action.startsWith("remove:"))
            settings.removeSource(action.slice(7))
    }
    Connections {
        target: AppController
        function onSyncFinished() {
            if (settings.pendingAction !== "")
                settings.runPendingAction()
        }
    }

    SourceDropDialog { id: dropDialog }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(parent.width, 760)
            spacing: Theme.margin

            ViewHeader {
                Layout.fillWidth: true
                title: qsTr("Settings")
                subtitle: qsTr("Cache: %1").arg(AppController.cachePath)
            }

            Section { text: qsTr("Sources") }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.textMuted
                text: AppSettings.sources.length === 0
                      ? qsTr("No sources configured: Meshscope shows the bundled sample mesh. Add a mesh folder (a git checkout of YAML), a single file, or a catalog server.")
                      : qsTr("Folders are searched recursively for ODCS, DCS, ODPS, dbt manifests, OpenLineage events and DataHub MCE files. Catalog servers: entropy+https://…, marquez+http://…, openmetadata+https://…, datahub+https://….")
            }
            Repeater {
                model: AppSettings.sources
                delegate: ColumnLayout {
                    id: sourceRow
                    required property string modelData
                    required property int index
                    Layout.fillWidth: true
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            Layout.fillWidth: true
                            text: sourceRow.modelData
                            color: Theme.text
                            elide: Text.ElideMiddle
                        }
                        Button {
                            text: qsTr("Remove")
                            onClicked: settings.removeSource(sourceRow.modelData)
                        }
                    }
                    CatalogTokenRow {
                        visible: CatalogTokens.isCatalog(sourceRow.modelData)
                        source: sourceRow.modelData
                        Layout.fillWidth: true
                        Layout.leftMargin: Theme.margin
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: newSource
                    Layout.fillWidth: true
                    placeholderText: qsTr("/path/to/mesh-repository or entropy+https://api.entropy-data.com")
                    onAccepted: addButton.clicked()
                }
                Button {
                    id: addButton
                    text: qsTr("Add source")
                    enabled: newSource.text.trim().length > 0 && CatalogTokens.problem(newSource.text).length === 0
                    onClicked: settings.addSource(newSource.text.trim())
                }
            }
            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: CatalogTokens.problem(newSource.text)
                color: Theme.warning
                wrapMode: Text.WordWrap
            }

            Section { text: qsTr("Identity") }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.textMuted
                text: qsTr("Your name and e-mail sign comments and votes on contract proposals. By default they come from git config.")
            }
            SigningStatus {
                id: signingStatus
                keyFile: AppSettings.signingKey
                email: AppSettings.identityEmail
                sources: AppController.sources
            }
            GridLayout {
                columns: 2
                columnSpacing: Theme.margin
                Label { text: qsTr("Name"); color: Theme.text }
                TextField {
                    Layout.preferredWidth: 360
                    text: AppSettings.identityName
                    onEditingFinished: AppSettings.identityName = text
                }
                Label { text: qsTr("E-mail"); color: Theme.text }
                TextField {
                    Layout.preferredWidth: 360
                    text: AppSettings.identityEmail
                    onEditingFinished: AppSettings.identityEmail = text
                }
                Label { text: qsTr("Signing key"); color: Theme.text }
                TextField {
                    objectName: "signingKeyField"
                    Layout.preferredWidth: 360
                    text: AppSettings.signingKey
                    placeholderText: signingStatus.resolvedKey.length > 0 ? signingStatus.resolvedKey : qsTr("~/.ssh/id_ed25519.pub")
                    onEditingFinished: AppSettings.signingKey = text
                }
                Label { text: qsTr("Fingerprint"); color: Theme.text }
                Label {
                    objectName: "signingKeyFingerprint"
                    text: signingStatus.fingerprint.length > 0 ? signingStatus.fingerprint : qsTr("none")
                    color: signingStatus.fingerprint.length > 0 ? Theme.text : Theme.textMuted
                    font.family: "monospace"
                }
            }
            Label {
                objectName: "signingKeyStatus"
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: signingStatus.summary
                color: signingStatus.listed ? Theme.ok : Theme.warning
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.textMuted
                text: qsTr("Votes are SSH-signed (ssh-keygen; keys held by ssh-agent work, give the .pub file). Where a mesh requires signatures, its reviews/allowed_signers must list the key for your e-mail.")
            }

            Section { text: qsTr("Appearance") }
            RowLayout {
                Label { text: qsTr("Theme"); color: Theme.text }
                ComboBox {
                    id: themeBox
                    readonly property var values: ["system", "light", "dark"]
                    model: [qsTr("Follow the system"), qsTr("Light"), qsTr("Dark")]
                    currentIndex: Math.max(0, values.indexOf(AppSettings.theme))
                    onActivated: (index) => AppSettings.theme = values[index]
                    Layout.preferredWidth: 220
                }
            }
        }
    }

    component Section: Label {
        Layout.topMargin: Theme.spacing
        color: Theme.text
        font.pointSize: Theme.fontHeading
        font.bold: true
    }
}
