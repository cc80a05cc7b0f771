// The layers of ARCHITECTURE.md, checked on the source tree so that a change across them fails here
// rather than in review (issue 19): SQL lives in src/core (the cache readers and writers), never in the
// view models, the QML or the command line; the engine in src/core uses neither the GUI nor src/ui.
#include "testsupport.h"

#include <QDirIterator>
#include <QRegularExpression>
#include <QTest>

// (No raw string literals in this file: moc 6.4 stops reading it at one holding "#include".)

class TestLayers : public QObject {
    Q_OBJECT

    /// "file:line: text" of every line of the files under `folder` (by suffix) that `pattern` matches.
    static QStringList matches(const QString &folder, const QStringList &suffixes, const QRegularExpression &pattern)
    {
        QStringList found;
        QDirIterator it(testsupport::source(folder), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!suffixes.contains(QFileInfo(path).suffix()))
                continue;
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            int line = 0;
            while (!f.atEnd()) {
                const QString text = QString::fromUtf8(f.readLine());
                ++line;
                if (pattern.match(text).hasMatch())
                    found << QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(text.trimmed());
            }
        }
        return found;
    }

private Q_SLOTS:
    void checksSeeWhatTheyLookFor()
    {
        // The patterns below, on the lines they are meant to catch: a check that matches nothing proves nothing.
        const QRegularExpression sql = sqlPattern();
        QVERIFY(sql.match("    sql::Statement s = db.prepare(\"SELECT 1 FROM products WHERE id = ?\");").hasMatch());
        QVERIFY(sql.match("db.exec(\"DELETE FROM settings\");").hasMatch());
        QVERIFY(!sql.match("label: qsTr(\"Select a product\")").hasMatch());
        QVERIFY(!matches(QStringLiteral("src/core/cache"), {"cpp"}, sql).isEmpty());
        QVERIFY(guiInclude().match("#include <QQuickItem>").hasMatch());
        QVERIFY(guiInclude().match("#include \"domains/domainmapcontroller.h\"").hasMatch() == false);
    }

    void noSqlOutsideTheCore()
    {
        for (const QString &folder : {QStringLiteral("src/ui"), QStringLiteral("src/cli"), QStringLiteral("qml"),
                                      QStringLiteral("app")}) {
            const QStringList found = matches(folder, {"cpp", "h", "qml", "js"}, sqlPattern());
            QVERIFY2(found.isEmpty(), qPrintable(found.join('\n')));
        }
    }

    void theCoreUsesNeitherTheGuiNorTheViews()
    {
        const QStringList found = matches(QStringLiteral("src/core"), {"cpp", "h"}, guiInclude());
        QVERIFY2(found.isEmpty(), qPrintable(found.join('\n')));
        const QStringList views = matches(QStringLiteral("src/core"), {"cpp", "h"},
                                          QRegularExpression("#include\\s+\"(ui|qml)/"));
        QVERIFY2(views.isEmpty(), qPrintable(views.join('\n')));
    }

private:
    /// A statement in a string literal: a keyword that starts one, then what it works on.
    static QRegularExpression sqlPattern()
    {
        return QRegularExpression("\"\\s*(SELECT\\s.+\\sFROM|INSERT\\s+INTO|UPDATE\\s+\\w+\\s+SET|DELETE\\s+FROM|CREATE\\s+(TABLE|INDEX)|PRAGMA)\\b");
    }

    static QRegularExpression guiInclude()
    {
        return QRegularExpression("#include\\s+<(QtGui|QtQuick|QtQml|QtWidgets|QQuick\\w*|QQml\\w*|QGui\\w*|QImage|QPainter\\w*|QColor|QFont\\w*|QWidget)\\b");
    }
};

QTEST_GUILESS_MAIN(TestLayers)
#include "tst_layers.moc"
