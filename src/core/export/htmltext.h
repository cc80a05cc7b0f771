#pragma once

#include <QString>

/// Small text helpers shared by the exporters: escaping for HTML/XML and CSV, and file names that are
/// safe on every file system and in a relative URL.
namespace meshscope::exporting {

/// Escapes & < > " ' so any text can go into element content or a quoted attribute.
QString htmlEscape(const QString &text);

/// A file name stem for `id`, safe on every file system and in a relative URL: only [a-z0-9._@~-],
/// never starting with a dot, at most 200 characters. Distinct ids always get distinct stems, also
/// when compared without case (macOS and Windows disks): upper-case letters and other characters are
/// escaped with '~' reversibly (see htmltext.cpp), so "Orders", "orders" and "orders-cded0933" keep
/// three pages. Only an id too long for a file name is shortened, ending in a hash of the whole id.
QString safeFileStem(const QString &id);

/// The stem of a contract version's page: distinct for every (id, version) pair, also when either
/// holds '@'; for ids and versions without '@' it is safeFileStem(id + '@' + version).
QString safeFileStem(const QString &id, const QString &version);

/// One CSV field (RFC 4180): quoted when it holds a comma, semicolon, tab, quote or line break;
/// quotes doubled. Following OWASP, a leading = + - @ tab, carriage return or line feed (or NUL) is
/// prefixed with ' so spreadsheets do not run it as a formula. Every CSV the app writes goes through it.
QString csvField(const QString &text);

} // namespace meshscope::exporting
