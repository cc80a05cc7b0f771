#pragma once

#include <QByteArray>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantMap>

#include <functional>

class QThread;

/// @brief The export actions of every view: makes the file's bytes (and, for PDF, PNG and SVG, a
/// preview picture) on a worker thread with the same functions `meshscope export` uses, then writes
/// them where the user chose. `ExportController` in QML; the ExportMenu component drives it.
///
/// prepare(view, format, context) takes what the view shows in `context`:
///   domains   svg|csv   domain: the focused domain ("" for the whole mesh)
///   lineage   svg|csv   lineage: the view's LineageController (its current picture / selected node)
///   quality   pdf|csv   scope: "" (mesh), a domain id or a product id
///   contracts pdf       contract, oldVersion, newVersion: the diff shown
///   council   pdf       meeting: a saved meeting file ("" for today's agenda)
/// PNG comes from the window: prepareImage() takes a grabToImage() result.
class ExportController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    /// Cache to read; defaults to AppController's.
    Q_PROPERTY(QString cachePath READ cachePath WRITE setCachePath NOTIFY cachePathChanged)
    /// Making the data or writing the file.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    /// The data is made and waits for save().
    Q_PROPERTY(bool ready READ ready NOTIFY preparedChanged)
    Q_PROPERTY(QString format READ format NOTIFY preparedChanged)
    /// A file name for the save dialog, e.g. "quality-customer.pdf".
    Q_PROPERTY(QString suggestedName READ suggestedName NOTIFY preparedChanged)
    /// Whether there is a preview picture (PDF, PNG, SVG).
    Q_PROPERTY(bool hasPreview READ hasPreview NOTIFY preparedChanged)
    Q_PROPERTY(QSize previewSize READ previewSize NOTIFY preparedChanged)
    /// One line about the data: "3 pages", "12 rows", "1600 × 1000 px".
    Q_PROPERTY(QString summary READ summary NOTIFY preparedChanged)
    /// Why the last prepare or save failed (naming the file or item); empty when it did not.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    explicit ExportController(QObject *parent = nullptr);
    ~ExportController() override;

    QString cachePath() const;
    void setCachePath(const QString &path);
    bool busy() const { return m_jobs > 0; }
    bool ready() const { return !m_data.isEmpty(); }
    QString format() const { return m_format; }
    QString suggestedName() const { return m_name; }
    bool hasPreview() const { return !m_preview.isNull(); }
    QSize previewSize() const { return m_preview.size(); }
    QString summary() const { return m_summary; }
    QString error() const { return m_error; }
    QImage preview() const { return m_preview; }
    QByteArray data() const { return m_data; }

    /// Starts making the export (see the class comment); prepared() or failed() follows.
    Q_INVOKABLE void prepare(const QString &view, const QString &format, const QVariantMap &context);
    /// PNG of a picture grabbed from the window: `grabResult` is what Item.grabToImage() passes.
    Q_INVOKABLE void prepareImage(QObject *grabResult, const QString &baseName);
    /// Writes the prepared data to `fileUrlOrPath`; saved(path) or failed() follows.
    Q_INVOKABLE void save(const QVariant &fileUrlOrPath);
    /// Forgets the prepared data (the dialog was cancelled); a running prepare is dropped.
    Q_INVOKABLE void clear();
    /// The folder of a file URL, as a URL (for AppSettings.exportFolder).
    Q_INVOKABLE QUrl folderOf(const QUrl &file) const;

    /// The prepared data, on the calling thread (unit tests; what prepare() runs on the worker).
    struct Result {
        QByteArray data;
        QImage preview;
        QString name;
        QString summary;
        QString error;
    };

Q_SIGNALS:
    void cachePathChanged();
    void busyChanged();
    void preparedChanged();
    void errorChanged();
    void prepared();
    void saved(const QString &path);
    void failed(const QString &message);

private:
    using Job = std::function<Result()>;
    /// Makes the export's data on a worker; only the newest prepare's result is kept.
    void run(const QString &format, Job job);
    /// Runs `work` on a new thread and `done` with its result back on this object's thread, busy meanwhile.
    void background(Job work, std::function<void(Result)> done);
    void apply(quint64 generation, const QString &format, Result result);
    void setError(const QString &error);

    QString m_cachePath;
    int m_jobs = 0;
    quint64 m_generation = 0;
    QString m_format;
    QByteArray m_data;
    QImage m_preview;
    QString m_name;
    QString m_summary;
    QString m_error;
    QList<QThread *> m_threads;
};
