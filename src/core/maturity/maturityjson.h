#pragma once

#include "maturity.h"

#include <QJsonObject>
#include <optional>

namespace meshscope::maturity {

/// One product's assessment as JSON (the CLI's `--json` and the product page): level, levelName,
/// met / missing ids, every criterion with outcome, evidence and fix, and `next`: the next level's
/// checklist (all of its criteria, met or not).
QJsonObject toJson(const ProductMaturity &product);
/// The whole report: lighthouse, problems, domains (products per level, mean level), products.
QJsonObject toJson(const MaturityReport &report);

/// The assessment of one product straight from the cache, as the product page needs it: its domain's
/// products, the policies and the facts. Empty when the cache has no such product. Throws sql::SqlError.
std::optional<ProductMaturity> assessProductInCache(sql::Connection &db, const QString &productId,
                                                    const QString &domainId, bool *lighthouse = nullptr);

} // namespace meshscope::maturity
