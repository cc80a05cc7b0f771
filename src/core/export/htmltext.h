#pragma once

#include <QString>

/// Small text helpers shared by the exporters: escaping for HTML/XML and CSV, and file names that are
/// safe on every file system and in a relative URL.
namespace meshscope::exporting {

/// Escapes & < > " ' so any text can go into element content or a quoted attribute.
QString htmlEscape(const QString &text);

/// A file name stem made of [A-Za-z0-9._-] only, never starting with a dot, at most ~100 characters.
/// When characters had to be replaced (or the case would clash on case-insensitive file systems), a
/// short hash of the original is appended so two different ids never share a file.
QString safeFileStem(const QString &id);

/// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; quotes doubled.
/// A leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula.
QString csvField(const QString &text);

} // namespace meshscope::exporting
