#pragma once

#include "contractdiff.h"
#include "yamllocator.h"

#include <vector>

/// Links semantic changes to the YAML lines they come from, on both sides.
namespace meshscope::diff {

struct ChangeLocation {
    LineRange oldLines; ///< where the change's path is in the old text (its parent when absent there)
    LineRange newLines;
};

/// One location per change of `diff`, in its order. Texts that do not parse give invalid ranges.
std::vector<ChangeLocation> locateChanges(const ContractDiff &diff, const YamlLocator &oldDoc,
                                          const YamlLocator &newDoc);

} // namespace meshscope::diff
