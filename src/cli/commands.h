#pragma once

#include <QStringList>

/// One function per subcommand; each parses its own options from `arguments`
/// (program name and subcommand first) and returns an ExitCode.
namespace meshscope::cli {

int syncCommand(const QStringList &arguments);
int searchCommand(const QStringList &arguments);
int generateCommand(const QStringList &arguments);
int diffCommand(const QStringList &arguments);
int layoutCommand(const QStringList &arguments);
int reviewCommand(const QStringList &arguments);
int checkCommand(const QStringList &arguments);
int lineageCommand(const QStringList &arguments);
int tokenCommand(const QStringList &arguments);
int exportCommand(const QStringList &arguments);
int lintCommand(const QStringList &arguments);
int metricsCommand(const QStringList &arguments);
int maturityCommand(const QStringList &arguments);
int newCommand(const QStringList &arguments);

} // namespace meshscope::cli
