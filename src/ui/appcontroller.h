#pragma once

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QQmlEngine>
#include <QVariantMap>

#include <atomic>

class QThread;

/// @brief App-wide state QML binds to: the cache file, its contents' counts, the sync in progress and the
/// area to open. Syncs run on a worker thread and report progress by queued calls. `AppController` in QML.
class AppController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString cachePath READ cachePath CONSTANT)
    Q_PROPERTY(QStringList sources READ sources NOTIFY sourcesChanged)
    Q_PROPERTY(QDateTime lastSync READ lastSync NOTIFY cacheChanged)
    /// Counts of what the cache holds: files, domains, products, contracts, datasets, ...
    Q_PROPERTY(QVariantMap counts READ counts NOTIFY cacheChanged)
    /// Per count, where it comes from (documents, formats, sources), for its hover; keyed like counts.
    Q_PROPERTY(QVariantMap countHints READ countHints NOTIFY cacheChanged)
    Q_PROPERTY(bool syncing READ syncing NOTIFY syncingChanged)
    Q_PROPERTY(int syncDone READ syncDone NOTIFY syncProgressChanged)
    Q_PROPERTY(int syncTotal READ syncTotal NOTIFY syncProgressChanged)
    /// What the sync is reading now: a file, or a catalog source and the entities read so far.
    Q_PROPERTY(QString syncActivity READ syncActivity NOTIFY syncProgressChanged)
    /// One line about the last sync: what it did, or the error that stopped it.
    Q_PROPERTY(QString syncMessage READ syncMessage NOTIFY syncMessageChanged)
    /// Problems found in documents by the last sync, as "file:line:col: severity: message".
    Q_PROPERTY(QStringList diagnostics READ diagnostics NOTIFY syncMessageChanged)
    /// Of those, files the last sync found in a source but could not recognise as a mesh document (skipped).
    Q_PROPERTY(int notRecognised READ notRecognised NOTIFY syncMessageChanged)
    Q_PROPERTY(QString startArea READ startArea CONSTANT)
    Q_PROPERTY(QString selectId READ selectId CONSTANT)
    Q_PROPERTY(bool systemDark READ systemDark NOTIFY systemDarkChanged)

public:
    explicit AppController(QString cachePath, QStringList commandLineSources, QString startArea,
                           QString selectId, QObject *parent = nullptr);
    ~AppController() override;

    static AppController *instance();
    static AppController *create(QQmlEngine *, QJSEngine *);

    QString cachePath() const { return m_cachePath; }
    QStringList sources() const;
    QDateTime lastSync() const { return m_lastSync; }
    QVariantMap counts() const { return m_counts; }
    QVariantMap countHints() const;
    /// The status line after a sync: "3 files read, 85 files unchanged" (never "0 files read" alone).
    static QString syncSummary(int read, int unchanged, int removed);
    bool syncing() const { return m_syncThread != nullptr; }
    int syncDone() const { return m_syncDone; }
    int syncTotal() const { return m_syncTotal; }
    QString syncActivity() const { return m_syncActivity; }
    QString syncMessage() const { return m_syncMessage; }
    QStringList diagnostics() const { return m_diagnostics; }
    int notRecognised() const { return m_notRecognised; }
    QString startArea() const { return m_startArea; }
    QString selectId() const { return m_selectId; }
    bool systemDark() const;

    /// Starts an incremental sync of the sources unless one is running.
    Q_INVOKABLE void syncNow();
    /// Settings' Remove: the source leaves the configuration and, at the sync this starts, the cache.
    Q_INVOKABLE void removeSource(const QString &source);
    /// What the sync after configuring `configured` (empty: the bundled sample) would drop from the cache,
    /// to be told before the change: {sources: uris that go, domains, products, contracts (held only by
    /// them), proposals: ["id version (path)"], reviews: ["id version: stage"], openReviews, folders: mesh
    /// folders whose files stay on disk}. `sources` is empty when nothing would go.
    Q_INVOKABLE QVariantMap previewSources(const QStringList &configured) const;
    Q_INVOKABLE void cancelSync();
    /// Re-reads counts and last sync time from the cache.
    Q_INVOKABLE void refresh();
    /// Asks the window to show `id` in `area` ("domains", "lineage", "quality", "contracts", "council").
    /// Views listen to openRequested and show the item; an empty id just switches area.
    Q_INVOKABLE void open(const QString &area, const QString &id);

Q_SIGNALS:
    void sourcesChanged();
    void cacheChanged();
    void syncingChanged();
    void syncProgressChanged();
    void syncMessageChanged();
    void systemDarkChanged();
    /// A sync finished (successfully or not); the views reload from the cache.
    void syncFinished();
    /// Someone (search, a link, the command line) wants `id` shown in `area`.
    void openRequested(const QString &area, const QString &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString m_cachePath;
    QStringList m_commandLineSources;
    /// Removed in Settings, as the cache keys them, until a sync has dropped them from the cache.
    QSet<QString> m_removedSources;
    QString m_startArea;
    QString m_selectId;
    QDateTime m_lastSync;
    QVariantMap m_counts;
    QThread *m_syncThread = nullptr;
    std::atomic_bool m_cancel{false};
    int m_syncDone = 0;
    int m_syncTotal = 0;
    QString m_syncActivity;
    QString m_syncMessage;
    QStringList m_diagnostics;
    int m_notRecognised = 0;
};
