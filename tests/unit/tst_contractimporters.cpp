#include "importers/importer.h"
#include "model/entities.h"
#include "model/importresult.h"
#include "importsupport.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QTest>

using namespace meshscope;
using namespace testsupport;

namespace {

const QString kOdcsExamples = QStringLiteral("bitol-io/open-data-contract-standard/docs/examples/");
const QString kDcsExamples = QStringLiteral("datacontract/datacontract-specification/examples/");
const QString kChangelog = QStringLiteral("datacontract/datacontract-cli/tests/fixtures/changelog/integration/");

const SchemaObject *objectNamed(const Contract &c, const QString &name)
{
    for (const SchemaObject &o : c.schema) {
        if (o.name == name)
            return &o;
    }
    return nullptr;
}

/// A property by its dotted path below an object: "x.items.zip".
const ContractProperty *propertyAt(const SchemaObject &o, const QString &path)
{
    const QList<ContractProperty> *level = &o.properties;
    const ContractProperty *found = nullptr;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        found = nullptr;
        for (const ContractProperty &p : *level) {
            if (p.name == part) {
                found = &p;
                break;
            }
        }
        if (!found)
            return nullptr;
        level = &found->properties;
    }
    return found;
}

int lineContaining(const QString &relative, const QByteArray &needle)
{
    const QList<QByteArray> lines = testsupport::readAll(testsupport::corpus(relative)).split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).contains(needle))
            return i + 1;
    }
    return -1;
}

int countProperties(const QList<ContractProperty> &properties)
{
    int n = 0;
    for (const ContractProperty &p : properties)
        n += 1 + countProperties(p.properties);
    return n;
}

} // namespace

class TestContractImporters : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyOdcsExampleImportsCleanly_data()
    {
        QTest::addColumn<QString>("relative");
        QDirIterator it(testsupport::corpus(kOdcsExamples), {QStringLiteral("*.yaml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        int n = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            const QString relative = path.mid(testsupport::corpus(QString()).size());
            QTest::newRow(qPrintable(relative)) << relative;
            ++n;
        }
        QVERIFY2(n >= 6, "the ODCS examples are missing from the corpus");
        QTest::newRow("changelog v1") << kChangelog + QStringLiteral("changelog_integration_v1.yaml");
        QTest::newRow("changelog v2") << kChangelog + QStringLiteral("changelog_integration_v2.yaml");
    }
    void everyOdcsExampleImportsCleanly()
    {
        QFETCH(QString, relative);
        const ImportResult r = importCorpus(relative);
        QVERIFY2(r.diagnostics.empty(), qPrintable(describe(r)));
        QCOMPARE(r.format, QStringLiteral("odcs"));
        QCOMPARE(r.contracts.size(), size_t(1));
        const Contract &c = r.contracts.front();
        QVERIFY(!c.id.isEmpty());
        QVERIFY(!c.version.isEmpty());
        QVERIFY(!c.status.isEmpty());
        QVERIFY(c.apiVersion.startsWith(QStringLiteral("v3.")));
        QCOMPARE(c.specFormat, QStringLiteral("odcs"));
        for (const SchemaObject &o : c.schema) {
            QVERIFY(!o.name.isEmpty());
            QVERIFY(o.line > 0);
            for (const ContractProperty &p : o.properties) {
                QVERIFY(!p.name.isEmpty());
                QVERIFY(p.line > o.line);
            }
        }
    }

    void odcsFullExample()
    {
        const QString file = kOdcsExamples + QStringLiteral("all/full-example.odcs.yaml");
        const ImportResult r = importCorpus(file);
        QVERIFY2(!r.hasErrors(), qPrintable(describe(r)));
        const Contract &c = r.contracts.front();
        QCOMPARE(c.id, QStringLiteral("53581432-6c55-4ba2-a65f-72344a91553a"));
        QCOMPARE(c.version, QStringLiteral("1.1.0"));
        QCOMPARE(c.status, QStringLiteral("active"));
        QCOMPARE(c.apiVersion, QStringLiteral("v3.1.0"));
        QCOMPARE(c.name, QStringLiteral("my quantum")); // no `name`: the data product stands in
        QCOMPARE(c.dataProduct, QStringLiteral("my quantum"));
        QCOMPARE(c.domainId, QStringLiteral("seller"));
        QCOMPARE(r.domains.size(), size_t(1));
        QCOMPARE(r.domains.front().id, QStringLiteral("seller"));
        QVERIFY(c.description.startsWith(QStringLiteral("## Purpose\n\nViews built on top of the seller tables.")));
        QVERIFY(c.description.contains(QStringLiteral("## Usage\n\nPredict sales over time")));
        QVERIFY(c.description.contains(QStringLiteral("## Limitations\n\nData based on seller perspective")));
        QCOMPARE(c.custom.value(QStringLiteral("tenant")).toString(), QStringLiteral("ClimateQuantumInc"));
        QCOMPARE(c.custom.value(QStringLiteral("customProperties")).toObject().value(QStringLiteral("refRulesetName")),
                 QJsonValue(QStringLiteral("gcsc.ruleset.name")));
        QCOMPARE(c.custom.value(QStringLiteral("price")).toObject().value(QStringLiteral("priceAmount")).toDouble(), 9.95);
        QCOMPARE(c.tags, QStringList{QStringLiteral("transactions")});

        // v3.1 team object: the member whose role is Owner owns the contract.
        QCOMPARE(c.teamName, QStringLiteral("my-team"));
        QCOMPARE(c.team.size(), 3);
        QCOMPARE(c.owner, QStringLiteral("daustin"));
        QCOMPARE(r.teams.size(), size_t(1));
        QCOMPARE(r.teams.front().id, QStringLiteral("my-team"));
        QCOMPARE(r.teams.front().domainId, QStringLiteral("seller"));
        QCOMPARE(r.teams.front().members.size(), 3);

        QCOMPARE(c.roles.size(), 4);
        QCOMPARE(c.roles.at(0).role, QStringLiteral("microstrategy_user_opr"));
        QCOMPARE(c.roles.at(0).firstLevelApprovers, QStringLiteral("Reporting Manager"));
        QCOMPARE(c.roles.at(0).secondLevelApprovers, QStringLiteral("mandolorian"));
        QCOMPARE(c.roles.at(3).access, QStringLiteral("write"));

        QCOMPARE(c.schema.size(), 2);
        const SchemaObject *tbl = objectNamed(c, QStringLiteral("tbl"));
        QVERIFY(tbl);
        QCOMPARE(tbl->id, QStringLiteral("tbl_obj"));
        QCOMPARE(tbl->physicalName, QStringLiteral("tbl_1"));
        QCOMPARE(tbl->businessName, QStringLiteral("Core Payment Metrics"));
        QCOMPARE(tbl->tags, (QStringList{QStringLiteral("finance"), QStringLiteral("payments")}));
        QCOMPARE(tbl->line, lineContaining(file, "- id: tbl_obj"));
        QCOMPARE(tbl->properties.size(), 3);
        QVERIFY(tbl->custom.contains(QStringLiteral("dataGranularityDescription")));

        const ContractProperty *date = propertyAt(*tbl, QStringLiteral("transaction_reference_date"));
        QVERIFY(date);
        QCOMPARE(date->physicalName, QStringLiteral("txn_ref_dt"));
        QCOMPARE(date->logicalType, QStringLiteral("date"));
        QCOMPARE(date->classification, QStringLiteral("public"));
        QCOMPARE(date->required, false);
        QCOMPARE(date->examples, (QStringList{QStringLiteral("2022-10-03"), QStringLiteral("2020-01-28")}));
        QCOMPARE(date->custom.value(QStringLiteral("partitioned")), QJsonValue(true));
        QCOMPARE(date->custom.value(QStringLiteral("customProperties")).toObject().value(QStringLiteral("anonymizationStrategy")),
                 QJsonValue(QStringLiteral("none")));

        const ContractProperty *receiver = propertyAt(*tbl, QStringLiteral("rcvr_id"));
        QVERIFY(receiver);
        QVERIFY(receiver->primaryKey);
        QCOMPARE(receiver->primaryKeyPosition, 1);
        QCOMPARE(receiver->physicalType, QStringLiteral("varchar(18)"));
        QCOMPARE(receiver->classification, QStringLiteral("restricted"));
        QVERIFY(!receiver->pii); // restricted is a confidentiality level, not personal data

        const ContractProperty *country = propertyAt(*tbl, QStringLiteral("rcvr_cntry_code"));
        QVERIFY(country);
        QCOMPARE(country->quality.size(), 1);
        const QualityRule &nulls = country->quality.front();
        QCOMPARE(nulls.metric, QStringLiteral("nullValues"));
        QCOMPARE(nulls.type, QStringLiteral("library"));
        QCOMPARE(nulls.thresholds.value(QStringLiteral("mustBe")).toInt(-1), 0);
        QCOMPARE(nulls.dimension, QStringLiteral("completeness"));
        QCOMPARE(nulls.severity, QStringLiteral("error"));
        QCOMPARE(nulls.schedule, QStringLiteral("0 20 * * *"));
        QCOMPARE(nulls.element, QStringLiteral("tbl.rcvr_cntry_code"));
        QCOMPARE(nulls.custom.value(QStringLiteral("businessImpact")), QJsonValue(QStringLiteral("operational")));
        QCOMPARE(nulls.line, lineContaining(file, "- metric: nullValues"));

        QCOMPARE(tbl->quality.size(), 1);
        QCOMPARE(tbl->quality.front().metric, QStringLiteral("rowCount"));
        QCOMPARE(tbl->quality.front().element, QStringLiteral("tbl"));
        QCOMPARE(tbl->quality.front().thresholds.value(QStringLiteral("mustBeGreaterThan")).toDouble(), 1000000.0);

        // Schema-level composite key first, then the property-level one with its implicit `from`.
        QCOMPARE(tbl->relationships.size(), 2);
        QCOMPARE(tbl->relationships.at(0).from, (QStringList{QStringLiteral("tbl.rcvr_id"), QStringLiteral("tbl.rcvr_cntry_code")}));
        QCOMPARE(tbl->relationships.at(0).to, (QStringList{QStringLiteral("receivers.id"), QStringLiteral("receivers.country_code")}));
        QCOMPARE(tbl->relationships.at(1).type, QStringLiteral("foreignKey"));
        QCOMPARE(tbl->relationships.at(1).from, QStringList{QStringLiteral("tbl.rcvr_id")});
        QCOMPARE(tbl->relationships.at(1).to, QStringList{QStringLiteral("receivers.id")});

        const SchemaObject *receivers = objectNamed(c, QStringLiteral("receivers"));
        QVERIFY(receivers);
        QCOMPARE(receivers->properties.size(), 4);
        QVERIFY(propertyAt(*receivers, QStringLiteral("id"))->required);
        QVERIFY(propertyAt(*receivers, QStringLiteral("id"))->unique);
        QCOMPARE(propertyAt(*receivers, QStringLiteral("country_code"))->primaryKeyPosition, 2);
        QCOMPARE(receivers->relationships.size(), 1);
        QCOMPARE(receivers->relationships.front().to, QStringList{QStringLiteral("receiver_types.type_code")});

        QCOMPARE(c.sla.size(), 8);
        QCOMPARE(c.sla.at(0).property, QStringLiteral("latency"));
        QCOMPARE(c.sla.at(0).value, QStringLiteral("4"));
        QCOMPARE(c.sla.at(0).unit, QStringLiteral("d"));
        QCOMPARE(c.sla.at(0).element, QStringLiteral("tab1.txn_ref_dt"));
        QCOMPARE(c.sla.at(4).property, QStringLiteral("retention"));
        QCOMPARE(c.sla.at(4).unit, QStringLiteral("y"));

        QCOMPARE(c.servers.size(), 1);
        QCOMPARE(c.servers.front().server, QStringLiteral("my-postgres"));
        QCOMPARE(c.servers.front().type, QStringLiteral("postgres"));
        QCOMPARE(c.servers.front().details.value(QStringLiteral("host")), QJsonValue(QStringLiteral("localhost")));
        QCOMPARE(c.servers.front().details.value(QStringLiteral("port")).toInt(), 5432);

        QCOMPARE(c.support.size(), 4);
        QCOMPARE(c.support.at(0).channel, QStringLiteral("#product-help"));
        QCOMPARE(c.support.at(0).tool, QStringLiteral("slack"));
        QCOMPARE(c.support.at(1).url, QStringLiteral("mailto:datacontract-ann@bitol.io"));
        QCOMPARE(c.support.at(3).scope, QStringLiteral("issues"));
    }

    void odcsAdventureWorks()
    {
        const ImportResult r = importCorpus(kOdcsExamples + QStringLiteral("all/postgresql-adventureworks-contract.odcs.yaml"));
        QVERIFY2(!r.hasErrors(), qPrintable(describe(r)));
        const Contract &c = r.contracts.front();
        QCOMPARE(c.id, QStringLiteral("6aeafdc1-ed62-4c8f-bf0a-da1061c98cdb"));
        QCOMPARE(c.version, QStringLiteral("1.0.0"));
        QCOMPARE(c.apiVersion, QStringLiteral("v3.0.0"));
        QVERIFY(c.description.isEmpty()); // `description: {}`
        QCOMPARE(c.schema.size(), 68);
        int properties = 0;
        for (const SchemaObject &o : c.schema)
            properties += countProperties(o.properties);
        QCOMPARE(properties, 456);
        QCOMPARE(c.schema.front().name, QStringLiteral("department"));
        QCOMPARE(c.schema.back().name, QStringLiteral("store"));
        QCOMPARE(c.custom.value(QStringLiteral("contractCreatedTs")).toString(), QStringLiteral("2023-09-28T20:24:49.331+00:00"));

        const SchemaObject *department = objectNamed(c, QStringLiteral("department"));
        const ContractProperty *id = propertyAt(*department, QStringLiteral("departmentid"));
        QCOMPARE(id->logicalType, QStringLiteral("number"));
        QCOMPARE(id->physicalType, QStringLiteral("serial"));
        QVERIFY(id->primaryKey);
        QCOMPARE(id->description, QStringLiteral("Primary key for Department records."));

        // Tagged 'sensitive' -> PII under the shared rule; an untagged sibling is not.
        const SchemaObject *employee = objectNamed(c, QStringLiteral("employee"));
        QCOMPARE(employee->properties.size(), 15);
        QVERIFY(propertyAt(*employee, QStringLiteral("nationalidnumber"))->pii);
        QVERIFY(propertyAt(*employee, QStringLiteral("birthdate"))->pii);
        QVERIFY(!propertyAt(*employee, QStringLiteral("loginid"))->pii);
    }

    void odcsQualityAndNestedSchemas()
    {
        const ImportResult validity = importCorpus(kOdcsExamples + QStringLiteral("quality/column-validity.odcs.yaml"));
        const ContractProperty &status = validity.contracts.front().schema.front().properties.front();
        QCOMPARE(status.name, QStringLiteral("air_quality_status"));
        const QualityRule &rule = status.quality.front();
        QCOMPARE(rule.metric, QStringLiteral("invalidValues"));
        QCOMPARE(rule.dimension, QStringLiteral("conformity"));
        QCOMPARE(rule.thresholds.value(QStringLiteral("mustBeLessOrEqualTo")).toInt(), 5);
        QCOMPARE(rule.thresholds.value(QStringLiteral("unit")), QJsonValue(QStringLiteral("percent")));
        QCOMPARE(rule.custom.value(QStringLiteral("arguments")).toObject().value(QStringLiteral("validValues")).toArray().size(), 3);
        QCOMPARE(rule.element, QStringLiteral("Air_Quality.air_quality_status"));

        const ImportResult types = importCorpus(kOdcsExamples + QStringLiteral("schema/all-schema-types.odcs.yaml"));
        const Contract &c = types.contracts.front();
        QCOMPARE(c.apiVersion, QStringLiteral("v3.0.2"));
        QCOMPARE(c.name, QStringLiteral("my_quantum"));
        QCOMPARE(c.schema.size(), 3);
        const SchemaObject *an = objectNamed(c, QStringLiteral("AnObject"));
        QCOMPARE(propertyAt(*an, QStringLiteral("street_lines"))->logicalType, QStringLiteral("array"));
        QCOMPARE(propertyAt(*an, QStringLiteral("street_lines.items"))->logicalType, QStringLiteral("string"));
        const SchemaObject *another = objectNamed(c, QStringLiteral("AnotherObject"));
        const ContractProperty *zip = propertyAt(*another, QStringLiteral("x.items.zip"));
        QVERIFY(zip);
        QCOMPARE(zip->physicalType, QStringLiteral("VARCHAR(15)"));
        QCOMPARE(propertyAt(*another, QStringLiteral("x.items"))->properties.size(), 2);
        QCOMPARE(propertyAt(*objectNamed(c, QStringLiteral("tbl")), QStringLiteral("rcvr_id"))->custom.value(QStringLiteral("encryptedName")),
                 QJsonValue(QStringLiteral("enc_rcvr_id")));

        const ImportResult kafka = importCorpus(kOdcsExamples + QStringLiteral("schema/kafka-schemaregistry.odcs.yaml"));
        const Contract &k = kafka.contracts.front();
        QCOMPARE(k.status, QStringLiteral("production"));
        QCOMPARE(k.schema.front().physicalType, QStringLiteral("topic"));
        QCOMPARE(k.servers.front().type, QStringLiteral("kafka"));
        QCOMPARE(k.servers.front().details.value(QStringLiteral("format")), QJsonValue(QStringLiteral("avro")));
        QCOMPARE(k.servers.front().details.value(QStringLiteral("host")), QJsonValue(QStringLiteral("kafkabroker1:9092")));

        const ImportResult sla = importCorpus(kOdcsExamples + QStringLiteral("sla/database-table-sla.odcs.yaml"));
        const Contract &s = sla.contracts.front();
        QCOMPARE(s.name, QStringLiteral("my_table"));
        QCOMPARE(s.dataProduct, QStringLiteral("my_quantum"));
        QVERIFY(s.schema.isEmpty());
        QCOMPARE(s.sla.size(), 8);
        QCOMPARE(s.sla.at(1).value, QStringLiteral("2022-05-12T09:30:10-08:00"));
        QCOMPARE(s.sla.at(5).property, QStringLiteral("frequency"));
        QCOMPARE(s.sla.at(5).value, QStringLiteral("1"));
        QCOMPARE(s.sla.at(6).value, QStringLiteral("09:00-08:00"));
    }

    void odcsChangelogPair()
    {
        const ImportResult v1 = importCorpus(kChangelog + QStringLiteral("changelog_integration_v1.yaml"));
        const ImportResult v2 = importCorpus(kChangelog + QStringLiteral("changelog_integration_v2.yaml"));
        const Contract &a = v1.contracts.front();
        const Contract &b = v2.contracts.front();
        QCOMPARE(a.id, QStringLiteral("orders-contract-001"));
        QCOMPARE(b.id, a.id);
        QCOMPARE(a.version, QStringLiteral("1.0.0"));
        QCOMPARE(b.version, QStringLiteral("2.0.0"));
        QCOMPARE(a.schema.size(), 1);
        QCOMPARE(b.schema.size(), 2);
        QCOMPARE(a.schema.front().physicalName, QStringLiteral("orders_tbl"));
        QCOMPARE(a.schema.front().properties.size(), 4);
        QCOMPARE(propertyAt(a.schema.front(), QStringLiteral("order_date"))->logicalType, QStringLiteral("string"));
        QCOMPARE(propertyAt(b.schema.front(), QStringLiteral("order_date"))->logicalType, QStringLiteral("date"));
        QVERIFY(!propertyAt(a.schema.front(), QStringLiteral("total_amount"))->required);
        QVERIFY(propertyAt(b.schema.front(), QStringLiteral("total_amount"))->required);
        const SchemaObject *customers = objectNamed(b, QStringLiteral("customers"));
        QCOMPARE(customers->properties.size(), 6);
        QVERIFY(propertyAt(*customers, QStringLiteral("customer_id"))->primaryKey);
        QCOMPARE(propertyAt(*customers, QStringLiteral("email"))->classification, QStringLiteral("confidential"));
        QCOMPARE(a.servers.front().type, QStringLiteral("snowflake"));
        QCOMPARE(a.servers.front().details.value(QStringLiteral("database")), QJsonValue(QStringLiteral("PROD_DB")));
        QCOMPARE(a.sla.front().property, QStringLiteral("availability"));
        QCOMPARE(a.sla.front().value, QStringLiteral("99.9%"));
        QCOMPARE(b.sla.front().value, QStringLiteral("99.5%"));
        QCOMPARE(a.sla.at(1).value, QStringLiteral("500ms"));
    }

    void dcsOrdersLatest()
    {
        const ImportResult r = importCorpus(kDcsExamples + QStringLiteral("orders-latest/datacontract.yaml"));
        QVERIFY2(r.diagnostics.empty(), qPrintable(describe(r)));
        QCOMPARE(r.format, QStringLiteral("dcs"));
        const Contract &c = r.contracts.front();
        QCOMPARE(c.specFormat, QStringLiteral("dcs"));
        QCOMPARE(c.id, QStringLiteral("orders-latest"));
        QCOMPARE(c.name, QStringLiteral("Orders Latest"));
        QCOMPARE(c.version, QStringLiteral("2.0.0"));
        QCOMPARE(c.apiVersion, QStringLiteral("1.2.0"));
        QCOMPARE(c.status, QStringLiteral("active")); // not stated: the default
        QVERIFY(c.description.startsWith(QStringLiteral("Successful customer orders in the webshop.")));
        QCOMPARE(c.owner, QStringLiteral("Checkout Team"));
        QCOMPARE(c.teamName, QStringLiteral("Checkout Team"));
        QCOMPARE(r.teams.size(), size_t(1));
        QCOMPARE(r.teams.front().id, QStringLiteral("checkout-team"));
        QCOMPARE(c.support.size(), 1);
        QCOMPARE(c.support.front().channel, QStringLiteral("John Doe (Data Product Owner)"));
        QCOMPARE(c.support.front().url, QStringLiteral("https://teams.microsoft.com/l/channel/example/checkout"));
        QCOMPARE(c.noticePeriod, QStringLiteral("P3M"));
        QCOMPARE(c.custom.value(QStringLiteral("terms")).toObject().value(QStringLiteral("billing")),
                 QJsonValue(QStringLiteral("5000 USD per month")));
        QCOMPARE(c.tags, (QStringList{QStringLiteral("checkout"), QStringLiteral("orders"), QStringLiteral("s3")}));

        QCOMPARE(c.servers.size(), 1);
        QCOMPARE(c.servers.front().server, QStringLiteral("production"));
        QCOMPARE(c.servers.front().type, QStringLiteral("s3"));
        QCOMPARE(c.servers.front().environment, QStringLiteral("prod"));
        QCOMPARE(c.servers.front().details.value(QStringLiteral("format")), QJsonValue(QStringLiteral("json")));
        QCOMPARE(c.servers.front().details.value(QStringLiteral("roles")).toArray().size(), 2);

        QCOMPARE(c.schema.size(), 2);
        const SchemaObject *orders = objectNamed(c, QStringLiteral("orders"));
        QCOMPARE(orders->physicalType, QStringLiteral("table"));
        QCOMPARE(orders->line, lineContaining(kDcsExamples + QStringLiteral("orders-latest/datacontract.yaml"), "  orders:"));
        QCOMPARE(orders->properties.size(), 6);
        QCOMPARE(orders->properties.front().name, QStringLiteral("order_id")); // document order kept

        // order_id is all `$ref: '#/definitions/order_id'` plus its own required/unique/primaryKey.
        const ContractProperty *orderId = propertyAt(*orders, QStringLiteral("order_id"));
        QCOMPARE(orderId->logicalType, QStringLiteral("string"));
        QCOMPARE(orderId->physicalType, QStringLiteral("text"));
        QCOMPARE(orderId->businessName, QStringLiteral("Order ID"));
        QVERIFY(orderId->description.startsWith(QStringLiteral("An internal ID that identifies an order")));
        QVERIFY(orderId->required && orderId->unique && orderId->primaryKey);
        QVERIFY(orderId->pii);
        QCOMPARE(orderId->classification, QStringLiteral("restricted"));
        QCOMPARE(orderId->constraints.value(QStringLiteral("format")), QJsonValue(QStringLiteral("uuid")));
        QCOMPARE(orderId->tags, QStringList{QStringLiteral("orders")});
        QCOMPARE(orderId->examples, QStringList{QStringLiteral("243c25e5-a081-43a9-aeab-6d5d5b6cb5e2")});
        QCOMPARE(orderId->custom.value(QStringLiteral("$ref")), QJsonValue(QStringLiteral("#/definitions/order_id")));
        QCOMPARE(orderId->line, lineContaining(kDcsExamples + QStringLiteral("orders-latest/datacontract.yaml"), "      order_id:"));

        QCOMPARE(propertyAt(*orders, QStringLiteral("order_timestamp"))->logicalType, QStringLiteral("timestamp"));
        const ContractProperty *total = propertyAt(*orders, QStringLiteral("order_total"));
        QCOMPARE(total->logicalType, QStringLiteral("integer"));
        QCOMPARE(total->physicalType, QStringLiteral("long"));
        QCOMPARE(total->quality.size(), 1);
        QCOMPARE(total->quality.front().type, QStringLiteral("sql"));
        QCOMPARE(total->quality.front().element, QStringLiteral("orders.order_total"));
        QCOMPARE(total->quality.front().thresholds.value(QStringLiteral("mustBeBetween")).toArray(),
                 (QJsonArray{1000, 49900}));
        const ContractProperty *customer = propertyAt(*orders, QStringLiteral("customer_id"));
        QCOMPARE(customer->constraints.value(QStringLiteral("minLength")).toInt(), 10);
        QCOMPARE(customer->constraints.value(QStringLiteral("maxLength")).toInt(), 20);
        QVERIFY(!customer->pii);
        const ContractProperty *email = propertyAt(*orders, QStringLiteral("customer_email_address"));
        QVERIFY(email->pii);
        QCOMPARE(email->classification, QStringLiteral("sensitive"));
        QCOMPARE(email->quality.front().type, QStringLiteral("text"));
        QVERIFY(email->custom.contains(QStringLiteral("lineage")));

        QCOMPARE(orders->quality.size(), 2);
        QCOMPARE(orders->quality.at(0).thresholds.value(QStringLiteral("mustBeLessThan")).toInt(), 3600);
        QCOMPARE(orders->quality.at(1).description, QStringLiteral("Row Count"));
        QCOMPARE(orders->quality.at(1).thresholds.value(QStringLiteral("mustBeGreaterThan")).toInt(), 5);
        QVERIFY(orders->quality.at(1).query.contains(QStringLiteral("SELECT count(*) as row_count")));

        const SchemaObject *lines = objectNamed(c, QStringLiteral("line_items"));
        QCOMPARE(propertyAt(*lines, QStringLiteral("order_id"))->primaryKeyPosition, 1);
        QCOMPARE(propertyAt(*lines, QStringLiteral("line_item_id"))->primaryKeyPosition, 2);
        QCOMPARE(propertyAt(*lines, QStringLiteral("sku"))->constraints.value(QStringLiteral("pattern")),
                 QJsonValue(QStringLiteral("^[A-Za-z0-9]{8,14}$")));
        QCOMPARE(propertyAt(*lines, QStringLiteral("sku"))->description.left(27), QStringLiteral("The purchased article numbe"));
        QCOMPARE(lines->relationships.size(), 1);
        QCOMPARE(lines->relationships.front().from, QStringList{QStringLiteral("line_items.order_id")});
        QCOMPARE(lines->relationships.front().to, QStringList{QStringLiteral("orders.order_id")});

        QCOMPARE(c.sla.size(), 7);
        const auto sla = [&c](const QString &property) {
            for (const ServiceLevel &s : c.sla) {
                if (s.property == property)
                    return s;
            }
            return ServiceLevel{};
        };
        QCOMPARE(sla(QStringLiteral("availability")).value, QStringLiteral("99.9%"));
        QCOMPARE(sla(QStringLiteral("retention")).value, QStringLiteral("P1Y"));
        QCOMPARE(sla(QStringLiteral("latency")).value, QStringLiteral("25h"));
        QCOMPARE(sla(QStringLiteral("latency")).element, QStringLiteral("orders.order_timestamp"));
        QCOMPARE(sla(QStringLiteral("freshness")).element, QStringLiteral("orders.order_timestamp"));
        QCOMPARE(sla(QStringLiteral("frequency")).value, QStringLiteral("daily (batch)"));
        QCOMPARE(sla(QStringLiteral("support")).value, QStringLiteral("9am to 5pm in EST on business days; response time 1h"));
        QCOMPARE(sla(QStringLiteral("backup")).value, QStringLiteral("weekly; recovery time 24 hours; recovery point 1 week"));
    }

    void dcsCovidCasesOldSodaQuality()
    {
        const ImportResult r = importCorpus(kDcsExamples + QStringLiteral("covid-cases/datacontract.yaml"));
        QVERIFY2(r.diagnostics.empty(), qPrintable(describe(r)));
        const Contract &c = r.contracts.front();
        QCOMPARE(c.apiVersion, QStringLiteral("0.9.3"));
        QCOMPARE(c.id, QStringLiteral("covid_cases"));
        QCOMPARE(c.name, QStringLiteral("COVID-19 cases"));
        QCOMPARE(c.version, QStringLiteral("0.0.1"));
        QCOMPARE(c.status, QStringLiteral("active"));
        QVERIFY(r.teams.empty());
        QVERIFY(c.custom.value(QStringLiteral("info")).toObject().contains(QStringLiteral("links")));
        QCOMPARE(c.servers.front().server, QStringLiteral("s3-json"));
        QCOMPARE(c.servers.front().details.value(QStringLiteral("location")),
                 QJsonValue(QStringLiteral("s3://covid19-lake/enigma-jhu/json/*.json")));
        const SchemaObject &model = c.schema.front();
        QCOMPARE(model.name, QStringLiteral("covid_cases"));
        QCOMPARE(model.properties.size(), 9);
        QCOMPARE(propertyAt(model, QStringLiteral("last_update"))->logicalType, QStringLiteral("timestamp"));
        QCOMPARE(propertyAt(model, QStringLiteral("last_update"))->physicalType, QStringLiteral("timestamp_ntz"));
        QCOMPARE(propertyAt(model, QStringLiteral("confirmed"))->logicalType, QStringLiteral("integer"));
        QCOMPARE(propertyAt(model, QStringLiteral("latitude"))->logicalType, QStringLiteral("number"));

        // quality: {type: SodaCL, specification: {checks for covid_cases: [...]}} -> one rule per check.
        QCOMPARE(c.quality.size(), 2);
        const QualityRule &freshness = c.quality.at(0);
        QCOMPARE(freshness.metric, QStringLiteral("freshness"));
        QCOMPARE(freshness.element, QStringLiteral("covid_cases.last_update"));
        QCOMPARE(freshness.thresholds.value(QStringLiteral("mustBeLessThan")), QJsonValue(QStringLiteral("5000d")));
        const QualityRule &rows = c.quality.at(1);
        QCOMPARE(rows.type, QStringLiteral("custom"));
        QCOMPARE(rows.metric, QStringLiteral("rowCount"));
        QCOMPARE(rows.element, QStringLiteral("covid_cases"));
        QCOMPARE(rows.query, QStringLiteral("row_count > 1000"));
        QCOMPARE(rows.thresholds.value(QStringLiteral("mustBeGreaterThan")).toInt(), 1000);
        QCOMPARE(rows.custom.value(QStringLiteral("engine")), QJsonValue(QStringLiteral("soda")));
    }

    void missingRequiredKeys()
    {
        const ImportResult noId = importText("apiVersion: v3.1.0\nkind: DataContract\nversion: 1.0.0\n"
                                             "status: active\nschema: [{name: t}]\n");
        QVERIFY(noId.contracts.empty());
        const Diagnostic *d = findDiagnostic(noId, Diagnostic::Severity::Error, QStringLiteral("`id`"));
        QVERIFY2(d, qPrintable(describe(noId)));
        QVERIFY(d->message.contains(QStringLiteral("top level")));

        const ImportResult noStatus = importText("apiVersion: v3.0.2\nkind: DataContract\nid: c1\n"
                                                 "schema:\n  - name: t\n    properties: [{name: a}]\n");
        QVERIFY(findDiagnostic(noStatus, Diagnostic::Severity::Error, QStringLiteral("`status`")));
        QVERIFY(findDiagnostic(noStatus, Diagnostic::Severity::Error, QStringLiteral("`version`")));
        QCOMPARE(noStatus.contracts.size(), size_t(1)); // id is there: import what can be read
        QCOMPARE(noStatus.contracts.front().schema.front().properties.front().name, QStringLiteral("a"));

        const ImportResult dcsNoId = importText("dataContractSpecification: 1.1.0\ninfo: {title: T, version: 1.0.0}\n");
        QVERIFY(dcsNoId.contracts.empty());
        QVERIFY(findDiagnostic(dcsNoId, Diagnostic::Severity::Error, QStringLiteral("`id`")));
    }

    void wrongShapesAreReportedWithTheirLine()
    {
        const ImportResult r = importText("apiVersion: v3.1.0\nkind: DataContract\nid: c1\nversion: 1.0.0\n"
                                          "status: active\nschema:\n  name: not-a-list\n"
                                          "slaProperties:\n  - property: latency\n    value: 4\n"
                                          "team: just a string\n");
        const Diagnostic *d = findDiagnostic(r, Diagnostic::Severity::Error, QStringLiteral("`schema`"));
        QVERIFY2(d, qPrintable(describe(r)));
        QCOMPARE(d->line, 7);
        QCOMPARE(d->file, QStringLiteral("inline.yaml"));
        QVERIFY(d->message.contains(QStringLiteral("list")));
        QVERIFY(findDiagnostic(r, Diagnostic::Severity::Error, QStringLiteral("`team`")));
        QCOMPARE(r.contracts.size(), size_t(1));
        QVERIFY(r.contracts.front().schema.isEmpty());
        QCOMPARE(r.contracts.front().sla.front().value, QStringLiteral("4")); // kept going

        const ImportResult dcs = importText("dataContractSpecification: 1.1.0\nid: d\ninfo: {title: T, version: 1}\n"
                                            "models:\n  - orders\n");
        QVERIFY(findDiagnostic(dcs, Diagnostic::Severity::Error, QStringLiteral("`models`")));
        QCOMPARE(dcs.contracts.size(), size_t(1));
    }

    void propertyWithoutNameAndNulls()
    {
        const ImportResult r = importText("apiVersion: v3.1.0\nkind: DataContract\nid: c1\nversion: 1.0.0\n"
                                          "status: active\nname: ~\ndescription: null\ntags: [a, ~]\nteam: ~\n"
                                          "schema:\n  - name: t\n    properties:\n"
                                          "      - name: good\n"
                                          "      - logicalType: string\n"
                                          "      - physicalName: col_c\n"
                                          "      - ~\n"
                                          "      - name: nulls\n        logicalType: ~\n        required: ~\n"
                                          "        tags: ~\n        quality: ~\n        properties: ~\n");
        QCOMPARE(r.contracts.size(), size_t(1));
        const SchemaObject &t = r.contracts.front().schema.front();
        QStringList names;
        for (const ContractProperty &p : t.properties)
            names << p.name;
        // The nameless property is reported and left out; physicalName stands in when there is one.
        QCOMPARE(names, (QStringList{QStringLiteral("good"), QStringLiteral("col_c"), QStringLiteral("nulls")}));
        const Diagnostic *missing = findDiagnostic(r, Diagnostic::Severity::Error, QStringLiteral("schema[0].properties[1]"));
        QVERIFY2(missing, qPrintable(describe(r)));
        QVERIFY(missing->message.contains(QStringLiteral("`name`")));
        QCOMPARE(missing->line, 14);
        QVERIFY(findDiagnostic(r, Diagnostic::Severity::Error, QStringLiteral("schema[0].properties[3] must be a mapping")));
        const ContractProperty *nulls = propertyAt(t, QStringLiteral("nulls"));
        QVERIFY(nulls->logicalType.isEmpty());
        QVERIFY(!nulls->required);
        QVERIFY(nulls->quality.isEmpty());
        QCOMPARE(r.contracts.front().tags, QStringList{QStringLiteral("a")});
        QVERIFY(r.contracts.front().name.isEmpty());
    }

    void numbersWhereTextIsExpected()
    {
        const ImportResult r = importText("apiVersion: v3.1.0\nkind: DataContract\nid: 42\nversion: 1.0\n"
                                          "status: 1\nname: 2024\ndomain: 7\ndescription: 3.5\n"
                                          "schema:\n  - name: 100\n    properties:\n"
                                          "      - {name: 1, physicalType: 10, tags: [1, 2], examples: [3, {a: 1}, ~],"
                                          " primaryKeyPosition: '2', required: maybe}\n");
        QVERIFY2(r.contracts.size() == 1, qPrintable(describe(r)));
        const Contract &c = r.contracts.front();
        QCOMPARE(c.id, QStringLiteral("42"));
        QCOMPARE(c.version, QStringLiteral("1.0"));
        QCOMPARE(c.name, QStringLiteral("2024"));
        QCOMPARE(c.domainId, QStringLiteral("7"));
        QCOMPARE(c.description, QStringLiteral("3.5"));
        const ContractProperty &p = c.schema.front().properties.front();
        QCOMPARE(p.name, QStringLiteral("1"));
        QCOMPARE(p.physicalType, QStringLiteral("10"));
        QCOMPARE(p.tags, (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
        QCOMPARE(p.examples, (QStringList{QStringLiteral("3"), QStringLiteral("{\"a\":1}"), QStringLiteral("null")}));
        QCOMPARE(p.primaryKeyPosition, 2);
        // The only complaint is the boolean that is not one.
        QCOMPARE(r.diagnostics.size(), size_t(1));
        QVERIFY(r.diagnostics.front().message.contains(QStringLiteral("`required`")));
        QCOMPARE(r.diagnostics.front().line, 12);
    }

    void teamFormsAndOwner()
    {
        const ImportResult list = importText("apiVersion: v3.0.2\nkind: DataContract\nid: c1\nversion: 1.0.0\n"
                                             "status: draft\nteam:\n  - username: alice\n    role: Data Product Owner\n"
                                             "  - username: bob\n    role: owner\n    email: bob@example.com\n");
        const Contract &a = list.contracts.front();
        QCOMPARE(a.status, QStringLiteral("draft"));
        QCOMPARE(a.team.size(), 2);
        QCOMPARE(a.team.at(1).email, QStringLiteral("bob@example.com"));
        QCOMPARE(a.owner, QStringLiteral("bob")); // an exact "owner" role beats "Data Product Owner"
        QVERIFY(a.teamName.isEmpty());
        QVERIFY(list.teams.empty()); // v3.0 lists name no team

        const ImportResult object = importText("apiVersion: v3.1.0\nkind: DataContract\nid: c1\nversion: 1.0.0\n"
                                               "status: active\ndomain: Order Management\n"
                                               "team:\n  name: Checkout Squad\n  members:\n    - username: carol\n");
        const Contract &b = object.contracts.front();
        QCOMPARE(b.owner, QStringLiteral("Checkout Squad"));
        QCOMPARE(b.domainId, QStringLiteral("order-management"));
        QCOMPARE(object.domains.front().name, QStringLiteral("Order Management"));
        QCOMPARE(object.teams.front().id, QStringLiteral("checkout-squad"));
        QCOMPARE(object.teams.front().domainId, QStringLiteral("order-management"));
    }

    void piiRule()
    {
        const ImportResult r = importText(
            "apiVersion: v3.1.0\nkind: DataContract\nid: c1\nversion: 1.0.0\nstatus: active\nschema:\n"
            "  - name: t\n    properties:\n"
            "      - {name: flagged, pii: true}\n"
            "      - {name: custom, customProperties: [{property: pii, value: true}]}\n"
            "      - {name: tagged, tags: ['pii:email']}\n"
            "      - {name: classified, classification: PII}\n"
            "      - {name: overruled, classification: sensitive, pii: false}\n"
            "      - {name: confidential, classification: confidential}\n"
            "      - {name: sensitive, classification: sensitive}\n"
            "      - {name: sensitiveButFlagged, classification: sensitive, pii: true}\n");
        const SchemaObject &t = r.contracts.front().schema.front();
        QVERIFY(propertyAt(t, QStringLiteral("flagged"))->pii);
        QVERIFY(propertyAt(t, QStringLiteral("custom"))->pii);
        QVERIFY(propertyAt(t, QStringLiteral("tagged"))->pii);
        // Issue 18: a classification is a confidentiality level, never a PII statement, whatever it
        // says (this asserted the opposite before; only a flag, a tag or a custom property sets PII).
        QVERIFY(!propertyAt(t, QStringLiteral("classified"))->pii);
        QVERIFY(!propertyAt(t, QStringLiteral("overruled"))->pii);
        QVERIFY(!propertyAt(t, QStringLiteral("confidential"))->pii);
        QVERIFY(!propertyAt(t, QStringLiteral("sensitive"))->pii);
        QVERIFY(propertyAt(t, QStringLiteral("sensitiveButFlagged"))->pii);

        // The same rule for DCS fields.
        const ImportResult dcs = importText(
            "dataContractSpecification: 1.1.0\nid: c2\ninfo: {title: T, version: 1.0.0}\nmodels:\n  t:\n    fields:\n"
            "      sensitive: {type: string, classification: sensitive}\n"
            "      restricted: {type: string, classification: restricted}\n"
            "      flagged: {type: string, classification: sensitive, pii: true}\n"
            "      tagged: {type: string, tags: [pii]}\n");
        const SchemaObject &m = dcs.contracts.front().schema.front();
        QVERIFY(!propertyAt(m, QStringLiteral("sensitive"))->pii);
        QVERIFY(!propertyAt(m, QStringLiteral("restricted"))->pii);
        QVERIFY(propertyAt(m, QStringLiteral("flagged"))->pii);
        QVERIFY(propertyAt(m, QStringLiteral("tagged"))->pii);
    }

    /// Issue 18: a DCS field with `$ref` keeps its own name; it inherits the definition's type-level
    /// attributes, never the `name`, `domain` or `id` that name the definition itself.
    void dcsReferencedDefinitionsDoNotRenameFields()
    {
        const ImportResult r = importText(
            "dataContractSpecification: 1.1.0\nid: c3\ninfo: {title: T, version: 1.0.0}\nmodels:\n  t:\n    fields:\n"
            "      my_field:\n        $ref: '#/definitions/my_definition'\n"
            "      described:\n        $ref: '#/definitions/my_definition'\n        description: The field's own words\n"
            "      chained:\n        $ref: '#/definitions/alias'\n"
            "definitions:\n"
            "  my_definition:\n    name: my_definition\n    domain: sales\n    id: sales/my_definition\n"
            "    title: My Definition\n    type: string\n    format: uuid\n    maxLength: 36\n"
            "    description: The definition's words\n    tags: [ids]\n    links: {docs: 'https://example.invalid/d'}\n"
            "  alias:\n    $ref: '#/definitions/my_definition'\n    name: alias\n    domain: other\n");
        QVERIFY2(!r.hasErrors(), qPrintable(describe(r)));
        const SchemaObject &t = r.contracts.front().schema.front();
        QCOMPARE(t.properties.size(), 3);
        for (const ContractProperty &p : t.properties) {
            QVERIFY2(!p.custom.contains(QStringLiteral("name")), qPrintable(p.name));
            QVERIFY2(!p.custom.contains(QStringLiteral("domain")), qPrintable(p.name));
            QVERIFY2(!p.custom.contains(QStringLiteral("id")), qPrintable(p.name));
            QCOMPARE(p.physicalType, QStringLiteral("string"));
            QCOMPARE(p.logicalType, QStringLiteral("string"));
            QCOMPARE(p.businessName, QStringLiteral("My Definition"));
            QCOMPARE(p.constraints.value(QStringLiteral("format")), QJsonValue(QStringLiteral("uuid")));
            QCOMPARE(p.constraints.value(QStringLiteral("maxLength")).toInt(), 36);
            QCOMPARE(p.tags, QStringList{QStringLiteral("ids")});
            QVERIFY(p.custom.contains(QStringLiteral("links")));
        }
        const ContractProperty *field = propertyAt(t, QStringLiteral("my_field"));
        QVERIFY(field);
        QCOMPARE(field->name, QStringLiteral("my_field"));
        QCOMPARE(field->description, QStringLiteral("The definition's words")); // the field has none
        QCOMPARE(propertyAt(t, QStringLiteral("described"))->description, QStringLiteral("The field's own words"));
        QVERIFY(propertyAt(t, QStringLiteral("chained")));
    }

    void constraintsAndContractLevelQuality()
    {
        const ImportResult r = importText(
            "apiVersion: v3.1.0\nkind: DataContract\nid: c1\nversion: 1.0.0\nstatus: active\n"
            "slaDefaultElement: t.updated_at\nslaProperties: [{property: freshness, value: 1, unit: d}]\n"
            "quality:\n  - {type: sql, query: SELECT 1, mustBeGreaterOrEqualTo: 1}\n"
            "  - {type: custom, engine: soda, implementation: 'row_count > 0'}\n"
            "schema:\n  - name: t\n    properties:\n"
            "      - name: code\n        logicalType: string\n"
            "        logicalTypeOptions: {minLength: 2, maxLength: 3, pattern: '^[A-Z]+$'}\n"
            "      - {name: n, logicalType: integer, logicalTypeOptions: {minimum: 0, maximum: 9}, enum: [1, 2]}\n");
        QVERIFY2(!r.hasErrors(), qPrintable(describe(r)));
        const Contract &c = r.contracts.front();
        const ContractProperty *code = propertyAt(c.schema.front(), QStringLiteral("code"));
        QCOMPARE(code->constraints.value(QStringLiteral("maxLength")).toInt(), 3);
        QCOMPARE(code->constraints.value(QStringLiteral("pattern")), QJsonValue(QStringLiteral("^[A-Z]+$")));
        const ContractProperty *n = propertyAt(c.schema.front(), QStringLiteral("n"));
        QCOMPARE(n->constraints.value(QStringLiteral("maximum")).toInt(), 9);
        QCOMPARE(n->constraints.value(QStringLiteral("enum")).toArray().size(), 2);
        QVERIFY(!n->custom.contains(QStringLiteral("enum")));
        QCOMPARE(c.quality.size(), 2);
        QCOMPARE(c.quality.at(0).type, QStringLiteral("sql"));
        QVERIFY(c.quality.at(0).element.isEmpty());
        QCOMPARE(c.quality.at(0).thresholds.value(QStringLiteral("mustBeGreaterOrEqualTo")).toInt(), 1);
        QCOMPARE(c.quality.at(1).query, QStringLiteral("row_count > 0"));
        QCOMPARE(c.quality.at(1).custom.value(QStringLiteral("engine")), QJsonValue(QStringLiteral("soda")));
        QCOMPARE(c.sla.front().element, QStringLiteral("t.updated_at"));
    }

    void dcsReferencesThatCannotBeResolved()
    {
        const ImportResult r = importText(
            "dataContractSpecification: 1.1.0\nid: d\ninfo: {title: T, version: 1.0.0, status: proposed,"
            " owner: ann@example.com}\n"
            "definitions:\n  a: {$ref: '#/definitions/b', type: string}\n  b: {$ref: '#/definitions/a'}\n"
            "models:\n  m:\n    fields:\n"
            "      loop: {$ref: '#/definitions/a'}\n"
            "      missing: {$ref: '#/definitions/nope', type: int}\n"
            "      remote: {$ref: 'https://example.com/defs.yaml#/x', type: text}\n"
            "      nested: {type: object, fields: {inner: {type: struct, fields: {leaf: {type: bigint}}}}}\n"
            "      list: {type: array, items: {type: varchar}}\n");
        const Contract &c = r.contracts.front();
        QCOMPARE(c.status, QStringLiteral("proposed"));
        QCOMPARE(c.owner, QStringLiteral("ann@example.com"));
        QVERIFY(r.teams.empty()); // an address names a person, not a team
        QVERIFY(findDiagnostic(r, Diagnostic::Severity::Error, QStringLiteral("a cycle")));
        QVERIFY(findDiagnostic(r, Diagnostic::Severity::Error, QStringLiteral("'#/definitions/nope'")));
        QVERIFY(findDiagnostic(r, Diagnostic::Severity::Warning, QStringLiteral("outside this document")));
        const SchemaObject &m = c.schema.front();
        QCOMPARE(m.properties.size(), 5);
        QCOMPARE(propertyAt(m, QStringLiteral("missing"))->logicalType, QStringLiteral("integer"));
        QCOMPARE(propertyAt(m, QStringLiteral("remote"))->logicalType, QStringLiteral("string"));
        QCOMPARE(propertyAt(m, QStringLiteral("nested.inner.leaf"))->logicalType, QStringLiteral("integer"));
        QCOMPARE(propertyAt(m, QStringLiteral("nested.inner"))->logicalType, QStringLiteral("object"));
        QCOMPARE(propertyAt(m, QStringLiteral("list.items"))->physicalType, QStringLiteral("varchar"));
    }

    void dcsSodaSpecificationAsText()
    {
        const ImportResult r = importText(
            "dataContractSpecification: 0.9.2\nid: d\ninfo: {title: T, version: 1.0.0}\n"
            "models:\n  orders:\n    fields: {email: {type: string}}\n"
            "quality:\n  type: SodaCL\n  specification: |\n    checks for orders:\n"
            "      - missing_percent(email) < 5\n      - avg(total) between 10 and 20\n"
            "      - row_count > 0:\n          name: Has rows\n");
        QVERIFY2(!r.hasErrors(), qPrintable(describe(r)));
        const QList<QualityRule> &rules = r.contracts.front().quality;
        QCOMPARE(rules.size(), 3);
        QCOMPARE(rules.at(0).metric, QStringLiteral("missingValues"));
        QCOMPARE(rules.at(0).element, QStringLiteral("orders.email"));
        QCOMPARE(rules.at(0).thresholds.value(QStringLiteral("unit")), QJsonValue(QStringLiteral("percent")));
        QCOMPARE(rules.at(1).thresholds.value(QStringLiteral("mustBeBetween")).toArray(), (QJsonArray{10, 20}));
        QCOMPARE(rules.at(2).name, QStringLiteral("Has rows"));
        QCOMPARE(rules.at(2).metric, QStringLiteral("rowCount"));
    }

    void aliasBombStopsEarly()
    {
        // Billion laughs twice over: as plain data (custom keys) and as nested properties.
        QByteArray yaml = "apiVersion: v3.1.0\nkind: DataContract\nid: bomb\nversion: 1.0.0\nstatus: active\n"
                          "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
                          "p0: &p0 {name: leaf}\n";
        for (int i = 1; i <= 9; ++i) {
            const QByteArray prev = QByteArray::number(i - 1);
            QByteArray items, props;
            for (int k = 0; k < 10; ++k) {
                items += (k ? ", *l" : "*l") + prev;
                props += (k ? ", *p" : "*p") + prev;
            }
            yaml += "l" + QByteArray::number(i) + ": &l" + QByteArray::number(i) + " [" + items + "]\n";
            yaml += "p" + QByteArray::number(i) + ": &p" + QByteArray::number(i) + " {name: n, properties: [" + props
                + "]}\n";
        }
        yaml += "schema:\n  - name: t\n    properties: [*p9, *p9]\n";
        const ImportResult r = importText(yaml);
        QVERIFY2(findDiagnostic(r, Diagnostic::Severity::Error, QStringLiteral("expands to more than")),
                 qPrintable(describe(r)));
        QCOMPARE(r.contracts.size(), size_t(1));
        QCOMPARE(r.contracts.front().id, QStringLiteral("bomb"));
    }

    void deepNestingDoesNotCrash()
    {
        // Far deeper than the YAML parser allows: rejected as a document, no crash.
        QByteArray deep = "apiVersion: v3.1.0\nkind: DataContract\nid: deep\nversion: 1\nstatus: active\nschema: [";
        for (int i = 0; i < 10000; ++i)
            deep += "{name: a, properties: [";
        for (int i = 0; i < 10000; ++i)
            deep += "]}";
        deep += "]\n";
        const ImportResult rejected = importText(deep);
        QVERIFY(rejected.hasErrors());
        QVERIFY(rejected.contracts.empty());

        // Deep enough to pass the parser: read down to the nesting limit, the rest reported.
        QByteArray nested = "apiVersion: v3.1.0\nkind: DataContract\nid: deep\nversion: 1\nstatus: active\nschema: [{name: t, properties: [";
        for (int i = 0; i < 150; ++i)
            nested += "{name: a, properties: [";
        for (int i = 0; i < 150; ++i)
            nested += "]}";
        nested += "]}]\n";
        const ImportResult limited = importText(nested);
        QVERIFY2(findDiagnostic(limited, Diagnostic::Severity::Error, QStringLiteral("nests deeper than")),
                 qPrintable(describe(limited)));
        QCOMPARE(limited.contracts.size(), size_t(1));
        const QList<ContractProperty> *level = &limited.contracts.front().schema.front().properties;
        int depth = 0;
        while (!level->isEmpty()) {
            ++depth;
            level = &level->front().properties;
        }
        QCOMPARE(depth, 64);
    }
};

QTEST_GUILESS_MAIN(TestContractImporters)
#include "tst_contractimporters.moc"
