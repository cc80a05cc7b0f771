#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

/// Writing a value as a YAML block scalar (`|` literal, `>` folded) in place of one already in the
/// text, so that a form edit of a description keeps the author's style and shows in a line diff as the
/// lines that changed. Only text work: the caller checks that the result reads back as the value.
namespace meshscope::editor {

/// A block scalar as written in a text (UTF-8 bytes, offsets into them).
struct BlockScalarPlace {
    char style = '|';       ///< '|' literal or '>' folded
    size_t header = 0;      ///< offset of the '|' or '>'
    size_t headerEnd = 0;   ///< offset after its chomping and indentation indicators
    size_t lineEnd = 0;     ///< end of the header's line (before its line break)
    size_t linesEnd = 0;    ///< end of the last non-blank content line; == lineEnd when there is none
    size_t blanksEnd = 0;   ///< end of the blank lines after it (what a `+` chomp reads as the value's)
    int indent = 0;         ///< column of the content lines
    bool keep = false;      ///< chomping `+`
    std::string newline;    ///< "\n", or "\r\n" when the header's line ends so
    std::vector<std::string> raw; ///< the content lines as written (without line breaks)
    QStringList lines;      ///< the content lines without their indentation
};

/// The block scalar whose header starts at `pos`, in a mapping (or sequence) indented by `parentIndent`
/// columns; nullopt when no `|` or `>` header starts there.
std::optional<BlockScalarPlace> findBlockScalar(const std::string &text, size_t pos, int parentIndent);

/// Replace [from, to) of the text with `with`.
struct TextRewrite {
    size_t from = 0;
    size_t to = 0;
    std::string with;
};

/// The ways to write `value` in place of the block scalar `place` of `text`, best first. A folded block
/// stays folded (keeping the old lines before and after the changed words), then literal; a literal one
/// stays literal; the last resort is a double-quoted value on the key's line. Each keeps the header's
/// comment and every byte outside the block's lines.
std::vector<TextRewrite> blockRewrites(const std::string &text, const BlockScalarPlace &place, const QString &value);

/// `value` as a literal block (`|`, `|-` or `|+` by its trailing line breaks): the header, then each line
/// on its own line indented by `indent` columns, joined by `newline`. nullopt when a literal block cannot
/// hold it (a first line starting with a space, a carriage return).
std::optional<std::string> literalBlock(const QString &value, int indent, const std::string &newline);

/// The lines of a folded block (without indentation) that read as `body` (a value without trailing line
/// breaks), wrapped at `width` characters; nullopt when folding cannot reproduce it (a line starting or
/// ending with white space). Exposed for the tests.
std::optional<QStringList> foldedLines(const QString &body, int width);

/// What the folded lines `lines` (no line starting or ending with white space) read as, without the
/// trailing line breaks a chomping indicator decides. Exposed for the tests.
QString unfold(const QStringList &lines);

} // namespace meshscope::editor
