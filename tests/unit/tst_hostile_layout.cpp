// `meshscope layout --graph` reads JSON from anywhere: it goes through the importers' guarded reader.
// Issue 16, class 9: a width of 1e999999 aborted (uncaught out_of_range), a deep array overflowed the stack.
#include "cli.h"
#include "layout/layoutjson.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace meshscope;
using namespace meshscope::layout;

class HostileLayoutTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hostileGraphJsonIsAnErrorWithItsPlace_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("overflowing number") << QByteArray(R"({"nodes":[{"id":"a","width":1e999999}]})")
                                            << "line 1, column";
        const int depth = 1000000;
        QTest::newRow("a million nested arrays")
            << (QByteArray(R"({"nodes":)") + QByteArray(depth, '[') + QByteArray(depth, ']') + "}")
            << "nested deeper";
        QTest::newRow("huge integer id") << QByteArray(R"({"nodes":[{"id":99999999999999999999999999}]})")
                                         << "";
    }
    void hostileGraphJsonIsAnErrorWithItsPlace()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        LayoutGraph graph;
        JsonError error;
        QVERIFY(!readGraphJson(text, graph, error));
        QVERIFY2(error.message.contains(message), qPrintable(error.place + QLatin1String(": ") + error.message));
        QHash<QString, Point> positions;
        QVERIFY(!readPositionsJson(text, positions, error));
    }

    void commandLineSaysWhereAndExitsTwo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("graph.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"nodes":[{"id":"a","width":1e999999}],"edges":[]})");
        file.close();
        QCOMPARE(cli::run({QStringLiteral("meshscope"), QStringLiteral("layout"), QStringLiteral("--graph"), path}), 2);
    }
};

QTEST_GUILESS_MAIN(HostileLayoutTest)
#include "tst_hostile_layout.moc"
