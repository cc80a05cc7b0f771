#pragma once

#include "model/entities.h"
#include "sqlite.h"

#include <vector>

namespace meshscope::cache {

/// One domain as the cache knows it, merged from every document that mentions it.
struct DomainRecord {
    Domain domain;
    bool declared = false; ///< some document states more than its id (a domain manifest, a product's domain block)
};

/// Every domain of the cache, in id order, by one rule wherever domains are shown (the domain map, Quality,
/// governance): each document that mentions a domain leaves a row, most of them bare references (id only).
/// Rows stating more come first and each field takes the first value one gives; a bare reference's name
/// (the id again) never replaces a stated one; a domain no row names gets its id as its name.
std::vector<DomainRecord> readDomains(sql::Connection &db);

} // namespace meshscope::cache
