#include "cache/cachefile.h"
#include "contracts/cachedcontract.h"
#include "domainmap/domainmap.h"
#include "export/exportcontroller.h"
#include "export/exportrender.h"
#include "export/textpdf.h"
#include "lineage/lineagecontroller.h"
#include "sync/syncengine.h"
#include "imagesupport.h"
#include "testsupport.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickItemGrabResult>
#include <QQuickWindow>
#include <QSet>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace meshscope;
using testsupport::darkPixels;

namespace {

QStringList csvLines(const QString &path)
{
    return QString::fromUtf8(testsupport::readAll(path)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
}

} // namespace

/// ExportController on the sample mesh: every view's formats are made off the GUI thread, previewed
/// and written, holding what the view shows (the focused domain, the lineage picture as it is now, the
/// quality scope, the compared contract versions); failures name the file.
class TestExportController : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cache;

    /// prepare() then save() into the temp dir; the written path, or empty after QTest failures.
    QString exportTo(ExportController &c, const QString &view, const QString &format, const QVariantMap &context,
                     const QString &name)
    {
        QSignalSpy prepared(&c, &ExportController::prepared);
        QSignalSpy failed(&c, &ExportController::failed);
        c.prepare(view, format, context);
        if (!prepared.wait(60000) && prepared.isEmpty()) {
            qWarning() << "prepare failed:" << c.error();
            return {};
        }
        if (!failed.isEmpty())
            return {};
        return save(c, name);
    }

    QString save(ExportController &c, const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QSignalSpy saved(&c, &ExportController::saved);
        c.save(QUrl::fromLocalFile(path));
        if (!saved.wait(30000) && saved.isEmpty()) {
            qWarning() << "save failed:" << c.error();
            return {};
        }
        return path;
    }

    /// pdftoppm (poppler-utils) reads the PDF and page 1 has text on it.
    void checkPdf(const QString &path, const QByteArray &phrase)
    {
        const QByteArray pdf = testsupport::readAll(path);
        QVERIFY(pdf.startsWith("%PDF-1.4"));
        QVERIFY2(pdf.contains(phrase), phrase.constData());
        const QString prefix = path + "-page";
        QProcess ppm;
        ppm.start("pdftoppm", {"-png", "-r", "50", "-f", "1", "-l", "1", path, prefix});
        QVERIFY(ppm.waitForFinished(60000));
        QVERIFY2(ppm.exitCode() == 0, ppm.readAllStandardError().constData());
        const QStringList pngs = QDir(m_dir.path()).entryList({QFileInfo(prefix).fileName() + "*.png"});
        QCOMPARE(pngs.size(), 1);
        const QImage page(m_dir.filePath(pngs.first()));
        QVERIFY2(darkPixels(page) > 500, qPrintable(QString::number(darkPixels(page))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cache = m_dir.filePath("cache.sqlite");
        const SyncReport r = SyncEngine(m_cache).run({testsupport::source("resources/sample-mesh")});
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
    }

    void domainsSvgHonoursTheFocusedDomain()
    {
        sql::Connection db = cache::openCache(m_cache);
        const domainmap::DomainMap map = domainmap::buildDomainMap(db);
        ExportController c;
        c.setCachePath(m_cache);
        const QString whole = exportTo(c, "domains", "svg", {}, "map.svg");
        QVERIFY(!whole.isEmpty());
        QSvgRenderer renderer(whole);
        QVERIFY(renderer.isValid());
        QCOMPARE(int(testsupport::readAll(whole).count("class=\"product\"")), int(map.products.size()));
        QVERIFY(c.hasPreview());
        QVERIFY2(darkPixels(c.preview()) > 1000, qPrintable(QString::number(darkPixels(c.preview()))));

        const int customer = map.domainOf("customer");
        QVERIFY(customer >= 0);
        const QString focused = exportTo(c, "domains", "svg", {{"domain", "customer"}}, "customer.svg");
        QVERIFY(!focused.isEmpty());
        QVERIFY(QSvgRenderer(focused).isValid());
        const int own = int(testsupport::readAll(focused).count("class=\"product\""));
        QVERIFY2(own > 0 && own < int(map.products.size()), qPrintable(QString::number(own)));
        QCOMPARE(c.suggestedName(), QString("domains-customer.svg"));
    }

    void domainsCsvListsTheFocusedDomainsProducts()
    {
        sql::Connection db = cache::openCache(m_cache);
        const domainmap::DomainMap map = domainmap::buildDomainMap(db);
        ExportController c;
        c.setCachePath(m_cache);
        QStringList lines = csvLines(exportTo(c, "domains", "csv", {}, "products.csv"));
        QVERIFY(!lines.isEmpty());
        QVERIFY(lines.first().startsWith("id,name,domain,owner"));
        QCOMPARE(lines.size() - 1, int(map.products.size()));
        QVERIFY(!c.hasPreview()); // CSV goes straight to the file dialog

        // The focused domain and its sub-domains, as the side panel counts them.
        QSet<QString> domains;
        std::function<void(int)> visit = [&](int d) {
            domains.insert(map.domains[size_t(d)].id);
            for (const int child : map.domains[size_t(d)].children)
                visit(child);
        };
        visit(map.domainOf("customer"));
        QVERIFY(domains.size() > 1);
        lines = csvLines(exportTo(c, "domains", "csv", {{"domain", "customer"}}, "customer.csv"));
        QVERIFY(lines.size() > 1);
        QVERIFY(lines.size() - 1 < int(map.products.size()));
        for (const QString &line : lines.mid(1))
            QVERIFY2(domains.contains(line.section(',', 2, 2)), qPrintable(line));
    }

    void lineageSvgIsTheShownGraph()
    {
        LineageController lineage;
        lineage.setThreaded(false);
        lineage.setCachePath(m_cache);
        lineage.openNode("order-events");
        QVERIFY2(lineage.message().isEmpty(), qPrintable(lineage.message()));
        const int oneHop = lineage.nodeCount();
        lineage.setDown(-1); // the whole downstream: more than the one-hop neighbourhood
        QVERIFY2(lineage.nodeCount() > oneHop, qPrintable(QString::number(lineage.nodeCount())));

        ExportController c;
        c.setCachePath(m_cache);
        const QString path = exportTo(c, "lineage", "svg", {{"lineage", QVariant::fromValue<QObject *>(&lineage)}},
                                      "lineage.svg");
        QVERIFY(!path.isEmpty());
        QSvgRenderer renderer(path);
        QVERIFY(renderer.isValid());
        const QByteArray svg = testsupport::readAll(path);
        QCOMPARE(int(svg.count("class=\"node\"")), lineage.nodeCount());
        QCOMPARE(int(svg.count("class=\"edge\"")), lineage.edgeCount());
        QVERIFY(svg.contains("<title>order-events</title>"));
        QVERIFY(darkPixels(c.preview()) > 500);
    }

    void lineageCsvIsWhatIsDownstreamOfTheSelection()
    {
        LineageController lineage;
        lineage.setThreaded(false);
        lineage.setCachePath(m_cache);
        lineage.openNode("warehouses");
        ExportController c;
        c.setCachePath(m_cache);
        const QStringList lines = csvLines(exportTo(c, "lineage", "csv",
                                                    {{"lineage", QVariant::fromValue<QObject *>(&lineage)}}, "impacted.csv"));
        QVERIFY(!lines.isEmpty());
        QCOMPARE(lines.first(), QString("id,label,kind,domain,hops,owner,failing_checks,stale,contract_status"));
        QVERIFY(lines.size() >= 3);
        QVERIFY(lines.join('\n').contains("slow_moving_stock,model,inventory,2"));
        QVERIFY(!lines.join('\n').contains("\nwarehouses,")); // the start node itself is not impacted
    }

    /// A node with nothing downstream (a sink) gets a message naming it, not a CSV with only its header.
    void lineageCsvOfASinkSaysNothingIsDownstream()
    {
        LineageController lineage;
        lineage.setThreaded(false);
        lineage.setCachePath(m_cache);
        lineage.openNode("warehouses");
        lineage.showFullDownstream(); // the ends of its downstream are sinks
        QString sink;
        const LineageScenePtr scene = lineage.scene(); // selecting restyles into a new scene
        for (const auto &n : scene->nodes) {
            lineage.selectNode(n.id);
            if (lineage.impactedTotal() == 0) {
                sink = n.id;
                break;
            }
        }
        QVERIFY2(!sink.isEmpty(), "the downstream of warehouses ends in a node with nothing downstream");
        const QString label = lineage.impactedFromLabel();
        ExportController c;
        c.setCachePath(m_cache);
        QSignalSpy failed(&c, &ExportController::failed);
        QSignalSpy prepared(&c, &ExportController::prepared);
        c.prepare("lineage", "csv", {{"lineage", QVariant::fromValue<QObject *>(&lineage)}});
        QCOMPARE(failed.size(), 1);
        QVERIFY(prepared.isEmpty());
        QVERIFY2(c.error().contains("nothing is downstream of " + label), qPrintable(c.error()));
    }

    void qualityPdfFollowsTheScope_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QByteArray>("phrase");
        QTest::newRow("mesh") << QString() << QByteArray("the whole mesh");
        QTest::newRow("domain") << QString("customer") << QByteArray("domain customer");
        QTest::newRow("product") << QString("customer-360") << QByteArray("data product customer-360");
    }

    void qualityPdfFollowsTheScope()
    {
        QFETCH(QString, scope);
        QFETCH(QByteArray, phrase);
        ExportController c;
        c.setCachePath(m_cache);
        const QString path = exportTo(c, "quality", "pdf", {{"scope", scope}}, QString("quality-%1.pdf").arg(QTest::currentDataTag()));
        QVERIFY(!path.isEmpty());
        checkPdf(path, phrase);
        // The preview is page 1 painted from the same layout: same aspect as A4, text on it.
        QVERIFY(c.hasPreview());
        QCOMPARE(c.previewSize().height(), int(c.previewSize().width() * 842.0 / 595.0));
        QVERIFY2(darkPixels(c.preview()) > 1000, qPrintable(QString::number(darkPixels(c.preview()))));
        if (scope == "customer-360")
            QVERIFY(!testsupport::readAll(path).contains("order-events:"));
    }

    void qualityCsvListsTheScopesViolations()
    {
        ExportController c;
        c.setCachePath(m_cache);
        const QStringList all = csvLines(exportTo(c, "quality", "csv", {}, "violations.csv"));
        QVERIFY(!all.isEmpty());
        QCOMPARE(all.first(), QString("product,domain,severity,rule,target_kind,target,message,remediation,policy"));
        QVERIFY2(all.size() > 2, qPrintable(all.join('\n')));
        const QString product = all.at(1).section(',', 0, 0);
        const QStringList one = csvLines(exportTo(c, "quality", "csv", {{"scope", product}}, "violations-one.csv"));
        QVERIFY(one.size() > 1);
        QVERIFY(one.size() <= all.size());
        for (const QString &line : one.mid(1))
            QCOMPARE(line.section(',', 0, 0), product);
    }

    void contractsPdfIsTheDiffShown()
    {
        sql::Connection db = cache::openCache(m_cache);
        const QStringList versions = diff::cachedVersions(db, "orders.order_events");
        QVERIFY2(versions.size() >= 2, qPrintable(versions.join(',')));
        ExportController c;
        c.setCachePath(m_cache);
        const QString oldVersion = versions.first(), newVersion = versions.last();
        const QString path = exportTo(c, "contracts", "pdf",
                                      {{"contract", "orders.order_events"}, {"oldVersion", oldVersion}, {"newVersion", newVersion}},
                                      "diff.pdf");
        QVERIFY(!path.isEmpty());
        checkPdf(path, QString("orders.order_events@%1 -> %2").arg(oldVersion, newVersion).toLatin1());
        QCOMPARE(c.suggestedName(), "contract-" + QString("orders.order_events-%1-to-%2").arg(oldVersion, newVersion) + ".pdf");
    }

    void pngIsTheGrabbedPicture()
    {
        QQmlEngine engine;
        QQmlComponent component(&engine);
        component.setData("import QtQuick\nWindow { width: 320; height: 200; visible: true\n"
                          "Rectangle { objectName: \"box\"; anchors.fill: parent; color: \"#2459d6\"\n"
                          "Rectangle { x: 20; y: 20; width: 100; height: 60; color: \"#ffffff\" } } }",
                          QUrl());
        std::unique_ptr<QObject> root(component.create());
        QVERIFY2(root, qPrintable(component.errorString()));
        auto *window = qobject_cast<QQuickWindow *>(root.get());
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QQuickItem *box = window->contentItem()->childItems().constFirst();
        const QSharedPointer<QQuickItemGrabResult> grab = box->grabToImage();
        QVERIFY(grab);
        QSignalSpy ready(grab.data(), &QQuickItemGrabResult::ready);
        QVERIFY(ready.wait(10000));

        ExportController c;
        QSignalSpy prepared(&c, &ExportController::prepared);
        c.prepareImage(grab.data(), "picture");
        QVERIFY(prepared.wait(10000));
        QCOMPARE(c.suggestedName(), QString("picture.png"));
        const QString path = save(c, "picture.png");
        const QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), grab->image().size());
        QCOMPARE(QColor(image.pixel(image.width() - 5, image.height() - 5)), QColor("#2459d6"));
        QCOMPARE(QColor(image.pixel(40 * image.width() / 320, 40 * image.height() / 200)), QColor("#ffffff"));
    }

    void failuresNameTheFileOrItem()
    {
        ExportController c;
        c.setCachePath(m_cache);
        QSignalSpy failed(&c, &ExportController::failed);
        QSignalSpy prepared(&c, &ExportController::prepared);
        c.prepare("domains", "svg", {{"domain", "atlantis"}});
        QVERIFY(failed.wait(30000));
        QVERIFY2(c.error().contains("atlantis"), qPrintable(c.error()));
        QVERIFY(!c.ready());

        c.prepare("contracts", "csv", {});
        QCOMPARE(failed.size(), 2);
        QVERIFY(c.error().contains("csv"));

        QVERIFY(prepared.isEmpty());
        c.prepare("domains", "csv", {});
        QVERIFY(prepared.wait(30000));
        const QString missing = m_dir.filePath("no/such/folder/x.csv");
        c.save(QUrl::fromLocalFile(missing));
        QVERIFY(failed.wait(30000));
        QVERIFY2(c.error().contains(QDir::toNativeSeparators(missing)), qPrintable(c.error()));
    }

    void pdfPreviewPaintsTheLayoutsLines()
    {
        // A page of one short line and one far down: ink appears where the layout puts each line.
        QString text = "Top line";
        for (int i = 0; i < 40; ++i)
            text += "\n";
        text += "Bottom line";
        const exporting::PdfLayout layout = exporting::layoutTextPdf("Title", text);
        const QImage page = exportrender::pdfPage(layout, 0, 595);
        QCOMPARE(page.size(), QSize(595, 842));
        for (const exporting::PdfLine &line : layout.pages.front()) {
            const QRect band(int(line.x), int(line.baseline - line.size), 200, int(line.size));
            QVERIFY2(darkPixels(page.copy(band)) > 5, qPrintable(line.text));
        }
        QCOMPARE(darkPixels(page.copy(0, 0, 40, 842)), 0); // the left margin stays white
    }
};

QTEST_MAIN(TestExportController)
#include "tst_exportcontroller.moc"
