#include "cache/cachefile.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace meshscope;

namespace {

const Diagnostic *diagnosticFor(const SyncReport &r, const QString &file)
{
    for (const Diagnostic &d : r.diagnostics) {
        if (d.file == file && d.severity == Diagnostic::Severity::Error)
            return &d;
    }
    return nullptr;
}

QByteArray goodProduct(const QString &id)
{
    return QStringLiteral("apiVersion: v1.0.0\nkind: DataProduct\nid: %1\nname: %1\nstatus: active\ndomain: orders\n")
        .arg(id)
        .toUtf8();
}

} // namespace

/// Bad input never crashes a sync and never costs the good documents beside it.
class TestBadInput : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void everyKindOfBadInputGetsADiagnosticAndTheRestImports()
    {
        const QString src = m_dir.filePath("mesh");
        testsupport::writeFile(src + "/good-1.odps.yaml", goodProduct("good-1"));
        testsupport::writeFile(src + "/good-2.odps.yaml", goodProduct("good-2"));
        testsupport::writeFile(src + "/malformed.yaml", "kind: DataProduct\nid: [unclosed\n");
        testsupport::writeFile(src + "/malformed.json", "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v12.json\"}, \"nodes\": {");
        testsupport::writeFile(src + "/wrong-types.odps.yaml", "apiVersion: v1.0.0\nkind: DataProduct\nid: [1, 2]\noutputPorts: 7\n");
        testsupport::writeFile(src + "/missing-keys.odcs.yaml", "apiVersion: v3.1.0\nkind: DataContract\nschema: []\n");
        QByteArray invalidUtf8 = "apiVersion: v1.0.0\nkind: DataProduct\nid: caf";
        invalidUtf8.append(char(0xC3)).append(char(0x28)).append("\n");
        testsupport::writeFile(src + "/invalid-utf8.odps.yaml", invalidUtf8);
        testsupport::writeFile(src + "/alias-bomb.yaml",
              "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
              "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
              "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
              "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
              "apiVersion: governance.example/v1\nkind: GovernancePolicy\nmetadata: {name: bomb}\nspec: {x: *h}\n");
        testsupport::writeFile(src + "/deep.yaml", QByteArray(10000, '[') + QByteArray(10000, ']'));
        // Shaped like an OpenLineage event so the JSON importer really parses the nesting.
        testsupport::writeFile(src + "/deep.json", "{\"eventType\": \"COMPLETE\", \"run\": {\"runId\": \"r\"}, \"job\": "
                                      + QByteArray(10000, '[') + QByteArray(10000, ']') + "}");
        testsupport::writeFile(src + "/lone-comma.yaml", ",\n");
        testsupport::writeFile(src + "/cycle.ndjson",
              "{\"eventType\":\"COMPLETE\",\"eventTime\":\"2026-11-20T10:00:00Z\",\"run\":{\"runId\":\"1\"},"
              "\"job\":{\"namespace\":\"n\",\"name\":\"j1\"},\"inputs\":[{\"namespace\":\"n\",\"name\":\"a\"}],"
              "\"outputs\":[{\"namespace\":\"n\",\"name\":\"b\"}]}\n"
              "{\"eventType\":\"COMPLETE\",\"eventTime\":\"2026-11-20T10:05:00Z\",\"run\":{\"runId\":\"2\"},"
              "\"job\":{\"namespace\":\"n\",\"name\":\"j2\"},\"inputs\":[{\"namespace\":\"n\",\"name\":\"b\"}],"
              "\"outputs\":[{\"namespace\":\"n\",\"name\":\"a\"}]}\n");
        testsupport::writeFile(src + "/dup-a.odps.yaml", goodProduct("same-id"));
        testsupport::writeFile(src + "/dup-b.odps.yaml", goodProduct("same-id"));
        {
            // 200 MB, sparse: refused by its size before anything is read.
            QFile huge(src + "/huge.json");
            QVERIFY(huge.open(QIODevice::WriteOnly));
            QVERIFY(huge.resize(200LL * 1024 * 1024));
        }

        QElapsedTimer timer;
        timer.start();
        const SyncReport r = SyncEngine(m_dir.filePath("cache.sqlite")).run({src});
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
        QVERIFY2(timer.elapsed() < 60000, "bad input must not stall a sync"); // a guard against hangs, not a benchmark

        QCOMPARE(r.counts.products, 3); // good-1, good-2 and the first same-id
        QCOMPARE(r.counts.lineageEdges, 2); // the cycle is stored as it is
        for (const char *bad : {"malformed.yaml", "malformed.json", "invalid-utf8.odps.yaml", "deep.json",
                                "lone-comma.yaml", "dup-b.odps.yaml", "huge.json", "missing-keys.odcs.yaml",
                                "wrong-types.odps.yaml", "deep.yaml"}) {
            const Diagnostic *d = diagnosticFor(r, QLatin1String(bad));
            QVERIFY2(d, bad);
            QVERIFY2(!d->message.isEmpty(), bad);
        }
        QVERIFY(diagnosticFor(r, "malformed.yaml")->line >= 2); // yaml-cpp reports an unclosed flow at its end
        QVERIFY(diagnosticFor(r, "invalid-utf8.odps.yaml")->line == 3);
        QVERIFY(diagnosticFor(r, "huge.json")->message.contains("limit"));
        QVERIFY(diagnosticFor(r, "dup-b.odps.yaml")->message.contains("dup-a.odps.yaml"));
        QVERIFY(!diagnosticFor(r, "good-1.odps.yaml"));
    }

    void aDocumentThatTurnsBadKeepsItsCachedEntities()
    {
        const QString src = m_dir.filePath("turns-bad");
        const QString cache = m_dir.filePath("turns-bad.sqlite");
        testsupport::writeFile(src + "/p.odps.yaml", goodProduct("keeper"));
        QCOMPARE(SyncEngine(cache).run({src}).counts.products, 1);
        testsupport::writeFile(src + "/p.odps.yaml", QByteArray(",\n"));
        const SyncReport r = SyncEngine(cache).run({src});
        QCOMPARE(r.counts.products, 1);
        QVERIFY(diagnosticFor(r, "p.odps.yaml"));
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
