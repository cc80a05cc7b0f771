// Build-time tool: renders the scalable app icon to the PNG sizes desktops look up in the hicolor theme,
// so no generated bitmaps are committed. Usage: meshscope_iconrender ICON.svg OUTDIR SIZE...
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen"); // runs during the build, with no display
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream err(stderr);
    if (args.size() < 4) {
        err << "usage: meshscope_iconrender ICON.svg OUTDIR SIZE..." << Qt::endl;
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        err << args.at(1) << ": not a valid SVG" << Qt::endl;
        return 1;
    }
    const QString iconName = QFileInfo(args.at(1)).completeBaseName();
    for (const QString &sizeText : args.mid(3)) {
        const int size = sizeText.toInt();
        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(args.at(2)).arg(size);
        QDir().mkpath(dir);
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        const QString out = dir + u'/' + iconName + QStringLiteral(".png");
        if (!image.save(out)) {
            err << out << ": cannot write" << Qt::endl;
            return 1;
        }
    }
    return 0;
}
