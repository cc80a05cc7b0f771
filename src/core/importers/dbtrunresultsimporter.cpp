#include "formats.h"
#include "jsonsupport.h"

namespace meshscope::importers {

using namespace jsonsupport;

namespace {

/// "execute" timing of a result (dbt also reports "compile"); falls back to the last timing entry.
void executeTimes(const Json &result, QDateTime &started, QDateTime &completed)
{
    const Json *timing = arrayMember(result, "timing");
    if (!timing)
        return;
    for (const Json &t : *timing) {
        if (!t.is_object())
            continue;
        const QDateTime s = parseIsoDateTime(str(t, "started_at"));
        const QDateTime c = parseIsoDateTime(str(t, "completed_at"));
        if (str(t, "name") == u"execute" || !completed.isValid()) {
            started = s;
            completed = c;
        }
    }
}

/// test.<project>.<name>[.<hash>] -> name
QString testName(const QString &uniqueId)
{
    const QStringList parts = uniqueId.split(QLatin1Char('.'));
    return parts.size() >= 3 ? parts.at(2) : uniqueId;
}

} // namespace

void importDbtRunResults(const QByteArray &bytes, const QString &file, ImportResult &result)
{
    Json root;
    if (!parse(bytes, file, result, root))
        return;
    if (!root.is_object()) {
        result.error(file, 1, 1, QStringLiteral("run_results.json must be an object, not %1").arg(typeName(root)));
        return;
    }
    const Json *metadata = objectMember(root, "metadata");
    const QString invocation = metadata ? str(*metadata, "invocation_id") : QString();
    const QDateTime generated = metadata ? parseIsoDateTime(str(*metadata, "generated_at")) : QDateTime();
    const QString adapter = metadata ? str(*metadata, "adapter_type") : QString();
    const QString ns = adapter.isEmpty() ? QStringLiteral("dbt") : adapter + QStringLiteral("://");
    const Json *results = arrayMember(root, "results");
    if (!results) {
        result.error(file, 1, 1, QStringLiteral("run_results.json has no 'results' list"));
        return;
    }
    // Each result's place in the text, so that what is said about one names its line.
    const std::vector<TextPosition> places = arrayElementPositions(bytes, {"results"});
    int index = 0;
    for (const Json &r : *results) {
        const TextPosition at = elementPosition(places, size_t(index));
        ++index;
        if (!r.is_object()) {
            result.warning(file, at.line, at.column, QStringLiteral("result %1 is %2, not an object; skipped").arg(index).arg(typeName(r)));
            continue;
        }
        const QString uniqueId = str(r, "unique_id");
        const QString status = str(r, "status").toLower();
        if (uniqueId.isEmpty()) {
            result.warning(file, at.line, at.column, QStringLiteral("result %1 has no unique_id; skipped").arg(index));
            continue;
        }
        if (status == u"skipped" || status.isEmpty())
            continue; // nothing ran: no evidence either way
        QDateTime started;
        QDateTime completed;
        executeTimes(r, started, completed);
        if (!completed.isValid())
            completed = generated;
        if (!completed.isValid()) {
            result.warning(file, at.line, at.column, QStringLiteral("result '%1' has no completion time; skipped").arg(uniqueId));
            continue;
        }
        const QString relation = str(r, "relation_name").remove(QLatin1Char('"')).remove(QLatin1Char('`'));
        const QString dataset = relation.isEmpty() ? QString() : datasetId(ns, relation);
        const QString runId = (invocation.isEmpty() ? generated.toString(Qt::ISODate) : invocation) + QLatin1Char('/') + uniqueId;
        QString message = str(r, "message");
        if (const Json *failures = member(r, "failures"); failures && failures->is_number() && failures->get<double>() > 0)
            message = QStringLiteral("%1 failing rows").arg(failures->get<double>()) + (message.isEmpty() ? QString() : QStringLiteral("; ") + message);

        if (uniqueId.startsWith(QLatin1String("test."))) {
            // A test result. Its dataset and column come from the manifest (attached_node), which this
            // file does not carry: without a relation the result keeps the test's id, and the SLO
            // evaluation resolves it against the datasets' dbt checks.
            QualityResult q;
            q.datasetId = dataset.isEmpty() ? QStringLiteral("dbt-test/") + uniqueId : dataset;
            q.check = testName(uniqueId);
            q.success = status == u"pass" || status == u"success";
            q.time = completed;
            q.runId = runId;
            q.origin = QStringLiteral("dbt");
            q.message = status == u"warn" ? QStringLiteral("warn: ") + message : message;
            result.qualityResults.push_back(std::move(q));
            continue;
        }
        // A model, seed or snapshot build: a run of its own, writing its relation.
        RunEvent start;
        start.runId = runId;
        start.jobId = QStringLiteral("dbt/") + uniqueId;
        start.state = QStringLiteral("START");
        start.eventTime = started.isValid() ? started : completed;
        start.outputs = dataset.isEmpty() ? QStringList{QStringLiteral("dbt/") + uniqueId} : QStringList{dataset};
        RunEvent end = start;
        end.state = status == u"success" || status == u"pass" ? QStringLiteral("COMPLETE") : QStringLiteral("FAIL");
        end.eventTime = completed;
        result.runs.push_back(std::move(start));
        result.runs.push_back(std::move(end));
    }
}

} // namespace meshscope::importers
