#pragma once

#include <QVariantMap>

/// What each count on the area pages rests on, for its hover: "34 data products, from 34 documents (ODPS 27,
/// Data Product Specification 2, …) in 1 source". `counts` is CacheCounts::toJson() as a map; the result is keyed
/// like it. A count whose origin the cache does not record gets no entry.
QVariantMap countHints(const QVariantMap &counts);
