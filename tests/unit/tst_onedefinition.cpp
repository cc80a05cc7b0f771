// One definition of product health, of a product's consumers and of a contract count, whichever view
// shows it (issue 25 item 7): on the bundled sample mesh synced into a scratch cache, the domain map
// agrees with the Quality area, the Domains table with the product page, the Domains card with the
// Contracts list.
#include "cache/cachefile.h"
#include "cache/cachereader.h"
#include "contracts/contractlistmodel.h"
#include "domainmap/domainmap.h"
#include "domainmap/productpage.h"
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
};

QTEST_MAIN(TestOneDefinition)
#include "tst_onedefinition.moc"
