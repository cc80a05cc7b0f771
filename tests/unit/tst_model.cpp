#include "importers/importer.h"
#include "model/entities.h"
#include "model/importresult.h"

#include <QTest>

using namespace meshscope;

class TestModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void datasetIdsMeetAcrossSources_data()
    {
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("openlineage postgres") << "postgres://db.example:5432" << "shop.public.orders"
                                              << "postgres://shop.public.orders";
        QTest::newRow("dbt adapter, quoted relation") << "postgres" << "\"shop\".\"public\".\"Orders\""
                                                      << "postgres://shop.public.orders";
        QTest::newRow("postgresql alias") << "postgresql://h" << "shop.public.orders"
                                          << "postgres://shop.public.orders";
        QTest::newRow("kafka kept verbatim") << "kafka://broker:9092" << "orders.v1"
                                             << "kafka://broker:9092/orders.v1";
        QTest::newRow("plain namespace") << "food_delivery" << "public.menus" << "food_delivery/public.menus";
    }
    void datasetIdsMeetAcrossSources()
    {
        QFETCH(QString, ns);
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QCOMPARE(datasetId(ns, name), expected);
    }

    void domainTypesAcceptCommonSpellings()
    {
        QCOMPARE(parseDomainType("source-aligned"), DomainType::SourceAligned);
        QCOMPARE(parseDomainType("consumerAligned"), DomainType::ConsumerAligned);
        QCOMPARE(parseDomainType("Aggregate"), DomainType::Aggregate);
        QCOMPARE(parseDomainType("banana"), DomainType::Unknown);
        QCOMPARE(domainTypeName(DomainType::ConsumerAligned), QStringLiteral("consumer-aligned"));
    }

    void slugify()
    {
        QCOMPARE(meshscope::slugify("Order Management"), QStringLiteral("order-management"));
        QCOMPARE(meshscope::slugify("  customer_360 "), QStringLiteral("customer-360"));
    }

    void diagnosticsNameFileAndPlace()
    {
        Diagnostic d{"a.yaml", 3, 7, Diagnostic::Severity::Error, "boom"};
        QCOMPARE(d.toString(), QStringLiteral("a.yaml:3:7: error: boom"));
    }

    void badYamlGetsLineAndColumn()
    {
        const ImportResult r = importDocument("bad.yaml", "kind: DataContract\nschema: [a, b\n");
        QVERIFY(r.hasErrors());
        QCOMPARE(r.diagnostics.front().file, QStringLiteral("bad.yaml"));
        QVERIFY(r.diagnostics.front().line > 0);
    }

    void invalidUtf8IsRejectedWithPlace()
    {
        QByteArray bytes = "kind: DataContract\nname: caf";
        bytes.append(char(0xC3)).append(char(0x28)).append("\n");
        const ImportResult r = importDocument("latin.yaml", bytes);
        QVERIFY(r.hasErrors());
        QCOMPARE(r.diagnostics.front().line, 2);
        QVERIFY(r.diagnostics.front().message.contains("UTF-8"));
    }

    void inputsThatHangYamlCppAreRefused_data()
    {
        // Found by the fuzzer: yaml-cpp 0.7's LoadAll() loops forever (and eats memory) on these.
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("lone comma") << QByteArray(",\n");
        QTest::newRow("comma then text") << QByteArray(",'uE");
        QTest::newRow("comma then keys") << QByteArray(",d: x\nkind: Domain\n");
        QTest::newRow("comma after a flow list") << QByteArray("[a],");
        QTest::newRow("comma after a flow map") << QByteArray("{a: 1},");
        QTest::newRow("comma after an anchor") << QByteArray("&x ,");
        QTest::newRow("anchor and comma after a flow list") << QByteArray("[a] &x,\n");
        QTest::newRow("two commas") << QByteArray(",,");
        QTest::newRow("comma after a document end") << QByteArray("a: 1\n...\n,\n");
        QTest::newRow("comma below a mapping") << QByteArray("kind: Domain\nname: x\n,\n");
        QTest::newRow("comma after a NUL (fuzzer)") << QByteArray("\"\"&&&&\"\"", 8) + QByteArray(2, '\0') + "kz,";
    }
    void inputsThatHangYamlCppAreRefused()
    {
        QFETCH(QByteArray, bytes);
        const ImportResult r = importDocument("comma.yaml", bytes);
        QVERIFY(r.hasErrors());
        QVERIFY(r.diagnostics.front().message.contains("YAML syntax error"));
    }

    void commasInPlainTextAndFlowListsStillParse()
    {
        // Commas inside plain text and flow lists are ordinary YAML (yaml-cpp once stalled on stray ones).
        const ImportResult r = importDocument("d.yaml", "kind: Domain\nmetadata:\n  name: sales\n"
                                                          "  tags: [a, b,c]\nspec:\n  displayName: Sales, EMEA\n"
                                                          "  description: orders, returns ,and refunds\n");
        QVERIFY(!r.hasErrors());
        QCOMPARE(r.domains.size(), size_t(1));
        QCOMPARE(r.domains.front().name, QStringLiteral("Sales, EMEA"));
    }

    void oversizedDocumentsAreRefusedNotParsed()
    {
        const QByteArray big(int(kMaxYamlBytes) + 1, 'a');
        const ImportResult r = importDocument("big.yaml", big);
        QVERIFY(r.hasErrors());
        QVERIFY(r.diagnostics.front().message.contains("limit"));
    }
};

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
