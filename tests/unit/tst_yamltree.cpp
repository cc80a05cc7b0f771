// The importers read YAML through libyaml into ytree (src/core/importers/yamltree.h); they were written
// against yaml-cpp's node tree. These tests hold the two trees equal, node by node (kind, tag, text, line
// and column), for every YAML file of the shared corpus, the sample mesh, a generated mesh and the
// tricky spellings below, so that importing gives what it gave before.
#include "generate/meshgenerator.h"
#include "importers/importer.h"
#include "importers/yamltree.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>
#include <yaml-cpp/yaml.h>

using namespace meshscope;

namespace {

/// One line per node: depth, kind, tag, line:column and text. Works on both trees: the APIs match.
template <typename N>
void dump(const N &node, int depth, QString &out)
{
    const QString indent(depth * 2, QLatin1Char(' '));
    const auto mark = node.Mark();
    const QString place = QStringLiteral("@%1:%2").arg(mark.line).arg(mark.column);
    switch (node.Type()) {
    case decltype(node.Type())(1): // Null
        out += indent + QStringLiteral("null ") + place + QLatin1Char('\n');
        return;
    case decltype(node.Type())(2): // Scalar
        out += indent + QStringLiteral("scalar ") + QString::fromStdString(node.Tag()) + QLatin1Char(' ') + place
            + QStringLiteral(" \"") + QString::fromStdString(node.Scalar()) + QStringLiteral("\"\n");
        return;
    case decltype(node.Type())(3): // Sequence
        out += indent + QStringLiteral("seq ") + QString::fromStdString(node.Tag()) + QLatin1Char(' ') + place
            + QLatin1Char('\n');
        for (const auto &item : node)
            dump(N(item), depth + 1, out);
        return;
    case decltype(node.Type())(4): // Map
        out += indent + QStringLiteral("map ") + QString::fromStdString(node.Tag()) + QLatin1Char(' ') + place
            + QLatin1Char('\n');
        for (const auto &entry : node) {
            dump(N(entry.first), depth + 1, out);
            dump(N(entry.second), depth + 2, out);
        }
        return;
    default:
        out += indent + QStringLiteral("undefined\n");
    }
}

QString viaYamlCpp(const QByteArray &bytes, bool *ok)
{
    QString out;
    try {
        for (const YAML::Node &doc : YAML::LoadAll(bytes.toStdString())) {
            out += QStringLiteral("---\n");
            dump(doc, 0, out);
        }
        *ok = true;
    } catch (const YAML::Exception &) {
        *ok = false;
    }
    return out;
}

QString viaYtree(const QByteArray &bytes, bool *ok)
{
    ytree::Arena arena;
    std::vector<ytree::Node> docs;
    ytree::ParseError error;
    *ok = ytree::parseAll(bytes, arena, docs, error);
    QString out;
    for (const ytree::Node &doc : docs) {
        out += QStringLiteral("---\n");
        dump(doc, 0, out);
    }
    return out;
}

void addYamlFiles(const QString &root, const QString &label)
{
    QDirIterator it(root, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    QVERIFY2(!files.isEmpty(), qPrintable(root));
    for (const QString &f : std::as_const(files))
        QTest::newRow(qPrintable(label + QLatin1Char('/') + QDir(root).relativeFilePath(f))) << testsupport::readAll(f);
}

} // namespace

class TestYamlTree : public QObject {
    Q_OBJECT

    QTemporaryDir m_generated;

private Q_SLOTS:
    void initTestCase()
    {
        MeshGeneratorOptions options;
        options.products = 60;
        options.domains = 3;
        QString error;
        const GeneratedMeshStats stats = generateMesh(m_generated.path(), options, &error);
        QVERIFY2(stats.files > 0, qPrintable(error));
    }

    void sameTreeAsYamlCpp_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        addYamlFiles(testsupport::corpus(QString()), QStringLiteral("corpus"));
        addYamlFiles(testsupport::source(QStringLiteral("resources/sample-mesh")), QStringLiteral("sample"));
        addYamlFiles(m_generated.path(), QStringLiteral("generated"));
        // Spellings whose reading differs between YAML libraries if one is careless.
        QTest::newRow("nulls") << QByteArray("a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: 'null'\ng: \"\"\nh: nil\n");
        QTest::newRow("empty values before comments") << QByteArray("a: \x23 c\nb:\n  \x23 ünïcödé\n  \x23 more\nc: ä\nd:\n");
        QTest::newRow("null items") << QByteArray("list:\n  -\n  - ~\n  - x\nlast:\n");
        QTest::newRow("quoted and plain") << QByteArray("a: 'x'\nb: \"y\"\nc: z\nd: 12\ne: \"12\"\nf: true\n");
        QTest::newRow("block scalars") << QByteArray("a: |\n  line 1\n  line 2\nb: >-\n  folded\n  text\nc: x\n");
        QTest::newRow("anchors and aliases") << QByteArray("base: &b {x: 1, y: [a, b]}\nuse: *b\nlist: [*b, *b]\n"
                                                           "s: &s text\nt: *s\n");
        QTest::newRow("tags") << QByteArray("a: !!str 12\nb: !custom x\nc: !!int '7'\nd: ! plain\n");
        QTest::newRow("flow collections") << QByteArray("m: {a: 1, b: [x, y, {c: d}], e: }\ns: [1, 2, [3]]\n");
        QTest::newRow("indentless sequence") << QByteArray("key:\n- a\n- b: c\n  d: e\nother: 1\n");
        QTest::newRow("documents") << QByteArray("---\na: 1\n---\n---\nb: 2\n...\n--- x\n");
        QTest::newRow("comments") << QByteArray("\x23 head\na: 1 \x23 trailing\n\x23 between\nb:\n  \x23 inside\n  c: 2\n");
        QTest::newRow("crlf") << QByteArray("a: 1\r\nb:\r\n  - x\r\n  - y\r\nc: 'q'\r\n");
        QTest::newRow("non-ascii columns") << QByteArray("näme: [ä, ö]\nkey: {ü: é, x: y}\n");
        QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF" "a: 1\nb: [x]\n");
        QTest::newRow("multi-line plain and quoted") << QByteArray("a: one\n  two\nb: 'three\n  four'\nc: \"f\\tg\"\n");
        QTest::newRow("duplicate keys") << QByteArray("a: 1\na: 2\n");
        QTest::newRow("complex key") << QByteArray("? [a, b]\n: value\nplain: x\n");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("only comment") << QByteArray("\x23 nothing\n");
    }

    void sameTreeAsYamlCpp()
    {
        QFETCH(QByteArray, bytes);
        bool cppOk = false, ytreeOk = false;
        const QString expected = viaYamlCpp(bytes, &cppOk);
        const QString actual = viaYtree(bytes, &ytreeOk);
        QCOMPARE(ytreeOk, cppOk);
        if (!cppOk)
            return; // both refuse it; the messages differ by design
        // Line by line, so that a difference shows where it is.
        const QStringList a = actual.split(QLatin1Char('\n')), e = expected.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < std::min(a.size(), e.size()); ++i) {
            if (a[i] != e[i])
                QFAIL(qPrintable(QStringLiteral("node %1: ytree gives '%2', yaml-cpp '%3'").arg(i).arg(a[i], e[i])));
        }
        QCOMPARE(a.size(), e.size());
    }

    void aliasesAreTheAnchoredNode()
    {
        ytree::Arena arena;
        std::vector<ytree::Node> docs;
        ytree::ParseError error;
        QVERIFY(ytree::parseAll("a: &x {k: v}\nb: *x\n", arena, docs, error));
        QVERIFY(docs.at(0).child("a").is(docs.at(0).child("b")));
    }

    void anAliasInsideItsOwnAnchorIsRefused()
    {
        // yaml-cpp would build a cycle here, on which any recursive reader runs away.
        ytree::Arena arena;
        std::vector<ytree::Node> docs;
        ytree::ParseError error;
        QVERIFY(!ytree::parseAll("a: &x [1, *x]\n", arena, docs, error));
        QCOMPARE(error.line, 1);
        QVERIFY(error.message.contains("anchor"));
    }

    void deepNestingIsRefusedWithItsPlace()
    {
        ytree::Arena arena;
        std::vector<ytree::Node> docs;
        ytree::ParseError error;
        const QByteArray deep = "a: " + QByteArray(ytree::kMaxDepth + 5, '[') + QByteArray(ytree::kMaxDepth + 5, ']');
        QVERIFY(!ytree::parseAll(deep, arena, docs, error));
        QCOMPARE(error.line, 1);
        QVERIFY(error.message.contains("nested deeper"));
        docs.clear();
        const QByteArray fine = QByteArray(ytree::kMaxDepth - 1, '[') + QByteArray(ytree::kMaxDepth - 1, ']');
        QVERIFY2(ytree::parseAll(fine, arena, docs, error), qPrintable(error.message));
    }

    void syntaxErrorsNameTheirPlace()
    {
        const ImportResult r = importDocument("bad.yaml", "kind: DataProduct\nid: x\n  bad: indent\n");
        QVERIFY(r.hasErrors());
        QVERIFY(r.diagnostics.front().message.startsWith("YAML syntax error: "));
        QCOMPARE(r.diagnostics.front().line, 3);
        QVERIFY(r.diagnostics.front().column > 0);
    }

    void overlayKeepsBaseOrderAndOverrides()
    {
        ytree::Arena arena;
        std::vector<ytree::Node> docs;
        ytree::ParseError error;
        QVERIFY(ytree::parseAll("base: {$ref: r, a: 1, b: 2}\nover: {b: 3, c: 4, $ref: s}\n", arena, docs, error));
        const ytree::Node merged = arena.mapOverlay(docs[0].child("base"), docs[0].child("over"), {"$ref"});
        QStringList seen;
        for (const auto &e : merged)
            seen << QString::fromStdString(e.first.Scalar() + "=" + e.second.Scalar());
        QCOMPARE(seen, QStringList({"a=1", "b=3", "c=4", "$ref=s"}));
        QVERIFY(merged.Mark().is_null());

        // Several keys of the base can be left out (a DCS definition's own name, domain, id).
        const ytree::Node fewer = arena.mapOverlay(docs[0].child("base"), docs[0].child("over"), {"$ref", "a", "c"});
        seen.clear();
        for (const auto &e : fewer)
            seen << QString::fromStdString(e.first.Scalar() + "=" + e.second.Scalar());
        QCOMPARE(seen, QStringList({"b=3", "c=4", "$ref=s"})); // only the base's keys are skipped
    }
};

QTEST_GUILESS_MAIN(TestYamlTree)
#include "tst_yamltree.moc"
