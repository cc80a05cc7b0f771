#include "commands.h"
#include "commonoptions.h"

#include "catalogs/catalogsource.h"
#include "catalogs/tokenstore.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>

namespace meshscope::cli {

/// `meshscope token --source URL`: stores the API token of a catalog source in the system keychain.
/// The token is read from standard input, never from the command line (it would show in `ps` and in
/// the shell's history).
int tokenCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Stores the API token of a catalog source in the system keychain, read from standard input:\n"
        "  printf %s \"$TOKEN\" | meshscope token --source entropy+https://api.entropy-data.com\n"
        "Without a keychain (CI, servers), set MESHSCOPE_TOKEN_<HOST> instead.\n"
        "Exit: 0 stored or removed, 2 bad usage or the keychain refused."));
    parser.addHelpOption();
    const QCommandLineOption source(QStringLiteral("source"), QStringLiteral("The catalog source URL, as configured."),
                                    QStringLiteral("URL"));
    const QCommandLineOption remove(QStringLiteral("remove"), QStringLiteral("Remove the stored token."));
    parser.addOption(source);
    parser.addOption(remove);
    QTextStream err(stderr);
    if (!parser.parse(arguments.mid(1))) {
        err << "meshscope token: " << parser.errorText() << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Success;
    }
    catalogs::CatalogLocation location;
    QString error;
    if (!parser.isSet(source) || !catalogs::parseCatalogSource(parser.value(source), location, &error)) {
        err << "meshscope token: " << (error.isEmpty() ? QStringLiteral("--source URL is required") : error) << Qt::endl;
        return BadUsage;
    }
    QString token;
    if (!parser.isSet(remove)) {
        QTextStream in(stdin);
        token = in.readLine().trimmed();
        if (token.isEmpty()) {
            err << "meshscope token: no token on standard input" << Qt::endl;
            return BadUsage;
        }
    }
    if (!catalogs::storeToken(location.uri, token, &error)) {
        err << "meshscope token: " << location.uri << ": the system keychain refused: " << error << Qt::endl
            << "Set " << catalogs::tokenVariables(location).last() << " instead." << Qt::endl;
        return BadUsage;
    }
    err << (token.isEmpty() ? "removed the token of " : "stored the token of ") << location.uri << Qt::endl;
    return Success;
}

} // namespace meshscope::cli
