#pragma once

#include "sloevaluation.h"

namespace meshscope::slo {

/// dbt's run_results.json names a test only by its id ("test.shop.not_null_orders_order_id.a1b2"); the
/// manifest knows which dataset and column it checks. A generic test's name is
/// "<test>_<model>_<column>[...]", so each dataset's dbt checks ("not_null(order_id)") give the names
/// their tests have. Results still keyed "dbt-test/<id>" get that dataset, column and check name.
/// Returns how many results were resolved.
int resolveDbtTests(const std::vector<Dataset> &datasets, Evidence &evidence);
/// The same against the datasets in the cache (read only when some result needs it).
int resolveDbtTests(sql::Connection &db, Evidence &evidence);

} // namespace meshscope::slo
