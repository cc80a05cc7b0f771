#include "sloevaluation.h"

#include "dbttests.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace meshscope::slo {

QString statusName(Status s)
{
    switch (s) {
    case Status::Met: return QStringLiteral("met");
    case Status::Missed: return QStringLiteral("missed");
    case Status::NoEvidence: break;
    }
    return QStringLiteral("no evidence");
}

Evidence loadEvidence(sql::Connection &db)
{
    Evidence e;
    sql::Statement runs = db.prepare("SELECT run_id, job_id, state, event_time, inputs, outputs FROM runs "
                                     "ORDER BY event_time");
    while (runs.step()) {
        RunEvent r;
        r.runId = runs.text(0);
        r.jobId = runs.text(1);
        r.state = runs.text(2);
        r.eventTime = QDateTime::fromString(runs.text(3), Qt::ISODateWithMs);
        r.inputs = runs.text(4).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        r.outputs = runs.text(5).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        e.runs.push_back(std::move(r));
    }
    sql::Statement q = db.prepare("SELECT dataset_id, column_name, check_name, success, time, run_id, origin, message "
                                  "FROM quality_results ORDER BY time");
    while (q.step()) {
        QualityResult r;
        r.datasetId = q.text(0);
        r.column = q.text(1);
        r.check = q.text(2);
        r.success = q.int64(3) != 0;
        r.time = QDateTime::fromString(q.text(4), Qt::ISODateWithMs);
        r.runId = q.text(5);
        r.origin = q.text(6);
        r.message = q.text(7);
        e.results.push_back(std::move(r));
    }
    resolveDbtTests(db, e);
    return e;
}

QDateTime latestEvidence(const Evidence &evidence)
{
    QDateTime latest;
    for (const RunEvent &r : evidence.runs) {
        if (r.eventTime.isValid() && (!latest.isValid() || r.eventTime > latest))
            latest = r.eventTime;
    }
    for (const QualityResult &r : evidence.results) {
        if (r.time.isValid() && (!latest.isValid() || r.time > latest))
            latest = r.time;
    }
    return latest;
}

QString tableKey(const QString &datasetIdOrLocation)
{
    QString name = datasetIdOrLocation;
    const qsizetype scheme = name.indexOf(QLatin1String("://"));
    if (scheme >= 0)
        name = name.mid(scheme + 3);
    const qsizetype slash = name.lastIndexOf(QLatin1Char('/'));
    if (slash >= 0)
        name = name.mid(slash + 1);
    name = name.toLower().remove(QLatin1Char('"')).remove(QLatin1Char('`'));
    const QStringList parts = name.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    if (parts.size() < 2)
        return {};
    return parts.at(parts.size() - 2) + QLatin1Char('.') + parts.constLast();
}

namespace {

bool isTerminal(const QString &state)
{
    return state == u"COMPLETE" || state == u"FAIL" || state == u"ABORT";
}

/// Runs folded from their events: OpenLineage names outputs on START and COMPLETE alike (Marquez only
/// on START), so a run's outputs are the union over its events.
std::vector<RunOutcome> foldRuns(const Evidence &evidence, QHash<QString, std::vector<size_t>> &runsByKey)
{
    struct Acc {
        RunOutcome outcome;
        QSet<QString> keys;
    };
    QHash<QString, Acc> runs;
    QStringList order;
    for (const RunEvent &e : evidence.runs) {
        auto it = runs.find(e.runId);
        if (it == runs.end()) {
            it = runs.insert(e.runId, Acc{});
            it->outcome.runId = e.runId;
            order << e.runId;
        }
        Acc &a = *it;
        if (a.outcome.jobId.isEmpty())
            a.outcome.jobId = e.jobId;
        if (e.state == u"START" && (!a.outcome.started.isValid() || e.eventTime < a.outcome.started))
            a.outcome.started = e.eventTime;
        if (isTerminal(e.state) && (!a.outcome.ended.isValid() || e.eventTime >= a.outcome.ended)) {
            a.outcome.ended = e.eventTime;
            a.outcome.state = e.state;
        }
        for (const QString &o : e.outputs) {
            const QString key = tableKey(o);
            if (!key.isEmpty())
                a.keys.insert(key);
        }
    }
    std::vector<RunOutcome> out;
    for (const QString &id : std::as_const(order)) {
        const Acc &a = runs.value(id);
        if (!a.outcome.ended.isValid())
            continue; // still running: no outcome yet
        for (const QString &key : a.keys)
            runsByKey[key].push_back(out.size());
        out.push_back(a.outcome);
    }
    return out;
}

/// The "schema.table" keys of a product's outputs: port locations and its contracts' tables.
QStringList productKeys(const DataProduct &p, const governance::MeshData &mesh)
{
    QStringList keys;
    auto add = [&keys](const QString &k) {
        if (!k.isEmpty() && !keys.contains(k))
            keys << k;
    };
    for (const Port &port : p.outputPorts) {
        add(tableKey(port.location));
        if (const Contract *c = mesh.contract(port.contractId)) {
            QString schema;
            for (const Server &s : c->servers) {
                schema = s.details.value(QLatin1String("schema")).toString();
                if (!schema.isEmpty())
                    break;
            }
            for (const SchemaObject &o : c->schema) {
                const QString table = o.physicalName.isEmpty() ? o.name : o.physicalName;
                if (table.contains(QLatin1Char('.')))
                    add(tableKey(table));
                else if (!schema.isEmpty())
                    add(schema.toLower() + QLatin1Char('.') + table.toLower());
                else if (!p.domainId.isEmpty())
                    add(p.domainId.toLower() + QLatin1Char('.') + table.toLower());
            }
        }
    }
    return keys;
}

std::vector<ServiceLevel> promises(const DataProduct &p, const governance::MeshData &mesh)
{
    std::vector<ServiceLevel> out(p.slos.cbegin(), p.slos.cend());
    QSet<QString> seen;
    for (const Port &port : p.outputPorts) {
        const Contract *c = mesh.contract(port.contractId);
        if (!c || seen.contains(c->id))
            continue;
        seen.insert(c->id);
        out.insert(out.end(), c->sla.cbegin(), c->sla.cend());
    }
    // One promise per kind: the product's own first, then its first contract's.
    std::vector<ServiceLevel> unique;
    QSet<int> kinds;
    for (const ServiceLevel &l : out) {
        const Kind k = kindOf(l.property);
        if (k == Kind::Other || k == Kind::Retention || k == Kind::Frequency || kinds.contains(int(k)))
            continue;
        kinds.insert(int(k));
        unique.push_back(l);
    }
    return unique;
}

QString percentText(double v)
{
    return QString::number(v, 'f', v >= 99.5 && v < 100 ? 2 : 1) + QLatin1Char('%');
}

struct ProductEvidence {
    std::vector<const RunOutcome *> runs; ///< sorted by end time
    std::vector<const QualityResult *> results;
};

SloResult freshness(const ServiceLevel &l, const ProductEvidence &ev, const QDateTime &at,
                    const std::vector<QDateTime> &days)
{
    SloResult r;
    r.kind = Kind::Freshness;
    r.property = l.property;
    const qint64 target = durationSeconds(l);
    r.target = double(target);
    r.targetText = target < 0 ? l.value + l.unit : formatDuration(target);
    auto lastSuccessBefore = [&](const QDateTime &t) {
        QDateTime last;
        for (const RunOutcome *run : ev.runs) {
            if (run->state == u"COMPLETE" && run->ended <= t)
                last = run->ended;
        }
        return last;
    };
    auto statusAt = [&](const QDateTime &t, qint64 *age) {
        const QDateTime last = lastSuccessBefore(t);
        if (!last.isValid() || target < 0)
            return Status::NoEvidence;
        *age = last.secsTo(t);
        return *age <= target ? Status::Met : Status::Missed;
    };
    qint64 age = -1;
    r.status = statusAt(at, &age);
    const QDateTime last = lastSuccessBefore(at);
    if (r.status != Status::NoEvidence) {
        r.current = double(age);
        r.currentText = formatDuration(age);
        r.evidence = QStringLiteral("last successful load %1").arg(last.toString(Qt::ISODate));
    } else {
        r.currentText = QStringLiteral("—");
        r.evidence = target < 0 ? QStringLiteral("target '%1' is not a duration").arg(l.value)
                                : QStringLiteral("no successful run writes this product's tables");
    }
    for (const QDateTime &d : days) {
        qint64 a = -1;
        Point p{d, 0, statusAt(d, &a)};
        p.value = a < 0 ? 0 : double(a) / 3600.0; // hours, for charts
        r.history.push_back(p);
    }
    return r;
}

SloResult availability(const ServiceLevel &l, const ProductEvidence &ev, const QDateTime &at,
                       const std::vector<QDateTime> &days, int windowDays)
{
    SloResult r;
    r.kind = Kind::Availability;
    r.property = l.property;
    r.target = percentValue(l);
    r.targetText = r.target < 0 ? l.value : percentText(r.target);
    auto valueAt = [&](const QDateTime &t, int *total) {
        int ok = 0;
        *total = 0;
        const QDateTime from = t.addDays(-windowDays);
        for (const RunOutcome *run : ev.runs) {
            if (run->ended > t || run->ended <= from)
                continue;
            ++*total;
            ok += run->state == u"COMPLETE" ? 1 : 0;
        }
        return *total ? 100.0 * ok / *total : 0.0;
    };
    int total = 0;
    r.current = valueAt(at, &total);
    r.status = total == 0 || r.target < 0 ? Status::NoEvidence
                                          : (r.current + 1e-9 >= r.target ? Status::Met : Status::Missed);
    r.currentText = total ? percentText(r.current) : QStringLiteral("—");
    r.evidence = total ? QStringLiteral("%1 runs in the %2 days before, %3 failed or aborted")
                             .arg(total)
                             .arg(windowDays)
                             .arg(qRound(total * (100.0 - r.current) / 100.0))
                       : QStringLiteral("no runs in the %1 days before").arg(windowDays);
    for (const QDateTime &d : days) {
        int n = 0;
        const double v = valueAt(d, &n);
        r.history.push_back({d, v, n == 0 || r.target < 0 ? Status::NoEvidence : (v + 1e-9 >= r.target ? Status::Met : Status::Missed)});
    }
    return r;
}

/// Completeness from not-null checks, quality score from all checks: the share passing in their
/// latest result before each moment.
SloResult checkShare(const ServiceLevel &l, Kind kind, const ProductEvidence &ev, const QDateTime &at,
                     const std::vector<QDateTime> &days)
{
    SloResult r;
    r.kind = kind;
    r.property = l.property;
    r.target = percentValue(l);
    r.targetText = r.target < 0 ? l.value : percentText(r.target);
    auto valueAt = [&](const QDateTime &t, int *total) {
        QHash<QString, bool> latest;
        for (const QualityResult *q : ev.results) {
            if (q->time.isValid() && q->time > t)
                continue;
            const QString c = q->check.toLower();
            if (kind == Kind::Completeness && !c.contains(QLatin1String("null")) && !c.contains(QLatin1String("complete")))
                continue;
            latest.insert(q->datasetId + QLatin1Char('|') + q->column + QLatin1Char('|') + q->check, q->success);
        }
        *total = int(latest.size());
        int ok = 0;
        for (bool s : std::as_const(latest))
            ok += s ? 1 : 0;
        return *total ? 100.0 * ok / *total : 0.0;
    };
    int total = 0;
    r.current = valueAt(at, &total);
    r.status = total == 0 || r.target < 0 ? Status::NoEvidence
                                          : (r.current + 1e-9 >= r.target ? Status::Met : Status::Missed);
    r.currentText = total ? percentText(r.current) : QStringLiteral("—");
    r.evidence = total ? QStringLiteral("%1 checks, latest result of each").arg(total)
                       : QStringLiteral("no check results");
    for (const QDateTime &d : days) {
        int n = 0;
        const double v = valueAt(d, &n);
        r.history.push_back({d, v, n == 0 || r.target < 0 ? Status::NoEvidence : (v + 1e-9 >= r.target ? Status::Met : Status::Missed)});
    }
    return r;
}

} // namespace

SloReport evaluateSlos(const governance::MeshData &mesh, const Evidence &evidence, const Options &options)
{
    SloReport report;
    report.at = options.at.isValid() ? options.at : latestEvidence(evidence);
    if (!report.at.isValid())
        report.at = QDateTime::currentDateTimeUtc();
    const QDateTime at = report.at;
    std::vector<QDateTime> days;
    for (int i = std::max(1, options.historyDays) - 1; i >= 0; --i)
        days.push_back(at.addDays(-i));
    report.trend.resize(days.size());
    for (size_t i = 0; i < days.size(); ++i)
        report.trend[i].time = days[i];

    QHash<QString, std::vector<size_t>> runsByKey;
    const std::vector<RunOutcome> runs = foldRuns(evidence, runsByKey);
    QHash<QString, std::vector<const QualityResult *>> resultsByKey;
    for (const QualityResult &q : evidence.results)
        resultsByKey[tableKey(q.datasetId)].push_back(&q);

    // A day is observed when the mesh has any run or check in the 24 hours that end at it. On a day that
    // is not, nothing was watched: no SLO is met or missed then, it has no evidence (a gap in every
    // trend, not a drop to 0 %). A product that loads nothing while others do is still missed.
    std::vector<bool> observed(days.size(), false);
    const auto observe = [&](const QDateTime &t) {
        if (!t.isValid())
            return;
        for (size_t i = 0; i < days.size(); ++i) {
            if (t <= days[i] && t > days[i].addDays(-1))
                observed[i] = true;
        }
    };
    for (const RunEvent &e : evidence.runs)
        observe(e.eventTime);
    for (const QualityResult &q : evidence.results)
        observe(q.time);
    for (size_t i = 0; i < days.size(); ++i)
        report.trend[i].observed = observed[i];

    report.products.reserve(mesh.products.size());
    for (const DataProduct &p : mesh.products) {
        ProductSlo ps;
        ps.productId = p.id;
        ps.name = p.name;
        ps.domainId = p.domainId;
        ProductEvidence ev;
        QSet<size_t> seenRuns;
        const QStringList keys = productKeys(p, mesh);
        for (const QString &key : keys) {
            for (size_t i : runsByKey.value(key)) {
                if (!seenRuns.contains(i) && runs[i].ended <= at) {
                    seenRuns.insert(i);
                    ev.runs.push_back(&runs[i]);
                }
            }
            for (const QualityResult *q : resultsByKey.value(key)) {
                if (!q->time.isValid() || q->time <= at)
                    ev.results.push_back(q);
            }
            if (runsByKey.contains(key) || resultsByKey.contains(key))
                ps.datasets << key;
        }
        std::sort(ev.runs.begin(), ev.runs.end(), [](const RunOutcome *a, const RunOutcome *b) { return a->ended < b->ended; });
        for (const RunOutcome *r : ev.runs) {
            ps.runs.push_back(*r);
            if (r->state == u"COMPLETE")
                ps.lastUpdate = r->ended;
        }

        for (const ServiceLevel &l : promises(p, mesh)) {
            switch (kindOf(l.property)) {
            case Kind::Freshness: ps.slos.push_back(freshness(l, ev, at, days)); break;
            case Kind::Availability: ps.slos.push_back(availability(l, ev, at, days, 7)); break;
            case Kind::Completeness: ps.slos.push_back(checkShare(l, Kind::Completeness, ev, at, days)); break;
            case Kind::QualityScore: ps.slos.push_back(checkShare(l, Kind::QualityScore, ev, at, days)); break;
            default: break;
            }
        }

        QMap<QString, CheckHistory> checks;
        for (const QualityResult *q : ev.results) {
            CheckHistory &h = checks[q->datasetId + QLatin1Char('|') + q->column + QLatin1Char('|') + q->check];
            h.datasetId = q->datasetId;
            h.column = q->column;
            h.check = q->check;
            h.results.push_back(*q);
            h.lastSuccess = q->success;
            h.failures += q->success ? 0 : 1;
        }
        for (const CheckHistory &h : std::as_const(checks)) {
            ps.failingChecks += h.lastSuccess ? 0 : 1;
            ps.checks.push_back(h);
        }

        bool anyMissed = false;
        bool anyMet = false;
        for (const SloResult &s : ps.slos) {
            anyMissed = anyMissed || s.status == Status::Missed;
            anyMet = anyMet || s.status == Status::Met;
            ps.stale = ps.stale || (s.kind == Kind::Freshness && s.status == Status::Missed);
        }
        ps.overall = anyMissed ? Status::Missed : anyMet ? Status::Met : Status::NoEvidence;
        for (SloResult &s : ps.slos) {
            for (size_t i = 0; i < days.size() && i < s.history.size(); ++i) {
                if (!observed[i])
                    s.history[i].status = Status::NoEvidence;
            }
        }
        for (size_t i = 0; i < days.size(); ++i) {
            bool missed = false;
            bool met = false;
            for (const SloResult &s : ps.slos) {
                missed = missed || s.history[i].status == Status::Missed;
                met = met || s.history[i].status == Status::Met;
            }
            const Status st = missed ? Status::Missed : met ? Status::Met : Status::NoEvidence;
            ps.history.push_back({days[i], st == Status::Met ? 100.0 : 0.0, st});
            if (st != Status::NoEvidence) {
                report.trend[i].evaluated++;
                report.trend[i].met += st == Status::Met ? 1 : 0;
            }
        }
        report.met += ps.overall == Status::Met ? 1 : 0;
        report.missed += ps.overall == Status::Missed ? 1 : 0;
        report.noEvidence += ps.overall == Status::NoEvidence ? 1 : 0;
        report.stale += ps.stale ? 1 : 0;
        report.failingChecks += ps.failingChecks;
        report.products.push_back(std::move(ps));
    }
    return report;
}

} // namespace meshscope::slo
