// "New contract from template" on the synced sample mesh: every output port gives a draft that
// validates, carries the product's id, domain and team, and takes its schema from the port's dataset
// when lineage told the cache about it.
#include "cache/cachefile.h"
#include "editor/contractdocument.h"
#include "editor/contracttemplate.h"
#include "importers/importer.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace meshscope;
using namespace meshscope::editor;

class TestContractTemplate : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cache;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cache = m_dir.filePath(QStringLiteral("cache.sqlite"));
        SyncEngine(m_cache).run({testsupport::source(QStringLiteral("resources/sample-mesh"))});
    }

    void logicalTypes()
    {
        QCOMPARE(logicalTypeFor("bigint"), QStringLiteral("integer"));
        QCOMPARE(logicalTypeFor("NUMERIC(12,2)"), QStringLiteral("number"));
        QCOMPARE(logicalTypeFor("timestamptz"), QStringLiteral("timestamp"));
        QCOMPARE(logicalTypeFor("date"), QStringLiteral("date"));
        QCOMPARE(logicalTypeFor("boolean"), QStringLiteral("boolean"));
        QCOMPARE(logicalTypeFor("varchar(36)"), QStringLiteral("string"));
        QCOMPARE(logicalTypeFor("array<string>"), QStringLiteral("array"));
        QCOMPARE(logicalTypeFor("struct<a:int>"), QStringLiteral("object"));
        QCOMPARE(logicalTypeFor(""), QStringLiteral("string"));
    }

    void everyOutputPortGivesAValidDraft()
    {
        sql::Connection db = cache::openCache(m_cache, true);
        const std::vector<OutputPortChoice> ports = listOutputPorts(db);
        QVERIFY(ports.size() > 10);
        int withSchema = 0;
        for (const OutputPortChoice &p : ports) {
            QString error;
            const std::optional<TemplateSource> source = loadTemplateSource(db, p.productId, p.portName, &error);
            QVERIFY2(source, qPrintable(error));
            QCOMPARE(source->port.name, p.portName);
            const QString text = contractFromTemplate(*source);
            const QString where = p.productId + u'/' + p.portName;
            for (const EditorProblem &problem : validate("new.odcs.yaml", text))
                QVERIFY2(problem.severity != Diagnostic::Severity::Error,
                         qPrintable(where + QStringLiteral(": ") + problem.message + QStringLiteral("\n") + text));
            const ImportResult imported = importDocument("new.odcs.yaml", text.toUtf8());
            QCOMPARE(imported.contracts.size(), size_t(1));
            const Contract &c = imported.contracts.front();
            QCOMPARE(c.id, templateContractId(source->product, source->port));
            QCOMPARE(c.status, QStringLiteral("draft"));
            QCOMPARE(c.version, QStringLiteral("0.1.0"));
            QCOMPARE(c.domainId, source->product.domainId);
            QCOMPARE(c.dataProduct, source->product.id);
            QCOMPARE(c.schema.size(), 1);
            if (source->team)
                QCOMPARE(c.teamName, source->team->name);
            if (source->dataset && !source->dataset->columns.isEmpty()) {
                ++withSchema;
                QCOMPARE(c.schema.front().properties.size(), source->dataset->columns.size());
                for (int i = 0; i < c.schema.front().properties.size(); ++i)
                    QCOMPARE(c.schema.front().properties[i].name, source->dataset->columns[i].name);
            }
        }
        // The sample's lineage knows the tables of several ports.
        QVERIFY2(withSchema > 0, qPrintable(QString::number(withSchema)));
    }

    void unknownProductsAndPortsSayWhy()
    {
        sql::Connection db = cache::openCache(m_cache, true);
        QString error;
        QVERIFY(!loadTemplateSource(db, "no-such-product", {}, &error));
        QVERIFY(error.contains("no-such-product"));
        const OutputPortChoice first = listOutputPorts(db).front();
        QVERIFY(!loadTemplateSource(db, first.productId, "no-such-port", &error));
        QVERIFY(error.contains("no-such-port"));
    }

    void aPortWithoutContractGetsADomainId()
    {
        DataProduct product;
        product.id = "click-stream";
        product.name = "Click stream";
        product.domainId = "marketing";
        product.owner = "ana@example.com";
        Port port;
        port.name = "Clicks Topic";
        port.type = "kafka";
        port.location = "marketing.clicks";
        const QString text = contractFromTemplate({product, port, std::nullopt, std::nullopt});
        QCOMPARE(scalarAt(text, {"id"}), QString("marketing.clicks_topic"));
        QCOMPARE(scalarAt(text, {"schema", "0", "physicalType"}), QString("topic"));
        QCOMPARE(scalarAt(text, {"schema", "0", "physicalName"}), QString("marketing.clicks"));
        QCOMPARE(scalarAt(text, {"team", "members", "0", "username"}), QString("ana@example.com"));
        // Without a dataset: one example property to replace, and the draft still validates.
        QCOMPARE(scalarAt(text, {"schema", "0", "properties", "0", "name"}), QString("id"));
        for (const EditorProblem &p : validate("new.odcs.yaml", text))
            QVERIFY2(p.severity != Diagnostic::Severity::Error, qPrintable(p.message));
    }
};

QTEST_GUILESS_MAIN(TestContractTemplate)
#include "tst_contracttemplate.moc"
