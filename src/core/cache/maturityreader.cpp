#include "maturityreader.h"

#include <QJsonDocument>
#include <QSet>

namespace meshscope::cache {

namespace {

void addConsumer(QHash<QString, QStringList> &consumers, const QString &producer, const QString &consumer)
{
    QStringList &list = consumers[producer];
    if (!list.contains(consumer))
        list << consumer;
}

/// One contract version row (id, version, status, custom-or-null) into `f`.
void addVersion(MaturityFacts &f, const sql::Statement &s)
{
    ContractVersionRow row;
    row.version = s.text(1);
    row.status = s.text(2);
    row.custom = QJsonDocument::fromJson(s.text(3).toUtf8()).object();
    f.contractVersions[s.text(0)].push_back(std::move(row));
}

// Only a deprecated version's custom keys are read (for its sunset date): extracting them from every
// contract's JSON would parse the whole table.
constexpr const char *kVersionColumns = "SELECT id, version, status, CASE WHEN lower(trim(status)) = 'deprecated' "
                                        "THEN json_extract(data, '$.custom') END FROM contracts";

/// Lineage consumers: a dataset of another product, or an exposure, built from one of the producer's.
constexpr const char *kLineageConsumers =
    "SELECT DISTINCT a.product_id, e.to_id, b.product_id, b.kind FROM lineage_edges e "
    "JOIN datasets a ON a.id = e.from_id LEFT JOIN datasets b ON b.id = e.to_id "
    "WHERE a.product_id IS NOT NULL AND a.product_id <> ''";

void addLineageConsumers(MaturityFacts &f, sql::Statement &s)
{
    while (s.step()) {
        const QString producer = s.text(0);
        const QString downstreamProduct = s.text(2);
        const bool otherProduct = !downstreamProduct.isEmpty() && downstreamProduct != producer;
        if (otherProduct || s.text(3) == u"exposure")
            addConsumer(f.consumers, producer, QStringLiteral("dataset ") + s.text(1));
    }
}

/// Consumers in name order, whichever query found them first.
MaturityFacts sorted(MaturityFacts f)
{
    for (QStringList &list : f.consumers)
        list.sort();
    return f;
}

MaturityFacts readOneProduct(sql::Connection &db, const QString &productId)
{
    MaturityFacts f;
    QStringList contracts;
    {
        sql::Statement s = db.prepare("SELECT DISTINCT contract_id FROM ports WHERE product_id = ?1 AND direction = 'output' "
                                      "AND contract_id IS NOT NULL AND contract_id <> ''");
        s.bind(1, productId);
        while (s.step())
            contracts << s.text(0);
    }
    for (const QString &id : contracts) {
        sql::Statement s = db.prepare((QByteArray(kVersionColumns) + " WHERE id = ?1").constData());
        s.bind(1, id);
        while (s.step())
            addVersion(f, s);
        sql::Statement in = db.prepare("SELECT product_id FROM ports WHERE contract_id = ?1 AND direction = 'input'");
        in.bind(1, id);
        while (in.step()) {
            if (in.text(0) != productId)
                addConsumer(f.consumers, productId, QStringLiteral("product ") + in.text(0));
        }
    }
    {
        sql::Statement s = db.prepare("SELECT product_id FROM ports WHERE source_product_id = ?1 AND direction = 'input'");
        s.bind(1, productId);
        while (s.step()) {
            if (s.text(0) != productId)
                addConsumer(f.consumers, productId, QStringLiteral("product ") + s.text(0));
        }
    }
    {
        sql::Statement s = db.prepare((QByteArray(kLineageConsumers) + " AND a.product_id = ?1").constData());
        s.bind(1, productId);
        addLineageConsumers(f, s);
    }
    return f;
}

} // namespace

MaturityFacts readMaturityFacts(sql::Connection &db, const QString &productId)
{
    if (!productId.isEmpty())
        return sorted(readOneProduct(db, productId));
    MaturityFacts f;
    {
        sql::Statement s = db.prepare(kVersionColumns);
        while (s.step())
            addVersion(f, s);
    }
    {
        // Input ports name their source product directly, or a contract that some product publishes.
        QHash<QString, QStringList> publisherOf; // contract id -> products with an output port on it
        struct Input {
            QString product, sourceProduct, contract;
        };
        std::vector<Input> inputs;
        sql::Statement s = db.prepare("SELECT product_id, direction, source_product_id, contract_id FROM ports");
        while (s.step()) {
            if (s.text(1) == u"output") {
                if (!s.text(3).isEmpty())
                    publisherOf[s.text(3)] << s.text(0);
            } else {
                inputs.push_back({s.text(0), s.text(2), s.text(3)});
            }
        }
        for (const Input &in : inputs) {
            QStringList producers;
            if (!in.sourceProduct.isEmpty())
                producers << in.sourceProduct;
            producers += publisherOf.value(in.contract);
            for (const QString &producer : producers) {
                if (producer != in.product)
                    addConsumer(f.consumers, producer, QStringLiteral("product ") + in.product);
            }
        }
    }
    {
        sql::Statement s = db.prepare(kLineageConsumers);
        addLineageConsumers(f, s);
    }
    return sorted(std::move(f));
}

} // namespace meshscope::cache
