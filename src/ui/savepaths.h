#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QUrl>

/// @brief What the app's Save… dialog (qml/components/SaveFileDialog.qml) does with what the user typed:
/// an absolute path (or `~/…`) is used as it is, a bare or relative name goes into the dialog's folder,
/// and a name without one of the offered suffixes gets the selected one. Plus the checks the dialog
/// makes before writing (folder there, not a folder itself, file already there). `SavePaths` in QML.
class SavePaths : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit SavePaths(QObject *parent = nullptr);

    /// The absolute, cleaned path for `typed` in `folder` (a local path or a file: URL as text).
    /// `suffix` (without the dot) is appended unless the name already ends in one of `accepted`
    /// (case-insensitive; `suffix` itself is always accepted). "" when `typed` names no file.
    Q_INVOKABLE static QString resolve(const QString &folder, const QString &typed, const QString &suffix,
                                       const QStringList &accepted = {});
    /// `name` with its suffix replaced by `suffix` when it ends in one of `accepted`, else unchanged
    /// (switching the dialog's type from PDF to Markdown turns "minutes.pdf" into "minutes.md").
    Q_INVOKABLE static QString withSuffix(const QString &name, const QString &suffix, const QStringList &accepted);
    /// Why `path` cannot be written as a new or replaced file, or "" when it can.
    Q_INVOKABLE static QString problem(const QString &path);
    Q_INVOKABLE static bool exists(const QString &path);
    /// The local folder a dialog should start in: `folder` (path or URL) when it is an existing folder,
    /// else the home folder.
    Q_INVOKABLE static QString startFolder(const QVariant &folder);
    Q_INVOKABLE static QString folderOf(const QString &path);
    Q_INVOKABLE static QUrl fileUrl(const QString &path);

private:
    static QString localPath(const QVariant &pathOrUrl);
};
