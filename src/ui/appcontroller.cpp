#include "appcontroller.h"

#include "appinfo/paths.h"
#include "appsettings.h"
#include "cache/cachefile.h"
#include "cache/cachereader.h"
#include "sync/sourcewalker.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QPalette>
#include <QThread>

Q_LOGGING_CATEGORY(lcApp, "meshscope.app")

namespace {
AppController *g_instance = nullptr;
}

AppController::AppController(QString cachePath, QStringList commandLineSources, QString startArea,
                             QString selectId, QObject *parent)
    : QObject(parent)
    , m_cachePath(std::move(cachePath))
    , m_commandLineSources(std::move(commandLineSources))
    , m_startArea(std::move(startArea))
    , m_selectId(std::move(selectId))
{
    g_instance = this;
    qApp->installEventFilter(this);
    refresh();
}

AppController::~AppController()
{
    if (m_syncThread) {
        m_cancel = true;
        m_syncThread->wait();
    }
}

AppController *AppController::instance()
{
    return g_instance;
}

AppController *AppController::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
    return g_instance;
}

QStringList AppController::sources() const
{
    if (!m_commandLineSources.isEmpty())
        return m_commandLineSources;
    const QStringList configured = AppSettings::instance() ? AppSettings::instance()->sources() : QStringList();
    return configured.isEmpty() ? QStringList{meshscope::paths::sampleMeshFolder()} : configured;
}

bool AppController::systemDark() const
{
    // Qt 6.4 has no QStyleHints::colorScheme(); the platform palette tells the same.
    return QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
}

bool AppController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange)
        Q_EMIT systemDarkChanged();
    return QObject::eventFilter(watched, event);
}

void AppController::open(const QString &area, const QString &id)
{
    Q_EMIT openRequested(area, id);
}

void AppController::refresh()
{
    try {
        meshscope::sql::Connection db = meshscope::cache::openCache(m_cachePath);
        meshscope::cache::CacheReader reader(db);
        m_lastSync = reader.lastSync();
        m_counts = reader.counts().toJson().toVariantMap();
    } catch (const meshscope::sql::SqlError &e) {
        m_syncMessage = e.message();
        Q_EMIT syncMessageChanged();
    }
    Q_EMIT cacheChanged();
}

void AppController::removeSource(const QString &source)
{
    if (AppSettings *settings = AppSettings::instance()) {
        QStringList list = settings->sources();
        list.removeAll(source);
        settings->setSources(list);
    }
    m_removedSources.insert(meshscope::isRemoteSource(source) ? source : QFileInfo(source).absoluteFilePath());
    syncNow(); // a sync under way leaves it to the next one
}

void AppController::syncNow()
{
    if (m_syncThread)
        return;
    m_cancel = false;
    m_syncDone = 0;
    m_syncTotal = 0;
    const QStringList toSync = sources();
    const QString cachePath = m_cachePath;
    // What leaves the cache: sources removed in Settings, and other copies of the bundled sample (another
    // home folder's, or the sample once real sources are configured). Sources other syncs cached (the CLI
    // shares this cache) stay; with sources given on the command line the app only looks.
    const QSet<QString> removed = m_removedSources;
    const bool configured = m_commandLineSources.isEmpty();
    m_syncThread = QThread::create([this, toSync, cachePath, removed, configured] {
        meshscope::SyncEngine engine(cachePath);
        engine.setForgetSources([removed, configured](const QString &uri) {
            return removed.contains(uri) || (configured && meshscope::paths::isSampleMeshFolder(uri));
        });
        const meshscope::SyncReport report = engine.run(
            toSync,
            [this](const meshscope::SyncProgress &p) {
                QMetaObject::invokeMethod(this, [this, p] {
                    m_syncDone = p.done;
                    m_syncTotal = p.total;
                    m_syncActivity = p.currentFile;
                    Q_EMIT syncProgressChanged();
                }, Qt::QueuedConnection);
            },
            &m_cancel);
        QMetaObject::invokeMethod(this, [this, report] {
            QStringList diags;
            int errors = 0;
            for (const meshscope::Diagnostic &d : report.diagnostics) {
                diags << d.toString();
                errors += d.severity == meshscope::Diagnostic::Severity::Error ? 1 : 0;
            }
            m_diagnostics = diags;
            if (!report.fatalError.isEmpty())
                m_syncMessage = tr("Sync failed: %1").arg(report.fatalError);
            else if (report.cancelled)
                // Sources no longer configured are dropped first, each in its own transaction: those stay gone.
                m_syncMessage = report.forgottenSources.isEmpty()
                    ? tr("Sync cancelled; the cache is as it was")
                    : tr("Sync cancelled; %n source(s) no longer configured were removed, the rest is as it was", nullptr,
                         int(report.forgottenSources.size()));
            else
                m_syncMessage = tr("%n file(s) read", nullptr, report.filesParsed)
                    + (errors ? tr(", %n problem(s)", nullptr, errors) : QString())
                    + (report.forgottenSources.isEmpty()
                           ? QString()
                           : tr(", %n source(s) no longer configured removed", nullptr,
                                int(report.forgottenSources.size())));
            m_syncThread->wait();
            m_syncThread->deleteLater();
            m_syncThread = nullptr;
            // The sync counted the cache on its own thread; re-counting here would block the GUI
            // for the length of a dozen COUNT(DISTINCT ...) queries on a large mesh.
            for (const QString &uri : report.forgottenSources) // one removed meanwhile waits for the next sync
                m_removedSources.remove(uri);
            if (report.fatalError.isEmpty()) {
                m_counts = report.counts.toJson().toVariantMap();
                if (!report.cancelled)
                    m_lastSync = QDateTime::currentDateTimeUtc();
                Q_EMIT cacheChanged();
            }
            Q_EMIT syncMessageChanged();
            Q_EMIT syncingChanged();
            Q_EMIT syncFinished();
        }, Qt::QueuedConnection);
    });
    m_syncThread->start();
    Q_EMIT syncingChanged();
    Q_EMIT syncProgressChanged();
}

void AppController::cancelSync()
{
    m_cancel = true;
}
