#include "cache/cachefile.h"
#include "cache/cachereader.h"
#include "cache/cachewriter.h"
#include "cache/catalogstore.h"
#include "appinfo/paths.h"
#include "cache/migrations.h"
#include "cache/search.h"
#include "review/sourcedrop.h"
#include "sync/parsepipeline.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace meshscope;

namespace {

QByteArray product(const QString &id, const QString &domain, const QString &contractId,
                   const QString &description = QStringLiteral("Orders placed in the web shop."))
{
    return QStringLiteral("apiVersion: v1.0.0\nkind: DataProduct\nid: %1\nname: %1 product\nstatus: active\n"
                          "domain: %2\ndescription:\n  purpose: %4\n"
                          "outputPorts:\n  - name: main\n    version: 1.0.0\n    contractId: %3\n")
        .arg(id, domain, contractId, description)
        .toUtf8();
}

QByteArray contract(const QString &id, const QString &version, const QString &column)
{
    return QStringLiteral("apiVersion: v3.1.0\nkind: DataContract\nid: %1\nversion: %2\nstatus: active\n"
                          "name: %1\ndomain: orders\nschema:\n  - name: orders\n    properties:\n"
                          "      - name: order_id\n        logicalType: string\n        required: true\n"
                          "      - name: %3\n        logicalType: number\n")
        .arg(id, version, column)
        .toUtf8();
}

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

qint64 count(const QString &cachePath, const char *sqlText)
{
    sql::Connection db = cache::openCache(cachePath);
    sql::Statement s = db.prepare(sqlText);
    return s.step() ? s.int64(0) : -1;
}

/// `count` small product files under `folder`, over the size from which a first sync bulk-loads.
void writeManyProducts(const QString &folder, int count)
{
    for (int i = 0; i < count; ++i)
        write(folder + QStringLiteral("/products/p%1.odps.yaml").arg(i), product(QStringLiteral("p%1").arg(i), "orders", "c"));
}

/// A generated mesh of `products` products (12 domains) in `folder`, made by the meshscope binary.
bool generateMesh(const QString &folder, int products)
{
    QProcess gen;
    gen.start(QStringLiteral(MESHSCOPE_BINARY), {"generate", "--out", folder, "--products", QString::number(products),
                                                 "--domains", "12", "--seed", "7"});
    return gen.waitForFinished(120000) && gen.exitStatus() == QProcess::NormalExit && gen.exitCode() == 0;
}

QString journalMode(const QString &cachePath)
{
    sql::Connection db = cache::openCache(cachePath, /*readOnly=*/true);
    sql::Statement s = db.prepare("PRAGMA journal_mode");
    return s.step() ? s.text(0) : QString();
}

/// name -> CREATE statement of every index of a cache, as migrations made them or a sync left them.
QMap<QString, QString> indexesOf(const QString &cachePath)
{
    sql::Connection db = cache::openCache(cachePath);
    sql::Statement s = db.prepare("SELECT name, IFNULL(sql, '') FROM sqlite_master WHERE type = 'index'");
    QMap<QString, QString> out;
    while (s.step())
        out.insert(s.text(0), s.text(1));
    return out;
}

/// The change feed rows written after row `after`, as "change kind id", in order.
QStringList feedAfter(const QString &cachePath, qint64 after)
{
    sql::Connection db = cache::openCache(cachePath, /*readOnly=*/true);
    sql::Statement s = db.prepare("SELECT change, kind, entity_id FROM change_feed WHERE id > ? ORDER BY id");
    s.bind(1, after);
    QStringList out;
    while (s.step())
        out << s.text(0) + u' ' + s.text(1) + u' ' + s.text(2);
    return out;
}

qint64 lastFeedRow(const QString &cachePath)
{
    return count(cachePath, "SELECT IFNULL(max(id), 0) FROM change_feed");
}

/// A copy of the bundled sample mesh at `folder`.
void copySample(const QString &folder)
{
    testsupport::copyTree(testsupport::source("resources/sample-mesh"), folder);
}

/// The app's engine: every cached source not listed goes (as when it was removed in Settings).
SyncReport appSync(const QString &cachePath, const QStringList &sources, const std::atomic_bool *cancel = nullptr,
                   const SyncEngine::ProgressCallback &progress = {})
{
    SyncEngine app(cachePath);
    app.setForgetSources([](const QString &) { return true; });
    return app.run(sources, progress, cancel);
}

} // namespace

class TestSync : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_source;
    QString m_cache;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_source = m_dir.filePath(QStringLiteral("mesh-%1").arg(QTest::currentTestFunction()));
        m_cache = m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(QTest::currentTestFunction()));
        write(m_source + "/products/orders.odps.yaml", product("orders", "orders", "orders.events"));
        write(m_source + "/products/customers.odps.yaml", product("customers", "customer", "customer.profile",
                                                                 "Customer master data."));
        write(m_source + "/contracts/orders.odcs.yaml", contract("orders.events", "1.0.0", "amount"));
        write(m_source + "/README.md", "not a mesh document");
    }

    void coldSyncImportsEverythingAndIgnoresOtherFiles()
    {
        const SyncReport r = SyncEngine(m_cache).run({m_source});
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
        QCOMPARE(r.filesSeen, 3);
        QCOMPARE(r.filesParsed, 3);
        QCOMPARE(r.counts.products, 2);
        QCOMPARE(r.counts.contracts, 1);
        QCOMPARE(r.counts.domains, 2);
        QCOMPARE(r.added, 2 + 1 + 2); // products, contract, domains
        QVERIFY(!r.hasDocumentErrors());
    }

    void unchangedResyncParsesNothing()
    {
        SyncEngine(m_cache).run({m_source});
        const SyncReport again = SyncEngine(m_cache).run({m_source});
        QCOMPARE(again.filesParsed, 0);
        QCOMPARE(again.filesUnchanged, 3);
        QCOMPARE(again.added + again.changed + again.removed, 0);
    }

    void touchedButIdenticalFileIsNotParsed()
    {
        SyncEngine(m_cache).run({m_source});
        QFile f(m_source + "/products/orders.odps.yaml");
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(60), QFileDevice::FileModificationTime));
        f.close();
        const SyncReport again = SyncEngine(m_cache).run({m_source});
        QCOMPARE(again.filesParsed, 0);
        QCOMPARE(again.filesUnchanged, 3);
    }

    void changedFileIsReadAgainAndFeedNamesTheFields()
    {
        SyncEngine(m_cache).run({m_source});
        write(m_source + "/contracts/orders.odcs.yaml", contract("orders.events", "1.0.0", "total"));
        const SyncReport r = SyncEngine(m_cache).run({m_source});
        QCOMPARE(r.filesParsed, 1);
        QCOMPARE(r.changed, 1);
        sql::Connection db = cache::openCache(m_cache);
        const auto changes = cache::CacheReader(db).changesSince({});
        QVERIFY(!changes.empty());
        QCOMPARE(changes.front().kind, QStringLiteral("contract"));
        QCOMPARE(changes.front().entityId, QStringLiteral("orders.events@1.0.0"));
        QCOMPARE(changes.front().change, QStringLiteral("changed"));
        QVERIFY(changes.front().fields.contains(QStringLiteral("schema")));
        QVERIFY(cache::search(db, "amount").empty() || cache::search(db, "amount").front().kind != u"contract");
        QCOMPARE(cache::search(db, "total").front().id, QStringLiteral("orders.events"));
    }

    void removedFileRemovesItsEntities()
    {
        SyncEngine(m_cache).run({m_source});
        QVERIFY(QFile::remove(m_source + "/products/customers.odps.yaml"));
        const SyncReport r = SyncEngine(m_cache).run({m_source});
        QCOMPARE(r.filesRemoved, 1);
        QCOMPARE(r.counts.products, 1);
        QCOMPARE(r.removed, 2); // the product and its only domain
        sql::Connection db = cache::openCache(m_cache);
        QVERIFY(cache::search(db, "customers").empty());
    }

    void duplicateIdsAcrossFilesAreReportedAndFirstWins()
    {
        write(m_source + "/products/zz-copy.odps.yaml", product("orders", "finance", "x"));
        const SyncReport r = SyncEngine(m_cache).run({m_source});
        QCOMPARE(r.counts.products, 2);
        QVERIFY(r.hasDocumentErrors());
        const auto dup = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                      [](const Diagnostic &d) { return d.message.contains("duplicate"); });
        QVERIFY(dup != r.diagnostics.end());
        QCOMPARE(dup->file, QStringLiteral("products/zz-copy.odps.yaml"));
        QVERIFY(dup->message.contains("products/orders.odps.yaml"));
        QCOMPARE(count(m_cache, "SELECT count(*) FROM products WHERE id='orders' AND domain_id='orders'"), 1);

        // Once the first definition goes away, the other one takes its place on the next sync.
        QVERIFY(QFile::remove(m_source + "/products/orders.odps.yaml"));
        SyncEngine(m_cache).run({m_source});
        QCOMPARE(count(m_cache, "SELECT count(*) FROM products WHERE id='orders' AND domain_id='finance'"), 1);
    }

    void unchangedResyncWithDuplicatesRecordsNoChange()
    {
        // A refused duplicate is read again on every sync (in case the first definition goes away); its
        // entities were recorded as "added" each time although nothing was added (issue 18, item 2).
        write(m_source + "/contracts/zz-copy.odcs.yaml", contract("orders.events", "1.0.0", "amount"));
        write(m_source + "/products/zz-copy.odps.yaml", product("orders", "finance", "x"));
        SyncEngine(m_cache).run({m_source});
        const qint64 feedBefore = count(m_cache, "SELECT count(*) FROM change_feed");
        for (int round = 0; round < 2; ++round) {
            const SyncReport again = SyncEngine(m_cache).run({m_source});
            QCOMPARE(again.filesParsed, 2); // the two refused copies, read again
            QCOMPARE(again.added + again.changed + again.removed, 0);
        }
        QCOMPARE(count(m_cache, "SELECT count(*) FROM change_feed"), feedBefore);
        QCOMPARE(count(m_cache, "SELECT count(*) FROM products WHERE id='orders' AND domain_id='orders'"), 1);

        // Editing the first definition keeps it the one that counts (first by path), reported as a change.
        write(m_source + "/products/orders.odps.yaml", product("orders", "orders", "orders.events", "Edited."));
        const SyncReport edited = SyncEngine(m_cache).run({m_source});
        QCOMPARE(edited.changed, 1);
        QCOMPARE(edited.added + edited.removed, 0);
        QCOMPARE(count(m_cache, "SELECT count(*) FROM products WHERE id='orders' AND domain_id='orders'"), 1);
    }

    void brokenEditKeepsTheLastGoodVersion()
    {
        SyncEngine(m_cache).run({m_source});
        write(m_source + "/products/orders.odps.yaml", "kind: DataProduct\nid: [unclosed\n");
        const SyncReport r = SyncEngine(m_cache).run({m_source});
        QVERIFY(r.hasDocumentErrors());
        QCOMPARE(r.diagnostics.front().file, QStringLiteral("products/orders.odps.yaml"));
        QVERIFY(r.diagnostics.front().line > 0);
        QCOMPARE(r.counts.products, 2); // still there
        // Fixed again: read again even though nothing else changed.
        write(m_source + "/products/orders.odps.yaml", product("orders", "orders", "orders.events", "Fixed."));
        const SyncReport fixed = SyncEngine(m_cache).run({m_source});
        QCOMPARE(fixed.filesParsed, 1);
        QVERIFY(!fixed.hasDocumentErrors());
    }

    void missingSourceKeepsItsCachedCopy()
    {
        SyncEngine(m_cache).run({m_source});
        const SyncReport r = SyncEngine(m_cache).run({m_source + "-gone"});
        QVERIFY(r.hasDocumentErrors());
        QVERIFY(r.diagnostics.front().message.contains("no such file"));
        QCOMPARE(r.counts.products, 2);
    }

    /// The app's sync: the configured sources are the whole cache. A copy of the same mesh in another
    /// folder (the sample mesh of another home folder) clashed with every id of the old copy.
    void unlistedSourcesAreForgottenWhenAsked()
    {
        const QString copy = m_dir.filePath(QStringLiteral("moved-mesh"));
        testsupport::copyTree(m_source, copy);
        SyncEngine(m_cache).run({m_source});

        // The CLI's way: the other source stays, and every id of the copy is a duplicate that names it.
        const SyncReport both = SyncEngine(m_cache).run({copy});
        QVERIFY(both.forgottenSources.isEmpty());
        QVERIFY(both.hasDocumentErrors());
        const QString message = both.diagnostics.front().message;
        QVERIFY2(message.contains(QStringLiteral("of the source ") + QFileInfo(m_source).absoluteFilePath()),
                 qPrintable(message));

        // The app's way: the old folder is no longer configured, so it goes, and the copy's ids are its own.
        SyncEngine app(m_cache);
        app.setForgetSources([](const QString &) { return true; });
        const SyncReport moved = app.run({copy, m_dir.filePath(QStringLiteral("not-mounted"))});
        QCOMPARE(moved.forgottenSources, QStringList{QFileInfo(m_source).absoluteFilePath()});
        QCOMPARE(moved.counts.products, 2);
        QCOMPARE(moved.counts.contracts, 1);
        // In the change feed: nothing. The old copy's two products and contract went and the new copy's,
        // the same in every field, came back in the same run (the domains stayed throughout: the new copy's
        // documents, kept with their duplicate errors, named them too).
        QCOMPARE(moved.removed, 0);
        QCOMPARE(moved.added, 0);
        QCOMPARE(moved.changed, 0);
        sql::Connection db = cache::openCache(m_cache);
        QCOMPARE(cache::CacheReader(db).sourceUris().size(), 1); // the unreadable listed source added nothing
        // Nothing left that names the old folder, and a re-sync of the copy finds nothing to fix.
        sql::Statement docs = db.prepare("SELECT COUNT(*) FROM documents d JOIN sources s ON s.id = d.source_id "
                                         "WHERE s.uri = ?");
        docs.bind(1, QFileInfo(m_source).absoluteFilePath());
        QVERIFY(docs.step());
        QCOMPARE(docs.int64(0), 0);
        SyncEngine again(m_cache);
        again.setForgetSources([](const QString &) { return true; });
        const SyncReport clean = again.run({copy});
        QVERIFY(!clean.hasDocumentErrors());
        QVERIFY(clean.forgottenSources.isEmpty());
    }

    /// Settings switched from a mesh folder to an unchanged copy of it (the sample to a copy of the sample):
    /// every entity leaves with the old source and comes back with the new one in the same run, so nothing
    /// changed and the feed says nothing (it said "404 changes", each entity both removed and added).
    void replacingASourceByAnUnchangedCopyRecordsNoChange()
    {
        const QString sample = m_dir.filePath(QStringLiteral("switch-from/mesh"));
        const QString copy = m_dir.filePath(QStringLiteral("switch-to/mesh"));
        copySample(sample);
        copySample(copy);
        const SyncReport first = SyncEngine(m_cache).run({sample});
        QVERIFY(first.counts.products >= 34);
        const qint64 before = lastFeedRow(m_cache);

        const SyncReport r = appSync(m_cache, {copy});
        QCOMPARE(r.forgottenSources, QStringList{QFileInfo(sample).absoluteFilePath()});
        QVERIFY(!r.hasDocumentErrors());
        QCOMPARE(feedAfter(m_cache, before), QStringList());
        QCOMPARE(r.added, 0);
        QCOMPARE(r.removed, 0);
        QCOMPARE(r.changed, 0);
        QCOMPARE(r.counts.products, first.counts.products);
        QCOMPARE(r.counts.contracts, first.counts.contracts);
    }

    /// The same switch to a copy with one product edited: that one edit is the whole feed, as "changed"
    /// with the field, instead of being buried among every entity removed and added.
    void replacingASourceByAnEditedCopyRecordsOnlyTheEdit()
    {
        const QString sample = m_dir.filePath(QStringLiteral("edit-from/mesh"));
        const QString copy = m_dir.filePath(QStringLiteral("edit-to/mesh"));
        copySample(sample);
        copySample(copy);
        const QString edited = copy + QStringLiteral("/products/orders/cart-sessions.odps.yaml");
        QByteArray text = testsupport::readAll(edited);
        QVERIFY(text.contains("purpose: Shopping cart sessions"));
        text.replace("purpose: Shopping cart sessions", "purpose: Shopping basket sessions");
        write(edited, text);
        SyncEngine(m_cache).run({sample});
        const qint64 before = lastFeedRow(m_cache);

        const SyncReport r = appSync(m_cache, {copy});
        QCOMPARE(feedAfter(m_cache, before), QStringList{QStringLiteral("changed product cart-sessions")});
        QCOMPARE(r.changed, 1);
        QCOMPARE(r.added, 0);
        QCOMPARE(r.removed, 0);
        sql::Connection db = cache::openCache(m_cache, true);
        const std::vector<cache::Change> changes = cache::CacheReader(db).changesSince({}, 1);
        QCOMPARE(changes.front().fields, QStringList{QStringLiteral("description")});
        QCOMPARE(changes.front().domainId, QStringLiteral("orders"));
    }

    /// What the new source no longer has is really gone, and so "removed"; with no new source at all,
    /// everything only the old one held is.
    void aRemovedSourceRecordsWhatIsReallyGone()
    {
        const QString sample = m_dir.filePath(QStringLiteral("gone-from/mesh"));
        const QString copy = m_dir.filePath(QStringLiteral("gone-to/mesh"));
        const QString other = m_dir.filePath(QStringLiteral("gone-other"));
        copySample(sample);
        copySample(copy);
        QVERIFY(QFile::remove(copy + QStringLiteral("/products/orders/cart-sessions.odps.yaml")));
        writeManyProducts(other, 2); // products p0, p1 in the domain orders
        SyncEngine(m_cache).run({sample, other});
        qint64 before = lastFeedRow(m_cache);

        // Replaced by a copy without one product: that product, alone.
        SyncReport r = appSync(m_cache, {copy, other});
        QCOMPARE(feedAfter(m_cache, before), QStringList{QStringLiteral("removed product cart-sessions")});
        QCOMPARE(r.removed, 1);
        QCOMPARE(r.added + r.changed, 0);

        // Removed with no replacement: everything only it held, and nothing that another source keeps.
        const CacheCounts held = r.counts;
        before = lastFeedRow(m_cache);
        r = appSync(m_cache, {other});
        QCOMPARE(r.forgottenSources, QStringList{QFileInfo(copy).absoluteFilePath()});
        const QStringList feed = feedAfter(m_cache, before);
        QCOMPARE(feed.size(), r.removed);
        QCOMPARE(feed.filter(QRegularExpression(QStringLiteral("^removed "))).size(), feed.size());
        QCOMPARE(feed.filter(QStringLiteral("removed product ")).size(), int(held.products - 2));
        QCOMPARE(feed.filter(QStringLiteral("removed contract ")).size(), int(held.contracts));
        QVERIFY(feed.contains(QStringLiteral("removed domain payments")));
        QVERIFY(!feed.contains(QStringLiteral("removed domain orders"))); // the other source names it too
        QCOMPARE(r.counts.products, 2);
    }

    /// A run cancelled after it dropped the old source and before the new one was written: the old
    /// source's removal is committed with its feed rows, so the feed matches the cache; the next run
    /// adds the copy back.
    void aRunCancelledAfterTheForgetKeepsTheFeedTrue()
    {
        const QString sample = m_dir.filePath(QStringLiteral("cancel-from/mesh"));
        const QString copy = m_dir.filePath(QStringLiteral("cancel-to/mesh"));
        copySample(sample);
        copySample(copy);
        const SyncReport first = SyncEngine(m_cache).run({sample});
        const qint64 before = lastFeedRow(m_cache);
        std::atomic_bool cancel{false};
        // Progress comes only from documents read: the forget reads none, the copy's first batch cancels.
        const SyncReport r = appSync(m_cache, {copy}, &cancel, [&](const SyncProgress &p) { cancel = cancel || p.done > 0; });
        QVERIFY(r.cancelled);
        QCOMPARE(r.forgottenSources, QStringList{QFileInfo(sample).absoluteFilePath()});
        QCOMPARE(r.counts.products, 0);
        const QStringList feed = feedAfter(m_cache, before);
        QCOMPARE(feed.filter(QStringLiteral("removed product ")).size(), int(first.counts.products));
        QCOMPARE(feed.filter(QRegularExpression(QStringLiteral("^removed "))).size(), feed.size());

        const SyncReport again = appSync(m_cache, {copy});
        QVERIFY(!again.cancelled);
        QCOMPARE(again.counts.products, first.counts.products);
        QCOMPARE(feedAfter(m_cache, before).filter(QStringLiteral("added product ")).size(), int(first.counts.products));
    }

    /// Before sources are removed, the app says what goes: what only they hold (a domain another source
    /// names stays), the proposals among it, and the reviews in their folders.
    void heldOnlyByCountsWhatRemovingSourcesDrops()
    {
        const QString sample = m_dir.filePath(QStringLiteral("held-sample/mesh"));
        const QString other = m_dir.filePath(QStringLiteral("held-other"));
        copySample(sample);
        writeManyProducts(other, 3); // products p0..p2 in the domain orders, which the sample has too
        const SyncReport alone = SyncEngine(m_dir.filePath(QStringLiteral("held-alone.sqlite"))).run({sample});
        const SyncReport both = SyncEngine(m_cache).run({sample, other});
        QVERIFY(!both.hasDocumentErrors());
        const QString sampleUri = QFileInfo(sample).absoluteFilePath();
        const QString otherUri = QFileInfo(other).absoluteFilePath();

        sql::Connection db = cache::openCache(m_cache, true);
        const cache::SourceHoldings sampleOnly = cache::CacheReader(db).heldOnlyBy({sampleUri});
        QCOMPARE(sampleOnly.products, alone.counts.products);
        QCOMPARE(sampleOnly.contracts, alone.counts.contracts);
        QCOMPARE(sampleOnly.domains, alone.counts.domains - 1); // orders stays with the other source
        // The sample's proposal under review and its draft, by id.
        QCOMPARE(sampleOnly.proposals.size(), size_t(2));
        QCOMPARE(sampleOnly.proposals[0].id, QStringLiteral("loyalty.points_ledger"));
        QCOMPARE(sampleOnly.proposals[0].status, QStringLiteral("draft"));
        const cache::HeldContract &proposal = sampleOnly.proposals[1];
        QCOMPARE(proposal.id, QStringLiteral("orders.order_events"));
        QCOMPARE(proposal.version, QStringLiteral("2.0.0"));
        QCOMPARE(proposal.status, QStringLiteral("proposed"));
        QCOMPARE(proposal.path, QStringLiteral("contracts/orders/orders.order_events.v2.proposed.odcs.yaml"));
        QCOMPARE(proposal.source, sampleUri);

        const cache::SourceHoldings otherOnly = cache::CacheReader(db).heldOnlyBy({otherUri});
        QCOMPARE(otherOnly.products, 3);
        QCOMPARE(otherOnly.contracts, 0);
        QCOMPARE(otherOnly.domains, 0);
        const cache::SourceHoldings all = cache::CacheReader(db).heldOnlyBy({sampleUri, otherUri});
        QCOMPARE(all.products, alone.counts.products + 3);
        QCOMPARE(all.domains, alone.counts.domains);
        // A uri is a value, never SQL.
        const cache::SourceHoldings hostile = cache::CacheReader(db).heldOnlyBy({QStringLiteral("x') OR 1=1 --"), "\"\"]"});
        QCOMPARE(hostile.products + hostile.contracts + hostile.domains, 0);

        // The review of the proposal lives in the folder and stays there: it is named, open.
        const review::SourceDrop drop = review::previewSourceDrop(db, {sampleUri, QStringLiteral("entropy+https://catalog.example")});
        QCOMPARE(drop.folders, QStringList{sampleUri});
        QCOMPARE(drop.reviews.size(), size_t(1));
        QCOMPARE(drop.reviews.front().contractId, QStringLiteral("orders.order_events"));
        QCOMPARE(drop.reviews.front().version, QStringLiteral("2.0.0"));
        QVERIFY(drop.reviews.front().open);
        QCOMPARE(drop.openReviews(), 1);
        QVERIFY(QFileInfo(drop.reviews.front().folder).isDir());
    }

    /// A catalog source removed from Settings forgets its event cursor too: re-added, it is read whole, not
    /// incrementally from where the dropped copy left off (which would leave out everything before).
    void aForgottenCatalogSourceForgetsItsCursor()
    {
        const QString catalog = QStringLiteral("entropy+https://catalog.example");
        SyncEngine(m_cache).run({m_source});
        {
            sql::Connection db = cache::openCache(m_cache);
            cache::CacheWriter(db).ensureSource(catalog);
            cache::setCatalogCursor(db, catalog, QStringLiteral("event-42"));
            QCOMPARE(cache::catalogCursor(db, catalog), QStringLiteral("event-42"));
        }
        SyncEngine app(m_cache);
        app.setForgetSources([](const QString &) { return true; });
        const SyncReport r = app.run({m_source});
        QCOMPARE(r.forgottenSources, QStringList{catalog});
        sql::Connection db = cache::openCache(m_cache);
        QCOMPARE(cache::catalogCursor(db, catalog), QString());
        QCOMPARE(r.counts.products, 2);
    }

    /// Only the sources the filter names go: the app names the ones removed in Settings and other copies of
    /// the sample, and a mesh synced with the CLI into the same cache stays.
    void onlyTheSourcesNamedAreForgotten()
    {
        const QString cliMesh = m_dir.filePath(QStringLiteral("cli-mesh"));
        writeManyProducts(cliMesh, 3);
        SyncEngine(m_cache).run({m_source});
        SyncEngine(m_cache).run({cliMesh});
        const QString sampleCopy = m_dir.filePath(QStringLiteral("old-home/meshscope/sample-mesh"));
        write(sampleCopy + "/products/sample.odps.yaml", product("sample-product", "samples", "s"));
        SyncEngine(m_cache).run({sampleCopy});
        SyncEngine app(m_cache);
        app.setForgetSources([](const QString &uri) { return meshscope::paths::isSampleMeshFolder(uri); });
        const SyncReport r = app.run({m_source});
        QCOMPARE(r.forgottenSources, QStringList{QFileInfo(sampleCopy).absoluteFilePath()});
        QCOMPARE(r.counts.products, 2 + 3); // the listed mesh and the CLI's
    }

    /// A listed source that cannot be read (an unmounted drive) keeps its cached copy even when others go.
    void unreadableListedSourceIsNotForgotten()
    {
        SyncEngine(m_cache).run({m_source});
        const QString moved = m_source + "-unmounted";
        QVERIFY(QDir().rename(m_source, moved));
        SyncEngine app(m_cache);
        app.setForgetSources([](const QString &) { return true; });
        const SyncReport r = app.run({m_source});
        QVERIFY(r.forgottenSources.isEmpty());
        QCOMPARE(r.counts.products, 2);
        QVERIFY(QDir().rename(moved, m_source));
    }

    void cancelledSyncLeavesTheCacheAsItWas()
    {
        SyncEngine(m_cache).run({m_source});
        write(m_source + "/products/new.odps.yaml", product("new", "orders", "y"));
        QVERIFY(QFile::remove(m_source + "/contracts/orders.odcs.yaml"));
        std::atomic_bool cancel{false};
        const SyncReport r = SyncEngine(m_cache).run({m_source}, [&](const SyncProgress &) { cancel = true; }, &cancel);
        QVERIFY(r.cancelled);
        QCOMPARE(r.counts.products, 2);
        QCOMPARE(r.counts.contracts, 1);
    }

    void cancelWhileWritingTheLastBatchLeavesTheCacheAsItWas()
    {
        // By the last batch every document is parsed, so only the writer can still notice the cancel.
        SyncEngine(m_cache).run({m_source});
        const QString big = m_dir.filePath("big-mesh-late-cancel");
        writeManyProducts(big, 600);
        std::atomic_bool cancel{false};
        const SyncReport r = SyncEngine(m_cache).run(
            {m_source, big}, [&](const SyncProgress &p) { cancel = cancel || p.done > 550; }, &cancel);
        QVERIFY(r.cancelled);
        QCOMPARE(r.counts.products, 2);
        QCOMPARE(r.counts.contracts, 1);
    }

    void firstLargeSyncRebuildsEveryIndexItDropped()
    {
        // 600 documents: over the size from which a first sync writes without its secondary indexes.
        const QString big = m_dir.filePath("big-mesh");
        for (int i = 0; i < 300; ++i) {
            write(big + QStringLiteral("/products/p%1.odps.yaml").arg(i), product(QStringLiteral("p%1").arg(i), "orders", "c"));
            write(big + QStringLiteral("/contracts/c%1.odcs.yaml").arg(i),
                  contract(QStringLiteral("c%1").arg(i), "1.0.0", "amount"));
        }
        const QMap<QString, QString> fresh = indexesOf(m_dir.filePath("fresh.sqlite"));
        QVERIFY(fresh.contains("products_domain") && fresh.contains("search_rows_entity"));

        // A cancelled first sync rolls the dropped indexes back with everything else.
        std::atomic_bool cancel{false};
        int progressCalls = 0;
        const SyncReport cancelled = SyncEngine(m_cache).run(
            {big}, [&](const SyncProgress &) { cancel = ++progressCalls > 3; }, &cancel);
        QVERIFY(cancelled.cancelled);
        QCOMPARE(cancelled.counts.products, 0);
        QCOMPARE(indexesOf(m_cache), fresh);

        const SyncReport r = SyncEngine(m_cache).run({big});
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
        QCOMPARE(r.counts.products, 300);
        QCOMPARE(r.counts.contracts, 300);
        QCOMPARE(indexesOf(m_cache), fresh);
        sql::Connection db = cache::openCache(m_cache);
        sql::Statement check = db.prepare("PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(check.text(0), QStringLiteral("ok"));
        // The rebuilt indexes serve queries: a product found by domain, rows by document.
        sql::Statement byDomain = db.prepare("SELECT COUNT(*) FROM products INDEXED BY products_domain WHERE domain_id = 'orders'");
        QVERIFY(byDomain.step());
        QCOMPARE(byDomain.int64(0), 300);
    }

    void firstLargeSyncWritesThroughARollbackJournalThenReturnsToWal()
    {
        const QString big = m_dir.filePath("big-mesh-journal");
        writeManyProducts(big, 600);
        bool sawRollbackJournal = false;
        bool sawWal = false;
        const SyncReport r = SyncEngine(m_cache).run({big}, [&](const SyncProgress &p) {
            if (p.done > 300) { // well into the transaction
                sawRollbackJournal |= QFile::exists(m_cache + "-journal");
                sawWal |= QFileInfo(m_cache + "-wal").size() > 0;
            }
        });
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
        QCOMPARE(r.counts.products, 600);
        QVERIFY(sawRollbackJournal);
        QVERIFY(!sawWal);
        QCOMPARE(journalMode(m_cache), QStringLiteral("wal"));

        // A second sync of a cache that holds something goes through the WAL as always.
        write(big + "/products/p0.odps.yaml", product("p0", "orders", "c", "Changed."));
        sawRollbackJournal = false;
        const SyncReport again = SyncEngine(m_cache).run({big}, [&](const SyncProgress &) {
            sawRollbackJournal |= QFile::exists(m_cache + "-journal");
        });
        QCOMPARE(again.filesParsed, 1);
        QVERIFY(!sawRollbackJournal);
        QCOMPARE(journalMode(m_cache), QStringLiteral("wal"));
    }

    void firstLargeSyncBesideAnotherConnectionStaysInWal()
    {
        const QString big = m_dir.filePath("big-mesh-reader");
        writeManyProducts(big, 600);
        sql::Connection reader = cache::openCache(m_cache); // as the app's search keeps one open
        bool sawRollbackJournal = false;
        QElapsedTimer timer;
        timer.start();
        const SyncReport r = SyncEngine(m_cache).run({big}, [&](const SyncProgress &) {
            sawRollbackJournal |= QFile::exists(m_cache + "-journal");
        });
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
        QCOMPARE(r.counts.products, 600);
        QVERIFY(!sawRollbackJournal);
        // It asked once and went on, instead of waiting out the busy timeout for the reader.
        QVERIFY2(timer.elapsed() < sql::Connection::kBusyTimeoutMs, qPrintable(QString::number(timer.elapsed())));
        sql::Statement products = reader.prepare("SELECT COUNT(*) FROM products");
        QVERIFY(products.step());
        QCOMPARE(products.int64(0), 600);
    }

    void largeDocumentsAreWrittenAmongTheSmallOnesInAFixedOrder()
    {
        std::vector<SourceFile> files;
        for (int i = 0; i < 12; ++i)
            files.push_back({QStringLiteral("f%1").arg(i, 2, 10, QLatin1Char('0')), {}, (i == 3 || i == 9) ? 100 : 1, 0});
        std::vector<const SourceFile *> pointers;
        for (const SourceFile &f : files)
            pointers.push_back(&f);
        const ParsePipeline::Plan plan = ParsePipeline::plan(pointers, /*largeBytes=*/10, /*batchSize=*/2);
        QStringList order;
        for (const ParsePipeline::Unit &unit : plan) {
            QStringList names;
            for (const SourceFile *f : unit.files)
                names << f->relativePath;
            order << (unit.large ? "L:" : "S:") + names.join(',');
        }
        // Five small batches in walk order; the two large documents after the first third and second third.
        QCOMPARE(order, QStringList({"S:f00,f01", "L:f03", "S:f02,f04", "S:f05,f06", "L:f09", "S:f07,f08",
                                     "S:f10,f11"}));
    }

    void newerCacheFileIsRefused()
    {
        {
            sql::Connection db = cache::openCache(m_cache);
            db.exec("PRAGMA user_version = 99");
        }
        const SyncReport r = SyncEngine(m_cache).run({m_source});
        QVERIFY(r.fatalError.contains("newer Meshscope"));
        QVERIFY(r.fatalError.contains(m_cache));
    }

    void searchRanksExactIdsAndNamesFirst()
    {
        write(m_source + "/products/mentions.odps.yaml",
              product("refunds", "payments", "z", "Refunds reference orders and customers."));
        SyncEngine(m_cache).run({m_source});
        sql::Connection db = cache::openCache(m_cache);
        const auto hits = cache::search(db, "customers");
        QVERIFY(hits.size() >= 2);
        QCOMPARE(hits.front().id, QStringLiteral("customers")); // the name match, not the description match
        const auto prefix = cache::search(db, "refu");
        QVERIFY(!prefix.empty());
        QCOMPARE(prefix.front().id, QStringLiteral("refunds"));
        const auto exact = cache::search(db, "orders.events");
        QVERIFY(!exact.empty());
        QCOMPARE(exact.front().id, QStringLiteral("orders.events"));
        QVERIFY(cache::search(db, "  ;; ").empty());
    }

    void killedFirstSyncLeavesAnEmptyCache()
    {
        // The bulk-load path (rollback journal, dropped indexes) killed mid-write: the next open rolls the
        // hot journal back and finds the empty cache it started from, in WAL again.
        QTemporaryDir big;
        QVERIFY(generateMesh(big.path(), 1500));
        QCOMPARE(indexesOf(m_cache).isEmpty(), false); // an empty cache, migrated
        const QMap<QString, QString> fresh = indexesOf(m_cache);

        QProcess sync;
        sync.start(QStringLiteral(MESHSCOPE_BINARY), {"sync", "--cache", m_cache, "--source", big.path()});
        QVERIFY(sync.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_cache + "-journal") || sync.state() == QProcess::NotRunning, 30000);
        QTest::qWait(300);
        sync.kill();
        sync.waitForFinished();
        const qint64 after = count(m_cache, "SELECT count(*) FROM products");
        QVERIFY2(after == 0 || after == 1500, qPrintable(QString::number(after)));
        if (after == 0)
            QCOMPARE(indexesOf(m_cache), fresh);
        QCOMPARE(journalMode(m_cache), QStringLiteral("wal"));
        sql::Connection db = cache::openCache(m_cache);
        sql::Statement check = db.prepare("PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(check.text(0), QStringLiteral("ok"));
    }

    void killedSyncLeavesALastGoodCache()
    {
        // A real process killed mid-sync: the cache must open and hold either the old or the new state.
        QTemporaryDir big;
        QVERIFY(generateMesh(big.path(), 1500));
        SyncEngine(m_cache).run({m_source});
        const qint64 before = count(m_cache, "SELECT count(*) FROM products");

        QProcess sync;
        sync.start(QStringLiteral(MESHSCOPE_BINARY), {"sync", "--cache", m_cache, "--source", big.path()});
        QVERIFY(sync.waitForStarted());
        QTest::qWait(400);
        sync.kill();
        sync.waitForFinished();
        const qint64 after = count(m_cache, "SELECT count(*) FROM products");
        QVERIFY2(after == before || after == before + 1500, qPrintable(QString::number(after)));
        sql::Connection db = cache::openCache(m_cache);
        sql::Statement check = db.prepare("PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(check.text(0), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
