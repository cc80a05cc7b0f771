#pragma once

#include "model/entities.h"

#include <QJsonValue>
#include <QString>

#include <optional>

/// The value comparisons behind the diff rules: which way a type, a constraint, a classification or a
/// service level moved. They only rank; diffrules.cpp decides what each direction weighs.
/// docs/contract-diff.md documents the orders used here.
namespace meshscope::diff {

enum class TypeChange {
    Same,        ///< the same type, possibly spelled differently (int4 and integer)
    Widened,     ///< every old value fits the new type with the same meaning and operations
    Incompatible ///< anything else
};

/// ODCS logical types, case-insensitive, common aliases folded (long -> integer, double -> number).
/// Widening: integer -> number, date -> timestamp, any type -> no type. An empty type means "any".
TypeChange compareLogicalTypes(const QString &oldType, const QString &newType);

/// SQL-style physical types: integer sizes (smallint < int < bigint), integers into wide enough
/// decimals or doubles, real -> double, decimal(p,s) -> decimal(p2,s2) keeping integer and fraction
/// digits, varchar(n) -> varchar(m >= n) or text, binary likewise, date -> timestamp. Unknown
/// types are compared by their text.
TypeChange comparePhysicalTypes(const QString &oldType, const QString &newType);

enum class Tightening { Same, Tighter, Looser, Unranked };

/// public 0 < internal 1 < confidential 2 < restricted 3 < secret 4 (with a few aliases); nullopt for
/// an empty or unknown classification.
std::optional<int> classificationRank(const QString &classification);

/// One value constraint (minLength, maximum, pattern, enum, ...), `oldValue` or `newValue` undefined
/// when absent. Adding a constraint tightens, dropping one loosens; a changed pattern, format or
/// unknown option counts as tighter, since it may reject values the old one accepted.
Tightening compareConstraint(const QString &key, const QJsonValue &oldValue, const QJsonValue &newValue);

enum class SlaChange { Same, Stronger, Weaker, Unranked };

/// Compares two values of the same SLA property: availability (higher is stronger), latency,
/// freshness, frequency and time-to-* (shorter is stronger), retention (longer is stronger), each
/// value read in its own unit (util/slaunits.h), so "24h" and "1 d" are the Same.
/// Unranked when the property is not one of these or a value cannot be read; then `why`, when
/// given, says which (and what is wrong with the value).
SlaChange compareServiceLevels(const QString &property, const ServiceLevel &oldLevel, const ServiceLevel &newLevel,
                               QString *why = nullptr);

/// A duration in seconds from "1" + unit "h", "500ms", "25h", "7 days", "1h 30m", "PT1H", "P1Y",
/// "daily"; +infinity for "unlimited". Units: ms, s, m/min (minutes), h, d, w, mo/month (30 d),
/// y (365 d) in their usual spellings (units::secondsPerUnit).
std::optional<double> durationSeconds(const QString &value, const QString &unit = {});

/// A percentage from "99.9%", "99.9" + unit %/percent/pct, or a fraction "0.999".
std::optional<double> percentage(const QString &value, const QString &unit = {});

} // namespace meshscope::diff
