#pragma once

#include "layoutgraph.h"
#include "normalization.h"

#include <QString>

namespace meshscope::layout::detail {

/// @brief The last step of computeLayout(): group boxes, then one translation of everything.
/// When some nodes have previous centres (NaN in previousX where not), the focus lands exactly on
/// its previous centre (without one, the old nodes' median offset is undone); otherwise the
/// drawing's top-left corner goes to (0, 0). Fills width and height.
void finishGeometry(const LayoutGraph &graph, const LayoutOptions &options, const std::vector<QString> &groupNames,
                    const RealNodes &real, int focus, const std::vector<double> &previousX,
                    const std::vector<double> &previousY, LayoutResult &result);

} // namespace meshscope::layout::detail
