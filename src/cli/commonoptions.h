#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace meshscope::cli {

/// @brief The options every subcommand shares: --cache FILE, repeatable --source PATH|URL, --json.
/// Defaults: the per-user cache file and the bundled sample mesh.
struct CommonOptions {
    QCommandLineOption cache{QStringLiteral("cache"),
                             QStringLiteral("Cache file (default: the per-user cache)."),
                             QStringLiteral("FILE")};
    QCommandLineOption source{QStringLiteral("source"),
                              QStringLiteral("Source folder, file or catalog URL (entropy+https://..., "
                                             "marquez+http://..., openmetadata+https://..., datahub+https://...; "
                                             "token: `meshscope token` or MESHSCOPE_TOKEN_<HOST>); repeatable "
                                             "(default: the bundled sample mesh)."),
                              QStringLiteral("PATH")};
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("Machine-readable output on stdout.")};

    void addTo(QCommandLineParser &parser, bool withSource = true, bool withJson = true);

    /// The cache path given or the default one.
    QString cachePath(const QCommandLineParser &parser) const;
    /// The sources given, or the bundled sample mesh (extracted to a writable folder).
    QStringList sources(const QCommandLineParser &parser) const;
};

/// Exit codes shared by every subcommand.
enum ExitCode { Success = 0, Found = 1, BadUsage = 2 };

/// Parses `arguments` (the subcommand's name first) for a subcommand that takes options only: prints the
/// help, or the error naming `command` ("meshscope check: ..."), and returns the exit code when the command
/// ends there; nothing when it goes on.
std::optional<int> parseOptionsOnly(QCommandLineParser &parser, const QStringList &arguments, const char *command);

} // namespace meshscope::cli
