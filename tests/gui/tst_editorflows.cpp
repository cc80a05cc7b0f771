// The contract editor driven through the real window, in process: Main.qml loaded by the app's own
// loadMainWindow on a synced copy of the sample mesh, and keys and clicks sent to the QQuickWindow.
// Three user flows: Ctrl+S on an edited active contract confirms and writes a proposal, which the
// Contracts area then shows; "New…" picks an output port and opens a pre-filled draft; leaving with
// unsaved edits asks Save/Discard/Cancel, where Cancel keeps the edit and Discard leaves the file as it was.
// And the review panel's discussion, below the fold at 1600x1000, drawn once scrolled to (the only
// check here that looks at pixels: standard Text items, which the offscreen platform draws).
//
// Platform: QT_QPA_PLATFORM=offscreen unless the caller sets one. Nothing here looks at pixels or
// custom scene-graph geometry, and the offscreen platform gives the window focus at once (no window
// manager under xvfb), which the window-wide Ctrl+S shortcut needs. `QT_QPA_PLATFORM=xcb` under
// xvfb-run runs the same steps on a real X window.
#include "appcontroller.h"
#include "appsettings.h"
#include "cache/guithreadguard.h"
#include "editor/contracteditorcontroller.h"
#include "editor/formmodel.h"
#include "gui.h"
#include "screenshotcheck.h"
#include "testsupport.h"
#include "windowdriver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

/// A file in the temporary HOME (windowdriver::isolateHome): the user's real settings, cache and autosaves
/// are never touched.
QString inHome(const QString &name)
{
    return windowdriver::homePath() + u'/' + name;
}

// The same item helpers as gui.journeys.
using windowdriver::centreOf;
using windowdriver::descendants;
using windowdriver::fileBytes;
using windowdriver::shown;
using windowdriver::text;

} // namespace

class TestEditorFlows : public QObject {
    Q_OBJECT

    QString m_mesh;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<AppController> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;

    ContractEditorController *editor() const { return m_window->findChild<ContractEditorController *>(); }

    /// An item by objectName: in the window's object tree, or (the content of an open popup, which
    /// has no QObject parent) among the visual descendants of the window, the overlay included.
    QQuickItem *item(const QString &name) const
    {
        if (auto *found = m_window->findChild<QQuickItem *>(name))
            return found;
        for (QQuickItem *i : descendants(m_window->contentItem())) {
            if (i->objectName() == name)
                return i;
        }
        return nullptr;
    }

    /// A popup (Dialog) by objectName; popups are QObjects, not items.
    QObject *popup(const QString &name) const { return m_window->findChild<QObject *>(name); }

    bool isOpen(QObject *popup) const { return popup && popup->property("opened").toBool(); }

    /// A shown button whose label (without mnemonic) is `label`, under `root` (the window by default).
    QQuickItem *button(const QString &label, QQuickItem *root = nullptr) const
    {
        for (QQuickItem *i : descendants(root ? root : m_window->contentItem())) {
            if (i->inherits("QQuickAbstractButton") && shown(i) && text(i).remove(u'&') == label)
                return i;
        }
        return nullptr;
    }

    /// A standard button of an open Dialog ("OK", "Cancel", "Save", "Discard").
    QQuickItem *dialogButton(QObject *dialog, const QString &label) const
    {
        return button(label, dialog->property("footer").value<QQuickItem *>());
    }

    void click(QQuickItem *target)
    {
        QVERIFY(target);
        QVERIFY2(shown(target), qPrintable(target->objectName() + " is not shown"));
        QTest::mouseClick(m_window, Qt::LeftButton, Qt::NoModifier, centreOf(target));
    }

    /// The editor form's row for the YAML path (e.g. "name", "description.purpose").
    QQuickItem *formRow(const QString &path) const
    {
        for (QQuickItem *i : descendants(item(QStringLiteral("editorForm")))) {
            if (i->objectName() == u"formRow" && i->property("path").toString() == path)
                return i;
        }
        return nullptr;
    }

    /// The shown one-line text field of the form row for `path`.
    QQuickItem *formField(const QString &path) const
    {
        for (QQuickItem *i : descendants(formRow(path))) {
            if (i->objectName() == u"formFieldText" && shown(i))
                return i;
        }
        return nullptr;
    }

    /// Types `value` key by key into the focused item (QTest::keyClicks takes only a QWidget in 6.4).
    void typeText(const QString &value)
    {
        for (const QChar c : value) {
            QVERIFY2(c.unicode() < 0x80, "typeText takes ASCII only");
            QTest::keyClick(m_window, char(c.unicode()));
        }
    }

    /// Clicks into the form field of `path`, selects its text and types `value` over it, key by key.
    void typeIntoField(const QString &path, const QString &value)
    {
        QQuickItem *field = nullptr;
        QTRY_VERIFY((field = formField(path)) != nullptr);
        click(field);
        QTRY_VERIFY(field->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_A, Qt::ControlModifier);
        typeText(value);
        QTRY_COMPARE(text(formField(path)), value);
    }

    /// The diff view with `id` selected, then its Edit button clicked: the editor shows that contract.
    void openInEditor(const QString &id)
    {
        m_app->open(QStringLiteral("contracts"), id);
        QTRY_VERIFY(text(item(QStringLiteral("contractTitle"))).contains(id));
        click(item(QStringLiteral("editContract")));
        QTRY_VERIFY(shown(item(QStringLiteral("editorFormPane"))));
        QCOMPARE(editor()->contractId(), id);
        QTRY_VERIFY(formRow(QStringLiteral("name")) != nullptr);
    }

public:
    /// HOME, the XDG folders and the runtime dir in a temporary folder, as gui.journeys has them.
    static void initMain() { windowdriver::isolateHome(); }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("Meshscope"));
        QCoreApplication::setApplicationName(QStringLiteral("meshscope"));
        QVERIFY(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation).startsWith(windowdriver::homePath()));

        m_mesh = inHome(QStringLiteral("mesh"));
        testsupport::copyTree(testsupport::source(QStringLiteral("resources/sample-mesh")), m_mesh);
        testsupport::setSignaturesRequired(m_mesh, false); // proposals here are made without a signing key

        // The app's work on the cache runs off the GUI thread (issue 19): any open here is recorded.
        meshscope::sql::guardThisThreadAgainstCacheOpens(true);
        m_settings = std::make_unique<AppSettings>();
        // Proposals are signed; git config is not read in a temporary HOME.
        m_settings->setIdentityEmail(QStringLiteral("tess.tester@northwind.example"));
        m_settings->setIdentityName(QStringLiteral("Tess Tester"));
        m_app = std::make_unique<AppController>(inHome(QStringLiteral("cache.sqlite")), QStringList{m_mesh},
                                                QStringLiteral("contracts"), QString());
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        m_engine = std::make_unique<QQmlApplicationEngine>();
        QVERIFY(meshscope::ui::loadMainWindow(*m_engine, {{QStringLiteral("width"), 1600}, {QStringLiteral("height"), 1000}}));
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        m_window->requestActivate();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QVERIFY(QTest::qWaitForWindowActive(m_window));

        m_app->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->syncing() && m_app->counts().value(QStringLiteral("contracts")).toInt() > 30,
                                 60000);
        QVERIFY(editor());
        QCOMPARE(editor()->sources(), QStringList{m_mesh});
    }

    /// Flow 1: an edit of an active contract in the form, Ctrl+S, the confirmation names the version
    /// the changes need (the text still says the active 1.0.0), OK writes the proposal next to the
    /// contract, and the Contracts area shows that proposal with its review.
    /// Areas are created when first shown (AreaLoader): an item opened in an area not created yet (search,
    /// "Show in lineage") is handed to its view once loaded, and the view stays when the user leaves it.
    void openingAnItemInAnAreaNotCreatedYetShowsIt()
    {
        QCOMPARE(m_window->property("area").toString(), QStringLiteral("contracts"));
        QVERIFY(!m_window->findChild<QObject *>(QStringLiteral("lineageController"))); // not created at start-up
        m_app->open(QStringLiteral("lineage"), QStringLiteral("order-events"));
        QTRY_COMPARE(m_window->property("area").toString(), QStringLiteral("lineage"));
        QObject *lineage = m_window->findChild<QObject *>(QStringLiteral("lineageController"));
        QVERIFY(lineage);
        QTRY_COMPARE(lineage->property("rootId").toString(), QStringLiteral("order-events"));
        QTRY_VERIFY(lineage->property("nodeCount").toInt() > 1);
        // Back to Contracts and again to Lineage: the same view, still on its node.
        QTest::keyClick(m_window, Qt::Key_4, Qt::ControlModifier);
        QTRY_COMPARE(m_window->property("area").toString(), QStringLiteral("contracts"));
        QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier);
        QTRY_COMPARE(m_window->property("area").toString(), QStringLiteral("lineage"));
        QCOMPARE(m_window->findChild<QObject *>(QStringLiteral("lineageController")), lineage);
        QCOMPARE(lineage->property("rootId").toString(), QStringLiteral("order-events"));
        QTest::keyClick(m_window, Qt::Key_4, Qt::ControlModifier);
        QTRY_COMPARE(m_window->property("area").toString(), QStringLiteral("contracts"));
    }

    /// Ctrl+K finds a table by its name (a hit of its own, under "Tables", naming its contract); opening it
    /// shows the contract with the diff scrolled to that table and the table named above it.
    void ctrlKOpensATableInItsContract()
    {
        QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
        QQuickItem *field = nullptr;
        QTRY_VERIFY((field = item(QStringLiteral("searchField"))) != nullptr && field->hasActiveFocus());
        typeText(QStringLiteral("order_events"));
        QQuickItem *table = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     table = nullptr;
                                     for (QQuickItem *i : descendants(m_window->contentItem())) {
                                         if (i->objectName() == u"searchHit" && shown(i) && i->property("kind").toString() == u"table"
                                             && i->property("object").toString() == u"order_events"
                                             && i->property("entityId").toString() == u"orders.order_events")
                                             table = i;
                                     }
                                     return table != nullptr;
                                 }()),
                                 10000);
        QVERIFY(!table->property("snippetMarkup").toString().contains(u'['));
        click(table);
        QTRY_COMPARE(m_window->property("area").toString(), QStringLiteral("contracts"));
        QTRY_VERIFY(shown(item(QStringLiteral("contractFocus"))));
        QTRY_VERIFY2(text(item(QStringLiteral("contractFocus"))).contains(QStringLiteral("order_events: line 37")),
                     qPrintable(text(item(QStringLiteral("contractFocus")))));
        QTRY_VERIFY(text(item(QStringLiteral("contractTitle"))).contains(QStringLiteral("orders.order_events")));
    }

    void ctrlSProposesTheEditOfAnActiveContract()
    {
        const QString id = QStringLiteral("payments.refunds");
        const QString active = m_mesh + QStringLiteral("/contracts/payments/payments.refunds.odcs.yaml");
        const QByteArray before = fileBytes(active);
        QVERIFY(before.contains("version: 1.0.0\nstatus: active\n"));

        openInEditor(id);
        QVERIFY(editor()->savesAsProposal());
        QCOMPARE(text(item(QStringLiteral("editorSave"))), QStringLiteral("Save as proposal"));
        const QString edited = QStringLiteral("Refunds as booked");
        typeIntoField(QStringLiteral("name"), edited);
        QTRY_VERIFY(editor()->dirty());
        QTRY_VERIFY(!editor()->validating() && editor()->proposalVersion() != QString());
        const QString version = editor()->proposalVersion();
        QCOMPARE(version, editor()->requiredVersion());
        QVERIFY2(version != u"1.0.0", qPrintable(version)); // raised above the active version

        QObject *confirm = popup(QStringLiteral("proposeDialog"));
        QVERIFY(confirm);
        QVERIFY(!isOpen(confirm));
        QTest::keyClick(m_window, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(isOpen(confirm));
        const QString question = text(item(QStringLiteral("proposeDialogText")));
        QVERIFY2(question.contains(QStringLiteral("Propose version %1 of %2").arg(version, id)), qPrintable(question));
        // Nothing is written until confirmed.
        const QString proposal =
            m_mesh + QStringLiteral("/contracts/payments/payments.refunds.v%1.proposed.odcs.yaml").arg(version);
        QVERIFY(!QFileInfo::exists(proposal));

        click(dialogButton(confirm, QStringLiteral("OK")));
        QTRY_VERIFY(!isOpen(confirm));
        QTRY_VERIFY2(QFileInfo::exists(proposal), qPrintable(proposal));
        const QByteArray written = fileBytes(proposal);
        QVERIFY2(written.contains(QStringLiteral("version: %1\n").arg(version).toUtf8()), written.constData());
        QVERIFY(written.contains("status: proposed\n"));
        QVERIFY(written.contains("name: " + edited.toUtf8() + "\n"));
        QCOMPARE(fileBytes(active), before); // the active contract stays as it was

        // Back in the Contracts area: the editor is closed and the diff compares the proposal, whose
        // review (started by the save) is shown beside the changes.
        QTRY_VERIFY(!shown(item(QStringLiteral("editorFormPane"))));
        QQuickItem *review = item(QStringLiteral("contractReview"));
        QVERIFY(review);
        QTRY_COMPARE_WITH_TIMEOUT(review->property("version").toString(), version, 20000);
        QTRY_VERIFY(shown(review));
        QCOMPARE(review->property("contractId").toString(), id);
        QTRY_VERIFY(text(item(QStringLiteral("contractTitle"))).contains(id));
        QVERIFY(QFileInfo::exists(m_mesh + QStringLiteral("/reviews/payments.refunds/") + version));
    }

    /// Flow 3: with an edit pending, Close (or opening another contract) asks Save/Discard/Cancel; Cancel
    /// keeps the edit in the field, Discard closes the editor and leaves the file byte for byte as it was.
    /// Switching area keeps the edit without asking.
    void leavingWithUnsavedEditsAsks()
    {
        const QString id = QStringLiteral("orders.returns");
        const QString file = m_mesh + QStringLiteral("/contracts/orders/orders.returns.odcs.yaml");
        const QByteArray before = fileBytes(file);
        QVERIFY(!before.isEmpty());

        openInEditor(id);
        const QString edited = QStringLiteral("Returns, not to be kept");
        typeIntoField(QStringLiteral("name"), edited);
        QTRY_VERIFY(editor()->dirty());

        QObject *leave = popup(QStringLiteral("leaveDialog"));
        QVERIFY(leave);
        click(item(QStringLiteral("editorClose")));
        QTRY_VERIFY(isOpen(leave));
        QVERIFY(dialogButton(leave, QStringLiteral("Save")));
        QVERIFY(dialogButton(leave, QStringLiteral("Discard")));

        click(dialogButton(leave, QStringLiteral("Cancel")));
        QTRY_VERIFY(!isOpen(leave));
        QVERIFY(shown(item(QStringLiteral("editorFormPane"))));
        QCOMPARE(editor()->contractId(), id);
        QVERIFY(editor()->dirty());
        QCOMPARE(text(formField(QStringLiteral("name"))), edited);
        QCOMPARE(fileBytes(file), before);

        // Switching area does not ask: the editor lives as long as the Contracts view, so the edit is
        // still there when coming back (ContractsView.qml).
        QTest::keyClick(m_window, Qt::Key_1, Qt::ControlModifier);
        QTRY_COMPARE(m_window->property("area").toString(), QStringLiteral("domains"));
        QVERIFY(!isOpen(leave));
        QTRY_VERIFY(!shown(item(QStringLiteral("editorFormPane"))));
        QTest::keyClick(m_window, Qt::Key_4, Qt::ControlModifier);
        QTRY_COMPARE(m_window->property("area").toString(), QStringLiteral("contracts"));
        QTRY_VERIFY(shown(item(QStringLiteral("editorFormPane"))));
        QVERIFY(editor()->dirty());
        QCOMPARE(text(formField(QStringLiteral("name"))), edited);

        // Leaving by opening another contract (search, a link) asks the same.
        m_app->open(QStringLiteral("contracts"), QStringLiteral("payments.refunds"));
        QTRY_VERIFY(isOpen(leave));
        click(dialogButton(leave, QStringLiteral("Cancel")));
        QTRY_VERIFY(!isOpen(leave));
        QCOMPARE(editor()->contractId(), id);
        QCOMPARE(text(formField(QStringLiteral("name"))), edited);

        click(item(QStringLiteral("editorClose")));
        QTRY_VERIFY(isOpen(leave));
        click(dialogButton(leave, QStringLiteral("Discard")));
        QTRY_VERIFY(!isOpen(leave));
        QTRY_VERIFY(!shown(item(QStringLiteral("editorFormPane"))));
        QVERIFY(!editor()->loaded());
        QCOMPARE(fileBytes(file), before);
        QVERIFY(QDir(m_mesh + QStringLiteral("/contracts/orders")).entryList({QStringLiteral("orders.returns*")}, QDir::Files)
                == QStringList{QStringLiteral("orders.returns.odcs.yaml")});
        // Nothing to restore either: opening it again shows the file's name, no autosave offer.
        openInEditor(id);
        QCOMPARE(text(formField(QStringLiteral("name"))), QStringLiteral("Returns"));
        QVERIFY(!editor()->hasAutosave());
        QVERIFY(!editor()->dirty());
        click(item(QStringLiteral("editorClose"))); // nothing unsaved: closes at once
        QTRY_VERIFY(!shown(item(QStringLiteral("editorFormPane"))));
        QVERIFY(!isOpen(leave));
    }

    /// Renaming in the form: a property's name (which also titles its group heading) and a schema object's
    /// name (which titles every group under it) are typed over key by key. Each keystroke used to rebuild
    /// the form, so the field lost focus after the first letter ("o" was all that was kept) and the form
    /// jumped to the top. The whole word lands in the field and the YAML, the field keeps the focus, the
    /// form stays where it was scrolled to, and one Ctrl+Z takes the whole rename back.
    void typingAWholeWordIntoAFormFieldKeepsFocus()
    {
        const QString id = QStringLiteral("orders.order_events");
        openInEditor(id);
        QQuickItem *list = item(QStringLiteral("editorForm"));
        QVERIFY(list);
        FormModel *form = editor()->form();
        const auto pathOfName = [form](const QString &value) {
            for (int r = 0; r < form->rowCount(); ++r) {
                const auto *row = form->row(r);
                if (row->value == value && !row->path.isEmpty() && row->path.last() == u"name" && row->path.size() > 2)
                    return row->path.join(u'.');
            }
            return QString();
        };
        const QString objectName = form->row(form->rowOfPath(QStringLiteral("schema.0.name")))->value;
        QVERIFY(!objectName.isEmpty());
        const QList<std::pair<QString, QString>> renames{{pathOfName(QStringLiteral("order_id")), QStringLiteral("order_ref")},
                                                         {QStringLiteral("schema.0.name"), QStringLiteral("order_changes")}};
        for (const auto &[path, word] : renames) {
            QVERIFY2(path.startsWith(u"schema.0."), qPrintable(path));
            // Scrolled well down the form, as a user would be to reach a property.
            const int row = form->rowOfPath(path);
            QVERIFY(row > 0);
            QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, row), Q_ARG(int, 1 /* ListView.Center */));
            QQuickItem *field = nullptr;
            QTRY_VERIFY((field = formField(path)) != nullptr);
            const QString old = text(field);
            QVERIFY(!old.isEmpty());
            const QPointer<QQuickItem> alive(field);
            click(field);
            QTRY_VERIFY(field->hasActiveFocus());
            const qreal scrolled = list->property("contentY").toReal();
            const QString oldLine = QStringLiteral("name: %1\n").arg(old);
            const int oldCount = editor()->text().count(oldLine);
            QTest::keyClick(m_window, Qt::Key_A, Qt::ControlModifier);
            typeText(word);

            // The same delegate: not destroyed and rebuilt under the typing.
            QVERIFY2(alive && formField(path) == field, "the field was rebuilt while typing");
            QCOMPARE(text(field), word);
            QVERIFY(field->hasActiveFocus());
            QCOMPARE(list->property("contentY").toReal(), scrolled);
            QVERIFY2(editor()->text().contains(QStringLiteral("name: %1\n").arg(word)), qPrintable(editor()->text()));
            QCOMPARE(editor()->text().count(oldLine), oldCount - 1);

            // One undo step for the whole word, from the keyboard in the field.
            QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
            QTRY_COMPARE(text(formField(path)), old);
            QCOMPARE(editor()->text().count(oldLine), oldCount);
        }
        QVERIFY(!editor()->dirty());
        click(item(QStringLiteral("editorClose")));
        QTRY_VERIFY(!shown(item(QStringLiteral("editorFormPane"))));
    }

    /// Ctrl+S says before OK what stops a proposal: errors (OK waits until they are fixed; it offered to propose
    /// with "2 error(s)" unmentioned) and a missing e-mail (asked in the dialog; it was said only after OK).
    void proposingSaysWhatBlocksItBeforeOk()
    {
        const QString id = QStringLiteral("fulfillment.pick_tasks");
        openInEditor(id);
        FormModel *form = editor()->form();
        const QString path = QStringLiteral("schema.0.properties.2.name");
        QCOMPARE(form->row(form->rowOfPath(path))->value, QStringLiteral("warehouse_id"));
        // Scrolled to the property (again, should the form be rebuilt once its validation is done).
        QTRY_VERIFY([&] {
            QMetaObject::invokeMethod(item(QStringLiteral("editorForm")), "positionViewAtIndex",
                                      Q_ARG(int, form->rowOfPath(path)), Q_ARG(int, 1 /* ListView.Center */));
            return formField(path) != nullptr;
        }());
        typeIntoField(path, QStringLiteral("task_id")); // the name of another property: an error
        QTRY_VERIFY(!editor()->validating() && editor()->errorCount() > 0);

        QObject *confirm = popup(QStringLiteral("proposeDialog"));
        QTest::keyClick(m_window, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(isOpen(confirm));
        QQuickItem *errors = item(QStringLiteral("proposeDialogErrors"));
        QTRY_VERIFY(shown(errors));
        QVERIFY2(text(errors).contains(QStringLiteral("error")), qPrintable(text(errors)));
        QVERIFY(!dialogButton(confirm, QStringLiteral("OK"))->isEnabled());
        click(dialogButton(confirm, QStringLiteral("Cancel")));
        QTRY_VERIFY(!isOpen(confirm));

        typeIntoField(path, QStringLiteral("warehouse_id"));
        QTRY_VERIFY(!editor()->validating() && editor()->errorCount() == 0);
        QTRY_VERIFY([&] {
            QMetaObject::invokeMethod(item(QStringLiteral("editorForm")), "positionViewAtIndex",
                                      Q_ARG(int, form->rowOfPath(QStringLiteral("name"))), Q_ARG(int, 1));
            return formField(QStringLiteral("name")) != nullptr;
        }());
        typeIntoField(QStringLiteral("name"), QStringLiteral("Pick tasks as done"));
        QTRY_VERIFY(!editor()->validating() && editor()->proposalVersion() != QString());

        AppSettings::instance()->setIdentityEmail({});
        QTest::keyClick(m_window, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(isOpen(confirm));
        QVERIFY(!shown(item(QStringLiteral("proposeDialogErrors"))));
        QQuickItem *email = item(QStringLiteral("proposeDialogEmail"));
        QTRY_VERIFY(shown(email));
        QVERIFY(!dialogButton(confirm, QStringLiteral("OK"))->isEnabled());
        click(email);
        QTRY_VERIFY(email->hasActiveFocus());
        typeText(QStringLiteral("tess.tester@northwind.example"));
        QTRY_VERIFY(dialogButton(confirm, QStringLiteral("OK"))->isEnabled());
        const QString version = editor()->proposalVersion();
        click(dialogButton(confirm, QStringLiteral("OK")));
        QTRY_VERIFY(!isOpen(confirm));
        QCOMPARE(AppSettings::instance()->identityEmail(), QStringLiteral("tess.tester@northwind.example"));
        const QString proposal =
            m_mesh + QStringLiteral("/contracts/fulfillment/fulfillment.pick_tasks.v%1.proposed.odcs.yaml").arg(version);
        QTRY_VERIFY2(QFileInfo::exists(proposal), qPrintable(proposal));
        QTRY_VERIFY(!shown(item(QStringLiteral("editorFormPane"))));
    }

    /// Flow 2: "New…" opens the template picker, filtering and clicking an output port opens the editor
    /// on a new contract with id, name and domain filled from the product.
    void newFromAnOutputPortTemplate()
    {
        QObject *picker = popup(QStringLiteral("templatePicker"));
        QVERIFY(picker);
        QVERIFY(!isOpen(picker));
        click(button(QStringLiteral("New…")));
        QTRY_VERIFY(isOpen(picker));

        // A port of a product with no contract for it yet.
        const QVariantList ports = picker->property("ports").toList();
        QVERIFY(ports.size() > 5);
        QVariantMap port;
        for (const QVariant &p : ports) {
            if (p.toMap().value(QStringLiteral("contractId")).toString().isEmpty()) {
                port = p.toMap();
                break;
            }
        }
        QVERIFY2(!port.isEmpty(), "every output port of the sample has a contract");
        const QString productName = port.value(QStringLiteral("productName")).toString();
        const QString domain = port.value(QStringLiteral("domainId")).toString();
        QVERIFY(!productName.isEmpty() && !domain.isEmpty());

        QQuickItem *filter = item(QStringLiteral("templateFilter"));
        QTRY_VERIFY(filter && filter->hasActiveFocus());
        typeText(productName);
        QCOMPARE(text(filter), productName);
        QQuickItem *choice = nullptr;
        int listed = 0;
        const auto findChoice = [&] {
            choice = nullptr;
            listed = 0;
            for (QQuickItem *i : descendants(item(QStringLiteral("templatePorts")))) {
                if (i->objectName() != u"templatePort" || !shown(i))
                    continue;
                ++listed;
                const QVariantMap data = i->property("modelData").toMap();
                if (data.value(QStringLiteral("productId")) == port.value(QStringLiteral("productId"))
                    && data.value(QStringLiteral("portName")) == port.value(QStringLiteral("portName")))
                    choice = i;
            }
            return choice != nullptr;
        };
        QTRY_VERIFY(findChoice());
        QVERIFY2(listed < ports.size(), "the filter did not narrow the list");

        click(choice);
        QTRY_VERIFY(!isOpen(picker));
        QTRY_VERIFY(shown(item(QStringLiteral("editorFormPane"))));
        QVERIFY(editor()->isNew());
        const QString id = editor()->contractId();
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY(text(item(QStringLiteral("editorTitle"))).startsWith(QStringLiteral("New contract ") + id));
        QTRY_VERIFY(formField(QStringLiteral("domain")) != nullptr);
        QCOMPARE(text(formField(QStringLiteral("id"))), id);
        QCOMPARE(text(formField(QStringLiteral("domain"))), domain);
        QVERIFY2(id.startsWith(domain + u'.'), qPrintable(id));
        QCOMPARE(text(formField(QStringLiteral("dataProduct"))), port.value(QStringLiteral("productId")).toString());
        QVERIFY(!text(formField(QStringLiteral("name"))).isEmpty());
        // Not written until saved.
        QVERIFY(!QFileInfo::exists(editor()->filePath()));
    }

    /// The review panel of the sample's proposal (orders.order_events 2.0.0): the discussion lies below the
    /// approvers, past the visible part of the panel at this size; scrolled to, its comments are drawn
    /// inside the panel's viewport (the screenshot test, which cannot scroll, checks only their layout).
    void reviewDiscussionIsDrawnWhenScrolledTo()
    {
        // Back from an editor an earlier flow may have left open (a new draft), dropping what it holds.
        if (shown(item(QStringLiteral("editorFormPane")))) {
            click(item(QStringLiteral("editorClose")));
            QObject *leave = popup(QStringLiteral("leaveDialog"));
            if (isOpen(leave))
                click(dialogButton(leave, QStringLiteral("Discard")));
            QTRY_VERIFY(!shown(item(QStringLiteral("editorFormPane"))));
        }
        m_app->open(QStringLiteral("contracts"), QStringLiteral("orders.order_events@2.0.0"));
        QQuickItem *scroll = nullptr;
        QTRY_VERIFY((scroll = item(QStringLiteral("reviewScroll"))) != nullptr && shown(scroll));
        QQuickItem *thread = nullptr;
        QTRY_VERIFY((thread = item(QStringLiteral("reviewThread"))) != nullptr && thread->height() > 100);
        QVERIFY2(thread->mapToItem(scroll, QPointF(0, 0)).y() > scroll->height() - 20,
                 "the discussion was expected below the visible part of the panel at 1600x1000");

        // Scroll so that the discussion's top sits at the top of the viewport, as the wheel or the bar would.
        const qreal maxY = std::max(0.0, scroll->property("contentHeight").toReal() - scroll->height());
        const qreal threadTop = thread->mapToItem(scroll->property("contentItem").value<QQuickItem *>(), QPointF(0, 0)).y();
        scroll->setProperty("contentY", std::min(threadTop, maxY));
        QTRY_VERIFY(thread->mapToItem(scroll, QPointF(0, 0)).y() < scroll->height() / 2);

        const QRectF viewport = scroll->mapRectToScene(QRectF(0, 0, scroll->width(), scroll->height()));
        const QRectF threadInView = thread->mapRectToScene(QRectF(0, 0, thread->width(), thread->height())).intersected(viewport);
        QVERIFY(threadInView.height() > 60);
        QImage shot;
        QTRY_VERIFY(!(shot = m_window->grabWindow()).isNull());
        const qreal dpr = shot.devicePixelRatio();
        const QRect inImage(qRound(threadInView.x() * dpr), qRound(threadInView.y() * dpr), qRound(threadInView.width() * dpr),
                            qRound(threadInView.height() * dpr));
        const int ink = screenshotcheck::inkPixels(shot, inImage);
        QVERIFY2(ink > 500, qPrintable(QString::number(ink)));

        // Authors' names are shown whole in a panel this wide (they were cut to ~80 px: "Tom Ache…").
        int authorLabels = 0;
        for (QQuickItem *i : descendants(thread)) {
            if (text(i) == u"Tom Achebe") {
                ++authorLabels;
                QVERIFY2(!i->property("truncated").toBool(), "an author's name is elided");
            }
        }
        QVERIFY(authorLabels >= 2);
    }

    /// Nothing in these flows opened the cache on the GUI thread outside the named debts (issue 19).
    void cleanupTestCase()
    {
        m_engine.reset();
        m_app.reset();
        m_settings.reset();
        const QStringList opens = meshscope::sql::unexpectedGuiThreadOpens();
        QVERIFY2(opens.isEmpty(), qPrintable(QStringLiteral("cache opened on the GUI thread %1 time(s): %2")
                                                 .arg(opens.size()).arg(opens.join(QStringLiteral(", ")))));
    }
};

QTEST_MAIN(TestEditorFlows)
#include "tst_editorflows.moc"
