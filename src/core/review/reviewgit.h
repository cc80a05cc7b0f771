#pragma once

#include "reviewstore.h"

#include <vector>

/// What the hash links cannot see alone: the removal of the newest event of a review (nothing points
/// at it yet). When the mesh folder is a git checkout, git remembers every review file it committed,
/// so a review file deleted or modified, in a commit or in the working tree, is reported.
namespace meshscope::review {

/// Problems for review files that git saw deleted, modified or renamed; empty outside a git checkout
/// or without git.
std::vector<Problem> historyRewrites(const QString &sourceRoot);

} // namespace meshscope::review
