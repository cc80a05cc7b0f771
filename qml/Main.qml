import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Meshscope
import Meshscope.Backend

ApplicationWindow {
    id: window

    /// Views set this while they load, so a screenshot waits for them.
    property bool busy: false
    /// The lineage view's worker is loading or laying out. Its own flag: Bindings of several views on
    /// `busy` that overlap in time restore each other's saved values and can leave it stuck on true.
    property bool lineageBusy: false
    /// `--export-preview FORMAT`: the start area's export menu opens that preview once loaded, and the
    /// screenshot waits (exportBusy) until the preview is open.
    property string exportPreview: ""
    property bool exportBusy: exportPreview !== ""
    property string area: AppController.startArea

    readonly property var areas: [
        { key: "domains", label: qsTr("Domains") },
        { key: "lineage", label: qsTr("Lineage") },
        { key: "quality", label: qsTr("Quality") },
        { key: "contracts", label: qsTr("Contracts") },
        { key: "council", label: qsTr("Council") },
        { key: "settings", label: qsTr("Settings") }
    ]
    readonly property int areaIndex: Math.max(0, areas.findIndex(a => a.key === area))

    width: AppSettings.windowWidth
    height: AppSettings.windowHeight
    minimumWidth: 960
    minimumHeight: 600
    visible: true
    title: qsTr("Meshscope") + " — " + areas[areaIndex].label
    color: Theme.background

    palette.window: Theme.background
    palette.windowText: Theme.text
    palette.base: Theme.surface
    palette.alternateBase: Theme.surfaceAlt
    palette.text: Theme.text
    palette.button: Theme.surfaceAlt
    palette.buttonText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.accentText
    palette.placeholderText: Theme.textMuted
    palette.mid: Theme.border
    palette.light: Theme.surface
    palette.dark: Theme.border
    palette.toolTipBase: Theme.surface
    palette.toolTipText: Theme.text

    onWidthChanged: if (visibility === Window.Windowed) AppSettings.windowWidth = width
    onHeightChanged: if (visibility === Window.Windowed) AppSettings.windowHeight = height
    onAreaChanged: AppSettings.lastArea = area
    // `meshscope gui --view AREA --select ID`: the view of AREA keeps the id and shows it once its data is
    // loaded (views reload on AppController.syncFinished, so they must remember what was asked for).
    Component.onCompleted: if (AppController.selectId !== "")
        AppController.open(AppController.startArea, AppController.selectId)

    Shortcut { sequence: "Ctrl+K"; onActivated: search.open() }
    Shortcut { sequence: "Ctrl+1"; onActivated: window.area = "domains" }
    Shortcut { sequence: "Ctrl+2"; onActivated: window.area = "lineage" }
    Shortcut { sequence: "Ctrl+3"; onActivated: window.area = "quality" }
    Shortcut { sequence: "Ctrl+4"; onActivated: window.area = "contracts" }
    Shortcut { sequence: "Ctrl+5"; onActivated: window.area = "council" }
    Shortcut { sequence: "Ctrl+,"; onActivated: window.area = "settings" }
    Shortcut { sequence: "Ctrl+R"; onActivated: AppController.syncNow() }
    Shortcut { sequence: StandardKey.Quit; onActivated: Qt.quit() }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        NavRail {
            Layout.fillHeight: true
            areas: window.areas
            current: window.area
            onSelected: (key) => window.area = key
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            TopBar {
                Layout.fillWidth: true
                areaLabel: window.areas[window.areaIndex].label
                onSearchRequested: search.open()
            }
            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: window.areaIndex
                AreaLoader { id: domainsArea; current: window.areaIndex === 0; sourceComponent: domainsView }
                AreaLoader { id: lineageArea; current: window.areaIndex === 1; sourceComponent: lineageView }
                AreaLoader { id: qualityArea; current: window.areaIndex === 2; sourceComponent: qualityView }
                AreaLoader { id: contractsArea; current: window.areaIndex === 3; sourceComponent: contractsView }
                AreaLoader { id: councilArea; current: window.areaIndex === 4; sourceComponent: councilView }
                AreaLoader { id: settingsArea; current: window.areaIndex === 5; sourceComponent: settingsView }
            }
            StatusBar {
                Layout.fillWidth: true
            }
        }
    }

    // Every "show me X" goes through AppController.open(area, id): the window switches area (creating
    // its view the first time) and hands the id to that view's openItem().
    Connections {
        target: AppController
        function onOpenRequested(area, id) {
            window.area = area
            const loaders = [domainsArea, lineageArea, qualityArea, contractsArea, councilArea, settingsArea]
            loaders[window.areaIndex].openItem(id)
        }
    }
    Component { id: domainsView; DomainsView {} }
    Component { id: lineageView; LineageView {} }
    Component { id: qualityView; QualityView {} }
    Component { id: contractsView; ContractsView {} }
    Component { id: councilView; CouncilView {} }
    Component { id: settingsView; SettingsView {} }

    SearchPopup {
        id: search
        onOpenItem: (kind, entityId, object) => {
            if (kind === "contract")
                AppController.open("contracts", entityId)
            else if (kind === "table") {
                AppController.open("contracts", "") // switches area, creating the view the first time
                if (contractsArea.item)
                    contractsArea.item.openObject(entityId, object)
                else
                    AppController.open("contracts", entityId)
            }
            else if (kind === "dataset" || kind === "column" || kind === "metric")
                AppController.open("lineage", entityId)
            else
                AppController.open("domains", entityId)
        }
    }
}
