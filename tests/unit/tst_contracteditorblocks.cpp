// Form edits of block scalars (`|`, `>`, chomping and indentation indicators): the value stays a block
// of its style, reads back exactly (with yaml-cpp, the editor's parser, and libyaml, the importers'),
// and only the value's lines change. Run on every block scalar of the sample mesh's and the corpus's
// contracts.
#include "editor/blockscalar.h"
#include "editor/contractdocument.h"
#include "editor/contractform.h"
#include "importers/yamltree.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <map>

using namespace meshscope;
using namespace meshscope::editor;

namespace {

/// The scalar at `path` as libyaml (the importers' parser) reads it; nullopt when absent.
std::optional<QString> libyamlAt(const QString &text, const YamlPath &path)
{
    ytree::Arena arena;
    std::vector<ytree::Node> docs;
    ytree::ParseError error;
    if (!ytree::parseAll(text.toUtf8(), arena, docs, error) || docs.empty())
        return std::nullopt;
    ytree::Node node = docs.front();
    for (const QString &step : path) {
        ytree::Node next(ytree::NodeType::Undefined);
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (node.IsMap() && it->first.Scalar() == step.toStdString())
                next = it->second;
        }
        if (node.IsSequence() && step.toInt() < int(node.size()))
            next = ytree::Node(node.data()->children[size_t(step.toInt())]);
        node = next;
    }
    if (!node.IsScalar())
        return std::nullopt;
    return QString::fromStdString(node.Scalar());
}

/// Every scalar of the document by its dotted path, to see that an edit changed nothing else.
void flatten(const YAML::Node &n, const QString &at, std::map<QString, QString> &out)
{
    if (n.IsScalar())
        out[at] = QString::fromStdString(n.Scalar());
    else if (n.IsSequence())
        for (size_t i = 0; i < n.size(); ++i)
            flatten(n[i], at + u'.' + QString::number(i), out);
    else if (n.IsMap())
        for (auto it = n.begin(); it != n.end(); ++it)
            flatten(it->second, at + u'.' + QString::fromStdString(it->first.Scalar()), out);
}

std::map<QString, QString> flat(const QString &text)
{
    std::map<QString, QString> out;
    flatten(YAML::Load(text.toStdString()), QString(), out);
    return out;
}

/// A block scalar found in a document: its path, the column of its key and the line of its header.
struct Block {
    YamlPath path;
    int keyColumn = 0;
    int line = 0; // 0-based
};

void findBlocks(const std::string &text, const YAML::Node &n, const YamlPath &at, std::vector<Block> &out)
{
    if (n.IsSequence()) {
        for (size_t i = 0; i < n.size(); ++i)
            findBlocks(text, n[i], at + YamlPath{QString::number(i)}, out);
    } else if (n.IsMap()) {
        for (auto it = n.begin(); it != n.end(); ++it) {
            const YamlPath path = at + YamlPath{QString::fromStdString(it->first.Scalar())};
            const YAML::Node v = it->second;
            if (v.IsScalar() && v.Mark().pos >= 0 && (text[size_t(v.Mark().pos)] == '|' || text[size_t(v.Mark().pos)] == '>'))
                out.push_back({path, it->first.Mark().column, v.Mark().line});
            else
                findBlocks(text, v, path, out);
        }
    }
}

/// Checks that `edited` differs from `text` only within the lines of the block at `b`: from its key's
/// line through the lines indented deeper than its key (and blank lines among and right after them).
QString outsideChange(const QString &text, const QString &edited, const Block &b)
{
    const QStringList lines = text.split(u'\n');
    int last = b.line;
    for (int i = b.line + 1; i < lines.size(); ++i) {
        const QString l = QString(lines[i]).remove(u'\r');
        int spaces = 0;
        while (spaces < l.size() && l[spaces] == u' ')
            ++spaces;
        if (spaces < l.size() && spaces <= b.keyColumn)
            break;
        last = i;
    }
    const QString before = lines.mid(0, b.line).join(u'\n');
    const QString after = lines.mid(last + 1).join(u'\n');
    if (!edited.startsWith(before))
        return QStringLiteral("bytes before line %1 changed").arg(b.line + 1);
    if (!edited.endsWith(after))
        return QStringLiteral("bytes after line %1 changed").arg(last + 1);
    return {};
}

/// Old lines that an edit replaced or removed (a line diff's "-" side, by common prefix and suffix).
int changedOldLines(const QString &a, const QString &b)
{
    const QStringList la = a.split(u'\n'), lb = b.split(u'\n');
    int p = 0;
    while (p < la.size() && p < lb.size() && la[p] == lb[p])
        ++p;
    int q = 0;
    while (q < la.size() - p && q < lb.size() - p && la[la.size() - 1 - q] == lb[lb.size() - 1 - q])
        ++q;
    return int(la.size()) - p - q;
}

/// The value changed the way an author would: a word in its middle replaced.
QString changeAWord(const QString &value)
{
    const int space = value.indexOf(u' ', value.size() / 2);
    if (space < 0)
        return value + QStringLiteral(" (changed)");
    int end = space + 1;
    while (end < value.size() && !value[end].isSpace())
        ++end;
    return value.left(space + 1) + QStringLiteral("reworded") + value.mid(end);
}

QString sampleContract(const QString &name)
{
    return QString::fromUtf8(testsupport::readAll(testsupport::source(QStringLiteral("resources/sample-mesh/contracts/") + name)));
}

/// setValue()'s result.
QString set(const QString &text, const YamlPath &path, const QString &value)
{
    QString error;
    const auto edited = setValue(text, path, value, &error);
    // A failure reads as this text, so the comparison that follows shows why.
    return edited ? *edited : QStringLiteral("<setValue(%1) failed: %2>").arg(path.join(u'.'), error);
}

/// The contract files to run on: the sample mesh's and the corpus's ODCS and DCS contracts.
QStringList contractFiles()
{
    QStringList files;
    for (const QString &dir : {testsupport::source(QStringLiteral("resources/sample-mesh/contracts")),
                               testsupport::corpus(QStringLiteral("bitol-io/open-data-contract-standard/docs/examples")),
                               testsupport::corpus(QStringLiteral("datacontract/datacontract-specification/examples")),
                               testsupport::corpus(QStringLiteral("datacontract/datacontract-cli/tests/fixtures/changelog"))}) {
        QDirIterator it(dir, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    files.sort();
    return files;
}

const char *kFolded = "id: x\n"
                      "description:\n"
                      "  purpose: >-  # kept short\n"
                      "    Customer e-mail at order time, SHA-256 hashed before\n"
                      "    it leaves the order service.\n"
                      "  # reviewed by privacy\n"
                      "  usage: plain\n";

} // namespace

class TestContractEditorBlocks : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aWordEditInAFoldedBlockChangesOnlyItsLine()
    {
        const QString text = sampleContract(QStringLiteral("orders/orders.order_events.odcs.yaml"));
        const YamlPath path{"description", "purpose"};
        const QString old = *scalarAt(text, path);
        QString value = old;
        value.replace(QStringLiteral("delivered"), QStringLiteral("returned"));
        const QString edited = set(text, path, value);
        QCOMPARE(scalarAt(edited, path), value);
        QCOMPARE(libyamlAt(edited, path), value);
        const QStringList a = text.split(u'\n'), b = edited.split(u'\n');
        QCOMPARE(b.size(), a.size());
        QCOMPARE(changedOldLines(text, edited), 1);
        QVERIFY(edited.contains("  purpose: >-\n    Every state change of a customer order as it happens in the order service: placed, paid,\n"
                                "    cancelled, shipped, returned. The authoritative"));
        // A word in the first line: the second line stays as it was.
        value = old;
        value.replace(QStringLiteral("Every state change"), QStringLiteral("Each state change"));
        const QString first = set(text, path, value);
        QCOMPARE(changedOldLines(text, first), 1);
        QCOMPARE(libyamlAt(first, path), value);
    }

    void theHeaderCommentAndTheCommentsAfterStay()
    {
        const QString text = QString::fromLatin1(kFolded);
        const QString value = QStringLiteral("Customer e-mail at order time, SHA-512 hashed before it leaves the order service.");
        const QString edited = set(text, {"description", "purpose"}, value);
        QCOMPARE(edited, QString(text).replace("SHA-256", "SHA-512"));
        // A longer value is wrapped at the block's own width (its longest line), comments untouched.
        const QString longer = value + QStringLiteral(" Never joined with marketing data, never exported.");
        const QString wrapped = set(text, {"description", "purpose"}, longer);
        QCOMPARE(scalarAt(wrapped, {"description", "purpose"}), longer);
        QCOMPARE(libyamlAt(wrapped, {"description", "purpose"}), longer);
        QVERIFY(wrapped.startsWith("id: x\ndescription:\n  purpose: >-  # kept short\n    Customer e-mail at order time, SHA-512 hashed before\n"));
        QVERIFY(wrapped.endsWith("\n  # reviewed by privacy\n  usage: plain\n"));
        for (const QString &line : wrapped.split(u'\n'))
            QVERIFY2(line.size() <= 58, qPrintable(line));
        // The same value changes nothing, byte for byte.
        QCOMPARE(set(text, {"description", "purpose"}, *scalarAt(text, {"description", "purpose"})), text);
    }

    void chompingFollowsTheTrailingLineBreaks()
    {
        const QString text = QString::fromLatin1(kFolded);
        const YamlPath path{"description", "purpose"};
        const QString clip = set(text, path, QStringLiteral("One line.\n"));
        QVERIFY2(clip.contains("  purpose: >  # kept short\n    One line.\n  # reviewed"), qPrintable(clip));
        QCOMPARE(libyamlAt(clip, path), QStringLiteral("One line.\n"));
        const QString strip = set(clip, path, QStringLiteral("One line."));
        QCOMPARE(strip, QString(text).replace(QRegularExpression("    Customer[^#]*service.\n"), "    One line.\n"));
        // Two or more trailing breaks need `+`; yaml-cpp misreads a folded `>+`, so it becomes literal.
        const QString keep = set(text, path, QStringLiteral("One line.\n\n"));
        QVERIFY2(keep.contains("  purpose: |+  # kept short\n    One line.\n\n  # reviewed"), qPrintable(keep));
        QCOMPARE(scalarAt(keep, path), QStringLiteral("One line.\n\n"));
        QCOMPARE(libyamlAt(keep, path), QStringLiteral("One line.\n\n"));
        // A literal block keeps its style through all three.
        const QString literal = "a: |\n  first\n  second\nb: 1\n";
        QCOMPARE(set(literal, {"a"}, "first\nsecond"), QStringLiteral("a: |-\n  first\n  second\nb: 1\n"));
        QCOMPARE(set(literal, {"a"}, "first\nsecond\n\n\n"), QStringLiteral("a: |+\n  first\n  second\n\n\nb: 1\n"));
        QCOMPARE(set("a: |+\n  x\n\n\nb: 1\n", {"a"}, "y\n"), QStringLiteral("a: |\n  y\nb: 1\n"));
        // At the end of a text without a last line break, the clipped break is written.
        QCOMPARE(set("a: >-\n  x", {"a"}, "y\n"), QStringLiteral("a: >\n  y\n"));
    }

    void literalLinesAreTheValuesLines()
    {
        const QString text = "q:\n  query: |\n    SELECT count(*)\n      FROM orders  \n\n    WHERE x = 1\n  other: 2\n";
        const QString value = "SELECT count(*)\n  FROM orders  \n\nWHERE x = 2\n";
        const QString edited = set(text, {"q", "query"}, value);
        QCOMPARE(edited, QString(text).replace("x = 1", "x = 2"));
        QCOMPARE(libyamlAt(edited, {"q", "query"}), value);
    }

    void explicitIndentationIndicatorsAreKept()
    {
        const QString text = "list:\n  - note: |2-\n       indented first line\n      second\n    x: 1\n";
        QCOMPARE(scalarAt(text, {"list", "0", "note"}), QStringLiteral(" indented first line\nsecond"));
        const QString value = QStringLiteral("   more indented\nthen\n");
        const QString edited = set(text, {"list", "0", "note"}, value);
        QCOMPARE(edited, QStringLiteral("list:\n  - note: |2\n         more indented\n      then\n    x: 1\n"));
        QCOMPARE(libyamlAt(edited, {"list", "0", "note"}), value);
        const QString folded = "k: >1-\n  a b\n c\nz: 1\n";
        QCOMPARE(scalarAt(folded, {"k"}), QStringLiteral(" a b\nc"));
        const QString edited2 = set(folded, {"k"}, "c d");
        QCOMPARE(edited2, QStringLiteral("k: >1-\n c d\nz: 1\n"));
    }

    void whatFoldingCannotHoldFallsBackToLiteral()
    {
        const QString text = QString::fromLatin1(kFolded);
        const YamlPath path{"description", "purpose"};
        // A line starting with spaces would be "more indented"; trailing spaces would be invisible.
        for (const QString &value : QStringList{"Hashed:\n  SHA-256\nbefore export", "Hashed.  \nBefore export"}) {
            const QString edited = set(text, path, value);
            QVERIFY2(edited.contains("  purpose: |-  # kept short\n"), qPrintable(edited));
            QCOMPARE(scalarAt(edited, path), value);
            QCOMPARE(libyamlAt(edited, path), value);
            QVERIFY(edited.endsWith("\n  # reviewed by privacy\n  usage: plain\n"));
        }
        // Paragraphs fold faithfully: an empty line per line break.
        const QString paragraphs = set(text, path, "First paragraph.\nSecond one.\n\nThird.");
        QVERIFY2(paragraphs.contains("  purpose: >-  # kept short\n    First paragraph.\n\n    Second one.\n\n\n    Third.\n"),
                 qPrintable(paragraphs));
        QCOMPARE(libyamlAt(paragraphs, path), QStringLiteral("First paragraph.\nSecond one.\n\nThird."));
        // What no block holds (a first line starting with a space, line separators) is quoted.
        for (const QString &value : QStringList{QString(" leading"), QString("a\rb"), QString::fromUtf16(u"a\u2028b\u0085c\tz")}) {
            const QString edited = set(text, path, value);
            QCOMPARE(scalarAt(edited, path), value);
            QCOMPARE(libyamlAt(edited, path), value);
            QVERIFY2(edited.contains("  purpose: \""), qPrintable(edited));
            QVERIFY(edited.endsWith("\n  # reviewed by privacy\n  usage: plain\n"));
        }
    }

    void aLongValueIsWrappedAtAHundredColumns()
    {
        const QString text = "info:\n  description: >\n    Short.\n  owner: x\n";
        QString value;
        for (int i = 0; i < 40; ++i)
            value += QStringLiteral("word%1 ").arg(i);
        value = value.trimmed() + u'\n';
        const QString edited = set(text, {"info", "description"}, value);
        QCOMPARE(scalarAt(edited, {"info", "description"}), value);
        QCOMPARE(libyamlAt(edited, {"info", "description"}), value);
        const QStringList lines = edited.split(u'\n');
        QVERIFY(lines.size() >= 7);
        for (const QString &line : lines)
            QVERIFY2(line.size() <= 100, qPrintable(line));
        QVERIFY(lines[lines.size() - 3].size() > 90 || lines[lines.size() - 4].size() > 90);
    }

    void severalLinesForAPlainValueBecomeALiteralBlock()
    {
        const QString text = "info:\n  title: Orders  # shown in the catalogue\n  owner: x\n";
        const QString edited = set(text, {"info", "title"}, "Orders\nand returns");
        QCOMPARE(edited, QStringLiteral("info:\n  title: |-  # shown in the catalogue\n    Orders\n    and returns\n  owner: x\n"));
        QCOMPARE(libyamlAt(edited, {"info", "title"}), QStringLiteral("Orders\nand returns"));
        // And quoted ones, empty ones and missing keys too.
        QCOMPARE(set("a: \"x: y\"\nb: 1\n", {"a"}, "x\ny\n"), QStringLiteral("a: |\n  x\n  y\nb: 1\n"));
        QCOMPARE(set("m:\n  a:\n  b: 1\n", {"m", "a"}, "x\ny"), QStringLiteral("m:\n  a: |-\n    x\n    y\n  b: 1\n"));
        QCOMPARE(set("m:\n  b: 1\n", {"m", "a"}, "x\ny"), QStringLiteral("m:\n  b: 1\n  a: |-\n    x\n    y\n"));
        // One line stays what it was: plain when it can be, quoted when not.
        QCOMPARE(set(text, {"info", "title"}, "Order lines"), QString(text).replace("Orders ", "Order lines "));
        QCOMPARE(set(text, {"info", "title"}, "true"), QString(text).replace("Orders ", "\"true\" "));
        QCOMPARE(set("a: \"b\"\n", {"a"}, "b"), QStringLiteral("a: \"b\"\n")); // the same value: no rewrite
    }

    void aPlainValueOnSeveralLinesIsReplacedWhole()
    {
        const QString text = "a:\n  b: first line\n    continued here\n\n    and here # note\n  c: 1\n";
        QCOMPARE(scalarAt(text, {"a", "b"}), QStringLiteral("first line continued here\nand here"));
        const QString edited = set(text, {"a", "b"}, "one line");
        QCOMPARE(edited, QStringLiteral("a:\n  b: one line # note\n  c: 1\n"));
        QCOMPARE(libyamlAt(edited, {"a", "b"}), QStringLiteral("one line"));
        QCOMPARE(libyamlAt(set(text, {"a", "b"}, "two\nlines"), {"a", "b"}), QStringLiteral("two\nlines"));
    }

    void windowsLineEndingsAreKept()
    {
        const QString text = "a: >-\r\n  one two\r\n  three\r\nb: 1\r\n";
        const QString edited = set(text, {"a"}, "one two\nthree four");
        QCOMPARE(edited, QStringLiteral("a: >-\r\n  one two\r\n\r\n  three four\r\nb: 1\r\n"));
        QCOMPARE(libyamlAt(edited, {"a"}), QStringLiteral("one two\nthree four"));
        const QString literal = set("a: |\r\n  x\r\n  y\r\nb: 1\r\n", {"a"}, "x\n  z\n");
        QCOMPARE(literal, QStringLiteral("a: |\r\n  x\r\n    z\r\nb: 1\r\n"));
        QCOMPARE(libyamlAt(literal, {"a"}), QStringLiteral("x\n  z\n"));
        QCOMPARE(scalarAt(set("a: x\r\nb: 1\r\n", {"a"}, "x\ny"), {"a"}), QStringLiteral("x\ny"));
        QCOMPARE(set("a: x\r\nb: 1\r\n", {"a"}, "x\ny"), QStringLiteral("a: |-\r\n  x\r\n  y\r\nb: 1\r\n"));
        const QString folded = set(text, {"a"}, "one two three four");
        QCOMPARE(folded, QStringLiteral("a: >-\r\n  one two\r\n  three four\r\nb: 1\r\n"));
    }

    void foldingReadsBackAsWritten()
    {
        QCOMPARE(unfold({"a", "b", "", "c", "", "", "d"}), QStringLiteral("a b\nc\n\nd"));
        QCOMPARE(unfold({"", "a"}), QStringLiteral("\na"));
        const QString body = "Lorem ipsum dolor sit amet,  consectetur\nadipiscing elit.\n\n\nSed do eiusmod";
        for (int width : {5, 12, 30, 200}) {
            const auto lines = foldedLines(body, width);
            QVERIFY(lines);
            QCOMPARE(unfold(*lines), body);
        }
        QVERIFY(!foldedLines("a\n b", 80));
        QVERIFY(!foldedLines("a \nb", 80));
    }

    void theFormWritesBlocksThroughSetValue()
    {
        const QString text = QString::fromLatin1(kFolded);
        FormRow row;
        row.path = {"description", "purpose"};
        row.kind = FormRow::Kind::Multiline;
        QString error;
        const auto edited = applyFormValue(text, row, "Hashed.", &error);
        QVERIFY2(edited, qPrintable(error));
        QVERIFY(edited->contains("  purpose: >-  # kept short\n    Hashed.\n  # reviewed"));
        row.typed = true;
        row.path = {"id"};
        QCOMPARE(applyFormValue("id: 1\n", row, "2", &error), QStringLiteral("id: 2\n"));
    }

    void awkwardValuesReadBackExactly()
    {
        // Values made of pieces that folding, chomping and indentation detection treat specially,
        // in a fixed pseudo-random order, written over a folded, a literal and an indicated block.
        const QStringList pieces{"word", "a longer phrase of words", " ", "  ", "\n", "\n\n", "\t", "# hash",
                                 "key: value", "- item", "\"q\"", "'s'", "|", ">", "\u00e9t\u00e9", "x"};
        const QString text = "a:\n  folded: >-\n    one two\n    three\n  literal: |\n    l1\n    l2\n  indicated: |2+\n     x\n\n  # after\n  z: 1\n";
        quint32 seed = 7;
        auto next = [&seed](int n) {
            seed = seed * 1664525u + 1013904223u;
            return int((seed >> 8) % quint32(n));
        };
        for (int round = 0; round < 300; ++round) {
            QString value;
            for (int k = next(8); k >= 0; --k)
                value += pieces[next(int(pieces.size()))];
            for (const char *key : {"folded", "literal", "indicated"}) {
                const YamlPath path{"a", QString::fromLatin1(key)};
                const QString edited = set(text, path, value);
                const QString where = QStringLiteral("%1 <- \"%2\"").arg(QLatin1String(key), QString(value).replace(u'\n', "\\n"));
                QVERIFY2(scalarAt(edited, path) == value, qPrintable(where + u'\n' + edited));
                QVERIFY2(libyamlAt(edited, path) == value, qPrintable(where + u'\n' + edited));
                QVERIFY2(scalarAt(edited, {"a", "z"}) == QStringLiteral("1"), qPrintable(where));
                QVERIFY2(edited.endsWith("  # after\n  z: 1\n"), qPrintable(where + u'\n' + edited));
            }
        }
    }

    void everyBlockScalarOfTheContractsRoundTrips()
    {
        int blocks = 0;
        int folded = 0;
        int corpusBlocks = 0;
        for (const QString &file : contractFiles()) {
            const QString text = QString::fromUtf8(testsupport::readAll(file));
            const std::string bytes = text.toStdString();
            std::vector<Block> found;
            findBlocks(bytes, YAML::Load(bytes), {}, found);
            const auto before = flat(text);
            for (const Block &b : found) {
                const QString where = file + u':' + QString::number(b.line + 1);
                const QString old = *scalarAt(text, b.path);
                ++blocks;
                if (file.startsWith(testsupport::corpus(QString())))
                    ++corpusBlocks;
                QCOMPARE(set(text, b.path, old), text);
                const QString word = changeAWord(old);
                const QString noBreak = QString(old).remove(QRegularExpression("\n+$"));
                for (const QString &value : QStringList{word, noBreak + QStringLiteral(" One more sentence."), noBreak, noBreak + u'\n'}) {
                    const QString edited = set(text, b.path, value);
                    QVERIFY2(scalarAt(edited, b.path) == value, qPrintable(where));
                    QVERIFY2(libyamlAt(edited, b.path) == value, qPrintable(where));
                    const QString outside = outsideChange(text, edited, b);
                    QVERIFY2(outside.isEmpty(), qPrintable(where + u' ' + outside));
                    // Still a block of the same style, its header on the key's line.
                    const QString header = edited.split(u'\n')[b.line];
                    const QString oldHeader = text.split(u'\n')[b.line];
                    const QChar oldStyle = oldHeader.contains(": >") ? u'>' : u'|';
                    QVERIFY2(header.contains(QStringLiteral(": ") + oldStyle), qPrintable(where + u' ' + header));
                    // Nothing else in the document reads differently.
                    auto after = flat(edited);
                    after.erase(u'.' + b.path.join(u'.'));
                    auto expected = before;
                    expected.erase(u'.' + b.path.join(u'.'));
                    QVERIFY2(after == expected, qPrintable(where));
                    if (value == word) {
                        // One word changed: at most its line and the next change in a line diff.
                        QVERIFY2(changedOldLines(text, edited) <= 2, qPrintable(where + u'\n' + edited.split(u'\n').mid(b.line, 6).join(u'\n')));
                        if (oldStyle == u'>')
                            ++folded;
                    }
                }
            }
        }
        // 66 in the sample mesh (54 folded) and 7 literal ones in the corpus when this was written.
        QVERIFY2(blocks >= 70, qPrintable(QString::number(blocks)));
        QVERIFY2(folded >= 50, qPrintable(QString::number(folded)));
        QVERIFY2(corpusBlocks >= 7, qPrintable(QString::number(corpusBlocks)));
    }
};

QTEST_GUILESS_MAIN(TestContractEditorBlocks)
#include "tst_contracteditorblocks.moc"
