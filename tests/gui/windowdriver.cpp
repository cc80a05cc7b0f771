#include "windowdriver.h"

#include "cache/guithreadguard.h"

#include "appcontroller.h"
#include "appsettings.h"
#include "gui.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace windowdriver {

namespace {
QTemporaryDir *g_home = nullptr;

void collect(QQuickItem *root, QList<QQuickItem *> &out)
{
    out.append(root);
    for (QQuickItem *child : root->childItems())
        collect(child, out);
}
} // namespace

void isolateHome()
{
    g_home = new QTemporaryDir;
    for (const char *var : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
        const QString dir = g_home->filePath(QString::fromLatin1(var).toLower());
        QDir().mkpath(dir);
        qputenv(var, QFile::encodeName(dir));
    }
    const QString runtime = g_home->filePath(QStringLiteral("runtime"));
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
}

QString homePath()
{
    return g_home ? g_home->path() : QString();
}

QString text(QObject *o)
{
    return o ? o->property("text").toString() : QString();
}

QList<QQuickItem *> descendants(QQuickItem *root)
{
    QList<QQuickItem *> out;
    if (root)
        collect(root, out);
    return out;
}

bool shown(QQuickItem *item)
{
    if (!item || !item->isVisible() || item->width() <= 0 || item->height() <= 0)
        return false;
    return true;
}

QPoint centreOf(QQuickItem *item)
{
    return item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Window::Window() = default;

Window::~Window()
{
    m_engine.reset();
    m_app.reset();
    m_settings.reset();
}

bool Window::start(const QString &area, int width, int height, QString *error)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Meshscope"));
    QCoreApplication::setApplicationName(QStringLiteral("meshscope"));
    m_mesh = g_home->filePath(QStringLiteral("mesh"));
    testsupport::copyTree(testsupport::source(QStringLiteral("resources/sample-mesh")), m_mesh);
    // Every journey runs with the GUI thread guarded: the cache is read off it (issue 19).
    meshscope::sql::guardThisThreadAgainstCacheOpens(true);
    m_settings = std::make_unique<AppSettings>();
    m_settings->setIdentityEmail(QStringLiteral("tess.tester@northwind.example"));
    m_settings->setIdentityName(QStringLiteral("Tess Tester"));
    m_app = std::make_unique<AppController>(g_home->filePath(QStringLiteral("cache.sqlite")), QStringList{m_mesh}, area,
                                            QString());
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    m_engine = std::make_unique<QQmlApplicationEngine>();
    if (!meshscope::ui::loadMainWindow(*m_engine, {{QStringLiteral("width"), width}, {QStringLiteral("height"), height}})) {
        *error = QStringLiteral("Main.qml did not load");
        return false;
    }
    m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
    m_window->requestActivate();
    if (!QTest::qWaitForWindowExposed(m_window) || !QTest::qWaitForWindowActive(m_window)) {
        *error = QStringLiteral("the window was not shown");
        return false;
    }
    // The platform's first geometry may arrive after the window is exposed; a journey starts on a settled
    // window, as a user's does. (A resize during a journey is tested on purpose, not left to timing.)
    (void)QTest::qWaitFor([&] { return m_window->width() == width && m_window->height() == height; }, 5000);
    QTest::qWait(100);
    m_app->syncNow();
    QDeadlineTimer deadline(60000);
    while (m_app->syncing() && !deadline.hasExpired())
        QTest::qWait(50);
    if (m_app->syncing()) {
        *error = QStringLiteral("the sync did not finish");
        return false;
    }
    return true;
}

QQuickItem *Window::item(const QString &name) const
{
    QQuickItem *any = nullptr;
    for (QQuickItem *i : descendants(m_window->contentItem())) {
        if (i->objectName() != name)
            continue;
        if (shown(i))
            return i;
        if (!any)
            any = i;
    }
    return any ? any : m_window->findChild<QQuickItem *>(name);
}

QObject *Window::openPopup(const QString &name) const
{
    const QList<QObject *> all = m_window->findChildren<QObject *>(name);
    for (QObject *o : all) {
        if (o->property("opened").toBool())
            return o;
    }
    return nullptr;
}

QQuickItem *Window::button(const QString &label, QQuickItem *root) const
{
    for (QQuickItem *i : descendants(root ? root : m_window->contentItem())) {
        if (i->inherits("QQuickAbstractButton") && shown(i) && text(i).remove(u'&') == label)
            return i;
    }
    return nullptr;
}

QQuickItem *Window::itemIn(QQuickItem *root, const QString &name) const
{
    for (QQuickItem *i : descendants(root)) {
        if (i->objectName() == name && shown(i))
            return i;
    }
    return nullptr;
}

QQuickItem *Window::dialogButton(QObject *dialog, const QString &label) const
{
    return dialog ? button(label, dialog->property("footer").value<QQuickItem *>()) : nullptr;
}

bool Window::click(QQuickItem *target) const
{
    if (!shown(target))
        return false;
    QTest::mouseClick(m_window, Qt::LeftButton, Qt::NoModifier, centreOf(target));
    return true;
}

void Window::type(const QString &value) const
{
    for (const QChar c : value) {
        Q_ASSERT(c.unicode() < 0x80);
        QTest::keyClick(m_window, char(c.unicode()));
    }
}

void Window::key(int key, Qt::KeyboardModifiers modifiers) const
{
    QTest::keyClick(m_window, Qt::Key(key), modifiers);
}

} // namespace windowdriver
