#pragma once

#include "model/entities.h"

/// Reading the promises people write: "24h", "99.9%", {value: 2, unit: h}, "P1D", "0.999".
namespace meshscope::slo {

enum class Kind { Freshness, Availability, Completeness, QualityScore, Frequency, Retention, Other };

/// freshness, latency, timeliness, maxAge -> Freshness; availability, uptime -> Availability; ...
Kind kindOf(const QString &property);
QString kindName(Kind kind); ///< "freshness", "availability", ...

/// A percentage: "99.9%", 99.9, 99.9 with unit percent/pct, "0.999" and "1.0" (shares) all read as
/// percent; -1 when not a number or in a unit that is no percentage.
double percentValue(const ServiceLevel &level);
/// A duration in seconds: "24h", "15m", "2 hours", "1h 30m", value 2 with unit "h"/"hours"/"d",
/// ISO-8601 "PT2H", "P1D", "daily"; -1 when unreadable or unlimited. The unit table is
/// units::secondsPerUnit (docs/contract-diff.md).
qint64 durationSeconds(const ServiceLevel &level);
/// "2h", "3d 4h", "45m" for people.
QString formatDuration(qint64 seconds);

} // namespace meshscope::slo
