#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <cstdint>
#include <vector>

/// A line-level diff of two texts (Myers' O(ND) algorithm in linear space, our own implementation)
/// laid out as side-by-side rows, with intra-line highlights (a word-level diff of each changed line
/// pair). The Contracts area shows it next to the semantic changes; it knows nothing of YAML.
namespace meshscope::diff {

/// A run of characters in one line: [start, start + length).
struct TextSpan {
    int start = 0;
    int length = 0;
    bool operator==(const TextSpan &) const = default;
};

/// One row of the side-by-side view. Line numbers are 0-based; -1 where a side has no line.
struct DiffRow {
    enum class Kind : std::uint8_t { Same, Changed, Removed, Added };
    Kind kind = Kind::Same;
    int oldLine = -1;
    int newLine = -1;
    int block = -1;              ///< index of the change block the row belongs to; -1 for Same rows
    QList<TextSpan> oldSpans;    ///< what changed within the old line (Changed rows only)
    QList<TextSpan> newSpans;    ///< what changed within the new line (Changed rows only)
};

struct LineDiff {
    QStringList oldLines;
    QStringList newLines;
    std::vector<DiffRow> rows;
    std::vector<int> blockStarts;  ///< first row of each change block, in order (next/previous change)
    std::vector<int> rowOfOldLine; ///< row showing each old line
    std::vector<int> rowOfNewLine; ///< row showing each new line
    int removedLines = 0;          ///< old lines not in the new text (Changed rows count on both sides)
    int addedLines = 0;

    /// The row nearest to `oldLine` (or `newLine` when oldLine < 0); -1 when neither is valid.
    int rowFor(int oldLine, int newLine) const;
};

/// Splits a text into lines as the diff and the YAML locator count them: on '\n', a trailing '\r'
/// dropped, no empty last line for a final newline.
QStringList splitLines(const QString &text);

/// Edit script of two sequences of ids: for each element, whether it is kept (part of a longest
/// common subsequence). Exposed for tests and the word diff.
struct KeptFlags {
    std::vector<bool> oldKept;
    std::vector<bool> newKept;
};

/// Diagonal steps the diff may spend before it stops refining: texts that share almost nothing would
/// otherwise cost O((N+M)·D) ≈ seconds for two unrelated 5,000-line files. Past the budget, the regions
/// not yet refined become whole removed/added blocks (still a correct diff, just not a minimal one).
constexpr qint64 kDefaultDiffBudget = 20'000'000;

/// Without a budget cut the kept elements form a longest common subsequence; always a common one.
KeptFlags myersKept(const std::vector<std::uint32_t> &a, const std::vector<std::uint32_t> &b,
                    qint64 budget = kDefaultDiffBudget);

/// Word-level highlights of one changed line pair: runs of letters/digits/_ , runs of spaces and
/// single other characters are the tokens. When the lines share too little, the whole content of
/// each (without its indentation) is one span.
void intraLineSpans(const QString &oldLine, const QString &newLine, QList<TextSpan> *oldSpans,
                    QList<TextSpan> *newSpans);

/// Diffs two texts line by line. Removed and added runs between equal lines form a change block:
/// they are paired row by row (Changed, with intra-line spans), the rest are Removed or Added rows.
LineDiff diffLines(const QString &oldText, const QString &newText);

} // namespace meshscope::diff
