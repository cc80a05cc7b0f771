#pragma once

#include "cache/sqlite.h"
#include "model/entities.h"

#include <QString>

#include <optional>
#include <vector>

/// "New contract from template": an ODCS v3 draft pre-filled from a data product's output port
/// (id, name, domain, owner and team from the product; the schema from the port's dataset when the
/// cache has it), so a producer starts from what the mesh already knows instead of a blank file.
namespace meshscope::editor {

/// What the template is made from, as read from the cache.
struct TemplateSource {
    DataProduct product;
    Port port;
    std::optional<Team> team;       ///< the product's team when the cache has it
    std::optional<Dataset> dataset; ///< the port's table/topic when lineage named it
};

/// One output port the template can start from (for a picker).
struct OutputPortChoice {
    QString productId;
    QString productName;
    QString domainId;
    QString portName;
    QString contractId; ///< the contract the port already names, or empty
};

/// Every output port of every product in the cache, by domain, product, port.
std::vector<OutputPortChoice> listOutputPorts(sql::Connection &db);

/// Reads the product, its port named `portName` (the first output port when empty), its team and the
/// port's dataset. nullopt with `error` when the product or port is not in the cache.
/// Throws sql::SqlError when the cache cannot be read.
std::optional<TemplateSource> loadTemplateSource(sql::Connection &db, const QString &productId, const QString &portName,
                                                 QString *error);

/// The id a new contract for `port` gets: the one the port names, else "<domain>.<port name>".
QString templateContractId(const DataProduct &product, const Port &port);

/// The ODCS v3 YAML of a new draft contract (version 0.1.0, status draft) for `source`.
QString contractFromTemplate(const TemplateSource &source);

/// An ODCS logical type for a physical/column type as dbt, OpenLineage or a DDL writes it.
QString logicalTypeFor(const QString &physicalType);

} // namespace meshscope::editor
