// The line diff behind the Contracts area's side-by-side view: Myers against a dynamic-programming
// LCS on random inputs, the row layout, and intra-line word highlights.
#include "contracts/linediff.h"

#include <QRandomGenerator>
#include <QTest>

using namespace meshscope::diff;

namespace {

int lcsLength(const std::vector<std::uint32_t> &a, const std::vector<std::uint32_t> &b)
{
    std::vector<std::vector<int>> t(a.size() + 1, std::vector<int>(b.size() + 1, 0));
    for (size_t i = 1; i <= a.size(); ++i) {
        for (size_t j = 1; j <= b.size(); ++j)
            t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
    }
    return t[a.size()][b.size()];
}

std::vector<std::uint32_t> keptOf(const std::vector<std::uint32_t> &s, const std::vector<bool> &kept)
{
    std::vector<std::uint32_t> out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (kept[i])
            out.push_back(s[i]);
    }
    return out;
}

QString spanText(const QString &line, const QList<TextSpan> &spans)
{
    QStringList parts;
    for (const TextSpan &s : spans)
        parts << line.mid(s.start, s.length);
    return parts.join(u'|');
}

} // namespace

class TestLineDiff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    /// The kept elements are a common subsequence, and a longest one: checked against the textbook
    /// LCS table on random sequences over small alphabets (many repeats, the hard case for Myers).
    void myersFindsALongestCommonSubsequence()
    {
        QRandomGenerator random(20261122);
        for (int round = 0; round < 400; ++round) {
            const int alphabet = 2 + int(random.bounded(6));
            std::vector<std::uint32_t> a(size_t(random.bounded(40))), b(size_t(random.bounded(40)));
            for (auto &x : a)
                x = random.bounded(alphabet);
            for (auto &x : b)
                x = random.bounded(alphabet);
            if (round % 3 == 0) { // near-copies: a few edits of a
                b = a;
                for (int e = 0; e < 3 && !b.empty(); ++e)
                    b[random.bounded(int(b.size()))] = random.bounded(alphabet);
            }
            const KeptFlags kept = myersKept(a, b);
            const auto commonA = keptOf(a, kept.oldKept);
            QCOMPARE(commonA, keptOf(b, kept.newKept));
            QCOMPARE(int(commonA.size()), lcsLength(a, b));
        }
    }

    /// Over budget the diff stops refining but stays a correct edit script: what it keeps is common.
    void budgetKeepsTheDiffCorrect()
    {
        std::vector<std::uint32_t> a(3000), b(3000);
        for (size_t i = 0; i < a.size(); ++i) {
            a[i] = std::uint32_t(i % 97);
            b[i] = std::uint32_t((a.size() - i) % 89);
        }
        a[0] = b[0] = 1000; // a common prefix and suffix are still kept
        a.back() = b.back() = 1001;
        const KeptFlags cut = myersKept(a, b, 10'000);
        const auto common = keptOf(a, cut.oldKept);
        QCOMPARE(common, keptOf(b, cut.newKept));
        QVERIFY(common.size() >= 2);
        QVERIFY(int(common.size()) <= lcsLength(a, b));
        QVERIFY(cut.oldKept.front() && cut.oldKept.back());
    }

    void emptySides()
    {
        QCOMPARE(diffLines(QString(), QString()).rows.size(), size_t(0));
        const LineDiff added = diffLines(QString(), QStringLiteral("a\nb\n"));
        QCOMPARE(added.rows.size(), size_t(2));
        QCOMPARE(added.rows[0].kind, DiffRow::Kind::Added);
        QCOMPARE(added.addedLines, 2);
        QCOMPARE(added.blockStarts, std::vector<int>{0});
        const LineDiff removed = diffLines(QStringLiteral("a\r\nb"), QString());
        QCOMPARE(removed.oldLines, (QStringList{"a", "b"}));
        QCOMPARE(removed.removedLines, 2);
        QCOMPARE(removed.rows[1].kind, DiffRow::Kind::Removed);
    }

    /// Equal lines pair up, a changed line becomes a Changed row with word spans, a removed run and an
    /// added run form separate blocks, and every line knows its row.
    void rowsBlocksAndLineMaps()
    {
        const QString oldText = QStringLiteral("id: a\nversion: 1.3.0\nschema:\n  - name: x\n    logicalType: integer\n"
                                               "  - name: gone\n    logicalType: string\nend: 1\n");
        const QString newText = QStringLiteral("id: a\nversion: 2.0.0\nschema:\n  - name: x\n    logicalType: number\n"
                                               "end: 1\nextra: true\n");
        const LineDiff d = diffLines(oldText, newText);
        QStringList kinds;
        for (const DiffRow &r : d.rows)
            kinds << QString::number(int(r.kind)) + QLatin1Char(':') + QString::number(r.oldLine) + QLatin1Char('/')
                         + QString::number(r.newLine);
        // Same=0 Changed=1 Removed=2 Added=3
        QCOMPARE(kinds, (QStringList{"0:0/0", "1:1/1", "0:2/2", "0:3/3", "1:4/4", "2:5/-1", "2:6/-1", "0:7/5",
                                     "3:-1/6"}));
        QCOMPARE(d.blockStarts, (std::vector<int>{1, 4, 8}));
        QCOMPARE(d.rows[5].block, 1);
        QCOMPARE(d.removedLines, 4); // Changed rows count on both sides
        QCOMPARE(d.addedLines, 3);
        QCOMPARE(spanText(d.oldLines[1], d.rows[1].oldSpans), QStringLiteral("1.3.0"));
        QCOMPARE(spanText(d.newLines[1], d.rows[1].newSpans), QStringLiteral("2.0.0"));
        QCOMPARE(spanText(d.oldLines[4], d.rows[4].oldSpans), QStringLiteral("integer"));
        QCOMPARE(spanText(d.newLines[4], d.rows[4].newSpans), QStringLiteral("number"));
        QCOMPARE(d.rowOfOldLine[7], 7);
        QCOMPARE(d.rowOfNewLine[6], 8);
        QCOMPARE(d.rowFor(-1, 6), 8);
        QCOMPARE(d.rowFor(5, -1), 5);
        QCOMPARE(d.rowFor(-1, -1), -1);
    }

    void intraLineSpans_data()
    {
        QTest::addColumn<QString>("oldLine");
        QTest::addColumn<QString>("newLine");
        QTest::addColumn<QString>("oldSpans");
        QTest::addColumn<QString>("newSpans");
        QTest::newRow("word") << "  physicalType: bigint" << "  physicalType: uuid" << "bigint" << "uuid";
        QTest::newRow("insert") << "  tags: [pii]" << "  tags: [pii, gdpr]" << "" << ", gdpr";
        QTest::newRow("number") << "    value: 99.9" << "    value: 99.5" << "99.9" << "99.5";
        QTest::newRow("version") << "version: 1.3.0" << "version: 2.0.0" << "1.3.0" << "2.0.0";
        QTest::newRow("unrelated") << "  - name: order_id" << "    promise text goes here" << "- name: order_id"
                                   << "promise text goes here";
        QTest::newRow("indent only") << "  a: 1" << "    a: 1" << "  " << "    ";
    }

    void intraLineSpans()
    {
        QFETCH(QString, oldLine);
        QFETCH(QString, newLine);
        QList<TextSpan> o, n;
        meshscope::diff::intraLineSpans(oldLine, newLine, &o, &n);
        QFETCH(QString, oldSpans);
        QFETCH(QString, newSpans);
        QCOMPARE(spanText(oldLine, o), oldSpans);
        QCOMPARE(spanText(newLine, n), newSpans);
    }
};

QTEST_GUILESS_MAIN(TestLineDiff)
#include "tst_linediff.moc"
