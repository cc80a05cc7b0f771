// Search finds what users name (issue 18 item 3, issue 25): schema objects as hits of their own, descriptions
// at every level, servers, ports, SLA and quality rule names; products and contracts before datasets and
// columns for an equal match; snippets as plain text with the matches marked apart from the text.
#include "cache/cachefile.h"
#include "cache/migrations.h"
#include "cache/plaintext.h"
#include "cache/search.h"
#include "contracts/contractdiffcontroller.h"
#include "searchmodel.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace meshscope;

namespace {

const cache::SearchHit *find(const std::vector<cache::SearchHit> &hits, const QString &kind, const QString &id,
                             const QString &object = {})
{
    for (const cache::SearchHit &h : hits) {
        if (h.kind == kind && h.id == id && (object.isEmpty() || h.object == object))
            return &h;
    }
    return nullptr;
}

QString describe(const std::vector<cache::SearchHit> &hits)
{
    QStringList out;
    for (const cache::SearchHit &h : hits)
        out << h.kind + QLatin1Char(' ') + h.id + (h.object.isEmpty() ? QString() : QLatin1Char('/') + h.object);
    return out.join(QStringLiteral(", "));
}

constexpr const char *kContract =
    "apiVersion: v3.0.2\n"
    "kind: DataContract\n"
    "id: shipments.parcels\n"
    "version: 1.0.0\n"
    "status: active\n"
    "name: Shipments\n"
    "domain: logistics\n"
    "description:\n"
    "  purpose: Tracks parcels for the zebrafinch programme.\n"
    "  limitations: \"Not for **billing** use; see [the runbook](https://wiki.example/runbook).\"\n"
    "servers:\n"
    "  - server: quokkaprod\n"
    "    type: postgres\n"
    "    environment: prod\n"
    "    description: The marmoset cluster.\n"
    "    host: db.wombathost.example.com\n"
    "    port: 5432\n"
    "    database: numbatdb\n"
    "    schema: platypusschema\n"
    "slaProperties:\n"
    "  - property: ocelotwindow\n"
    "    value: 4\n"
    "    unit: h\n"
    "quality:\n"
    "  - name: tapirfreshness\n"
    "    type: sql\n"
    "    query: SELECT 1\n"
    "    mustBe: 1\n"
    "    description: Loaded by the capybara job.\n"
    "schema:\n"
    "  - name: parcels\n"
    "    physicalName: parcels_tbl\n"
    "    physicalType: table\n"
    "    description: One row per **axolotl** parcel.\n"
    "    quality:\n"
    "      - name: kiwirowcount\n"
    "        metric: rowCount\n"
    "        mustBeGreaterThan: 0\n"
    "    properties:\n"
    "      - name: parcel_id\n"
    "        logicalType: string\n"
    "        description: \"Identifier minted by the `pangolin` service.\"\n"
    "        quality:\n"
    "          - name: dingounique\n"
    "            metric: duplicateValues\n"
    "            mustBe: 0\n";

constexpr const char *kProduct =
    "apiVersion: v1.0.0\n"
    "kind: DataProduct\n"
    "id: shipments\n"
    "name: Shipments\n"
    "status: active\n"
    "domain: logistics\n"
    "description:\n"
    "  purpose: Parcels on their way.\n"
    "outputPorts:\n"
    "  - name: narwhalport\n"
    "    description: The gecko feed.\n"
    "    type: kafka\n"
    "    location: topics.iguanatopic\n"
    "    version: 1.0.0\n"
    "    contractId: shipments.parcels\n";

} // namespace

class TestSearchIndex : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString freshCache(const QString &name) { return m_dir.filePath(name + QStringLiteral(".sqlite")); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // "meshscope search adventure" on a cache of the corpus: the adventureworks contract's tables say
    // "Adventure Works Cycles" and its definitions live on the server `adventureworks`.
    void corpusFindsAdventureAsTableAndServer()
    {
        const QString cachePath = freshCache(QStringLiteral("corpus"));
        const SyncReport r = SyncEngine(cachePath).run({testsupport::corpus(QStringLiteral("."))});
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
        sql::Connection db = cache::openCache(cachePath, /*readOnly=*/true);
        const auto hits = cache::search(db, QStringLiteral("adventure"), 100);
        const QString adventureworks = QStringLiteral("6aeafdc1-ed62-4c8f-bf0a-da1061c98cdb");
        const cache::SearchHit *table = find(hits, QStringLiteral("table"), adventureworks, QStringLiteral("department"));
        QVERIFY2(table, qPrintable(describe(hits)));
        QCOMPARE(table->title, QStringLiteral("department"));
        QVERIFY2(table->snippet.contains(QStringLiteral("Adventure Works Cycles")), qPrintable(table->snippet));
        const cache::SearchHit *server = find(hits, QStringLiteral("contract"), adventureworks);
        QVERIFY2(server, qPrintable(describe(hits)));
        QVERIFY2(server->snippet.contains(QStringLiteral("adventureworks")), qPrintable(server->snippet));
        // The contract (found by its server) before its tables: the general kind first for an equal match.
        QVERIFY(server < table);
    }

    void everyLevelIsFound_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("object");
        const QString c = QStringLiteral("shipments.parcels"), p = QStringLiteral("shipments");
        const QString contract = QStringLiteral("contract"), table = QStringLiteral("table"),
                      product = QStringLiteral("product"), parcels = QStringLiteral("parcels");
        QTest::newRow("table name") << "parcels" << table << c << parcels;
        QTest::newRow("table description") << "axolotl" << table << c << parcels;
        QTest::newRow("property description") << "pangolin" << table << c << parcels;
        QTest::newRow("table quality rule") << "kiwirowcount" << table << c << parcels;
        QTest::newRow("property quality rule") << "dingounique" << table << c << parcels;
        QTest::newRow("contract quality rule") << "tapirfreshness" << contract << c << QString();
        QTest::newRow("quality rule description") << "capybara" << contract << c << QString();
        QTest::newRow("SLA property") << "ocelotwindow" << contract << c << QString();
        QTest::newRow("server name") << "quokkaprod" << contract << c << QString();
        QTest::newRow("server description") << "marmoset" << contract << c << QString();
        QTest::newRow("server host") << "wombathost" << contract << c << QString();
        QTest::newRow("server database") << "numbatdb" << contract << c << QString();
        QTest::newRow("server schema") << "platypusschema" << contract << c << QString();
        QTest::newRow("contract description") << "zebrafinch" << contract << c << QString();
        QTest::newRow("port name") << "narwhalport" << product << p << QString();
        QTest::newRow("port location") << "iguanatopic" << product << p << QString();
        QTest::newRow("port description") << "gecko" << product << p << QString();
    }

    void everyLevelIsFound()
    {
        QFETCH(QString, query);
        QFETCH(QString, kind);
        QFETCH(QString, id);
        QFETCH(QString, object);
        const QString mesh = m_dir.filePath(QStringLiteral("levels"));
        const QString cachePath = freshCache(QStringLiteral("levels"));
        if (!QFileInfo::exists(cachePath)) {
            testsupport::writeFile(mesh + QStringLiteral("/contracts/parcels.odcs.yaml"), kContract);
            testsupport::writeFile(mesh + QStringLiteral("/products/shipments.odps.yaml"), kProduct);
            const SyncReport r = SyncEngine(cachePath).run({mesh});
            QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
            QCOMPARE(r.counts.contracts, 1);
            QCOMPARE(r.counts.products, 1);
        }
        sql::Connection db = cache::openCache(cachePath, /*readOnly=*/true);
        const auto hits = cache::search(db, query);
        const cache::SearchHit *hit = find(hits, kind, id, object);
        QVERIFY2(hit, qPrintable(query + QStringLiteral(" → ") + describe(hits)));
        QCOMPARE(hit->object, object);
        // The snippet shows the word that matched, and marks it.
        QVERIFY2(hit->snippet.contains(query, Qt::CaseInsensitive), qPrintable(hit->snippet));
        QVERIFY(!hit->matches.isEmpty());
        const auto [start, length] = hit->matches.front();
        QVERIFY(hit->snippet.mid(start, length).contains(query, Qt::CaseInsensitive)
                || query.startsWith(hit->snippet.mid(start, length), Qt::CaseInsensitive));
    }

    // Issue 25: "customer" listed ~25 datasets and columns before the data products.
    void productsRankBeforeDatasetsAndColumns()
    {
        const QString cachePath = freshCache(QStringLiteral("sample"));
        const SyncReport r = SyncEngine(cachePath).run({testsupport::source(QStringLiteral("resources/sample-mesh"))});
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
        sql::Connection db = cache::openCache(cachePath, /*readOnly=*/true);
        const auto hits = cache::search(db, QStringLiteral("customer"), 40);
        QVERIFY(!hits.empty());
        int firstProduct = -1, firstLineage = -1;
        for (int i = 0; i < int(hits.size()); ++i) {
            if (firstProduct < 0 && hits[size_t(i)].kind == u"product")
                firstProduct = i;
            if (firstLineage < 0 && (hits[size_t(i)].kind == u"dataset" || hits[size_t(i)].kind == u"column"))
                firstLineage = i;
        }
        QVERIFY2(firstProduct >= 0, qPrintable(describe(hits)));
        QVERIFY2(firstLineage < 0 || firstProduct < firstLineage, qPrintable(describe(hits)));
        // Among hits of one kind of match, no dataset or column comes before a product or contract.
        const auto descriptions = cache::search(db, QStringLiteral("personal data"), 40);
        bool lineageSeen = false;
        for (const cache::SearchHit &h : descriptions) {
            lineageSeen = lineageSeen || h.kind == u"dataset" || h.kind == u"column";
            QVERIFY2(!(lineageSeen && (h.kind == u"product" || h.kind == u"contract")), qPrintable(describe(descriptions)));
        }
    }

    // Snippets are plain text: no Markdown marks and no literal match brackets, on the sample mesh
    // (whose descriptions are Markdown with "## Limitations" sections) and on the corpus.
    void snippetsArePlainText()
    {
        const QString cachePath = freshCache(QStringLiteral("sample-snippets"));
        const SyncReport r = SyncEngine(cachePath).run({testsupport::source(QStringLiteral("resources/sample-mesh"))});
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
        sql::Connection db = cache::openCache(cachePath, /*readOnly=*/true);
        static const QRegularExpression markup(
            // (a double underscore inside a name, as dbt's stg_crm__customers, is the name, not emphasis)
            QStringLiteral("(^|\\s)#{1,6}\\s|\\*\\*|(?<!\\w)__|__(?!\\w)|`|\\]\\(|\\[[^\\]]*\\]|^\\s*[-*+>]\\s"));
        int checked = 0;
        for (const char *query : {"customer", "limitations", "orders", "purpose", "usage", "pii", "refund", "customer profiles"}) {
            for (const cache::SearchHit &h : cache::search(db, QString::fromLatin1(query), 40)) {
                QVERIFY2(!markup.match(h.snippet).hasMatch(),
                         qPrintable(QStringLiteral("%1: %2 %3: %4").arg(QLatin1String(query), h.kind, h.id, h.snippet)));
                for (const auto &[start, length] : h.matches)
                    QVERIFY(start >= 0 && length > 0 && start + length <= h.snippet.size());
                ++checked;
            }
        }
        QVERIFY(checked > 20);
        // The contract's Markdown limitations, found by a word in them, read as text.
        const QString mesh = m_dir.filePath(QStringLiteral("markdown"));
        testsupport::writeFile(mesh + QStringLiteral("/contracts/parcels.odcs.yaml"), kContract);
        const QString markdownCache = freshCache(QStringLiteral("markdown"));
        QVERIFY(SyncEngine(markdownCache).run({mesh}).fatalError.isEmpty());
        sql::Connection md = cache::openCache(markdownCache, /*readOnly=*/true);
        const auto billing = cache::search(md, QStringLiteral("billing runbook"));
        const cache::SearchHit *hit = find(billing, QStringLiteral("contract"), QStringLiteral("shipments.parcels"));
        QVERIFY2(hit, qPrintable(describe(billing)));
        QVERIFY2(hit->snippet.contains(QStringLiteral("Not for billing use; see the runbook")), qPrintable(hit->snippet));
        QCOMPARE(hit->matches.size(), 2);
    }

    // Where a hit comes from: the document that defines it, or how many do (a tag two documents share).
    void hitsSayWhichDocumentsTheyComeFrom()
    {
        const QString mesh = m_dir.filePath(QStringLiteral("origin"));
        testsupport::writeFile(mesh + QStringLiteral("/contracts/parcels.odcs.yaml"), QByteArray(kContract) + "tags: [lynxtag]\n");
        testsupport::writeFile(mesh + QStringLiteral("/products/shipments.odps.yaml"), QByteArray(kProduct) + "tags: [lynxtag]\n");
        const QString cachePath = freshCache(QStringLiteral("origin"));
        QVERIFY(SyncEngine(cachePath).run({mesh}).fatalError.isEmpty());
        sql::Connection db = cache::openCache(cachePath, /*readOnly=*/true);
        const auto tables = cache::search(db, QStringLiteral("axolotl"));
        const cache::SearchHit *table = find(tables, QStringLiteral("table"), QStringLiteral("shipments.parcels"));
        QVERIFY(table);
        QCOMPARE(table->documents, QStringList{QStringLiteral("contracts/parcels.odcs.yaml")});
        QCOMPARE(table->documentCount, 1);
        QCOMPARE(SearchModel::origin(*table), QStringLiteral("From contracts/parcels.odcs.yaml"));
        const auto tags = cache::search(db, QStringLiteral("lynxtag"));
        const cache::SearchHit *tag = find(tags, QStringLiteral("tag"), QStringLiteral("lynxtag"));
        QVERIFY2(tag, qPrintable(describe(tags)));
        QCOMPARE(tag->documentCount, 2);
        QCOMPARE(tag->documents, (QStringList{QStringLiteral("contracts/parcels.odcs.yaml"),
                                              QStringLiteral("products/shipments.odps.yaml")}));
        QVERIFY2(SearchModel::origin(*tag).startsWith(QStringLiteral("From 2 documents")), qPrintable(SearchModel::origin(*tag)));
    }

    // Descriptions come from hostile documents: Markdown reduced to text keeps link and emphasis texts and
    // snake_case names, and a long line of unclosed marks takes linear time.
    void plainTextOfMarkdown()
    {
        QCOMPARE(cache::plainText(QStringLiteral("## Limitations\n\nNot for **billing** use; see [the runbook](https://x.example).\n"
                                                 "- keeps `customer_id` and stg_crm__customers\n> quoted _text_\n\n---\n| a | b |\n|---|---|\n")),
                 QStringLiteral("Limitations: Not for billing use; see the runbook. keeps customer_id and stg_crm__customers "
                                "quoted text a b"));
        QCOMPARE(cache::plainText(QStringLiteral("bell\x07 and \x02marker\x03")), QStringLiteral("bell and marker"));
        QElapsedTimer timer;
        timer.start();
        for (const char *unit : {"[", "**a ", "_a ", "<a ", "![", "~~a ", "[a](", "# "}) {
            const QString line = QString::fromLatin1(unit).repeated(200000 / int(qstrlen(unit)));
            QVERIFY(!cache::plainText(line + QStringLiteral("\n") + line).isEmpty());
        }
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    // The window shows a snippet as StyledText: the document's text escaped, only the matches in bold.
    void snippetMarkupEscapesTextAndBoldsMatches()
    {
        cache::SearchHit hit;
        hit.snippet = QStringLiteral("<img src=x> customer_profiles & more");
        hit.matches = {{12, 8}, {21, 8}, {30, 99}}; // the last one runs past the end: shown unmarked
        QCOMPARE(SearchModel::snippetMarkup(hit),
                 QStringLiteral("&lt;img src=x&gt; <b>customer</b>_<b>profiles</b> &amp; more"));
    }

    // A table hit opens its contract at that object: the line diff is scrolled to the object's definition
    // in the version shown, and the object is named; a contract with one version names it.
    void aTableHitOpensTheContractAtItsObject()
    {
        const QString cachePath = freshCache(QStringLiteral("sample-open"));
        QVERIFY(SyncEngine(cachePath).run({testsupport::source(QStringLiteral("resources/sample-mesh"))}).fatalError.isEmpty());
        ContractDiffController controller;
        controller.reload(cachePath);
        QVERIFY(controller.waitForIdle());
        controller.open(QStringLiteral("orders.order_events"));
        controller.showObject(QStringLiteral("order_events"));
        QVERIFY(controller.waitForIdle());
        QCOMPARE(controller.newVersion(), QStringLiteral("2.0.0"));
        QCOMPARE(controller.focusObject(), QStringLiteral("order_events"));
        QVERIFY(controller.focusRow() >= 0);
        const LineDiffModel &lines = *controller.lines();
        const QModelIndex row = lines.index(controller.focusRow(), 0);
        QCOMPARE(lines.data(row, LineDiffModel::NewNumberRole).toInt(), 37); // "  - name: order_events"
        QVERIFY(lines.data(row, LineDiffModel::NewTextRole).toString().contains(QStringLiteral("name: order_events")));
        QVERIFY2(controller.focusNote().contains(QStringLiteral("order_events"))
                     && controller.focusNote().contains(QStringLiteral("37")),
                 qPrintable(controller.focusNote()));
        // The user picking a change lets the object go; opening another contract forgets it.
        controller.selectChange(1);
        QCOMPARE(controller.focusRow(), -1);
        controller.open(QStringLiteral("customer.customer_360"));
        QVERIFY(controller.waitForIdle());
        QCOMPARE(controller.focusObject(), QString());
        controller.showObject(QStringLiteral("customer_360"));
        QVERIFY(!controller.hasDiff());
        QCOMPARE(controller.focusRow(), -1);
        QVERIFY2(controller.focusNote().contains(QStringLiteral("customer_360")), qPrintable(controller.focusNote()));
    }

    // A cache written before the index changed (schema 3) is reindexed when opened: the same search
    // then finds what a fresh sync finds.
    void olderCacheIsReindexed()
    {
        const QString mesh = m_dir.filePath(QStringLiteral("old"));
        testsupport::writeFile(mesh + QStringLiteral("/contracts/parcels.odcs.yaml"), kContract);
        testsupport::writeFile(mesh + QStringLiteral("/products/shipments.odps.yaml"), kProduct);
        const QString cachePath = freshCache(QStringLiteral("old"));
        QVERIFY(SyncEngine(cachePath).run({mesh}).fatalError.isEmpty());
        {
            // Turn it back into the index of schema 3: the old columns, the old rows.
            sql::Connection db = cache::openCache(cachePath);
            db.exec("DELETE FROM search_rows");
            db.exec("DROP TABLE search_rows");
            db.exec("DROP TABLE search");
            db.exec("CREATE TABLE search_rows (rowid INTEGER PRIMARY KEY, document_id INTEGER NOT NULL "
                    "REFERENCES documents(id) ON DELETE CASCADE, kind TEXT NOT NULL, entity_id TEXT NOT NULL)");
            db.exec("CREATE VIRTUAL TABLE search USING fts5(entity_id, name, description, fields, owners, tags, "
                    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')");
            db.exec("INSERT INTO search_rows(rowid, document_id, kind, entity_id) SELECT 1, document_id, 'contract', id "
                    "FROM contracts");
            db.exec("INSERT INTO search(rowid, entity_id, name) SELECT 1, id, name FROM contracts");
            db.exec("PRAGMA user_version = 3");
        }
        sql::Connection db = cache::openCache(cachePath, /*readOnly=*/true);
        QCOMPARE(cache::schemaVersion(db), cache::kSchemaVersion);
        QVERIFY(find(cache::search(db, QStringLiteral("numbatdb")), QStringLiteral("contract"), QStringLiteral("shipments.parcels")));
        QVERIFY(find(cache::search(db, QStringLiteral("axolotl")), QStringLiteral("table"), QStringLiteral("shipments.parcels"),
                     QStringLiteral("parcels")));
        QVERIFY(find(cache::search(db, QStringLiteral("iguanatopic")), QStringLiteral("product"), QStringLiteral("shipments")));
        // Rows of the rebuilt index belong to their documents: removing the file removes its hits.
        QVERIFY(QFile::remove(mesh + QStringLiteral("/products/shipments.odps.yaml")));
        QVERIFY(SyncEngine(cachePath).run({mesh}).fatalError.isEmpty());
        sql::Connection after = cache::openCache(cachePath, /*readOnly=*/true);
        QVERIFY(cache::search(after, QStringLiteral("iguanatopic")).empty());
    }
};

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_search_index.moc"
