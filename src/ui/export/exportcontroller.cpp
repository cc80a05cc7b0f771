#include "exportcontroller.h"

#include "appcontroller.h"
#include "cache/cachefile.h"
#include "domainmap/domainmap.h"
#include "export/htmltext.h"
#include "export/textpdf.h"
#include "export/viewexport.h"
#include "exportrender.h"
#include "lineage/lineagecontroller.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QQuickItemGrabResult>
#include <QThread>
#include <QUrl>

using namespace meshscope;

namespace {

/// Big enough to read a page or a graph on screen, small enough to make fast.
constexpr int kPdfPreviewWidth = 900;
const QSize kSvgPreviewMax(1600, 1200);

QString stem(const QString &view, const QString &item)
{
    return item.isEmpty() ? view : view + u'-' + exporting::safeFileStem(item);
}

ExportController::Result pdfResult(const exporting::TextDocument &doc, const QString &name)
{
    const exporting::PdfLayout layout = exporting::layoutTextPdf(doc.title, doc.text);
    ExportController::Result r;
    r.data = exporting::textPdf(layout);
    r.preview = exportrender::pdfPage(layout, 0, kPdfPreviewWidth);
    r.name = name + QStringLiteral(".pdf");
    r.summary = ExportController::tr("PDF, %n page(s), A4", "", int(layout.pages.size()));
    return r;
}

ExportController::Result svgResult(const QString &svg, const QString &name)
{
    ExportController::Result r;
    r.data = svg.toUtf8();
    r.preview = exportrender::svgImage(r.data, kSvgPreviewMax);
    if (r.preview.isNull())
        r.error = ExportController::tr("the SVG for %1 could not be drawn").arg(name);
    r.name = name + QStringLiteral(".svg");
    // Graph pictures count their nodes, the domain map its products.
    const int nodes = int(svg.count(QStringLiteral("class=\"node\"")));
    r.summary = nodes > 0 ? ExportController::tr("SVG, %n node(s)", "", nodes)
                          : ExportController::tr("SVG, %n product(s)", "", int(svg.count(QStringLiteral("class=\"product\""))));
    return r;
}

ExportController::Result csvResult(const QString &csv, const QString &name)
{
    ExportController::Result r;
    r.data = csv.toUtf8();
    r.name = name + QStringLiteral(".csv");
    r.summary = ExportController::tr("CSV, %n row(s)", "", std::max(0, int(csv.count(QStringLiteral("\r\n"))) - 1));
    return r;
}

ExportController::Result failure(const QString &message)
{
    ExportController::Result r;
    r.error = message;
    return r;
}

/// Runs `make` against the cache, turning the exporters' errors into the result's error.
ExportController::Result withCache(const QString &cachePath,
                                   const std::function<ExportController::Result(sql::Connection &)> &make)
{
    try {
        if (!QFileInfo::exists(cachePath))
            return failure(ExportController::tr("no cache at %1").arg(QDir::toNativeSeparators(cachePath)));
        sql::Connection db = cache::openCache(cachePath, /*readOnly=*/true);
        return make(db);
    } catch (const exporting::ExportError &e) {
        return failure(e.message);
    } catch (const sql::SqlError &e) {
        return failure(e.message());
    }
}

} // namespace

ExportController::ExportController(QObject *parent) : QObject(parent) {}

ExportController::~ExportController()
{
    for (QThread *thread : std::as_const(m_threads)) {
        thread->wait();
        delete thread;
    }
}

QString ExportController::cachePath() const
{
    if (m_cachePath.isEmpty() && AppController::instance())
        return AppController::instance()->cachePath();
    return m_cachePath;
}

void ExportController::setCachePath(const QString &path)
{
    if (path == m_cachePath)
        return;
    m_cachePath = path;
    Q_EMIT cachePathChanged();
}

void ExportController::prepare(const QString &view, const QString &format, const QVariantMap &context)
{
    const QString path = cachePath();
    const QString fmt = format.toLower();
    auto unsupported = [&] {
        setError(tr("the %1 view does not export %2").arg(view, format));
        Q_EMIT failed(m_error);
    };
    if (view == u"domains") {
        const QString domain = context.value(QStringLiteral("domain")).toString();
        if (fmt != u"svg" && fmt != u"csv")
            return unsupported();
        run(fmt, [=] {
            return withCache(path, [&](sql::Connection &db) {
                const domainmap::DomainMap map = domainmap::buildDomainMap(db);
                return fmt == u"svg" ? svgResult(exporting::domainsSvg(map, domain), stem(QStringLiteral("domains"), domain))
                                     : csvResult(exporting::domainProductsCsv(map, domain),
                                                 stem(QStringLiteral("products"), domain));
            });
        });
    } else if (view == u"lineage") {
        auto *lineage = qobject_cast<LineageController *>(context.value(QStringLiteral("lineage")).value<QObject *>());
        if (!lineage) {
            setError(tr("no lineage graph to export"));
            Q_EMIT failed(m_error);
            return;
        }
        const QString root = lineage->selectedId().isEmpty() ? lineage->rootId() : lineage->selectedId();
        if (fmt == u"svg") {
            const LineageScenePtr scene = lineage->scene();
            if (!scene || scene->nodes.empty()) {
                setError(tr("the lineage view shows no graph yet"));
                Q_EMIT failed(m_error);
                return;
            }
            const QString name = stem(QStringLiteral("lineage"), lineage->rootId());
            run(fmt, [scene, name] { return svgResult(exportrender::lineageSceneSvg(*scene), name); });
        } else if (fmt == u"csv") {
            // The graph lives on the GUI thread; walking downstream of one node is quick.
            const QString csv = lineage->impactedCsv();
            if (csv.isEmpty()) {
                setError(tr("select a node first: the CSV lists what is downstream of it"));
                Q_EMIT failed(m_error);
                return;
            }
            if (lineage->impactedTotal() == 0) {
                setError(tr("nothing is downstream of %1, so there is no impact to export; select the node whose "
                            "impact you want (the CSV lists what is downstream of the selected node)")
                             .arg(lineage->impactedFromLabel()));
                Q_EMIT failed(m_error);
                return;
            }
            const QString name = stem(QStringLiteral("impacted"), root);
            run(fmt, [csv, name] { return csvResult(csv, name); });
        } else {
            return unsupported();
        }
    } else if (view == u"quality") {
        const QString scope = context.value(QStringLiteral("scope")).toString();
        if (fmt != u"pdf" && fmt != u"csv")
            return unsupported();
        run(fmt, [=] {
            return withCache(path, [&](sql::Connection &db) {
                return fmt == u"pdf" ? pdfResult(exporting::qualityReport(db, scope), stem(QStringLiteral("quality"), scope))
                                     : csvResult(exporting::qualityViolationsCsv(db, scope),
                                                 stem(QStringLiteral("violations"), scope));
            });
        });
    } else if (view == u"contracts" || view == u"council") {
        if (fmt != u"pdf")
            return unsupported();
        const QString id = context.value(QStringLiteral("contract")).toString();
        const QString oldVersion = context.value(QStringLiteral("oldVersion")).toString();
        const QString newVersion = context.value(QStringLiteral("newVersion")).toString();
        const QString meeting = context.value(QStringLiteral("meeting")).toString();
        if (view == u"contracts" && (id.isEmpty() || oldVersion.isEmpty() || newVersion.isEmpty())) {
            setError(tr("no diff is shown: pick a contract with two versions"));
            Q_EMIT failed(m_error);
            return;
        }
        run(fmt, [=] {
            return withCache(path, [&](sql::Connection &db) {
                if (view == u"council")
                    return pdfResult(exporting::councilMinutes(db, meeting), QStringLiteral("council-minutes"));
                return pdfResult(exporting::contractDiffReport(db, id, oldVersion, newVersion),
                                 stem(QStringLiteral("contract"), id + u'-' + oldVersion + QStringLiteral("-to-") + newVersion));
            });
        });
    } else {
        unsupported();
    }
}

void ExportController::prepareImage(QObject *grabResult, const QString &baseName)
{
    auto *grab = qobject_cast<QQuickItemGrabResult *>(grabResult);
    const QImage image = grab ? grab->image() : QImage();
    if (image.isNull()) {
        setError(tr("the view could not be grabbed as a picture"));
        Q_EMIT failed(m_error);
        return;
    }
    run(QStringLiteral("png"), [image, baseName] {
        Result r;
        QBuffer buffer(&r.data);
        buffer.open(QIODevice::WriteOnly);
        if (!image.save(&buffer, "PNG"))
            r.error = tr("the picture could not be encoded as PNG");
        r.preview = image;
        r.name = baseName + QStringLiteral(".png");
        r.summary = tr("PNG, %1 × %2 px").arg(image.width()).arg(image.height());
        return r;
    });
}

void ExportController::save(const QVariant &fileUrlOrPath)
{
    const QUrl url = fileUrlOrPath.toUrl();
    const QString path = url.isLocalFile() ? url.toLocalFile() : fileUrlOrPath.toString();
    if (m_data.isEmpty()) {
        setError(tr("nothing to write to %1").arg(QDir::toNativeSeparators(path)));
        Q_EMIT failed(m_error);
        return;
    }
    const QByteArray data = m_data;
    setError({});
    background(
        [path, data] {
            Result r;
            try {
                exporting::writeExportFile(path, data);
            } catch (const exporting::ExportError &e) {
                r.error = e.message;
            }
            return r;
        },
        [this, path](Result r) {
            setError(r.error);
            if (r.error.isEmpty())
                Q_EMIT saved(QDir::toNativeSeparators(path));
            else
                Q_EMIT failed(r.error);
        });
}

void ExportController::clear()
{
    ++m_generation;
    m_data.clear();
    m_preview = QImage();
    m_name.clear();
    m_summary.clear();
    m_format.clear();
    Q_EMIT preparedChanged();
}

QUrl ExportController::folderOf(const QUrl &file) const
{
    return QUrl::fromLocalFile(QFileInfo(file.toLocalFile()).absolutePath());
}

void ExportController::run(const QString &format, Job job)
{
    const quint64 generation = ++m_generation;
    setError({});
    background(std::move(job), [this, generation, format](Result r) { apply(generation, format, std::move(r)); });
}

void ExportController::background(Job work, std::function<void(Result)> done)
{
    ++m_jobs;
    Q_EMIT busyChanged();
    QPointer<ExportController> self(this);
    QThread *thread = QThread::create([self, work = std::move(work), done = std::move(done)] {
        Result result = work();
        // The controller waits for this thread in its destructor, so it is alive here.
        QMetaObject::invokeMethod(
            self.data(), [self, done, result = std::move(result)]() mutable {
                if (!self)
                    return;
                --self->m_jobs;
                Q_EMIT self->busyChanged();
                done(std::move(result));
            },
            Qt::QueuedConnection);
    });
    m_threads << thread;
    connect(thread, &QThread::finished, this, [this, thread] {
        m_threads.removeOne(thread);
        thread->deleteLater();
    });
    thread->start();
}

void ExportController::apply(quint64 generation, const QString &format, Result result)
{
    if (generation != m_generation)
        return;
    if (!result.error.isEmpty()) {
        setError(result.error);
        Q_EMIT failed(result.error);
        return;
    }
    m_format = format;
    m_data = std::move(result.data);
    m_preview = std::move(result.preview);
    m_name = result.name;
    m_summary = result.summary;
    Q_EMIT preparedChanged();
    Q_EMIT prepared();
}

void ExportController::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}
