#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QSettings>
#include <QUrl>

/// @brief The user's preferences, persisted with QSettings: window geometry, last area, theme,
/// identity and sources. Exposed to QML as the `AppSettings` singleton.
class AppSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(int windowWidth READ windowWidth WRITE setWindowWidth NOTIFY windowWidthChanged)
    Q_PROPERTY(int windowHeight READ windowHeight WRITE setWindowHeight NOTIFY windowHeightChanged)
    Q_PROPERTY(QString lastArea READ lastArea WRITE setLastArea NOTIFY lastAreaChanged)
    /// "system", "light" or "dark"
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    /// The folder the last export went to (file dialogs of every view start there), as a file URL.
    Q_PROPERTY(QUrl exportFolder READ exportFolder WRITE setExportFolder NOTIFY exportFolderChanged)
    Q_PROPERTY(QString identityName READ identityName WRITE setIdentityName NOTIFY identityChanged)
    Q_PROPERTY(QString identityEmail READ identityEmail WRITE setIdentityEmail NOTIFY identityChanged)
    /// The SSH key review events are signed with: a private key or a .pub whose key ssh-agent holds.
    /// Empty: git's user.signingkey when gpg.format is ssh (resolved where the review is written).
    Q_PROPERTY(QString signingKey READ signingKey WRITE setSigningKey NOTIFY identityChanged)
    /// Folders, files or catalog URLs to sync; empty means the bundled sample mesh.
    Q_PROPERTY(QStringList sources READ sources WRITE setSources NOTIFY sourcesChanged)

public:
    explicit AppSettings(QObject *parent = nullptr);

    static AppSettings *instance();
    static AppSettings *create(QQmlEngine *, QJSEngine *);

    int windowWidth() const;
    void setWindowWidth(int w);
    int windowHeight() const;
    void setWindowHeight(int h);
    QString lastArea() const;
    void setLastArea(const QString &area);
    QString theme() const;
    void setTheme(const QString &theme);
    QString identityName() const;
    void setIdentityName(const QString &name);
    QString identityEmail() const;
    void setIdentityEmail(const QString &email);
    QString signingKey() const;
    void setSigningKey(const QString &key);
    QStringList sources() const;
    void setSources(const QStringList &sources);
    QUrl exportFolder() const;
    void setExportFolder(const QUrl &folder);

    /// Keeps window size and area out of QSettings (screenshots must not change the user's window).
    void setEphemeral(bool ephemeral) { m_ephemeral = ephemeral; }

Q_SIGNALS:
    void windowWidthChanged();
    void windowHeightChanged();
    void lastAreaChanged();
    void themeChanged();
    void identityChanged();
    void sourcesChanged();
    void exportFolderChanged();

private:
    QVariant value(const QString &key, const QVariant &fallback) const;
    void store(const QString &key, const QVariant &value);

    QSettings m_settings;
    bool m_ephemeral = false;
    QVariantMap m_overrides;
};
