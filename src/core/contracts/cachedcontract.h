#pragma once

#include "cache/sqlite.h"
#include "model/entities.h"

#include <QStringList>

#include <optional>
#include <vector>

/// Contracts read back from the cache by id and version, for diffs named like `orders.order_events@1.3.0`.
namespace meshscope::diff {

struct ContractRef {
    QString id;
    QString version; ///< empty: pick one, see loadCachedContract()
};

/// "orders.order_events@1.3.0" -> {orders.order_events, 1.3.0}; without "@" the version is empty.
ContractRef parseContractRef(const QString &text);

/// One contract version as the cache lists it (for pickers; the contract itself is not parsed).
struct CachedVersion {
    QString id;
    QString version;
    QString status; ///< as written: "active", "proposed", "draft", "deprecated", ...
    QString name;
    QString domainId;
};

/// Every contract version in the cache, by id, then version oldest first.
std::vector<CachedVersion> listCachedVersions(sql::Connection &db);

/// A contract with the text of the document it was read from (empty when the cache did not keep it).
struct CachedDocument {
    Contract contract;
    QString text;
    QString source;
};

/// Like loadCachedContract(), with the document's text for line diffs.
std::optional<CachedDocument> loadCachedDocument(sql::Connection &db, const ContractRef &ref);

/// The versions of a contract in the cache, oldest first (semantic order where the versions allow it).
QStringList cachedVersions(sql::Connection &db, const QString &id);

/// Loads one contract version. Its original document is read again when the cache kept it, so fields
/// the cache's JSON leaves out still take part in a diff; else the stored JSON is used. Without a
/// version: the highest version whose status is active (or production, released), else the highest.
/// nullopt when the cache has no such contract; `source` says which document it came from.
/// Throws sql::SqlError when the cache cannot be read.
std::optional<Contract> loadCachedContract(sql::Connection &db, const ContractRef &ref, QString *source = nullptr);

} // namespace meshscope::diff
