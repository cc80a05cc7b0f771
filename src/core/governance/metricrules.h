#pragma once

#include "governance.h"

#include <vector>

/// Rules over the metric registry rather than over one product (rules_metrics.cpp).
namespace meshscope::governance {

/// One metric definition and where it was written, for messages ("models/metrics.yml", "metrics/aov.yaml").
struct MetricDefinition {
    Metric metric;
    QString where;
};

/// @brief Rule "metrics.consistency": metrics defined in more than one place under one business name
/// (case and `_`/`-`/space insensitive) whose expression, filter or inputs differ. One warning per
/// differing pair, naming both definitions and what differs; a name defined alike everywhere is fine.
std::vector<Violation> checkMetricConsistency(const std::vector<MetricDefinition> &definitions);

/// The key two definitions of one business metric share: "Orders per customer" = "orders_per_customer".
QString metricNameKey(const QString &name);

} // namespace meshscope::governance
