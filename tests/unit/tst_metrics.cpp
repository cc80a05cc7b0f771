#include "cache/cachefile.h"
#include "cache/metricreader.h"
#include "contracts/impact.h"
#include "generate/meshgenerator.h"
#include "governance/metricrules.h"
#include "metrics/metricpage.h"
#include "importsupport.h"
#include "lineage/lineagegraph.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace meshscope;

namespace {

const Metric *metricNamed(const ImportResult &r, const QString &name)
{
    for (const Metric &m : r.metrics) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

const Dataset *datasetNamed(const ImportResult &r, const QString &name)
{
    for (const Dataset &d : r.datasets) {
        if (d.name == name)
            return &d;
    }
    return nullptr;
}

/// "kind:ref->target" for each input, for one readable comparison.
QStringList inputsOf(const Metric &m)
{
    QStringList out;
    for (const MetricInput &in : m.inputs)
        out << in.kind + QLatin1Char(':') + in.ref + QStringLiteral("->") + in.target;
    return out;
}

const QString kC24 = QStringLiteral("tests/fixtures/dbt/c24-workshops-sales/manifest.json");

/// Everything upstream of `id` in a graph, as ids.
QSet<QString> upstreamOf(const lineage::LineageGraph &g, const QString &id)
{
    QSet<QString> seen;
    std::vector<int> todo{g.indexOf(id)};
    while (!todo.empty()) {
        const int i = todo.back();
        todo.pop_back();
        if (i < 0)
            continue;
        for (int from : g.in[size_t(i)]) {
            if (!seen.contains(g.nodes[size_t(from)].id)) {
                seen.insert(g.nodes[size_t(from)].id);
                todo.push_back(from);
            }
        }
    }
    return seen;
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    /// The dbt-docs corpus manifest (v9, dbt_metrics style): four metrics with their upstream models.
    void corpusManifestMetricsWithTheirModels()
    {
        const ImportResult r = testsupport::importCorpus(QStringLiteral("dbt-labs/dbt-docs/data/manifest.json"));
        QVERIFY2(!r.hasErrors(), qPrintable(testsupport::describe(r)));
        QStringList names;
        for (const Metric &m : r.metrics)
            names << m.name;
        names.sort();
        QCOMPARE(names, (QStringList{"cohorted_lifetime_value", "count_active_customers", "count_orders",
                                     "orders_per_customer"}));
        const Dataset *orders = datasetNamed(r, QStringLiteral("fct_orders"));
        const Dataset *customers = datasetNamed(r, QStringLiteral("dim_customers.v2"));
        QVERIFY(orders && customers);

        const Metric *count = metricNamed(r, QStringLiteral("count_orders"));
        QCOMPARE(count->id, QStringLiteral("metric.jaffle_shop.count_orders"));
        QCOMPARE(count->type, QStringLiteral("count"));
        QCOMPARE(count->expression, QStringLiteral("count(*)"));
        QCOMPARE(count->label, QStringLiteral("Number of orders"));
        QCOMPARE(count->origin, QStringLiteral("dbt"));
        QCOMPARE(inputsOf(*count), QStringList{"dataset:model.jaffle_shop.fct_orders->" + orders->id});
        QCOMPARE(inputsOf(*metricNamed(r, QStringLiteral("count_active_customers"))),
                 QStringList{"dataset:model.jaffle_shop.fct_orders->" + orders->id});
        QCOMPARE(inputsOf(*metricNamed(r, QStringLiteral("cohorted_lifetime_value"))),
                 QStringList{"dataset:model.jaffle_shop.dim_customers.v2->" + customers->id});

        const Metric *perCustomer = metricNamed(r, QStringLiteral("orders_per_customer"));
        QCOMPARE(perCustomer->type, QStringLiteral("derived"));
        QCOMPARE(perCustomer->expression, QStringLiteral("count_orders / count_active_customers"));
        QCOMPARE(perCustomer->dimensions, QStringList{"status"});
        QCOMPARE(inputsOf(*perCustomer),
                 (QStringList{"metric:count_orders->metric.jaffle_shop.count_orders",
                              "metric:count_active_customers->metric.jaffle_shop.count_active_customers"}));
    }

    /// A real v12 manifest with a semantic layer (dbt-labs/c24-workshops-sales, see its SOURCE.md).
    void realSemanticLayerManifest()
    {
        const QString path = testsupport::source(kC24);
        const ImportResult r = importDocument(path, testsupport::readAll(path));
        QVERIFY2(!r.hasErrors(), qPrintable(testsupport::describe(r)));
        QCOMPARE(r.format, QStringLiteral("dbt-manifest"));
        QCOMPARE(int(r.semanticModels.size()), 3);
        QCOMPARE(int(r.metrics.size()), 9);
        QMap<QString, int> types;
        for (const Metric &m : r.metrics)
            ++types[m.type];
        QCOMPARE(types, (QMap<QString, int>{{"simple", 3}, {"cumulative", 4}, {"ratio", 1}, {"derived", 1}}));

        const SemanticModel *orders = nullptr;
        for (const SemanticModel &m : r.semanticModels) {
            if (m.id == u"semantic_model.acme_sales.orders")
                orders = &m;
        }
        QVERIFY(orders);
        QCOMPARE(orders->modelId, datasetNamed(r, QStringLiteral("fct_orders"))->id);
        QCOMPARE(orders->measures.size(), 2);
        QCOMPARE(orders->measures[0].name, QStringLiteral("total_revenue"));
        QCOMPARE(orders->measures[0].type, QStringLiteral("sum"));
        QCOMPARE(orders->entities.size(), 2);
        QCOMPARE(orders->dimensions.size(), 4);

        const Metric *revenue = metricNamed(r, QStringLiteral("total_revenue"));
        QCOMPARE(revenue->expression, QStringLiteral("sum(gross_item_sales_amount)"));
        QCOMPARE(inputsOf(*revenue), QStringList{"measure:total_revenue->semantic_model.acme_sales.orders"});
        QVERIFY(revenue->dimensions.contains(QStringLiteral("order_date")));

        const Metric *profit = metricNamed(r, QStringLiteral("total_profit"));
        QCOMPARE(profit->type, QStringLiteral("derived"));
        QCOMPARE(profit->expression, QStringLiteral("revenue - expense"));
        QCOMPARE(inputsOf(*profit), (QStringList{"metric:total_revenue->metric.acme_sales.total_revenue",
                                                 "metric:total_expense->metric.acme_sales.total_expense"}));
        QCOMPARE(profit->inputs[0].alias, QStringLiteral("revenue"));

        const Metric *ratio = metricNamed(r, QStringLiteral("average_revenue_per_customer"));
        QCOMPARE(ratio->expression, QStringLiteral("total_revenue / total_customers"));
        QCOMPARE(inputsOf(*ratio), (QStringList{"metric:total_revenue->metric.acme_sales.total_revenue",
                                                "metric:total_customers->metric.acme_sales.total_customers"}));

        const Metric *ttm = metricNamed(r, QStringLiteral("cumulative_revenue_ttm"));
        QCOMPARE(ttm->parameters.value(QStringLiteral("window")).toObject().value(QStringLiteral("count")).toInt(), 12);
    }

    /// Shapes the real manifests above lack: conversion metrics, filters, metrics of other metrics with
    /// filters, inputs that are not in the manifest.
    void conversionMetricsFiltersAndUnknownInputs()
    {
        const QString path = testsupport::source(QStringLiteral("tests/fixtures/metrics/conversion.manifest.json"));
        const QByteArray manifest = testsupport::readAll(path);        const ImportResult r = importDocument(path, manifest);
        QCOMPARE(int(r.metrics.size()), 2);
        const Metric *conversion = metricNamed(r, QStringLiteral("visit_to_buy"));
        QCOMPARE(conversion->type, QStringLiteral("conversion"));
        QCOMPARE(conversion->domainId, QStringLiteral("web-shop"));
        QCOMPARE(conversion->owner, QStringLiteral("web@x.example"));
        QCOMPARE(conversion->filter, QStringLiteral("{{ Dimension('visit__channel') }} = 'web'"));
        QCOMPARE(conversion->expression, QStringLiteral("conversion_rate of count(1) to sum(bought) by user"));
        QCOMPARE(inputsOf(*conversion), (QStringList{"measure:visits->semantic_model.shop.visits",
                                                     "measure:buys->semantic_model.shop.visits"}));
        const Metric *lost = metricNamed(r, QStringLiteral("lost"));
        QCOMPARE(inputsOf(*lost), (QStringList{"metric:visit_to_buy->metric.shop.visit_to_buy", "metric:nowhere->"}));
        QCOMPARE(lost->inputs[0].filter, QStringLiteral("x = 1"));
        // The unknown input is said, at the metric's line.
        bool warned = false;
        for (const Diagnostic &d : r.diagnostics) {
            if (d.message.contains(QStringLiteral("'nowhere' is not in this manifest"))) {
                warned = true;
                QCOMPARE(d.line, 12);
            }
        }
        QVERIFY2(warned, qPrintable(testsupport::describe(r)));
    }

    /// The mesh's own metric document (docs/formats/metrics.md).
    void metricDocument()
    {
        const QByteArray yaml = testsupport::readAll(testsupport::source(QStringLiteral("tests/fixtures/metrics/clv.metric.yaml")));
        const ImportResult r = testsupport::importText(yaml, QStringLiteral("metrics/clv.yaml"));
        QVERIFY2(!r.hasErrors(), qPrintable(testsupport::describe(r)));
        QCOMPARE(r.format, QStringLiteral("metric"));
        QCOMPARE(int(r.metrics.size()), 1);
        const Metric &m = r.metrics.front();
        QCOMPARE(m.id, QStringLiteral("customer-analytics.customer_lifetime_value"));
        QCOMPARE(m.domainId, QStringLiteral("customer-analytics"));
        QCOMPARE(m.owner, QStringLiteral("customer.analytics@company.example"));
        QCOMPARE(m.tags, (QStringList{"customer", "financial"}));
        QCOMPARE(m.freshness, QStringLiteral("24h"));
        QCOMPARE(m.dimensions, (QStringList{"segment", "country"}));
        QCOMPARE(m.origin, QStringLiteral("mesh"));
        QCOMPARE(inputsOf(m), (QStringList{"product:retail-banking:customer-transactions->customer-transactions",
                                           "dataset:postgres://bank.public.customer_profile->postgres://bank.public.customer_profile",
                                           "metric:churn_rate->churn_rate"}));
        QCOMPARE(m.parameters.value(QStringLiteral("prediction_horizon_months")).toInt(), 24);
        QCOMPARE(r.domains.size(), size_t(1));

        // No name: an error at the metadata's line, nothing imported.
        const ImportResult bad = testsupport::importText("kind: Metric\nmetadata:\n  domain: x\nspec:\n  inputs: 3\n");
        QVERIFY(bad.metrics.empty());
        QVERIFY(bad.hasErrors());
        QCOMPARE(bad.diagnostics.front().line, 3);
    }

    /// Same name, different definitions: one warning naming both; alike definitions pass.
    void inconsistentDefinitionsAreFlagged()
    {
        Metric a;
        a.id = QStringLiteral("orders.average_order_value");
        a.name = QStringLiteral("average_order_value");
        a.domainId = QStringLiteral("orders");
        a.expression = QStringLiteral("sum(order_total) / count(distinct order_id)");
        a.inputs = {{QStringLiteral("product"), QStringLiteral("orders-facts"), QStringLiteral("orders-facts"), {}, {}}};
        Metric b = a;
        b.id = QStringLiteral("finance.average_order_value");
        b.name = QStringLiteral("Average Order Value");
        b.domainId = QStringLiteral("finance");
        b.expression = QStringLiteral("SUM(order_total)/COUNT(DISTINCT order_id)"); // the same formula
        QVERIFY(governance::checkMetricConsistency({{a, "a.yaml"}, {b, "b.yaml"}}).empty());

        b.filter = QStringLiteral("status = 'completed'");
        b.expression = QStringLiteral("sum(net_total) / count(distinct order_id)");
        Metric other = a;
        other.id = QStringLiteral("orders.order_count");
        other.name = QStringLiteral("order_count");
        const auto warnings = governance::checkMetricConsistency({{a, "metrics/orders/aov.yaml"}, {b, "metrics/finance/aov.yaml"}, {other, "c.yaml"}});
        QCOMPARE(int(warnings.size()), 1);
        const governance::Violation &v = warnings.front();
        QCOMPARE(v.rule, QStringLiteral("metrics.consistency"));
        QCOMPARE(v.severity, governance::Severity::Warning);
        QCOMPARE(v.targetKind, QStringLiteral("metric"));
        QVERIFY2(v.message.contains(QStringLiteral("orders.average_order_value (metrics/orders/aov.yaml)"))
                     && v.message.contains(QStringLiteral("finance.average_order_value (metrics/finance/aov.yaml)")),
                 qPrintable(v.message));
        QVERIFY2(v.message.contains(QStringLiteral("expression")) && v.message.contains(QStringLiteral("filter")),
                 qPrintable(v.message));
        QVERIFY(!v.message.contains(QStringLiteral("inputs")));

        b = a;
        b.id = QStringLiteral("finance.average_order_value");
        b.inputs[0].target = QStringLiteral("revenue-daily");
        const auto byInput = governance::checkMetricConsistency({{a, {}}, {b, {}}});
        QCOMPARE(int(byInput.size()), 1);
        QVERIFY2(byInput.front().message.contains(QStringLiteral("inputs")), qPrintable(byInput.front().message));
    }

    /// Synced into the cache, a derived metric's upstream runs through its metrics, their measures and
    /// semantic models to the models; the registry reads them back; a second definition of one id is refused.
    void derivedMetricLineageThroughTheCache()
    {
        QTemporaryDir dir;
        const QString mesh = dir.filePath(QStringLiteral("mesh"));
        QDir().mkpath(mesh + QStringLiteral("/target"));
        QVERIFY(QFile::copy(testsupport::source(kC24), mesh + QStringLiteral("/target/manifest.json")));
        testsupport::writeFile(mesh + QStringLiteral("/metrics/profit.yaml"), R"(kind: Metric
metadata:
  name: profit_margin
  domain: finance
spec:
  expression: total_profit / total_revenue
  inputs:
    - metric: total_profit
    - metric: total_revenue
)");
        testsupport::writeFile(mesh + QStringLiteral("/metrics/second.yaml"),
                               "kind: Metric\nmetadata:\n  name: profit_margin\n  domain: finance\nspec:\n  expression: x\n");
        const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
        const SyncReport report = SyncEngine(cachePath).run({mesh});
        QVERIFY2(report.fatalError.isEmpty(), qPrintable(report.fatalError));
        bool refused = false;
        for (const Diagnostic &d : report.diagnostics)
            refused = refused || d.message.contains(QStringLiteral("duplicate metric id 'finance.profit_margin'"));
        QVERIFY(refused);

        sql::Connection db = cache::openCache(cachePath, true);
        cache::MetricReader reader(db);
        QCOMPARE(int(reader.metrics().size()), 10);
        QCOMPARE(int(reader.semanticModels().size()), 3);
        QCOMPARE(reader.dependents(QStringLiteral("metric.acme_sales.total_revenue")),
                 (QStringList{"metric.acme_sales.average_revenue_per_customer", "metric.acme_sales.total_profit"}));
        QVERIFY(reader.metric(QStringLiteral("profit_margin")).has_value());

        const lineage::LineageGraph g = lineage::loadGraph(db, lineage::Level::Metric);
        QCOMPARE(lineage::levelName(g.level), QStringLiteral("metric"));
        const QSet<QString> up = upstreamOf(g, QStringLiteral("metric.acme_sales.total_profit"));
        for (const char *id : {"metric.acme_sales.total_revenue", "metric.acme_sales.total_expense",
                               "semantic_model.acme_sales.orders#total_revenue", "semantic_model.acme_sales.orders",
                               "semantic_model.acme_sales.order_items#total_expense", "semantic_model.acme_sales.order_items"})
            QVERIFY2(up.contains(QLatin1String(id)), id);
        bool reachesModel = false;
        for (const QString &id : up)
            reachesModel = reachesModel || id.endsWith(QStringLiteral(".fct_orders"));
        QVERIFY2(reachesModel, qPrintable(QStringList(up.begin(), up.end()).join(u' ')));
        // A mesh document names its metrics by name; they resolve to the dbt ones.
        const QSet<QString> margin = upstreamOf(g, QStringLiteral("finance.profit_margin"));
        QVERIFY(margin.contains(QStringLiteral("metric.acme_sales.total_profit")));
        QVERIFY(margin.contains(QStringLiteral("metric.acme_sales.total_expense")));
        // The metric level is named on the command line too.
        QCOMPARE(lineage::parseLevel(QStringLiteral("Metric")), std::optional<lineage::Level>(lineage::Level::Metric));
    }

    /// `meshscope metrics list --json` and `show ID` over a synced cache.
    void metricsCommand()
    {
        QTemporaryDir dir;
        const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
        QVERIFY(SyncEngine(cachePath).run({testsupport::corpus(QStringLiteral("dbt-labs/dbt-docs/data/manifest.json"))})
                    .fatalError.isEmpty());
        QProcess list;
        list.start(QStringLiteral(MESHSCOPE_BINARY), {"metrics", "list", "--json", "--cache", cachePath});
        QVERIFY(list.waitForFinished(60000));
        QCOMPARE(list.exitCode(), 0);
        const QJsonArray metrics = QJsonDocument::fromJson(list.readAllStandardOutput()).object().value("metrics").toArray();
        QCOMPARE(metrics.size(), 4);

        QProcess show;
        show.start(QStringLiteral(MESHSCOPE_BINARY), {"metrics", "show", "count_orders", "--cache", cachePath});
        QVERIFY(show.waitForFinished(60000));
        QCOMPARE(show.exitCode(), 0);
        const QString text = QString::fromUtf8(show.readAllStandardOutput());
        QVERIFY2(text.contains(QStringLiteral("metric.jaffle_shop.count_orders")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("used by     metric.jaffle_shop.orders_per_customer")), qPrintable(text));

        QProcess missing;
        missing.start(QStringLiteral(MESHSCOPE_BINARY), {"metrics", "show", "nope", "--cache", cachePath});
        QVERIFY(missing.waitForFinished(60000));
        QCOMPARE(missing.exitCode(), 2);
    }
    /// The sample mesh: metrics in two domains, and its one inconsistent pair found, naming both files.
    void sampleMeshMetrics()
    {
        QTemporaryDir dir;
        const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
        const SyncReport report = SyncEngine(cachePath).run({testsupport::source(QStringLiteral("resources/sample-mesh"))});
        QVERIFY2(report.fatalError.isEmpty(), qPrintable(report.fatalError));
        sql::Connection db = cache::openCache(cachePath, true);
        const std::vector<cache::MetricRecord> records = cache::MetricReader(db).metrics();
        QCOMPARE(int(records.size()), 5);
        QSet<QString> domains;
        std::vector<governance::MetricDefinition> definitions;
        for (const cache::MetricRecord &r : records) {
            domains.insert(r.metric.domainId);
            definitions.push_back({r.metric, r.path});
        }
        QCOMPARE(domains, (QSet<QString>{"orders", "finance"}));
        const auto warnings = governance::checkMetricConsistency(definitions);
        QCOMPARE(int(warnings.size()), 1);
        QVERIFY2(warnings.front().message.contains(QStringLiteral("metrics/orders/average-order-value.yaml"))
                     && warnings.front().message.contains(QStringLiteral("metrics/finance/average-order-value.yaml")),
                 qPrintable(warnings.front().message));
        // A metric of one domain built on another's: finance's revenue_per_customer reads orders_per_customer.
        const lineage::LineageGraph g = lineage::loadGraph(db, lineage::Level::Metric);
        const QSet<QString> up = upstreamOf(g, QStringLiteral("finance.revenue_per_customer"));
        QVERIFY(up.contains(QStringLiteral("orders.orders_per_customer")));
        QVERIFY(up.contains(QStringLiteral("orders-facts")));
    }

    /// The generator writes metrics into its dbt manifest: one per two products, every fifth derived.
    void generatedMeshHasMetrics()
    {
        QTemporaryDir dir;
        MeshGeneratorOptions options;
        options.products = 40;
        options.domains = 4;
        QString error;
        const GeneratedMeshStats stats = generateMesh(dir.filePath(QStringLiteral("mesh")), options, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(stats.metrics, 20);
        const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
        const SyncReport report = SyncEngine(cachePath).run({dir.filePath(QStringLiteral("mesh"))});
        QVERIFY2(report.fatalError.isEmpty(), qPrintable(report.fatalError));
        for (const Diagnostic &d : report.diagnostics)
            QVERIFY2(d.severity != Diagnostic::Severity::Warning && d.severity != Diagnostic::Severity::Error, qPrintable(d.toString()));
        sql::Connection db = cache::openCache(cachePath, true);
        const std::vector<cache::MetricRecord> records = cache::MetricReader(db).metrics();
        QCOMPARE(int(records.size()), 20);
        int derived = 0;
        QString aDerived;
        for (const cache::MetricRecord &r : records) {
            QVERIFY(!r.metric.domainId.isEmpty());
            if (r.metric.type == u"derived") {
                ++derived;
                aDerived = r.metric.id;
            }
        }
        QCOMPARE(derived, 4);
        const lineage::LineageGraph g = lineage::loadGraph(db, lineage::Level::Metric);
        bool reachesDataset = false;
        for (const QString &id : upstreamOf(g, aDerived))
            reachesDataset = reachesDataset || id.startsWith(QStringLiteral("postgres://"));
        QVERIFY(reachesDataset);
    }

    /// A cache from before metrics were read gets them at the next sync, without a change to the files.
    void anOlderCacheReadsItsManifestsAgain()
    {
        QTemporaryDir dir;
        const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
        const QString manifest = testsupport::corpus(QStringLiteral("dbt-labs/dbt-docs/data/manifest.json"));
        QVERIFY(SyncEngine(cachePath).run({manifest}).fatalError.isEmpty());
        {
            sql::Connection db = cache::openCache(cachePath);
            db.exec("DELETE FROM metrics; UPDATE documents SET needs_reimport = 0; PRAGMA user_version = 4;");
        }
        QVERIFY(SyncEngine(cachePath).run({manifest}).fatalError.isEmpty());
        sql::Connection db = cache::openCache(cachePath, true);
        QCOMPARE(int(cache::MetricReader(db).metrics().size()), 4);
    }

    /// A hostile name cannot drive the terminal: control characters print as '?'.
    void commandOutputIsPlainText()
    {
        QTemporaryDir dir;
        testsupport::writeFile(dir.filePath(QStringLiteral("mesh/m.yaml")),
                               "kind: Metric\nmetadata:\n  name: \"evil\\e[2J\\e]0;owned\\a\"\n  domain: x\n"
                               "spec:\n  expression: \"1\\r\\n\\e[31mfake\"\n");
        const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
        QVERIFY(SyncEngine(cachePath).run({dir.filePath(QStringLiteral("mesh"))}).fatalError.isEmpty());
        for (const QStringList &args : {QStringList{"metrics", "list"}, QStringList{"metrics", "show", "x.evil\x1b[2J\x1b]0;owned\a"}}) {
            QProcess p;
            p.start(QStringLiteral(MESHSCOPE_BINARY), args + QStringList{"--cache", cachePath});
            QVERIFY(p.waitForFinished(60000));
            QCOMPARE(p.exitCode(), 0);
            const QByteArray out = p.readAllStandardOutput();
            QVERIFY2(!out.contains('\x1b') && !out.contains('\a') && !out.contains('\r'), out.constData());
            QVERIFY2(out.contains("x.evil?[2J?]0;owned?"), out.constData());
        }
    }
    /// A contract change's impact lists the metrics it reaches: those over the producing product and over
    /// what is downstream of it, and those built on them.
    void contractImpactReachesMetrics()
    {
        QTemporaryDir dir;
        const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
        QVERIFY(SyncEngine(cachePath).run({testsupport::source(QStringLiteral("resources/sample-mesh"))}).fatalError.isEmpty());
        sql::Connection db = cache::openCache(cachePath, true);
        const QString path = testsupport::source(QStringLiteral("resources/sample-mesh/contracts/orders/orders.order_facts.odcs.yaml"));
        const ImportResult r = importDocument(path, testsupport::readAll(path));
        QCOMPARE(int(r.contracts.size()), 1);
        diff::ImpactAnalyzer analyzer(db);
        QStringList ids;
        for (const diff::AffectedMetric &m : analyzer.consumersOf(r.contracts.front()).metrics)
            ids << m.id + QLatin1Char('<') + m.via;
        QVERIFY2(ids.contains(QStringLiteral("orders.average_order_value<orders-facts")), qPrintable(ids.join(u' ')));
        QVERIFY2(ids.contains(QStringLiteral("orders.orders_per_customer<orders-facts")), qPrintable(ids.join(u' ')));
        // revenue-daily is downstream of the order facts: finance's metrics over it are reached too, and the
        // metric built on them through them.
        QVERIFY2(ids.contains(QStringLiteral("finance.net_revenue<revenue-daily")), qPrintable(ids.join(u' ')));
        QVERIFY2(ids.contains(QStringLiteral("finance.revenue_per_customer<finance.net_revenue")), qPrintable(ids.join(u' ')));
        QCOMPARE(ids.size(), 5);
    }
    /// A metric's page: inputs with their promised freshness against the metric's own requirement, the
    /// metrics built on it, its consistency warnings and its versions from the change feed.
    void metricPage()
    {
        QTemporaryDir dir;
        const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
        QVERIFY(SyncEngine(cachePath).run({testsupport::source(QStringLiteral("resources/sample-mesh"))}).fatalError.isEmpty());
        sql::Connection db = cache::openCache(cachePath, true);
        const std::optional<metrics::MetricPage> aov = metrics::metricPage(db, QStringLiteral("orders.average_order_value"));
        QVERIFY(aov.has_value());
        QCOMPARE(aov->record.path, QStringLiteral("metrics/orders/average-order-value.yaml"));
        QCOMPARE(int(aov->inputs.size()), 1);
        const metrics::InputView &facts = aov->inputs.front();
        QVERIFY(facts.inMesh);
        QCOMPARE(facts.freshness, QStringLiteral("1h"));
        // The metric wants 30 minutes; its product promises an hour.
        QVERIFY2(facts.freshnessIssue.contains(QStringLiteral("asks for 30m")), qPrintable(facts.freshnessIssue));
        QCOMPARE(int(aov->warnings.size()), 1);
        QCOMPARE(int(aov->versions.size()), 1);
        QCOMPARE(aov->versions.front().change, QStringLiteral("added"));

        const std::optional<metrics::MetricPage> perCustomer = metrics::metricPage(db, QStringLiteral("orders_per_customer"));
        QVERIFY(perCustomer.has_value());
        QCOMPARE(perCustomer->usedBy, QStringList{"finance.revenue_per_customer"});
        QVERIFY(perCustomer->warnings.empty());
        for (const metrics::InputView &v : perCustomer->inputs)
            QVERIFY2(v.freshnessIssue.isEmpty(), qPrintable(v.freshnessIssue)); // 24h asked, 1h promised

        const std::optional<metrics::MetricPage> derived = metrics::metricPage(db, QStringLiteral("finance.revenue_per_customer"));
        QVERIFY(derived.has_value());
        QStringList labels;
        for (const metrics::InputView &v : derived->inputs) {
            QVERIFY(v.inMesh);
            labels << v.label;
        }
        QCOMPARE(labels, (QStringList{"Net revenue", "Orders per customer", "revenue-daily"}));
        // A name two definitions share opens neither.
        QVERIFY(!metrics::metricPage(db, QStringLiteral("average_order_value")).has_value());
    }

    void durations()
    {
        QCOMPARE(metrics::durationSeconds(QStringLiteral("30m")), 1800);
        QCOMPARE(metrics::durationSeconds(QStringLiteral("2h")), 7200);
        QCOMPARE(metrics::durationSeconds(QStringLiteral("1 day")), 86400);
        QCOMPARE(metrics::durationSeconds(QStringLiteral("PT1H30M")), 5400);
        QCOMPARE(metrics::durationSeconds(QStringLiteral("15 minutes")), 900);
        QCOMPARE(metrics::durationSeconds(QStringLiteral("soon")), -1);
        QCOMPARE(metrics::durationSeconds(QStringLiteral("P")), -1);
        QCOMPARE(metrics::durationSeconds(QStringLiteral("99999999999999999999d")), -1);
    }
    /// Every field of the wrong shape: no crash, no exception, a warning where something is skipped, and
    /// what can be read is read.
    void hostileShapes()
    {
        const QString path = testsupport::source(QStringLiteral("tests/fixtures/metrics/hostile.manifest.json"));
        const ImportResult r = importDocument(path, testsupport::readAll(path));
        QVERIFY2(!r.hasErrors(), qPrintable(testsupport::describe(r)));
        QStringList names;
        for (const Metric &m : r.metrics)
            names << m.name;
        names.sort();
        QCOMPARE(names, (QStringList{"conv", "deep", "derived", "measure", "params", "ratio"}));
        QCOMPARE(int(r.semanticModels.size()), 2);
        QVERIFY(testsupport::describe(r).contains(QStringLiteral("metric.p.string: metric is string, not an object")));
        QVERIFY(testsupport::describe(r).contains(QStringLiteral("metric.p.noname: metric without a name")));
        const Metric *derived = metricNamed(r, QStringLiteral("derived"));
        QCOMPARE(inputsOf(*derived), (QStringList{"metric:3->", "metric:ratio->metric.p.ratio"})); // a number names "3"
        QCOMPARE(derived->filter, QStringLiteral("f = 2"));
        const Metric *conv = metricNamed(r, QStringLiteral("conv"));
        QCOMPARE(inputsOf(*conv), QStringList{"measure:m->semantic_model.p.ok"});
        for (const Diagnostic &d : r.diagnostics)
            QVERIFY2(d.line > 0, qPrintable(d.toString())); // every warning placed in the file

        const QString yamlPath = testsupport::source(QStringLiteral("tests/fixtures/metrics/hostile.metric.yaml"));
        const ImportResult y = importDocument(yamlPath, testsupport::readAll(yamlPath));
        QCOMPARE(int(y.metrics.size()), 1);
        const Metric &odd = y.metrics.front();
        QCOMPARE(odd.name, QStringLiteral("odd"));
        QCOMPARE(inputsOf(odd), QStringList{"product:real-product->real-product"});
        QVERIFY(odd.parameters.isEmpty());
        QVERIFY(y.hasErrors()); // the nameless and the malformed documents
        for (const Diagnostic &d : y.diagnostics)
            QVERIFY2(d.line > 0, qPrintable(d.toString()));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
