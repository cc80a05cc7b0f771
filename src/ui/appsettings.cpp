#include "appsettings.h"

#include <QStandardPaths>

#include <QProcess>

namespace {
AppSettings *g_instance = nullptr;

/// git config user.name / user.email, the default identity for reviews.
QString gitConfig(const QString &key)
{
    QProcess git;
    git.start(QStringLiteral("git"), {QStringLiteral("config"), QStringLiteral("--get"), key});
    if (!git.waitForFinished(2000) || git.exitCode() != 0)
        return {};
    return QString::fromUtf8(git.readAllStandardOutput()).trimmed();
}
} // namespace

AppSettings::AppSettings(QObject *parent) : QObject(parent)
{
    g_instance = this;
}

AppSettings *AppSettings::instance()
{
    return g_instance;
}

AppSettings *AppSettings::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
    return g_instance;
}

QVariant AppSettings::value(const QString &key, const QVariant &fallback) const
{
    if (m_overrides.contains(key))
        return m_overrides.value(key);
    return m_settings.value(key, fallback);
}

void AppSettings::store(const QString &key, const QVariant &v)
{
    if (m_ephemeral)
        m_overrides.insert(key, v);
    else
        m_settings.setValue(key, v);
}

int AppSettings::windowWidth() const { return value(QStringLiteral("window/width"), 1400).toInt(); }
void AppSettings::setWindowWidth(int w)
{
    if (w == windowWidth())
        return;
    store(QStringLiteral("window/width"), w);
    Q_EMIT windowWidthChanged();
}

int AppSettings::windowHeight() const { return value(QStringLiteral("window/height"), 900).toInt(); }
void AppSettings::setWindowHeight(int h)
{
    if (h == windowHeight())
        return;
    store(QStringLiteral("window/height"), h);
    Q_EMIT windowHeightChanged();
}

QString AppSettings::lastArea() const { return value(QStringLiteral("window/area"), QStringLiteral("domains")).toString(); }
void AppSettings::setLastArea(const QString &area)
{
    if (area == lastArea())
        return;
    store(QStringLiteral("window/area"), area);
    Q_EMIT lastAreaChanged();
}

QUrl AppSettings::exportFolder() const
{
    const QUrl stored = value(QStringLiteral("export/folder"), QUrl()).toUrl();
    return stored.isValid() ? stored
                            : QUrl::fromLocalFile(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
}

void AppSettings::setExportFolder(const QUrl &folder)
{
    if (folder == exportFolder())
        return;
    store(QStringLiteral("export/folder"), folder);
    Q_EMIT exportFolderChanged();
}

QString AppSettings::theme() const { return value(QStringLiteral("appearance/theme"), QStringLiteral("system")).toString(); }
void AppSettings::setTheme(const QString &theme)
{
    if (theme == this->theme())
        return;
    m_settings.setValue(QStringLiteral("appearance/theme"), theme);
    Q_EMIT themeChanged();
}

QString AppSettings::identityName() const
{
    const QString stored = m_settings.value(QStringLiteral("identity/name")).toString();
    return stored.isEmpty() ? gitConfig(QStringLiteral("user.name")) : stored;
}
void AppSettings::setIdentityName(const QString &name)
{
    m_settings.setValue(QStringLiteral("identity/name"), name);
    Q_EMIT identityChanged();
}

QString AppSettings::identityEmail() const
{
    const QString stored = m_settings.value(QStringLiteral("identity/email")).toString();
    return stored.isEmpty() ? gitConfig(QStringLiteral("user.email")) : stored;
}
void AppSettings::setIdentityEmail(const QString &email)
{
    m_settings.setValue(QStringLiteral("identity/email"), email);
    Q_EMIT identityChanged();
}

QString AppSettings::signingKey() const
{
    return m_settings.value(QStringLiteral("identity/signingKey")).toString();
}
void AppSettings::setSigningKey(const QString &key)
{
    if (key == signingKey())
        return;
    m_settings.setValue(QStringLiteral("identity/signingKey"), key.trimmed());
    Q_EMIT identityChanged();
}

QStringList AppSettings::sources() const { return m_settings.value(QStringLiteral("sync/sources")).toStringList(); }
void AppSettings::setSources(const QStringList &sources)
{
    if (sources == this->sources())
        return;
    m_settings.setValue(QStringLiteral("sync/sources"), sources);
    Q_EMIT sourcesChanged();
}
