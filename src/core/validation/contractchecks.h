#pragma once

#include "lint.h"

namespace meshscope::validation {

/// Checks of an ODCS v3 contract that its JSON Schema cannot express:
/// - every `id` is used once within the contract;
/// - relationship targets (`to`, and `from` on schema objects) name a schema object and property of this
///   contract (`table.column`, nested `table.a.b`); references into other files (`file#/schema/…`) and
///   URLs are never followed and left unchecked;
/// - a composite key's `from` and `to` have the same number of columns (ODCS #347);
/// - keys deprecated by ODCS v3.1 (`slaDefaultElement`, `dataProduct`, quality `rule`) as warnings.
/// `minor` is the contract's ODCS minor version (deprecations apply from 3.1).
void checkOdcs(const ytree::Node &document, int minor, std::vector<LintProblem> &out);

} // namespace meshscope::validation
