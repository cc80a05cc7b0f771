#pragma once

#include "sqlite.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace meshscope::cache {

/// One version of a contract as the cache holds it: what a versioning strategy is judged by.
struct ContractVersionRow {
    QString version;
    QString status;
    QJsonObject custom; ///< deprecated versions only: the custom keys (customProperties included), where a sunset date lives
};

/// @brief What the maturity assessment needs beyond the products and current contracts
/// (governance::loadMeshData): every version of every contract, and who consumes each product.
struct MaturityFacts {
    QHash<QString, std::vector<ContractVersionRow>> contractVersions; ///< contract id -> all its versions
    /// product id -> its consumers, named as "product <id>" (an input port reads it) or "dataset <id>"
    /// (lineage: a dataset of another product, or an exposure, is built from one of its datasets).
    QHash<QString, QStringList> consumers;
};

/// Reads MaturityFacts in a few queries; with `productId`, only what that product's assessment needs
/// (the product page: a few indexed lookups instead of whole-table reads). Throws sql::SqlError.
MaturityFacts readMaturityFacts(sql::Connection &db, const QString &productId = {});

} // namespace meshscope::cache
