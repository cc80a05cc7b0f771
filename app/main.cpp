// Composition root: picks the GUI or a headless subcommand before any Qt application object
// exists, because the GUI needs a QApplication (QtCharts) and the CLI must run without a display.
#include "cli.h"
#include "gui.h"

#include <QCoreApplication>
#include <QtPlugin>

#include <cstring>
#include <string_view>

namespace {
/// The desktop opens a contract file as `meshscope FILE.odcs.yaml`: that is the GUI, not a subcommand.
bool isFileToOpen(std::string_view argument)
{
    return argument.ends_with(".yaml") || argument.ends_with(".yml");
}
} // namespace

int main(int argc, char *argv[])
{
    const bool wantsGui = argc == 1 || std::strcmp(argv[1], "gui") == 0 || (argc == 2 && isFileToOpen(argv[1]));
    if (wantsGui)
        return meshscope::ui::runGui(argc, argv);

    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Meshscope"));
    QCoreApplication::setApplicationName(QStringLiteral("meshscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MESHSCOPE_VERSION));
    return meshscope::cli::run(QCoreApplication::arguments());
}
