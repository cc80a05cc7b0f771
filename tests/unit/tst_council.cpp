#include "cache/cachefile.h"
#include "council/agenda.h"
#include "council/meeting.h"
#include "council/minutes.h"
#include "export/viewexport.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace meshscope;
using namespace meshscope::council;

namespace {

AgendaItem item(const QString &key, AgendaKind kind)
{
    AgendaItem i;
    i.key = key;
    i.kind = kind;
    return i;
}

} // namespace

/// The council's agenda from the sample mesh, and meetings recorded, saved and turned into minutes.
class TestCouncil : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    sql::Connection m_db;
    const AgendaContext m_context{QDateTime(QDate(2026, 11, 22), QTime(9, 0), Qt::UTC), {}};

    const AgendaItem *find(const std::vector<AgendaItem> &items, const QString &key)
    {
        for (const AgendaItem &i : items)
            if (i.key == key)
                return &i;
        return nullptr;
    }

    Meeting sampleMeeting()
    {
        AgendaItem a;
        a.key = QStringLiteral("proposal:orders.order_events@2.0.0");
        a.kind = AgendaKind::Proposal;
        a.subjectId = QStringLiteral("orders.order_events@2.0.0");
        a.title = QStringLiteral("Order events 1.3.0 → 2.0.0");
        a.reason = QStringLiteral("3 breaking change(s)");
        AgendaItem b;
        b.key = QStringLiteral("new-product:loyalty-points-ledger");
        b.kind = AgendaKind::NewProduct;
        b.subjectId = QStringLiteral("loyalty-points-ledger");
        b.title = QStringLiteral("Loyalty *points* ledger");
        Meeting m = startMeeting(QStringLiteral("Mesh Governance Council"), m_context.now, {a, b});
        m.attendees = {QStringLiteral("Maria Keller"), QStringLiteral("Tom_Okafor")};
        return m;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString cache = m_dir.filePath(QStringLiteral("cache.sqlite"));
        SyncEngine(cache).run({testsupport::source(QStringLiteral("resources/sample-mesh"))});
        m_db = cache::openCache(cache, true);
    }

    void agendaHasTheBreakingProposalFirst()
    {
        const auto items = AgendaBuilder::withDefaultProviders().build(m_db, m_context);
        QVERIFY(!items.empty());
        const AgendaItem &first = items.front();
        QCOMPARE(first.key, QStringLiteral("proposal:orders.order_events@2.0.0"));
        QCOMPARE(first.kind, AgendaKind::Proposal);
        QVERIFY2(first.reason.startsWith(QStringLiteral("3 breaking")), qPrintable(first.reason));
        QCOMPARE(first.minutes, 10);
        // The council sees the diff summary, the version verdict and whom it breaks.
        QVERIFY2(first.evidence.join(u'\n').contains(QStringLiteral("3 breaking, 1 non-breaking, 4 info")),
                 qPrintable(first.evidence.join(u'\n')));
        QVERIFY2(first.evidence.join(u'\n').contains(QStringLiteral("breaks 10 products in 7 domains")),
                 qPrintable(first.evidence.join(u'\n')));
    }

    void agendaListsTheDraftProductAwaitingApproval()
    {
        const auto items = AgendaBuilder::withDefaultProviders().build(m_db, m_context);
        const AgendaItem *ledger = find(items, QStringLiteral("new-product:loyalty-points-ledger"));
        QVERIFY(ledger);
        QCOMPARE(ledger->domainId, QStringLiteral("loyalty"));
        QVERIFY(ledger->reason.contains(QStringLiteral("draft")));
        // Active products are not on the agenda.
        for (const AgendaItem &i : items)
            QVERIFY2(i.kind != AgendaKind::NewProduct || i.subjectId == QStringLiteral("loyalty-points-ledger"),
                     qPrintable(i.key));
    }

    /// The sample's two definitions of average_order_value differ: one agenda item for the council (issue 23),
    /// after the governance errors and before the SLO breaches, its evidence naming both definitions.
    void agendaHasTheInconsistentMetric()
    {
        const auto items = AgendaBuilder::withDefaultProviders().build(m_db, m_context);
        const AgendaItem *metric = find(items, QStringLiteral("metric:average_order_value"));
        QVERIFY(metric);
        QCOMPARE(metric->kind, AgendaKind::MetricInconsistency);
        QCOMPARE(kindId(metric->kind), QStringLiteral("metric"));
        QCOMPARE(kindFromId(QStringLiteral("metric")), std::optional<AgendaKind>(AgendaKind::MetricInconsistency));
        QCOMPARE(metric->title, QStringLiteral("average_order_value: 2 definitions"));
        QCOMPARE(metric->evidence.size(), 1);
        QVERIFY2(metric->evidence.front().contains(QStringLiteral("finance.average_order_value"))
                     && metric->evidence.front().contains(QStringLiteral("orders.average_order_value")),
                 qPrintable(metric->evidence.front()));
        int metricAt = -1, lastGovernance = -1, firstSlo = -1;
        for (int i = 0; i < int(items.size()); ++i) {
            if (items[size_t(i)].kind == AgendaKind::GovernanceError)
                lastGovernance = i;
            if (items[size_t(i)].kind == AgendaKind::SloBreach && firstSlo < 0)
                firstSlo = i;
            if (&items[size_t(i)] == metric)
                metricAt = i;
        }
        QVERIFY(lastGovernance < metricAt && (firstSlo < 0 || metricAt < firstSlo));
        int metricItems = 0;
        for (const AgendaItem &i : items)
            metricItems += i.kind == AgendaKind::MetricInconsistency ? 1 : 0;
        QCOMPARE(metricItems, 1); // the sample's other metrics agree or stand alone
    }

    void agendaHasGovernanceErrorsAndSloBreaches()
    {
        const auto items = AgendaBuilder::withDefaultProviders().build(m_db, m_context);
        QStringList governance, slo;
        for (const AgendaItem &i : items) {
            if (i.kind == AgendaKind::GovernanceError)
                governance << i.domainId + u'/' + i.subjectId;
            if (i.kind == AgendaKind::SloBreach)
                slo << i.domainId + u'/' + i.subjectId;
        }
        // The sample mesh's payments products break the payments policy; inventory's stock levels are stale.
        QVERIFY2(governance.filter(QStringLiteral("payments/")).size() >= 1, qPrintable(governance.join(u' ')));
        QVERIFY2(slo.filter(QStringLiteral("inventory/")).size() >= 1, qPrintable(slo.join(u' ')));
        // Every governance item says why, with the rule and what to do about it.
        for (const AgendaItem &i : items) {
            if (i.kind == AgendaKind::GovernanceError) {
                QVERIFY2(i.reason.contains(QStringLiteral("governance error")), qPrintable(i.reason));
                QVERIFY(!i.evidence.isEmpty());
                QVERIFY2(i.evidence.first().contains(QStringLiteral(" — ")), qPrintable(i.evidence.first()));
            }
        }
    }

    /// A large mesh: every generated product misses some metadata. One item per product made 11,934 items
    /// for 10,000 products; a domain with more than a few failing products is now one item for all of them.
    void manyFailingProductsOfADomainFoldIntoOneItem()
    {
        const QString mesh = m_dir.filePath(QStringLiteral("generated"));
        QProcess gen;
        gen.start(QStringLiteral(MESHSCOPE_BINARY),
                  {"generate", "--out", mesh, "--products", "300", "--domains", "5", "--seed", "11"});
        QVERIFY(gen.waitForFinished(120000) && gen.exitCode() == 0);
        const QString cachePath = m_dir.filePath(QStringLiteral("generated.sqlite"));
        QVERIFY(SyncEngine(cachePath).run({mesh}).fatalError.isEmpty());
        sql::Connection db = cache::openCache(cachePath, true);
        const auto items = productsWithGovernanceErrors(db, m_context);
        QVERIFY(!items.empty());
        // SLO breaches fold the same way: at most a few items per domain.
        QMap<QString, int> sloPerDomain;
        for (const AgendaItem &i : productsWithSloBreaches(db, m_context))
            ++sloPerDomain[i.domainId];
        for (auto it = sloPerDomain.cbegin(); it != sloPerDomain.cend(); ++it)
            QVERIFY2(it.value() <= kMaxAgendaItemsPerDomain, qPrintable(it.key()));
        QMap<QString, int> perDomain;
        for (const AgendaItem &i : items)
            ++perDomain[i.domainId];
        for (auto it = perDomain.cbegin(); it != perDomain.cend(); ++it)
            QVERIFY2(it.value() <= kMaxAgendaItemsPerDomain, qPrintable(it.key()));
        const AgendaItem &folded = items.front(); // the most evidence first
        QVERIFY2(folded.key.startsWith(QStringLiteral("governance:domain:")), qPrintable(folded.key));
        QCOMPARE(folded.subjectId, folded.domainId);
        QVERIFY2(folded.reason.contains(QStringLiteral("products with governance errors")), qPrintable(folded.reason));
        // Which rules fail how often, with an example each, and the lowest scores by name.
        QVERIFY2(folded.evidence.first().contains(QStringLiteral(" products, e.g. ")), qPrintable(folded.evidence.first()));
        QVERIFY2(folded.evidence.last().startsWith(QStringLiteral("worst first: ")), qPrintable(folded.evidence.last()));
        QCOMPARE(folded.minutes, 10);
    }

    void builderKeepsKindOrderAndDropsDuplicateKeys()
    {
        AgendaBuilder builder;
        builder.addProvider([](sql::Connection &, const AgendaContext &) {
            const AgendaItem slo = item(QStringLiteral("slo:p"), AgendaKind::SloBreach);
            return std::vector<AgendaItem>{item(QStringLiteral("new-product:p"), AgendaKind::NewProduct), slo, slo};
        });
        builder.addProvider([](sql::Connection &, const AgendaContext &) {
            return std::vector<AgendaItem>{item(QStringLiteral("proposal:c@2"), AgendaKind::Proposal)};
        });
        const auto items = builder.build(m_db, m_context);
        QCOMPARE(items.size(), size_t(3));
        QCOMPARE(items[0].key, QStringLiteral("proposal:c@2"));
        QCOMPARE(items[1].key, QStringLiteral("slo:p"));
        QCOMPARE(items[2].key, QStringLiteral("new-product:p"));
    }

    void aSecondDecisionOnAnItemReplacesTheFirst()
    {
        Meeting m = sampleMeeting();
        m.decide({QStringLiteral("proposal:orders.order_events@2.0.0"), Outcome::Defer, QStringLiteral("wait for fraud"), {}});
        m.decide({QStringLiteral("proposal:orders.order_events@2.0.0"), Outcome::Approve, QStringLiteral("fraud agreed"), {}});
        QCOMPARE(m.decisions.size(), size_t(1));
        QCOMPARE(m.decisionFor(QStringLiteral("proposal:orders.order_events@2.0.0"))->outcome, Outcome::Approve);
        QVERIFY(!m.decisionFor(QStringLiteral("new-product:loyalty-points-ledger")));
    }

    void meetingSurvivesSaveAndLoad()
    {
        Meeting m = sampleMeeting();
        QCOMPARE(m.id, QStringLiteral("2026-11-22-mesh-governance-council"));
        m.decide({m.agenda[0].key, Outcome::Approve, QStringLiteral("ok"), m_context.now});
        m.actions.push_back({m.agenda[1].key, QStringLiteral("Add a contract to the ledger port"),
                             QStringLiteral("Priya Natarajan"), QDate(2026, 12, 6)});
        m.notes = QStringLiteral("Next meeting in two weeks.");
        const QString path = m_dir.filePath(QStringLiteral("meeting.json"));
        QString error;
        QVERIFY2(saveMeeting(m, path, &error), qPrintable(error));
        // Nothing but the file itself is left beside it (the temporary file was renamed).
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("meeting.json*")}, QDir::Files | QDir::Hidden).size(), 1);

        const auto loaded = loadMeeting(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->id, m.id);
        QCOMPARE(loaded->attendees, m.attendees);
        QCOMPARE(loaded->agenda.size(), size_t(2));
        QCOMPARE(loaded->agenda[1].kind, AgendaKind::NewProduct);
        QCOMPARE(loaded->decisionFor(m.agenda[0].key)->outcome, Outcome::Approve);
        QCOMPARE(loaded->actions.at(0).due, QDate(2026, 12, 6));
        QCOMPARE(loaded->notes, m.notes);
        QCOMPARE(toJson(*loaded), toJson(m));
    }

    void badMeetingFilesSayWhatIsWrong()
    {
        QString error;
        QVERIFY(!meetingFromJson(QJsonObject{{QStringLiteral("title"), QStringLiteral("x")}}, &error));
        QVERIFY2(error.contains(QStringLiteral("meshscopeMeeting")), qPrintable(error));

        QJsonObject o = toJson(sampleMeeting());
        o.insert(QStringLiteral("decisions"),
                 QJsonArray{QJsonObject{{QStringLiteral("item"), QStringLiteral("k")},
                                        {QStringLiteral("outcome"), QStringLiteral("maybe")}}});
        QVERIFY(!meetingFromJson(o, &error));
        QVERIFY2(error.contains(QStringLiteral("'maybe'")), qPrintable(error));

        const QString broken = m_dir.filePath(QStringLiteral("broken.json"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"meshscopeMeeting\": 1, \"agenda\": [");
        f.close();
        QVERIFY(!loadMeeting(broken, &error));
        QVERIFY2(error.startsWith(broken), qPrintable(error));
    }

    void minutesListAttendeesDecisionsAndActions()
    {
        Meeting m = sampleMeeting();
        m.decide({m.agenda[0].key, Outcome::Approve, QStringLiteral("sunset 1.3.0 in 90 days"), {}});
        m.actions.push_back({m.agenda[1].key, QStringLiteral("Add a contract"), QStringLiteral("Priya"),
                             QDate(2026, 12, 6)});
        const QString md = minutesMarkdown(m, [](const QString &ref) {
            return QStringLiteral("contracts/%1.html").arg(QString(ref).replace(u'@', u'-'));
        });
        QVERIFY(md.startsWith(QStringLiteral("# Mesh Governance Council\n")));
        QVERIFY2(md.contains(QStringLiteral("- Maria Keller\n")), qPrintable(md));
        QVERIFY2(md.contains(QStringLiteral("- Tom\\_Okafor\n")), qPrintable(md)); // escaped, shown as written
        QVERIFY2(md.contains(QStringLiteral("[Order events 1.3.0 → 2.0.0](contracts/orders.order_events-2.0.0.html)")),
                 qPrintable(md));
        QVERIFY(md.contains(QStringLiteral("**Approved**: sunset 1.3.0 in 90 days")));
        QVERIFY(md.contains(QStringLiteral("Loyalty \\*points\\* ledger")));
        QVERIFY(md.contains(QStringLiteral("Not decided.")));
        QVERIFY(md.contains(QStringLiteral("| Add a contract | Priya | 2026-12-06 |")));
        // The action names the item it was added under (item 2, as numbered under Decisions).
        QVERIFY2(md.contains(QStringLiteral("| 2. Loyalty \\*points\\* ledger | Add a contract | Priya | 2026-12-06 |")),
                 qPrintable(md));
    }

    /// The PDF the CLI writes shows the minutes as text: no Markdown markup (it printed ###, **Approved**,
    /// |---|), and the action still names its item.
    void minutesTextHasNoMarkup()
    {
        Meeting m = sampleMeeting();
        m.decide({m.agenda[0].key, Outcome::Approve, QStringLiteral("sunset 1.3.0 in 90 days"), {}});
        m.actions.push_back({m.agenda[1].key, QStringLiteral("Add a contract"), QStringLiteral("Priya"), QDate(2026, 12, 6)});
        const QString text = minutesText(m);
        QVERIFY(text.startsWith(QStringLiteral("# Mesh Governance Council\n")));
        QVERIFY2(text.contains(QStringLiteral("Approved: sunset 1.3.0 in 90 days")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Loyalty *points* ledger")), qPrintable(text)); // as written, not escaped
        QVERIFY2(text.contains(QStringLiteral("Add a contract — Priya, due 2026-12-06 (item 2. Loyalty *points* ledger)")),
                 qPrintable(text));
        for (const char *markup : {"**", "###", "|---", "\\"})
            QVERIFY2(!text.contains(QLatin1String(markup)), markup);
    }

    /// "next week" was rejected keystroke by keystroke and the action added without a date.
    void dueDatesAsPeopleWriteThem()
    {
        const QDate monday(2026, 12, 7);
        QCOMPARE(parseDueDate(QStringLiteral("2026-12-14"), monday), std::optional<QDate>(QDate(2026, 12, 14)));
        QCOMPARE(parseDueDate(QStringLiteral(" Next week "), monday), std::optional<QDate>(QDate(2026, 12, 14)));
        QCOMPARE(parseDueDate(QStringLiteral("tomorrow"), monday), std::optional<QDate>(QDate(2026, 12, 8)));
        QCOMPARE(parseDueDate(QStringLiteral("in 3 days"), monday), std::optional<QDate>(QDate(2026, 12, 10)));
        QCOMPARE(parseDueDate(QStringLiteral("in 2 weeks"), monday), std::optional<QDate>(QDate(2026, 12, 21)));
        QCOMPARE(parseDueDate(QStringLiteral("friday"), monday), std::optional<QDate>(QDate(2026, 12, 11)));
        QCOMPARE(parseDueDate(QStringLiteral("monday"), monday), std::optional<QDate>(QDate(2026, 12, 14)));
        QCOMPARE(parseDueDate(QString(), monday), std::optional<QDate>(QDate()));
        QVERIFY(!parseDueDate(QStringLiteral("next weak"), monday));
        QVERIFY(!parseDueDate(QStringLiteral("2026-13-40"), monday));
    }

    /// A deferral does not settle an item: "3 decided" counted it.
    void aDeferralIsNotADecision()
    {
        Meeting m = sampleMeeting();
        m.decide({m.agenda[0].key, Outcome::Defer, {}, {}});
        QCOMPARE(settledCount(m), 0);
        m.decide({m.agenda[1].key, Outcome::Action, {}, {}});
        QCOMPARE(settledCount(m), 1);
    }

    /// `meshscope export --view council` without --select exports today's meeting as saved in the mesh
    /// folder (it ignored the saved decisions and titled a fresh one "Data council").
    void exportWithoutSelectReadsTodaysSavedMeeting()
    {
        const QString mesh = m_dir.filePath(QStringLiteral("mesh-export"));
        testsupport::copyTree(testsupport::source(QStringLiteral("resources/sample-mesh")), mesh);
        const QString cache = m_dir.filePath(QStringLiteral("export.sqlite"));
        QVERIFY(SyncEngine(cache).run({mesh}).fatalError.isEmpty());
        sql::Connection db = cache::openCache(cache, true);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const std::vector<AgendaItem> agenda = AgendaBuilder::withDefaultProviders().build(db, {now, {}});
        QVERIFY(!agenda.empty());
        QString path, error;
        Meeting today = todaysMeeting(meetingsFolder({mesh}, {}), defaultMeetingTitle(), now, agenda, &path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(path.startsWith(mesh + QStringLiteral("/council/meetings/")));
        today.decide({today.agenda[0].key, Outcome::Reject, QStringLiteral("consumers not ready"), now});
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QVERIFY2(saveMeeting(today, path, &error), qPrintable(error));

        const QString text = exporting::councilMinutes(db, {}).text;
        QVERIFY2(text.startsWith(QStringLiteral("# Mesh Governance Council")), qPrintable(text.left(200)));
        QVERIFY2(text.contains(QStringLiteral("Rejected: consumers not ready")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("Data council")));
    }
};

QTEST_GUILESS_MAIN(TestCouncil)
#include "tst_council.moc"
