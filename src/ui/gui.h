#pragma once

namespace meshscope::ui {

/// @brief Runs the window: `meshscope` with no arguments or `meshscope gui [options]`.
/// Creates the QApplication (QtCharts needs one), loads the QML and, with --screenshot, saves
/// the requested view once it has rendered and exits.
int runGui(int argc, char *argv[]);

} // namespace meshscope::ui
