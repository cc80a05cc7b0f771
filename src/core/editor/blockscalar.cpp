#include "editor/blockscalar.h"

#include "editor/contractdocument.h"

namespace meshscope::editor {

namespace {

bool isWhite(QChar c)
{
    return c == u' ' || c == u'\t';
}

/// A line that folding leaves alone at both ends: empty, or starting and ending with a non-blank.
bool foldSafe(const QString &line)
{
    return line.isEmpty() || (!isWhite(line.front()) && !isWhite(line.back()));
}

/// The value's trailing line breaks (what the chomping indicator says) and the rest.
struct Chomped {
    QString body;
    int breaks = 0;
};

Chomped chomp(const QString &value)
{
    Chomped c{value, 0};
    while (c.body.endsWith(u'\n')) {
        c.body.chop(1);
        ++c.breaks;
    }
    return c;
}

/// `-` strips the last break (none wanted), no indicator clips to one, `+` keeps them all.
char chompIndicator(int breaks)
{
    return breaks == 0 ? '-' : breaks == 1 ? 0 : '+';
}

/// The header `style` + `indicators` with its chomping indicator set to `chompChar` (0 for none), in
/// the place the author wrote it (`|2-` stays `|2-`, `|-2` stays `|-2`).
std::string header(char style, const std::string &indicators, char chompChar)
{
    std::string out(1, style);
    const size_t at = indicators.find_first_of("-+");
    if (at == std::string::npos) {
        if (chompChar)
            out += chompChar;
        return out + indicators;
    }
    out += indicators.substr(0, at);
    if (chompChar)
        out += chompChar;
    return out + indicators.substr(at + 1);
}

std::string indented(const QString &line, int indent)
{
    return line.isEmpty() ? std::string() : std::string(size_t(indent), ' ') + line.toStdString();
}

/// Greedy wrap of one paragraph (no line breaks) at `width`, breaking only at single spaces between
/// two non-blanks: each break folds back into exactly that space.
QStringList wrap(const QString &paragraph, int width)
{
    std::vector<int> breaks;
    for (int i = 1; i + 1 < paragraph.size(); ++i)
        if (paragraph[i] == u' ' && !isWhite(paragraph[i - 1]) && !isWhite(paragraph[i + 1]))
            breaks.push_back(i);
    QStringList lines;
    int start = 0;
    size_t next = 0;
    while (paragraph.size() - start > width) {
        while (next < breaks.size() && breaks[next] <= start)
            ++next;
        if (next == breaks.size())
            break;
        size_t b = next;
        while (b + 1 < breaks.size() && breaks[b + 1] - start <= width)
            ++b;
        // A word longer than the width stands alone on its line.
        lines << paragraph.mid(start, breaks[b] - start);
        start = breaks[b] + 1;
        next = b + 1;
    }
    lines << paragraph.mid(start);
    return lines;
}

/// The lines of a literal block that read as `body`; nullopt when the block would read otherwise.
std::optional<QStringList> literalLines(const QString &body, bool explicitIndent)
{
    if (body.contains(u'\r'))
        return std::nullopt;
    const QStringList lines = body.split(u'\n');
    // Without an indentation indicator the first non-empty line sets the block's indentation: a leading
    // blank would shift it.
    for (const QString &l : lines) {
        if (explicitIndent)
            break;
        if (l.isEmpty())
            continue;
        if (isWhite(l.front()))
            return std::nullopt;
        break;
    }
    return lines;
}

/// The separator between two parts of a folded value at `at`: one space (a folded line break) or line
/// breaks (as many empty lines), followed by a non-blank. Its length, or 0 when there is none.
int separatorAt(const QString &body, int at, int *breaks)
{
    if (at >= body.size())
        return 0;
    int end = at;
    if (body[at] == u' ') {
        end = at + 1;
        *breaks = 0;
    } else {
        while (end < body.size() && body[end] == u'\n')
            ++end;
        *breaks = end - at;
    }
    return end > at && end < body.size() && !isWhite(body[end]) && body[end] != u'\n' ? end - at : 0;
}

/// The same separator, read backwards from `end` (exclusive), preceded by a non-blank.
int separatorBefore(const QString &body, int end, int *breaks)
{
    int start = end;
    if (start > 0 && body[start - 1] == u' ') {
        --start;
        *breaks = 0;
    } else {
        while (start > 0 && body[start - 1] == u'\n')
            --start;
        *breaks = end - start;
    }
    return start < end && start > 0 && !isWhite(body[start - 1]) && body[start - 1] != u'\n' ? end - start : 0;
}

/// Folded lines for `body` that keep the old block's lines before and after the changed words, so a
/// one-word edit shows as one changed line: the longest run of old lines that the new value starts
/// with, the longest run it ends with, and the words between wrapped anew. nullopt when the value
/// shares neither with the old lines.
std::optional<std::vector<std::string>> foldedReusing(const QString &body, const BlockScalarPlace &old, int width)
{
    const QStringList &o = old.lines;
    const int n = int(o.size());
    int firstUnsafe = n;
    int lastUnsafe = -1;
    for (int k = 0; k < n; ++k) {
        if (!foldSafe(o[k])) {
            firstUnsafe = qMin(firstUnsafe, k);
            lastUnsafe = k;
        }
    }
    std::vector<std::string> out;
    QStringList plain; // the same lines without indentation, to check the result
    auto takeOld = [&](int from, int to) {
        for (int k = from; k < to; ++k) {
            out.push_back(old.raw[size_t(k)]);
            plain << o[k];
        }
    };
    auto emptyLines = [&](int count) {
        for (int k = 0; k < count; ++k) {
            out.emplace_back();
            plain << QString();
        }
    };
    int prefix = 0; // old lines kept at the start
    int middleStart = 0;
    int firstBreaks = 0;
    bool continuedLine = false;
    for (int i = qMin(n, firstUnsafe) - 1; i >= 0; --i) {
        if (o[i].isEmpty())
            continue;
        const QString p = unfold(o.mid(0, i + 1));
        if (p == body) {
            takeOld(0, i + 1);
            return out;
        }
        int breaks = 0;
        const int sep = body.startsWith(p) ? separatorAt(body, int(p.size()), &breaks) : 0;
        if (sep > 0) {
            prefix = i + 1;
            middleStart = int(p.size()) + sep;
            firstBreaks = breaks;
            // New words right after a kept line continue its paragraph: wrap from that line on, so
            // that they fill it up instead of starting a short line of their own.
            if (continuedLine || breaks > 0)
                break;
            continuedLine = true;
            prefix = 0;
            middleStart = 0;
        }
    }
    int tail = n; // first old line kept at the end
    int middleEnd = int(body.size());
    int lastBreaks = 0;
    for (int j = qMax(prefix, lastUnsafe + 1); j < n; ++j) {
        if (o[j].isEmpty())
            continue;
        const QString t = unfold(o.mid(j));
        const int start = int(body.size() - t.size());
        if (!body.endsWith(t))
            continue;
        if (start == middleStart) { // right after the prefix's separator: nothing between them
            tail = j;
            middleEnd = middleStart;
            break;
        }
        int breaks = 0;
        const int sep = start > middleStart ? separatorBefore(body, start, &breaks) : 0;
        if (sep > 0 && start - sep > middleStart) {
            tail = j;
            middleEnd = start - sep;
            lastBreaks = breaks;
            break;
        }
    }
    if (prefix == 0 && tail == n)
        return std::nullopt;
    takeOld(0, prefix);
    if (middleEnd > middleStart) {
        if (prefix > 0)
            emptyLines(firstBreaks);
        const auto middle = foldedLines(body.mid(middleStart, middleEnd - middleStart), width - old.indent);
        if (!middle)
            return std::nullopt;
        for (const QString &l : *middle) {
            out.push_back(indented(l, old.indent));
            plain << l;
        }
        if (tail < n)
            emptyLines(lastBreaks);
    } else if (prefix > 0 && tail < n) {
        emptyLines(firstBreaks);
    }
    takeOld(tail, n);
    if (unfold(plain) != body)
        return std::nullopt;
    return out;
}

/// The width a folded block is wrapped at: its longest line when the author wrapped its paragraphs,
/// else 100 columns (never leaving under 20 columns for the text).
int wrapWidth(const BlockScalarPlace &old)
{
    int longest = 0;
    bool wrapped = false;
    for (int k = 0; k < int(old.lines.size()); ++k) {
        longest = qMax(longest, int(QString::fromStdString(old.raw[size_t(k)]).size()));
        if (k > 0 && !old.lines[k].isEmpty() && !old.lines[k - 1].isEmpty())
            wrapped = true;
    }
    return qMax(wrapped ? longest : 100, old.indent + 20);
}

} // namespace

QString unfold(const QStringList &lines)
{
    QString out;
    bool seen = false;
    int empties = 0;
    for (const QString &l : lines) {
        if (l.isEmpty()) {
            ++empties;
            continue;
        }
        if (seen && empties == 0)
            out += u' ';
        else
            out += QString(empties, u'\n');
        out += l;
        seen = true;
        empties = 0;
    }
    return out;
}

std::optional<QStringList> foldedLines(const QString &body, int width)
{
    if (body.contains(u'\r'))
        return std::nullopt;
    QStringList out;
    bool seen = false;
    int empties = 0;
    for (const QString &segment : body.split(u'\n')) {
        if (segment.isEmpty()) {
            ++empties;
            continue;
        }
        // A line starting with a blank is "more indented" and keeps its line breaks; one ending with a
        // blank would hide it at the end of a line. Neither is worth the surprise: the caller falls back.
        if (!foldSafe(segment))
            return std::nullopt;
        // Between two paragraphs one empty line is one line break, so a break takes one more.
        for (int k = 0; k < empties + (seen ? 1 : 0); ++k)
            out << QString();
        out << wrap(segment, width);
        seen = true;
        empties = 0;
    }
    if (!seen && empties > 0)
        return std::nullopt; // only line breaks: no folded form reads so
    return out;
}

std::optional<BlockScalarPlace> findBlockScalar(const std::string &text, size_t pos, int parentIndent)
{
    if (pos >= text.size() || (text[pos] != '|' && text[pos] != '>'))
        return std::nullopt;
    BlockScalarPlace b;
    b.style = text[pos];
    b.header = pos;
    size_t i = pos + 1;
    int digit = 0;
    while (i < text.size() && i < pos + 3 && (text[i] == '-' || text[i] == '+' || (text[i] >= '1' && text[i] <= '9'))) {
        if (text[i] == '+')
            b.keep = true;
        else if (text[i] != '-')
            digit = text[i] - '0';
        ++i;
    }
    b.headerEnd = i;
    size_t eol = text.find('\n', i);
    if (eol == std::string::npos)
        eol = text.size();
    b.newline = eol > i && eol < text.size() && text[eol - 1] == '\r' ? "\r\n" : "\n";
    b.lineEnd = b.newline.size() == 2 ? eol - 1 : eol;
    for (size_t k = i; k < b.lineEnd; ++k) {
        if (text[k] == '#')
            break;
        if (text[k] != ' ' && text[k] != '\t')
            return std::nullopt; // not a block header after all
    }
    struct Line {
        size_t start, end;
        int spaces;
        bool blank;
    };
    std::vector<Line> lines;
    for (size_t start = eol + 1; start < text.size();) {
        size_t end = text.find('\n', start);
        const size_t next = end == std::string::npos ? text.size() : end + 1;
        if (end == std::string::npos)
            end = text.size();
        if (end > start && text[end - 1] == '\r')
            --end;
        size_t sp = start;
        while (sp < end && text[sp] == ' ')
            ++sp;
        lines.push_back({start, end, int(sp - start), sp == end});
        start = next;
    }
    b.indent = parentIndent + (digit ? digit : 2);
    if (!digit) {
        for (const Line &l : lines) {
            if (!l.blank) {
                if (l.spaces > parentIndent)
                    b.indent = l.spaces;
                break;
            }
        }
    }
    b.linesEnd = b.lineEnd;
    b.blanksEnd = b.lineEnd;
    size_t pending = 0; // blank lines seen since the last content line
    for (size_t k = 0; k < lines.size(); ++k) {
        const Line &l = lines[k];
        if (!l.blank && l.spaces < b.indent)
            break;
        if (l.blank) {
            ++pending;
            b.blanksEnd = l.end;
            continue;
        }
        for (size_t p = k - pending; p <= k; ++p) {
            const Line &c = lines[p];
            b.raw.emplace_back(text, c.start, c.end - c.start);
            const size_t strip = qMin(size_t(b.indent), c.end - c.start);
            b.lines << QString::fromStdString(text.substr(c.start + strip, c.end - c.start - strip));
        }
        pending = 0;
        b.linesEnd = l.end;
        b.blanksEnd = l.end;
    }
    return b;
}

std::optional<std::string> literalBlock(const QString &value, int indent, const std::string &newline)
{
    const Chomped c = chomp(value);
    const auto lines = literalLines(c.body, false);
    if (!lines)
        return std::nullopt;
    std::string out = header('|', {}, chompIndicator(c.breaks));
    for (const QString &l : *lines)
        out += newline + indented(l, indent);
    for (int k = 1; k < c.breaks; ++k)
        out += newline;
    return out;
}

std::vector<TextRewrite> blockRewrites(const std::string &text, const BlockScalarPlace &place, const QString &value)
{
    const Chomped c = chomp(value);
    const std::string indicators = text.substr(place.header + 1, place.headerEnd - place.header - 1);
    const std::string comment = text.substr(place.headerEnd, place.lineEnd - place.headerEnd);
    // A `+` block owns the blank lines after it: an old one gives them up, a new one takes them in.
    const size_t to = place.keep || c.breaks >= 2 ? place.blanksEnd : place.linesEnd;
    std::vector<TextRewrite> out;
    auto add = [&](char style, const std::vector<std::string> &lines) {
        std::string with = header(style, indicators, chompIndicator(c.breaks)) + comment;
        for (const std::string &l : lines)
            with += place.newline + l;
        for (int k = 1; k < c.breaks; ++k)
            with += place.newline;
        // Clipping reads a last line break only when there is one; at the end of the text, write it.
        if (to == text.size() && c.breaks > 0)
            with += place.newline;
        out.push_back({place.header, to, with});
    };
    auto indentedAll = [&](const QStringList &lines) {
        std::vector<std::string> v;
        for (int k = 0; k < int(lines.size()); ++k)
            v.push_back(k < int(place.lines.size()) && place.lines[k] == lines[k] ? place.raw[size_t(k)]
                                                                                  : indented(lines[k], place.indent));
        return v;
    };
    // yaml-cpp 0.7 reads a folded `>+` block with one line break too few (libyaml reads it right), so a
    // value ending in two or more breaks is written literal, where both agree.
    if (place.style == '>' && c.breaks < 2) {
        if (auto reused = foldedReusing(c.body, place, wrapWidth(place)))
            add('>', *reused);
        if (auto folded = foldedLines(c.body, wrapWidth(place) - place.indent))
            add('>', indentedAll(*folded));
    }
    // Lines starting with a blank, trailing blanks or a value only of line breaks cannot be folded
    // faithfully; a literal block keeps them as written.
    const bool explicitIndent = indicators.find_first_of("123456789") != std::string::npos;
    if (auto literal = literalLines(c.body, explicitIndent))
        add('|', indentedAll(*literal));
    // The last resort, on the key's line: a quoted value reads back as anything.
    const size_t quotedTo = place.keep ? place.blanksEnd : place.linesEnd;
    out.push_back({place.header, quotedTo, yamlScalar(value).toStdString() + comment});
    return out;
}

} // namespace meshscope::editor
