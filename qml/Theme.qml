pragma Singleton
pragma ComponentBehavior: Bound
import QtQuick
import Meshscope.Backend

// Design tokens: colours, sizes and type scale for both themes, in one place.
QtObject {
    readonly property bool dark: AppSettings.theme === "dark"
                                 || (AppSettings.theme === "system" && AppController.systemDark)

    readonly property color background: dark ? "#1b1e24" : "#f4f5f8"
    readonly property color surface: dark ? "#242830" : "#ffffff"
    readonly property color surfaceAlt: dark ? "#2c313a" : "#eceef2"
    readonly property color border: dark ? "#3a404b" : "#d6dae1"
    readonly property color text: dark ? "#e7e9ee" : "#1b2230"
    readonly property color textMuted: dark ? "#a3abb8" : "#586274"
    readonly property color accent: dark ? "#7aa7ff" : "#2459d6"
    readonly property color accentSoft: dark ? "#2d3b57" : "#e3ebfc"
    readonly property color accentText: "#ffffff"
    readonly property color ok: dark ? "#4cc382" : "#1f8a4c"
    readonly property color warning: dark ? "#e9b949" : "#b07d00"
    readonly property color error: dark ? "#ff7b7b" : "#c53030"
    // The rail stays dark in both themes; its icons are drawn light.
    readonly property color rail: "#1f2a44"
    readonly property color railText: "#c6cfdf"
    readonly property color railSelected: "#34466e"

    readonly property int spacing: 8
    readonly property int margin: 16
    readonly property int radius: 6
    readonly property int railWidth: 84
    readonly property int barHeight: 44

    readonly property real fontSmall: 8.5
    readonly property real fontBody: 10
    readonly property real fontHeading: 12.5
    readonly property real fontTitle: 17
    readonly property real fontDisplay: 22
}
