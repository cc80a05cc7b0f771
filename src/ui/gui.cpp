#include "gui.h"

#include <QApplication>
#include <QQmlApplicationEngine>

namespace meshscope::ui {

int runGui(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Meshscope/Main.qml")));
    return engine.rootObjects().isEmpty() ? 2 : app.exec();
}

} // namespace meshscope::ui
