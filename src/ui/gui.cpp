#include "gui.h"

#include "offlinenetwork.h"

#include "appcontroller.h"
#include "appinfo/paths.h"
#include "appsettings.h"
#include "importers/importer.h"
#include "screenshotter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTextStream>

namespace meshscope::ui {

namespace {

const QStringList kAreas{QStringLiteral("domains"), QStringLiteral("lineage"), QStringLiteral("quality"),
                         QStringLiteral("contracts"), QStringLiteral("council"), QStringLiteral("settings")};

struct GuiOptions {
    QString cache;
    QStringList sources;
    QString view;
    QString select;
    QSize size;
    QString screenshot;
    QString exportPreview;
};

/// `meshscope FILE.odcs.yaml` (how the desktop opens a contract): syncs the file beside the usual sources and
/// shows that contract in the Contracts area.
bool openFile(const QString &path, GuiOptions &o, QTextStream &err)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err << "meshscope: cannot open " << path << ": " << file.errorString() << Qt::endl;
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const ImportResult imported = importDocument(absolute, file.readAll());
    o.sources.append(absolute);
    o.view = QStringLiteral("contracts");
    if (!imported.contracts.empty())
        o.select = imported.contracts.front().id;
    return true;
}

/// Parses `meshscope gui ...`; on bad usage prints a one-line error and returns false.
bool parseOptions(const QStringList &arguments, GuiOptions &o)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Opens the Meshscope window."));
    parser.addHelpOption();
    const QCommandLineOption cache(QStringLiteral("cache"), QStringLiteral("Cache file."), QStringLiteral("FILE"));
    const QCommandLineOption source(QStringLiteral("source"), QStringLiteral("Source to sync; repeatable."),
                                    QStringLiteral("PATH"));
    const QCommandLineOption view(QStringLiteral("view"), QStringLiteral("Area to open: ") + kAreas.join(u'|'),
                                  QStringLiteral("AREA"));
    const QCommandLineOption select(QStringLiteral("select"), QStringLiteral("Id of the item to show (contracts: ID, ID@VERSION, or ID!edit for the editor; council: an agenda item, 'present' or 'minutes'; settings: add:SOURCE or remove:SOURCE asks what the change drops)."),
                                    QStringLiteral("ID"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size, e.g. 1600x1000."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption shot(QStringLiteral("screenshot"),
                                  QStringLiteral("Save the rendered view to OUT.png and exit."),
                                  QStringLiteral("OUT.png"));
    const QCommandLineOption exportPreview(QStringLiteral("export-preview"),
                                           QStringLiteral("Open the view's export preview for FORMAT (pdf, png, svg) "
                                                          "once it has loaded."),
                                           QStringLiteral("FORMAT"));
    parser.addOptions({cache, source, view, select, size, shot, exportPreview});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("A contract file to open (the desktop's \"Open with\")."),
                                 QStringLiteral("[FILE]"));
    QTextStream err(stderr);
    const QStringList args = arguments.size() > 1 && arguments.at(1) == u"gui"
        ? QStringList{arguments.at(0)} + arguments.mid(2)
        : arguments;
    if (!parser.parse(args)) {
        err << "meshscope gui: " << parser.errorText() << Qt::endl;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        std::exit(0);
    }
    o.cache = parser.isSet(cache) ? parser.value(cache) : paths::defaultCacheFile();
    o.sources = parser.values(source);
    o.view = parser.value(view);
    o.select = parser.value(select);
    o.screenshot = parser.value(shot);
    o.exportPreview = parser.value(exportPreview).toLower();
    if (!o.view.isEmpty() && !kAreas.contains(o.view)) {
        err << "meshscope gui: --view must be one of " << kAreas.join(u'|') << ", not '" << o.view << "'"
            << Qt::endl;
        return false;
    }
    static const QStringList exportViews{QStringLiteral("domains"), QStringLiteral("lineage"), QStringLiteral("quality"),
                                         QStringLiteral("contracts")};
    if (!o.exportPreview.isEmpty()
        && (!QStringList{QStringLiteral("pdf"), QStringLiteral("png"), QStringLiteral("svg")}.contains(o.exportPreview)
            || !exportViews.contains(o.view))) {
        err << "meshscope gui: --export-preview takes pdf, png or svg with --view " << exportViews.join(u'|')
            << ", not '" << o.exportPreview << "' with '" << o.view << "'" << Qt::endl;
        return false;
    }
    if (!parser.positionalArguments().isEmpty() && !openFile(parser.positionalArguments().constFirst(), o, err))
        return false;
    if (parser.isSet(size)) {
        static const QRegularExpression pattern(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
        const auto m = pattern.match(parser.value(size));
        if (!m.hasMatch()) {
            err << "meshscope gui: --size takes WIDTHxHEIGHT such as 1600x1000, not '" << parser.value(size)
                << "'" << Qt::endl;
            return false;
        }
        o.size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    }
    return true;
}

} // namespace

bool loadMainWindow(QQmlApplicationEngine &engine, const QVariantMap &initialProperties)
{
    // Nothing a view shows may reach the network (see OfflineNetworkFactory); set before any QML loads.
    static meshscope::ui::OfflineNetworkFactory offline;
    engine.setNetworkAccessManagerFactory(&offline);
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties(initialProperties);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Meshscope/Main.qml")));
    return !engine.rootObjects().isEmpty();
}

int runGui(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Meshscope"));
    QApplication::setApplicationName(QStringLiteral("meshscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("Meshscope"));
    QApplication::setApplicationVersion(QStringLiteral(MESHSCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.meshscope.Meshscope"));

    GuiOptions options;
    if (!parseOptions(QApplication::arguments(), options))
        return 2;

    QApplication::setWindowIcon(QIcon(QStringLiteral(":/meshscope/io.meshscope.Meshscope.svg")));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    AppSettings settings;
    settings.setEphemeral(!options.screenshot.isEmpty());
    const QString startArea = options.view.isEmpty() ? settings.lastArea() : options.view;
    AppController controller(options.cache, options.sources, startArea, options.select);

    QQmlApplicationEngine engine;
    QVariantMap initial;
    if (options.size.isValid()) {
        initial.insert(QStringLiteral("width"), options.size.width());
        initial.insert(QStringLiteral("height"), options.size.height());
    }
    if (!options.exportPreview.isEmpty())
        initial.insert(QStringLiteral("exportPreview"), options.exportPreview);
    if (!loadMainWindow(engine, initial)) {
        QTextStream(stderr) << "meshscope gui: the window could not be created (see the QML errors above)"
                            << Qt::endl;
        return 2;
    }
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());

    Screenshotter *shooter = nullptr;
    if (!options.screenshot.isEmpty() && window)
        shooter = new Screenshotter(window, &controller, options.screenshot, startArea);

    controller.syncNow();
    const int code = app.exec();
    return shooter ? shooter->exitCode() : code;
}

} // namespace meshscope::ui
