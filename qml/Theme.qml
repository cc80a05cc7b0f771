pragma Singleton
pragma ComponentBehavior: Bound
import QtQuick

QtObject {
    readonly property color background: "#ffffff"
}
