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

} // namespace

MaturityFacts readMaturityFacts(sql::Connection &db)
{
    MaturityFacts f;
    {
        // Only a deprecated version's custom keys are read (for its sunset date): extracting them from
        // every contract's JSON would parse the whole table.
        sql::Statement s = db.prepare("SELECT id, version, status, CASE WHEN lower(trim(status)) = 'deprecated' "
                                      "THEN json_extract(data, '$.custom') END FROM contracts");
        while (s.step()) {
            ContractVersionRow row;
            row.version = s.text(1);
            row.status = s.text(2);
            row.custom = QJsonDocument::fromJson(s.text(3).toUtf8()).object();
            f.contractVersions[s.text(0)].push_back(std::move(row));
        }
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
        sql::Statement s = db.prepare(
            "SELECT DISTINCT a.product_id, e.to_id, b.product_id, b.kind FROM lineage_edges e "
            "JOIN datasets a ON a.id = e.from_id LEFT JOIN datasets b ON b.id = e.to_id "
            "WHERE a.product_id IS NOT NULL AND a.product_id <> ''");
        while (s.step()) {
            const QString producer = s.text(0);
            const QString downstreamProduct = s.text(2);
            const bool otherProduct = !downstreamProduct.isEmpty() && downstreamProduct != producer;
            if (otherProduct || s.text(3) == u"exposure")
                addConsumer(f.consumers, producer, QStringLiteral("dataset ") + s.text(1));
        }
    }
    return f;
}

} // namespace meshscope::cache
