#include "screenshotcheck.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace screenshotcheck;

namespace {

/// Theme.error in the light theme (#c53030): the problem markers and messages.
int errorRedPixels(const QImage &image, const QRect &rect)
{
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QRgb c = image.pixel(x, y);
            n += qAbs(qRed(c) - 0xc5) < 30 && qAbs(qGreen(c) - 0x30) < 40 && qAbs(qBlue(c) - 0x30) < 40;
        }
    }
    return n;
}

} // namespace

/// The contract editor opened from the command line (`--select ID!edit`) on the sample mesh: the form
/// and the YAML are both drawn side by side at 1600x1000, and a contract with a bad value shows the
/// problem beside its field, as a marker at its YAML line and in the problems list.
class TestContractEditorGui : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

private Q_SLOTS:
    void formAndYamlAreDrawn()
    {
        const QString out = m_home.filePath("editor.png");
        const Shot shot = take(m_home.path(),
                               {"--cache", m_home.filePath("cache.sqlite"), "--view", "contracts", "--select",
                                "orders.order_events!edit", "--size", "1600x1000"},
                               out);
        QVERIFY2(shot.exitCode == 0, qPrintable(shot.stderrText));
        QCOMPARE(shot.image.size(), QSize(1600, 1000));
        QVERIFY(distinctColours(shot.image) > 40);

        const QRect form = namedRect(shot, "editorFormPane");
        const QRect yaml = namedRect(shot, "editorYamlPane");
        QVERIFY2(!form.isNull(), "the form is not shown");
        QVERIFY2(!yaml.isNull(), "the YAML view is not shown");
        // Side by side, each a good part of the window, both with text drawn.
        QVERIFY(form.right() <= yaml.left() + 2);
        QVERIFY2(form.width() > 400 && yaml.width() > 400, qPrintable(QString("%1 %2").arg(form.width()).arg(yaml.width())));
        QVERIFY(form.height() > 400);
        const int formInk = inkPixels(shot.image, form);
        const int yamlInk = inkPixels(shot.image, yaml);
        QVERIFY2(formInk > 5000, qPrintable(QString::number(formInk)));
        QVERIFY2(yamlInk > 5000, qPrintable(QString::number(yamlInk)));
        // The sample is valid: no error marker, no error under a field.
        QVERIFY(namedRect(shot, "yamlErrorMarker").isNull());
        QVERIFY(namedRect(shot, "formError").isNull());
        QVERIFY(!namedRect(shot, "editorTitle").isNull());
    }

    void aBadValueIsShownAtItsFieldAndLine()
    {
        // A copy of the sample mesh whose order_events contract has a logical type ODCS does not know.
        const QString mesh = m_home.filePath("mesh");
        testsupport::copyTree(QStringLiteral(MESHSCOPE_SOURCE_DIR "/resources/sample-mesh"), mesh);
        const QString file = mesh + "/contracts/orders/orders.order_events.odcs.yaml";
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray text = f.readAll();
        f.close();
        const QByteArray good = "      - name: order_id\n        logicalType: integer\n";
        QVERIFY(text.contains(good));
        text.replace(good, "      - name: order_id\n        logicalType: strang\n");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();

        const QString out = m_home.filePath("editor-invalid.png");
        const Shot shot = take(m_home.path(),
                               {"--cache", m_home.filePath("invalid.sqlite"), "--source", mesh, "--view", "contracts",
                                "--select", "orders.order_events!edit", "--size", "1600x1000"},
                               out);
        QVERIFY2(shot.exitCode == 0, qPrintable(shot.stderrText));
        const QRect form = namedRect(shot, "editorFormPane");
        const QRect yaml = namedRect(shot, "editorYamlPane");
        QVERIFY(!form.isNull() && !yaml.isNull());

        // The marker in the YAML gutter, drawn red inside the YAML view.
        const QRect marker = namedRect(shot, "yamlErrorMarker");
        QVERIFY2(!marker.isNull(), "no problem marker in the YAML view");
        QVERIFY(yaml.contains(marker));
        QVERIFY2(errorRedPixels(shot.image, marker) > 20, qPrintable(QString::number(errorRedPixels(shot.image, marker))));
        // The message under the field in the form (the editor shows the first error on opening).
        const QRect message = namedRect(shot, "formError");
        QVERIFY2(!message.isNull(), "no problem beside the field");
        QVERIFY(form.contains(message));
        QVERIFY2(errorRedPixels(shot.image, message) > 40, qPrintable(QString::number(errorRedPixels(shot.image, message))));
        // And in the problems list.
        const QRect problems = namedRect(shot, "problemList");
        QVERIFY(!problems.isNull());
        QVERIFY(inkPixels(shot.image, problems) > 300);
    }
};

QTEST_GUILESS_MAIN(TestContractEditorGui)
#include "tst_contracteditor.moc"
