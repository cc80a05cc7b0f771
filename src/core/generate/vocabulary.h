#pragma once

#include <string_view>
#include <vector>

/// Word lists the generator draws names from, so that a synthetic mesh reads like a real one.
namespace meshscope::generate::vocabulary {

/// Business areas used as domain names ("orders", "supply-chain").
const std::vector<std::string_view> &domainWords();
/// Qualifiers that name a sub-domain under its parent ("orders-emea").
const std::vector<std::string_view> &subDomainWords();
/// What a product is about ("shipments", "order-items").
const std::vector<std::string_view> &subjects();
/// How a product shapes its subject ("daily", "enriched"); may be empty.
const std::vector<std::string_view> &qualifiers();
/// Suffixes of a contract's second and third schema objects ("history").
const std::vector<std::string_view> &objectSuffixes();
const std::vector<std::string_view> &firstNames();
const std::vector<std::string_view> &lastNames();

/// A column a generated table can have, with its ODCS types and a plausible classification.
struct ColumnKind {
    std::string_view name;
    std::string_view logicalType;  ///< ODCS logicalType
    std::string_view physicalType; ///< PostgreSQL type
    std::string_view classification;
    std::string_view description;
};

/// The key column every generated table starts with.
const ColumnKind &keyColumn();
/// The other columns a table picks from.
const std::vector<ColumnKind> &columns();

} // namespace meshscope::generate::vocabulary
