#include "appcontroller.h"

#include "appinfo/paths.h"
#include "appsettings.h"
#include "cache/cachefile.h"
#include "cache/cachereader.h"
#include "cache/guithreadguard.h"
#include "counthints.h"
#include "importers/importer.h"
#include "review/sourcedrop.h"
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

/// A source as the cache keys it: catalog URLs as given, files and folders by absolute path.
QString sourceKey(const QString &source)
{
    return meshscope::isRemoteSource(source) ? source : QFileInfo(source).absoluteFilePath();
}

/// The cached sources a sync drops (SyncEngine::setForgetSources): those removed in Settings, and other
/// copies of the bundled sample (another home folder's, or the sample once real sources are configured).
/// Sources other syncs cached (the CLI shares this cache) stay; with sources given on the command line
/// (`configured` false) the app only looks.
meshscope::SyncEngine::SourceFilter forgetFilter(const QSet<QString> &removed, bool configured)
{
    return [removed, configured](const QString &uri) {
        return removed.contains(uri) || (configured && meshscope::paths::isSampleMeshFolder(uri));
    };
}
} // namespace

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

QString AppController::syncSummary(int read, int unchanged, int removed)
{
    // "0 files read" after a sync that found everything as it was reads like a sync that found nothing.
    QStringList parts;
    if (read > 0 || (unchanged == 0 && removed == 0))
        parts << (read == 1 ? tr("1 file read") : tr("%1 files read").arg(read));
    if (unchanged > 0)
        parts << (unchanged == 1 ? tr("1 file unchanged") : tr("%1 files unchanged").arg(unchanged));
    if (removed > 0)
        parts << (removed == 1 ? tr("1 file gone") : tr("%1 files gone").arg(removed));
    return parts.join(QStringLiteral(", "));
}

QVariantMap AppController::countHints() const
{
    return ::countHints(m_counts);
}

void AppController::open(const QString &area, const QString &id)
{
    Q_EMIT openRequested(area, id);
}

void AppController::refresh()
{
    try {
        // Debt (issue 19): counted at start and after edits, before the first frame; to move onto OffGuiThread
        // once the area pages tell "not counted yet" from "nothing in the cache".
        const meshscope::sql::GuiThreadRead known("AppController::refresh");
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
    m_removedSources.insert(sourceKey(source));
    syncNow(); // a sync under way leaves it to the next one
}

QVariantMap AppController::previewSources(const QStringList &configured) const
{
    // The same choice as the sync will make, with `configured` in place of the settings.
    const bool fromSettings = m_commandLineSources.isEmpty();
    const QStringList toSync = !fromSettings ? m_commandLineSources
        : configured.isEmpty()               ? QStringList{meshscope::paths::sampleMeshFolder()}
                                             : configured;
    QSet<QString> listed;
    for (const QString &source : toSync)
        listed.insert(sourceKey(source));
    QSet<QString> removed = m_removedSources;
    if (fromSettings && AppSettings::instance()) {
        for (const QString &source : AppSettings::instance()->sources()) {
            if (!listed.contains(sourceKey(source)))
                removed.insert(sourceKey(source));
        }
    }
    const auto forget = forgetFilter(removed, fromSettings);
    QVariantMap out;
    try {
        meshscope::sql::Connection db = meshscope::cache::openCache(m_cachePath, /*readOnly=*/true);
        QStringList dropped;
        for (const QString &uri : meshscope::cache::CacheReader(db).sourceUris()) {
            if (!listed.contains(uri) && forget(uri))
                dropped << uri;
        }
        out.insert(QStringLiteral("sources"), dropped);
        if (dropped.isEmpty())
            return out;
        const meshscope::review::SourceDrop drop = meshscope::review::previewSourceDrop(db, dropped);
        out.insert(QStringLiteral("domains"), drop.cache.domains);
        out.insert(QStringLiteral("products"), drop.cache.products);
        out.insert(QStringLiteral("contracts"), drop.cache.contracts);
        QStringList proposals;
        for (const meshscope::cache::HeldContract &c : drop.cache.proposals)
            proposals << QStringLiteral("%1 %2 (%3, %4)").arg(c.id, c.version, c.status, c.path);
        out.insert(QStringLiteral("proposals"), proposals);
        QStringList reviews;
        for (const meshscope::review::DroppedReview &r : drop.reviews)
            reviews << QStringLiteral("%1 %2: %3").arg(r.contractId, r.version, r.stage);
        out.insert(QStringLiteral("reviews"), reviews);
        out.insert(QStringLiteral("openReviews"), drop.openReviews());
        out.insert(QStringLiteral("folders"), drop.folders);
    } catch (const meshscope::sql::SqlError &e) {
        // No cache yet (or unreadable): nothing cached can be dropped.
        qCWarning(lcApp) << "cannot read the cache to preview a change of sources:" << e.message();
        out.insert(QStringLiteral("sources"), QStringList());
    }
    return out;
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
    // What leaves the cache: see forgetFilter (and previewSources, which tells it before).
    const auto forget = forgetFilter(m_removedSources, m_commandLineSources.isEmpty());
    m_syncThread = QThread::create([this, toSync, cachePath, forget] {
        meshscope::SyncEngine engine(cachePath);
        engine.setForgetSources(forget);
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
            m_notRecognised = 0;
            for (const meshscope::Diagnostic &d : report.diagnostics) {
                diags << d.toString();
                errors += d.severity == meshscope::Diagnostic::Severity::Error ? 1 : 0;
                m_notRecognised += meshscope::isNotRecognised(d) ? 1 : 0;
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
                m_syncMessage = syncSummary(report.filesParsed, report.filesUnchanged, report.filesRemoved)
                    + (errors ? (errors == 1 ? tr(", 1 problem") : tr(", %1 problems").arg(errors)) : QString())
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
