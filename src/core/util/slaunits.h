#pragma once

#include <QString>

#include <optional>

/// Reading the quantities service levels are written in: durations and percentages, in every unit
/// spelling contracts use (docs/contract-diff.md, "Service levels", has the table). The contract
/// diff and the SLO evaluation both read SLA values through here, so one contract's "99.9 percent"
/// or "PT4H" means the same thing everywhere.
namespace meshscope::units {

/// One value read as a quantity: `value` (seconds for a duration, percent for a percentage) when it
/// could be read, else `problem` says why in words a reviewer can act on.
struct Reading {
    std::optional<double> value;
    QString problem;
};

/// Seconds per unit, case-insensitive: ms, s/sec/second(s), m/min/minute(s), h/hr/hour(s),
/// d/day(s), w/wk/week(s), mo/month(s) (30 days), y/yr/year(s) (365 days). nullopt for others.
std::optional<double> secondsPerUnit(const QString &unit);

/// %, percent, percentage, pct (case, spaces and a trailing dot ignored).
bool isPercentUnit(const QString &unit);

/// A duration: "4" with unit "h", "25h", "1h 30m", "2 days", ISO 8601 "PT4H" / "P1DT12H" / "P1Y",
/// "daily", "hourly", ...; +infinity for "unlimited". The unit argument applies when the value
/// carries none.
Reading duration(const QString &value, const QString &unit = {});

/// A percentage: "99.9%", "99.9" with unit percent / % / pct, "99.9 percent", or a share without a
/// unit ("0.999" -> 99.9).
Reading percentage(const QString &value, const QString &unit = {});

/// Whether two read quantities are the same (within rounding: 0.999 as a share is 99.9 %).
bool sameQuantity(double a, double b);

} // namespace meshscope::units
