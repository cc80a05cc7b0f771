#pragma once
// Drives the real window in process: Main.qml loaded by the app's own loadMainWindow on a synced copy of
// the sample mesh in a temporary HOME, and keys and clicks sent to the QQuickWindow. For interaction tests
// (tst_journeys); tst_editorflows isolates its HOME through it too.
#include <QList>
#include <QObject>
#include <QPoint>
#include <QString>

#include <memory>

class AppController;
class AppSettings;
class QQmlApplicationEngine;
class QQuickItem;
class QQuickWindow;
class QTemporaryDir;

namespace windowdriver {

/// Call from initMain(): HOME, XDG folders and the runtime dir of this process point into a temporary
/// folder (the user's settings, cache and files are never touched); offscreen unless QT_QPA_PLATFORM is set.
void isolateHome();
QString homePath();

QString text(QObject *o);
QList<QQuickItem *> descendants(QQuickItem *root);
/// Visible, with a size.
bool shown(QQuickItem *item);
QPoint centreOf(QQuickItem *item);
QByteArray fileBytes(const QString &path);

class Window {
public:
    Window();
    ~Window();

    /// Copies the sample mesh, loads the window at `size` on `area` and syncs; false with a message on failure.
    bool start(const QString &area, int width, int height, QString *error);

    AppController *app() const { return m_app.get(); }
    AppSettings *settings() const { return m_settings.get(); }
    QQuickWindow *window() const { return m_window; }
    QString mesh() const { return m_mesh; }

    /// A shown item by objectName (popups' contents included), else any item by that name.
    QQuickItem *item(const QString &name) const;
    /// Every open popup (Dialog, Menu) by objectName; the open one when several share the name.
    QObject *openPopup(const QString &name) const;
    /// A shown button whose label (without mnemonic) is `label`, under `root` (the window by default).
    QQuickItem *button(const QString &label, QQuickItem *root = nullptr) const;
    /// The shown item named `name` under `root`.
    QQuickItem *itemIn(QQuickItem *root, const QString &name) const;
    /// The footer button `label` of an open Dialog.
    QQuickItem *dialogButton(QObject *dialog, const QString &label) const;

    bool click(QQuickItem *target) const;
    /// Types ASCII `value` key by key into the focused item.
    void type(const QString &value) const;
    void key(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) const;

private:
    QString m_mesh;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<AppController> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
};

} // namespace windowdriver
