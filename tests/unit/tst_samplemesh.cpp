#include "appinfo/paths.h"
#include "importers/importer.h"
#include "model/entities.h"
#include "model/importresult.h"
#include "sync/sourcewalker.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <utility>
#include <vector>

using namespace meshscope;

/// The bundled sample mesh (resources/sample-mesh) is what a new user sees first, so every
/// document in it must import cleanly and the mesh must contain what each view needs:
/// sub-domains, cross-domain ports, a contract proposal, lineage that joins dbt and OpenLineage,
/// failing checks, a failed run, a stale product and deliberate governance gaps.
class TestSampleMesh : public QObject {
    Q_OBJECT

    struct ImportedFile {
        QString relativePath;
        ImportResult result;
    };

    std::vector<ImportedFile> m_files;
    QHash<QString, Domain> m_domains; ///< merged by id: Domain documents and domains noted by others
    std::vector<DataProduct> m_products;
    std::vector<Contract> m_contracts;
    std::vector<GovernancePolicy> m_policies;

    static QString warehouseDataset(const QString &schema, const QString &table)
    {
        return datasetId(QStringLiteral("postgres://warehouse.northwind.example:5432"),
                         QStringLiteral("northwind.%1.%2").arg(schema, table));
    }

    const ImportResult *resultFor(const QString &relativePath) const
    {
        for (const ImportedFile &f : m_files)
            if (f.relativePath == relativePath)
                return &f.result;
        return nullptr;
    }

    QSet<QString> contractIds() const
    {
        QSet<QString> ids;
        for (const Contract &c : m_contracts)
            ids.insert(c.id);
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString root = testsupport::source(QStringLiteral("resources/sample-mesh"));
        QVERIFY2(QDir(root).exists(), qPrintable(root));
        // The documents a sync reads (the walker leaves out reviews/, which holds review events).
        std::vector<SourceFile> files;
        QString error;
        QVERIFY2(walkSource(root, files, &error), qPrintable(error));
        QStringList paths;
        for (const SourceFile &f : files)
            paths << f.absolutePath;
        paths.sort();
        QVERIFY(paths.size() >= 80);

        const QDir base(root);
        for (const QString &path : std::as_const(paths)) {
            ImportedFile file{base.relativeFilePath(path), importDocument(path, testsupport::readAll(path))};
            // A `kind: Domain` document describes its domain; other documents only note the id.
            const bool authoritative = file.result.format == u"domain";
            for (const Domain &d : file.result.domains) {
                Domain &merged = m_domains[d.id];
                if (merged.id.isEmpty() || (authoritative && d.id == slugify(QFileInfo(path).baseName())))
                    merged = d;
            }
            m_products.insert(m_products.end(), file.result.products.begin(), file.result.products.end());
            m_contracts.insert(m_contracts.end(), file.result.contracts.begin(), file.result.contracts.end());
            m_policies.insert(m_policies.end(), file.result.policies.begin(), file.result.policies.end());
            m_files.push_back(std::move(file));
        }
    }

    void everyDocumentImportsWithoutErrors()
    {
        QStringList errors;
        for (const ImportedFile &f : m_files) {
            for (const Diagnostic &d : f.result.diagnostics) {
                if (d.severity == Diagnostic::Severity::Error)
                    errors << d.toString();
                else if (d.severity == Diagnostic::Severity::Warning)
                    qInfo("%s", qPrintable(d.toString()));
            }
        }
        for (const QString &e : std::as_const(errors))
            qWarning("%s", qPrintable(e));
        QVERIFY2(errors.isEmpty(), qPrintable(QStringLiteral("%1 error diagnostic(s)").arg(errors.size())));
    }

    void everyDocumentIsRecognised()
    {
        QStringList unrecognised;
        for (const ImportedFile &f : m_files)
            if (f.result.format.isEmpty())
                unrecognised << f.relativePath;
        QVERIFY2(unrecognised.isEmpty(), qPrintable(unrecognised.join(QLatin1String(", "))));

        const auto formatOf = [this](const char *path) {
            const ImportResult *r = resultFor(QString::fromLatin1(path));
            return r ? r->format : QString();
        };
        QCOMPARE(formatOf("lineage/dbt/manifest.json"), QStringLiteral("dbt-manifest"));
        QCOMPARE(formatOf("lineage/openlineage/events.ndjson"), QStringLiteral("openlineage"));
        QCOMPARE(formatOf("domains/payments.yaml"), QStringLiteral("domain"));
        QCOMPARE(formatOf("policies/payments.yaml"), QStringLiteral("policy"));
    }

    void domainsWithSubDomains()
    {
        for (const char *id : {"orders", "customer", "payments", "inventory", "fulfillment", "marketing",
                               "finance", "loyalty", "fraud"})
            QVERIFY2(m_domains.contains(QString::fromLatin1(id)), id);
        QCOMPARE(m_domains.value(QStringLiteral("fraud")).parentId, QStringLiteral("payments"));
        QCOMPARE(m_domains.value(QStringLiteral("loyalty")).parentId, QStringLiteral("customer"));
        QVERIFY(m_domains.value(QStringLiteral("orders")).parentId.isEmpty());
        QCOMPARE(m_domains.value(QStringLiteral("orders")).type, DomainType::SourceAligned);
        QCOMPARE(m_domains.value(QStringLiteral("marketing")).type, DomainType::ConsumerAligned);
        QCOMPARE(m_domains.value(QStringLiteral("finance")).type, DomainType::Aggregate);
        QCOMPARE(m_domains.value(QStringLiteral("payments")).owner,
                 QStringLiteral("payments-team@northwind.example"));
    }

    void productsInThreeFormats()
    {
        QSet<QString> ids;
        QHash<QString, int> formats;
        for (const DataProduct &p : m_products) {
            ids.insert(p.id);
            ++formats[p.specFormat];
            QVERIFY2(!p.domainId.isEmpty(), qPrintable(p.id));
        }
        QCOMPARE(int(m_products.size()), 34);
        QCOMPARE(ids.size(), 34);
        QCOMPARE(formats.value(QStringLiteral("odps")), 27);
        QCOMPARE(formats.value(QStringLiteral("manifest")), 5);
        QCOMPARE(formats.value(QStringLiteral("dps")), 2);
    }

    void contractsAndTheProposalUnderReview()
    {
        // 33 ODCS and 2 DCS contracts, plus the proposed 2.0.0 of orders.order_events.
        QCOMPARE(int(m_contracts.size()), 36);
        QCOMPARE(contractIds().size(), 35);
        const auto dcs = std::count_if(m_contracts.begin(), m_contracts.end(),
                                       [](const Contract &c) { return c.specFormat == u"dcs"; });
        QCOMPARE(int(dcs), 2);

        QStringList orderEvents;
        for (const Contract &c : m_contracts)
            if (c.id == u"orders.order_events")
                orderEvents << c.version + QLatin1Char('/') + c.status;
        orderEvents.sort();
        QCOMPARE(orderEvents, (QStringList{QStringLiteral("1.3.0/active"), QStringLiteral("2.0.0/proposed")}));
    }

    void contractsDescribeWarehouseTables()
    {
        const auto it = std::find_if(m_contracts.begin(), m_contracts.end(), [](const Contract &c) {
            return c.id == u"customer.customer_profiles";
        });
        QVERIFY(it != m_contracts.end());
        QCOMPARE(it->owner, QStringLiteral("priya.nair@northwind.example"));
        QVERIFY(!it->servers.isEmpty());
        QCOMPARE(it->servers.front().type, QStringLiteral("postgres"));
        QCOMPARE(it->servers.front().details.value(QStringLiteral("schema")).toString(), QStringLiteral("customer"));
        QVERIFY(!it->schema.isEmpty());
        QCOMPARE(it->schema.front().physicalName, QStringLiteral("customers"));
        const auto &props = it->schema.front().properties;
        const auto email = std::find_if(props.begin(), props.end(),
                                        [](const ContractProperty &p) { return p.name == u"email"; });
        QVERIFY(email != props.end());
        QVERIFY(email->pii);
        QVERIFY(!it->sla.isEmpty());
    }

    void policiesGlobalAndPayments()
    {
        QCOMPARE(int(m_policies.size()), 2);
        const auto payments = std::find_if(m_policies.begin(), m_policies.end(),
                                           [](const GovernancePolicy &p) { return p.domainId == u"payments"; });
        QVERIFY(payments != m_policies.end());
        QCOMPARE(payments->extends, QStringLiteral("global-data-standards"));
        const auto global = std::find_if(m_policies.begin(), m_policies.end(),
                                         [](const GovernancePolicy &p) { return p.domainId.isEmpty(); });
        QVERIFY(global != m_policies.end());
        QCOMPARE(global->id, QStringLiteral("global-data-standards"));
        QVERIFY(global->spec.contains(QStringLiteral("naming_conventions")));
    }

    void portsResolveExceptTheDeliberateGaps()
    {
        const QSet<QString> contracts = contractIds();
        QSet<QString> withoutContract;
        QSet<QString> withoutOwner;
        QStringList unresolved;
        for (const DataProduct &p : m_products) {
            QVERIFY2(!p.outputPorts.isEmpty(), qPrintable(p.id));
            for (const Port &port : p.outputPorts) {
                if (port.contractId.isEmpty())
                    withoutContract.insert(p.id);
                else if (!contracts.contains(port.contractId))
                    unresolved << p.id + QLatin1String(" -> ") + port.contractId;
            }
            for (const Port &port : p.inputPorts)
                if (!port.contractId.isEmpty() && !contracts.contains(port.contractId))
                    unresolved << p.id + QLatin1String(" <- ") + port.contractId;
            if (p.owner.isEmpty())
                withoutOwner.insert(p.id);
        }
        QVERIFY2(unresolved.isEmpty(), qPrintable(unresolved.join(QLatin1String(", "))));
        QCOMPARE(withoutContract, (QSet<QString>{QStringLiteral("order-status-stream"),
                                                 QStringLiteral("product-recommendations")}));
        QCOMPARE(withoutOwner, QSet<QString>{QStringLiteral("email-engagement")});
    }

    void fanInAndFanOut()
    {
        // Consumers name upstream contracts on input ports (ODPS) or as lineage sources (manifests).
        QHash<QString, QSet<QString>> consumersOf;
        QHash<QString, QString> domainOfContract;
        for (const Contract &c : m_contracts)
            domainOfContract.insert(c.id, c.domainId);
        QHash<QString, QSet<QString>> upstreamDomains;
        for (const DataProduct &p : m_products) {
            QStringList upstream = p.lineageSources;
            for (const Port &port : p.inputPorts)
                upstream << port.contractId;
            for (const QString &id : std::as_const(upstream)) {
                if (!domainOfContract.contains(id))
                    continue;
                consumersOf[id].insert(p.id);
                if (domainOfContract.value(id) != p.domainId)
                    upstreamDomains[p.id].insert(domainOfContract.value(id));
            }
        }
        QVERIFY(consumersOf.value(QStringLiteral("orders.order_events")).size() >= 8);
        QVERIFY(consumersOf.value(QStringLiteral("payments.payment_transactions")).size() >= 6);
        QVERIFY(upstreamDomains.value(QStringLiteral("revenue-daily")).size() >= 2);
        QVERIFY(upstreamDomains.value(QStringLiteral("customer-segments")).size() >= 2);
    }

    void dbtModelsMeetOpenLineageDatasets()
    {
        const ImportResult *dbt = resultFor(QStringLiteral("lineage/dbt/manifest.json"));
        const ImportResult *ol = resultFor(QStringLiteral("lineage/openlineage/events.ndjson"));
        QVERIFY(dbt && ol);

        QSet<QString> models;
        for (const Dataset &d : dbt->datasets)
            if (d.kind == u"model")
                models.insert(d.id);
        QVERIFY2(models.size() >= 25, qPrintable(QString::number(models.size())));
        QVERIFY(models.contains(warehouseDataset(QStringLiteral("orders"), QStringLiteral("order_events"))));
        QVERIFY(!dbt->lineageEdges.empty());

        QSet<QString> seen;
        for (const Dataset &d : ol->datasets)
            seen.insert(d.id);
        for (const RunEvent &r : ol->runs) {
            for (const QString &id : r.inputs)
                seen.insert(id);
            for (const QString &id : r.outputs)
                seen.insert(id);
        }
        const QSet<QString> shared = models & seen;
        QVERIFY2(shared.size() >= 10, qPrintable(QString::number(shared.size())));
        QVERIFY(!ol->columnEdges.empty());
    }

    void martsNameTheirDataProduct()
    {
        const ImportResult *dbt = resultFor(QStringLiteral("lineage/dbt/manifest.json"));
        QVERIFY(dbt);
        const QString id = warehouseDataset(QStringLiteral("payments"), QStringLiteral("payment_transactions"));
        const auto it = std::find_if(dbt->datasets.begin(), dbt->datasets.end(),
                                     [&](const Dataset &d) { return d.id == id; });
        QVERIFY(it != dbt->datasets.end());
        QCOMPARE(it->productId, QStringLiteral("payment-transactions"));
        QVERIFY(!it->columns.isEmpty());
    }

    void failingChecksFailedRunsAndStaleData()
    {
        const ImportResult *ol = resultFor(QStringLiteral("lineage/openlineage/events.ndjson"));
        QVERIFY(ol);
        QVERIFY2(ol->runs.size() >= 60, qPrintable(QString::number(ol->runs.size())));

        const QString payments = warehouseDataset(QStringLiteral("payments"), QStringLiteral("payment_transactions"));
        const bool paymentsFail = std::any_of(ol->qualityResults.begin(), ol->qualityResults.end(),
                                              [&](const QualityResult &q) {
                                                  return q.datasetId == payments && !q.success;
                                              });
        QVERIFY(paymentsFail);
        QVERIFY(std::any_of(ol->qualityResults.begin(), ol->qualityResults.end(),
                            [](const QualityResult &q) { return q.success; }));
        QVERIFY(std::any_of(ol->runs.begin(), ol->runs.end(), [](const RunEvent &r) { return r.state == u"FAIL"; }));

        // stock_levels last loaded on 2026-11-16, far beyond its 2-hour latency on 2026-11-20.
        const QString stock = warehouseDataset(QStringLiteral("inventory"), QStringLiteral("stock_levels"));
        QDateTime lastStock;
        QDateTime lastAny;
        for (const RunEvent &r : ol->runs) {
            if (r.state != u"COMPLETE")
                continue;
            if (!lastAny.isValid() || r.eventTime > lastAny)
                lastAny = r.eventTime;
            if (r.outputs.contains(stock) && (!lastStock.isValid() || r.eventTime > lastStock))
                lastStock = r.eventTime;
        }
        QVERIFY(lastStock.isValid());
        QVERIFY(lastStock < QDateTime(QDate(2026, 11, 17), QTime(0, 0), Qt::UTC));
        QVERIFY(lastAny > QDateTime(QDate(2026, 11, 20), QTime(11, 0), Qt::UTC));
    }

    /// The app drops other copies of the sample from the cache (another home folder's), and only those:
    /// a mesh the user synced with the CLI into the same cache stays.
    void samplesElsewhereAreRecognisedByTheirPlace()
    {
        using meshscope::paths::isSampleMeshFolder;
        QVERIFY(isSampleMeshFolder(QStringLiteral("/home/ana/.local/share/meshscope/sample-mesh")));
        QVERIFY(isSampleMeshFolder(QStringLiteral("/tmp/fh/.local/share/meshscope/sample-mesh/")));
        QVERIFY(!isSampleMeshFolder(QStringLiteral("/home/ana/src/northwind-mesh")));
        QVERIFY(!isSampleMeshFolder(QStringLiteral("/home/ana/sample-mesh")));
        QVERIFY(!isSampleMeshFolder(QStringLiteral("entropy+https://api.entropy-data.com")));
    }

    /// The writable copy follows the embedded sample: an old copy (older stamp, files missing) is
    /// brought up to date, while files the user added there (review events, meetings) stay.
    void extractedCopyIsRefreshedAndKeepsUserFiles()
    {
        QTemporaryDir home;
        const QString target = home.filePath(QStringLiteral("sample-mesh"));
        QCOMPARE(meshscope::paths::sampleMeshFolder(target), target);
        const QString review = QStringLiteral("/reviews/orders.order_events/2.0.0");
        QVERIFY(QDir(target + review).exists());

        // An older build's copy: no reviews yet, its own stamp, and a file the user wrote.
        QDir(target + QStringLiteral("/reviews")).removeRecursively();
        QFile stamp(target + QStringLiteral("/.meshscope-sample-version"));
        QVERIFY(stamp.open(QIODevice::WriteOnly | QIODevice::Truncate));
        stamp.write("0.1.0 old");
        stamp.close();
        QFile mine(target + QStringLiteral("/council/mine.json"));
        QVERIFY(QDir().mkpath(target + QStringLiteral("/council")));
        QVERIFY(mine.open(QIODevice::WriteOnly));
        mine.write("{}");
        mine.close();

        meshscope::paths::sampleMeshFolder(target);
        QVERIFY2(QDir(target + review).exists(), "the refreshed copy lacks the sample's reviews");
        QVERIFY(QFileInfo::exists(mine.fileName()));

        // Up to date: nothing is copied again (a file removed by the user stays removed).
        QVERIFY(QFile::remove(target + QStringLiteral("/README.md")));
        meshscope::paths::sampleMeshFolder(target);
        QVERIFY(!QFileInfo::exists(target + QStringLiteral("/README.md")));
    }
};

QTEST_GUILESS_MAIN(TestSampleMesh)
#include "tst_samplemesh.moc"
