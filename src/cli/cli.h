#pragma once

#include <QStringList>

namespace meshscope::cli {

/// @brief Runs a headless subcommand. `arguments` is the full argv (program name first).
/// Returns the process exit code (see ExitCode). Requires a QCoreApplication.
int run(const QStringList &arguments);

/// The text of `meshscope --help`.
QString usage();

} // namespace meshscope::cli
