#include "importers/importer.h"
#include "model/importresult.h"
#include "importsupport.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QTest>

using namespace meshscope;
using namespace testsupport;

namespace {

const Domain *domain(const ImportResult &r, const QString &id)
{
    for (const Domain &d : r.domains) {
        if (d.id == id)
            return &d;
    }
    return nullptr;
}

const ServiceLevel *slo(const DataProduct &p, const QString &property)
{
    for (const ServiceLevel &s : p.slos) {
        if (s.property == property)
            return &s;
    }
    return nullptr;
}

// The first DataProduct of seed article 001, indentation restored as the real file would have it.
const QByteArray kOrdersFacts = R"(# Domain data product manifest — orders domain
apiVersion: datamesh.example.com/v1
kind: DataProduct
metadata:
  name: orders-facts
  domain: order-management
  owner: order-team@example.com
  domainType: source-aligned
spec:
  description: |
    Order lifecycle facts including creation, fulfillment,
    and revenue metrics. Updated within 15 minutes of order events.
  classification: internal
  schema:
    format: avro
    registry: https://schema-registry.internal/subjects/orders-facts
    version: 3
    fields:
      - name: order_id
        type: string
        description: Unique order identifier
        pii: false
        required: true
      - name: customer_id
        type: string
        description: Customer identifier (hashed)
        pii: true
        governance: hash-before-publish
        classification: confidential
      - name: total_amount
        type: decimal
      - name: status
        type: enum
        values: [placed, confirmed, shipped, delivered, cancelled]
  slo:
    freshness: 15m          # Data available within 15 min
    availability: 99.9%     # Uptime guarantee
    quality_score: 0.95
  output_ports:
    - name: orders-facts-stream
      type: streaming
      technology: kafka
      topic: orders-domain.orders-facts.v3
      contract: orders-facts-stream-v3
      format: avro
    - type: batch
      technology: iceberg
      location: s3://data-lake/orders/facts/
      contractId: orders-facts-batch
  input_ports:
    - name: payments
      product: payments-events
      contract: payment-events-v2
  lineage:
    sources:
      - orders-db.public.orders
      - orders-db.public.order_items
      - payments-domain.payment-events.v2
    transformation: dbt://orders/models/facts/orders_facts.sql
  consumers:
    - marketing-analytics
)";

} // namespace

class TestProductImporters : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void odpsCustomerProduct()
    {
        const ImportResult r
            = importCorpus("bitol-io/open-data-product-standard/docs/examples/customer-data-product.odps.yaml");
        QVERIFY2(!r.hasErrors(), qPrintable(describe(r)));
        QCOMPARE(r.format, QStringLiteral("odps"));
        QCOMPARE(r.products.size(), size_t(1));
        const DataProduct &p = r.products.front();
        QCOMPARE(p.id, QStringLiteral("fbe8d147-28db-4f1d-bedf-a3fe9f458427"));
        QCOMPARE(p.name, QStringLiteral("Customer Data Product"));
        QCOMPARE(p.specFormat, QStringLiteral("odps"));
        QCOMPARE(p.domainId, QStringLiteral("seller"));
        QVERIFY(domain(r, "seller"));
        QCOMPARE(p.status, QStringLiteral("draft"));
        QCOMPARE(p.tags, QStringList { "customer" });
        QVERIFY(p.description.startsWith("## Purpose\n\nEnterprise view of a customer."));
        QVERIFY(p.description.contains("## Usage\n\nCheck the various artefacts"));
        QCOMPARE(p.custom.value("tenant").toString(), QStringLiteral("RetailCorp"));
        QCOMPARE(p.custom.value("support").toArray().size(), 2);
        QCOMPARE(p.custom.value("managementPorts").toArray().size(), 1);

        // Same-named ports in several versions get distinct ids; "payments " loses its stray space.
        QCOMPARE(p.inputPorts.size(), 4);
        QCOMPARE(p.inputPorts[0].id, QStringLiteral("payments@1.0.0"));
        QCOMPARE(p.inputPorts[0].name, QStringLiteral("payments"));
        QCOMPARE(p.inputPorts[1].id, QStringLiteral("payments@2.0.0"));
        QCOMPARE(p.inputPorts[1].contractId, QStringLiteral("dbb7b1eb-7628-436e-8914-2a00638ba6da"));
        QCOMPARE(p.inputPorts[3].tags, QStringList { "transactions" });
        QCOMPARE(p.outputPorts.size(), 4);
        QCOMPARE(p.outputPorts[0].type, QStringLiteral("tables"));
        QCOMPARE(p.outputPorts[0].description, QStringLiteral("Raw Transactions"));
        QCOMPARE(p.outputPorts[3].id, QStringLiteral("fulltransactionswithreturns@0.3.0"));
        QCOMPARE(p.outputPorts[3].contractId, QStringLiteral("ef769969-0cbe-4188-876f-bb00abadaee4"));
        const QJsonObject raw2 = p.custom.value("ports").toObject().value("rawtransactions@2.0.0").toObject();
        QCOMPARE(raw2.value("inputContracts").toArray().size(), 2);

        // The team becomes an entity; the owner is the member whose role is owner.
        QCOMPARE(p.owner, QStringLiteral("john.doe@retailcorp.com"));
        QCOMPARE(p.teamId, QStringLiteral("data-team"));
        QCOMPARE(r.teams.size(), size_t(1));
        QCOMPARE(r.teams.front().name, QStringLiteral("Data Team"));
        QCOMPARE(r.teams.front().domainId, QStringLiteral("seller"));
        QCOMPARE(r.teams.front().members.size(), 2);
        QCOMPARE(r.teams.front().members[1].role, QStringLiteral("data steward"));
    }

    void odpsSimpleProduct()
    {
        const ImportResult r
            = importCorpus("bitol-io/open-data-product-standard/docs/examples/simple-data-product.odps.yaml");
        QVERIFY2(r.diagnostics.empty(), qPrintable(describe(r)));
        QCOMPARE(r.products.size(), size_t(1));
        const DataProduct &p = r.products.front();
        QCOMPARE(p.id, QStringLiteral("064c4630-8aad-4dc0-ba95-0f69940e6b18"));
        QCOMPARE(p.version, QStringLiteral("v1.0.0"));
        QCOMPARE(p.status, QStringLiteral("active"));
        QCOMPARE(p.tags, (QStringList { "test", "simple" }));
        QVERIFY(p.domainId.isEmpty());
        QVERIFY(r.domains.empty());
        QCOMPARE(p.inputPorts.size(), 1);
        QCOMPARE(p.inputPorts[0].contractId, QStringLiteral("12345678-1234-1234-1234-123456789abc"));
        QCOMPARE(p.outputPorts.size(), 1);
        QCOMPARE(p.outputPorts[0].contractId, QStringLiteral("87654321-4321-4321-4321-cba987654321"));
    }

    void odpsDomainTypeFromCustomProperty()
    {
        const ImportResult r = importText(R"(apiVersion: v1.0.0
kind: DataProduct
id: p1
status: active
domain: Order Management
customProperties:
  - property: domainType
    value: consumer-aligned
  - property: costCenter
    value: 42
team:
  - username: ann
    role: Data Product Owner
)");
        QVERIFY2(!r.hasErrors(), qPrintable(describe(r)));
        const DataProduct &p = r.products.front();
        QCOMPARE(p.domainId, QStringLiteral("order-management"));
        QCOMPARE(p.domainType, DomainType::ConsumerAligned);
        QCOMPARE(domain(r, "order-management")->type, DomainType::ConsumerAligned);
        QCOMPARE(domain(r, "order-management")->name, QStringLiteral("Order Management"));
        QCOMPARE(p.custom.value("costCenter").toInt(), 42);
        QCOMPARE(p.owner, QStringLiteral("ann"));
        QCOMPARE(p.teamId, QStringLiteral("p1-team"));
    }

    void dpsShelfWarmers()
    {
        const ImportResult r
            = importCorpus("datamesh-manager/example-gitops-repository/dataproducts/shelf_warmers.yml");
        QVERIFY2(r.diagnostics.empty(), qPrintable(describe(r)));
        QCOMPARE(r.format, QStringLiteral("dps"));
        const DataProduct &p = r.products.front();
        QCOMPARE(p.id, QStringLiteral("shelf_warmers"));
        QCOMPARE(p.name, QStringLiteral("Shelf Warmers"));
        QCOMPARE(p.specFormat, QStringLiteral("dps"));
        QCOMPARE(p.owner, QStringLiteral("fulfillment"));
        QCOMPARE(p.domainId, QStringLiteral("fulfillment"));
        QCOMPARE(p.teamId, QStringLiteral("fulfillment"));
        QVERIFY(domain(r, "fulfillment"));
        QCOMPARE(p.domainType, DomainType::ConsumerAligned);
        // The archetype describes the product, not its whole domain.
        QCOMPARE(domain(r, "fulfillment")->type, DomainType::Unknown);
        QCOMPARE(p.status, QStringLiteral("active"));
        QCOMPARE(p.description, QStringLiteral("Calculated shelfwarmers. Read about calculation in docs."));
        QCOMPARE(p.tags, (QStringList { "athena", "glue", "s3" }));
        QCOMPARE(p.custom.value("maturity").toString(), QStringLiteral("managed"));
        QCOMPARE(p.custom.value("platform").toString(), QStringLiteral("aws"));
        QCOMPARE(p.custom.value("links").toObject().value("Documentation").toString(),
            QStringLiteral("http://example.com/datamesh/fulfillment/shelf_warmers"));
        QVERIFY(p.inputPorts.isEmpty());
        QCOMPARE(p.outputPorts.size(), 2);
        QCOMPARE(p.outputPorts[0].id, QStringLiteral("glue_catalog_database_shelf_warmers_v1"));
        QCOMPARE(p.outputPorts[0].contractId, QStringLiteral("glue_catalog_database_shelf_warmers_v1"));
        QCOMPARE(p.outputPorts[0].type, QStringLiteral("Glue"));
        QCOMPARE(p.outputPorts[0].location,
            QStringLiteral("arn:aws:glue:eu-central-1:528115139298:table/fulfillment-shelf-warmers/shelf_warmers"));
        QVERIFY(!p.outputPorts[0].tags.contains("pii"));
        QCOMPARE(p.outputPorts[1].contractId, QStringLiteral("s3_bucket_shelf_warmers_v1"));
        QCOMPARE(p.outputPorts[1].tags, QStringList { "s3" });
        QCOMPARE(r.teams.size(), size_t(1));
    }

    void dpsInputPortsAndPii()
    {
        const ImportResult r = importText(R"(dataProductSpecification: 0.0.1
id: search_queries
info:
  title: Search Queries
  owner: search-team
  archetype: source-aligned
inputPorts:
  - id: kafka_search_topic
    name: kafka_search_topic
    sourceSystemId: search-service
    type: Kafka
outputPorts:
  - id: snowflake_v1
    name: snowflake_v1
    containsPii: true
    server:
      database: SEARCH_DB
      schema: SEARCH_QUERIES_ALL_NPII_V1
      table: queries
)");
        QVERIFY2(r.diagnostics.empty(), qPrintable(describe(r)));
        const DataProduct &p = r.products.front();
        QCOMPARE(p.domainType, DomainType::SourceAligned);
        QCOMPARE(p.inputPorts[0].sourceProductId, QStringLiteral("search-service"));
        QCOMPARE(p.outputPorts[0].tags, QStringList { "pii" });
        QCOMPARE(p.outputPorts[0].location, QStringLiteral("SEARCH_DB.SEARCH_QUERIES_ALL_NPII_V1.queries"));
    }

    void datahubProduct()
    {
        const ImportResult r
            = importCorpus("datahub-project/datahub/metadata-ingestion/examples/data_product/dataproduct.yaml");
        QVERIFY2(r.diagnostics.empty(), qPrintable(describe(r)));
        QCOMPARE(r.format, QStringLiteral("datahub-product"));
        const DataProduct &p = r.products.front();
        QCOMPARE(p.id, QStringLiteral("pet_of_the_week"));
        QCOMPARE(p.name, QStringLiteral("Pet of the Week Campaign"));
        QCOMPARE(p.specFormat, QStringLiteral("datahub"));
        QCOMPARE(p.domainId, QStringLiteral("marketing"));
        QCOMPARE(domain(r, "marketing")->name, QStringLiteral("Marketing"));
        QCOMPARE(p.owner, QStringLiteral("jdoe"));
        QCOMPARE(p.tags, QStringList { "adoption" });
        QCOMPARE(p.description, QStringLiteral("This campaign includes Pet of the Week data."));
        QCOMPARE(p.custom.value("assets").toArray().size(), 3);
        QCOMPARE(p.custom.value("lifecycle").toString(), QStringLiteral("production"));
        QCOMPARE(
            p.custom.value("terms").toArray().first().toString(), QStringLiteral("ClientsAndAccounts.AccountBalance"));
        QCOMPARE(p.custom.value("links").toObject().value("URL for campaign").toString(),
            QStringLiteral("https://example.com/pet_of_the_week"));
        QCOMPARE(p.custom.value("owners").toArray().size(), 2);
        // Only the dataset asset becomes a port; the dashboard and the flow stay in custom.
        QCOMPARE(p.outputPorts.size(), 1);
        QCOMPARE(p.outputPorts[0].type, QStringLiteral("snowflake"));
        QCOMPARE(p.outputPorts[0].location, QStringLiteral("long_tail_companions.analytics.pet_details"));
    }

    void datahubContract()
    {
        const ImportResult r = importCorpus(
            "datahub-project/datahub/metadata-ingestion/examples/data_contract/pet_of_the_week.dhub.dc.yaml");
        QVERIFY2(r.diagnostics.empty(), qPrintable(describe(r)));
        QCOMPARE(r.format, QStringLiteral("datahub-contract"));
        QCOMPARE(r.contracts.size(), size_t(1));
        const Contract &c = r.contracts.front();
        QCOMPARE(c.id, QStringLiteral("datahub:hive.SampleHiveDataset"));
        QCOMPARE(c.status, QStringLiteral("active"));
        QCOMPARE(c.specFormat, QStringLiteral("datahub"));
        QCOMPARE(c.servers.size(), 1);
        QCOMPARE(c.servers[0].type, QStringLiteral("hive"));
        QCOMPARE(c.servers[0].environment, QStringLiteral("prod"));
        QCOMPARE(c.schema.size(), 1);
        const SchemaObject &o = c.schema[0];
        QCOMPARE(o.name, QStringLiteral("SampleHiveDataset"));
        QCOMPARE(o.properties.size(), 2);
        QCOMPARE(o.properties[0].name, QStringLiteral("field_foo"));
        QCOMPARE(o.properties[0].logicalType, QStringLiteral("string"));
        QCOMPARE(o.properties[0].physicalType, QStringLiteral("VARCHAR(100)"));
        QVERIFY(!o.properties[0].required);
        QCOMPARE(o.properties[1].logicalType, QStringLiteral("boolean"));
        QVERIFY(o.properties[1].required);
        QCOMPARE(o.properties[0].quality.size(), 1);
        QCOMPARE(o.properties[0].quality[0].metric, QStringLiteral("duplicateValues"));
        QCOMPARE(o.properties[0].quality[0].element, QStringLiteral("SampleHiveDataset.field_foo"));
        QCOMPARE(o.quality.size(), 1);
        QCOMPARE(o.quality[0].type, QStringLiteral("sql"));
        QCOMPARE(o.quality[0].query, QStringLiteral("SELECT COUNT(*) FROM SampleHiveDataset"));
        QCOMPARE(o.quality[0].thresholds.value("mustBeGreaterThan").toInt(), 100);
        QCOMPARE(c.sla.size(), 1);
        QCOMPARE(c.sla[0].property, QStringLiteral("freshness"));
        QCOMPARE(c.sla[0].value, QStringLiteral("0 7 * * *"));
        QCOMPARE(
            c.custom.value("freshness").toObject().value("timezone").toString(), QStringLiteral("America/Los_Angeles"));
    }

    void manifestOrdersFacts()
    {
        const ImportResult r = importText(kOrdersFacts);
        QVERIFY2(r.diagnostics.empty(), qPrintable(describe(r)));
        QCOMPARE(r.format, QStringLiteral("manifest"));
        const DataProduct &p = r.products.front();
        QCOMPARE(p.id, QStringLiteral("orders-facts"));
        QCOMPARE(p.name, QStringLiteral("orders-facts"));
        QCOMPARE(p.line, 2);
        QCOMPARE(p.specFormat, QStringLiteral("manifest"));
        QCOMPARE(p.domainId, QStringLiteral("order-management"));
        QCOMPARE(p.domainType, DomainType::SourceAligned);
        QCOMPARE(domain(r, "order-management")->type, DomainType::SourceAligned);
        QCOMPARE(p.owner, QStringLiteral("order-team@example.com"));
        QVERIFY(p.description.startsWith("Order lifecycle facts"));
        QCOMPARE(p.custom.value("classification").toString(), QStringLiteral("internal"));
        QCOMPARE(p.custom.value("schema").toObject().value("format").toString(), QStringLiteral("avro"));
        QCOMPARE(p.custom.value("consumers").toArray().size(), 1);

        QCOMPARE(p.fields.size(), 4);
        QVERIFY(p.fields[0].required);
        QCOMPARE(p.fields[0].pii, Stated::No);
        QCOMPARE(p.fields[1].name, QStringLiteral("customer_id"));
        QCOMPARE(p.fields[1].pii, Stated::Yes);
        QCOMPARE(p.fields[2].pii, Stated::NotStated); // total_amount has no `pii` key
        QCOMPARE(p.fields[1].governance, QStringLiteral("hash-before-publish"));
        QCOMPARE(p.fields[1].classification, QStringLiteral("confidential"));
        QCOMPARE(p.fields[2].type, QStringLiteral("decimal"));

        QCOMPARE(p.slos.size(), 3);
        QCOMPARE(slo(p, "freshness")->value, QStringLiteral("15m"));
        QCOMPARE(slo(p, "availability")->value, QStringLiteral("99.9%"));
        QCOMPARE(slo(p, "quality_score")->value, QStringLiteral("0.95"));

        QCOMPARE(p.outputPorts.size(), 2);
        QCOMPARE(p.outputPorts[0].id, QStringLiteral("orders-facts-stream"));
        QCOMPARE(p.outputPorts[0].contractId, QStringLiteral("orders-facts-stream-v3"));
        QCOMPARE(p.outputPorts[0].technology, QStringLiteral("kafka"));
        QCOMPARE(p.outputPorts[0].location, QStringLiteral("orders-domain.orders-facts.v3"));
        QCOMPARE(p.outputPorts[1].id, QStringLiteral("iceberg-2"));
        QCOMPARE(p.outputPorts[1].contractId, QStringLiteral("orders-facts-batch"));
        QCOMPARE(p.outputPorts[1].location, QStringLiteral("s3://data-lake/orders/facts/"));
        QCOMPARE(p.inputPorts.size(), 1);
        QCOMPARE(p.inputPorts[0].sourceProductId, QStringLiteral("payments-events"));
        QCOMPARE(p.inputPorts[0].contractId, QStringLiteral("payment-events-v2"));

        QCOMPARE(p.lineageSources,
            (QStringList {
                "orders-db.public.orders", "orders-db.public.order_items", "payments-domain.payment-events.v2" }));
        QCOMPARE(p.custom.value("lineage").toObject().value("transformation").toString(),
            QStringLiteral("dbt://orders/models/facts/orders_facts.sql"));
    }

    void manifestOwnerMappingAndNestedSlos()
    {
        // Seed article 002's style: owner as a mapping, camelCase ports, SLO targets with measurements.
        const ImportResult r = importText(R"(apiVersion: datamesh.io/v1
kind: DataProduct
metadata:
  name: customer-360
  domain: customer
  version: 2.1.0
  archetype: aggregate
  owner:
    team: customer-domain-team
    email: customer-team@example.com
    slack: '#customer-data-support'
spec:
  outputPorts:
    - name: customer-360-table
      type: snowflake
      database: customer_domain
      schema: gold
      table: customer_360
  slo:
    freshness:
      target: 1 hour
      measurement: max_latency_from_source
  lineage:
    upstreamProducts: [customer-transactions, customer-profile-raw]
  access:
    classification: confidential
)");
        QVERIFY2(r.diagnostics.empty(), qPrintable(describe(r)));
        const DataProduct &p = r.products.front();
        QCOMPARE(p.version, QStringLiteral("2.1.0"));
        QCOMPARE(p.owner, QStringLiteral("customer-domain-team"));
        QCOMPARE(p.teamId, QStringLiteral("customer-domain-team"));
        QCOMPARE(r.teams.front().domainId, QStringLiteral("customer"));
        QCOMPARE(p.custom.value("ownerContact").toObject().value("email").toString(),
            QStringLiteral("customer-team@example.com"));
        QCOMPARE(p.domainType, DomainType::Aggregate);
        QCOMPARE(domain(r, "customer")->type, DomainType::Unknown);
        QCOMPARE(p.outputPorts[0].location, QStringLiteral("customer_domain.gold.customer_360"));
        QCOMPARE(slo(p, "freshness")->value, QStringLiteral("1 hour"));
        QCOMPARE(p.custom.value("slo").toObject().value("freshness").toObject().value("measurement").toString(),
            QStringLiteral("max_latency_from_source"));
        QCOMPARE(p.lineageSources, (QStringList { "customer-transactions", "customer-profile-raw" }));
        QCOMPARE(
            p.custom.value("access").toObject().value("classification").toString(), QStringLiteral("confidential"));
    }

    void domainDocumentWithParent()
    {
        const ImportResult r = importText(R"(apiVersion: meshscope.io/v1
kind: DataProduct
metadata:
  name: orders-facts
  domain: order-management
---
apiVersion: meshscope.io/v1
kind: Domain
metadata:
  name: Order Management
  parent: Commerce
spec:
  displayName: Order Management
  type: source-aligned
  description: Orders from checkout to delivery.
  owner: order-team@example.com
)");
        QVERIFY2(r.diagnostics.empty(), qPrintable(describe(r)));
        QCOMPARE(r.format, QStringLiteral("domain"));
        const Domain *d = domain(r, "order-management");
        QVERIFY(d);
        // The Domain document replaces the stub the product noted first.
        QCOMPARE(std::count_if(
                     r.domains.begin(), r.domains.end(), [](const Domain &x) { return x.id == u"order-management"; }),
            1);
        QCOMPARE(d->name, QStringLiteral("Order Management"));
        QCOMPARE(d->type, DomainType::SourceAligned);
        QCOMPARE(d->parentId, QStringLiteral("commerce"));
        QCOMPARE(d->description, QStringLiteral("Orders from checkout to delivery."));
        QCOMPARE(d->owner, QStringLiteral("order-team@example.com"));
        QVERIFY(domain(r, "commerce"));
    }

    void governancePolicy()
    {
        const ImportResult r = importText(R"(# Global governance policies — enforced automatically
apiVersion: governance.datamesh.example.com/v1
kind: GovernancePolicy
metadata:
  name: global-data-standards
spec:
  naming_conventions:
    tables: snake_case
    topics: "{domain}.{product-name}.v{version}"
  pii_handling:
    detection: automatic  # ML-based PII detection
    actions:
      - field_type: email
        action: hash_sha256
      - field_type: phone
        action: mask_last_4
  quality_requirements:
    minimum_quality_score: 0.90
    required_checks:
      - null_rate_below_threshold
      - schema_conformance
---
apiVersion: governance.datamesh.example.com/v1
kind: GovernancePolicy
metadata:
  name: orders-standards
  domain: Order Management
  extends: global-data-standards
spec:
  retention:
    default: 7_years
)");
        QVERIFY2(r.diagnostics.empty(), qPrintable(describe(r)));
        QCOMPARE(r.policies.size(), size_t(2));
        const GovernancePolicy &global = r.policies[0];
        QCOMPARE(global.id, QStringLiteral("global-data-standards"));
        QCOMPARE(global.name, QStringLiteral("global-data-standards"));
        QCOMPARE(global.apiVersion, QStringLiteral("governance.datamesh.example.com/v1"));
        QVERIFY(global.domainId.isEmpty());
        QCOMPARE(global.spec.value("naming_conventions").toObject().value("tables").toString(),
            QStringLiteral("snake_case"));
        QCOMPARE(global.spec.value("pii_handling").toObject().value("actions").toArray().size(), 2);
        QCOMPARE(global.spec.value("quality_requirements").toObject().value("minimum_quality_score").toDouble(), 0.9);
        const GovernancePolicy &orders = r.policies[1];
        QCOMPARE(orders.domainId, QStringLiteral("order-management"));
        QCOMPARE(orders.extends, QStringLiteral("global-data-standards"));
        QCOMPARE(orders.spec.value("retention").toObject().value("default").toString(), QStringLiteral("7_years"));
    }

    void aliasBombInPolicyIsCutShort()
    {
        QByteArray yaml = "apiVersion: g/v1\nkind: GovernancePolicy\nmetadata:\n  name: bomb\nspec:\n"
                          "  a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        const char *names = "abcdefghij";
        for (int i = 1; i < 10; ++i) {
            yaml += QByteArray("  ") + names[i] + ": &" + names[i] + " [";
            for (int k = 0; k < 10; ++k)
                yaml += QByteArray(k ? ", *" : "*") + names[i - 1];
            yaml += "]\n";
        }
        const ImportResult r = importText(yaml);
        QCOMPARE(r.policies.size(), size_t(1));
        const Diagnostic *d = findDiagnostic(r, "too large");
        QVERIFY2(d, qPrintable(describe(r)));
        QVERIFY(d->line > 0);
    }

    void deeplyNestedJsonSchemaStops()
    {
        QByteArray yaml = "entity: urn:li:dataset:(urn:li:dataPlatform:hive,Deep,PROD)\nschema:\n  type: json-schema\n"
                          "  json-schema:\n";
        QByteArray indent = "    ";
        for (int i = 0; i < 60; ++i) {
            yaml += indent + "properties:\n" + indent + "  f" + QByteArray::number(i) + ":\n" + indent
                + "    type: object\n";
            indent += "    ";
        }
        const ImportResult r = importText(yaml);
        QVERIFY(!r.hasErrors());
        QCOMPARE(r.contracts.size(), size_t(1));
        QVERIFY2(findDiagnostic(r, "nested deeper"), qPrintable(describe(r)));
    }

    void edgeCasesGiveLocatedDiagnostics_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<bool>("isError");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("fragment");
        QTest::addColumn<int>("products");

        QTest::newRow("odps without id or name")
            << QByteArray("apiVersion: v1.0.0\nkind: DataProduct\nstatus: active\n") << true << 1
            << "neither an id nor a name" << 0;
        QTest::newRow("odps name only: id derived")
            << QByteArray("apiVersion: v1.0.0\nkind: DataProduct\nstatus: active\nname: Sales KPIs\n") << false << 1
            << "using 'sales-kpis'" << 1;
        QTest::newRow("odps ports not a list")
            << QByteArray("apiVersion: v1.0.0\nkind: DataProduct\nid: p\nstatus: active\noutputPorts: tables\n") << true
            << 5 << "`outputPorts` must be a list" << 1;
        QTest::newRow("odps port item not a mapping")
            << QByteArray("apiVersion: v1.0.0\nkind: DataProduct\nid: p\nstatus: active\noutputPorts:\n"
                          "  - name: ok\n    version: 1.0.0\n  - just-text\n")
            << true << 8 << "item 2 must be a mapping" << 1;
        QTest::newRow("odps input port without contract")
            << QByteArray("apiVersion: v1.0.0\nkind: DataProduct\nid: p\nstatus: active\ninputPorts:\n"
                          "  - name: in\n    version: 1.0.0\n")
            << false << 6 << "names no `contractId`" << 1;
        QTest::newRow("odps name is a list")
            << QByteArray("apiVersion: v1.0.0\nkind: DataProduct\nid: p\nstatus: active\nname: [a, b]\n") << false << 5
            << "`name` must be text" << 1;
        QTest::newRow("odps tags a mapping")
            << QByteArray("apiVersion: v1.0.0\nkind: DataProduct\nid: p\nstatus: active\ntags:\n  a: b\n") << false << 6
            << "`tags` must be a list" << 1;
        QTest::newRow("odps team a scalar")
            << QByteArray("apiVersion: v1.0.0\nkind: DataProduct\nid: p\nstatus: active\nteam: bob\n") << false << 5
            << "`team` must be a mapping" << 1;
        QTest::newRow("manifest without metadata.name")
            << QByteArray("apiVersion: x.io/v1\nkind: DataProduct\nmetadata:\n  domain: sales\n") << true << 4
            << "`metadata.name` is missing" << 0;
        QTest::newRow("manifest metadata a list")
            << QByteArray("apiVersion: x.io/v1\nkind: DataProduct\nmetadata: [a]\n") << true << 3
            << "`metadata` must be a mapping" << 0;
        QTest::newRow("manifest pii not a boolean")
            << QByteArray("apiVersion: x.io/v1\nkind: DataProduct\nmetadata:\n  name: p\nspec:\n  schema:\n"
                          "    fields:\n      - name: email\n        pii: maybe\n")
            << false << 9 << "`pii` must be true or false" << 1;
        QTest::newRow("manifest fields not a list")
            << QByteArray("apiVersion: x.io/v1\nkind: DataProduct\nmetadata:\n  name: p\nspec:\n  schema:\n"
                          "    fields: email\n")
            << true << 7 << "`fields` must be a list" << 1;
        QTest::newRow("manifest slo as text")
            << QByteArray("apiVersion: x.io/v1\nkind: DataProduct\nmetadata:\n  name: p\nspec:\n  slo: fast\n") << true
            << 6 << "`slo` must be a mapping" << 1;
        QTest::newRow("seed e-mail lost to obfuscation")
            << QByteArray("apiVersion: x.io/v1\nkind: DataProduct\nmetadata:\n  name: p\n  owner:\n"
                          "    team: t\n    email: [email protected]\n")
            << false << 7 << "`email` must be text" << 1;
        QTest::newRow("manifest unknown domain type")
            << QByteArray("apiVersion: x.io/v1\nkind: DataProduct\nmetadata:\n  name: p\n  domainType: sideways\n")
            << false << 5 << "unknown domain type 'sideways'" << 1;
        QTest::newRow("dps info a list") << QByteArray("dataProductSpecification: 0.0.1\nid: x\ninfo:\n  - title\n")
                                         << true << 4 << "`info` must be a mapping" << 1;
        QTest::newRow("dps without info")
            << QByteArray("dataProductSpecification: 0.0.1\nid: x\n") << true << 1 << "`info` is missing" << 1;
        QTest::newRow("domain without name")
            << QByteArray("apiVersion: x.io/v1\nkind: Domain\nmetadata:\n  parent: a\n") << true << 4
            << "Domain needs a name" << 0;
        QTest::newRow("domain with unknown type")
            << QByteArray("apiVersion: x.io/v1\nkind: Domain\nmetadata:\n  name: a\nspec:\n  type: diagonal\n") << false
            << 6 << "unknown domain type" << 0;
        QTest::newRow("policy without name")
            << QByteArray("apiVersion: x.io/v1\nkind: GovernancePolicy\nspec:\n  a: 1\n") << true << 1
            << "GovernancePolicy needs a name" << 0;
        QTest::newRow("policy spec a list")
            << QByteArray("apiVersion: x.io/v1\nkind: GovernancePolicy\nmetadata:\n  name: p\nspec:\n  - a\n") << true
            << 6 << "`spec` must be a mapping" << 0;
        QTest::newRow("datahub contract with a broken urn")
            << QByteArray("entity: urn:li:dataset:broken\n") << true << 1 << "not a dataset urn" << 0;
        QTest::newRow("datahub product owners a mapping")
            << QByteArray("id: p\ndomain: d\nassets: []\nowners:\n  id: x\n") << true << 5 << "`owners` must be a list"
            << 1;
    }

    void edgeCasesGiveLocatedDiagnostics()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(bool, isError);
        QFETCH(int, line);
        QFETCH(QString, fragment);
        QFETCH(int, products);

        const ImportResult r = importText(yaml);
        const Diagnostic *d = findDiagnostic(r, fragment);
        QVERIFY2(d, qPrintable(describe(r)));
        QCOMPARE(d->severity, isError ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning);
        QCOMPARE(d->line, line);
        QCOMPARE(d->file, QStringLiteral("inline.yaml"));
        QCOMPARE(int(r.products.size()), products);
        for (const Diagnostic &each : r.diagnostics)
            QVERIFY2(each.line > 0, qPrintable(each.toString()));
    }

    void duplicatePortIdsAreReportedAndKeptApart()
    {
        const ImportResult r = importText(R"(dataProductSpecification: 0.0.1
id: p
info:
  title: P
  owner: team-a
outputPorts:
  - id: snowflake_v1
    dataContractId: c1
  - id: snowflake_v1
    dataContractId: c2
)");
        const Diagnostic *d = findDiagnostic(r, "used twice");
        QVERIFY2(d, qPrintable(describe(r)));
        QCOMPARE(d->line, 9);
        const DataProduct &p = r.products.front();
        QCOMPARE(p.outputPorts.size(), 2);
        QCOMPARE(p.outputPorts[1].id, QStringLiteral("snowflake_v1-2"));
        QCOMPARE(p.outputPorts[1].contractId, QStringLiteral("c2"));
    }

    void nullValuesAreTreatedAsAbsent()
    {
        const ImportResult r = importText(R"(apiVersion: v1.0.0
kind: DataProduct
id: p
status: active
name: ~
domain: null
description:
tags: ~
inputPorts: ~
outputPorts:
  - ~
  - name: real
    version: ~
    contractId: null
team: ~
)");
        QCOMPARE(r.products.size(), size_t(1));
        const DataProduct &p = r.products.front();
        QCOMPARE(p.name, QStringLiteral("p"));
        QVERIFY(p.domainId.isEmpty());
        QVERIFY(p.description.isEmpty());
        QVERIFY(p.inputPorts.isEmpty());
        QCOMPARE(p.outputPorts.size(), 1);
        QCOMPARE(p.outputPorts[0].id, QStringLiteral("real"));
        // The null list item is the only problem worth reporting.
        QCOMPARE(countDiagnostics(r, Diagnostic::Severity::Error), 1);
        QCOMPARE(r.diagnostics.front().line, 11);
    }

    void emptyDocumentsAreSkippedNotCrashed()
    {
        for (const QByteArray &text :
            { QByteArray(), QByteArray("---\n"), QByteArray("~\n"), QByteArray("# only\n") }) {
            const ImportResult r = importText(text);
            QVERIFY(r.products.empty());
            QVERIFY(!r.hasErrors());
            QVERIFY(!r.diagnostics.empty());
            QCOMPARE(r.diagnostics.front().line, 1);
        }
        // Recognised but empty bodies: a DataProduct / Domain / policy with nothing else.
        for (const QByteArray &text : { QByteArray("apiVersion: v1.0.0\nkind: DataProduct\n"),
                 QByteArray("apiVersion: a/v1\nkind: DataProduct\n"), QByteArray("kind: Domain\n"),
                 QByteArray("kind: GovernancePolicy\n"), QByteArray("dataProductSpecification: 0.0.1\n") }) {
            const ImportResult r = importText(text);
            QVERIFY2(r.hasErrors(), qPrintable(describe(r)));
            QVERIFY(r.products.empty());
            QVERIFY(r.diagnostics.front().line > 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestProductImporters)
#include "tst_productimporters.moc"
