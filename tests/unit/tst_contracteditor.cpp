// The contract editor's core on the sample mesh's order_events contract: minimal textual edits of
// single values (every other byte kept), adding a missing key, validation with lines and fields,
// and the undo history shared by the form and the YAML view.
#include "editor/contractdocument.h"
#include "testsupport.h"

#include <QTest>

#include <algorithm>

using namespace meshscope;
using namespace meshscope::editor;

namespace {

QString sample()
{
    return QString::fromUtf8(testsupport::readAll(
        testsupport::source(QStringLiteral("resources/sample-mesh/contracts/orders/orders.order_events.odcs.yaml"))));
}

/// Lines of `a` and `b` that differ (same line count expected for replacements).
QStringList changedLines(const QString &a, const QString &b)
{
    const QStringList la = a.split(u'\n');
    const QStringList lb = b.split(u'\n');
    QStringList out;
    for (int i = 0; i < qMax(la.size(), lb.size()); ++i) {
        if (la.value(i) != lb.value(i))
            out << lb.value(i);
    }
    return out;
}

bool hasProblem(const std::vector<EditorProblem> &problems, const QString &path, const QString &fragment)
{
    return std::any_of(problems.begin(), problems.end(), [&](const EditorProblem &p) {
        return p.path == path && p.message.contains(fragment);
    });
}

} // namespace

class TestContractEditor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void replacingAValueChangesOnlyThatLine()
    {
        const QString text = sample();
        QString error;
        const auto edited = setScalar(text, {"schema", "0", "properties", "1", "logicalType"}, "string", &error);
        QVERIFY2(edited, qPrintable(error));
        QCOMPARE(changedLines(text, *edited), QStringList{"        logicalType: string"});
        QCOMPARE(scalarAt(*edited, {"schema", "0", "properties", "1", "logicalType"}), QString("string"));
        // Booleans are written plain, so they stay booleans.
        const auto flag = setScalar(text, {"schema", "0", "properties", "0", "unique"}, yamlScalar("false", true), &error);
        QVERIFY(flag);
        QCOMPARE(changedLines(text, *flag), QStringList{"        unique: false"});
    }

    void aFoldedBlockIsReplacedWhole()
    {
        const QString text = sample();
        QString error;
        const auto edited = setScalar(text, {"description", "purpose"}, yamlScalar("Order state changes: all of them"), &error);
        QVERIFY2(edited, qPrintable(error));
        QCOMPARE(scalarAt(*edited, {"description", "purpose"}), QString("Order state changes: all of them"));
        // The folded block's two lines became one; its neighbours are untouched.
        QCOMPARE(edited->count(u'\n'), text.count(u'\n') - 2);
        QVERIFY(edited->contains("  purpose: \"Order state changes: all of them\"\n  usage: >-\n"));
        QCOMPARE(scalarAt(*edited, {"description", "usage"}), scalarAt(text, {"description", "usage"}));
    }

    void aMissingKeyIsAddedToItsMapping()
    {
        const QString text = sample();
        QString error;
        const auto edited = setScalar(text, {"schema", "0", "properties", "1", "unique"}, "true", &error);
        QVERIFY2(edited, qPrintable(error));
        QCOMPARE(edited->count(u'\n'), text.count(u'\n') + 1);
        QCOMPARE(scalarAt(*edited, {"schema", "0", "properties", "1", "unique"}), QString("true"));
        // Everything else reads as before: the property's quality rules stay with it.
        QCOMPARE(scalarAt(*edited, {"schema", "0", "properties", "1", "quality", "0", "metric"}), QString("nullValues"));
        QCOMPARE(scalarAt(*edited, {"schema", "0", "properties", "2", "name"}), QString("customer_id"));
        // The one new line sits after the property's last line (its quality rules), at its keys' indent.
        QStringList lines = edited->split(u'\n');
        const QStringList before = text.split(u'\n');
        int first = 0;
        while (first < before.size() && lines[first] == before[first])
            ++first;
        QCOMPARE(lines[first], QStringLiteral("        unique: true"));
        QCOMPARE(before[first].trimmed(), QStringLiteral("- name: customer_id"));
        lines.removeAt(first);
        QCOMPARE(lines, before);
    }

    void commentsAndUnknownKeysAreKept()
    {
        const QString text = QStringLiteral("# owned by orders-team\nid: x # the id\nversion: 1.0.0\nx-custom: {a: 1}\n");
        QString error;
        const auto edited = setScalar(text, {"id"}, "y", &error);
        QVERIFY2(edited, qPrintable(error));
        QCOMPARE(*edited, QStringLiteral("# owned by orders-team\nid: y # the id\nversion: 1.0.0\nx-custom: {a: 1}\n"));
    }

    void valuesAreQuotedWhenTheyWouldReadOtherwise()
    {
        QCOMPARE(yamlScalar("order id"), QStringLiteral("order id"));
        QCOMPARE(yamlScalar("true"), QStringLiteral("\"true\""));
        QCOMPARE(yamlScalar("1.0"), QStringLiteral("\"1.0\""));
        QCOMPARE(yamlScalar("a: b"), QStringLiteral("\"a: b\""));
        QCOMPARE(yamlScalar("say \"hi\" # now"), QStringLiteral("\"say \\\"hi\\\" # now\""));
        QCOMPARE(yamlScalar(""), QStringLiteral("\"\""));
        // Every quoted form reads back as the string itself.
        for (const QString v : {"true", "1.0", "a: b", "say \"hi\" # now", "", "- x", "{y}"}) {
            QString error;
            const auto t = setScalar("k: v\n", {"k"}, yamlScalar(v), &error);
            QVERIFY2(t, qPrintable(error));
            QCOMPARE(scalarAt(*t, {"k"}), v);
        }
    }

    void editsThatCannotBeMadeSayWhy()
    {
        QString error;
        QVERIFY(!setScalar(sample(), {"schema", "0", "properties"}, "x", &error));
        QVERIFY2(error.contains("list or a mapping"), qPrintable(error));
        QVERIFY(!setScalar(sample(), {"nope", "deeper"}, "x", &error));
        QVERIFY2(error.contains("nope.deeper"), qPrintable(error));
        QVERIFY(!setScalar("a: [1\n", {"a"}, "x", &error));
        QVERIFY2(error.contains("does not parse"), qPrintable(error));
    }

    void theSampleValidatesClean()
    {
        const auto problems = validate("orders.order_events.odcs.yaml", sample());
        for (const EditorProblem &p : problems)
            QVERIFY2(p.severity != Diagnostic::Severity::Error, qPrintable(QString("%1: %2").arg(p.line).arg(p.message)));
    }

    void problemsNameTheirFieldAndLine()
    {
        QString text = sample();
        QString error;
        text = *setScalar(text, {"schema", "0", "properties", "1", "logicalType"}, "strang", &error);
        text = *setScalar(text, {"schema", "0", "properties", "0", "required"}, "maybe", &error);
        text = *setScalar(text, {"schema", "0", "properties", "2", "name"}, "order_id", &error);
        text = *setScalar(text, {"status"}, "shipped", &error);
        const auto problems = validate("c.odcs.yaml", text);
        QVERIFY(hasProblem(problems, "schema.0.properties.1.logicalType", "strang"));
        QVERIFY(hasProblem(problems, "schema.0.properties.0.required", "true or false"));
        QVERIFY(hasProblem(problems, "schema.0.properties.2.name", "used twice"));
        QVERIFY(hasProblem(problems, "status", "shipped"));
        for (const EditorProblem &p : problems) {
            if (p.path == "status")
                QCOMPARE(p.line, 6);
            if (p.path == "schema.0.properties.1.logicalType")
                QCOMPARE(p.line, 60);
        }
        // A missing required key and a syntax error.
        QVERIFY(hasProblem(validate("c.odcs.yaml", QString(sample()).replace("id: orders.order_events\n", "")), "id", "missing"));
        const auto syntax = validate("c.odcs.yaml", "id: [a\nversion: 1\n");
        QCOMPARE(int(syntax.size()), 1);
        QVERIFY(syntax.front().message.startsWith("YAML syntax"));
        QVERIFY(syntax.front().line > 0);
    }

    /// What the official schema says shows in the editor too, at its field (issue 20): a misspelt key the
    /// editor's own checks do not know about.
    void schemaProblemsShowAtTheirField()
    {
        QString error;
        const QString text = *setScalar(sample(), {"schema", "0", "properties", "1", "descripton"}, "typo", &error);
        const auto problems = validate("c.odcs.yaml", text);
        const auto it = std::find_if(problems.begin(), problems.end(), [](const EditorProblem &p) {
            return p.path.startsWith("schema.0.properties.1") && p.message.contains("descripton");
        });
        QVERIFY2(it != problems.end(), qPrintable(problems.empty() ? QString("none") : problems.front().message));
        QVERIFY(it->line > 0);
        QCOMPARE(it->severity, Diagnostic::Severity::Warning);
        // The sample itself: no schema problem beyond what lint says of it (deprecations are warnings).
        for (const EditorProblem &p : validate("orders.order_events.odcs.yaml", sample()))
            QVERIFY2(p.severity != Diagnostic::Severity::Error, qPrintable(p.message));
    }

    void undoAndRedoWalkTheSteps()
    {
        EditHistory h("a");
        QVERIFY(!h.canUndo());
        QVERIFY(!h.push("a"));
        QVERIFY(h.push("ab", "field:name"));
        QVERIFY(h.push("abc", "field:name")); // typing in one field: one step
        QCOMPARE(h.size(), 2);
        QVERIFY(h.push("abcX", "yaml"));
        QCOMPARE(h.size(), 3);
        QVERIFY(h.undo());
        QCOMPARE(h.current(), QString("abc"));
        QVERIFY(h.undo());
        QCOMPARE(h.current(), QString("a"));
        QVERIFY(!h.undo());
        QVERIFY(h.redo());
        QCOMPARE(h.current(), QString("abc"));
        // A new edit after an undo drops the redo tail and does not merge into the undone-to step.
        QVERIFY(h.push("abcd", "field:name"));
        QVERIFY(!h.canRedo());
        QVERIFY(h.undo());
        QCOMPARE(h.current(), QString("abc"));
        h.reset("z");
        QVERIFY(!h.canUndo() && !h.canRedo());
    }
};

QTEST_GUILESS_MAIN(TestContractEditor)
#include "tst_contracteditor.moc"
