#pragma once

#include <QString>

namespace meshscope::cache {

/// @brief What a search index stores and a search snippet shows: Markdown reduced to its words.
/// Headings, emphasis, code marks, list bullets, quote marks, table rules and link targets go; link and
/// image texts stay; lines are joined with single spaces. Control characters are dropped too: the search
/// snippet marks its matches with two of them (kMatchStart, kMatchEnd), so indexed text never holds them.
QString plainText(const QString &markdown);

/// Text indexed as it is (names, ids, locations): control characters dropped, whitespace collapsed.
QString cleanText(const QString &text);

/// The snippet's match markers (ASCII STX and ETX), never part of indexed text.
inline constexpr QChar kMatchStart = QChar(0x02);
inline constexpr QChar kMatchEnd = QChar(0x03);

} // namespace meshscope::cache
