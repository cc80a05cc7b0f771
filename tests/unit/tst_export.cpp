#include "imagesupport.h"
#include "testsupport.h"

#include "cache/cachefile.h"
#include "contracts/cachedcontract.h"
#include "domainmap/domainmap.h"
#include "export/htmlsite.h"
#include "export/htmltext.h"
#include "export/textpdf.h"
#include "sync/syncengine.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace meshscope;
using testsupport::darkPixels;

namespace {

/// A product whose texts try to inject markup into the exported pages.
const char *const kEvilProduct = "apiVersion: datamesh.northwind.example/v1\n"
                                 "kind: DataProduct\n"
                                 "metadata:\n"
                                 "  name: evil-notes\n"
                                 "  domain: customer\n"
                                 "  owner: \"<b>mallory</b>@northwind.example\"\n"
                                 "  version: 1.0.0\n"
                                 "spec:\n"
                                 "  description: |\n"
                                 "    Notes <script>alert('pwned')</script> and \"quotes\" & ampersands.\n";

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

QStringList textsOf(const QString &svgPath, bool *wellFormed)
{
    QFile file(svgPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *wellFormed = false;
        return {};
    }
    QXmlStreamReader xml(&file);
    QStringList texts;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"text")
            texts << xml.readElementText();
    }
    *wellFormed = !xml.hasError();
    return texts;
}


} // namespace

/// `meshscope export` on the bundled sample mesh (plus one product with hostile texts): the HTML bundle
/// has no broken links, a page per product and contract version and escaped content; CSV, SVG and PDF
/// exports of the views hold what the views show; bad usage exits 2 naming the problem.
class TestExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cache;
    QString m_site;
    exporting::HtmlSiteResult m_result;

    Run run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(MESHSCOPE_BINARY), QStringList{QStringLiteral("export"), QStringLiteral("--cache"), m_cache} + args);
        p.waitForFinished(120000);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    QString readText(const QString &path)
    {
        return QString::fromUtf8(testsupport::readAll(path));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath("evil"));
        QFile evil(m_dir.filePath("evil/evil-notes.manifest.yaml"));
        QVERIFY(evil.open(QIODevice::WriteOnly));
        evil.write(kEvilProduct);
        evil.close();
        m_cache = m_dir.filePath("cache.sqlite");
        const SyncReport r = SyncEngine(m_cache).run({testsupport::source("resources/sample-mesh"), m_dir.filePath("evil")});
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
        m_site = m_dir.filePath("site");
        sql::Connection db = cache::openCache(m_cache);
        m_result = exporting::exportHtmlSite(db, m_site);
        QVERIFY2(m_result.ok, qPrintable(m_result.error));
    }

    void safeNamesAndEscaping()
    {
        QCOMPARE(exporting::safeFileStem("orders.order_events"), QString("orders.order_events"));
        const QString odd = exporting::safeFileStem("../Etc/passwd");
        QVERIFY(!odd.contains('/') && !odd.startsWith('.'));
        QVERIFY(odd != exporting::safeFileStem("../etc/passwd")); // case-insensitive disks
        QCOMPARE(exporting::htmlEscape("<a href=\"x\">&'"), QString("&lt;a href=&quot;x&quot;&gt;&amp;&#39;"));
        QCOMPARE(exporting::csvField("a,\"b\""), QString("\"a,\"\"b\"\"\""));
        QCOMPARE(exporting::csvField("=SUM(A1)"), QString("'=SUM(A1)"));
    }

    void siteHasNoBrokenLinks()
    {
        static const QRegularExpression ref(QStringLiteral("(?:href|src)=\"([^\"]*)\""));
        const QDir root(m_site);
        int files = 0, links = 0;
        QDirIterator it(m_site, {"*.html", "*.svg"}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            ++files;
            const QString text = readText(path);
            for (auto m = ref.globalMatch(text); m.hasNext();) {
                QString target = m.next().captured(1);
                QVERIFY2(!target.isEmpty(), qPrintable(path));
                if (target.startsWith('#'))
                    continue;
                QVERIFY2(!target.contains(':'), qPrintable(path + ": not relative: " + target)); // http:, file:, C:
                QVERIFY2(!target.startsWith('/'), qPrintable(path + ": absolute: " + target));
                target = target.section('#', 0, 0).replace("&amp;", "&");
                const QString resolved = QDir::cleanPath(QFileInfo(path).absolutePath() + '/' + target);
                QVERIFY2(resolved.startsWith(root.absolutePath() + '/'), qPrintable(path + ": leaves the site: " + target));
                QVERIFY2(QFileInfo::exists(resolved), qPrintable(path + ": broken link " + target));
                ++links;
            }
        }
        QCOMPARE(files, m_result.files - 1); // all but style.css
        QVERIFY2(links > 500, qPrintable(QString::number(links)));
        QVERIFY(readText(root.filePath("index.html")).contains("href=\"style.css\""));
    }

    void everyProductAndContractHasAPage()
    {
        sql::Connection db = cache::openCache(m_cache);
        const domainmap::DomainMap map = domainmap::buildDomainMap(db);
        QCOMPARE(m_result.products, int(map.products.size()));
        QVERIFY(map.products.size() >= 20);
        for (const domainmap::MapProduct &p : map.products) {
            const QString page = m_site + "/products/" + exporting::safeFileStem(p.id) + ".html";
            QVERIFY2(QFileInfo::exists(page), qPrintable(p.id));
            QVERIFY2(readText(page).contains(exporting::htmlEscape(p.id)), qPrintable(p.id));
            QVERIFY2(QFileInfo::exists(m_site + "/lineage/" + exporting::safeFileStem(p.id) + ".svg"), qPrintable(p.id));
        }
        const std::vector<diff::CachedVersion> versions = diff::listCachedVersions(db);
        QCOMPARE(m_result.contracts, int(versions.size()));
        for (const diff::CachedVersion &v : versions) {
            const QString page = m_site + "/contracts/" + exporting::safeFileStem(v.id + '@' + v.version) + ".html";
            QVERIFY2(QFileInfo::exists(page), qPrintable(v.id + '@' + v.version));
        }
        // The contract page carries the YAML it was read from, escaped.
        const QString proposed = readText(m_site + "/contracts/" + exporting::safeFileStem("orders.order_events@2.0.0") + ".html");
        QVERIFY(proposed.contains("<pre>"));
        QVERIFY(proposed.contains("Breaking: order_id becomes a UUID string"));
        QVERIFY(proposed.contains("status: proposed"));
        // Links between the versions of one contract.
        QVERIFY(proposed.contains("href=\"" + exporting::safeFileStem("orders.order_events@1.3.0") + ".html\""));
        // Domain pages list their products and the index counts them.
        const QString index = readText(m_site + "/index.html");
        QVERIFY(index.contains(QStringLiteral("%1 products").arg(map.products.size())));
        QVERIFY(index.contains("href=\"domains/customer.html\""));
        QVERIFY(readText(m_site + "/domains/customer.html").contains("href=\"../products/customer-360.html\""));
    }

    void productPageShowsWhatThePageDataHas()
    {
        const QString page = readText(m_site + "/products/customer-360.html");
        for (const char *section : {"<h2>Lineage</h2>", "<h2>Schema</h2>", "Upstream", "Downstream"})
            QVERIFY2(page.contains(section), section);
        QVERIFY(page.contains("lifetime_value"));
        QVERIFY(page.contains("<img src=\"../lineage/customer-360.svg\""));
        bool wellFormed = false;
        const QStringList texts = textsOf(m_site + "/lineage/customer-360.svg", &wellFormed);
        QVERIFY(wellFormed);
        QVERIFY2(texts.join('|').contains("customer-360"), qPrintable(texts.join('|')));
        QVERIFY2(texts.size() >= 3, qPrintable(texts.join('|'))); // it and at least one neighbour plus a domain
    }

    void injectedMarkupIsEscaped()
    {
        const QString page = readText(m_site + "/products/evil-notes.html");
        QVERIFY(!page.isEmpty());
        QVERIFY(!page.contains("<script"));
        QVERIFY(page.contains("Notes &lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; and &quot;quotes&quot; &amp; ampersands."));
        QVERIFY(!page.contains("<b>mallory"));
        QVERIFY(page.contains("&lt;b&gt;mallory&lt;/b&gt;"));
        QDirIterator it(m_site, {"*.html"}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QVERIFY2(!readText(path).contains("<script"), qPrintable(path));
        }
    }

    void htmlCommandWritesTheSite()
    {
        const Run r = run({"--format", "html", "--out", m_dir.filePath("cli-site")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("index.html"));
        QVERIFY(QFileInfo::exists(m_dir.filePath("cli-site/index.html")));
        QVERIFY(QFileInfo::exists(m_dir.filePath("cli-site/style.css")));
    }

    void productsCsv()
    {
        const QString out = m_dir.filePath("products.csv");
        const Run r = run({"--view", "domains", "--format", "csv", "--out", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = readText(out).split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QString("id,name,domain,owner,status,health,score,contract,upstream,consumers"));
        QCOMPARE(lines.size() - 1, m_result.products);
        QVERIFY(lines.filter(QRegularExpression("^customer-360,[^,]*,customer,customer-team@northwind.example,")).size() == 1);
        // One domain only.
        const Run one = run({"--view", "domains", "--format", "csv", "--select", "customer", "--out", out});
        QVERIFY2(one.exitCode == 0, qPrintable(one.err));
        const QStringList rows = readText(out).split("\r\n", Qt::SkipEmptyParts).mid(1);
        QVERIFY(rows.size() >= 4 && rows.size() < lines.size() - 1);
        // Its own products and those of its sub-domain loyalty.
        for (const QString &row : rows)
            QVERIFY2(row.contains(",customer,") || row.contains(",loyalty,"), qPrintable(row));
        QVERIFY(rows.filter(",loyalty,").size() >= 1);
    }

    void violationsCsv()
    {
        const QString out = m_dir.filePath("violations.csv");
        const Run r = run({"--view", "quality", "--format", "csv", "--out", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = readText(out).split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QString("product,domain,severity,rule,target_kind,target,message,remediation,policy"));
        QVERIFY2(lines.size() > 1, "the sample mesh has governance violations");
        QVERIFY(lines.filter(QRegularExpression(",(error|warning),")).size() == lines.size() - 1);
    }

    void impactedCsv()
    {
        const QString out = m_dir.filePath("impacted.csv");
        const Run r = run({"--view", "lineage", "--format", "csv", "--select", "order-events", "--out", out});
        if (r.exitCode != 0)
            QFAIL(qPrintable(r.err));
        const QStringList lines = readText(out).split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QString("id,label,kind,domain,hops,owner,failing_checks,stale,contract_status"));
        QVERIFY2(lines.size() > 2, qPrintable(lines.join('\n')));
        QCOMPARE(lines.at(1).split(',').at(4), QString("1")); // nearest first
        QVERIFY(QStringList({"yes", "no"}).contains(lines.at(1).split(',').at(7))); // badges were loaded
    }

    void svgExports()
    {
        const QString map = m_dir.filePath("map.svg");
        Run r = run({"--view", "domains", "--format", "svg", "--out", map});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        bool wellFormed = false;
        QStringList texts = textsOf(map, &wellFormed);
        QVERIFY(wellFormed);
        for (const char *label : {"Customer", "customer-360", "evil-notes"})
            QVERIFY2(texts.filter(label, Qt::CaseInsensitive).size() > 0, label);

        const QString hood = m_dir.filePath("hood.svg");
        r = run({"--view", "lineage", "--format", "svg", "--select", "customer-360", "--out", hood});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        texts = textsOf(hood, &wellFormed);
        QVERIFY(wellFormed);
        QVERIFY(texts.contains("customer-360") || texts.filter("Customer 360", Qt::CaseInsensitive).size() > 0);
    }

    void pdfExports_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected"); // a phrase pdftotext-free check: in the PDF's text stream
        QTest::newRow("contract diff") << QStringList{"--view", "contracts", "--select", "orders.order_events@2.0.0"}
                                       << "order_id";
        QTest::newRow("quality") << QStringList{"--view", "quality"} << "Governance";
        QTest::newRow("council") << QStringList{"--view", "council"} << "Council minutes";
    }

    void pdfExports()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const QString out = m_dir.filePath(QString(QTest::currentDataTag()).replace(' ', '-') + ".pdf");
        const Run r = run(args + QStringList{"--format", "pdf", "--out", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QByteArray pdf = testsupport::readAll(out);
        QVERIFY(pdf.startsWith("%PDF-1.4"));
        QVERIFY2(pdf.contains(expected.toLatin1()), qPrintable(expected));
        // pdftoppm (poppler-utils) must read it, and the first page must not be blank.
        const QString prefix = out + "-page";
        QProcess ppm;
        ppm.start("pdftoppm", {"-png", "-r", "60", "-f", "1", "-l", "1", out, prefix});
        QVERIFY(ppm.waitForFinished(60000));
        QVERIFY2(ppm.exitCode() == 0, ppm.readAllStandardError().constData());
        const QStringList pngs = QDir(m_dir.path()).entryList({QFileInfo(prefix).fileName() + "*.png"});
        QCOMPARE(pngs.size(), 1);
        const QImage page(m_dir.filePath(pngs.first()));
        QVERIFY(!page.isNull());
        QVERIFY2(darkPixels(page) > 800, qPrintable(QString::number(darkPixels(page))));
        QVERIFY(ppm.readAllStandardError().isEmpty()); // no syntax warnings from poppler
    }

    /// Typographic characters the diff and descriptions use reach the PDF as their WinAnsi bytes,
    /// not as '?' (the ellipsis marks a shortened value; a '?' there reads as a question).
    void pdfTextKeepsTypographicCharacters()
    {
        const QString text = QString::fromUtf8("\u2026lory \u2014 \u201Cquoted\u201D \u2013 1.3.0 \u2192 2.0.0 \u4e2d");
        const QByteArray pdf = exporting::textPdf(QStringLiteral("T"), text);
        QVERIFY(pdf.contains(QByteArray("\x85lory \x97 \x93quoted\x94 \x96 1.3.0 -> 2.0.0 ?")));
        QCOMPARE(exporting::pdfShownText(text), QString::fromUtf8("\u2026lory \u2014 \u201Cquoted\u201D \u2013 1.3.0 -> 2.0.0 ?"));
    }

    void badUsageExitsTwoNamingTheProblem()
    {
        Run r = run({"--view", "weather", "--format", "csv", "--out", "x.csv"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("weather"));
        r = run({"--view", "contracts", "--format", "csv", "--out", "x.csv"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("png|pdf"));
        r = run({"--view", "domains", "--format", "csv", "--out", m_dir.filePath("missing/folder/x.csv")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("missing/folder/x.csv"), qPrintable(r.err));
        r = run({"--view", "contracts", "--format", "pdf", "--select", "orders.nope@9.9.9", "--out", m_dir.filePath("x.pdf")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("orders.nope@9.9.9"));
        r = run({"--view", "domains", "--format", "svg", "--select", "atlantis", "--out", m_dir.filePath("x.svg")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("atlantis"));
        QProcess p;
        p.start(QStringLiteral(MESHSCOPE_BINARY), {"export", "--cache", m_dir.filePath("nothing.sqlite"), "--format", "html",
                                                  "--out", m_dir.filePath("none")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("nothing.sqlite"));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
