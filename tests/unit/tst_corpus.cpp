#include "cache/cachefile.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include "importers/importer.h"
#include "sync/sourcewalker.h"

#include <QTemporaryDir>
#include <QTest>

using namespace meshscope;

/// Everything in ../shared/corpus, written by the people who define these formats, syncs without an
/// error; files that are not mesh documents (JSON Schemas, dbt's catalog.json, DataHub's MCE files)
/// are skipped with an info note, not an error.
class TestCorpus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyCorpusFileImportsWithoutErrorOnItsOwn()
    {
        std::vector<SourceFile> files;
        QString error;
        QVERIFY2(walkSource(testsupport::corpus("."), files, &error), qPrintable(error));
        QVERIFY(files.size() >= 20);
        QString errors;
        int recognised = 0;
        for (const SourceFile &f : files) {
            const ImportResult r = importDocument(f.relativePath, testsupport::readAll(f.absolutePath));
            recognised += r.format.isEmpty() ? 0 : 1;
            for (const Diagnostic &d : r.diagnostics) {
                if (d.severity == Diagnostic::Severity::Error)
                    errors += d.toString() + "\n";
            }
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors));
        QVERIFY(recognised >= 17);
    }

    void theWholeCorpusSyncsAndNamesItsDuplicateIds()
    {
        // Three ODCS examples reuse one contract id and version, a real conflict once they share a
        // folder: the sync keeps the first and says which file holds it. Nothing else is an error.
        QTemporaryDir dir;
        const SyncReport r = SyncEngine(dir.filePath("cache.sqlite")).run({testsupport::corpus(".")});
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
        QString errors;
        int duplicates = 0;
        for (const Diagnostic &d : r.diagnostics) {
            if (d.severity != Diagnostic::Severity::Error)
                continue;
            if (d.message.startsWith("duplicate data contract id '53581432-6c55-4ba2-a65f-72344a91553a@1.0.0'")
                && d.message.contains("column-validity.odcs.yaml"))
                ++duplicates;
            else
                errors += d.toString() + "\n";
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors));
        QCOMPARE(duplicates, 2);
        QVERIFY(r.filesSeen >= 20);
        QCOMPARE(r.counts.contracts, 9); // 4 distinct ODCS examples, 2 DCS, the changelog pair, DataHub
        QVERIFY(r.counts.products >= 4);
        QVERIFY(r.counts.datasets >= 30);   // dbt + Marquez
        QVERIFY(r.counts.lineageEdges >= 20);
        QVERIFY(r.counts.columnEdges >= 5); // Marquez's columnLineage facets
    }

    void theSampleMeshSyncsWithoutAnyDiagnostic()
    {
        QTemporaryDir dir;
        const SyncReport r = SyncEngine(dir.filePath("cache.sqlite")).run({testsupport::source("resources/sample-mesh")});
        QString problems;
        for (const Diagnostic &d : r.diagnostics)
            problems += d.toString() + "\n";
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QCOMPARE(r.counts.products, 34);
        QCOMPARE(r.counts.contracts, 36);
        QVERIFY(r.counts.qualityResults > 0);

        sql::Connection db = cache::openCache(dir.filePath("cache.sqlite"));
        // dbt and OpenLineage name the same warehouse tables: their edges meet, each remembering both sources.
        sql::Statement shared = db.prepare(
            "SELECT count(*) FROM (SELECT from_id, to_id FROM lineage_edges GROUP BY from_id, to_id "
            "HAVING count(DISTINCT document_id) > 1)");
        QVERIFY(shared.step());
        QVERIFY(shared.int64(0) > 0);
        // The original text is kept byte for byte, so a contract can be written back unchanged.
        const QString path = "contracts/orders/orders.order_events.odcs.yaml";
        sql::Statement text = db.prepare("SELECT content FROM documents WHERE path = ?");
        text.bind(1, path);
        QVERIFY(text.step());
        QCOMPARE(text.blob(0), testsupport::readAll(testsupport::source("resources/sample-mesh/" + path)));
    }
};

QTEST_GUILESS_MAIN(TestCorpus)
#include "tst_corpus.moc"
