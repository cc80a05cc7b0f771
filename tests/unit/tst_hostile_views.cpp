// What a document may make the window do: nothing on the network, no live link to a local file or a
// custom scheme. Issue 16, class 8: a product description with a tracking pixel was fetched, and a
// file: link opened.
#include "documenttext.h"
#include "offlinenetwork.h"

#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QTcpServer>
#include <QtTest>

#include <memory>

using namespace meshscope::ui;

namespace {

/// Counts the connections a QML engine makes to a server on 127.0.0.1 while it shows `text` as rich text.
int connectionsWhileShowing(QQmlEngine &engine, const QString &textFormat, const QString &textOf)
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        qFatal("cannot listen on 127.0.0.1");
    int connections = 0;
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
        while (QTcpSocket *s = server.nextPendingConnection()) {
            ++connections;
            s->abort();
            s->deleteLater();
        }
    });
    const QString url = QStringLiteral("http://127.0.0.1:%1/p.png?who=reader").arg(server.serverPort());
    QQmlComponent component(&engine);
    component.setData(QStringLiteral("import QtQuick\nText { width: 400; textFormat: %1; text: %2 }")
                          .arg(textFormat, textOf.arg(url))
                          .toUtf8(),
                      QUrl(QStringLiteral("qrc:/hostile.qml")));
    std::unique_ptr<QObject> item(component.create());
    if (!item)
        qFatal("%s", qPrintable(component.errorString()));
    QElapsedTimer waited;
    waited.start();
    while (connections == 0 && waited.elapsed() < 1500)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return connections;
}

} // namespace

class HostileViewsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void markdownFromADocumentLoadsNoImage()
    {
        const QString html = safeMarkdownHtml(QStringLiteral(
            "Orders.\n\n![pixel](http://127.0.0.1:9/p.png?who=x)\n\n<img src=\"http://127.0.0.1:9/q.png\">\n\n"
            "[docs](https://docs.example.com/orders) and **bold**"));
        QVERIFY2(!html.contains(QStringLiteral("<img"), Qt::CaseInsensitive), qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("[image not loaded: http://127.0.0.1:9/p.png?who=x]")), qPrintable(html));
        // Raw HTML in the document is shown as the text it is.
        QVERIFY2(html.contains(QStringLiteral("&lt;img src=")), qPrintable(html));
        // Markdown still renders: the link and the emphasis.
        QVERIFY2(html.contains(QStringLiteral("href=\"https://docs.example.com/orders\"")), qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("font-weight")), qPrintable(html));
    }

    void onlyWebAndMailLinksOpen_data()
    {
        QTest::addColumn<QString>("link");
        QTest::addColumn<bool>("opens");
        QTest::newRow("https") << "https://docs.example.com/a?b=c" << true;
        QTest::newRow("http") << "http://docs.example.com" << true;
        QTest::newRow("upper-case scheme") << "HTTPS://docs.example.com" << true;
        QTest::newRow("mailto") << "mailto:owner@example.com" << true;
        QTest::newRow("file") << "file:///etc/passwd" << false;
        QTest::newRow("javascript") << "javascript:alert(1)" << false;
        QTest::newRow("custom scheme") << "ssh://host" << false;
        QTest::newRow("relative") << "../../secrets.yaml" << false;
        QTest::newRow("no host") << "http:///etc/passwd" << false;
        QTest::newRow("empty mailto") << "mailto:" << false;
        QTest::newRow("blank") << "   " << false;
    }
    void onlyWebAndMailLinksOpen()
    {
        QFETCH(QString, link);
        QFETCH(bool, opens);
        QCOMPARE(!linkToOpen(link).isEmpty(), opens);
    }

    void theWindowsEngineFetchesNothingFromTheNetwork()
    {
        // Control: a plain engine does fetch a rich text's image (so the check below can fail).
        {
            QQmlEngine plain;
            QVERIFY(connectionsWhileShowing(plain, QStringLiteral("Text.RichText"),
                                            QStringLiteral("'<img src=\"%1\">'")) > 0);
        }
        // The app's engine: neither rich text nor the default AutoText reaches the server.
        for (const QString &format : {QStringLiteral("Text.RichText"), QStringLiteral("Text.AutoText")}) {
            QQmlEngine engine;
            OfflineNetworkFactory offline;
            engine.setNetworkAccessManagerFactory(&offline);
            QCOMPARE(connectionsWhileShowing(engine, format, QStringLiteral("'<b>Orders</b><img src=\"%1\">'")), 0);
        }
    }
};

QTEST_MAIN(HostileViewsTest)
#include "tst_hostile_views.moc"
