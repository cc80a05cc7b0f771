#include "commands.h"
#include "commonoptions.h"

#include "cache/cachefile.h"
#include "cache/metricreader.h"
#include "governance/metricrules.h"
#include "metrics/metricpage.h"
#include "model/serialization.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <map>

namespace meshscope::cli {

namespace {

/// Document text as one terminal line: control characters (escape sequences, line breaks) become '?',
/// so that a hostile name cannot move the cursor or fake other output.
QString plain(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = QLatin1Char('?');
    }
    return out;
}

std::vector<governance::MetricDefinition> definitionsOf(const std::vector<cache::MetricRecord> &records)
{
    std::vector<governance::MetricDefinition> out;
    out.reserve(records.size());
    for (const cache::MetricRecord &r : records)
        out.push_back({r.metric, r.path});
    return out;
}

QJsonObject violationJson(const governance::Violation &v)
{
    return {{QStringLiteral("rule"), v.rule}, {QStringLiteral("severity"), governance::severityName(v.severity)},
            {QStringLiteral("target"), v.target}, {QStringLiteral("message"), v.message},
            {QStringLiteral("remediation"), v.remediation}};
}

int listMetrics(QTextStream &out, const std::vector<cache::MetricRecord> &records,
                const std::vector<governance::Violation> &warnings, bool json)
{
    if (json) {
        QJsonArray metrics;
        for (const cache::MetricRecord &r : records) {
            QJsonObject o = json::toJson(r.metric);
            o.insert(QStringLiteral("path"), r.path);
            metrics.append(o);
        }
        QJsonArray problems;
        for (const governance::Violation &v : warnings)
            problems.append(violationJson(v));
        out << QJsonDocument(QJsonObject{{QStringLiteral("metrics"), metrics}, {QStringLiteral("warnings"), problems}})
                   .toJson(QJsonDocument::Indented);
        return Success;
    }
    std::map<QString, std::vector<const cache::MetricRecord *>> byDomain;
    for (const cache::MetricRecord &r : records)
        byDomain[r.metric.domainId].push_back(&r);
    for (const auto &[domain, list] : byDomain) {
        out << (domain.isEmpty() ? QStringLiteral("(no domain)") : plain(domain)) << "  " << list.size() << " metrics\n";
        for (const cache::MetricRecord *r : list) {
            out << "  " << plain(r->metric.id) << "  " << plain(r->metric.type);
            if (!r->metric.owner.isEmpty())
                out << "  " << plain(r->metric.owner);
            out << "\n";
        }
    }
    out << records.size() << " metrics in " << byDomain.size() << " domains";
    if (!warnings.empty()) {
        out << "; " << warnings.size() << " inconsistent definitions:\n";
        for (const governance::Violation &v : warnings)
            out << "  warning " << v.rule << "  " << plain(v.message) << "\n";
    } else {
        out << "\n";
    }
    return Success;
}

int showMetric(QTextStream &out, QTextStream &err, sql::Connection &db, const QString &wanted, bool json)
{
    const std::optional<metrics::MetricPage> page = metrics::metricPage(db, wanted);
    if (!page) {
        err << "meshscope metrics: no metric '" << plain(wanted)
            << "' (give an id, or a name only one metric has; 'meshscope metrics list' shows them)" << Qt::endl;
        return BadUsage;
    }
    const Metric &m = page->record.metric;
    if (json) {
        QJsonObject o = json::toJson(m);
        o.insert(QStringLiteral("path"), page->record.path);
        o.insert(QStringLiteral("source"), page->record.source);
        QJsonArray inputs;
        for (const metrics::InputView &v : page->inputs) {
            QJsonObject i{{QStringLiteral("kind"), v.input.kind}, {QStringLiteral("ref"), v.input.ref},
                          {QStringLiteral("target"), v.input.target}, {QStringLiteral("label"), v.label},
                          {QStringLiteral("inMesh"), v.inMesh}};
            if (!v.freshness.isEmpty())
                i.insert(QStringLiteral("freshness"), v.freshness);
            if (!v.freshnessIssue.isEmpty())
                i.insert(QStringLiteral("freshnessIssue"), v.freshnessIssue);
            inputs.append(i);
        }
        o.insert(QStringLiteral("inputs"), inputs);
        o.insert(QStringLiteral("usedBy"), QJsonArray::fromStringList(page->usedBy));
        QJsonArray problems;
        for (const governance::Violation &v : page->warnings)
            problems.append(violationJson(v));
        o.insert(QStringLiteral("warnings"), problems);
        QJsonArray versions;
        for (const cache::Change &c : page->versions) {
            versions.append(QJsonObject{{QStringLiteral("at"), c.at.toString(Qt::ISODateWithMs)},
                                        {QStringLiteral("change"), c.change},
                                        {QStringLiteral("fields"), QJsonArray::fromStringList(c.fields)}});
        }
        o.insert(QStringLiteral("versions"), versions);
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return Success;
    }
    auto line = [&](const char *label, const QString &value) {
        if (!value.isEmpty())
            out << qSetFieldWidth(12) << Qt::left << label << qSetFieldWidth(0) << plain(value) << "\n";
    };
    line("metric", m.id);
    line("name", m.name);
    line("label", m.label);
    line("domain", m.domainId);
    line("owner", m.owner);
    line("type", m.type);
    line("expression", m.expression);
    line("filter", m.filter);
    line("dimensions", m.dimensions.join(QStringLiteral(", ")));
    line("freshness", m.freshness);
    line("tags", m.tags.join(QStringLiteral(", ")));
    line("defined in", page->record.path);
    line("description", m.description);
    for (auto it = m.parameters.constBegin(); it != m.parameters.constEnd(); ++it) {
        const QJsonValue v = it.value();
        const QString text = v.isString() ? v.toString()
                                          : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
        out << "parameter   " << plain(it.key()) << " = " << plain(text) << "\n";
    }
    for (const metrics::InputView &v : page->inputs) {
        out << "input       " << plain(v.input.kind) << " " << plain(v.input.ref);
        if (!v.input.target.isEmpty() && v.input.target != v.input.ref)
            out << " -> " << plain(v.input.target);
        if (!v.input.filter.isEmpty())
            out << "  where " << plain(v.input.filter);
        if (!v.freshness.isEmpty())
            out << "  (fresh within " << plain(v.freshness) << ")";
        if (!v.inMesh && v.input.kind != u"dataset")
            out << "  not in the mesh";
        out << "\n";
        if (!v.freshnessIssue.isEmpty())
            out << "  freshness " << plain(v.freshnessIssue) << "\n";
    }
    for (const QString &id : page->usedBy)
        out << "used by     " << plain(id) << "\n";
    for (const governance::Violation &v : page->warnings)
        out << "warning     " << v.rule << "  " << plain(v.message) << "\n";
    for (const cache::Change &c : page->versions) {
        out << "version     " << c.at.toString(Qt::ISODate) << " " << c.change;
        if (!c.fields.isEmpty())
            out << " (" << plain(c.fields.join(QStringLiteral(", "))) << ")";
        out << "\n";
    }
    return Success;
}

} // namespace

int metricsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The metric registry: business metrics from dbt manifests and Metric documents, grouped by domain. "
        "'list' (the default) shows every metric and the definitions that disagree (rule metrics.consistency); "
        "'show ID' one metric: its definition, inputs, the metrics built on it and its warnings."));
    parser.addHelpOption();
    CommonOptions common;
    common.addTo(parser, /*withSource=*/false);
    parser.addPositionalArgument(QStringLiteral("list|show"), QStringLiteral("What to do (default list)."));
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("For show: a metric id, or a name only one metric has."));
    QTextStream err(stderr);
    if (!parser.parse(arguments.mid(1))) {
        err << "meshscope metrics: " << parser.errorText() << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Success;
    }
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0, QStringLiteral("list"));
    if (action != u"list" && action != u"show") {
        err << "meshscope metrics: unknown action '" << plain(action) << "'; use list or show ID" << Qt::endl;
        return BadUsage;
    }
    if ((action == u"show") != (args.size() == 2) || args.size() > 2) {
        err << "meshscope metrics: " << (action == u"show" ? "show takes one metric id" : "list takes no argument")
            << Qt::endl;
        return BadUsage;
    }
    QTextStream out(stdout);
    try {
        sql::Connection db = cache::openCache(common.cachePath(parser), /*readOnly=*/true);
        if (action == u"show")
            return showMetric(out, err, db, args.at(1), parser.isSet(common.json));
        const std::vector<cache::MetricRecord> records = cache::MetricReader(db).metrics();
        const std::vector<governance::Violation> warnings = governance::checkMetricConsistency(definitionsOf(records));
        return listMetrics(out, records, warnings, parser.isSet(common.json));
    } catch (const sql::SqlError &e) {
        err << "meshscope metrics: " << e.message() << Qt::endl;
        return BadUsage;
    }
}

} // namespace meshscope::cli
