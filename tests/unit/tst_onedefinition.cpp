// One definition of product health, of a product's consumers and of a contract count, whichever view
// shows it (issue 25 item 7): on the bundled sample mesh synced into a scratch cache, the domain map
// agrees with the Quality area, the Domains table with the product page, the Domains card with the
// Contracts list.
#include "cache/cachefile.h"
#include "cache/cachereader.h"
#include "contracts/contractlistmodel.h"
#include "counthints.h"
#include "domainmap/domainmap.h"
#include "domainmap/productpage.h"
#include "governance/meshdata.h"
#include "domains/domainmapcontroller.h"
#include "domains/domainproductsmodel.h"
#include "quality/qualityproductmodel.h"
#include "quality/qualitysnapshot.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace meshscope;
using namespace meshscope::domainmap;

class TestOneDefinition : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cache;

    const quality::ProductRow *qualityRow(const quality::Snapshot &s, const QString &id)
    {
        for (const quality::ProductRow &r : s.rows) {
            if (r.id == id)
                return &r;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("XDG_RUNTIME_DIR", m_dir.path().toUtf8());
        QCoreApplication::setOrganizationName("meshscope-tests");
        QCoreApplication::setApplicationName("tst_onedefinition");
        QSettings().clear();
        m_cache = m_dir.filePath("cache.sqlite");
        const SyncReport r = SyncEngine(m_cache).run({testsupport::source("resources/sample-mesh")});
        QVERIFY2(r.fatalError.isEmpty(), qPrintable(r.fatalError));
    }

    /// Quality scores Cash Reconciliation low and finds its SLOs missed: the map must not call it healthy.
    void cashReconciliationIsNotHealthyWhereQualitySeesProblems()
    {
        const std::shared_ptr<quality::Snapshot> snapshot = quality::computeSnapshot(m_cache, {});
        QVERIFY2(snapshot->error.isEmpty(), qPrintable(snapshot->error));
        const quality::ProductRow *row = qualityRow(*snapshot, "cash-reconciliation");
        QVERIFY(row);
        // What the Quality area shows for it (the issue: "Quality scores it 46 with SLOs missed").
        QVERIFY2(row->score < 70, qPrintable(QString::number(row->score)));
        QCOMPARE(row->sloStatus, slo::Status::Missed);

        sql::Connection db = cache::openCache(m_cache, true);
        const DomainMap map = buildDomainMap(db);
        const int p = map.productOf("cash-reconciliation");
        QVERIFY(p >= 0);
        QCOMPARE(map.products[size_t(p)].health.health, Health::Unhealthy);

        // And no product the Quality area sees a missed SLO or failing check for is healthy on the map.
        for (const quality::ProductRow &r : snapshot->rows) {
            const int i = map.productOf(r.id);
            QVERIFY(i >= 0);
            if (r.sloStatus == slo::Status::Missed || r.failingChecks > 0 || r.score < 70)
                QVERIFY2(map.products[size_t(i)].health.health != Health::Healthy, qPrintable(r.id));
        }
        // Payments: the issue saw "6 healthy, 0 at risk" there.
        std::array<int, 4> payments{};
        for (const int d : {map.domainOf("payments"), map.domainOf("fraud")}) {
            for (size_t h = 0; h < payments.size(); ++h)
                payments[h] += map.domains[size_t(d)].healthCounts[h];
        }
        QVERIFY(payments[size_t(Health::Healthy)] < 6);
    }

    /// Where Quality shows a verdict (the dot of its product list, the product's badge) it is the map's.
    void qualityShowsTheMapsVerdict()
    {
        const std::shared_ptr<const quality::Snapshot> snapshot = quality::computeSnapshot(m_cache, {});
        QualityProductModel list;
        list.setSnapshot(snapshot);
        QCOMPARE(list.rowCount(), int(snapshot->rows.size()));
        sql::Connection db = cache::openCache(m_cache, true);
        const DomainMap map = buildDomainMap(db);
        for (int r = 0; r < list.rowCount(); ++r) {
            const QString id = list.index(r).data(QualityProductModel::ProductIdRole).toString();
            const MapProduct &p = map.products[size_t(map.productOf(id))];
            QCOMPARE(list.index(r).data(QualityProductModel::HealthRole).toString(), healthName(p.health.health));
            QCOMPARE(list.index(r).data(QualityProductModel::HealthSummaryRole).toString(), p.health.summary());
        }
    }

    /// Payment Transactions: the Domains table's consumer count is the number its page lists.
    void consumersAgreeBetweenTableAndPage()
    {
        sql::Connection db = cache::openCache(m_cache, true);
        const auto map = std::make_shared<const DomainMap>(buildDomainMap(db));
        DomainProductsModel table;
        table.setDomain(map, map->domainOf("payments"));
        int tableCount = -1;
        for (int r = 0; r < table.rowCount(); ++r) {
            if (table.productIdAt(r) == "payment-transactions")
                tableCount = table.index(r, DomainProductsModel::ConsumersColumn).data().toInt();
        }
        QVERIFY(tableCount >= 0);
        const ProductPage withMap = loadProductPage(db, "payment-transactions", map.get());
        const ProductPage alone = loadProductPage(db, "payment-transactions");
        QCOMPARE(tableCount, int(withMap.consumers.size()));
        QCOMPARE(tableCount, int(alone.consumers.size()));
        QVERIFY(tableCount >= 1);
        // For every product, not only this one.
        for (const MapProduct &p : map->products)
            QCOMPARE(p.consumers, int(loadProductPage(db, p.id, map.get()).consumers.size()));
    }

    /// The Domains card labelled "Contracts" shows the number of entries of the Contracts list.
    void contractCountsAgreeBetweenListAndCard()
    {
        QFile view(testsupport::source("qml/views/DomainsView.qml"));
        QVERIFY(view.open(QIODevice::ReadOnly));
        const QRegularExpressionMatch card
            = QRegularExpression(R"re(\[\s*"(\w+)"\s*,\s*qsTr\("Contracts"\)\s*\])re").match(QString::fromUtf8(view.readAll()));
        QVERIFY2(card.hasMatch(), "the Domains view has no Contracts card");
        sql::Connection db = cache::openCache(m_cache, true);
        const QJsonObject counts = cache::CacheReader(db).counts().toJson(); // what AppController.counts holds
        QVERIFY2(counts.contains(card.captured(1)), qPrintable(card.captured(1)));
        ContractListModel list;
        list.reload(m_cache);
        QVERIFY(list.totalCount() > 30);
        QCOMPARE(counts.value(card.captured(1)).toInt(), list.totalCount());
        QCOMPARE(list.rowCount(), list.totalCount()); // "N contracts": no filter
    }

    /// Every governance score the Quality area draws says how it came about: a product's from its errors
    /// and warnings, a domain's bar from how many products it averages.
    void everyScoreSaysHowItCameAbout()
    {
        const std::shared_ptr<const quality::Snapshot> snapshot = quality::computeSnapshot(m_cache, {});
        QualityProductModel list;
        list.setSnapshot(snapshot);
        bool sawErrors = false;
        for (int r = 0; r < list.rowCount(); ++r) {
            const QModelIndex i = list.index(r);
            const int score = qRound(i.data(QualityProductModel::ScoreRole).toDouble());
            const int errors = i.data(QualityProductModel::ErrorsRole).toInt();
            const int warnings = i.data(QualityProductModel::WarningsRole).toInt();
            const QString basis = i.data(QualityProductModel::ScoreBasisRole).toString();
            QVERIFY2(basis.contains(QStringLiteral("%1 = 100 − 10 × %2 error").arg(score).arg(errors))
                         && basis.contains(QStringLiteral("2 × %1 warning").arg(warnings)),
                     qPrintable(basis));
            sawErrors = sawErrors || errors > 0;
        }
        QVERIFY(sawErrors);
        QVERIFY(!snapshot->domainSummaries.isEmpty());
        for (const QVariant &v : snapshot->domainSummaries) {
            const QVariantMap d = v.toMap();
            const QString basis = d.value("scoreBasis").toString();
            const int products = d.value("products").toInt();
            QVERIFY2(basis.startsWith(d.value("id").toString() + ": ")
                         && basis.contains(products == 1 ? QStringLiteral("its one product")
                                                         : QStringLiteral("its %1 products").arg(products))
                         && basis.contains(QStringLiteral("%1 errors").arg(d.value("errors").toInt())),
                     qPrintable(basis));
        }
    }

    /// The domain map and the governance data behind Quality read one domain by one rule (issue 19): a bare
    /// reference to a domain read before its manifest ("payments", named by its id) does not rename it.
    void oneDomainHasOneNameEverywhere()
    {
        const QString copy = m_dir.filePath("domains-copy.sqlite");
        QFile::remove(copy);
        QVERIFY(QFile::copy(m_cache, copy));
        {
            sql::Connection db = cache::openCache(copy);
            // A bare reference ahead of every other row (rowid -1), as a document read first would leave it.
            db.exec("INSERT INTO domains(rowid, id, document_id, name) "
                    "SELECT -1, 'payments', min(id), 'payments' FROM documents");
        }
        sql::Connection db = cache::openCache(copy, true);
        const DomainMap map = buildDomainMap(db);
        const governance::MeshData mesh = governance::loadMeshData(db);
        int compared = 0;
        for (const Domain &d : mesh.domains) {
            const int i = map.domainOf(d.id);
            QVERIFY2(i >= 0, qPrintable(d.id));
            QCOMPARE(d.name, map.domains[size_t(i)].name);
            QCOMPARE(d.owner, map.domains[size_t(i)].owner);
            QCOMPARE(d.parentId, map.domains[size_t(i)].parentId);
            ++compared;
        }
        QVERIFY(compared >= 9);
        QCOMPARE(map.domains[size_t(map.domainOf("payments"))].name, QStringLiteral("Payments"));
    }

    /// Every card of the Domains page can say where its number comes from (issue 18: documents, formats and
    /// sources behind it), and what it says agrees with the cache.
    void everyCardSaysWhereItsNumberComesFrom()
    {
        QFile view(testsupport::source("qml/views/DomainsView.qml"));
        QVERIFY(view.open(QIODevice::ReadOnly));
        QStringList keys;
        auto cards = QRegularExpression(R"re(\[\s*"(\w+)"\s*,\s*qsTr\()re").globalMatch(QString::fromUtf8(view.readAll()));
        while (cards.hasNext())
            keys << cards.next().captured(1);
        QCOMPARE(keys, QStringList({"domains", "products", "contractIds"}));

        sql::Connection db = cache::openCache(m_cache, true);
        const QVariantMap counts = cache::CacheReader(db).counts().toJson().toVariantMap();
        const QVariantMap hints = countHints(counts);
        for (const QString &key : keys)
            QVERIFY2(!hints.value(key).toString().isEmpty(), qPrintable(key + " has no hint"));

        // The products' documents, counted here independently of CacheReader.
        auto scalar = [&db](const char *sqlText) {
            sql::Statement s = db.prepare(sqlText);
            return s.step() ? s.int64(0) : -1;
        };
        const qint64 odps = scalar("SELECT count(DISTINCT d.id) FROM products p JOIN documents d ON d.id = p.document_id "
                                   "WHERE d.format = 'odps'");
        const qint64 productDocuments = scalar("SELECT count(DISTINCT document_id) FROM products");
        QVERIFY(odps > 10);
        const QString products = hints.value("products").toString();
        QVERIFY2(products.startsWith(QStringLiteral("%1 data products, from %2 documents (")
                                         .arg(counts.value("products").toInt()).arg(productDocuments)),
                 qPrintable(products));
        QVERIFY2(products.contains(QStringLiteral("ODPS %1").arg(odps)), qPrintable(products));
        QVERIFY2(products.endsWith(QStringLiteral(" in 1 source.")), qPrintable(products));

        // Contracts are counted per id; the hint says how many versions stand behind them.
        const QString contracts = hints.value("contractIds").toString();
        QVERIFY2(contracts.contains(QStringLiteral("%1 version").arg(counts.value("contracts").toInt())),
                 qPrintable(contracts));
        QVERIFY(counts.value("contracts").toInt() > counts.value("contractIds").toInt());

        // Nothing of a kind is said as such, not as a bare 0.
        QVariantMap none = counts;
        none.insert("policies", 0);
        QVERIFY2(countHints(none).value("policies").toString().startsWith("None in the cache"),
                 qPrintable(countHints(none).value("policies").toString()));
    }
};

QTEST_MAIN(TestOneDefinition)
#include "tst_onedefinition.moc"
