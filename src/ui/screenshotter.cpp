#include "screenshotter.h"

#include "appcontroller.h"

#include <QCoreApplication>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTextStream>
#include <QTimer>

namespace {
/// Frames to wait once idle: the first swapped frame after a model reset can still show the old state.
constexpr int kSettleFrames = 3;
constexpr int kTimeoutMs = 60000;

/// The visible item named `name` in the visual tree (QObject children miss items re-parented
/// into controls' content items).
QQuickItem *visibleNamed(QQuickItem *item, QStringView name)
{
    if (!item->isVisible() || item->opacity() == 0.0)
        return nullptr;
    if (item->objectName() == name)
        return item;
    const auto children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = visibleNamed(child, name))
            return found;
    }
    return nullptr;
}

/// Every visible item with an objectName, by name (the first in tree order wins), so tests can check
/// that a named part (a chip, a list) was really drawn where the scene says it is.
void collectNamed(QQuickItem *item, QHash<QString, QQuickItem *> &out)
{
    if (!item->isVisible() || item->opacity() == 0.0)
        return;
    if (!item->objectName().isEmpty() && !out.contains(item->objectName()))
        out.insert(item->objectName(), item);
    const auto children = item->childItems();
    for (QQuickItem *child : children)
        collectNamed(child, out);
}

QQuickItem *visibleTitle(QQuickItem *item)
{
    return visibleNamed(item, u"viewTitle");
}
} // namespace

Screenshotter::Screenshotter(QQuickWindow *window, AppController *controller, QString path, QString view)
    : QObject(window), m_window(window), m_controller(controller), m_path(std::move(path)), m_view(std::move(view))
{
    connect(m_window, &QQuickWindow::frameSwapped, this, &Screenshotter::onFrame, Qt::QueuedConnection);
    QTimer::singleShot(kTimeoutMs, this, [this] {
        QTextStream(stderr) << "meshscope gui: timed out waiting for the view to render" << Qt::endl;
        QCoreApplication::exit(2);
    });
    // Keep frames coming while waiting (an idle scene graph renders nothing new).
    auto *ticker = new QTimer(this);
    connect(ticker, &QTimer::timeout, m_window, &QQuickWindow::update);
    ticker->start(50);
}

void Screenshotter::onFrame()
{
    if (m_controller->syncing() || m_window->property("busy").toBool() ||
        m_window->property("lineageBusy").toBool() || m_window->property("exportBusy").toBool()) {
        m_framesAfterIdle = 0;
        return;
    }
    if (++m_framesAfterIdle == kSettleFrames)
        save();
}

void Screenshotter::save()
{
    const QImage image = m_window->grabWindow();
    QTextStream err(stderr);
    if (image.isNull() || !image.save(m_path)) {
        err << "meshscope gui: cannot save the screenshot to " << m_path << Qt::endl;
        QCoreApplication::exit(2);
        return;
    }
    // Tell tests where the view's title was drawn so they can check text is really there.
    QJsonObject info{{QStringLiteral("screenshot"), m_path}, {QStringLiteral("view"), m_view},
                     {QStringLiteral("width"), image.width()}, {QStringLiteral("height"), image.height()},
                     {QStringLiteral("select"), m_controller->selectId()}};
    const qreal dpr = m_window->effectiveDevicePixelRatio();
    if (QQuickItem *title = visibleTitle(m_window->contentItem())) {
        const QRectF r = title->mapRectToScene(QRectF(0, 0, title->width(), title->height()));
        info.insert(QStringLiteral("title"), title->property("text").toString());
        info.insert(QStringLiteral("titleRect"),
                    QJsonArray{qRound(r.x() * dpr), qRound(r.y() * dpr), qRound(r.width() * dpr),
                               qRound(r.height() * dpr)});
    }
    // A view's main drawing (e.g. the lineage canvas) names itself "viewContent" so tests can look there.
    if (QQuickItem *content = visibleNamed(m_window->contentItem(), u"viewContent")) {
        const QRectF r = content->mapRectToScene(QRectF(0, 0, content->width(), content->height()));
        info.insert(QStringLiteral("contentRect"), QJsonArray{qRound(r.x() * dpr), qRound(r.y() * dpr),
                                                              qRound(r.width() * dpr), qRound(r.height() * dpr)});
    }
    // Rects of all visible named items (in device pixels, clipped to the window), e.g. "stageChip".
    QHash<QString, QQuickItem *> named;
    collectNamed(m_window->contentItem(), named);
    QJsonObject rects;
    const QRectF windowRect(0, 0, m_window->width(), m_window->height());
    for (auto it = named.cbegin(); it != named.cend(); ++it) {
        QQuickItem *item = it.value();
        const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height())).intersected(windowRect);
        if (r.isEmpty())
            continue;
        rects.insert(it.key(), QJsonArray{qRound(r.x() * dpr), qRound(r.y() * dpr), qRound(r.width() * dpr),
                                          qRound(r.height() * dpr)});
    }
    info.insert(QStringLiteral("rects"), rects);
    QTextStream(stdout) << QJsonDocument(info).toJson(QJsonDocument::Compact) << Qt::endl;
    m_exitCode = 0;
    QCoreApplication::exit(0);
}
