// Hostile paths (issue 16): every file name the app derives from data (ids, versions, names, a review
// event's proposalFile, page names) stays inside its folder, nothing is written through a planted
// symbolic link, and no CSV cell the app writes can start a spreadsheet formula. Real temporary
// folders, real links, the real services and the real CLI.
#include "cache/cachefile.h"
#include "council/meeting.h"
#include "domainmap/domainmap.h"
#include "editor/contracteditorcontroller.h"
#include "export/htmlsite.h"
#include "export/htmltext.h"
#include "export/tables.h"
#include "generate/meshgenerator.h"
#include "io/atomicfile.h"
#include "review/reviewservice.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace meshscope;
using namespace meshscope::review;

namespace {

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

/// Every path under `dir` (links not followed), relative to it, sorted.
QStringList treeOf(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(dir).relativeFilePath(it.next());
    out.sort();
    return out;
}

int runCli(const QStringList &arguments, QString *output)
{
    QProcess p;
    p.start(QStringLiteral(MESHSCOPE_BINARY), arguments);
    p.waitForFinished(120000);
    *output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitCode();
}

/// A small ODCS contract; `idYaml` is written as it is (quote it to use YAML escapes such as \0).
QByteArray contractYaml(const QByteArray &idYaml, const QByteArray &version, const QByteArray &status, bool withNote)
{
    QByteArray y = "apiVersion: v3.1.0\nkind: DataContract\nid: " + idYaml + "\nname: Demo\nversion: " + version
                   + "\nstatus: " + status + "\ndomain: demo\n"
                   "schema:\n  - name: items\n    physicalType: table\n    properties:\n"
                   "      - name: item_id\n        logicalType: string\n        required: true\n";
    if (withNote)
        y += "      - name: note\n        logicalType: string\n";
    return y;
}

/// The spreadsheet's view of a CSV text: its rows of cells (RFC 4180, quotes undone).
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << cell;
            cell.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty())
        rows << (row << cell);
    return rows;
}

/// OWASP's CSV-injection list: a cell may not start with any of these.
bool startsAFormula(const QString &cell)
{
    return !cell.isEmpty() && QStringLiteral("=+-@\t\r\n").contains(cell.front());
}

} // namespace

class TestHostilePaths : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_sampleCache;

    QString fresh(const QString &name)
    {
        const QString dir = m_tmp.filePath(name);
        QDir(dir).removeRecursively();
        QDir().mkpath(dir);
        return dir;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_tmp.isValid());
        m_sampleCache = m_tmp.filePath(QStringLiteral("sample.sqlite"));
        const SyncReport r = SyncEngine(m_sampleCache).run({testsupport::source(QStringLiteral("resources/sample-mesh"))});
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
    }

    // --- #2 ids become paths ---------------------------------------------------------------------

    void proposeRefusesAnIdOrVersionThatIsNotAFileName_data()
    {
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<QByteArray>("version");
        QTest::newRow("parent folders") << QByteArray("\"../../escape/pwn\"") << QByteArray("2.0.0");
        QTest::newRow("nul") << QByteArray("\"victim.odcs.yaml\\0x\"") << QByteArray("2.0.0");
        QTest::newRow("backslash") << QByteArray("\"..\\\\..\\\\escape\"") << QByteArray("2.0.0");
        QTest::newRow("control") << QByteArray("\"demo\\ninjected\"") << QByteArray("2.0.0");
    }

    void proposeRefusesAnIdOrVersionThatIsNotAFileName()
    {
        QFETCH(QByteArray, id);
        QFETCH(QByteArray, version);
        const QString dir = fresh(QStringLiteral("propose-") + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
        const QString root = dir + QStringLiteral("/mesh");
        // The active contract the id names is planted in the mesh; its file is what a NUL would hit.
        const QString victim = root + QStringLiteral("/contracts/victim.odcs.yaml");
        QVERIFY(writeBytes(victim, contractYaml(id, "1.0.0", "active", true)));
        const QByteArray victimBefore = readBytes(victim);
        const QString cachePath = dir + QStringLiteral("/cache.sqlite");
        const SyncReport r = SyncEngine(cachePath).run({root});
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
        // The edit (a dropped column) outside the mesh, so the proposal file is named from the id.
        const QString edited = dir + QStringLiteral("/edited.odcs.yaml");
        QVERIFY(writeBytes(edited, contractYaml(id, version, "active", false)));
        sql::Connection db = cache::openCache(cachePath, true);
        const QStringList before = treeOf(dir);

        ReviewService service(root);
        QString error;
        ProposeOptions options;
        options.version = QString::fromUtf8(version).remove(u'"');
        const std::optional<ReviewState> s = service.propose(edited, {QStringLiteral("author@x"), {}}, db, options, &error);
        QVERIFY2(!s, "a proposal named after this id or version must be refused");
        QVERIFY2(error.contains(edited), qPrintable(error)); // names the document
        QVERIFY2(error.contains(QLatin1String(":3:")) || error.contains(QLatin1String(":5:")), qPrintable(error)); // and the line
        QCOMPARE(readBytes(victim), victimBefore);
        QCOMPARE(treeOf(dir), before); // nothing written anywhere, in the mesh or beside it
    }

    void atomicWriteRefusesNulAndControlCharacters()
    {
        const QString dir = fresh(QStringLiteral("atomic-nul"));
        const QString victim = dir + QStringLiteral("/victim.odcs.yaml");
        QVERIFY(writeBytes(victim, "original\n"));
        QString error;
        QVERIFY(!io::writeFileAtomically(victim + QChar(0) + QStringLiteral("x.v2.proposed.odcs.yaml"), "proposal\n", &error));
        QVERIFY2(error.contains(QLatin1String("victim.odcs.yaml")), qPrintable(error));
        QVERIFY(!io::writeFileAtomically(dir + QStringLiteral("/a\nb.yaml"), "x\n", &error));
        QCOMPARE(readBytes(victim), QByteArray("original\n"));
        QCOMPARE(treeOf(dir), QStringList{QStringLiteral("victim.odcs.yaml")});
    }

    void atomicWriteReplacesAPlantedLinkNeverItsTarget()
    {
        // The decision: a link at the destination is replaced by the new file (rename replaces the
        // entry), never written through, and the target's permissions are not copied either.
        const QString dir = fresh(QStringLiteral("atomic-link"));
        const QString victim = dir + QStringLiteral("/victim.txt");
        QVERIFY(writeBytes(victim, "secret\n"));
        QVERIFY(QFile::setPermissions(victim, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/out")));
        QVERIFY(QFile::link(QStringLiteral("../victim.txt"), dir + QStringLiteral("/out/file.txt")));
        QString error;
        QVERIFY2(io::writeFileAtomically(dir + QStringLiteral("/out/file.txt"), "new\n", &error), qPrintable(error));
        QCOMPARE(readBytes(victim), QByteArray("secret\n"));
        const QFileInfo written(dir + QStringLiteral("/out/file.txt"));
        QVERIFY(!written.isSymLink());
        QCOMPARE(readBytes(written.filePath()), QByteArray("new\n"));
        struct stat st {};
        QCOMPARE(::lstat(QFile::encodeName(written.filePath()).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0644);
    }

    void reviewStoreRefusesIdsThatAreNotFolderNames_data()
    {
        QTest::addColumn<QString>("contractId");
        QTest::addColumn<QString>("version");
        QTest::newRow("nul id") << (QStringLiteral("demo") + QChar(0) + QStringLiteral("x")) << QStringLiteral("2.0.0");
        QTest::newRow("newline id") << QStringLiteral("demo\nx") << QStringLiteral("2.0.0");
        QTest::newRow("dot-dot version") << QStringLiteral("demo") << QStringLiteral("..");
        QTest::newRow("dot version") << QStringLiteral("demo") << QStringLiteral(".");
        QTest::newRow("empty version") << QStringLiteral("demo") << QString();
    }

    void reviewStoreRefusesIdsThatAreNotFolderNames()
    {
        QFETCH(QString, contractId);
        QFETCH(QString, version);
        const QString root = fresh(QStringLiteral("store-") + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
        ReviewEvent e;
        e.contractId = contractId;
        e.version = version;
        e.kind = EventKind::Proposed;
        e.author = QStringLiteral("author@x");
        QString error;
        QVERIFY(!ReviewStore(root).append(e, &error));
        QVERIFY2(!error.isEmpty(), "says why");
        QCOMPARE(treeOf(root), QStringList());
    }

    void newContractFromATemplateStaysInTheMesh_data()
    {
        QTest::addColumn<QByteArray>("domain");
        QTest::addColumn<QByteArray>("contract");
        QTest::newRow("domain") << QByteArray("\"../../escape\"") << QByteArray("demo.out");
        QTest::newRow("contract id") << QByteArray("demo") << QByteArray("\"../../../escape/pwn\"");
    }

    void newContractFromATemplateStaysInTheMesh()
    {
        // The editor's New… names the file contracts/<domain>/<contract id>.odcs.yaml from the product.
        QFETCH(QByteArray, domain);
        QFETCH(QByteArray, contract);
        const QString dir = fresh(QStringLiteral("template-") + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
        const QString mesh = dir + QStringLiteral("/mesh");
        QVERIFY(writeBytes(mesh + QStringLiteral("/products/evil.manifest.yaml"),
                           "apiVersion: datamesh.northwind.example/v1\nkind: DataProduct\nmetadata:\n  name: evil\n  domain: " + domain
                               + "\n  owner: team@x\n  version: 1.0.0\nspec:\n  description: x\n  output_ports:\n"
                                 "    - name: out\n      type: batch\n      contract: " + contract + "\n"));
        const QString cachePath = dir + QStringLiteral("/cache.sqlite");
        const SyncReport r = SyncEngine(cachePath).run({mesh});
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
        ContractEditorController c;
        c.setSources({mesh});
        c.setCachePath(cachePath);
        c.setAutosaveFolder(dir + QStringLiteral("/autosave"));
        // Refused with a message naming the id, or (a domain the importer already made a plain name
        // of) started inside the mesh's contracts folder.
        if (c.newFromTemplate(QStringLiteral("evil"), QStringLiteral("out")))
            QVERIFY2(QDir::cleanPath(c.filePath()).startsWith(mesh + QStringLiteral("/contracts/")), qPrintable(c.filePath()));
        else
            QVERIFY2(c.message().contains(QLatin1String("escape")), qPrintable(c.message()));
    }

    // --- #3 a forged event points outside the mesh -------------------------------------------------

    void forgedEventFileOutsideTheMesh_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value"); // {outside} is replaced by the absolute outside folder
        QTest::newRow("proposal ../") << QStringLiteral("proposalFile") << QStringLiteral("../outside/victim.odcs.yaml");
        QTest::newRow("proposal absolute") << QStringLiteral("proposalFile") << QStringLiteral("{outside}/victim.odcs.yaml");
        QTest::newRow("proposal via link") << QStringLiteral("proposalFile") << QStringLiteral("contracts/escape.odcs.yaml");
        QTest::newRow("proposal backslash") << QStringLiteral("proposalFile") << QStringLiteral("..\\outside\\victim.odcs.yaml");
        QTest::newRow("base ../") << QStringLiteral("baseFile") << QStringLiteral("../outside/victim.odcs.yaml");
    }

    void forgedEventFileOutsideTheMesh()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        const QString dir = fresh(QStringLiteral("forged-") + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
        const QString root = dir + QStringLiteral("/mesh");
        const QString outside = dir + QStringLiteral("/outside");
        value.replace(QStringLiteral("{outside}"), outside);
        QVERIFY(writeBytes(root + QStringLiteral("/contracts/demo.odcs.yaml"), contractYaml("demo.items", "1.0.0", "active", true)));
        QVERIFY(writeBytes(root + QStringLiteral("/contracts/demo.v2.proposed.odcs.yaml"), contractYaml("demo.items", "2.0.0", "proposed", false)));
        // The victim: a contract-shaped file outside the mesh (so the write-back would parse it).
        const QString victim = outside + QStringLiteral("/victim.odcs.yaml");
        QVERIFY(writeBytes(victim, contractYaml("demo.items", field == u"proposalFile" ? "2.0.0" : "1.0.0",
                                               field == u"proposalFile" ? "proposed" : "active", field != u"proposalFile")));
        QVERIFY(QFile::link(QStringLiteral("../../outside/victim.odcs.yaml"), root + QStringLiteral("/contracts/escape.odcs.yaml")));
        const QByteArray victimBefore = readBytes(victim);

        // The forger writes the events by hand: well-formed, correctly hashed, listing themselves.
        QJsonObject data{{QStringLiteral("baseVersion"), QStringLiteral("1.0.0")},
                         {QStringLiteral("baseFile"), QStringLiteral("contracts/demo.odcs.yaml")},
                         {QStringLiteral("proposalFile"), QStringLiteral("contracts/demo.v2.proposed.odcs.yaml")},
                         {QStringLiteral("requiredVersion"), QStringLiteral("2.0.0")},
                         {QStringLiteral("breaking"), 1},
                         {QStringLiteral("needsGovernance"), false},
                         {QStringLiteral("draft"), false},
                         {QStringLiteral("approvers"), QJsonArray{ApproverSlot{QStringLiteral("producer"), QStringLiteral("P"), {},
                                                                               {QStringLiteral("mallory@x")}}.toJson()}}};
        data.insert(field, value);
        const QString proposalPath = field == u"proposalFile" ? victim : root + QStringLiteral("/contracts/demo.v2.proposed.odcs.yaml");
        const QString hash = QString::fromLatin1(QCryptographicHash::hash(readBytes(proposalPath), QCryptographicHash::Sha1).toHex());
        data.insert(QStringLiteral("documentHash"), hash);
        ReviewEvent proposed;
        proposed.contractId = QStringLiteral("demo.items");
        proposed.version = QStringLiteral("2.0.0");
        proposed.kind = EventKind::Proposed;
        proposed.author = QStringLiteral("mallory@x");
        proposed.time = QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
        proposed.text = QStringLiteral("harmless");
        proposed.data = data;
        proposed.seal();
        ReviewEvent approved = proposed;
        approved.kind = EventKind::Approved;
        approved.parents = {proposed.hash};
        approved.seq = 2;
        approved.time = proposed.time.addSecs(60);
        approved.text.clear();
        approved.data = {{QStringLiteral("documentHash"), hash}};
        approved.seal();
        const QString folder = root + QStringLiteral("/reviews/demo.items/2.0.0/");
        QVERIFY(writeBytes(folder + proposed.fileName(), proposed.fileText()));
        QVERIFY(writeBytes(folder + approved.fileName(), approved.fileText()));

        QString out;
        QCOMPARE(runCli({QStringLiteral("review"), QStringLiteral("verify"), QStringLiteral("--source"), root}, &out), 1);
        QVERIFY2(out.contains(proposed.fileName()), qPrintable(out));
        QVERIFY2(out.contains(field), qPrintable(out));

        ReviewService service(root);
        QString error;
        QVERIFY(!service.apply({QStringLiteral("demo.items"), QStringLiteral("2.0.0")}, {QStringLiteral("mallory@x"), {}}, &error));
        QVERIFY2(error.contains(proposed.fileName()), qPrintable(error));
        QCOMPARE(readBytes(victim), victimBefore);
        QCOMPARE(QDir(outside).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{QStringLiteral("victim.odcs.yaml")});
    }

    // --- #4 generate does not follow links when clearing -------------------------------------------

    void generateDoesNotFollowPlantedLinks()
    {
        const QString dir = fresh(QStringLiteral("generate"));
        const QString out = dir + QStringLiteral("/out");
        QVERIFY(writeBytes(out + QStringLiteral("/.meshscope-generated"), "Written by meshscope generate\n"));
        QVERIFY(writeBytes(dir + QStringLiteral("/victim/precious.txt"), "keep me\n"));
        QVERIFY(writeBytes(dir + QStringLiteral("/victim/sub/deeper.txt"), "keep me too\n"));
        QVERIFY(writeBytes(dir + QStringLiteral("/victim2/manifest.json"), "{}\n"));
        QVERIFY(QFile::link(dir + QStringLiteral("/victim"), out + QStringLiteral("/domains")));
        QVERIFY(QFile::link(QStringLiteral("../victim2"), out + QStringLiteral("/lineage")));
        const QStringList victimBefore = treeOf(dir + QStringLiteral("/victim"));

        MeshGeneratorOptions options;
        options.domains = 2;
        options.products = 4;
        QString error;
        const GeneratedMeshStats stats = generateMesh(out, options, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(stats.products, 4);
        QCOMPARE(treeOf(dir + QStringLiteral("/victim")), victimBefore);
        QCOMPARE(readBytes(dir + QStringLiteral("/victim/precious.txt")), QByteArray("keep me\n"));
        QCOMPARE(treeOf(dir + QStringLiteral("/victim2")), QStringList{QStringLiteral("manifest.json")});
        QCOMPARE(readBytes(dir + QStringLiteral("/victim2/manifest.json")), QByteArray("{}\n"));
        // The links were replaced by the generator's own folders.
        QVERIFY(!QFileInfo(out + QStringLiteral("/domains")).isSymLink());
        QVERIFY(!QFileInfo(out + QStringLiteral("/lineage")).isSymLink());
        QVERIFY(QFileInfo::exists(out + QStringLiteral("/lineage/manifest.json")));
    }

    void generateDoesNotWriteThroughAPlantedMarker()
    {
        const QString dir = fresh(QStringLiteral("generate-marker"));
        const QString out = dir + QStringLiteral("/out");
        QVERIFY(QDir().mkpath(out));
        QVERIFY(writeBytes(dir + QStringLiteral("/victim.txt"), "keep me\n"));
        QVERIFY(QFile::link(QStringLiteral("../victim.txt"), out + QStringLiteral("/.meshscope-generated")));
        MeshGeneratorOptions options;
        options.domains = 1;
        options.products = 2;
        QString error;
        generateMesh(out, options, &error);
        QCOMPARE(readBytes(dir + QStringLiteral("/victim.txt")), QByteArray("keep me\n"));
    }

    // --- #14 HTML export and the reviews folder ----------------------------------------------------

    void htmlExportDoesNotWriteThroughPlantedLinks()
    {
        const QString dir = fresh(QStringLiteral("html-link"));
        const QString site = dir + QStringLiteral("/site");
        QVERIFY(writeBytes(dir + QStringLiteral("/victim.txt"), "keep me\n"));
        QVERIFY(writeBytes(dir + QStringLiteral("/victim.html"), "keep me\n"));
        QVERIFY(QDir().mkpath(site + QStringLiteral("/domains")));
        QVERIFY(QFile::link(QStringLiteral("../victim.txt"), site + QStringLiteral("/style.css")));
        QVERIFY(QFile::link(QStringLiteral("../../victim.html"), site + QStringLiteral("/domains/customer.html")));
        sql::Connection db = cache::openCache(m_sampleCache, true);
        const exporting::HtmlSiteResult result = exporting::exportHtmlSite(db, site);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(readBytes(dir + QStringLiteral("/victim.txt")), QByteArray("keep me\n"));
        QCOMPARE(readBytes(dir + QStringLiteral("/victim.html")), QByteArray("keep me\n"));
        QVERIFY(!QFileInfo(site + QStringLiteral("/style.css")).isSymLink());
        QVERIFY(readBytes(site + QStringLiteral("/style.css")).contains("font-family"));
        QVERIFY(readBytes(site + QStringLiteral("/domains/customer.html")).contains("<html"));
    }

    void htmlExportRefusesAFolderLinkLeavingTheSite()
    {
        const QString dir = fresh(QStringLiteral("html-folder-link"));
        const QString site = dir + QStringLiteral("/site");
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/elsewhere")));
        QVERIFY(QDir().mkpath(site));
        QVERIFY(QFile::link(QStringLiteral("../elsewhere"), site + QStringLiteral("/products")));
        sql::Connection db = cache::openCache(m_sampleCache, true);
        const exporting::HtmlSiteResult result = exporting::exportHtmlSite(db, site);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QLatin1String("products")), qPrintable(result.error));
        QCOMPARE(treeOf(dir + QStringLiteral("/elsewhere")), QStringList());
    }

    void htmlPageNamesAreDistinct()
    {
        // Names that the old scheme mapped onto one page: "Orders" became "orders-<hash>", which is
        // also a valid id as it is; "x@1" version 0 and "x" version "1@0" shared "x@1@0".
        const QString hashed = QStringLiteral("orders-")
                               + QString::fromLatin1(QCryptographicHash::hash("Orders", QCryptographicHash::Sha1).toHex().left(8));
        const QStringList ids{QStringLiteral("Orders"), hashed, QStringLiteral("orders"), QStringLiteral("ORDERS"),
                              QStringLiteral("a/b"), QStringLiteral("a_b"), QStringLiteral("a\\b"), QStringLiteral(".x"),
                              QStringLiteral("_x"), QString(), QStringLiteral("a@b"), QStringLiteral("a~b"),
                              QStringLiteral("\u00e9t\u00e9"), QStringLiteral("~_0041"), QStringLiteral("A"),
                              QString(300, u'a'), QString(300, u'a') + u'b'};
        QSet<QString> seen;
        for (const QString &id : ids) {
            const QString stem = exporting::safeFileStem(id);
            QVERIFY2(!seen.contains(stem.toLower()), qPrintable(id + QStringLiteral(" -> ") + stem));
            seen.insert(stem.toLower());
            QVERIFY2(!stem.isEmpty() && !stem.startsWith(u'.') && stem.size() <= 200, qPrintable(stem));
            for (const QChar c : stem)
                QVERIFY2(c.isLower() || c.isDigit() || QStringLiteral("._-~@").contains(c), qPrintable(stem));
        }

        // And in a real export: each product and contract version keeps a page of its own.
        const QString dir = fresh(QStringLiteral("html-names"));
        const QString mesh = dir + QStringLiteral("/mesh");
        for (const QString &id : {QStringLiteral("Orders"), hashed}) {
            QVERIFY(writeBytes(mesh + QStringLiteral("/products/") + QString::number(qHash(id)) + QStringLiteral(".manifest.yaml"),
                               "apiVersion: datamesh.northwind.example/v1\nkind: DataProduct\nmetadata:\n  name: " + id.toUtf8()
                                   + "\n  domain: customer\n  owner: team@x\n  version: 1.0.0\nspec:\n  description: marker-of-"
                                   + id.toUtf8() + "\n"));
        }
        QVERIFY(writeBytes(mesh + QStringLiteral("/contracts/a.odcs.yaml"), contractYaml("\"x@1\"", "\"0\"", "active", true)));
        QVERIFY(writeBytes(mesh + QStringLiteral("/contracts/b.odcs.yaml"), contractYaml("x", "\"1@0\"", "active", true)));
        const QString cachePath = dir + QStringLiteral("/cache.sqlite");
        const SyncReport r = SyncEngine(cachePath).run({mesh});
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
        sql::Connection db = cache::openCache(cachePath, true);
        const QString site = dir + QStringLiteral("/site");
        const exporting::HtmlSiteResult result = exporting::exportHtmlSite(db, site);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.products, 2);
        QCOMPARE(result.contracts, 2);
        QCOMPARE(QDir(site + QStringLiteral("/products")).entryList(QDir::Files).size(), 2);
        QCOMPARE(QDir(site + QStringLiteral("/lineage")).entryList(QDir::Files).size(), 2);
        QCOMPARE(QDir(site + QStringLiteral("/contracts")).entryList(QDir::Files).size(), 2);
        for (const QString &id : {QStringLiteral("Orders"), hashed}) {
            const QByteArray page = readBytes(site + QStringLiteral("/products/") + exporting::safeFileStem(id) + QStringLiteral(".html"));
            QVERIFY2(page.contains("marker-of-" + id.toUtf8()), qPrintable(id));
        }
    }

    void reviewsFolderLinkLeavingTheMeshIsRefused()
    {
        const QString dir = fresh(QStringLiteral("reviews-link"));
        const QString root = dir + QStringLiteral("/mesh");
        testsupport::copyTree(testsupport::source(QStringLiteral("resources/sample-mesh")), root);
        QVERIFY(QDir().rename(root + QStringLiteral("/reviews"), dir + QStringLiteral("/elsewhere")));
        QVERIFY(QFile::link(QStringLiteral("../elsewhere"), root + QStringLiteral("/reviews")));
        const QStringList before = treeOf(dir + QStringLiteral("/elsewhere"));
        ReviewService service(root);
        QString error;
        const ProposalKey key{QStringLiteral("orders.order_events"), QStringLiteral("2.0.0")};
        QVERIFY(!service.record(key, EventKind::Commented, {QStringLiteral("someone@x"), {}}, QStringLiteral("hello"), &error));
        QVERIFY2(error.contains(QLatin1String("reviews")), qPrintable(error));
        QCOMPARE(treeOf(dir + QStringLiteral("/elsewhere")), before);
    }

    void meetingSaveDoesNotWriteThroughALink()
    {
        // Meeting files are named from the date and title (guessable): a link planted at that name.
        const QString dir = fresh(QStringLiteral("meeting-link"));
        QVERIFY(writeBytes(dir + QStringLiteral("/victim.txt"), "keep me\n"));
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/council/meetings")));
        const QString file = dir + QStringLiteral("/council/meetings/2026-11-22-council.json");
        QVERIFY(QFile::link(QStringLiteral("../../victim.txt"), file));
        const council::Meeting m = council::startMeeting(QStringLiteral("Council"), QDateTime(QDate(2026, 11, 22), QTime(9, 0), Qt::UTC), {});
        QString error;
        QVERIFY2(council::saveMeeting(m, file, &error), qPrintable(error));
        QCOMPARE(readBytes(dir + QStringLiteral("/victim.txt")), QByteArray("keep me\n"));
        QVERIFY(!QFileInfo(file).isSymLink());
        QVERIFY(council::loadMeeting(file, &error));
    }

    // --- #11 CSV cells never start a formula -------------------------------------------------------

    void csvFieldFollowsOwasp_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *t : {"\t=1+2", "\r=3+4", "\n=5+6", "=1+2", "+1", "-1", "@SUM(A1)", "\t\t@x"})
            QTest::newRow(t) << QString::fromLatin1(t);
        QTest::newRow("nul") << (QChar(0) + QStringLiteral("=1+2"));
        QTest::newRow("semicolon") << QStringLiteral("a;=1+2");
        QTest::newRow("tab inside") << QStringLiteral("a\t=1+2");
    }

    void csvFieldFollowsOwasp()
    {
        QFETCH(QString, text);
        const QString field = exporting::csvField(text);
        const QList<QStringList> rows = parseCsv(field + QStringLiteral("\r\n"));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.front().size(), 1);
        const QString cell = rows.front().front();
        QVERIFY2(!startsAFormula(cell) && !cell.startsWith(QChar(0)), qPrintable(field));
        QVERIFY2(cell == text || cell == u'\'' + text, qPrintable(field)); // the text itself is kept
        // A separator or white space inside makes the field quoted, so a reader that splits on ';' or
        // tabs does not start a new cell there.
        if (text.contains(u';') || text.contains(u'\t'))
            QVERIFY2(field.startsWith(u'"'), qPrintable(field));
    }

    void lineageCsvNeutralisesEveryCell()
    {
        lineage::LineageGraph graph;
        graph.level = lineage::Level::Dataset;
        const QStringList hostile{QStringLiteral("\t=1+2"), QStringLiteral("\r=3+4"), QStringLiteral("@cmd"), QStringLiteral("-2+3")};
        for (const QString &h : hostile)
            graph.addNode({h, h, h, h, {}, h, {}});
        graph.finish();
        std::vector<lineage::Reached> impacted;
        for (int i = 0; i < int(hostile.size()); ++i)
            impacted.push_back({i, i + 1});
        const QString csv = exporting::impactedCsv(graph, impacted);
        const QList<QStringList> rows = parseCsv(csv);
        QCOMPARE(rows.size(), int(hostile.size()) + 1);
        for (const QStringList &row : rows) {
            QCOMPARE(row.size(), 9);
            for (const QString &cell : row)
                QVERIFY2(!startsAFormula(cell), qPrintable(QStringLiteral("cell [%1] in %2").arg(cell, csv)));
        }
        // The products table too: every CSV goes through the same field writer.
        sql::Connection db = cache::openCache(m_sampleCache, true);
        domainmap::DomainMap map = domainmap::buildDomainMap(db);
        QVERIFY(!map.products.empty());
        map.products.front().name = QStringLiteral("\t=HYPERLINK(\"http://127.0.0.1/\")");
        map.products.front().owner = QStringLiteral("\r=3+4");
        for (const QStringList &row : parseCsv(exporting::productsCsv(map)))
            for (const QString &cell : row)
                QVERIFY2(!startsAFormula(cell), qPrintable(cell));
    }
};

QTEST_GUILESS_MAIN(TestHostilePaths)
#include "tst_hostile_paths.moc"
