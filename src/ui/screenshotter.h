#pragma once

#include <QObject>
#include <QSize>

class QQuickWindow;
class AppController;

/// @brief Saves a window's picture once it has really rendered, then quits: waits for the sync the app
/// starts to finish, then for a few swapped frames, so that what is saved is what a user would see.
class Screenshotter : public QObject {
    Q_OBJECT
public:
    Screenshotter(QQuickWindow *window, AppController *controller, QString path, QString view);

    /// Exit code to return from the app: 0 saved, 2 failed (time-out or unwritable path).
    int exitCode() const { return m_exitCode; }

private:
    void onFrame();
    void save();

    QQuickWindow *m_window;
    AppController *m_controller;
    QString m_path;
    QString m_view;
    int m_framesAfterIdle = 0;
    int m_exitCode = 2;
};
