#include "linediff.h"

#include <QHash>

#include <algorithm>

namespace meshscope::diff {

namespace {

/// Myers' linear-space refinement: find the middle snake of a sub-problem, recurse on both sides.
/// Only the kept flags are recorded; the pairs they form are monotone, so a walk over both flag arrays
/// rebuilds the edit script without storing pairs.
class Myers {
public:
    Myers(const std::vector<std::uint32_t> &a, const std::vector<std::uint32_t> &b, KeptFlags &out, qint64 budget)
        : m_a(a), m_b(b), m_out(out), m_budget(budget)
    {
        const size_t size = a.size() + b.size() + 3;
        m_forward.assign(2 * size + 1, 0);
        m_backward.assign(2 * size + 1, 0);
        m_offset = int(size);
    }

    void run(int aLo, int aHi, int bLo, int bHi)
    {
        while (aLo < aHi && bLo < bHi && m_a[size_t(aLo)] == m_b[size_t(bLo)]) {
            keep(aLo++, bLo++);
        }
        while (aLo < aHi && bLo < bHi && m_a[size_t(aHi - 1)] == m_b[size_t(bHi - 1)]) {
            keep(--aHi, --bHi);
        }
        if (aLo == aHi || bLo == bHi)
            return; // only insertions or only deletions left: nothing more is kept
        int x = 0, y = 0, u = 0, v = 0;
        if (!middleSnake(aLo, aHi, bLo, bHi, x, y, u, v))
            return; // over budget: this region stays one block of removed and added lines
        run(aLo, aLo + x, bLo, bLo + y);
        for (int i = 0; i < u - x; ++i)
            keep(aLo + x + i, bLo + y + i);
        run(aLo + u, aHi, bLo + v, bHi);
    }

private:
    void keep(int i, int j)
    {
        m_out.oldKept[size_t(i)] = true;
        m_out.newKept[size_t(j)] = true;
    }

    /// The snake (x, y) -> (u, v), relative to (aLo, bLo), in the middle of a shortest edit path.
    /// Both ends differ here (the caller trimmed them), so the distance is at least 2 and both halves
    /// around the snake are strictly smaller problems. False once the work budget is spent.
    bool middleSnake(int aLo, int aHi, int bLo, int bHi, int &x0, int &y0, int &u0, int &v0)
    {
        const int n = aHi - aLo;
        const int m = bHi - bLo;
        const int delta = n - m;
        const bool odd = (delta & 1) != 0;
        const int maxD = (n + m + 1) / 2;
        int *vf = m_forward.data() + m_offset;
        int *vb = m_backward.data() + m_offset;
        vf[1] = 0;
        vb[1] = 0;
        for (int d = 0; d <= maxD; ++d) {
            m_budget -= 2 * d + 2;
            if (m_budget < 0)
                return false;
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && vf[k - 1] < vf[k + 1])) ? vf[k + 1] : vf[k - 1] + 1;
                int y = x - k;
                const int sx = x, sy = y;
                while (x < n && y < m && m_a[size_t(aLo + x)] == m_b[size_t(bLo + y)]) {
                    ++x;
                    ++y;
                }
                vf[k] = x;
                const int c = delta - k;
                if (odd && c >= -(d - 1) && c <= d - 1 && vf[k] + vb[c] >= n) {
                    x0 = sx; y0 = sy; u0 = x; v0 = y;
                    return true;
                }
            }
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && vb[k - 1] < vb[k + 1])) ? vb[k + 1] : vb[k - 1] + 1;
                int y = x - k;
                const int sx = x, sy = y;
                while (x < n && y < m && m_a[size_t(aHi - 1 - x)] == m_b[size_t(bHi - 1 - y)]) {
                    ++x;
                    ++y;
                }
                vb[k] = x;
                const int c = delta - k;
                if (!odd && c >= -d && c <= d && vb[k] + vf[c] >= n) {
                    x0 = n - x; y0 = m - y; u0 = n - sx; v0 = m - sy;
                    return true;
                }
            }
        }
        return false; // unreachable for a correct V: keep nothing in this sub-problem
    }

    const std::vector<std::uint32_t> &m_a;
    const std::vector<std::uint32_t> &m_b;
    KeptFlags &m_out;
    std::vector<int> m_forward;
    std::vector<int> m_backward;
    int m_offset = 0;
    qint64 m_budget;
};

enum class TokenClass { Word, Space, Other };

TokenClass classOf(QChar c)
{
    if (c.isLetterOrNumber() || c == u'_')
        return TokenClass::Word;
    if (c == u' ' || c == u'\t')
        return TokenClass::Space;
    return TokenClass::Other;
}

/// Splits a line into tokens (start offsets; each token ends where the next starts).
/// A dot between two word characters joins them, so "1.3.0" or "customer.customer_profiles" is one
/// token: a changed version reads as one changed word, not as two changed digits.
TokenClass classAt(const QString &line, int i)
{
    const QChar c = line.at(i);
    if (c == u'.' && i > 0 && i + 1 < line.size() && classOf(line.at(i - 1)) == TokenClass::Word
        && classOf(line.at(i + 1)) == TokenClass::Word)
        return TokenClass::Word;
    return classOf(c);
}

std::vector<int> tokenStarts(const QString &line)
{
    std::vector<int> starts;
    TokenClass previous = TokenClass::Other;
    for (int i = 0; i < line.size(); ++i) {
        const TokenClass cls = classAt(line, i);
        if (i == 0 || cls == TokenClass::Other || cls != previous)
            starts.push_back(i);
        previous = cls;
    }
    return starts;
}

/// Interns strings to ids so the diff compares integers.
class Interner {
public:
    std::uint32_t id(QStringView text)
    {
        const auto it = m_ids.constFind(text);
        if (it != m_ids.constEnd())
            return *it;
        const auto next = std::uint32_t(m_ids.size());
        m_ids.insert(text, next);
        return next;
    }

private:
    QHash<QStringView, std::uint32_t> m_ids;
};

int indentOf(const QString &line)
{
    int i = 0;
    while (i < line.size() && (line.at(i) == u' ' || line.at(i) == u'\t'))
        ++i;
    return i;
}

QList<TextSpan> wholeContent(const QString &line)
{
    const int start = indentOf(line);
    if (start >= line.size())
        return {};
    return {TextSpan{start, int(line.size()) - start}};
}

/// Changed token runs as merged character spans.
QList<TextSpan> spansOf(const QString &line, const std::vector<int> &starts, const std::vector<bool> &kept)
{
    QList<TextSpan> spans;
    for (size_t t = 0; t < starts.size(); ++t) {
        if (kept[t])
            continue;
        const int begin = starts[t];
        const int end = t + 1 < starts.size() ? starts[t + 1] : int(line.size());
        if (!spans.isEmpty() && spans.last().start + spans.last().length == begin)
            spans.last().length += end - begin;
        else
            spans.append(TextSpan{begin, end - begin});
    }
    return spans;
}

} // namespace

KeptFlags myersKept(const std::vector<std::uint32_t> &a, const std::vector<std::uint32_t> &b, qint64 budget)
{
    KeptFlags flags;
    flags.oldKept.assign(a.size(), false);
    flags.newKept.assign(b.size(), false);
    Myers myers(a, b, flags, budget);
    myers.run(0, int(a.size()), 0, int(b.size()));
    return flags;
}

QStringList splitLines(const QString &text)
{
    QStringList lines = text.split(u'\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QString &line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    return lines;
}

void intraLineSpans(const QString &oldLine, const QString &newLine, QList<TextSpan> *oldSpans,
                    QList<TextSpan> *newSpans)
{
    const std::vector<int> oldStarts = tokenStarts(oldLine);
    const std::vector<int> newStarts = tokenStarts(newLine);
    Interner interner;
    auto ids = [&interner](const QString &line, const std::vector<int> &starts) {
        std::vector<std::uint32_t> out;
        out.reserve(starts.size());
        for (size_t t = 0; t < starts.size(); ++t) {
            const int end = t + 1 < starts.size() ? starts[t + 1] : int(line.size());
            out.push_back(interner.id(QStringView(line).mid(starts[t], end - starts[t])));
        }
        return out;
    };
    const KeptFlags kept = myersKept(ids(oldLine, oldStarts), ids(newLine, newStarts));

    // Share of the non-indentation characters both lines keep; below a third the lines are unrelated
    // and a word salad of highlights would only hide that.
    int keptChars = 0;
    for (size_t t = 0; t < oldStarts.size(); ++t) {
        if (kept.oldKept[t] && classOf(oldLine.at(oldStarts[t])) != TokenClass::Space) {
            const int end = t + 1 < oldStarts.size() ? oldStarts[t + 1] : int(oldLine.size());
            keptChars += end - oldStarts[t];
        }
    }
    const int content = std::max(int(oldLine.trimmed().size()), int(newLine.trimmed().size()));
    if (content > 0 && keptChars * 3 < content) {
        *oldSpans = wholeContent(oldLine);
        *newSpans = wholeContent(newLine);
        return;
    }
    *oldSpans = spansOf(oldLine, oldStarts, kept.oldKept);
    *newSpans = spansOf(newLine, newStarts, kept.newKept);
}

int LineDiff::rowFor(int oldLine, int newLine) const
{
    if (oldLine >= 0 && size_t(oldLine) < rowOfOldLine.size())
        return rowOfOldLine[size_t(oldLine)];
    if (newLine >= 0 && size_t(newLine) < rowOfNewLine.size())
        return rowOfNewLine[size_t(newLine)];
    return -1;
}

LineDiff diffLines(const QString &oldText, const QString &newText)
{
    LineDiff out;
    out.oldLines = splitLines(oldText);
    out.newLines = splitLines(newText);
    Interner interner;
    std::vector<std::uint32_t> a, b;
    a.reserve(size_t(out.oldLines.size()));
    b.reserve(size_t(out.newLines.size()));
    for (const QString &line : std::as_const(out.oldLines))
        a.push_back(interner.id(line));
    for (const QString &line : std::as_const(out.newLines))
        b.push_back(interner.id(line));
    const KeptFlags kept = myersKept(a, b);

    out.rowOfOldLine.assign(a.size(), -1);
    out.rowOfNewLine.assign(b.size(), -1);
    out.rows.reserve(std::max(a.size(), b.size()) + 16);
    size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        if (i < a.size() && j < b.size() && kept.oldKept[i] && kept.newKept[j]) {
            DiffRow row;
            row.oldLine = int(i);
            row.newLine = int(j);
            out.rowOfOldLine[i++] = int(out.rows.size());
            out.rowOfNewLine[j++] = int(out.rows.size());
            out.rows.push_back(std::move(row));
            continue;
        }
        // A change block: the removed run, then the added run, paired row by row.
        std::vector<int> removed, added;
        while (i < a.size() && !kept.oldKept[i])
            removed.push_back(int(i++));
        while (j < b.size() && !kept.newKept[j])
            added.push_back(int(j++));
        const int block = int(out.blockStarts.size());
        out.blockStarts.push_back(int(out.rows.size()));
        out.removedLines += int(removed.size());
        out.addedLines += int(added.size());
        const size_t paired = std::min(removed.size(), added.size());
        for (size_t r = 0; r < std::max(removed.size(), added.size()); ++r) {
            DiffRow row;
            row.block = block;
            if (r < paired) {
                row.kind = DiffRow::Kind::Changed;
                row.oldLine = removed[r];
                row.newLine = added[r];
                intraLineSpans(out.oldLines.at(row.oldLine), out.newLines.at(row.newLine), &row.oldSpans,
                               &row.newSpans);
            } else if (r < removed.size()) {
                row.kind = DiffRow::Kind::Removed;
                row.oldLine = removed[r];
            } else {
                row.kind = DiffRow::Kind::Added;
                row.newLine = added[r];
            }
            if (row.oldLine >= 0)
                out.rowOfOldLine[size_t(row.oldLine)] = int(out.rows.size());
            if (row.newLine >= 0)
                out.rowOfNewLine[size_t(row.newLine)] = int(out.rows.size());
            out.rows.push_back(std::move(row));
        }
    }
    return out;
}

} // namespace meshscope::diff
