#pragma once

#include <QVariantMap>

class QQmlApplicationEngine;

namespace meshscope::ui {

/// @brief Loads Main.qml (the window) into `engine` with `initialProperties` (width, height, ...).
/// Needs the AppSettings and AppController instances and the Fusion style set first, as runGui does;
/// the in-process GUI tests (tests/gui/tst_editorflows.cpp) build their window with it too.
/// False when the QML could not be loaded (the engine has printed why).
bool loadMainWindow(QQmlApplicationEngine &engine, const QVariantMap &initialProperties);

/// @brief Runs the window: `meshscope` with no arguments or `meshscope gui [options]`.
/// Creates the QApplication (QtCharts needs one), loads the QML and, with --screenshot, saves
/// the requested view once it has rendered and exits.
int runGui(int argc, char *argv[]);

} // namespace meshscope::ui
