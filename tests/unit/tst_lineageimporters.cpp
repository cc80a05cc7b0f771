#include "importers/formats.h"
#include "importers/importer.h"
#include "importers/jsonsupport.h"
#include "model/importresult.h"
#include "testsupport.h"

#include <QTest>

#include <algorithm>

using namespace meshscope;

namespace {

const Dataset *findDataset(const ImportResult &r, const QString &id)
{
    for (const Dataset &d : r.datasets) {
        if (d.id == id)
            return &d;
    }
    return nullptr;
}

const Job *findJob(const ImportResult &r, const QString &id)
{
    for (const Job &j : r.jobs) {
        if (j.id == id)
            return &j;
    }
    return nullptr;
}

bool hasEdge(const ImportResult &r, const QString &from, const QString &to, const QString &jobId = {})
{
    return std::any_of(r.lineageEdges.begin(), r.lineageEdges.end(), [&](const LineageEdge &e) {
        return e.from == from && e.to == to && (jobId.isEmpty() || e.jobId == jobId);
    });
}

int countKind(const ImportResult &r, const QString &kind)
{
    return int(std::count_if(r.datasets.begin(), r.datasets.end(),
                             [&](const Dataset &d) { return d.kind == kind; }));
}

int countSeverity(const ImportResult &r, Diagnostic::Severity s, const QString &containing = {})
{
    return int(std::count_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic &d) {
        return d.severity == s && (containing.isEmpty() || d.message.contains(containing));
    }));
}

const Diagnostic *firstError(const ImportResult &r)
{
    for (const Diagnostic &d : r.diagnostics) {
        if (d.severity == Diagnostic::Severity::Error)
            return &d;
    }
    return nullptr;
}

QString allDiagnostics(const ImportResult &r)
{
    QStringList lines;
    for (const Diagnostic &d : r.diagnostics)
        lines.append(d.toString());
    return lines.join(QLatin1Char('\n'));
}

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toUTC();
}

/// JSON fixtures are written with single quotes, readable in C++ and safe for moc (which misreads
/// "//" inside raw string literals as a comment); this turns them into real JSON.
QByteArray js(const char *text)
{
    QByteArray bytes(text);
    bytes.replace('\'', '"');
    return bytes;
}

/// A v12 postgres manifest: the metadata, then `rest` (the other top-level keys).
QByteArray manifest(const QByteArray &rest)
{
    return js("{'metadata': {'dbt_schema_version': 'https://schemas.getdbt.com/dbt/manifest/v12.json',\n"
              "  'adapter_type': 'postgres', 'project_name': 'shop'},\n")
        + rest + "}";
}

const QString kJaffle = QStringLiteral("snowflake://analytics.dbt_jcohen.");

} // namespace

class TestLineageImporters : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // ---- dbt manifest, real corpus ----------------------------------------------------------

    void dbtCorpusCounts()
    {
        const QString path = testsupport::corpus("dbt-labs/dbt-docs/data/manifest.json");
        const ImportResult r = importDocument(path, testsupport::readAll(path));
        QCOMPARE(r.format, QStringLiteral("dbt-manifest"));
        QVERIFY2(!r.hasErrors(), qPrintable(allDiagnostics(r)));
        QCOMPARE(countSeverity(r, Diagnostic::Severity::Warning), 0);

        // 11 models, three of them ephemeral (no table: jobs the lineage passes through, not datasets).
        QCOMPARE(countKind(r, "model"), 8);
        QCOMPARE(countKind(r, "seed"), 3);
        QCOMPARE(countKind(r, "exposure"), 3);
        // Both sources name tables the seeds build (raw_orders, raw_customers): each becomes the
        // seed's dataset, said so in an info diagnostic, rather than a second node for one table.
        QCOMPARE(countKind(r, "source"), 0);
        QCOMPARE(countSeverity(r, Diagnostic::Severity::Info, "source.jaffle_shop.payments."), 2);
        QCOMPARE(r.datasets.size(), size_t(14));
        const Dataset *rawCustomers = findDataset(r, kJaffle + "raw_customers");
        QVERIFY(rawCustomers);
        QVERIFY(rawCustomers->tags.contains("important")); // from source tagged_source

        int checks = 0;
        for (const Dataset &d : r.datasets)
            checks += int(d.checks.size());
        QCOMPARE(checks, 25);

        QCOMPARE(r.jobs.size(), size_t(11));
        int ephemeralJobs = 0;
        for (const Job &j : r.jobs) {
            QVERIFY(j.kind == u"dbt-model" || j.kind == u"dbt-ephemeral");
            ephemeralJobs += j.kind == u"dbt-ephemeral" ? 1 : 0;
        }
        QCOMPARE(ephemeralJobs, 3);
        QVERIFY(r.columnEdges.empty()); // dbt manifests carry no column lineage
        QVERIFY(r.runs.empty());
        for (const QString kind : {"test", "metric", "analysis"})
            QCOMPARE(countKind(r, kind), 0);
    }

    void dbtCorpusEdgesFromParentMap()
    {
        const QString path = testsupport::corpus("dbt-labs/dbt-docs/data/manifest.json");
        const ImportResult r = importDocument(path, testsupport::readAll(path));
        // 20 dataset-to-dataset pairs in parent_map; tests, metrics and the analysis are not nodes. Seven
        // of them touch the three ephemeral models; through them three edges join what they read to
        // the models that select from them: 20 - 7 + 3.
        QCOMPARE(r.lineageEdges.size(), size_t(16));
        QVERIFY(hasEdge(r, kJaffle + "stg_payments", kJaffle + "dim_customers_v2"));
        QVERIFY(hasEdge(r, kJaffle + "stg_orders", kJaffle + "dim_customers_v2"));
        QVERIFY(hasEdge(r, kJaffle + "raw_customers", kJaffle + "stg_customers",
                        "dbt://jaffle_shop/model.jaffle_shop.stg_customers"));
        QVERIFY(hasEdge(r, kJaffle + "stg_orders", kJaffle + "fct_orders"));
        // order_payments is ephemeral: fct_orders reads what it reads.
        QVERIFY(hasEdge(r, kJaffle + "stg_payments", kJaffle + "fct_orders", "dbt://jaffle_shop/model.jaffle_shop.fct_orders"));
        QVERIFY(hasEdge(r, kJaffle + "dim_customers_v2", kJaffle + "dim_customers_v1"));
        // hidden_model reads source payments.orders, which is the raw_orders table.
        QVERIFY(hasEdge(r, kJaffle + "raw_orders", kJaffle + "hidden_model"));
        QVERIFY(hasEdge(r, kJaffle + "fct_orders", "dbt-exposure://crm_export"));
        QVERIFY(hasEdge(r, kJaffle + "dim_customers_v2", "dbt-exposure://weekly_metrics"));
        for (const LineageEdge &e : r.lineageEdges) {
            QVERIFY(findDataset(r, e.from));
            QVERIFY(findDataset(r, e.to));
            QVERIFY(e.jobId.isEmpty() || findJob(r, e.jobId));
        }
    }

    void dbtCorpusNodeDetails()
    {
        const QString path = testsupport::corpus("dbt-labs/dbt-docs/data/manifest.json");
        const ImportResult r = importDocument(path, testsupport::readAll(path));

        const Dataset *payments = findDataset(r, kJaffle + "stg_payments");
        QVERIFY(payments);
        QCOMPARE(payments->name, QStringLiteral("stg_payments"));
        QCOMPARE(payments->kind, QStringLiteral("model"));
        QCOMPARE(payments->platform, QStringLiteral("snowflake"));
        QCOMPARE(payments->owner, QStringLiteral("@drew")); // meta.owner beats the group owner
        QCOMPARE(payments->tags, (QStringList{"staging", "hourly"}));
        QCOMPARE(payments->columns.size(), 2);
        QCOMPARE(payments->columns[0].name, QStringLiteral("payment_id"));
        QCOMPARE(payments->columns[0].tags, QStringList{"billing"});
        QVERIFY(payments->checks.contains("unique(payment_id)"));
        QVERIFY(payments->checks.contains("accepted_values(payment_method)"));

        const Dataset *orders = findDataset(r, kJaffle + "fct_orders");
        QVERIFY(orders);
        QCOMPARE(orders->owner, QStringLiteral("chef@jaffle.shop")); // group "jaffle" owner
        QVERIFY(orders->description.startsWith("This table has basic information about orders"));
        QCOMPARE(orders->columns.size(), 9);
        QCOMPARE(orders->columns[1].name, QStringLiteral("customer_id"));
        QCOMPARE(orders->columns[1].description, QStringLiteral("Foreign key to the customers table"));
        QVERIFY(orders->checks.contains("not_null(customer_id)"));
        QCOMPARE(orders->checks.count("relationships(customer_id)"), 2);
        QCOMPARE(orders->checks.size(), 11);

        const Dataset *customers = findDataset(r, kJaffle + "stg_customers");
        QVERIFY(customers);
        QVERIFY(customers->checks.contains("tagged_data_test")); // singular test: its own name

        const Dataset *dim = findDataset(r, kJaffle + "dim_customers_v2");
        QVERIFY(dim);
        QCOMPARE(dim->name, QStringLiteral("dim_customers.v2"));

        QVERIFY(!findDataset(r, kJaffle + "order_payments")); // ephemeral: no relation_name, no table
        const Job *step = findJob(r, "dbt://jaffle_shop/model.jaffle_shop.order_payments");
        QVERIFY(step);
        QCOMPARE(step->kind, QStringLiteral("dbt-ephemeral"));

        const Dataset *crm = findDataset(r, "dbt-exposure://crm_export");
        QVERIFY(crm);
        QCOMPARE(crm->kind, QStringLiteral("exposure"));
        QCOMPARE(crm->owner, QStringLiteral("alice@example.com"));
        QVERIFY(crm->description.contains("CRM"));

        const Job *job = findJob(r, "dbt://jaffle_shop/model.jaffle_shop.fct_orders");
        QVERIFY(job);
        QCOMPARE(job->ns, QStringLiteral("dbt://jaffle_shop"));
        QCOMPARE(job->name, QStringLiteral("model.jaffle_shop.fct_orders"));
    }

    void dbtCatalogIsSkippedWithInfo()
    {
        const QString path = testsupport::corpus("dbt-labs/dbt-docs/data/catalog.json");
        const ImportResult r = importDocument(path, testsupport::readAll(path));
        QVERIFY(!r.hasErrors());
        QVERIFY(r.datasets.empty());
        QCOMPARE(r.diagnostics.size(), size_t(1));
        QCOMPARE(r.diagnostics.front().severity, Diagnostic::Severity::Info);
    }

    // ---- dbt manifest, edge cases -----------------------------------------------------------

    void dbtMetaProductAndDependsOnFallback()
    {
        // No parent_map: edges come from depends_on.nodes. Quoted relation names lose quotes.
        const ImportResult r = importDocument("m.json", manifest(js("\n"
        "  'nodes': {\n"
        "    'model.shop.orders': {'resource_type': 'model', 'name': 'orders', 'package_name': 'shop',\n"
        "      'relation_name': '\\'shop\\'.\\'public\\'.\\'orders\\'', 'description': 'All orders',\n"
        "      'meta': {'owner': {'email': 'orders@shop.example'}, 'data_product': 'orders-product'},\n"
        "      'columns': {'id': {'name': 'id', 'data_type': 'integer', 'description': 'key', 'tags': ['pk']}},\n"
        "      'depends_on': {'nodes': ['source.shop.raw.orders', 'macro.dbt.x']}},\n"
        "    'test.shop.not_null_orders_id': {'resource_type': 'test', 'name': 'not_null_orders_id',\n"
        "      'test_metadata': {'name': 'not_null', 'kwargs': {'column_name': 'id'}},\n"
        "      'depends_on': {'nodes': ['model.shop.orders']}},\n"
        "    'test.shop.expr': {'resource_type': 'test', 'name': 'expr',\n"
        "      'test_metadata': {'name': 'expression_is_true', 'namespace': 'dbt_utils'},\n"
        "      'attached_node': 'model.shop.orders'}\n"
        "  },\n"
        "  'sources': {'source.shop.raw.orders': {'resource_type': 'source', 'name': 'orders',\n"
        "      'database': 'shop', 'schema': 'raw', 'identifier': 'orders_v1'}}\n"
        "")));
        QVERIFY2(!r.hasErrors(), qPrintable(allDiagnostics(r)));
        const Dataset *orders = findDataset(r, "postgres://shop.public.orders");
        QVERIFY(orders);
        QCOMPARE(orders->productId, QStringLiteral("orders-product"));
        QCOMPARE(orders->owner, QStringLiteral("orders@shop.example"));
        QCOMPARE(orders->columns.size(), 1);
        QCOMPARE(orders->columns[0].type, QStringLiteral("integer"));
        QStringList checks = orders->checks;
        checks.sort();
        QCOMPARE(checks, (QStringList{"dbt_utils.expression_is_true", "not_null(id)"}));
        QVERIFY(findDataset(r, "postgres://shop.raw.orders_v1"));
        QVERIFY(hasEdge(r, "postgres://shop.raw.orders_v1", "postgres://shop.public.orders",
                        "dbt://shop/model.shop.orders"));
        QCOMPARE(r.lineageEdges.size(), size_t(1));
    }

    /// Ephemeral models are no tables: no dataset, and the edges through them (a chain of two, a cycle)
    /// join what they read to the models that select from them, with parent_map and with depends_on.
    void dbtEphemeralModelsAreStepsNotDatasets()
    {
        const QByteArray nodes = js(
            "  'nodes': {\n"
            "    'model.shop.raw': {'resource_type': 'model', 'name': 'raw', 'schema': 'public', 'config': {'materialized': 'table'}},\n"
            "    'model.shop.eph1': {'resource_type': 'model', 'name': 'eph1', 'schema': 'public',\n"
            "      'config': {'materialized': 'ephemeral'}, 'depends_on': {'nodes': ['model.shop.raw', 'model.shop.eph2']}},\n"
            "    'model.shop.eph2': {'resource_type': 'model', 'name': 'eph2', 'schema': 'public',\n"
            "      'config': {'materialized': 'Ephemeral'}, 'depends_on': {'nodes': ['model.shop.eph1', 'model.shop.side']}},\n"
            "    'model.shop.side': {'resource_type': 'model', 'name': 'side', 'schema': 'public', 'config': {'materialized': 'view'}},\n"
            "    'model.shop.mart': {'resource_type': 'model', 'name': 'mart', 'schema': 'public',\n"
            "      'config': {'materialized': 'table'}, 'depends_on': {'nodes': ['model.shop.eph2']}}\n"
            "  }");
        const QByteArray parentMap = js(",\n  'parent_map': {'model.shop.eph1': ['model.shop.raw', 'model.shop.eph2'],\n"
                                        "    'model.shop.eph2': ['model.shop.eph1', 'model.shop.side'],\n"
                                        "    'model.shop.mart': ['model.shop.eph2']}\n");
        for (const QByteArray &rest : {nodes, nodes + parentMap}) {
            const ImportResult r = importDocument("m.json", manifest(rest));
            QVERIFY2(!r.hasErrors(), qPrintable(allDiagnostics(r)));
            QVERIFY(!findDataset(r, "postgres://public.eph1"));
            QVERIFY(!findDataset(r, "postgres://public.eph2"));
            QCOMPARE(r.datasets.size(), size_t(3));
            const Job *eph = findJob(r, "dbt://shop/model.shop.eph2");
            QVERIFY(eph);
            QCOMPARE(eph->kind, QStringLiteral("dbt-ephemeral"));
            QVERIFY(hasEdge(r, "postgres://public.raw", "postgres://public.mart", "dbt://shop/model.shop.mart"));
            QVERIFY(hasEdge(r, "postgres://public.side", "postgres://public.mart", "dbt://shop/model.shop.mart"));
            QCOMPARE(r.lineageEdges.size(), size_t(2));
        }
    }

    /// A hostile chain of 100,000 ephemeral models is walked without recursion: the model at its end
    /// reads the table at its start.
    void dbtLongEphemeralChainIsWalkedWithoutRecursion()
    {
        const int n = 100000;
        QByteArray nodes = "  \"nodes\": {\n    \"model.shop.raw\": {\"resource_type\": \"model\", \"name\": \"raw\", "
                           "\"schema\": \"public\"},\n";
        for (int i = 0; i < n; ++i) {
            const QByteArray parent = i == 0 ? QByteArray("model.shop.raw") : "model.shop.e" + QByteArray::number(i - 1);
            nodes += "    \"model.shop.e" + QByteArray::number(i) + "\": {\"resource_type\": \"model\", \"name\": \"e"
                     + QByteArray::number(i) + "\", \"config\": {\"materialized\": \"ephemeral\"}, "
                     "\"depends_on\": {\"nodes\": [\"" + parent + "\"]}},\n";
        }
        nodes += "    \"model.shop.mart\": {\"resource_type\": \"model\", \"name\": \"mart\", \"schema\": \"public\", "
                 "\"depends_on\": {\"nodes\": [\"model.shop.e" + QByteArray::number(n - 1) + "\"]}}\n  }";
        const ImportResult r = importDocument("m.json", manifest(nodes));
        QVERIFY2(!r.hasErrors(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.datasets.size(), size_t(2));
        QVERIFY(hasEdge(r, "postgres://public.raw", "postgres://public.mart"));
        QCOMPARE(r.lineageEdges.size(), size_t(1));
    }

    void dbtWrongTypesAreSkippedWithWarnings()
    {
        const ImportResult r = importDocument("wrong.json", manifest(js("\n"
        "  'nodes': {\n"
        "    'model.shop.broken': 'not an object',\n"
        "    'model.shop.listcols': {'resource_type': 'model', 'name': 'listcols', 'database': 'db',\n"
        "      'schema': 's', 'columns': [{'name': 'a'}], 'meta': null, 'tags': {'x': 1}, 'description': null},\n"
        "    'model.shop.good': {'resource_type': 'model', 'name': 'good', 'database': 'db', 'schema': 's',\n"
        "      'columns': {'a': 'oops', 'b': {'name': 'b', 'data_type': 7}}},\n"
        "    'model.shop.nameless': {'resource_type': 'model'},\n"
        "    'test.shop.t': {'resource_type': 'test', 'name': 5, 'attached_node': ['x'],\n"
        "      'depends_on': {'nodes': ['model.shop.good']}}\n"
        "  },\n"
        "  'sources': [],\n"
        "  'exposures': {'exposure.shop.e': 42},\n"
        "  'parent_map': {'model.shop.good': 'model.shop.listcols'}\n"
        "")));
        QVERIFY2(!r.hasErrors(), qPrintable(allDiagnostics(r)));
        const QString all = allDiagnostics(r);
        QVERIFY2(all.contains("model.shop.broken"), qPrintable(all));
        QVERIFY(all.contains("model.shop.listcols: 'columns' is array"));
        QVERIFY(all.contains("column 'a' is string"));
        QVERIFY(all.contains("model.shop.nameless"));
        QVERIFY(all.contains("exposure.shop.e"));
        QVERIFY(all.contains("'sources' is array"));
        QVERIFY(all.contains("parent_map entry is string"));
        // The warning names the place of the broken node in the text.
        const auto broken = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                         [](const Diagnostic &d) { return d.message.contains("model.shop.broken"); });
        QCOMPARE(broken->line, 5);
        auto lineOf = [&](const char *text) {
            const auto d = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                        [&](const Diagnostic &d) { return d.message.contains(text); });
            return d == r.diagnostics.end() ? -1 : d->line;
        };
        QCOMPARE(lineOf("'sources' is array"), 14);  // the top-level key, not a node's "sources"
        QCOMPARE(lineOf("parent_map entry"), 16);    // the key in parent_map, not the node
        QCOMPARE(lineOf("column 'a' is string"), 8); // at its node

        const Dataset *listcols = findDataset(r, "postgres://db.s.listcols");
        QVERIFY(listcols);
        QVERIFY(listcols->columns.isEmpty());
        const Dataset *good = findDataset(r, "postgres://db.s.good");
        QVERIFY(good);
        QCOMPARE(good->columns.size(), 1);
        QCOMPARE(good->columns[0].type, QStringLiteral("7"));
        QCOMPARE(good->checks, QStringList{"5"}); // attached_node unusable: depends_on instead
    }

    void dbtOtherSchemaVersionWarnsButReads()
    {
        const QByteArray bytes = js("{'metadata': {'dbt_schema_version': 'https://schemas.getdbt.com/dbt/manifest/v7.json',\n"
        "  'adapter_type': 'duckdb'},\n"
        "  'nodes': {'seed.p.s': {'resource_type': 'seed', 'name': 's', 'database': 'memory', 'schema': 'main'}}}");
        const ImportResult r = importDocument("old.json", bytes);
        QVERIFY(!r.hasErrors());
        QCOMPARE(countSeverity(r, Diagnostic::Severity::Warning, "v7.json"), 1);
        QVERIFY(findDataset(r, "duckdb://memory.main.s"));
    }

    void dbtMalformedJsonReportsLineAndColumn()
    {
        const QByteArray bytes = manifest("\n  \"nodes\": {\"a\": 1,,}\n");
        const ImportResult r = importDocument("bad.json", bytes);
        const Diagnostic *e = firstError(r);
        QVERIFY(e);
        QCOMPARE(e->file, QStringLiteral("bad.json"));
        QCOMPARE(e->line, 4);
        QCOMPARE(e->column, 20);
        QVERIFY(e->message.startsWith("JSON syntax error"));
        QVERIFY(r.datasets.empty());
    }

    void dbtDeepNestingIsRefused()
    {
        QByteArray deep = QByteArray(10000, '[') + QByteArray(10000, ']');
        const QByteArray rest = QByteArray("\"nodes\": {\"x\": ") + deep + "}";
        const ImportResult r = importDocument("deep.json", manifest(rest));
        QVERIFY(r.hasErrors());
        QVERIFY(firstError(r)->message.contains("nested"));
        QCOMPARE(firstError(r)->line, 3);
        QVERIFY(r.datasets.empty());
    }

    // ---- OpenLineage, real corpus -----------------------------------------------------------

    void marquezCorpus()
    {
        const QString path = testsupport::corpus("MarquezProject/marquez/docker/metadata.json");
        const ImportResult r = importDocument(path, testsupport::readAll(path));
        QCOMPARE(r.format, QStringLiteral("openlineage"));
        // One real quirk: a columnLineage input names "public.menu_item_id", which no event has as
        // a dataset. It is reported, its edge kept, and no 14th dataset invented for it.
        QCOMPARE(r.diagnostics.size(), size_t(1));
        QCOMPARE(countSeverity(r, Diagnostic::Severity::Warning, "reads public.menu_item_id.category_id"), 1);
        QCOMPARE(r.runs.size(), size_t(26));
        QCOMPARE(r.jobs.size(), size_t(13));
        QCOMPARE(r.datasets.size(), size_t(13));

        const QString ordersId = QStringLiteral("food_delivery/public.orders");
        const QString orders7Id = QStringLiteral("food_delivery/public.orders_7_days");
        QVERIFY(hasEdge(r, ordersId, orders7Id, "food_delivery/etl_orders_7_days"));
        QVERIFY(hasEdge(r, "food_delivery/public.delivery_7_days", "food_delivery/public.discounts",
                        "food_delivery/delivery_times_7_days"));
        // email_discounts has inputs but no outputs: no edge from it.
        QVERIFY(!std::any_of(r.lineageEdges.begin(), r.lineageEdges.end(),
                             [](const LineageEdge &e) { return e.jobId.endsWith("email_discounts"); }));

        const auto col = std::find_if(r.columnEdges.begin(), r.columnEdges.end(), [&](const ColumnLineageEdge &e) {
            return e.toDataset == orders7Id && e.toColumn == "order_id";
        });
        QVERIFY(col != r.columnEdges.end());
        QCOMPARE(col->fromDataset, ordersId);
        QCOMPARE(col->fromColumn, QStringLiteral("id"));
        QSet<QString> withColumnLineage;
        for (const ColumnLineageEdge &e : r.columnEdges)
            withColumnLineage.insert(e.toDataset);
        QCOMPARE(withColumnLineage.size(), 5);

        const Dataset *menus = findDataset(r, "food_delivery/public.menus");
        QVERIFY(menus);
        QCOMPARE(menus->description, QStringLiteral("A table for menus."));
        QCOMPARE(menus->platform, QStringLiteral("postgres")); // from the dataSource facet's uri
        QCOMPARE(menus->columns.size(), 4);
        QCOMPARE(menus->columns[1].name, QStringLiteral("name"));
        QCOMPARE(menus->columns[1].type, QStringLiteral("VARCHAR"));

        const Job *job = findJob(r, "food_delivery/etl_menus");
        QVERIFY(job);
        QCOMPARE(job->description, QStringLiteral("Loads newly added restaurant menus daily."));

        const auto start = std::find_if(r.runs.begin(), r.runs.end(), [](const RunEvent &e) {
            return e.jobId == "food_delivery/etl_menus" && e.state == "START";
        });
        const auto complete = std::find_if(r.runs.begin(), r.runs.end(), [](const RunEvent &e) {
            return e.jobId == "food_delivery/etl_menus" && e.state == "COMPLETE";
        });
        QVERIFY(start != r.runs.end() && complete != r.runs.end());
        QCOMPARE(start->runId, QStringLiteral("4d3b8069-69b6-4708-ade0-3275112c9f04"));
        QCOMPARE(start->eventTime, utc("2026-11-20T10:00:00Z"));
        QCOMPARE(complete->eventTime, utc("2026-11-20T10:08:00Z"));
        QCOMPARE(start->outputs, QStringList{"food_delivery/public.menus"});

        // Marquez puts dataQualityAssertions with the output's facets: one fails.
        QCOMPARE(r.qualityResults.size(), size_t(2));
        const Dataset *delivery = findDataset(r, "food_delivery/public.delivery_7_days");
        QVERIFY(delivery);
        QVERIFY(delivery->checks.contains("not_null(driver_id)"));
    }

    // ---- OpenLineage, edge cases ------------------------------------------------------------

    void dbtAndOpenLineageMeetOnOneId()
    {
        const ImportResult dbtResult = importDocument("m.json", manifest(js("\n"
        "  'nodes': {'model.shop.orders': {'resource_type': 'model', 'name': 'orders',\n"
        "      'relation_name': '\\'shop\\'.\\'public\\'.\\'Orders\\''}}")));
        const ImportResult olResult = importDocument("e.json", js("{'eventType': 'COMPLETE',\n"
        "  'eventTime': '2024-05-01T10:00:00Z', 'run': {'runId': 'r1'},\n"
        "  'job': {'namespace': 'airflow', 'name': 'load'},\n"
        "  'outputs': [{'namespace': 'postgres://db.example:5432', 'name': 'shop.public.orders'}]}"));
        QCOMPARE(dbtResult.datasets.size(), size_t(1));
        QCOMPARE(olResult.datasets.size(), size_t(1));
        QCOMPARE(dbtResult.datasets[0].id, olResult.datasets[0].id);
        QCOMPARE(olResult.datasets[0].id, QStringLiteral("postgres://shop.public.orders"));
        QCOMPARE(olResult.datasets[0].platform, QStringLiteral("postgres"));
    }

    void ndjsonBrokenLineIsReportedAndTheRestImported()
    {
        // Joined at run time: moc cannot read a raw string literal followed by another literal.
        const QByteArray bytes = QByteArrayList{
            js("{'eventType':'START','eventTime':'2024-05-01T10:00:00Z','run':{'runId':'r1'},'job':{'namespace':'ns','name':'a'},'inputs':[{'namespace':'ns','name':'x'}],'outputs':[{'namespace':'ns','name':'y'}]}"),
            js("{'eventType':'COMPLETE','eventTime':'2024-05-01T10:05:00Z','run':{'runId':'r1'},'job':{'namespace':'ns',"),
            "",
            js("{'eventType':'FAIL','eventTime':'2024-05-01T10:06:00.123456+02:00','run':{'runId':'r2'},'job':{'namespace':'ns','name':'b'}}"),
            ""}.join('\n');
        for (const char *name : {"events.ndjson", "events.json"}) {
            const ImportResult r = importDocument(name, bytes);
            QCOMPARE(r.format, QStringLiteral("openlineage"));
            QCOMPARE(countSeverity(r, Diagnostic::Severity::Error), 1);
            QCOMPARE(firstError(r)->line, 2);
            QVERIFY(firstError(r)->column > 0);
            QCOMPARE(r.runs.size(), size_t(2));
            QCOMPARE(r.runs[1].state, QStringLiteral("FAIL")); // failures are availability evidence
            QCOMPARE(r.runs[1].eventTime, utc("2024-05-01T08:06:00.123Z"));
            QVERIFY(hasEdge(r, "ns/x", "ns/y", "ns/a"));
        }
    }

    void dataQualityAssertionsBecomeResultsAndChecks()
    {
        const ImportResult r = importDocument("dq.json", js("[{'eventType': 'COMPLETE',\n"
        "  'eventTime': '2024-05-01T10:00:00.5Z', 'run': {'runId': 'run-7'},\n"
        "  'job': {'namespace': 'ge', 'name': 'validate', 'facets': {'jobType': {'jobType': 'QUERY'}}},\n"
        "  'inputs': [{'namespace': 's3://lake', 'name': 'raw/orders',\n"
        "    'inputFacets': {'dataQualityAssertions': {'assertions': [\n"
        "      {'assertion': 'not_null', 'success': false, 'column': 'order_id'},\n"
        "      {'assertion': 'row_count_between', 'success': true}]}}}]},\n"
        "  {'eventType': 'COMPLETE', 'eventTime': '2024-05-02T10:00:00Z', 'run': {'runId': 'run-8'},\n"
        "  'job': {'namespace': 'ge', 'name': 'validate'},\n"
        "  'inputs': [{'namespace': 's3://lake', 'name': 'raw/orders',\n"
        "    'inputFacets': {'dataQualityAssertions': {'assertions': [\n"
        "      {'assertion': 'not_null', 'success': true, 'column': 'order_id'}]}}}]}]"));
        QVERIFY2(r.diagnostics.empty(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.qualityResults.size(), size_t(3));
        const QualityResult &failed = r.qualityResults[0];
        QCOMPARE(failed.check, QStringLiteral("not_null"));
        QCOMPARE(failed.column, QStringLiteral("order_id"));
        QCOMPARE(failed.success, false);
        QCOMPARE(failed.datasetId, QStringLiteral("s3://lake/raw/orders"));
        QCOMPARE(failed.runId, QStringLiteral("run-7"));
        QCOMPARE(failed.origin, QStringLiteral("openlineage"));
        QCOMPARE(failed.time, utc("2024-05-01T10:00:00.500Z"));
        QCOMPARE(r.qualityResults[1].success, true);
        QCOMPARE(r.datasets.size(), size_t(1));
        QCOMPARE(r.datasets[0].checks, (QStringList{"not_null(order_id)", "row_count_between"}));
        QCOMPARE(r.datasets[0].platform, QStringLiteral("s3"));
        QCOMPARE(r.jobs.size(), size_t(1));
        QCOMPARE(r.jobs[0].kind, QStringLiteral("QUERY"));
    }

    void repeatedDatasetsMergeColumnsAndDescriptions()
    {
        const ImportResult r = importDocument("merge.json", js("[\n"
        "  {'eventType': 'START', 'eventTime': '2024-05-01T10:00:00Z', 'run': {'runId': 'a'},\n"
        "   'job': {'namespace': 'n', 'name': 'j'}, 'inputs': [{'namespace': 'n', 'name': 'src'}],\n"
        "   'outputs': [{'namespace': 'n', 'name': 't', 'facets': {\n"
        "     'documentation': {'description': 'short'},\n"
        "     'schema': {'fields': [{'name': 'id', 'type': 'INT'}]}}}]},\n"
        "  {'eventType': 'COMPLETE', 'eventTime': '2024-05-01T10:01:00Z', 'run': {'runId': 'a'},\n"
        "   'job': {'namespace': 'n', 'name': 'j'}, 'inputs': [{'namespace': 'n', 'name': 'src'}],\n"
        "   'outputs': [{'namespace': 'n', 'name': 't', 'facets': {\n"
        "     'documentation': {'description': 'a longer description'},\n"
        "     'schema': {'fields': [{'name': 'id', 'description': 'key'},\n"
        "                           {'name': 'addr', 'type': 'STRUCT', 'fields': [{'name': 'city', 'type': 'STRING'}]}]},\n"
        "     'columnLineage': {'fields': {'id': {'inputFields': [{'namespace': 'n', 'name': 'src', 'field': 'pk',\n"
        "        'transformations': [{'type': 'DIRECT', 'subtype': 'IDENTITY'}]}]}}}}}]}]"));
        QVERIFY2(r.diagnostics.empty(), qPrintable(allDiagnostics(r)));
        QCOMPARE(r.jobs.size(), size_t(1));
        QCOMPARE(r.runs.size(), size_t(2));
        const Dataset *t = findDataset(r, "n/t");
        QVERIFY(t);
        QCOMPARE(t->description, QStringLiteral("a longer description"));
        QCOMPARE(t->columns.size(), 3);
        QCOMPARE(t->columns[0].type, QStringLiteral("INT"));
        QCOMPARE(t->columns[0].description, QStringLiteral("key"));
        QCOMPARE(t->columns[2].name, QStringLiteral("addr.city"));
        QCOMPARE(r.datasets.size(), size_t(2));
        QCOMPARE(r.lineageEdges.size(), size_t(1)); // both events draw src -> t: one edge
        QVERIFY(hasEdge(r, "n/src", "n/t", "n/j"));
        QCOMPARE(r.columnEdges.size(), size_t(1));
        QCOMPARE(r.columnEdges[0].transformation, QStringLiteral("DIRECT/IDENTITY"));
    }

    void openLineageWrongTypesAreWarnings()
    {
        const ImportResult r = importDocument("wrong.json", js("[\n"
        "  'not an event',\n"
        "  {'eventType': 'START', 'eventTime': 'yesterday', 'run': [1], 'job': {'namespace': 'n', 'name': 'j'},\n"
        "   'inputs': 'x', 'outputs': [7, {'namespace': 'n'}, {'namespace': 'n', 'name': 'o', 'facets': [],\n"
        "   'inputFacets': 3}]},\n"
        "  {'eventType': 'COMPLETE', 'eventTime': '2024-05-01T10:00:00Z', 'run': {'runId': 'r'},\n"
        "   'job': {'namespace': 'n', 'name': 'j', 'facets': {'documentation': 'text'}},\n"
        "   'outputs': [{'namespace': 'n', 'name': 'o', 'facets': {'schema': {'fields': {'a': 1}},\n"
        "     'columnLineage': {'fields': []}, 'dataQualityAssertions': {'assertions': [{'assertion': 'x', 'success': 'yes'}]}}}]}\n"
        "]"));
        QVERIFY2(!r.hasErrors(), qPrintable(allDiagnostics(r)));
        const QString all = allDiagnostics(r);
        QVERIFY(all.contains("wrong.json:2: warning: event 1: is string"));
        QVERIFY(all.contains("wrong.json:3: warning: event 2: eventTime 'yesterday'"));
        QVERIFY(all.contains("'run' is array"));
        QVERIFY(all.contains("'inputs' is string"));
        QVERIFY(all.contains("dataset without namespace or name"));
        QVERIFY(all.contains("wrong.json:6: warning: event 3: schema facet"));
        QVERIFY(all.contains("columnLineage 'fields' is array"));
        QVERIFY(all.contains("assertion 'x' has no boolean"));
        QCOMPARE(r.runs.size(), size_t(1)); // the event with a broken run records no run
        QVERIFY(findDataset(r, "n/o"));
        QVERIFY(r.qualityResults.empty());
    }

    /// Every diagnostic about an element of a JSON document names that element's line and column:
    /// run_results' results, the events of Marquez's {"events": [...]} answer, DataHub MCE items.
    void jsonElementDiagnosticsCarryTheirPlace()
    {
        {
            ImportResult r;
            importers::importDbtRunResults(js("{'metadata': {'generated_at': '2024-05-01T10:00:00Z'},\n"
                                              " 'results': [\n"
                                              "  {'unique_id': 'model.a.b', 'status': 'success'},\n"
                                              "  7,\n"
                                              "     {'status': 'success', 'note': '[{'},\n"
                                              "  {'unique_id': 'model.a.c', 'status': 'success'}]}"),
                                           "run_results.json", r);
            const QString all = allDiagnostics(r);
            QVERIFY2(all.contains("run_results.json:4:3: warning: result 2 is number"), qPrintable(all));
            QVERIFY2(all.contains("run_results.json:5:6: warning: result 3 has no unique_id"), qPrintable(all));
            QCOMPARE(r.runs.size(), size_t(4)); // the two good results, a START and an end each
        }
        {
            ImportResult r;
            importers::importOpenLineage(js("{'events': [\n"
                                            "  {'eventType': 'START', 'eventTime': '2024-05-01T10:00:00Z',\n"
                                            "   'run': {'runId': 'r'}, 'job': {'namespace': 'n', 'name': 'j'}},\n"
                                            "  {'eventType': 'COMPLETE', 'eventTime': 'soon',\n"
                                            "   'run': {'runId': 'r'}, 'job': {'namespace': 'n', 'name': 'j'}}\n"
                                            "]}"),
                                         "marquez.json", r);
            const QString all = allDiagnostics(r);
            QVERIFY2(all.contains("marquez.json:4: warning: event 2: eventTime 'soon'"), qPrintable(all));
        }
        {
            ImportResult r;
            importers::importDatahubMce(js("[\n"
                                           "  {'entityUrn': 'urn:li:corpuser:x', 'aspectName': 'a', 'aspect': {'value': 'x'}},\n"
                                           "  'text'\n"
                                           "]"),
                                        "mce.json", r);
            const QString all = allDiagnostics(r);
            QVERIFY2(all.contains("mce.json:2:3: warning: item 0 (a of urn:li:corpuser:x): aspect value is not JSON"),
                     qPrintable(all));
            QVERIFY2(all.contains("mce.json:3:3: warning: item 1 is string"), qPrintable(all));
        }
    }

    void malformedOpenLineageReportsLineAndColumn()
    {
        const ImportResult r = importDocument("bad.json", "[\n  {\"eventType\": \"START\",\n    \"run\": {runId: 1}}\n]");
        const Diagnostic *e = firstError(r);
        QVERIFY(e);
        QCOMPARE(e->line, 3);
        QCOMPARE(e->column, 13);
        QVERIFY(r.runs.empty());
    }

    void deepNestingDoesNotCrash()
    {
        const QByteArray deep = QByteArray(10000, '[') + QByteArray(10000, ']');
        // As a document of its own (not even recognised as lineage) ...
        const ImportResult plain = importDocument("deep.json", deep);
        QVERIFY(plain.datasets.empty() && !plain.diagnostics.empty());
        // ... handed straight to the importer ...
        ImportResult direct;
        importers::importOpenLineage(deep, "deep.json", direct);
        QVERIFY(direct.hasErrors());
        QVERIFY(firstError(direct)->message.contains("nested"));
        // ... and inside an event.
        const ImportResult inside = importDocument(
            "deep.json", QByteArray("{\"eventType\": \"START\", \"run\": {\"runId\": \"r\"}, \"x\": ") + deep + "}");
        QVERIFY(inside.hasErrors());
        QVERIFY(inside.runs.empty());
    }

    void isoTimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // empty: invalid
        QTest::newRow("Z, millis") << "2026-11-20T10:00:00.000Z" << "2026-11-20T10:00:00.000Z";
        QTest::newRow("no fraction") << "2026-11-20T10:00:00Z" << "2026-11-20T10:00:00.000Z";
        QTest::newRow("micros, offset") << "2024-05-01T10:00:00.123456+02:00" << "2024-05-01T08:00:00.123Z";
        QTest::newRow("nanos, negative offset") << "2024-05-01T10:00:00.987654321-0530" << "2024-05-01T15:30:00.987Z";
        QTest::newRow("hour offset") << "2024-05-01T10:00:00+01" << "2024-05-01T09:00:00.000Z";
        QTest::newRow("no offset is UTC") << "2024-05-01 10:00:00" << "2024-05-01T10:00:00.000Z";
        QTest::newRow("no seconds") << "2024-05-01T10:00Z" << "2024-05-01T10:00:00.000Z";
        QTest::newRow("date only") << "2024-05-01" << "2024-05-01T00:00:00.000Z";
        QTest::newRow("junk") << "yesterday" << "";
        QTest::newRow("bad month") << "2024-13-01T00:00:00Z" << "";
        QTest::newRow("trailing junk") << "2024-05-01T10:00:00Zulu" << "";
        QTest::newRow("empty fraction") << "2024-05-01T10:00:00.Z" << "";
    }
    void isoTimes()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QDateTime t = jsonsupport::parseIsoDateTime(text);
        if (expected.isEmpty()) {
            QVERIFY(!t.isValid());
        } else {
            QVERIFY(t.isValid());
            QCOMPARE(t.toString(Qt::ISODateWithMs), expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestLineageImporters)
#include "tst_lineageimporters.moc"
